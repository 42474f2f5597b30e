package assess

import (
	"math"
	"os"
	"reflect"
	"testing"

	"github.com/ladderhq/ladder/rubric"
)

func loadMini(t testing.TB) *rubric.Rubric {
	t.Helper()
	b, err := os.ReadFile("testdata/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := rubric.Parse("testdata/mini.yaml", b)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// rated builds an assessment from "id: rating" pairs; "yes" and "no" answer
// yes/no criteria.
func rated(r *rubric.Rubric, ratings map[string]string, specialties ...string) *Assessment {
	a := &Assessment{Rubric: RubricRef{ID: r.ID, Version: r.Version}, Person: "Ada", Rater: "Ada", Role: Self,
		Specialties: specialties, Ratings: map[string]Rating{}}
	for id, v := range ratings {
		switch v {
		case "yes":
			a.Ratings[id] = Rating{Value: 1, YesNo: true}
		case "no":
			a.Ratings[id] = Rating{Value: 0, YesNo: true}
		default:
			a.Ratings[id] = Rating{Value: int(v[0] - '0')}
		}
	}
	return a
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

type want struct {
	score   float64
	verdict Verdict
}

func checkLevels(t *testing.T, res *Result, wants map[string]want) {
	t.Helper()
	for _, l := range res.Levels {
		w, ok := wants[l.ID]
		if !ok {
			continue
		}
		if !near(l.Score, w.score) || l.Verdict != w.verdict {
			t.Errorf("level %s = %.4f %s, want %.4f %s", l.ID, l.Score, l.Verdict, w.score, w.verdict)
		}
	}
}

func TestScoreLevelsByHand(t *testing.T) {
	r := loadMini(t)
	res := Score(r, rated(r, map[string]string{"ruby": "2", "comms": "2", "ship-small": "2", "on-call": "yes"}))
	// junior (expects 2): lang 1, comms 1, ship-small 1, on-call 1 -> 1.
	// mid (expects 3): lang 2/3 (go unanswered), comms 2/3 (both required,
	// both unmet), ship-small 2/3, on-call 1:
	//   (3*2/3 + 3*2/3 + 2*2/3 + 2*1) / 10 = 0.7333; answering go would
	//   not make comms met, so approaching, not incomplete.
	// senior: junior rung (ship-small superseded by ship-big):
	//   (3*2/3 + 3*2/3 + 2*1) / 8 = 0.75; senior rung: ship-big 0,
	//   mentor 0 -> 0. The level is its lowest rung: 0.
	checkLevels(t, res, map[string]want{
		"junior": {1, Meets},
		"mid":    {22.0 / 30, Approaching},
		"senior": {0, NotYet},
		"staff":  {0, NotYet},
	})
	if res.FitLevel != "junior" {
		t.Errorf("fit level = %q, want junior", res.FitLevel)
	}
	senior := res.Levels[2]
	wantRungs := []RungScore{{"junior", 0.75}, {"senior", 0}}
	if len(senior.Rungs) != 2 || senior.Rungs[0].Level != "junior" || !near(senior.Rungs[0].Score, 0.75) ||
		senior.Rungs[1].Level != "senior" || !near(senior.Rungs[1].Score, 0) {
		t.Errorf("senior rungs = %+v, want %+v", senior.Rungs, wantRungs)
	}
	// A level that introduces nothing (mid) has only the rungs below it.
	if mid := res.Levels[1]; len(mid.Rungs) != 1 || mid.Rungs[0].Level != "junior" {
		t.Errorf("mid rungs = %+v, want just the junior rung", mid.Rungs)
	}
	if want := []string{"go", "nice", "ship-big", "mentor", "ship-huge"}; !reflect.DeepEqual(res.Unanswered, want) {
		t.Errorf("unanswered = %v, want %v", res.Unanswered, want)
	}
	if res.Bonus != (Count{Met: 0, Total: 1}) {
		t.Errorf("bonus = %+v, want 0 of 1", res.Bonus)
	}
	if want := []string{"Junior: Juniors learn on the job."}; !reflect.DeepEqual(res.Notes, want) {
		t.Errorf("notes = %v, want %v", res.Notes, want)
	}
	if len(res.Specialties) != 0 {
		t.Errorf("specialties = %v, want none (none named or rated)", res.Specialties)
	}
}

// "Ruby or Go": Go alone satisfies the group.
func TestGoAloneSatisfiesTheLanguageGroup(t *testing.T) {
	r := loadMini(t)
	res := Score(r, rated(r, map[string]string{"ruby": "0", "go": "3", "comms": "3", "ship-small": "3", "on-call": "yes"}))
	// Senior's own items are unanswered: answering them as expected would
	// meet, so Senior is incomplete rather than failed.
	checkLevels(t, res, map[string]want{"junior": {1, Meets}, "mid": {1, Meets}, "senior": {0, Incomplete}})
	if res.FitLevel != "mid" {
		t.Errorf("fit level = %q, want mid", res.FitLevel)
	}
}

// Staff fails while a Senior item it keeps is unmet, even though every Staff
// item is met; meeting the stricter rung (ship-huge) meets the lower ones.
func TestStaffNeedsTheSeniorItemsItKeeps(t *testing.T) {
	r := loadMini(t)
	res := Score(r, rated(r, map[string]string{"ruby": "4", "comms": "4", "on-call": "yes", "ship-huge": "4", "mentor": "0"}))
	// staff: junior rung 1; senior rung: mentor 0 -> 0; staff rung 1 -> 0.
	// senior: ship-big credited 1 through ship-huge; (3*1 + 3*0) / 6 = 0.5.
	// mid: ship-small unanswered but credited 1 through ship-big.
	checkLevels(t, res, map[string]want{
		"mid":    {1, Meets},
		"senior": {0.5, NotYet},
		"staff":  {0, NotYet},
	})
	staff := res.Levels[3]
	if got := staff.Rungs[len(staff.Rungs)-1]; got.Level != "staff" || !near(got.Score, 1) {
		t.Errorf("staff rung = %+v, want every staff item met", got)
	}
	if res.FitLevel != "mid" {
		t.Errorf("fit level = %q, want mid", res.FitLevel)
	}
}

// Nice-to-haves are reported apart and never change a score or verdict.
func TestBonusNeverChangesAVerdict(t *testing.T) {
	r := loadMini(t)
	base := map[string]string{"ruby": "2", "comms": "2", "ship-small": "2", "on-call": "yes", "db-mandatory": "3"}
	with := map[string]string{"nice": "4", "db-nice": "4"}
	for k, v := range base {
		with[k] = v
	}
	a, b := Score(r, rated(r, base, "db")), Score(r, rated(r, with, "db"))
	for i := range a.Levels {
		if a.Levels[i].Score != b.Levels[i].Score || a.Levels[i].Verdict != b.Levels[i].Verdict {
			t.Errorf("level %s changed with bonus answers", a.Levels[i].ID)
		}
	}
	if a.Specialties[0].Score != b.Specialties[0].Score || a.Specialties[0].Verdict != b.Specialties[0].Verdict {
		t.Error("specialty changed with bonus answers")
	}
	if a.Bonus != (Count{0, 2}) || b.Bonus != (Count{2, 2}) {
		t.Errorf("bonus = %+v and %+v, want 0 of 2 and 2 of 2", a.Bonus, b.Bonus)
	}
	if b.Specialties[0].Bonus != (Count{1, 1}) {
		t.Errorf("specialty bonus = %+v, want 1 of 1", b.Specialties[0].Bonus)
	}
}

func TestSpecialtyByHand(t *testing.T) {
	r := loadMini(t)
	all := map[string]string{"db-mandatory": "4", "db-tuning": "4", "db-ops": "4", "db-learn": "yes",
		"a1": "4", "a2": "4", "b-must": "yes", "b1": "4", "b2": "4"}
	with := func(changes map[string]string) map[string]string {
		m := map[string]string{}
		for k, v := range all {
			m[k] = v
		}
		for k, v := range changes {
			if v == "" {
				delete(m, k)
			} else {
				m[k] = v
			}
		}
		return m
	}
	// Units and weights: db-mandatory (required, 3), db-tuning (strong, 3),
	// db-ops (desirable, 2), db-learn (required, 3), paths (required via
	// path-b's b-must, 3): 14 in all.
	cases := []struct {
		name    string
		ratings map[string]string
		score   float64
		verdict Verdict
		gaps    []string
	}{
		{"everything met", all, 1, Meets, nil},
		// A Mandatory item at 0 blocks the specialty whatever else.
		{"mandatory at zero", with(map[string]string{"db-mandatory": "0"}), 11.0 / 14, Approaching, []string{"db-mandatory"}},
		// A "no" on a required willingness blocks too.
		{"required willingness no", with(map[string]string{"db-learn": "no"}), 11.0 / 14, Approaching, []string{"db-learn"}},
		// path-a: a1 3/4, a2 1 -> 0.875; path-b: b-must yes, breadth best
		// of (1, 0) -> 1; paths = best path = 1. db-tuning 2/3, db-ops
		// unanswered: (3 + 3*2/3 + 0 + 3 + 3) / 14 = 11/14 < 0.8, and
		// answering db-ops would give 13/14: incomplete. Gaps by weight x
		// shortfall: db-ops 2*1 before db-tuning 3*(1/3).
		{"incomplete", with(map[string]string{"db-mandatory": "3", "db-tuning": "2", "db-ops": "", "a1": "3", "a2": "3", "b2": "0"}),
			11.0 / 14, Incomplete, []string{"db-ops", "db-tuning"}},
		// Either path is enough: path-a alone (b-must no) keeps paths met.
		{"expert path alone", with(map[string]string{"b-must": "no", "b1": "0", "b2": "0"}), 1, Meets, nil},
		// Neither path: paths is a required group gap, listed first.
		{"no path", with(map[string]string{"a1": "1", "b-must": "no", "db-tuning": "0"}),
			(3 + 0 + 2 + 3 + 3*0.625) / 14, Approaching, []string{"paths", "db-tuning"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := Score(r, rated(r, tc.ratings, "db"))
			sp := res.Specialties[0]
			if !near(sp.Score, tc.score) || sp.Verdict != tc.verdict {
				t.Errorf("db = %.4f %s, want %.4f %s", sp.Score, sp.Verdict, tc.score, tc.verdict)
			}
			var gaps []string
			for _, g := range sp.Gaps {
				if g.Group != "" {
					gaps = append(gaps, g.Group)
				} else {
					gaps = append(gaps, g.Criterion)
				}
			}
			if !reflect.DeepEqual(gaps, tc.gaps) {
				t.Errorf("gaps = %v, want %v", gaps, tc.gaps)
			}
		})
	}
}

func TestGroupGapDescribesItsMembers(t *testing.T) {
	r := loadMini(t)
	res := Score(r, rated(r, map[string]string{"a1": "2", "b-must": "no"}, "db"))
	var paths *UnitScore
	for i, g := range res.Specialties[0].Gaps {
		if g.Group == "paths" {
			paths = &res.Specialties[0].Gaps[i]
		}
	}
	if paths == nil {
		t.Fatal("no gap for the paths group")
	}
	var ids []string
	for _, c := range paths.Criteria {
		ids = append(ids, c.ID)
	}
	if want := []string{"a1", "a2", "b-must", "b1", "b2"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("criteria = %v, want %v", ids, want)
	}
	if paths.Metc != 0 || paths.Min != 1 || !paths.Required() {
		t.Errorf("paths gap = met %d of min %d, required %v; want 0 of 1, required", paths.Metc, paths.Min, paths.Required())
	}
	if c := paths.Criteria[0]; c.Rating == nil || c.Rating.Value != 2 || c.Expected != 4 {
		t.Errorf("a1 in the gap = %+v, want rated 2, expecting its own 4", c)
	}
}

// An untouched but named specialty is incomplete, not failed.
func TestNamedButUnansweredSpecialtyIsIncomplete(t *testing.T) {
	r := loadMini(t)
	res := Score(r, rated(r, nil, "db"))
	if sp := res.Specialties[0]; sp.Verdict != Incomplete || sp.Score != 0 {
		t.Errorf("db = %.2f %s, want 0 incomplete", sp.Score, sp.Verdict)
	}
	if res.Levels[0].Verdict != Incomplete {
		t.Errorf("junior = %s, want incomplete", res.Levels[0].Verdict)
	}
	if res.FitLevel != "" {
		t.Errorf("fit level = %q, want none", res.FitLevel)
	}
}

// A specialty shows up when it is named or has a rating; shared criteria
// count for each of their specialties; the best score comes first.
func TestScoredSpecialties(t *testing.T) {
	r := loadMini(t)
	if got := ScoredSpecialties(r, rated(r, map[string]string{"ruby": "3"})); len(got) != 0 {
		t.Errorf("no specialty named or rated: got %v", got)
	}
	if got := ScoredSpecialties(r, rated(r, map[string]string{"b1": "3"})); !reflect.DeepEqual(got, []string{"db"}) {
		t.Errorf("a rated db criterion: got %v, want [db]", got)
	}
	// A shared criterion rated for a named specialty does not bring in the
	// other specialty that shares it...
	if got := ScoredSpecialties(r, rated(r, map[string]string{"shared-ops": "3"}, "cache")); !reflect.DeepEqual(got, []string{"cache"}) {
		t.Errorf("shared criterion, cache named: got %v, want [cache]", got)
	}
	// ...but rated with no specialty named, it brings in both.
	if got := ScoredSpecialties(r, rated(r, map[string]string{"shared-ops": "3"})); !reflect.DeepEqual(got, []string{"cache", "web"}) {
		t.Errorf("shared criterion, nothing named: got %v, want [cache web]", got)
	}
}

// The same assessment scores the same whatever the order of work: the
// scorer's scratch space does not leak between targets or assessments.
func TestScorerIsRepeatable(t *testing.T) {
	r := loadMini(t)
	s := NewScorer(r)
	a := rated(r, map[string]string{"ruby": "2", "comms": "3", "ship-huge": "4", "db-tuning": "2"}, "db")
	first := s.Score(a)
	s.Score(rated(r, map[string]string{"go": "4", "mentor": "1"}))
	again := s.Score(a)
	if !reflect.DeepEqual(first.Levels, again.Levels) || !reflect.DeepEqual(first.Specialties, again.Specialties) {
		t.Error("scoring the same assessment twice gave different results")
	}
}
