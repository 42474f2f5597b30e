package rubric

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ladderhq/ladder/internal/shapes"
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
	f.Add([]byte(strings.Replace(base, "levels:", "thresholds: {meets: !!float nan}\nlevels:", 1)))
	f.Add([]byte(strings.Replace(base, "levels:", "thresholds: {meets: .inf, approaching: 010}\nlevels:", 1)))
	f.Add([]byte(base + "---\nid: [\n"))
	f.Add([]byte("{format: ladder/rubric/v1, id: x}\n"))
	f.Add([]byte(shapes.SupersedesChain(20)))
	f.Add([]byte(shapes.FlatSupersedesChain(20)))
	f.Add([]byte(shapes.NestedGroups(20)))
	f.Add([]byte(strings.Replace(strings.Replace(base, "{value: 1, label: Some}", "{value: 1, label: Some, description: I help., description_other: \"{person} helps.\"}", 1),
		`{id: go, prompt: "Go?",`, `{id: go, prompt: "Go?", prompt_other: "Does {person} write Go?",`, 1)))
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
		// What validates exports, in both formats, and loads back.
		out, err := yaml.Marshal(Export(r))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse("export.yaml", out); err != nil {
			t.Fatalf("a valid rubric's export does not load back: %v\n%s", err, out)
		}
		out, err = json.Marshal(Export(r))
		if err != nil {
			t.Fatalf("a valid rubric does not export as JSON: %v", err)
		}
		if _, err := Parse("export.json", out); err != nil {
			t.Fatalf("a valid rubric's JSON export does not load back: %v\n%s", err, out)
		}
	})
}

// FuzzAboutPerson: any text turns about a person without a panic, stays
// valid UTF-8, and is left as it is when it mentions no one.
func FuzzAboutPerson(f *testing.F) {
	for _, s := range []string{"How well do you test your code?", "Some exposure; I need guidance.", "I/O, Part I", "You’re it.", "do you", "you", "I am"} {
		f.Add(s, "Ada")
	}
	f.Fuzz(func(t *testing.T, text, name string) {
		got := AboutPerson(text, name)
		if utf8.ValidString(text) && utf8.ValidString(name) && !utf8.ValidString(got) {
			t.Fatalf("AboutPerson(%q, %q) = %q: not UTF-8", text, name, got)
		}
		lower := strings.ToLower(text)
		if !strings.Contains(lower, "you") && !strings.Contains(lower, "i") && !strings.Contains(lower, "m") && got != text {
			t.Fatalf("AboutPerson(%q) = %q: changed a text that mentions no one", text, got)
		}
	})
}
