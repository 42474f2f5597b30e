package store_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/data"
	"github.com/ladderhq/ladder/internal/store"
	"github.com/ladderhq/ladder/internal/synth"
)

func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

const validAssessment = `format: ladder/assessment/v1
rubric: {id: gitlab-backend-engineer, version: "1"}
person: %s
rater: %s
role: %s
ratings:
  base-english: 3
`

func TestFindFiles(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"team/b.json":          "{}",
		"team/a.yaml":          "",
		"team/sub/c.yml":       "",
		"team/notes.txt":       "",
		"team/.hidden/x.yaml":  "",
		"team/.draft.yaml":     "",
		"team/Z.YAML":          "",
		"other/named.txt":      "",
		"other/skipped.yaml~":  "",
		"other/sub/.git/x.yml": "",
	})
	team := filepath.Join(dir, "team")
	named := filepath.Join(dir, "other", "named.txt")
	files, problems, err := store.FindFiles([]string{team, named, filepath.Join(team, "a.yaml"), filepath.Join(dir, "other")})
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	rel := func(paths []string) []string {
		var out []string
		for _, p := range paths {
			r, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(r))
		}
		return out
	}
	want := []string{"team/Z.YAML", "team/a.yaml", "team/b.json", "team/sub/c.yml", "other/named.txt"}
	if got := rel(files); !reflect.DeepEqual(got, want) {
		t.Errorf("files = %v\nwant %v", got, want)
	}

	_, _, err = store.FindFiles([]string{team, filepath.Join(dir, "missing")})
	if err == nil || !strings.HasSuffix(err.Error(), "missing: no such file or folder") {
		t.Errorf("missing path: err = %v", err)
	}
}

func TestReadSheetsMixed(t *testing.T) {
	r, err := data.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a-self.yaml":    fmt.Sprintf(validAssessment, "Ada", "Ada", "self"),
		"b-bad.yaml":     "format: ladder/assessment/v1\nrubric: {id: gitlab-backend-engineer, version: \"1\"}\nperson: Ada\nratings:\n  base-english: 9\n",
		"c-manager.json": `{"format": "ladder/assessment/v1", "rubric": {"id": "gitlab-backend-engineer", "version": "1"}, "person": "Ada", "rater": "Max", "role": "manager", "ratings": {"base-english": 4}}`,
		"d-other.yaml":   "format: ladder/assessment/v1\nrubric: {id: acme-sre, version: \"1\"}\nperson: Ada\n",
		"e-old.yaml":     strings.Replace(fmt.Sprintf(validAssessment, "Ada", "Ben", "peer"), `version: "1"`, `version: "0"`, 1),
		"f-broken.json":  `{"person": }`,
	})
	files, _, err := store.FindFiles([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	read, err := store.ReadSheets(files, r, 3)
	if err != nil {
		t.Fatal(err)
	}
	sheets, problems, warnings := read.Sheets, read.Problems, read.Warnings
	var got []string
	for _, s := range sheets {
		got = append(got, filepath.Base(s.File)+" "+s.Rater+" "+string(s.Role))
	}
	if want := []string{"a-self.yaml Ada self", "c-manager.json Max manager", "e-old.yaml Ben peer"}; !reflect.DeepEqual(got, want) {
		t.Errorf("sheets = %v, want %v", got, want)
	}
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, strings.TrimPrefix(p.Error(), dir+string(filepath.Separator)))
	}
	want := []string{
		`b-bad.yaml:5:17: rating 9 of "base-english" is outside the scale 0..4`,
		`d-other.yaml:2:9: written for rubric "acme-sre", not "gitlab-backend-engineer" (give its rubric with --rubric FILE)`,
		`f-broken.json:1:12: invalid JSON: invalid character '}' looking for beginning of value`,
	}
	if !reflect.DeepEqual(msgs, want) {
		t.Errorf("problems =\n%s\nwant\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0].String(), `e-old.yaml: written for version "0"`) {
		t.Errorf("warnings = %v", warnings)
	}
	i := r.CriterionIndex("base-english")
	if sheets[0].Ratings[i] != 3 || sheets[1].Ratings[i] != 4 || sheets[0].Ratings[r.CriterionIndex("base-values")] != assess.Unrated {
		t.Errorf("ratings not kept by criterion index")
	}
}

// TestReadSheetsOrder: however many workers, the results come in file order.
func TestReadSheetsOrder(t *testing.T) {
	r, err := data.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	paths, _, err := synth.Write(dir, r, synth.Planted(24, 7))
	if err != nil {
		t.Fatal(err)
	}
	one, err := store.ReadSheets(paths, r, 1)
	if err != nil {
		t.Fatal(err)
	}
	many, err := store.ReadSheets(paths, r, 8)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(one, many) {
		t.Error("eight workers give other sheets than one")
	}
	for i, s := range one.Sheets {
		if s.File != paths[i] {
			t.Fatalf("sheet %d is %s, want %s", i, s.File, paths[i])
		}
	}
}

// TestSheetsKeepOnlyRatings: what calibration holds per file does not grow
// with the file: files with a 1 KiB note on every rating cost no more than bare
// ones once read.
func TestSheetsKeepOnlyRatings(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 400 files")
	}
	r, err := data.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := synth.Generate(r, synth.Planted(50, 3)) // 200 files
	retained := func(note string) (perFile float64, fileBytes int64) {
		dir := t.TempDir()
		var paths []string
		for _, f := range files {
			a := *f.Assessment
			a.Ratings = map[string]assess.Rating{}
			for id, rt := range f.Assessment.Ratings {
				rt.Note = note
				a.Ratings[id] = rt
			}
			b, err := assess.Encode(&a, r)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, filepath.Base(f.Path)+fmt.Sprint(len(paths))+".yaml")
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
			fileBytes += int64(len(b))
			paths = append(paths, path)
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		read, err := store.ReadSheets(paths, r, 2)
		runtime.GC()
		runtime.ReadMemStats(&after)
		if err != nil || len(read.Problems) > 0 || len(read.Sheets) != len(paths) {
			t.Fatalf("%v, problems %v", err, read.Problems)
		}
		runtime.KeepAlive(read)
		return float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(len(paths)), fileBytes
	}
	bare, bareBytes := retained("")
	noted, notedBytes := retained(strings.Repeat("n", 1024))
	t.Logf("retained per file: %.0f B for %d-byte files, %.0f B for %d-byte files",
		bare, bareBytes/200, noted, notedBytes/200)
	if notedBytes < 20*bareBytes {
		t.Fatalf("the noted files are only %d bytes against %d", notedBytes, bareBytes)
	}
	// A sheet is its ratings (2 bytes per criterion of the rubric) and a few
	// strings; allow four times that, far below one file with notes.
	limit := 4 * float64(2*len(r.Criteria)+256)
	if noted > limit || bare > limit {
		t.Errorf("a sheet keeps %.0f bytes (bare files: %.0f), more than %.0f", noted, bare, limit)
	}
}
