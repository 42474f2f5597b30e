package assess_test

import (
	"os"
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/data"
	"go.yaml.in/yaml/v3"
)

func loadExample(b *testing.B) []byte {
	src, err := os.ReadFile("../examples/senior-gitaly.yaml")
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// BenchmarkDecodeOnly is the baseline for BenchmarkParse: the same file
// decoded by the YAML library into a generic map, with no checks.
func BenchmarkDecodeOnly(b *testing.B) {
	src := loadExample(b)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		var m map[string]any
		if err := yaml.Unmarshal(src, &m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse decodes and checks an assessment against the rubric.
func BenchmarkParse(b *testing.B) {
	r, err := data.Rubric()
	if err != nil {
		b.Fatal(err)
	}
	src := loadExample(b)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, _, err := assess.Parse("a.yaml", src, r, assess.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScore scores one assessment against every level and specialty.
func BenchmarkScore(b *testing.B) {
	r, err := data.Rubric()
	if err != nil {
		b.Fatal(err)
	}
	a, _, err := assess.Parse("a.yaml", loadExample(b), r, assess.Options{})
	if err != nil {
		b.Fatal(err)
	}
	s := assess.NewScorer(r)
	for b.Loop() {
		s.Score(a)
	}
}
