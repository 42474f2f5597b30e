package doc

import (
	"strings"
	"testing"
)

// FuzzParse: YAML or JSON, any bytes give a tree or one located line.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"a: 1\n", "{\"a\": [1, 2]}", "a: &x [*x]\n", "[[[[", "a:\n\tb: 1\n", "\"\\/\""} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, src string, asJSON bool) {
		name := "f.yaml"
		if asJSON {
			name = "f.json"
		}
		d, err := Parse(name, []byte(src))
		if err != nil {
			if !strings.HasPrefix(err.Error(), name+":") || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error is not one located line: %q", err)
			}
			return
		}
		_ = d.Map(d.Root, "doc", nil, func(string, Field) error { return nil })
	})
}
