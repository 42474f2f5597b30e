package report

import (
	"io"
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/store"
)

// The rendering benchmarks each score the assessment as well, so that
// BenchmarkScoreBaseline (scoring alone, same run) shows what the rendering
// adds on top.

func benchAssessment(b *testing.B) (*assess.Scorer, *assess.Assessment) {
	r := builtin(b)
	a, _, err := store.Load("../examples/senior-gitaly.yaml", r)
	if err != nil {
		b.Fatal(err)
	}
	return assess.NewScorer(r), a
}

// BenchmarkScoreBaseline scores one assessment: the baseline.
func BenchmarkScoreBaseline(b *testing.B) {
	s, a := benchAssessment(b)
	for b.Loop() {
		s.Score(a)
	}
}

// BenchmarkRenderPlanMarkdown scores, plans and writes the Markdown plan.
func BenchmarkRenderPlanMarkdown(b *testing.B) {
	r := builtin(b)
	s, a := benchAssessment(b)
	for b.Loop() {
		p, err := assess.NewPlan(r, s.Score(a), assess.PlanOptions{Specialties: []string{"gitaly"}})
		if err != nil {
			b.Fatal(err)
		}
		if err := RenderPlanMarkdown(io.Discard, r, p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderHTML scores, plans and writes the HTML report, radar
// included.
func BenchmarkRenderHTML(b *testing.B) {
	r := builtin(b)
	s, a := benchAssessment(b)
	for b.Loop() {
		p, err := assess.NewPlan(r, s.Score(a), assess.PlanOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if err := RenderHTML(io.Discard, NewPage(r, p, PageOptions{File: "a.yaml"})); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderReportMarkdown is BenchmarkRenderHTML's Markdown twin.
func BenchmarkRenderReportMarkdown(b *testing.B) {
	r := builtin(b)
	s, a := benchAssessment(b)
	for b.Loop() {
		p, err := assess.NewPlan(r, s.Score(a), assess.PlanOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if err := RenderMarkdown(io.Discard, NewPage(r, p, PageOptions{File: "a.yaml"})); err != nil {
			b.Fatal(err)
		}
	}
}
