package assess

import (
	"math"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/internal/shapes"
	"github.com/ladderhq/ladder/rubric"
)

// FuzzParse: any input either fails with one located line or gives an
// assessment that encodes and parses back to itself.
func FuzzParse(f *testing.F) {
	r := loadMini(f)
	f.Add([]byte("format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nratings:\n  ruby: 3\n  on-call: yes\n  comms: {rating: 2, note: ok}\n"))
	f.Add([]byte(`{"format": "ladder/assessment/v1", "rubric": {"id": "mini", "version": "2"}, "person": "Ada", "ratings": {"b-must": "no"}}`))
	f.Add([]byte("format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nratings: {ruby: 9}\n"))
	f.Add([]byte("format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nratings:\n  ship-huge: 3\n  ship-small: {rating: 3, implied_by: ship-huge}\n"))
	f.Add([]byte("format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nratings:\n  on-call: !!bool maybe\n  ruby: 010\n"))
	f.Add([]byte("format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\n---\nratings: {ruby: [\n"))
	f.Add([]byte("\ufeff{\"format\": \"ladder/assessment/v1\", \"rubric\": {\"id\": \"mini\", \"version\": \"2\"}, \"person\": \"Ada\", \"ratings\": {\"on-call\": true}}"))
	f.Add([]byte("{format: ladder/assessment/v1, rubric: {id: mini, version: \"2\"}, person: Ada, ratings: {ruby: 0x3}}\n"))
	f.Add([]byte("format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nrater: Bo\nrole: manager\nratings:\n  ruby: can't say\n  on-call: {rating: \"can’t say\", note: not seen}\n  comms: 2\n"))
	f.Add([]byte(`{"format": "ladder/assessment/v1", "rubric": {"id": "mini", "version": "2"}, "person": "Ada", "role": "peer", "ratings": {"b-must": "can't say", "ruby": {"rating": "Can't Say"}}}`))
	f.Add([]byte("format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nratings:\n  ruby: can't say\n"))
	f.Add([]byte("format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nrole: peer\nratings:\n  ship-small: {rating: can't say, implied_by: ship-huge}\nretired:\n  gone: can't say\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, _, err := Parse("fuzz.yaml", data, r, Options{})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yaml") || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error is not one located line: %q", err)
			}
			return
		}
		out, err := Encode(a, r)
		if err != nil {
			t.Fatal(err)
		}
		back, _, err := Parse("again.yaml", out, r, Options{})
		if err != nil {
			t.Fatalf("encoded assessment does not parse: %v\n%s", err, out)
		}
		// Times are written to the second, in UTC.
		a.Created, a.Updated = a.Created.UTC().Truncate(1e9), a.Updated.UTC().Truncate(1e9)
		back.Created, back.Updated = back.Created.UTC(), back.Updated.UTC()
		if !reflect.DeepEqual(a.Ratings, back.Ratings) || !reflect.DeepEqual(a.CantSay, back.CantSay) ||
			!reflect.DeepEqual(a.RetiredCantSay, back.RetiredCantSay) || a.Person != back.Person || a.Role != back.Role {
			t.Fatalf("round trip changed the assessment:\n%+v\n%+v", a, back)
		}
	})
}

// FuzzScore: for any ratings of a valid rubric, scores lie in [0, 1],
// verdicts agree with scores and thresholds, gaps are unmet units, and the
// fit level is the top of an unbroken run of levels that meet.
func FuzzScore(f *testing.F) {
	paths := []string{"testdata/mini.yaml", "../examples/sre/rubric.yaml", "../data/gitlab-backend-engineer.yaml", "testdata/mixed.yaml"}
	var rubrics []*rubric.Rubric
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		r, err := rubric.Parse(p, b)
		if err != nil {
			f.Fatal(err)
		}
		rubrics = append(rubrics, r)
	}
	for _, src := range []string{shapes.SupersedesChain(12), shapes.ManyLevels(12)} {
		r, err := rubric.Parse("shape.yaml", []byte(src))
		if err != nil {
			f.Fatal(err)
		}
		rubrics = append(rubrics, r)
	}
	f.Add(uint8(0), []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add(uint8(1), []byte{255, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3})
	f.Add(uint8(0), []byte{})
	f.Add(uint8(3), []byte{1, 255, 2, 1, 4, 3, 0, 1, 2, 2, 0, 1, 3, 1, 0})
	f.Add(uint8(4), []byte{4, 255, 0, 2, 255, 255, 3, 1, 4, 0, 2, 3})
	f.Add(uint8(5), []byte{3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2})
	f.Add(uint8(2), []byte{3, 4, 3, 1, 4, 3, 4, 3, 3, 3, 4, 3, 3, 3, 4, 1, 3, 4, 4, 0, 2, 1, 1, 0, 1, 1, 1, 3, 3, 3, 3, 4, 3, 3, 2, 4, 1})
	f.Fuzz(func(t *testing.T, which uint8, answers []byte) {
		r := rubrics[int(which)%len(rubrics)]
		a := &Assessment{Rubric: RubricRef{ID: r.ID, Version: r.Version}, Person: "P", Rater: "P", Role: Self, Ratings: map[string]Rating{}}
		for i, c := range r.Criteria {
			if i >= len(answers) || answers[i] == 255 {
				continue // unanswered
			}
			if c.Answer == rubric.YesNo {
				a.Ratings[c.ID] = Rating{Value: int(answers[i] % 2), YesNo: true}
			} else {
				a.Ratings[c.ID] = Rating{Value: int(answers[i]) % (r.MaxRating() + 1)}
			}
		}
		for _, s := range r.Specialties {
			if len(answers) > 0 && answers[0]%2 == 1 {
				a.Specialties = append(a.Specialties, s.ID)
			}
		}
		res := Score(r, a)
		for i, l := range r.Levels { // scored alone, as Score carries it on from the level below
			if alone := NewScorer(r).Level(a, l.ID); !reflect.DeepEqual(alone, res.Levels[i]) {
				t.Fatalf("%s alone:\n%+v\nin Score:\n%+v", l.ID, alone, res.Levels[i])
			}
		}
		fitSeen := res.FitLevel == ""
		broken := false
		for _, l := range append(append([]TargetScore{}, res.Levels...), res.Specialties...) {
			if math.IsNaN(l.Score) || l.Score < 0 || l.Score > 1+1e-9 {
				t.Fatalf("%s: score %v outside [0, 1]", l.ID, l.Score)
			}
			if l.Verdict == Meets && l.Score < r.Thresholds.Meets-1e-9 {
				t.Fatalf("%s meets with %v", l.ID, l.Score)
			}
			if l.Verdict == NotYet && l.Score >= r.Thresholds.Approaching {
				t.Fatalf("%s not-yet with %v", l.ID, l.Score)
			}
			for _, g := range l.Gaps {
				if g.Met {
					t.Fatalf("%s: a met unit among the gaps", l.ID)
				}
			}
		}
		for _, l := range res.Levels {
			if !broken && l.Verdict != Meets {
				broken = true
			}
			if broken && l.ID == res.FitLevel {
				t.Fatalf("fit level %s is above a level that does not meet", l.ID)
			}
			if l.ID == res.FitLevel {
				fitSeen = true
			}
		}
		if !fitSeen {
			t.Fatalf("fit level %q is not a level", res.FitLevel)
		}
	})
}
