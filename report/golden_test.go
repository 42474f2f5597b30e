package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/data"
	"github.com/ladderhq/ladder/internal/store"
	"github.com/ladderhq/ladder/rubric"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update. The
// files are meant to be read: review every change in them by eye.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (-want +got); if the change is intended, run go test ./report -update and review the diff.\n%s",
			path, cmp.Diff(string(want), string(got)))
	}
}

func builtin(t testing.TB) *rubric.Rubric {
	t.Helper()
	r, err := data.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func scored(t *testing.T, r *rubric.Rubric, file string) *assess.Result {
	t.Helper()
	a, _, err := store.Load(file, r)
	if err != nil {
		t.Fatal(err)
	}
	return assess.Score(r, a)
}

// The goldens of each format are at 80 columns; golden_width_test.go
// checks other widths.
var styles = map[string]Style{"plain": {Width: 80}, "terminal": {Color: true, Borders: true, Width: 80}}

func TestScoreGolden(t *testing.T) {
	r := builtin(t)
	for _, ex := range []string{"senior-gitaly", "new-graduate", "go-only"} {
		res := scored(t, r, "../examples/"+ex+".yaml")
		for name, style := range styles {
			var b bytes.Buffer
			if err := RenderScore(&b, r, res, style, ScoreOptions{Gaps: 3}); err != nil {
				t.Fatal(err)
			}
			golden(t, "score-"+ex+"."+name+".txt", b.Bytes())
		}
		var b bytes.Buffer
		if err := WriteJSON(&b, ScoreData(r, res)); err != nil {
			t.Fatal(err)
		}
		golden(t, "score-"+ex+".json", b.Bytes())
	}
}

func TestRubricGolden(t *testing.T) {
	r := builtin(t)
	for name, style := range styles {
		var b bytes.Buffer
		if err := RenderRubricList(&b, r, style); err != nil {
			t.Fatal(err)
		}
		golden(t, "rubric-list."+name+".txt", b.Bytes())
	}
	for _, id := range []string{"staff", "application-performance", "base-language", "senior-performance-at-scale", "leadership"} {
		s, err := NewShow(r, id)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := RenderShow(&b, r, s, Style{Width: 80}); err != nil {
			t.Fatal(err)
		}
		golden(t, "show-"+id+".txt", b.Bytes())
	}
}
