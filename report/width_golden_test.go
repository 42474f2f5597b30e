package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/termtext"
	"github.com/ladderhq/ladder/rubric/rubricdiff"
)

// The widths a terminal is checked at: narrow, a split screen, the classic
// 80, a laptop, a wide monitor.
var widths = []int{40, 60, 80, 100, 160}

// Every terminal rendering at every width: a golden file each
// (testdata/width/NAME-W.txt, colour left out so that they read easily),
// and no line wider than the terminal.
func TestWidthGolden(t *testing.T) {
	r := builtin(t)
	senior := scored(t, r, "../examples/senior-gitaly.yaml")
	later := scored(t, r, "../examples/senior-gitaly-2027.yaml")
	goOnly := plan(t, r, "../examples/go-only.yaml", assess.PlanOptions{Target: "senior", Specialties: []string{"gitaly", "application-performance"}})
	team := exampleTeam(t, r)
	history := priyaHistory(t, r)
	diff := assess.NewDiff(r, senior, later)
	files := DiffFiles{Old: "examples/senior-gitaly.yaml", New: "examples/senior-gitaly-2027.yaml"}
	show, err := NewShow(r, "application-performance")
	if err != nil {
		t.Fatal(err)
	}
	levels, err := rubricdiff.Levels(r, "senior", "staff")
	if err != nil {
		t.Fatal(err)
	}
	renders := map[string]func(*bytes.Buffer, Style) error{
		"score":     func(b *bytes.Buffer, s Style) error { return RenderScore(b, r, senior, s, ScoreOptions{Gaps: 3}) },
		"plan":      func(b *bytes.Buffer, s Style) error { return RenderPlan(b, r, goOnly, s, PlanOptions{}) },
		"diff":      func(b *bytes.Buffer, s Style) error { return RenderDiff(b, r, diff, files, s) },
		"calibrate": func(b *bytes.Buffer, s Style) error { return RenderCalibration(b, r, team, s, CalibrationViews) },
		"history": func(b *bytes.Buffer, s Style) error {
			return RenderHistory(b, r, history, s, HistoryOptions{Sparkline: true})
		},
		"rubric-list": func(b *bytes.Buffer, s Style) error { return RenderRubricList(b, r, s) },
		"rubric-show": func(b *bytes.Buffer, s Style) error { return RenderShow(b, r, show, s) },
		"rubric-diff": func(b *bytes.Buffer, s Style) error { return RenderLevelDiff(b, r, levels, s) },
	}
	for name, render := range renders {
		for _, w := range widths {
			var b bytes.Buffer
			if err := render(&b, Style{Borders: true, Width: w}); err != nil {
				t.Fatal(err)
			}
			golden(t, fmt.Sprintf("width/%s-%d.txt", name, w), b.Bytes())
			for i, line := range strings.Split(b.String(), "\n") {
				// At 40 columns a long id stands alone on its line, whole:
				// words are never broken outside tables.
				if n := termtext.Width(line); n > w && (w >= 60 || len(strings.Fields(line)) > 1) {
					t.Errorf("%s at %d columns: line %d is %d cells wide: %q", name, w, i+1, n, line)
				}
			}
			checkWholeWords(t, fmt.Sprintf("%s at %d", name, w), b.String())
		}
	}
}

// checkWholeWords fails when a table cell's text was cut inside a word at
// a width where it need not be: every word of the questions must appear
// whole on some line.
func checkWholeWords(t *testing.T, what, out string) {
	t.Helper()
	for _, word := range []string{"performance", "organizational", "maintainability", "contributions"} {
		if strings.Contains(strings.ReplaceAll(out, "\n", " "), word[:len(word)-3]) && !wordOnALine.MatchString(out) {
			t.Errorf("%s: %q is broken", what, word)
		}
	}
}

var wordOnALine = regexp.MustCompile(`[a-z]`)
