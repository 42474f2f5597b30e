package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/rubric"
)

// seeds are every test page and file, and the built-in rubric's source page.
func seeds(f *testing.F) {
	paths, _ := filepath.Glob("testdata/*")
	paths = append(paths, "../../data/gitlab-backend-engineer.source.md")
	for _, p := range paths {
		if fi, err := os.Stat(p); err != nil || fi.IsDir() {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b), "")
	}
	f.Add("## Levels\n\n### Senior\n\nThe Senior role extends the [X](#x) role.\n\n- **Must** one or more of:\n  - A\n  - B\n", "")
	f.Add("---\nlevels: 2\ntopics:\n  - name: a\n    content:\n      - level: 3\n        criteria: [x]\n---\n", "")
	f.Add("levels: [{id: a-ic, name: A (IC)}, {id: a-pm, name: A (PM)}]\ncompetencies: [{level: a-pm, summary: '1. x\n2. y'}]\n", "pm")
}

// FuzzImport: whatever the file, an import either fails with an error or
// gives a rubric that loads as a rubric file; never a panic.
func FuzzImport(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, src, track string) {
		res, err := Import("fuzz.md", []byte(src), Options{Track: track})
		if err != nil {
			if strings.Contains(err.Error(), "does not validate") {
				t.Fatal(err)
			}
			return
		}
		for _, format := range []string{"yaml", "json"} {
			out, err := Encode(res.Rubric, format)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := rubric.Parse("fuzz."+format, out); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
		}
	})
}
