package synth

import (
	"bytes"
	"os"
	"reflect"
	"slices"
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/data"
	"github.com/ladderhq/ladder/internal/store"
	"github.com/ladderhq/ladder/rubric"
)

func builtin(t testing.TB) *rubric.Rubric {
	t.Helper()
	r, err := data.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestPlantedTraitsAreFound: calibrating a planted organisation finds the
// lenient manager, the self-overrater and the person ready for promotion,
// and flags nothing and no one else.
func TestPlantedTraitsAreFound(t *testing.T) {
	r := builtin(t)
	for _, tc := range []struct {
		people int
		seed   uint64
	}{{24, 1}, {24, 2}, {30, 3}, {250, 4}} {
		dir := t.TempDir()
		paths, truth, err := Write(dir, r, Planted(tc.people, tc.seed))
		if err != nil {
			t.Fatal(err)
		}
		files, problems, err := store.FindFiles([]string{dir})
		if err != nil || len(problems) > 0 || len(files) != len(paths) {
			t.Fatalf("found %d of %d files: %v %v", len(files), len(paths), err, problems)
		}
		read, err := store.ReadSheets(files, r, 0)
		if err != nil || len(read.Problems) > 0 || len(read.Warnings) > 0 {
			t.Fatalf("generated files are not clean: %v %v %v", err, read.Problems, read.Warnings)
		}
		c := assess.Calibrate(r, read.Sheets)
		if len(c.Notices) > 0 {
			t.Errorf("notices: %v", c.Notices)
		}

		var lenient, severe []string
		for _, rc := range c.Raters {
			switch rc.Flag {
			case assess.Lenient:
				lenient = append(lenient, rc.Rater)
			case assess.Severe:
				severe = append(severe, rc.Rater)
			}
		}
		flagged := map[string][]assess.Flag{}
		for _, p := range c.People {
			if len(p.Flags) > 0 {
				flagged[p.Person] = p.Flags
			}
			if want := truth.Levels[p.Person]; p.ConsensusFit != want {
				t.Errorf("%d/%d: %s: consensus fit %q, true level %q", tc.people, tc.seed, p.Person, p.ConsensusFit, want)
			}
		}
		wantFlagged := map[string][]assess.Flag{
			truth.SelfOverraters[0]: {assess.SelfHigher},
			truth.PromotionReady[0]: {assess.PromotionReady},
		}
		if !reflect.DeepEqual(lenient, truth.LenientManagers) || len(severe) > 0 {
			t.Errorf("%d/%d: lenient %v, severe %v; planted lenient %v", tc.people, tc.seed, lenient, severe, truth.LenientManagers)
		}
		if !reflect.DeepEqual(flagged, wantFlagged) {
			t.Errorf("%d/%d: flagged %v, planted %v", tc.people, tc.seed, flagged, wantFlagged)
		}
		if c.Sheets != 4*tc.people || len(c.People) != tc.people {
			t.Errorf("%d/%d: %d sheets of %d people", tc.people, tc.seed, c.Sheets, len(c.People))
		}
		// Fair raters are never two apart, so pairs are all within one.
		if a := c.Agreement; a.WithinOne != a.Pairs || a.Exact == a.Pairs || a.Kappa == nil {
			t.Errorf("%d/%d: agreement %+v", tc.people, tc.seed, a)
		}
	}
}

// TestWithoutTraitsNothingIsFlagged: the same organisation with nothing
// planted raises no flag at all.
func TestWithoutTraitsNothingIsFlagged(t *testing.T) {
	r := builtin(t)
	cfg := Planted(40, 5)
	cfg.LenientManager, cfg.SelfOverrater, cfg.PromotionReady = -1, -1, -1
	var sheets []assess.Sheet
	files, truth := Generate(r, cfg)
	s := assess.NewScorer(r)
	for _, f := range files {
		sheets = append(sheets, assess.NewSheet(f.Path, f.Assessment, s))
	}
	c := assess.Calibrate(r, sheets)
	for _, p := range c.People {
		if len(p.Flags) > 0 {
			t.Errorf("%s flagged %v", p.Person, p.Flags)
		}
	}
	for _, rc := range c.Raters {
		if rc.Flag != "" {
			t.Errorf("%s flagged %s", rc.Rater, rc.Flag)
		}
	}
	if len(truth.LenientManagers)+len(truth.SelfOverraters)+len(truth.PromotionReady) > 0 {
		t.Errorf("truth claims planted traits: %+v", truth)
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	r := builtin(t)
	encode := func(seed uint64) [][]byte {
		files, _ := Generate(r, Planted(24, seed))
		var out [][]byte
		for _, f := range files {
			b, err := assess.Encode(f.Assessment, r)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, append([]byte(f.Path+"\n"), b...))
		}
		return out
	}
	a, b, c := encode(9), encode(9), encode(10)
	if !reflect.DeepEqual(a, b) {
		t.Error("the same seed gives other files")
	}
	if reflect.DeepEqual(a, c) {
		t.Error("another seed gives the same files")
	}
}

func TestWriteIsValid(t *testing.T) {
	r := builtin(t)
	dir := t.TempDir()
	paths, _, err := Write(dir, r, Planted(24, 1))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 96 {
		t.Fatalf("%d files, want 96 (4 a person)", len(paths))
	}
	for _, p := range paths[:8] {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := assess.Parse(p, b, r, assess.Options{}); err != nil {
			t.Error(err)
		}
		if !bytes.HasPrefix(b, []byte("format: ladder/assessment/v1\n")) {
			t.Errorf("%s does not start with the format", p)
		}
	}
}

func TestNamesAreUnique(t *testing.T) {
	seen := map[string]int{}
	for i := range 10000 {
		n := Name(i)
		if j, dup := seen[n]; dup {
			t.Fatalf("Name(%d) = Name(%d) = %q", i, j, n)
		}
		seen[n] = i
	}
	if Name(0) != "Ada Okafor" || Name(4096) != "Ada Okafor 2" {
		t.Errorf("Name(0) = %q, Name(4096) = %q", Name(0), Name(4096))
	}
}

func TestUnworkableConfigPanics(t *testing.T) {
	r := builtin(t)
	for name, cfg := range map[string]Config{
		"more peers than a team": {People: 8, TeamSize: 2, Peers: 2, LenientManager: -1, SelfOverrater: -1, PromotionReady: -1},
		"planted past the end":   {People: 8, TeamSize: 8, Peers: 2, LenientManager: -1, SelfOverrater: 9, PromotionReady: -1},
		"biases meet":            {People: 8, TeamSize: 8, Peers: 2, LenientManager: 0, SelfOverrater: 3, PromotionReady: -1},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			Generate(r, cfg)
		}()
	}
}

// TestRealSize: real-size files rate every criterion of the rubric, record
// some rungs as implied and carry some notes, read back cleanly, and the
// planted traits stand out all the same.
func TestRealSize(t *testing.T) {
	r := builtin(t)
	dir := t.TempDir()
	paths, truth, err := Write(dir, r, RealSize(48, 3))
	if err != nil {
		t.Fatal(err)
	}
	read, err := store.ReadSheets(paths, r, 0)
	if err != nil || len(read.Problems) > 0 || len(read.Warnings) > 0 {
		t.Fatalf("generated files are not clean: %v %v %v", err, read.Problems, read.Warnings)
	}
	implied, notes := 0, 0
	for _, p := range paths {
		a, _, err := store.Load(p, r)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Ratings) != len(r.Criteria) {
			t.Errorf("%s: %d ratings of %d criteria", p, len(a.Ratings), len(r.Criteria))
		}
		for _, rt := range a.Ratings {
			if rt.Implied != "" {
				implied++
			}
			if rt.Note != "" {
				notes++
			}
		}
	}
	if implied == 0 || notes == 0 {
		t.Errorf("%d implied ratings, %d notes: want some of each", implied, notes)
	}
	c := assess.Calibrate(r, read.Sheets)
	flags := map[string][]assess.Flag{}
	for _, p := range c.People {
		flags[p.Person] = p.Flags
	}
	for _, rc := range c.Raters {
		if lenient := rc.Flag == assess.Lenient; lenient != (rc.Rater == truth.LenientManagers[0]) {
			t.Errorf("rater %s flagged %q", rc.Rater, rc.Flag)
		}
	}
	if f := flags[truth.SelfOverraters[0]]; !slices.Contains(f, assess.SelfHigher) {
		t.Errorf("self-overrater %s flagged %v", truth.SelfOverraters[0], f)
	}
	if f := flags[truth.PromotionReady[0]]; !slices.Contains(f, assess.PromotionReady) {
		t.Errorf("promotion-ready %s flagged %v", truth.PromotionReady[0], f)
	}
}
