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

// BenchmarkRubric validates and indexes the compiled-in rubric, which every
// command that needs the built-in rubric does once at start-up.
func BenchmarkRubric(b *testing.B) {
	for b.Loop() {
		if _, err := Rubric(); err != nil {
			b.Fatal(err)
		}
	}
}
