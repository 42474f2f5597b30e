package rubric

import "sort"

// Unit is what a score counts once: a lone criterion, or a top-level group
// with everything nested in it.
type Unit struct {
	Criterion string   // set for a lone criterion
	Group     string   // set for a top-level group
	Strength  Strength // the criterion's, or the group's own or strongest member's
	Level     string   // the level that introduces the unit; "" for a specialty unit
	Order     int      // rubric position of the unit's first criterion
}

// Required reports whether the unit must be met for a "meets" verdict.
func (u Unit) Required() bool { return u.Strength == Required }

// Weight is the unit's weight in a score.
func (u Unit) Weight() float64 { return u.Strength.Weight() }

type members struct {
	criteria []string
	groups   []string
}

// index holds what the scorer needs again and again, computed once when the
// rubric is loaded.
type index struct {
	criterion    map[string]int
	alias        map[string]int
	group        map[string]int
	members      map[string]members
	flat         map[string][]string // group -> every criterion under it
	supersededBy map[string][]string

	levelSet        [][]string // per level: its criteria, superseded ones removed
	levelUnits      [][]Unit   // per level: the units of that set, bonus apart
	levelBonus      [][]string
	specialtyUnits  map[string][]Unit
	specialtyBonus  map[string][]string
	specialtyOrder  map[string]int
	criteriaOfScope map[string][]string // specialty id -> its criteria

	questions questions
}

func newIndex(r *Rubric) *index {
	x := &index{
		criterion:    make(map[string]int, len(r.Criteria)),
		alias:        map[string]int{},
		group:        make(map[string]int, len(r.Groups)),
		members:      map[string]members{},
		flat:         map[string][]string{},
		supersededBy: map[string][]string{},
	}
	for i := range r.Criteria {
		if _, dup := x.criterion[r.Criteria[i].ID]; !dup {
			x.criterion[r.Criteria[i].ID] = i
		}
	}
	for i := range r.Criteria {
		for _, a := range r.Criteria[i].Aliases {
			if _, taken := x.criterion[a]; !taken {
				if _, dup := x.alias[a]; !dup {
					x.alias[a] = i
				}
			}
		}
	}
	for i := range r.Groups {
		if _, dup := x.group[r.Groups[i].ID]; !dup {
			x.group[r.Groups[i].ID] = i
		}
	}
	for i := range r.Criteria {
		if g := r.Criteria[i].Group; g != "" {
			m := x.members[g]
			m.criteria = append(m.criteria, r.Criteria[i].ID)
			x.members[g] = m
		}
	}
	for i := range r.Groups {
		if parent := r.Groups[i].Group; parent != "" {
			m := x.members[parent]
			m.groups = append(m.groups, r.Groups[i].ID)
			x.members[parent] = m
		}
	}
	return x
}

func (x *index) hasCriterion(id string) bool {
	_, ok := x.criterion[id]
	return ok
}

// finish computes the scoring structure of a valid rubric.
func (x *index) finish(r *Rubric) {
	var flatten func(g string) []string
	flatten = func(g string) []string {
		if f, ok := x.flat[g]; ok {
			return f
		}
		m := x.members[g]
		out := append([]string(nil), m.criteria...)
		for _, sub := range m.groups {
			out = append(out, flatten(sub)...)
		}
		sort.Slice(out, func(i, j int) bool { return x.criterion[out[i]] < x.criterion[out[j]] })
		x.flat[g] = out
		return out
	}
	for i := range r.Groups {
		flatten(r.Groups[i].ID)
	}
	for i := range r.Criteria {
		for _, old := range r.Criteria[i].Supersedes {
			x.supersededBy[old] = append(x.supersededBy[old], r.Criteria[i].ID)
		}
	}

	unitOf := func(c *Criterion, level string) (Unit, bool) {
		if c.Group == "" {
			return Unit{Criterion: c.ID, Strength: c.Strength, Level: level, Order: x.criterion[c.ID]}, true
		}
		top := r.GroupOf(c.ID)
		if x.flat[top][0] != c.ID { // the group is counted at its first criterion
			return Unit{}, false
		}
		return Unit{Group: top, Strength: r.GroupByID(top).Strength, Level: level, Order: x.criterion[c.ID]}, true
	}

	x.levelSet = make([][]string, len(r.Levels))
	x.levelUnits = make([][]Unit, len(r.Levels))
	x.levelBonus = make([][]string, len(r.Levels))
	for li := range r.Levels {
		in := map[string]bool{}
		for i := range r.Criteria {
			c := &r.Criteria[i]
			if c.General() && r.LevelIndex(c.Level) <= li {
				in[c.ID] = true
			}
		}
		for i := range r.Criteria {
			c := &r.Criteria[i]
			if !in[c.ID] {
				continue
			}
			superseded := false
			for _, by := range x.supersededBy[c.ID] {
				if in[by] {
					superseded = true
				}
			}
			if superseded {
				continue
			}
			x.levelSet[li] = append(x.levelSet[li], c.ID)
			if c.Strength == Bonus {
				x.levelBonus[li] = append(x.levelBonus[li], c.ID)
				continue
			}
			if u, ok := unitOf(c, c.Level); ok {
				x.levelUnits[li] = append(x.levelUnits[li], u)
			}
		}
	}

	x.questions = newQuestions(r, x)

	x.specialtyUnits = map[string][]Unit{}
	x.specialtyBonus = map[string][]string{}
	x.specialtyOrder = map[string]int{}
	x.criteriaOfScope = map[string][]string{}
	for i, s := range r.Specialties {
		x.specialtyOrder[s.ID] = i
	}
	for i := range r.Criteria {
		c := &r.Criteria[i]
		for _, s := range c.Specialties {
			x.criteriaOfScope[s] = append(x.criteriaOfScope[s], c.ID)
			if c.Strength == Bonus {
				x.specialtyBonus[s] = append(x.specialtyBonus[s], c.ID)
				continue
			}
			if u, ok := unitOf(c, ""); ok {
				x.specialtyUnits[s] = append(x.specialtyUnits[s], u)
			}
		}
	}
}

// LevelCriteria is level id's criteria: those of its level and below, minus
// any superseded by another of them, in rubric order. Bonus criteria
// included.
func (r *Rubric) LevelCriteria(levelID string) []string {
	if i := r.LevelIndex(levelID); i >= 0 {
		return r.idx.levelSet[i]
	}
	return nil
}

// LevelUnits are the units scored for a level, in rubric order.
func (r *Rubric) LevelUnits(levelID string) []Unit {
	if i := r.LevelIndex(levelID); i >= 0 {
		return r.idx.levelUnits[i]
	}
	return nil
}

// LevelBonus are the bonus criteria of a level's set.
func (r *Rubric) LevelBonus(levelID string) []string {
	if i := r.LevelIndex(levelID); i >= 0 {
		return r.idx.levelBonus[i]
	}
	return nil
}

// SpecialtyCriteria are all criteria of a specialty, in rubric order.
func (r *Rubric) SpecialtyCriteria(id string) []string { return r.idx.criteriaOfScope[id] }

// SpecialtyUnits are the units scored for a specialty, in rubric order.
func (r *Rubric) SpecialtyUnits(id string) []Unit { return r.idx.specialtyUnits[id] }

// SpecialtyBonus are the bonus criteria of a specialty.
func (r *Rubric) SpecialtyBonus(id string) []string { return r.idx.specialtyBonus[id] }

// SpecialtyIndex is the position of a specialty in rubric order, or -1.
func (r *Rubric) SpecialtyIndex(id string) int {
	if i, ok := r.idx.specialtyOrder[id]; ok {
		return i
	}
	return -1
}
