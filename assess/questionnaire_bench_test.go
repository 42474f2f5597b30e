package assess_test

import (
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/data"
)

// BenchmarkRubricWalk is the baseline for BenchmarkNewQuestionnaire: one
// pass over the criteria, the least any layout of questions must do.
func BenchmarkRubricWalk(b *testing.B) {
	r, err := data.Rubric()
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for b.Loop() {
		for i := range r.Criteria {
			if assess.Asked(&r.Criteria[i], false) {
				n++
			}
		}
	}
	_ = n
}

// BenchmarkNewQuestionnaire lays out a full assessment of every level and
// three specialties.
func BenchmarkNewQuestionnaire(b *testing.B) {
	r, err := data.Rubric()
	if err != nil {
		b.Fatal(err)
	}
	opt := assess.QuestionnaireOptions{Specialties: []string{"gitaly", "git", "database"}}
	for b.Loop() {
		assess.NewQuestionnaire(r, opt)
	}
}
