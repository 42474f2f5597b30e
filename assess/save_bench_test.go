package assess_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/data"
	"github.com/ladderhq/ladder/internal/store"
	"github.com/ladderhq/ladder/rubric"
)

// BenchmarkWriteFileOnly is the baseline for BenchmarkSave: the same bytes
// written with os.WriteFile, neither encoded nor synced nor renamed.
func BenchmarkWriteFileOnly(b *testing.B) {
	r, a := exampleAssessment(b)
	data, err := assess.Encode(a, r)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "a.yaml")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if err := os.WriteFile(path, data, 0o600); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSave is what ladder assess does after every answer: encode the
// assessment and write it atomically (temporary file, fsync, rename).
func BenchmarkSave(b *testing.B) {
	r, a := exampleAssessment(b)
	path := filepath.Join(b.TempDir(), "a.yaml")
	for b.Loop() {
		if err := store.Save(path, a, r); err != nil {
			b.Fatal(err)
		}
	}
}

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

func exampleAssessment(b *testing.B) (*rubric.Rubric, *assess.Assessment) {
	r, err := data.Rubric()
	if err != nil {
		b.Fatal(err)
	}
	a, _, err := assess.Parse("a.yaml", loadExample(b), r, assess.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return r, a
}
