package report

import (
	"bytes"
	"testing"
	"time"

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
			if err := RenderPlan(&b, r, p, style, PlanOptions{}); err != nil {
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

// priyaHistory is Priya's two example assessments, and between them one
// she stopped after five answers: unfinished, so no point of a trend.
func priyaHistory(t *testing.T, r *rubric.Rubric) *assess.History {
	t.Helper()
	entry := func(file string, res *assess.Result) assess.HistoryEntry {
		return assess.HistoryEntry{File: file, Result: res, Completion: assess.CompletionOf(r, res.Assessment)}
	}
	first := scored(t, r, "../examples/senior-gitaly.yaml")
	stopped := *first.Assessment
	stopped.Ratings = map[string]assess.Rating{}
	for _, c := range r.Criteria[:5] {
		if rt, ok := first.Assessment.Ratings[c.ID]; ok {
			stopped.Ratings[c.ID] = rt
		}
	}
	stopped.Created = time.Date(2027, 1, 15, 9, 0, 0, 0, time.UTC)
	stopped.Updated = stopped.Created.Add(2 * time.Minute)
	return &assess.History{Person: "Priya Raman", Entries: []assess.HistoryEntry{
		entry("data/priya-raman/2026-11-02T090000Z-priya-raman-self.yaml", first),
		entry("data/priya-raman/2027-01-15T090000Z-priya-raman-self.yaml", assess.Score(r, &stopped)),
		entry("data/priya-raman/2027-05-17T083000Z-priya-raman-self.yaml", scored(t, r, "../examples/senior-gitaly-2027.yaml")),
	}}
}

func TestHistoryGolden(t *testing.T) {
	r := builtin(t)
	h := priyaHistory(t, r)
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
	points := func(scores ...float64) []*float64 {
		out := make([]*float64, len(scores))
		for i, s := range scores {
			if s >= 0 {
				out[i] = &scores[i]
			}
		}
		return out
	}
	for _, tc := range []struct {
		scores []*float64
		want   string
	}{
		{points(0, 0.124, 0.125, 0.5, 0.874, 0.875, 1, 1.2), "▁▁▂▅▇███"},
		// An unfinished assessment is a gap, not a collapse.
		{points(0.9, -1, 0.95), "█ █"},
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
