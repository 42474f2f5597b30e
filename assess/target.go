package assess

import (
	"math"
	"sort"

	"github.com/ladderhq/ladder/rubric"
)

// run is the scoring of one target in progress, kept so that the next
// level can carry on from it. Level L+1's units are usually level L's
// followed by those of the rung L+1 introduces (a ladder written lowest
// level first, each level expecting what the one below does; the rubric
// says when, see LevelExtendsBelow): then its units, rungs, score and gaps
// are level L's plus what the new rung adds, and only the new rung is
// scored. Otherwise the run starts over. So scoring every level of a ladder
// costs what its levels add, not the square of it; the result's lists share
// storage the same way.
type run struct {
	started  bool
	describe bool // units, rungs and gaps are kept
	expect   int
	level    int           // the index of the level scored; -1 for a specialty
	units    []rubric.Unit // scored so far
	bonus    []string
	top      int // the highest rung slot among units; -1 for none

	// Without and with unanswered criteria credited as met: the lowest rung
	// score so far (+Inf for none), and whether every required unit is met.
	low         [2]float64
	requiredMet [2]bool
	bonusMet    int

	// The result's lists, uncapped so that the next level appends to them;
	// each result holds them capped, so that appending never changes it.
	described []UnitScore
	rungs     []RungScore
	gaps      []UnitScore
}

type rung struct {
	sum    [2]float64 // without and with fill
	weight float64
	open   bool // has a unit, weightless or not
}

// levelTarget scores the current assessment against a level, carrying on
// from r when r holds the level below and the level extends it.
func (s *Scorer) levelTarget(r *run, levelID string, describe bool) TargetScore {
	s.target(levelID)
	level := s.r.LevelIndex(levelID)
	carry := r.started && r.level == level-1 && s.r.LevelExtendsBelow(levelID)
	t := s.advance(r, carry, level, targetLists{s.r.LevelUnits(levelID), s.levelUnits[level], s.r.LevelBonus(levelID), s.levelBonus[level]}, describe)
	t.ID = levelID
	return t
}

// targetLists are a target's units and bonus criteria, by id and by index.
type targetLists struct {
	units    []rubric.Unit
	refs     []unitRef
	bonus    []string
	bonusIdx []int
}

// specialtyTarget scores the current assessment against a specialty; with
// describe false, only its score and verdict.
func (s *Scorer) specialtyTarget(id string, describe bool) TargetScore {
	s.target("")
	i := s.r.SpecialtyIndex(id)
	t := s.advance(&run{}, false, -1, targetLists{s.r.SpecialtyUnits(id), s.specUnits[i], s.r.SpecialtyBonus(id), s.specBonus[i]}, describe)
	t.ID, t.Specialty = id, true
	return t
}

// target sets the level scored against, "" for a specialty, and with it the
// rating expected of criteria that set none.
func (s *Scorer) target(levelID string) {
	s.expect = s.r.SpecialtyExpect
	if l := s.r.Level(levelID); l != nil {
		s.expect = l.Expect
	}
}

// carriesOn reports whether r can carry on to the target's lists, which
// the rubric says extend what r scored: the same expectation and the same
// kind of run, and every added unit on a rung above r's. A unit's rung
// (its slot) is its level's index + 1, 0 for a specialty's units.
func (s *Scorer) carriesOn(r *run, t targetLists, describe bool) bool {
	if r.expect != s.expect || r.describe != describe || len(t.units) < len(r.units) || len(t.bonus) < len(r.bonus) {
		return false
	}
	for _, u := range t.refs[len(r.units):] {
		if u.slot <= r.top {
			return false
		}
	}
	return true
}

// advance scores the current target's units and bonus criteria, carrying on
// from r when carry says the lists extend r's and r can, starting over when
// not, and leaves r where the next level can carry on. With describe false
// it only scores (units, rungs and gaps are left out).
func (s *Scorer) advance(r *run, carry bool, level int, lists targetLists, describe bool) TargetScore {
	units, bonus := lists.units, lists.bonus
	if !carry || !s.carriesOn(r, lists, describe) {
		inf := math.Inf(1)
		*r = run{started: true, describe: describe, expect: s.expect, top: -1,
			low: [2]float64{inf, inf}, requiredMet: [2]bool{true, true}}
	}
	r.level = level
	added := units[len(r.units):]
	for k, u := range added {
		ref := lists.refs[len(r.units)+k]
		credit, filled := s.unitCredits(ref)
		if u.Required() {
			r.requiredMet[0] = r.requiredMet[0] && met(credit)
			r.requiredMet[1] = r.requiredMet[1] && met(filled)
		}
		slot := ref.slot
		rg := &s.rungs[slot]
		if !rg.open {
			rg.open = true
			s.touched = append(s.touched, slot)
		}
		rg.sum[0] += u.Weight() * credit
		rg.sum[1] += u.Weight() * filled
		rg.weight += u.Weight()
		if describe {
			r.described = append(r.described, s.describe(u, ref, credit))
		}
	}
	// New rungs in level order: units arrive in rubric order, which need not
	// be level order.
	sort.Ints(s.touched)
	for _, slot := range s.touched {
		rg := s.rungs[slot]
		s.rungs[slot] = rung{}
		v := [2]float64{1, 1}
		if rg.weight > 0 {
			v = [2]float64{rg.sum[0] / rg.weight, rg.sum[1] / rg.weight}
		}
		r.low = [2]float64{math.Min(r.low[0], v[0]), math.Min(r.low[1], v[1])}
		if describe && slot > 0 {
			r.rungs = append(r.rungs, RungScore{Level: s.r.Levels[slot-1].ID, Score: v[0]})
		}
		r.top = slot
	}
	s.touched = s.touched[:0]
	for _, i := range lists.bonusIdx[len(r.bonus):] {
		if met(s.credit(i)) {
			r.bonusMet++
		}
	}
	if describe {
		r.gaps = addGaps(r.gaps, r.described, len(added))
	}
	r.units, r.bonus = units, bonus

	score, filled := r.low[0], r.low[1]
	if len(units) == 0 {
		score, filled = 1, 1
	}
	t := TargetScore{Score: score, Bonus: Count{Met: r.bonusMet, Total: len(bonus)}}
	switch {
	case s.meets(score, r.requiredMet[0]):
		t.Verdict = Meets
	case s.meets(filled, r.requiredMet[1]): // answering the unanswered would meet
		t.Verdict = Incomplete
	case score >= s.r.Thresholds.Approaching-epsilon:
		t.Verdict = Approaching
	default:
		t.Verdict = NotYet
	}
	if describe {
		t.Units, t.Rungs, t.Gaps = capped(r.described), capped(r.rungs), capped(r.gaps)
	}
	return t
}

func capped[T any](list []T) []T {
	if len(list) == 0 {
		return nil
	}
	return list[:len(list):len(list)]
}

// addGaps returns the gaps among units given gaps, those of all but the
// last added units: the added units' gaps, in gap order, appended when they
// all come after the others (gaps' storage is then shared with the level
// below), merged in otherwise.
func addGaps(gaps, units []UnitScore, added int) []UnitScore {
	var fresh []UnitScore
	for _, u := range units[len(units)-added:] {
		if !u.Met {
			fresh = append(fresh, u)
		}
	}
	if len(fresh) == 0 {
		return gaps
	}
	sortGaps(fresh)
	if len(gaps) == 0 || gapBefore(gaps[len(gaps)-1], fresh[0]) {
		return append(gaps, fresh...)
	}
	out := make([]UnitScore, 0, len(gaps)+len(fresh))
	for len(gaps) > 0 && len(fresh) > 0 {
		if gapBefore(fresh[0], gaps[0]) {
			out, fresh = append(out, fresh[0]), fresh[1:]
		} else {
			out, gaps = append(out, gaps[0]), gaps[1:]
		}
	}
	return append(append(out, gaps...), fresh...)
}

// sortGaps puts gaps in gap order: required first, then by weight x
// (1 - credit), then in rubric order.
func sortGaps(gaps []UnitScore) {
	sort.SliceStable(gaps, func(i, j int) bool { return gapBefore(gaps[i], gaps[j]) })
}

func gapBefore(a, b UnitScore) bool {
	if a.Required() != b.Required() {
		return a.Required()
	}
	if d := a.shortfall() - b.shortfall(); math.Abs(d) > epsilon {
		return d > 0
	}
	return a.Order < b.Order
}
