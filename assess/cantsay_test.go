package assess

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// "can't say" is kept as such: in the file, apart from the ratings, with
// its note, in YAML and in JSON.
func TestCantSayRoundTrip(t *testing.T) {
	r := loadMini(t)
	a := New(r, "Ada Lovelace", time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
	a.Rater, a.Role = "Grace Hopper", Manager
	a.Ratings["comms"] = Rating{Value: 3}
	a.MarkCantSay("mentor", "")
	a.MarkCantSay("on-call", "never discussed it")
	for _, enc := range []struct {
		name   string
		encode func(*Assessment, any) ([]byte, error)
		want   []string
	}{
		{"a.yaml", func(a *Assessment, _ any) ([]byte, error) { return Encode(a, r) },
			[]string{"  mentor: can't say\n", `  on-call: {rating: can't say, note: "never discussed it"}` + "\n"}},
		{"a.json", func(a *Assessment, _ any) ([]byte, error) { return EncodeJSON(a, r) },
			[]string{`"mentor": "can't say"`, `"on-call": {"rating": "can't say", "note": "never discussed it"}`}},
	} {
		out, err := enc.encode(a, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range enc.want {
			if !strings.Contains(string(out), w) {
				t.Errorf("%s lacks %q:\n%s", enc.name, w, out)
			}
		}
		back, warnings, err := Parse(enc.name, out, r, Options{})
		if err != nil || len(warnings) != 0 {
			t.Fatalf("%v %v\n%s", err, warnings, out)
		}
		if !reflect.DeepEqual(a, back) {
			t.Errorf("%s: round trip changed the assessment:\n%+v\n%+v\n%s", enc.name, a, back, out)
		}
	}
}

func TestParseCantSay(t *testing.T) {
	r := loadMini(t)
	src := `format: ladder/assessment/v1
rubric: {id: mini, version: "2"}
person: Ada
rater: Bo
role: peer
ratings:
  ruby: Can't say
  comms: "can’t say"
  on-call: {rating: "can't say", note: not seen}
  go: 3
`
	a, _, err := Parse("a.yaml", []byte(src), r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"ruby": "", "comms": "", "on-call": "not seen"}; !reflect.DeepEqual(a.CantSay, want) {
		t.Errorf("can't say = %v, want %v", a.CantSay, want)
	}
	if len(a.Ratings) != 1 || a.Answered("ruby") || !a.Responded("ruby") || !a.SaysCantSay("on-call") || a.SaysCantSay("go") {
		t.Errorf("ratings %v: can't say is an answer, not a rating", a.Ratings)
	}
	// Rating a criterion replaces its can't say, and the other way round.
	a.Rate("ruby", Rating{Value: 2})
	a.MarkCantSay("go", "")
	if a.SaysCantSay("ruby") || a.Answered("go") || !a.Answered("ruby") || !a.SaysCantSay("go") {
		t.Errorf("Rate and MarkCantSay must replace each other: %v %v", a.Ratings, a.CantSay)
	}
}

func TestParseCantSayErrors(t *testing.T) {
	r := loadMini(t)
	head := "format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\n"
	peer := head + "rater: Bo\nrole: peer\n"
	for _, tc := range []struct{ name, src, want string }{
		{"in a self-assessment", head + "ratings:\n  ruby: can't say\n",
			`a.yaml:5:9: "ruby": "can't say" is a manager's or peer's answer; a self-assessment leaves out what it does not rate`},
		{"in a self-assessment, role first", "role: self\n" + head + "ratings:\n  on-call: {rating: can't say}\n",
			`a.yaml:6:21: "on-call": "can't say" is a manager's or peer's answer; a self-assessment leaves out what it does not rate`},
		{"implied", peer + "ratings:\n  ship-small: {rating: can't say, implied_by: ship-big}\n",
			`a.yaml:7:47: rating of "ship-small": "can't say" is the rater's own answer, never implied by another`},
		{"misspelt", peer + "ratings:\n  ruby: cant say\n",
			`a.yaml:7:9: rating of "ruby" must be a whole number 0..4 or "can't say", not "cant say"`},
		{"another word", peer + "ratings:\n  ruby: n/a\n",
			`a.yaml:7:9: rating of "ruby" must be a whole number 0..4 or "can't say", not "n/a"`},
		{"a word in a self-assessment", head + "ratings:\n  ruby: maybe\n",
			`a.yaml:5:9: rating of "ruby" must be a whole number 0..4, not "maybe"`},
		{"yes/no, misspelt", peer + "ratings:\n  on-call: dunno\n",
			`a.yaml:7:12: "on-call" is answered yes or no or "can't say", not "dunno"`},
		{"yes on a scale", peer + "ratings:\n  ruby: yes\n",
			`a.yaml:7:9: "ruby" is rated on the scale 0..4 or "can't say", not yes or no`},
		{"twice under two ids", peer + "ratings:\n  ruby: can't say\n  ruby: 3\n",
			`a.yaml:8:3: duplicate key "ruby" in ratings (first at line 7)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Parse("a.yaml", []byte(tc.src), r, Options{})
			if err == nil || err.Error() != tc.want {
				t.Errorf("got  %v\nwant %s", err, tc.want)
			}
		})
	}
}

// ladder migrate keeps a can't say whose criterion is gone, as it keeps a
// rating.
func TestMigrateKeepsARetiredCantSay(t *testing.T) {
	r := loadMini(t)
	src := "format: ladder/assessment/v1\nrubric: {id: mini, version: \"1\"}\nperson: Ada\nrater: Bo\nrole: manager\nratings:\n  gone: {rating: can't say, note: why}\n  ruby: 2\nretired:\n  older: can't say\n"
	a, warnings, err := Parse("a.yaml", []byte(src), r, Options{Migrate: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"gone": "why", "older": ""}; !reflect.DeepEqual(a.RetiredCantSay, want) {
		t.Errorf("retired can't say = %v, want %v (warnings %v)", a.RetiredCantSay, want, warnings)
	}
	out, err := Encode(a, r)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "retired:\n  gone: {rating: can't say, note: \"why\"}\n  older: can't say\n") {
		t.Errorf("retired can't say not written back:\n%s", out)
	}
}

// A can't say never counts as a rating in calibration: consensus,
// disagreements, offsets, agreement and fit levels are those of the same
// files with the criterion left unanswered.
func TestCalibrationLeavesCantSayOut(t *testing.T) {
	r := loadCalib(t)
	team := smallTeam(t, r)
	// Max, Ada's manager, rated lead 4: two apart from Ben's 2.
	withCantSay := func(mark bool) []Sheet {
		a := &Assessment{Person: "Ada", Rater: "Max", Role: Manager, CurrentLevel: "junior",
			Updated: time.Date(2026, 11, 2, 9, 2, 0, 0, time.UTC), Ratings: map[string]Rating{}}
		for id, v := range map[string]int{"code": 4, "review": 4, "mentor": 3} {
			a.Ratings[id] = Rating{Value: v}
		}
		a.Ratings["values"] = Rating{Value: 1, YesNo: true}
		if mark {
			a.MarkCantSay("lead", "")
		}
		out := append([]Sheet{}, team...)
		out[1] = NewSheet("ada-max.yaml", a, NewScorer(r))
		return out
	}
	original := Calibrate(r, team)
	cantSay := Calibrate(r, withCantSay(true))
	left := Calibrate(r, withCantSay(false))
	if !reflect.DeepEqual(cantSay, left) {
		t.Errorf("a can't say changes calibration:\n%+v\n%+v", cantSay, left)
	}
	if reflect.DeepEqual(cantSay, original) {
		t.Fatal("the test changes nothing: Max's lead rating must count in the original")
	}
	for _, p := range cantSay.People {
		for _, d := range p.Disagreements {
			if p.Person == "Ada" && d.Criterion(r).ID == "lead" {
				t.Errorf("Ada's lead is still a disagreement: %+v", d)
			}
		}
	}
	if cantSay.Agreement.Pairs != original.Agreement.Pairs-2 {
		t.Errorf("pairs %d, want %d: Max's lead makes two pairs", cantSay.Agreement.Pairs, original.Agreement.Pairs-2)
	}
}

// Scoring: a can't say is credited like an unanswered criterion (nothing),
// a verdict an answer could still turn into meets is incomplete, and it is
// listed apart from the unanswered ones.
func TestScoreCantSay(t *testing.T) {
	r := loadMini(t)
	all := map[string]string{"ruby": "3", "go": "2", "comms": "3", "ship-small": "3", "on-call": "yes", "nice": "3",
		"ship-big": "3", "mentor": "3", "ship-huge": "3"}
	a := rated(r, all)
	a.Rater, a.Role = "Bo", Peer
	base := Score(r, a)
	if base.FitLevel != "staff" {
		t.Fatalf("fit level %q, want staff with every answer", base.FitLevel)
	}
	a.MarkCantSay("comms", "not seen")
	a.MarkCantSay("mentor", "")
	res := Score(r, a)

	b := rated(r, all)
	b.Rater, b.Role = "Bo", Peer
	delete(b.Ratings, "comms")
	delete(b.Ratings, "mentor")
	blank := Score(r, b)
	for i := range res.Levels {
		if res.Levels[i].Score != blank.Levels[i].Score || res.Levels[i].Verdict != blank.Levels[i].Verdict {
			t.Errorf("%s: %v %s with can't say, %v %s unanswered", res.Levels[i].ID, res.Levels[i].Score, res.Levels[i].Verdict, blank.Levels[i].Score, blank.Levels[i].Verdict)
		}
	}
	if res.FitLevel != "" || res.Levels[0].Verdict != Incomplete {
		t.Errorf("fit %q, junior %s: comms is required and can't say, so junior is incomplete", res.FitLevel, res.Levels[0].Verdict)
	}
	if !reflect.DeepEqual(res.CantSay, []string{"comms", "mentor"}) || len(res.Unanswered) != len(blank.Unanswered)-2 {
		t.Errorf("can't say %v, unanswered %v (blank: %v)", res.CantSay, res.Unanswered, blank.Unanswered)
	}
	found := false
	for _, g := range res.Levels[0].Gaps {
		if g.Criterion == "comms" {
			found = true
			if !g.Criteria[0].CantSay || g.Criteria[0].Rating != nil {
				t.Errorf("the comms gap does not say can't say: %+v", g.Criteria[0])
			}
		}
	}
	if !found {
		t.Errorf("comms is not among Junior's gaps: %+v", res.Levels[0].Gaps)
	}
}

// A can't say answers its question: it is not asked again, it rates the
// other criteria of the question as can't say too, and it implies no
// lower rung, which stays open; a lower rung the rater could not judge is
// not overwritten by a higher rung met later.
func TestSettleCantSay(t *testing.T) {
	r := loadRungs(t)
	q := NewQuestionnaire(r, QuestionnaireOptions{Target: "senior", Specialties: []string{"db", "web"}})
	a := rated(r, map[string]string{"rails": "3", "comms": "2", "on-call": "yes"}, "db", "web")
	a.Rater, a.Role = "Bo", Manager
	a.MarkCantSay("ship-mid", "")
	a.MarkCantSay("db-go", "new to the team")

	if _, changed := q.Settle(a); !changed {
		t.Fatal("Settle changed nothing")
	}
	if note, ok := a.CantSay["web-go"]; !ok || note != "new to the team" || a.Answered("web-go") {
		t.Errorf("web-go asks db-go's question: can't say %q (%v), ratings %v", note, ok, a.Ratings)
	}
	if a.Responded("ship-small") {
		t.Errorf("a can't say on ship-mid implied ship-small: %v", a.Ratings)
	}
	if got, want := states(q, a), "rails:answered other-lang:settled ruby-desire:settled comms:answered "+
		"ship-mid:answered ship-small:open on-call:answered mentor:open remote:open oss:open "+
		"db-go:answered db-ruby:open db-sql:open web-http:open shared-ops:open"; got != want {
		t.Errorf("states:\n got %s\nwant %s", got, want)
	}
	if answered, open := q.Progress(a); answered != 5 || open != 8 {
		t.Errorf("progress: %d answered, %d open; want 5 and 8", answered, open)
	}

	// The lower rung answered can't say, then the higher one met: the
	// rater's can't say stands.
	a.MarkCantSay("ship-small", "")
	a.Rate("ship-mid", Rating{Value: 4})
	q.Settle(a)
	if !a.SaysCantSay("ship-small") || a.Answered("ship-small") {
		t.Errorf("ship-small: can't say %v, rating %+v", a.SaysCantSay("ship-small"), a.Ratings["ship-small"])
	}
}
