package report

import (
	"io"
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/store"
	"github.com/ladderhq/ladder/internal/synth"
)

// The rendering benchmarks render a result worked out once, on a terminal
// (colour, borders, 100 columns) and piped. Run on an older commit (the
// Width field left out where it did not exist yet), they give the
// before/after ratios of the output layer; BenchmarkScoreBaseline, in the
// same run, scores the assessment the score renders.

var benchStyles = []struct {
	name  string
	style Style
}{
	{"terminal", Style{Color: true, Borders: true, Width: 100}},
	{"pipe", Style{Width: 80}},
}

func benchRender(b *testing.B, render func(w io.Writer, style Style) error) {
	for _, st := range benchStyles {
		b.Run(st.name, func(b *testing.B) {
			for b.Loop() {
				if err := render(io.Discard, st.style); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRenderScore renders one scored assessment as ladder score does.
func BenchmarkRenderScore(b *testing.B) {
	r := builtin(b)
	s, a := benchAssessment(b)
	res := s.Score(a)
	benchRender(b, func(w io.Writer, style Style) error { return RenderScore(w, r, res, style, ScoreOptions{Gaps: 3}) })
}

// BenchmarkRenderCalibrate1k renders the calibration of a synthetic
// organisation of 250 people, 1,000 assessment files, every view.
func BenchmarkRenderCalibrate1k(b *testing.B) {
	r := builtin(b)
	dir := b.TempDir()
	if _, _, err := synth.Write(dir, r, synth.Planted(250, 1)); err != nil {
		b.Fatal(err)
	}
	files, problems, err := store.FindFiles([]string{dir})
	if err != nil || len(problems) > 0 {
		b.Fatal(err, problems)
	}
	read, err := store.ReadSheets(files, r, 0)
	if err != nil || len(read.Problems) > 0 {
		b.Fatal(err, read.Problems)
	}
	b.Logf("%d files", len(files))
	cal := assess.Calibrate(r, read.Sheets)
	benchRender(b, func(w io.Writer, style Style) error { return RenderCalibration(w, r, cal, style, CalibrationViews) })
}

// BenchmarkRenderRubricList renders ladder rubric list.
func BenchmarkRenderRubricList(b *testing.B) {
	r := builtin(b)
	benchRender(b, func(w io.Writer, style Style) error { return RenderRubricList(w, r, style) })
}
