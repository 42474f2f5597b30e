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
// rubric is loaded. Every lookup is a map or a slice, and every list is
// built in time proportional to its length, so that the work grows with the
// rubric and not with its square: a rubric of thousands of levels, or a
// supersedes chain thousands long, loads in milliseconds.
type index struct {
	criterion    map[string]int
	alias        map[string]int
	group        map[string]int
	level        map[string]int
	specialty    map[string]int
	theme        map[string]int
	members      map[string]members
	flat         map[string][]string // top-level group -> every criterion under it
	top          map[string]string   // group -> the top-level group it is nested in (itself if none)
	supersededBy map[string][]string

	levelSet        [][]string // per level: its criteria, superseded ones removed
	levelRun        []levelRun // per criterion: the levels whose sets hold it
	levelUnits      [][]Unit   // per level: the units of that set, bonus apart
	levelBonus      [][]string
	levelExtends    []bool // per level: its lists are the level below's and then its own
	specialtyUnits  map[string][]Unit
	specialtyBonus  map[string][]string
	criteriaOfScope map[string][]string // specialty id -> its criteria

	questions questions
}

// firstIndex maps each id to the position of its first occurrence; later
// duplicates are validation problems.
func firstIndex(n int, id func(i int) string) map[string]int {
	m := make(map[string]int, n)
	for i := range n {
		if _, dup := m[id(i)]; !dup {
			m[id(i)] = i
		}
	}
	return m
}

func newIndex(r *Rubric) *index {
	x := &index{
		criterion:    firstIndex(len(r.Criteria), func(i int) string { return r.Criteria[i].ID }),
		group:        firstIndex(len(r.Groups), func(i int) string { return r.Groups[i].ID }),
		level:        firstIndex(len(r.Levels), func(i int) string { return r.Levels[i].ID }),
		specialty:    firstIndex(len(r.Specialties), func(i int) string { return r.Specialties[i].ID }),
		theme:        firstIndex(len(r.Themes), func(i int) string { return r.Themes[i].ID }),
		alias:        map[string]int{},
		members:      map[string]members{},
		flat:         map[string][]string{},
		supersededBy: map[string][]string{},
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

// underGroup is every criterion under group g, nested groups included, in
// rubric order. It walks the groups with a stack of its own, so that groups
// nested thousands deep cost no more than a flat one.
func (x *index) underGroup(g string) []string {
	var out []string
	stack := []string{g}
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		m := x.members[top]
		out = append(out, m.criteria...)
		stack = append(stack, m.groups...)
	}
	sort.Slice(out, func(i, j int) bool { return x.criterion[out[i]] < x.criterion[out[j]] })
	return out
}

// finish computes the scoring structure of a valid rubric.
func (x *index) finish(r *Rubric) {
	// Only top-level groups are units; a nested group's criteria are
	// gathered when asked for (GroupCriteria), so that deep nesting does not
	// store every criterion once per group above it.
	for i := range r.Groups {
		if g := &r.Groups[i]; g.Group == "" {
			x.flat[g.ID] = x.underGroup(g.ID)
		}
	}
	x.top = make(map[string]string, len(r.Groups))
	for i := range r.Groups {
		// Climb to a group whose top is known, then name it for the path.
		var path []string
		g := r.Groups[i].ID
		top, known := x.top[g]
		for !known {
			path = append(path, g)
			parent := r.Groups[x.group[g]].Group
			if parent == "" {
				top = g
				break
			}
			g = parent
			top, known = x.top[g]
		}
		for _, p := range path {
			x.top[p] = top
		}
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

	x.finishLevels(r, unitOf)

	x.questions = newQuestions(r, x)

	x.specialtyUnits = map[string][]Unit{}
	x.specialtyBonus = map[string][]string{}
	x.criteriaOfScope = map[string][]string{}
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

// levelRun is the run of levels [from, to) whose sets hold a general
// criterion; empty for any other.
type levelRun struct{ from, to int }

// finishLevels computes each level's set: the general criteria of its level
// and below, minus those superseded by another of them, in rubric order.
//
// A criterion belongs to the sets of a run of levels: from its own up to,
// not including, the lowest level of a criterion that supersedes it. Going
// up the levels, a set is the one below, plus the criteria whose run starts
// there, minus those whose run ends there. When none leave and all arrive
// after the last one in rubric order, the lists of the level below are
// extended, sharing their storage (a rubric written lowest level first
// keeps one list, not one per level); otherwise new lists are built. The
// work is proportional to the criteria plus the sets that change.
func (x *index) finishLevels(r *Rubric, unitOf func(*Criterion, string) (Unit, bool)) {
	n := len(r.Levels)
	type span = levelRun
	spans := make([]span, len(r.Criteria))
	x.levelRun = spans
	starts := make([][]int, n) // level -> criteria whose run starts there
	ends := make([]int, n+1)   // level -> how many runs end there
	for i := range r.Criteria {
		c := &r.Criteria[i]
		if !c.General() {
			continue
		}
		sp := span{from: x.level[c.Level], to: n}
		for _, by := range x.supersededBy[c.ID] {
			sp.to = min(sp.to, x.level[r.Criterion(by).Level])
		}
		spans[i] = sp
		if sp.from < sp.to {
			starts[sp.from] = append(starts[sp.from], i)
			ends[sp.to]++
		}
	}

	x.levelSet = make([][]string, n)
	x.levelUnits = make([][]Unit, n)
	x.levelBonus = make([][]string, n)
	x.levelExtends = make([]bool, n)
	var (
		set   []int // criteria of the previous level's set, in rubric order
		ids   []string
		units []Unit
		bonus []string
	)
	for li := range n {
		added := starts[li]
		if ends[li] == 0 && (len(set) == 0 || len(added) == 0 || added[0] > set[len(set)-1]) {
			// Only criteria after the last one: extend the shared lists.
			set = append(set, added...)
			x.levelExtends[li] = li > 0
		} else {
			// Criteria leave, or arrive in between: a new list in rubric order.
			next := make([]int, 0, len(set)+len(added))
			for _, i := range set {
				if spans[i].to > li {
					next = append(next, i)
				}
			}
			next = append(next, added...)
			sort.Ints(next)
			set, ids, units, bonus = next, nil, nil, nil
			added = next
		}
		for _, i := range added {
			c := &r.Criteria[i]
			ids = append(ids, c.ID)
			if c.Strength == Bonus {
				bonus = append(bonus, c.ID)
			} else if u, ok := unitOf(c, c.Level); ok {
				units = append(units, u)
			}
		}
		// Capped, so that a caller's append copies instead of writing into
		// the next level's list.
		x.levelSet[li] = ids[:len(ids):len(ids)]
		x.levelUnits[li] = units[:len(units):len(units)]
		x.levelBonus[li] = bonus[:len(bonus):len(bonus)]
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

// LevelExtendsBelow reports whether a level's lists (LevelCriteria,
// LevelUnits, LevelBonus) are those of the level below it followed by the
// level's own: it supersedes nothing, and its criteria come after the
// others in rubric order. A scorer can then carry on from the level below.
func (r *Rubric) LevelExtendsBelow(levelID string) bool {
	if i := r.LevelIndex(levelID); i >= 0 {
		return r.idx.levelExtends[i]
	}
	return false
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
	if i, ok := r.idx.specialty[id]; ok {
		return i
	}
	return -1
}
