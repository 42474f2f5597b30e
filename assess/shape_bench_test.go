package assess_test

import (
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/shapes"
	"github.com/ladderhq/ladder/internal/store"
	"github.com/ladderhq/ladder/rubric"
)

// BenchmarkScoreShapes scores one assessment against rubrics of extreme
// shapes beside the built-in rubric and an example, the baseline: compare
// each shape's time per run with the baseline's from the same run. Each
// assessment rates the first criterion only, so that every other unit of
// every level is a gap.
func BenchmarkScoreShapes(b *testing.B) {
	a, _, err := store.Load("../examples/senior-gitaly.yaml", builtin(b))
	b.Run("baseline", func(b *testing.B) {
		if err != nil {
			b.Fatal(err)
		}
		s := assess.NewScorer(builtin(b))
		for b.Loop() {
			s.Score(a)
		}
	})
	for _, bc := range []struct {
		name string
		src  string
	}{
		{"supersedes-chain-10000", shapes.SupersedesChain(10_000)},
		{"levels-3000", shapes.ManyLevels(3_000)},
		{"nested-groups-10000", shapes.NestedGroups(10_000)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			r, err := rubric.Parse("shape.yaml", []byte(bc.src))
			if err != nil {
				b.Fatal(err)
			}
			a := &assess.Assessment{Person: "P", Ratings: map[string]assess.Rating{r.Criteria[0].ID: {Value: 3}}}
			s := assess.NewScorer(r)
			for b.Loop() {
				s.Score(a)
			}
		})
	}
}
