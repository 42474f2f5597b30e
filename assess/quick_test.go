package assess

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder/rubric"
)

// quickRubrics are the rubrics the quick reader is tried on: the small one
// of the tests, and the built-in one in its source form (this package
// cannot import the compiled one).
func quickRubrics(t testing.TB) []*rubric.Rubric {
	t.Helper()
	b, err := os.ReadFile("../data/gitlab-backend-engineer.yaml")
	if err != nil {
		t.Fatal(err)
	}
	builtin, err := rubric.Parse("gitlab-backend-engineer.yaml", b)
	if err != nil {
		t.Fatal(err)
	}
	return []*rubric.Rubric{loadMini(t), builtin}
}

// readBoth reads data with the quick reader and, when it accepts it, with
// the strict one, and fails unless the two read the same.
func readBoth(t *testing.T, file string, data []byte, r *rubric.Rubric) (accepted bool) {
	t.Helper()
	ratings := map[string]Rating{}
	a, warnings, ok := readQuick(file, string(data), r, func(i int, rt Rating) { ratings[r.Criteria[i].ID] = rt })
	if !ok {
		return false
	}
	a.Ratings = ratings
	want, wantWarnings, err := parseStrict(file, data, r, Options{})
	if err != nil {
		t.Fatalf("the quick reader accepts what the strict one refuses: %v\n%q", err, data)
	}
	if !reflect.DeepEqual(a, want) {
		t.Fatalf("the readers differ:\nquick  %+v\nstrict %+v\n%q", a, want, data)
	}
	if !reflect.DeepEqual(warnings, wantWarnings) {
		t.Fatalf("the readers warn differently:\nquick  %v\nstrict %v\n%q", warnings, wantWarnings, data)
	}
	return true
}

// quickSeed is a file for the quick reader.
type quickSeed struct {
	data []byte
	json bool
}

// quickSeeds are files ladder writes (written), in both formats, and files
// written by hand, in its shape and near it.
func quickSeeds(t testing.TB) (written, byHand []quickSeed) {
	rs := quickRubrics(t)
	mini, builtin := rs[0], rs[1]
	when := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	add := func(a *Assessment, r *rubric.Rubric) {
		y, err := Encode(a, r)
		if err != nil {
			t.Fatal(err)
		}
		j, err := EncodeJSON(a, r)
		if err != nil {
			t.Fatal(err)
		}
		written = append(written, quickSeed{y, false}, quickSeed{j, true})
	}
	full := func(r *rubric.Rubric, note func(i int) string) *Assessment {
		a := New(r, "Ada Okafor", when)
		a.Rater, a.Role, a.CurrentLevel, a.Updated = "Eli Haddad", Manager, r.Levels[1].ID, when.Add(time.Hour)
		a.Specialties = []string{r.Specialties[0].ID}
		for i := range r.Criteria {
			c := &r.Criteria[i]
			rt := Rating{Value: i % (r.MaxRating() + 1), Note: note(i)}
			if c.Answer == rubric.YesNo {
				rt = Rating{Value: i % 2, YesNo: true, Note: note(i)}
			}
			a.Ratings[c.ID] = rt
			if i%11 == 5 { // the manager could not judge it
				a.MarkCantSay(c.ID, note(i+1))
			}
		}
		return a
	}
	notes := []string{"", "plain words", `a "quoted" word, a back\slash`, "tab\tand\nnew line", "émigré — ünïcode ✓ 𝄞",
		"yes", "null", "# not a comment", "x: y", "\u2028line\u0085break\ufeff", "\x00\x07\x1b\x7f", "  spaces  "}
	add(full(mini, func(i int) string { return notes[i%len(notes)] }), mini)
	add(full(builtin, func(i int) string {
		if i%7 == 0 {
			return notes[i%len(notes)]
		}
		return ""
	}), builtin)

	// Implied rungs, other versions, no specialties, odd names.
	a := New(mini, "Zoë O'Brien-Ødegaard", when)
	a.Rubric.Version = "1"
	a.TargetLevel = "staff"
	a.Ratings["ship-huge"] = Rating{Value: 4}
	a.Ratings["ship-big"] = Rating{Value: 4, Implied: "ship-huge"}
	a.Ratings["ship-small"] = Rating{Value: 4, Implied: "ship-huge", Note: "kept"}
	a.Ratings["on-call"] = Rating{Value: 1, YesNo: true}
	add(a, mini)
	for _, name := range []string{"yes", "123", "null", "Ada: the first", "- dash", "#hash", "[x]", "a, b", " lead", "O'Hara", `"q"`, "\u00a0nbsp", "tab\there"} {
		a := New(mini, name, when)
		a.Rater = name + " 2"
		a.Ratings["comms"] = Rating{Value: 2}
		add(a, mini)
	}
	empty := New(builtin, "Ben", time.Time{})
	add(empty, builtin)

	for _, s := range []string{
		// Comment lines and blank lines, anywhere a line may be.
		"# Ada, by Ben\n\nformat: ladder/assessment/v1\n#\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nratings:\n# first\n  ruby: 3\n\n#second\n  go: 2\n\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\n\n  Okafor\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nratings:\n  ruby: 3\n  # indented\n  go: 2\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nratings:\n  ruby: 3\n\n    go: 2\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nratings:\n# nothing\n\nrater: Ben\n",
		// The shape, by hand: four spaces, plain dates, single quotes.
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nrater: 'Ben ''B'''\nrole: peer\ncreated: 2026-11-02T09:00:00Z\nupdated: 2026-11-02\nratings:\n    ruby: 3\n    on-call: yes\n    comms: {rating: 2, note: ok}\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: 2}\nperson: Ada\nspecialties: [db, cache]\nratings: {}\n",
		"format: ladder/assessment/v1\nrubric: {version: \"2\", id: mini}\nperson: Ada\nratings:\n  ship-big: {note: \"x\", implied_by: ship-huge, rating: 3}\n",
		// Can't say, by a peer, in any case, either apostrophe.
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nrater: Ben\nrole: peer\nratings:\n  ruby: can't say\n  go: CAN’T SAY\n  comms: {rating: Can't say, note: \"never saw it\"}\n  on-call: \"can't say\"\n",
		`{"format": "ladder/assessment/v1", "rubric": {"id": "mini", "version": "2"}, "person": "Ada", "rater": "Ben", "role": "peer", "ratings": {"ruby": "can't say", "go": {"rating": "can't say", "note": "n"}}}`,
		// Near misses: each is the strict reader's.
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nratings:\n  ruby: can't say\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nrater: Ben\nratings:\n  ship-big: {rating: can't say, implied_by: ship-huge}\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nratings:\n  ruby: 3\n   go: 2\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nratings:\n  ruby: 3\n  ruby: 2\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nratings:\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\n  Okafor\nratings: {}\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada # a comment\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nratings:\n  on-call: Yes\n  ruby: 03\n  go: \"3\"\n  comms: 9\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nratings:\n  ship-small: {rating: 3, implied_by: mentor}\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: &a Ada\nrater: *a\n",
		"format: ladder/assessment/v1\r\nrubric: {id: mini, version: \"2\"}\r\nperson: Ada\r\n",
		"\ufeffformat: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: \"Ada\\ud800\"\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\n---\nperson: Ben\n",
		"format: ladder/assessment/v1\nrubric: {id: other, version: \"2\"}\nperson: Ada\n",
		"format: ladder/assessment/v1\nperson: Ada\n",
		"rubric: {id: mini, version: \"2\"}\nperson: Ada\n",
		`{"format": "ladder/assessment/v1", "rubric": {"id": "mini", "version": "2"}, "person": "Ada", "ratings": {"b-must": "no", "ruby": 3, "go": {"rating": 1, "note": "\u00e9\ud83d\ude00\/"}}}`,
		`{"format": "ladder/assessment/v1", "rubric": {"id": "mini", "version": "2"}, "person": "Ada", "ratings": {"on-call": true, "ruby": 3.0, "go": -1, "comms": 1e0}}`,
		`{"format": "ladder/assessment/v1", "rubric": {"id": "mini", "version": "2"}, "person": "Ada", "person": "Ben"}`,
		`{"format":"ladder/assessment/v1","rubric":{"id":"mini","version":"2"},"person":"Ada","specialties":null,"ratings":{}} x`,
	} {
		byHand = append(byHand, quickSeed{[]byte(s), strings.HasPrefix(s, "{")})
	}
	return written, byHand
}

// FuzzQuickRead: whenever the quick reader accepts a file, the strict
// reader reads the same assessment and gives the same warnings.
func FuzzQuickRead(f *testing.F) {
	rs := quickRubrics(f)
	written, byHand := quickSeeds(f)
	for _, s := range append(written, byHand...) {
		f.Add(s.data, s.json, uint8(0))
		f.Add(s.data, s.json, uint8(1))
	}
	f.Fuzz(func(t *testing.T, data []byte, isJSON bool, which uint8) {
		file := "f.yaml"
		if isJSON {
			file = "f.json"
		}
		readBoth(t, file, data, rs[int(which)%len(rs)])
	})
}

// TestQuickReadsWhatLadderWrites: every file ladder writes, in either
// format, is the quick reader's; a file it gives up on costs twenty times
// as much to read.
func TestQuickReadsWhatLadderWrites(t *testing.T) {
	rs := quickRubrics(t)
	written, _ := quickSeeds(t)
	for _, s := range written {
		file := "f.yaml"
		if s.json {
			file = "f.json"
		}
		accepted := false
		for _, r := range rs {
			accepted = accepted || readBoth(t, file, s.data, r)
		}
		if !accepted {
			t.Errorf("not read quickly:\n%s", s.data)
		}
	}
	// The example team, written by an older ladder, four spaces deep, and
	// the examples written by hand, with comments.
	files, err := filepath.Glob("../examples/team/*/*.yaml")
	more, _ := filepath.Glob("../examples/*.yaml")
	files = append(files, more...)
	if err != nil || len(files) < 5 {
		t.Fatal(err, files)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !readBoth(t, file, data, rs[1]) {
			t.Errorf("%s not read quickly", file)
		}
	}
}

// TestQuickGivesUp: the near misses are left to the strict reader.
func TestQuickGivesUp(t *testing.T) {
	mini := quickRubrics(t)[0]
	for _, s := range []string{
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nratings:\n  ruby: 3\n  ruby: 2\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\n  Okafor\nratings: {}\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada # a comment\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nratings:\n  on-call: Yes\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nratings:\n  ruby: 03\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nratings:\n  ship-small: {rating: 3, implied_by: mentor}\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: &a Ada\nrater: *a\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\n---\nperson: Ben\n",
		"format: ladder/assessment/v1\nperson: Ada\n",
		"rubric: {id: mini, version: \"2\"}\nperson: Ada\n",
		"format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nratings:\n  ruby: can't say\n",
	} {
		if _, _, ok := readQuick("f.yaml", s, mini, func(int, Rating) {}); ok {
			t.Errorf("read quickly:\n%s", s)
		}
	}
}
