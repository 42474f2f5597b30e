package rubric

import (
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// FuzzParse: any input either fails with a located error or gives a rubric
// whose export loads back. Never a panic.
func FuzzParse(f *testing.F) {
	f.Add([]byte(base))
	f.Add([]byte(shared))
	f.Add([]byte(strings.Replace(base, "min: 1}", "min: 3}", 1)))
	f.Add([]byte(`{"format": "ladder/rubric/v1", "id": "x", "version": "1", "title": "X", "scale": [{"value": 0, "label": "a"}, {"value": 1, "label": "b"}], "levels": [{"id": "l", "title": "L", "expect": 1}], "criteria": [{"id": "c", "prompt": "C?", "level": "l"}]}`))
	f.Add([]byte("a: &a [*a]\n"))
	if b, err := os.ReadFile("../examples/sre/rubric.yaml"); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse("fuzz.yaml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yaml") || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error is not one located line: %q", err)
			}
			return
		}
		out, err := yaml.Marshal(Export(r))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse("export.yaml", out); err != nil {
			t.Fatalf("a valid rubric's export does not load back: %v\n%s", err, out)
		}
	})
}
