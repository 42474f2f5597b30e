package assess

import (
	"slices"
	"sort"

	"github.com/ladderhq/ladder/rubric"
)

// Where an assessment stands, in the terms a person asks about: how it
// fares against the target level, what holds a verdict back, why the fit
// level is not higher, which levels were never asked, and every gap once,
// with the levels and specialties it is a gap of. The renderings of
// score, plan and report all explain a result from here, so that they
// say the same thing.

// Holdback is why a target (a level or a specialty) is not met: what keeps
// its verdict from "meets" by the rule of the verdict (every required unit
// met, and the score at the meets threshold).
type Holdback struct {
	// Required are the required units not met, in gap order: each one
	// alone keeps the verdict from "meets", whatever the score.
	Required []UnitScore
	// LowRungs are the rungs scoring under the meets threshold, lowest
	// level first: a level scores its weakest rung. A specialty has one
	// rung, with Level "".
	LowRungs []RungScore
	// Short are the other unmet units of the low rungs, in gap order:
	// meeting enough of them lifts the score.
	Short []UnitScore
	// Open counts the criteria under the target's unmet units that have no
	// rating: unanswered, or answered "can't say".
	Open int
}

// Blockers are the units that hold the verdict back: the required ones,
// then the others of the low rungs.
func (h Holdback) Blockers() []UnitScore {
	out := make([]UnitScore, 0, len(h.Required)+len(h.Short))
	return append(append(out, h.Required...), h.Short...)
}

// HoldbackOf says why t is not met; it is empty for a target that meets.
func HoldbackOf(r *rubric.Rubric, t TargetScore) Holdback {
	var h Holdback
	if t.Verdict == Meets {
		return h
	}
	low := map[string]bool{}
	if t.Specialty {
		if t.Score < r.Thresholds.Meets-epsilon {
			h.LowRungs = []RungScore{{Score: t.Score}}
			low[""] = true
		}
	} else {
		for _, rg := range t.Rungs {
			if rg.Score < r.Thresholds.Meets-epsilon {
				h.LowRungs = append(h.LowRungs, rg)
				low[rg.Level] = true
			}
		}
	}
	for _, g := range t.Gaps {
		switch {
		case g.Required():
			h.Required = append(h.Required, g)
		case low[g.Level]:
			h.Short = append(h.Short, g)
		}
		for _, c := range g.Criteria {
			if c.Rating == nil {
				h.Open++
			}
		}
	}
	return h
}

// UnitKey names a unit: its group's id, or its criterion's.
func UnitKey(u rubric.Unit) string {
	if u.Group != "" {
		return u.Group
	}
	return u.Criterion
}

// NotAsked reports, for each level of the result, whether the assessment
// never asked what the level adds: the level is above the assessment's
// target level, and a rung it adds above the target (the scored criteria
// some level introduces) has no answer at all: questions stop at the
// target. Such a level's score and verdict say nothing about the person
// yet. Without a target, every level is asked. The work grows with the
// rubric: one pass over the criteria, one over the levels.
func NotAsked(r *rubric.Rubric, res *Result) []bool {
	out := make([]bool, len(res.Levels))
	a := res.Assessment
	target := r.LevelIndex(a.TargetLevel)
	if target < 0 {
		return out
	}
	has, answered := make([]bool, len(r.Levels)), make([]bool, len(r.Levels))
	for i := range r.Criteria {
		c := &r.Criteria[i]
		if !c.General() || c.Strength == rubric.Bonus {
			continue
		}
		l := r.LevelIndex(c.Level)
		has[l] = true
		answered[l] = answered[l] || a.Responded(c.ID)
	}
	silent := false // a rung above the target, up to this level, has no answer
	for i, t := range res.Levels {
		l := r.LevelIndex(t.ID)
		if l <= target {
			continue
		}
		silent = silent || has[l] && !answered[l]
		out[i] = silent
	}
	return out
}

// ResultTarget is the level a result is explained against: the
// assessment's target level, met or not; without one, the level a plan
// would aim at (DefaultTarget).
func ResultTarget(r *rubric.Rubric, res *Result) (string, TargetReason) {
	if a := res.Assessment; r.Level(a.TargetLevel) != nil {
		return a.TargetLevel, TargetFromAssessment
	}
	return DefaultTarget(r, res)
}

// FitReason is why the fit level is not higher: the lowest level that
// does not meet, what holds it back, and how far up the same units hold
// every asked level back.
type FitReason struct {
	// Level is the lowest level not met; "" when every level meets.
	Level    string
	Holdback Holdback
	// NotAsked is set when that level was never asked (see NotAsked):
	// nothing holds it back but the questions not asked.
	NotAsked bool
	// AndUp is set when every asked level above Level, at least one, is
	// held back by each of Level's blockers too.
	AndUp bool
}

// FitReasonOf explains res's fit level.
func FitReasonOf(r *rubric.Rubric, res *Result) FitReason {
	notAsked := NotAsked(r, res)
	next := r.LevelIndex(res.FitLevel) + 1
	if next >= len(res.Levels) {
		return FitReason{}
	}
	t := res.Levels[next]
	fr := FitReason{Level: t.ID, Holdback: HoldbackOf(r, t), NotAsked: notAsked[next]}
	if fr.NotAsked {
		return fr
	}
	blockers := fr.Holdback.Blockers()
	above := 0
	fr.AndUp = len(blockers) > 0
	for j := next + 1; j < len(res.Levels) && fr.AndUp; j++ {
		if notAsked[j] {
			continue
		}
		above++
		held := map[string]bool{}
		for _, u := range HoldbackOf(r, res.Levels[j]).Blockers() {
			held[UnitKey(u.Unit)] = true
		}
		for _, u := range blockers {
			if !held[UnitKey(u.Unit)] {
				fr.AndUp = false
				break
			}
		}
	}
	fr.AndUp = fr.AndUp && above > 0
	return fr
}

// GapAt is one target a unit is a gap of, with the unit as scored there
// (its expectation may differ from one level to the next).
type GapAt struct {
	Target    string
	Specialty bool
	Unit      UnitScore
	// Blocks says the unit holds this target's verdict back (see
	// Holdback.Blockers); otherwise it lowers the score, not the verdict.
	Blocks bool
}

// SharedGap is one unmet unit, once, with every target it is a gap of.
type SharedGap struct {
	UnitScore // as scored at the first target it holds back, else the first it is a gap of
	At        []GapAt
}

// Blocks reports whether the gap holds back any target's verdict.
func (g SharedGap) Blocks() bool {
	for _, at := range g.At {
		if at.Blocks {
			return true
		}
	}
	return false
}

// SharedGaps lists the gaps of the given targets (levels lowest first,
// then specialties, as they come), each unit once with the targets it is
// a gap of: those that hold back the verdict of a focus target (a level
// id: the target level, say) first, then those that hold back another
// verdict, then the others, each part in gap order (required first, then
// by weight x shortfall at its first target, then rubric order).
func SharedGaps(r *rubric.Rubric, targets []TargetScore, focus ...string) []SharedGap {
	var out []SharedGap
	index := map[string]int{}
	for _, t := range targets {
		blocks := map[string]bool{}
		for _, u := range HoldbackOf(r, t).Blockers() {
			blocks[UnitKey(u.Unit)] = true
		}
		for _, g := range t.Gaps {
			key := UnitKey(g.Unit)
			at := GapAt{Target: t.ID, Specialty: t.Specialty, Unit: g, Blocks: blocks[key]}
			i, seen := index[key]
			if !seen {
				index[key] = len(out)
				out = append(out, SharedGap{UnitScore: g, At: []GapAt{at}})
				continue
			}
			if at.Blocks && !out[i].Blocks() {
				out[i].UnitScore = g
			}
			out[i].At = append(out[i].At, at)
		}
	}
	rank := func(g SharedGap) int {
		for _, at := range g.At {
			if at.Blocks && !at.Specialty && slices.Contains(focus, at.Target) {
				return 0
			}
		}
		if g.Blocks() {
			return 1
		}
		return 2
	}
	sort.SliceStable(out, func(i, j int) bool {
		if ri, rj := rank(out[i]), rank(out[j]); ri != rj {
			return ri < rj
		}
		return gapBefore(out[i].UnitScore, out[j].UnitScore)
	})
	return out
}
