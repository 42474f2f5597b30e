package assess

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestEncodeParseRoundTrip(t *testing.T) {
	r := loadMini(t)
	a := New(r, "Ada Lovelace", time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
	a.Rater, a.Role = "Grace Hopper", Manager
	a.CurrentLevel, a.TargetLevel = "mid", "senior"
	a.Specialties = []string{"db"}
	a.Ratings["comms"] = Rating{Value: 3, Note: `Led the "v2" migration: notes survive quotes`}
	a.Ratings["on-call"] = Rating{Value: 1, YesNo: true}
	a.Ratings["ruby"] = Rating{Value: 0}
	a.Ratings["ship-big"] = Rating{Value: 4}
	a.Ratings["ship-small"] = Rating{Value: 4, Implied: "ship-huge", Note: "a rung settled by a higher one"}
	out, err := Encode(a, r)
	if err != nil {
		t.Fatal(err)
	}
	back, warnings, err := Parse("a.yaml", out, r, Options{})
	if err != nil || len(warnings) != 0 {
		t.Fatalf("%v %v\n%s", err, warnings, out)
	}
	if !reflect.DeepEqual(a, back) {
		t.Errorf("round trip changed the assessment:\n%+v\n%+v\n%s", a, back, out)
	}
	if !strings.Contains(string(out), `ship-small: {rating: 4, implied_by: ship-huge, note: "a rung settled by a higher one"}`) {
		t.Errorf("an implied rating is not written with its marker:\n%s", out)
	}
	// Ratings are written in rubric order, so versions diff cleanly.
	if i, j := strings.Index(string(out), "ruby:"), strings.Index(string(out), "comms:"); i < 0 || j < i {
		t.Errorf("ratings not in rubric order:\n%s", out)
	}
}

func TestParseDefaultsAndForms(t *testing.T) {
	r := loadMini(t)
	src := `format: ladder/assessment/v1
rubric: {id: mini, version: "2"}
person: Ada
created: 2026-11-24
ratings:
  ruby: 3
  comms: {rating: 2, note: fine}
  on-call: no
  b-must: yes
`
	a, _, err := Parse("a.yaml", []byte(src), r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Rater != "Ada" || a.Role != Self {
		t.Errorf("rater %q role %q, want the person and self", a.Rater, a.Role)
	}
	if !a.Updated.Equal(a.Created) || a.Created.IsZero() {
		t.Errorf("updated %v created %v, want updated = created", a.Updated, a.Created)
	}
	want := map[string]Rating{"ruby": {Value: 3}, "comms": {Value: 2, Note: "fine"}, "on-call": {YesNo: true}, "b-must": {Value: 1, YesNo: true}}
	if !reflect.DeepEqual(a.Ratings, want) {
		t.Errorf("ratings = %+v, want %+v", a.Ratings, want)
	}
}

func TestParseErrors(t *testing.T) {
	r := loadMini(t)
	head := "format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\n"
	for _, tc := range []struct{ name, src, want string }{
		{"no person", "format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\n", "a.yaml:1:1: missing person: who is assessed"},
		{"wrong format", "format: ladder/assessment/v2\n", `a.yaml:1:9: unknown format "ladder/assessment/v2" (expected "ladder/assessment/v1")`},
		{"other rubric", "format: ladder/assessment/v1\nrubric: {id: maxi, version: \"2\"}\nperson: Ada\n", `a.yaml:2:9: written for rubric "maxi", not "mini" (give its rubric with --rubric FILE)`},
		{"bad role", head + "role: boss\n", `a.yaml:4:7: unknown role "boss" (use self, manager or peer)`},
		{"bad date", head + "created: last tuesday\n", `a.yaml:4:10: created: "last tuesday" is not a date and time (use 2026-11-24T10:00:00Z)`},
		{"unknown specialty", head + "specialties: [db, art]\n", `a.yaml:4:19: unknown specialty "art"`},
		{"note without rating", head + "ratings:\n  ruby: {note: hm}\n", `a.yaml:5:9: rating of "ruby" has a note but no rating`},
		{"negative", head + "ratings:\n  ruby: -1\n", `a.yaml:5:9: rating -1 of "ruby" is outside the scale 0..4`},
		{"float", head + "ratings:\n  ruby: 2.5\n", `a.yaml:5:9: rating of ruby must be a whole number, not "2.5"`},
		{"list", head + "ratings:\n  ruby: [1]\n", `a.yaml:5:9: rating of ruby must be a single value, not a list`},
		{"unknown key in rating", head + "ratings:\n  ruby: {rating: 1, why: x}\n", `a.yaml:5:21: unknown field "why" in rating of ruby (known: rating, implied_by, note)`},
		{"implied by an unknown criterion", head + "ratings:\n  ship-small: {rating: 3, implied_by: ship-giant}\n",
			`a.yaml:5:39: rating of "ship-small": implied_by names unknown criterion "ship-giant"`},
		{"implied by a criterion of another line", head + "ratings:\n  ship-small: {rating: 3, implied_by: mentor}\n",
			`a.yaml:5:39: rating of "ship-small": implied_by names "mentor", which does not supersede it`},
		{"a word tagged as a boolean", head + "ratings:\n  on-call: !!bool maybe\n", `a.yaml:5:12: "on-call" is answered yes or no, not "maybe"`},
		{"a word tagged as a boolean, on the scale", head + "ratings:\n  ruby: !!bool maybe\n", `a.yaml:5:9: rating of ruby must be a whole number, not "maybe"`},
		{"a leading zero", head + "ratings:\n  ruby: 010\n", `a.yaml:5:9: rating of ruby must be a whole number in decimal digits, not "010"`},
		{"hexadecimal", head + "ratings:\n  ruby: 0x3\n", `a.yaml:5:9: rating of ruby must be a whole number in decimal digits, not "0x3"`},
		{"true as a string", head + "ratings:\n  on-call: \"true\"\n", `a.yaml:5:12: "on-call" is answered yes or no, not "true"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Parse("a.yaml", []byte(tc.src), r, Options{})
			if err == nil || err.Error() != tc.want {
				t.Errorf("got  %v\nwant %s", err, tc.want)
			}
		})
	}
}

func TestOtherVersionIsAWarning(t *testing.T) {
	r := loadMini(t)
	src := "format: ladder/assessment/v1\nrubric: {id: mini, version: \"1\"}\nperson: Ada\n"
	_, warnings, err := Parse("a.yaml", []byte(src), r, Options{})
	if err != nil || len(warnings) != 1 || !strings.Contains(warnings[0].Msg, `version "1" of rubric "mini", scored against version "2"`) {
		t.Errorf("got %v %v", warnings, err)
	}
}

// ladder migrate keeps what the rubric cannot take, but only as it was
// written: a rating it cannot read exactly is an error, never a guess
// written back to disk.
func TestMigrateNeverGuessesARating(t *testing.T) {
	r := loadMini(t)
	head := "format: ladder/assessment/v1\nrubric: {id: mini, version: \"1\"}\nperson: Ada\n"
	for _, tc := range []struct{ name, src, want string }{
		{"unknown criterion, bool-tagged word", head + "ratings:\n  gone: !!bool maybe\n", `a.yaml:5:9: rating of gone must be a whole number, not "maybe"`},
		{"yes/no criterion, bool-tagged word", head + "ratings:\n  on-call: !!bool maybe\n", `a.yaml:5:12: "on-call" is answered yes or no, not "maybe"`},
		{"leading zero", head + "ratings:\n  ruby: 010\n", `a.yaml:5:9: rating of ruby must be a whole number in decimal digits, not "010"`},
		{"retired, leading zero", head + "retired:\n  gone: 07\n", `a.yaml:5:9: rating of gone must be a whole number in decimal digits, not "07"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, _, err := Parse("a.yaml", []byte(tc.src), r, Options{Migrate: true})
			if err == nil || err.Error() != tc.want {
				t.Errorf("got %v (%+v)\nwant %s", err, a, tc.want)
			}
		})
	}
}
