package assess_test

import (
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/data"
)

// BenchmarkStanding measures, beside each other on the example Senior +
// Gitaly assessment, what a history entry and a result's explanation cost
// on top of reading the file: parse (the baseline: decode and check),
// score (every level and specialty), completion (how far the questions
// went: a questionnaire laid out and settled against the answers, done
// for every file ladder history and the latest-assessment lookup read),
// and explain (the levels not asked, the fit level's reason, every gap
// once).
func BenchmarkStanding(b *testing.B) {
	r, err := data.Rubric()
	if err != nil {
		b.Fatal(err)
	}
	src := loadExample(b)
	a, _, err := assess.Parse("a.yaml", src, r, assess.Options{})
	if err != nil {
		b.Fatal(err)
	}
	res := assess.Score(r, a)
	b.Run("parse", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := assess.Parse("a.yaml", src, r, assess.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("score", func(b *testing.B) {
		s := assess.NewScorer(r)
		for b.Loop() {
			s.Score(a)
		}
	})
	b.Run("completion", func(b *testing.B) {
		for b.Loop() {
			assess.CompletionOf(r, a)
		}
	})
	b.Run("explain", func(b *testing.B) {
		for b.Loop() {
			assess.NotAsked(r, res)
			assess.FitReasonOf(r, res)
			assess.SharedGaps(r, res.Levels, a.TargetLevel)
		}
	})
}
