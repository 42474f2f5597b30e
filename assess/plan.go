package assess

import (
	"fmt"

	"github.com/ladderhq/ladder/rubric"
)

// TargetReason says why a plan aims at its level.
type TargetReason string

// The reasons a plan aims where it does.
const (
	// TargetGiven: the level was asked for (ladder plan --target).
	TargetGiven TargetReason = "given"
	// TargetFromAssessment: the assessment's target_level, not met yet.
	TargetFromAssessment TargetReason = "assessment"
	// TargetNext: the level above the fit level (or above the current
	// level, when that is higher).
	TargetNext TargetReason = "next"
	// TargetTop: the fit level is the top of the ladder already.
	TargetTop TargetReason = "top"
)

// PlanOptions choose what a plan aims at.
type PlanOptions struct {
	Target      string   // a level id; "" picks the default (DefaultTarget)
	Specialties []string // specialties whose gaps the plan covers too
}

// Plan is what stands between an assessment and a target level (and any
// specialties asked for): every unmet unit of every rung up to the target,
// exactly the gaps the scorer reports, in the scorer's order.
type Plan struct {
	Result      *Result
	Target      string // the target level's id
	Reason      TargetReason
	Level       TargetScore   // the target level's score
	Specialties []TargetScore // the specialties planned for, in the order asked
	// Items are the target level's gaps in gap order (required first, then
	// by weight x shortfall, then rubric order), then each specialty's.
	Items []PlanItem
}

// PlanItem is one unmet unit of the plan.
type PlanItem struct {
	UnitScore
	Target    string // the level or specialty the item is a gap of
	Specialty bool
	// Gain is how much meeting the unit would raise the score of its rung
	// (for a level) or of the specialty: its weight x (1 - credit) over the
	// rung's total weight. Level scores are their weakest rung, so a gain
	// in a rung that is not the weakest may not move the level's score.
	Gain float64
	// Sources are the job-family page references of the unit: the
	// criterion's, or the group's (its members' when the group has none).
	Sources []string
}

// Met reports whether the plan's target level already meets.
func (p *Plan) Met() bool { return p.Level.Verdict == Meets }

// LevelItems are the items of the target level.
func (p *Plan) LevelItems() []PlanItem { return p.itemsOf(p.Target, false) }

// SpecialtyItems are the items of one specialty of the plan.
func (p *Plan) SpecialtyItems(id string) []PlanItem { return p.itemsOf(id, true) }

func (p *Plan) itemsOf(target string, specialty bool) []PlanItem {
	var out []PlanItem
	for _, it := range p.Items {
		if it.Target == target && it.Specialty == specialty {
			out = append(out, it)
		}
	}
	return out
}

// RungItems are the target level's items that rung (a level id) introduces,
// in gap order.
func (p *Plan) RungItems(rung string) []PlanItem {
	var out []PlanItem
	for _, it := range p.LevelItems() {
		if it.Rung() == rung {
			out = append(out, it)
		}
	}
	return out
}

// Required counts the items that must be met for a "meets" verdict.
func (p *Plan) Required() int {
	n := 0
	for _, it := range p.Items {
		if it.Required() {
			n++
		}
	}
	return n
}

// DefaultTarget is the level a plan aims at when none is asked for: the
// assessment's target_level while it is above the fit level; else the level
// above the fit level, or above the current level when that is higher; the
// top level when the fit level is the top already.
func DefaultTarget(r *rubric.Rubric, res *Result) (string, TargetReason) {
	a := res.Assessment
	fit := r.LevelIndex(res.FitLevel) // -1 when none
	if a.TargetLevel != "" && r.LevelIndex(a.TargetLevel) > fit {
		return a.TargetLevel, TargetFromAssessment
	}
	base := fit
	if cur := r.LevelIndex(a.CurrentLevel); cur > base {
		base = cur
	}
	if base+1 >= len(r.Levels) {
		return r.Levels[len(r.Levels)-1].ID, TargetTop
	}
	return r.Levels[base+1].ID, TargetNext
}

// NewPlan builds the plan for a scored assessment. An unknown target level
// or specialty is an error naming the valid ids.
func NewPlan(r *rubric.Rubric, res *Result, opt PlanOptions) (*Plan, error) {
	p := &Plan{Result: res, Target: opt.Target, Reason: TargetGiven}
	if p.Target == "" {
		p.Target, p.Reason = DefaultTarget(r, res)
	}
	li := r.LevelIndex(p.Target)
	if li < 0 {
		return nil, fmt.Errorf("unknown level %q (levels: %s)", p.Target, levelIDs(r))
	}
	p.Level = res.Levels[li]
	p.Items = append(p.Items, planItems(r, p.Level)...)

	var scorer *Scorer
	seen := map[string]bool{}
	for _, id := range opt.Specialties {
		if r.Specialty(id) == nil {
			return nil, fmt.Errorf("unknown specialty %q (see ladder rubric list)", id)
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		t, ok := findTarget(res.Specialties, id)
		if !ok {
			// Not scored with the result (neither named nor rated): score
			// it now, so that its unanswered criteria show as gaps.
			if scorer == nil {
				scorer = NewScorer(r)
			}
			t = scorer.Specialty(res.Assessment, id)
		}
		p.Specialties = append(p.Specialties, t)
		p.Items = append(p.Items, planItems(r, t)...)
	}
	return p, nil
}

func findTarget(list []TargetScore, id string) (TargetScore, bool) {
	for _, t := range list {
		if t.ID == id {
			return t, true
		}
	}
	return TargetScore{}, false
}

// planItems turns a target's gaps into plan items, keeping their order.
func planItems(r *rubric.Rubric, t TargetScore) []PlanItem {
	total := map[string]float64{} // rung ("" for a specialty) -> total weight
	for _, u := range t.Units {
		total[u.Level] += u.Weight()
	}
	out := make([]PlanItem, 0, len(t.Gaps))
	for _, g := range t.Gaps {
		it := PlanItem{UnitScore: g, Target: t.ID, Specialty: t.Specialty, Sources: unitSources(r, g.Unit)}
		if w := total[g.Level]; w > 0 {
			it.Gain = g.shortfall() / w
		}
		out = append(out, it)
	}
	return out
}

// Rung is the level that introduces the item ("" for a specialty item).
func (it PlanItem) Rung() string { return it.Level }

func unitSources(r *rubric.Rubric, u rubric.Unit) []string {
	if u.Group == "" {
		return r.Criterion(u.Criterion).Sources
	}
	if s := r.GroupByID(u.Group).Sources; len(s) > 0 {
		return s
	}
	var out []string
	seen := map[string]bool{}
	for _, id := range r.GroupCriteria(u.Group) {
		for _, s := range r.Criterion(id).Sources {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}
