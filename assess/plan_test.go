package assess

import (
	"reflect"
	"strings"
	"testing"
)

func TestDefaultTarget(t *testing.T) {
	r := loadMini(t)
	junior := map[string]string{"ruby": "2", "comms": "2", "ship-small": "2", "on-call": "yes"}
	all := map[string]string{"ruby": "4", "comms": "4", "on-call": "yes", "ship-huge": "4", "mentor": "4"}
	for _, tc := range []struct {
		name            string
		ratings         map[string]string
		current, target string
		want            string
		reason          TargetReason
	}{
		{"nothing met: the first level", map[string]string{}, "", "", "junior", TargetNext},
		{"the level above the fit level", junior, "", "", "mid", TargetNext},
		{"the level above the current level when higher", junior, "senior", "", "staff", TargetNext},
		{"a current level below the fit level changes nothing", junior, "junior", "", "mid", TargetNext},
		{"the assessment's target while it is not met", junior, "", "senior", "senior", TargetFromAssessment},
		{"a met target_level gives way to the next level", junior, "", "junior", "mid", TargetNext},
		{"the top of the ladder", all, "", "", "staff", TargetTop},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := rated(r, tc.ratings)
			a.CurrentLevel, a.TargetLevel = tc.current, tc.target
			got, reason := DefaultTarget(r, Score(r, a))
			if got != tc.want || reason != tc.reason {
				t.Errorf("DefaultTarget = %s (%s), want %s (%s)", got, reason, tc.want, tc.reason)
			}
		})
	}
}

func TestPlanByHand(t *testing.T) {
	r := loadMini(t)
	res := Score(r, rated(r, map[string]string{"ruby": "2", "comms": "2", "ship-small": "2", "on-call": "yes"}))
	p, err := NewPlan(r, res, PlanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Fit level junior, so the target is mid (expects 3). Its one rung,
	// junior, weighs 10: lang 3 (credit 2/3), comms 3 (2/3), ship-small 2
	// (2/3), on-call 2 (1, met). Required first, then by shortfall, then
	// rubric order: lang, comms, ship-small. Gain = weight x (1 - credit)
	// / 10.
	if p.Target != "mid" || p.Reason != TargetNext || p.Met() {
		t.Fatalf("target = %s (%s, met %v), want mid, next, not met", p.Target, p.Reason, p.Met())
	}
	type item struct {
		id   string
		gain float64
	}
	want := []item{{"lang", 0.1}, {"comms", 0.1}, {"ship-small", 2.0 / 30}}
	if len(p.Items) != len(want) {
		t.Fatalf("items = %+v, want %v", p.Items, want)
	}
	for i, w := range want {
		it := p.Items[i]
		if id := it.Group + it.Criterion; id != w.id || !near(it.Gain, w.gain) || it.Rung() != "junior" {
			t.Errorf("item %d = %s gain %.4f rung %s, want %s gain %.4f rung junior", i, id, it.Gain, it.Rung(), w.id, w.gain)
		}
	}
	if p.Required() != 2 || len(p.RungItems("junior")) != 3 || len(p.RungItems("senior")) != 0 {
		t.Errorf("required = %d, junior rung %d items; want 2 and 3", p.Required(), len(p.RungItems("junior")))
	}
	if !reflect.DeepEqual(p.Items[0].Sources, []string(nil)) {
		t.Errorf("sources = %v, want none (mini cites nothing)", p.Items[0].Sources)
	}
}

func TestPlanSpecialties(t *testing.T) {
	r := loadMini(t)
	res := Score(r, rated(r, map[string]string{"ruby": "3", "comms": "3", "ship-small": "3", "on-call": "yes"}))
	// db is neither named nor rated: the plan scores it, and every unit
	// of it is a gap. Naming it twice plans it once.
	p, err := NewPlan(r, res, PlanOptions{Target: "mid", Specialties: []string{"db", "db"}})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Met() || len(p.LevelItems()) != 0 {
		t.Errorf("mid: met %v with %d items, want met with none", p.Met(), len(p.LevelItems()))
	}
	if len(p.Specialties) != 1 || p.Specialties[0].ID != "db" {
		t.Fatalf("specialties = %+v, want db once", p.Specialties)
	}
	db := Score(r, rated(r, map[string]string{}, "db")).Specialties[0]
	if got := p.SpecialtyItems("db"); len(got) != len(db.Gaps) || len(got) != len(db.Units) {
		t.Errorf("db items = %d, want all %d units", len(got), len(db.Units))
	}
	for i, it := range p.SpecialtyItems("db") {
		if !it.Specialty || it.Target != "db" || it.Rung() != "" || it.Unit != db.Gaps[i].Unit {
			t.Errorf("db item %d = %+v, want the scorer's gap %+v", i, it.Unit, db.Gaps[i].Unit)
		}
	}

	for opt, want := range map[string]PlanOptions{
		`unknown level "principal" (levels: junior, mid, senior, staff)`: {Target: "principal"},
		`unknown specialty "cobol" (see ladder rubric list)`:             {Specialties: []string{"cobol"}},
	} {
		if _, err := NewPlan(r, res, want); err == nil || !strings.Contains(err.Error(), opt) {
			t.Errorf("NewPlan(%+v) = %v, want %q", want, err, opt)
		}
	}
}
