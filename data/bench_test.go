package data

import (
	"testing"

	"github.com/ladderhq/ladder/rubric"

	"go.yaml.in/yaml/v3"
)

// BenchmarkRubricDecodeOnly is the baseline for BenchmarkRubric: the embedded
// rubric decoded into a generic map, with no checks.
func BenchmarkRubricDecodeOnly(b *testing.B) {
	b.SetBytes(int64(len(rubricYAML)))
	for b.Loop() {
		var m map[string]any
		if err := yaml.Unmarshal(rubricYAML, &m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRubricParseYAML decodes, validates and indexes the rubric's YAML
// source, as for a user's rubric.
func BenchmarkRubricParseYAML(b *testing.B) {
	b.SetBytes(int64(len(rubricYAML)))
	for b.Loop() {
		if _, err := ParseYAML(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRubric readies the compiled-in rubric, as every command that
// needs the built-in rubric does once at start-up: indexed without
// validation (what Rubric does), beside validated and indexed (what it did
// before, and what a test still checks), with x-validated the ratio of the
// two.
func BenchmarkRubric(b *testing.B) {
	var validated float64
	b.Run("validated", func(b *testing.B) {
		for b.Loop() {
			if _, err := rubric.Prepare(RubricFile, builtin()); err != nil {
				b.Fatal(err)
			}
		}
		validated = float64(b.Elapsed()) / float64(b.N)
	})
	b.Run("indexed", func(b *testing.B) {
		for b.Loop() {
			if _, err := Rubric(); err != nil {
				b.Fatal(err)
			}
		}
		if validated > 0 {
			b.ReportMetric(float64(b.Elapsed())/float64(b.N)/validated, "x-validated")
		}
	})
}
