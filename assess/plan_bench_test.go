package assess_test

import (
	"testing"

	"github.com/ladderhq/ladder/assess"
)

// BenchmarkPlan scores an assessment and plans for the next level and its
// specialty; BenchmarkScore (same file, same run) is its baseline.
func BenchmarkPlan(b *testing.B) {
	r := builtin(b)
	a := load(b, r, "senior-gitaly")
	s := assess.NewScorer(r)
	for b.Loop() {
		if _, err := assess.NewPlan(r, s.Score(a), assess.PlanOptions{Specialties: []string{"gitaly"}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDiff scores two assessments and compares them: about twice
// BenchmarkScore.
func BenchmarkDiff(b *testing.B) {
	r := builtin(b)
	old, new := load(b, r, "senior-gitaly"), load(b, r, "senior-gitaly-2027")
	s := assess.NewScorer(r)
	for b.Loop() {
		assess.NewDiff(r, s.Score(old), s.Score(new))
	}
}
