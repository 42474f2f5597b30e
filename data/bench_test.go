package data

import (
	"testing"

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

// BenchmarkRubric decodes, validates and indexes the embedded rubric, which
// every command but version does once at start-up.
func BenchmarkRubric(b *testing.B) {
	b.SetBytes(int64(len(rubricYAML)))
	for b.Loop() {
		if _, err := Rubric(); err != nil {
			b.Fatal(err)
		}
	}
}
