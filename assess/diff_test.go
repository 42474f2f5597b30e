package assess

import (
	"reflect"
	"testing"
)

func TestDiffByHand(t *testing.T) {
	r := loadMini(t)
	old := rated(r, map[string]string{"ruby": "2", "comms": "2", "on-call": "yes", "mentor": "1", "shared-ops": "2"})
	new := rated(r, map[string]string{"ruby": "3", "comms": "1", "on-call": "no", "go": "2", "db-mandatory": "3"})
	d := NewDiff(r, Score(r, old), Score(r, new))

	// Rubric order; yes -> no is a fall.
	type change struct {
		id            string
		kind          Change
		before, after string
	}
	want := []change{
		{"ruby", Rose, "2", "3"},
		{"go", NewlyRated, "-", "2"},
		{"comms", Fell, "2", "1"},
		{"on-call", Fell, "yes", "no"},
		{"mentor", NoLongerRated, "1", "-"},
		{"db-mandatory", NewlyRated, "-", "3"},
		{"shared-ops", NoLongerRated, "2", "-"},
	}
	var got []change
	for _, c := range d.Criteria {
		got = append(got, change{c.ID, c.Change, text(c.Before), text(c.After)})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("changes:\n got %v\nwant %v", got, want)
	}
	if d.Count(Fell) != 2 || d.Count(NewlyRated) != 2 || d.Count(Rose) != 1 || d.Count(NoLongerRated) != 2 {
		t.Errorf("counts: rose %d fell %d answered %d unanswered %d", d.Count(Rose), d.Count(Fell), d.Count(NewlyRated), d.Count(NoLongerRated))
	}

	// Every level on both sides. junior (expects 2): lang, comms, on-call
	// (ship-small unanswered, 0) -> before (3 + 3 + 0 + 2) / 10 = 0.8 but
	// the required items are met: meets; after: lang 1, comms 1/2,
	// ship-small 0, on-call 0: (3 + 1.5) / 10 = 0.45, comms required
	// and unmet.
	if len(d.Levels) != 4 || d.Levels[0].ID != "junior" || !near(d.Levels[0].Before.Score, 0.8) || !near(d.Levels[0].After.Score, 0.45) {
		t.Errorf("junior = %+v -> %+v", d.Levels[0].Before, d.Levels[0].After)
	}
	// Specialties: db is scored after only (db-mandatory rated); cache and
	// web before only (shared-ops rated), after the new ones, in rubric
	// order.
	var specs []string
	for _, s := range d.Specialties {
		specs = append(specs, s.ID+":"+side(s.Before)+side(s.After))
	}
	if want := []string{"db:-+", "cache:+-", "web:+-"}; !reflect.DeepEqual(specs, want) {
		t.Errorf("specialties = %v, want %v", specs, want)
	}
}

func text(rt *Rating) string {
	if rt == nil {
		return "-"
	}
	return rt.String()
}

func side(t *TargetScore) string {
	if t == nil {
		return "-"
	}
	return "+"
}

func TestSamePerson(t *testing.T) {
	a, b := &Assessment{Person: "Priya Raman"}, &Assessment{Person: "  priya  RAMAN "}
	if !SamePerson(a, b) {
		t.Error("case and spacing should not matter")
	}
	if SamePerson(a, &Assessment{Person: "Priya Ramen"}) {
		t.Error("different names should differ")
	}
}
