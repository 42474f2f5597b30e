package cmd_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/ladderhq/ladder/cmd"
	"github.com/ladderhq/ladder/data"
	"github.com/ladderhq/ladder/internal/synth"
)

// calibrateFormats are the outputs of ladder calibrate that the golden
// files hold: every format and every CSV view, piped (no terminal).
var calibrateFormats = []struct {
	name     string
	args     []string
	teamOnly bool // a page per run is enough
}{
	{name: "table.txt", args: nil},
	{name: "table-raters-levels.txt", args: []string{"--view", "raters,levels"}},
	{name: "json", args: []string{"-o", "json"}},
	{name: "people.csv", args: []string{"-o", "csv"}},
	{name: "raters.csv", args: []string{"-o", "csv", "--view", "raters"}},
	{name: "agreement.csv", args: []string{"-o", "csv", "--view", "agreement"}},
	{name: "levels.csv", args: []string{"-o", "csv", "--view", "levels"}},
	{name: "md", args: []string{"-o", "markdown"}},
	{name: "html", args: []string{"-o", "html"}},
	{name: "anonymized.txt", args: []string{"--anonymize"}},
	{name: "anonymized.json", args: []string{"-o", "json", "--anonymize"}},
	{name: "anonymized.html", args: []string{"-o", "html", "--anonymize"}, teamOnly: true},
}

// TestCalibrateGolden: ladder calibrate prints, byte for byte, what the
// golden files in testdata/calibrate hold, in every format, for the example
// team and for a synthetic organisation of 1,000 real-size files (its
// golden files gzip-compressed: they are megabytes of text). Regenerate
// with -update and review the diff.
func TestCalibrateGolden(t *testing.T) {
	r, err := data.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	org := t.TempDir()
	if _, _, err := synth.Write(org, r, synth.RealSize(250, 1)); err != nil {
		t.Fatal(err)
	}
	for _, set := range []struct {
		name, dir string
		gz        bool
	}{
		{"team", "../examples/team", false},
		{"org1k", org, true},
	} {
		for _, f := range calibrateFormats {
			if f.teamOnly && set.name != "team" {
				continue
			}
			t.Run(set.name+"/"+f.name, func(t *testing.T) {
				var out, errOut bytes.Buffer
				env := &cmd.Env{
					IO:     cmd.IO{In: strings.NewReader(""), Out: &out, Err: &errOut},
					Getenv: func(string) string { return "" },
					Now:    func() time.Time { return time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) },
					Seed:   func() uint64 { return 42 },
				}
				args := append(append([]string{"calibrate"}, f.args...), set.dir)
				if code := cmd.Run(env, args); code != 0 || errOut.Len() > 0 {
					t.Fatalf("exit %d: %s", code, errOut.String())
				}
				path := filepath.Join("testdata", "calibrate", set.name+"."+f.name)
				if set.gz {
					path += ".gz"
				}
				golden(t, path, out.Bytes(), set.gz)
			})
		}
	}
}

// golden compares got with the golden file at path (gzip-compressed when
// gz), or rewrites it under -update. A difference is shown around its first
// line, not in full: the files run to tens of thousands of lines.
func golden(t *testing.T, path string, got []byte, gz bool) {
	t.Helper()
	if *update {
		var b bytes.Buffer
		if gz {
			zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
			zw.Write(got)
			if err := zw.Close(); err != nil {
				t.Fatal(err)
			}
		} else {
			b.Write(got)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if gz {
		zr, err := gzip.NewReader(bytes.NewReader(want))
		if err != nil {
			t.Fatal(err)
		}
		if want, err = io.ReadAll(zr); err != nil {
			t.Fatal(err)
		}
	}
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := strings.SplitAfter(string(got), "\n"), strings.SplitAfter(string(want), "\n")
	first := 0
	for first < len(gl) && first < len(wl) && gl[first] == wl[first] {
		first++
	}
	from := max(0, first-3)
	window := func(lines []string) []string { return lines[from:min(len(lines), first+8)] }
	t.Errorf("%s: differs from line %d (%d bytes, want %d); -want +got around it:\n%s",
		path, first+1, len(got), len(want), cmp.Diff(window(wl), window(gl)))
}
