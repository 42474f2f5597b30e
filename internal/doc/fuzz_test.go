package doc

import (
	"math"
	"strings"
	"testing"
)

// FuzzParse: YAML or JSON, any bytes give a tree or one located line, and
// any value read as a number is finite or one located line.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"a: 1\n", "{\"a\": [1, 2]}", "a: &x [*x]\n", "[[[[", "a:\n\tb: 1\n", "\"\\/\"",
		"a: 1\n---\nb: [\n", "a: 1\n...\nb: 2\n", "\ufeff{\"a\": 1}", "{a: 1, b: [x]}\n",
		"v: !!bool maybe\n", "v: 010\n", "v: 0x1F\n", "v: !!float nan\n", "v: .inf\n", "{\"v\": 1e999}",
	} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, src string, asJSON bool) {
		name := "f.yaml"
		if asJSON {
			name = "f.json"
		}
		located := func(err error) {
			if !strings.HasPrefix(err.Error(), name+":") || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error is not one located line: %q", err)
			}
		}
		d, err := Parse(name, []byte(src))
		if err != nil {
			located(err)
			return
		}
		_ = d.Map(d.Root, "doc", nil, func(_ string, f Field) error {
			if _, err := d.Int(f.Value, "v"); err != nil {
				located(err)
			}
			if v, err := d.Float(f.Value, "v"); err != nil {
				located(err)
			} else if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("%q read as %v", src, v)
			}
			d.YesNo(f.Value)
			return nil
		})
	})
}
