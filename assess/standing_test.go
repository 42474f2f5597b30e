package assess

import (
	"reflect"
	"testing"
)

// On the mini ladder: Go 3 meets "Ruby or Go"; communication at 2 meets
// Junior (expects 2) and falls short everywhere above; nothing of Senior
// or Staff is answered.
func standingExample(t *testing.T, target string) *Result {
	t.Helper()
	r := loadMini(t)
	a := rated(r, map[string]string{"go": "3", "comms": "2", "ship-small": "3", "on-call": "yes"})
	a.TargetLevel = target
	return Score(r, a)
}

func unitKeys(units []UnitScore) []string {
	var out []string
	for _, u := range units {
		out = append(out, UnitKey(u.Unit))
	}
	return out
}

func TestHoldback(t *testing.T) {
	r := loadMini(t)
	res := standingExample(t, "")
	if h := HoldbackOf(r, res.Levels[0]); len(h.Blockers()) != 0 || len(h.LowRungs) != 0 {
		t.Errorf("junior meets, yet held back by %+v", h)
	}
	// Mid scores 90%: enough; the required comms alone holds it back.
	mid := HoldbackOf(r, res.Levels[1])
	if got := unitKeys(mid.Required); !reflect.DeepEqual(got, []string{"comms"}) || len(mid.LowRungs) != 0 || len(mid.Short) != 0 {
		t.Errorf("mid held back by required %v, low rungs %v, short %v; want comms alone", got, mid.LowRungs, unitKeys(mid.Short))
	}
	// Senior: comms, and its own rung at 0% with both of its items.
	senior := HoldbackOf(r, res.Levels[2])
	if got := unitKeys(senior.Blockers()); !reflect.DeepEqual(got, []string{"comms", "ship-big", "mentor"}) {
		t.Errorf("senior blockers %v", got)
	}
	if len(senior.LowRungs) != 1 || senior.LowRungs[0].Level != "senior" || senior.Open != 2 {
		t.Errorf("senior low rungs %+v, open %d; want the senior rung, 2 unanswered", senior.LowRungs, senior.Open)
	}
}

func TestNotAsked(t *testing.T) {
	r := loadMini(t)
	// Without a target every level is asked.
	if got := NotAsked(r, standingExample(t, "")); !reflect.DeepEqual(got, []bool{false, false, false, false}) {
		t.Errorf("no target: not asked %v", got)
	}
	// Up to junior: mid adds no rung of its own, so it is asked; senior
	// and staff add rungs without an answer.
	if got := NotAsked(r, standingExample(t, "junior")); !reflect.DeepEqual(got, []bool{false, false, true, true}) {
		t.Errorf("target junior: not asked %v", got)
	}
	// One answer in the senior rung: senior was asked, staff not.
	a := standingExample(t, "junior").Assessment
	a.Ratings["mentor"] = Rating{Value: 1}
	if got := NotAsked(r, Score(r, a)); !reflect.DeepEqual(got, []bool{false, false, false, true}) {
		t.Errorf("mentor answered: not asked %v", got)
	}
}

func TestFitReason(t *testing.T) {
	r := loadMini(t)
	fr := FitReasonOf(r, standingExample(t, ""))
	if fr.Level != "mid" || !fr.AndUp || fr.NotAsked || !reflect.DeepEqual(unitKeys(fr.Holdback.Blockers()), []string{"comms"}) {
		t.Errorf("fit reason %+v; want mid and up, held back by comms", fr)
	}
	// With senior and staff not asked, nothing above mid is asked: mid
	// alone.
	if fr := FitReasonOf(r, standingExample(t, "junior")); fr.Level != "mid" || fr.AndUp {
		t.Errorf("target junior: fit reason %+v; want mid, not and up", fr)
	}
	// Everything met: nothing holds the fit level back.
	a := rated(r, map[string]string{"go": "4", "comms": "4", "ship-huge": "4", "on-call": "yes", "mentor": "4"})
	if fr := FitReasonOf(r, Score(r, a)); fr.Level != "" {
		t.Errorf("all met: fit reason %+v", fr)
	}
}

func TestSharedGaps(t *testing.T) {
	r := loadMini(t)
	res := standingExample(t, "")
	gaps := SharedGaps(r, res.Levels[1:], "mid")
	var keys []string
	for _, g := range gaps {
		keys = append(keys, UnitKey(g.Unit))
	}
	// comms once, first: it holds back mid, the focus. Then the others
	// that hold a verdict back, in rubric order (the same shortfall).
	if !reflect.DeepEqual(keys, []string{"comms", "ship-big", "mentor", "ship-huge"}) {
		t.Fatalf("gaps %v", keys)
	}
	var at []string
	for _, a := range gaps[0].At {
		if !a.Blocks {
			t.Errorf("comms does not hold back %s", a.Target)
		}
		at = append(at, a.Target)
	}
	if !reflect.DeepEqual(at, []string{"mid", "senior", "staff"}) {
		t.Errorf("comms is a gap of %v, want mid, senior, staff", at)
	}
	// mentor is a gap of senior and staff, once.
	if got := len(gaps[2].At); got != 2 {
		t.Errorf("mentor at %d targets, want 2", got)
	}
}

func TestCompletion(t *testing.T) {
	r := loadMini(t)
	a := standingExample(t, "junior").Assessment
	// Only the bonus question is left: what counts most is answered.
	if c := CompletionOf(r, a); c.Open != 1 || !c.Quick || c.Unfinished() || c.Finished() {
		t.Errorf("completion %+v; want one open, quick", c)
	}
	a.Ratings["nice"] = Rating{Value: 2}
	if c := CompletionOf(r, a); !c.Finished() || c.Unfinished() {
		t.Errorf("completion %+v; want finished", c)
	}
	delete(a.Ratings, "comms")
	if c := CompletionOf(r, a); !c.Unfinished() {
		t.Errorf("completion %+v; want unfinished: the required comms is open", c)
	}
}
