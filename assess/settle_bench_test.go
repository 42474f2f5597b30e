package assess_test

import (
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/data"
	"github.com/ladderhq/ladder/rubric"
)

// exampleAssessment is the full Senior + Gitaly example, parsed.
func exampleAssessment(b *testing.B) (*rubric.Rubric, *assess.Assessment) {
	r, err := data.Rubric()
	if err != nil {
		b.Fatal(err)
	}
	a, _, err := assess.Parse("senior-gitaly.yaml", loadExample(b), r, assess.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return r, a
}

// BenchmarkSettleStep is what ladder assess does between two questions of a
// full Senior + Gitaly assessment, on the example's answers: settle what
// the answers imply, then find the next open step and its number. Its
// baseline is store's BenchmarkSave, which the same moment also pays; settling must
// stay a small share of it.
func BenchmarkSettleStep(b *testing.B) {
	r, a := exampleAssessment(b)
	q := assess.NewQuestionnaire(r, assess.QuestionnaireOptions{Target: "senior", Specialties: []string{"gitaly"}})
	for b.Loop() {
		q.Settle(a)
		if i := q.Next(a, 0); i >= 0 {
			q.Position(a, i)
		}
	}
}

// BenchmarkMoot is the part of scoring that finds the alternatives an
// assessment need not answer; BenchmarkScore (bench_test.go), which calls
// it once, is its baseline.
func BenchmarkMoot(b *testing.B) {
	r, a := exampleAssessment(b)
	for b.Loop() {
		assess.Moot(r, a)
	}
}
