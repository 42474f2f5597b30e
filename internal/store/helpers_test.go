package store

import (
	"os"
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/rubric"
)

// loadMini loads the small rubric that package assess scores by hand.
func loadMini(t testing.TB) *rubric.Rubric {
	t.Helper()
	const path = "../../assess/testdata/mini.yaml"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := rubric.Parse(path, b)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// rated builds an assessment of Ada from "id: rating" pairs; "yes" and
// "no" answer yes/no criteria.
func rated(r *rubric.Rubric, ratings map[string]string) *assess.Assessment {
	a := &assess.Assessment{Rubric: assess.RubricRef{ID: r.ID, Version: r.Version}, Person: "Ada", Rater: "Ada", Role: assess.Self,
		Ratings: map[string]assess.Rating{}}
	for id, v := range ratings {
		switch v {
		case "yes":
			a.Ratings[id] = assess.Rating{Value: 1, YesNo: true}
		case "no":
			a.Ratings[id] = assess.Rating{Value: 0, YesNo: true}
		default:
			a.Ratings[id] = assess.Rating{Value: int(v[0] - '0')}
		}
	}
	return a
}
