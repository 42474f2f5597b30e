package report

import (
	"bytes"
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/store"
	"github.com/ladderhq/ladder/rubric"
)

func plan(t testing.TB, r *rubric.Rubric, file string, opt assess.PlanOptions) *assess.Plan {
	t.Helper()
	a, _, err := store.Load(file, r)
	if err != nil {
		t.Fatal(err)
	}
	p, err := assess.NewPlan(r, assess.Score(r, a), opt)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPlanGolden(t *testing.T) {
	r := builtin(t)
	cases := []struct {
		name, example string
		opt           assess.PlanOptions
	}{
		{"senior-gitaly", "senior-gitaly", assess.PlanOptions{}},
		{"senior-gitaly-2027", "senior-gitaly-2027", assess.PlanOptions{}},
		{"new-graduate-database", "new-graduate", assess.PlanOptions{Specialties: []string{"database"}}},
		{"go-only-senior-gitaly", "go-only", assess.PlanOptions{Target: "senior", Specialties: []string{"gitaly", "application-performance"}}},
	}
	for _, tc := range cases {
		p := plan(t, r, "../examples/"+tc.example+".yaml", tc.opt)
		for name, style := range styles {
			var b bytes.Buffer
			if err := RenderPlan(&b, r, p, style); err != nil {
				t.Fatal(err)
			}
			golden(t, "plan-"+tc.name+"."+name+".txt", b.Bytes())
		}
		var b bytes.Buffer
		if err := RenderPlanMarkdown(&b, r, p); err != nil {
			t.Fatal(err)
		}
		golden(t, "plan-"+tc.name+".md", b.Bytes())
		b.Reset()
		if err := WriteJSON(&b, PlanData(r, p)); err != nil {
			t.Fatal(err)
		}
		golden(t, "plan-"+tc.name+".json", b.Bytes())
	}
}

func TestDiffGolden(t *testing.T) {
	r := builtin(t)
	files := DiffFiles{Old: "examples/senior-gitaly.yaml", New: "examples/senior-gitaly-2027.yaml"}
	d := assess.NewDiff(r, scored(t, r, "../"+files.Old), scored(t, r, "../"+files.New))
	for name, style := range styles {
		var b bytes.Buffer
		if err := RenderDiff(&b, r, d, files, style); err != nil {
			t.Fatal(err)
		}
		golden(t, "diff-senior-gitaly."+name+".txt", b.Bytes())
	}
	var b bytes.Buffer
	if err := RenderDiffMarkdown(&b, r, d, files); err != nil {
		t.Fatal(err)
	}
	golden(t, "diff-senior-gitaly.md", b.Bytes())
	b.Reset()
	if err := WriteJSON(&b, DiffData(d, files)); err != nil {
		t.Fatal(err)
	}
	golden(t, "diff-senior-gitaly.json", b.Bytes())

	// An assessment against itself: nothing changed.
	same := assess.NewDiff(r, d.Old, d.Old)
	b.Reset()
	if err := RenderDiff(&b, r, same, DiffFiles{Old: files.Old, New: files.Old}, Style{Width: 80}); err != nil {
		t.Fatal(err)
	}
	golden(t, "diff-unchanged.txt", b.Bytes())
}

func TestHistoryGolden(t *testing.T) {
	r := builtin(t)
	h := &assess.History{Person: "Priya Raman", Entries: []assess.HistoryEntry{
		{File: "data/priya-raman/2026-11-02T090000Z-priya-raman-self.yaml", Result: scored(t, r, "../examples/senior-gitaly.yaml")},
		{File: "data/priya-raman/2027-05-17T083000Z-priya-raman-self.yaml", Result: scored(t, r, "../examples/senior-gitaly-2027.yaml")},
	}}
	for _, tc := range []struct {
		name  string
		style Style
		opt   HistoryOptions
	}{
		{"plain", Style{Width: 80}, HistoryOptions{}},
		{"terminal", Style{Color: true, Borders: true, Width: 80}, HistoryOptions{Sparkline: true}},
	} {
		var b bytes.Buffer
		if err := RenderHistory(&b, r, h, tc.style, tc.opt); err != nil {
			t.Fatal(err)
		}
		golden(t, "history-priya."+tc.name+".txt", b.Bytes())
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, HistoryData(r, h)); err != nil {
		t.Fatal(err)
	}
	golden(t, "history-priya.json", b.Bytes())
}

func TestSparkline(t *testing.T) {
	for _, tc := range []struct {
		scores []float64
		want   string
	}{
		{[]float64{0, 0.124, 0.125, 0.5, 0.874, 0.875, 1, 1.2, -0.1}, "▁▁▂▅▇███▁"},
		{nil, ""},
	} {
		if got := sparkline(tc.scores); got != tc.want {
			t.Errorf("sparkline(%v) = %q, want %q", tc.scores, got, tc.want)
		}
	}
}

func TestReportGolden(t *testing.T) {
	r := builtin(t)
	for _, ex := range []string{"senior-gitaly", "new-graduate", "go-only"} {
		file := "examples/" + ex + ".yaml"
		pg := NewPage(r, plan(t, r, "../"+file, assess.PlanOptions{}), PageOptions{File: file})
		var b bytes.Buffer
		if err := RenderHTML(&b, pg); err != nil {
			t.Fatal(err)
		}
		golden(t, "report-"+ex+".html", b.Bytes())
		b.Reset()
		if err := RenderMarkdown(&b, pg); err != nil {
			t.Fatal(err)
		}
		golden(t, "report-"+ex+".md", b.Bytes())
	}
}
