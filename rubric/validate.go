package rubric

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ladderhq/ladder/internal/doc"
)

// ValidationError holds every problem found in a rubric, in file order.
type ValidationError struct {
	Problems []*doc.Error
}

func (e *ValidationError) Error() string {
	first := e.Problems[0].Error()
	if n := len(e.Problems) - 1; n > 0 {
		return fmt.Sprintf("%s (and %d more %s; see ladder rubric validate)", first, n, plural(n, "problem", "problems"))
	}
	return first
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// defaultStrength is the strength a criterion of this kind has when the
// rubric does not say.
func defaultStrength(k Kind) Strength {
	switch k {
	case Responsibility, Indicator:
		return Desirable
	case NiceToHave:
		return Bonus
	}
	return Strong
}

// normalize fills in every default the format allows to leave out.
func (r *Rubric) normalize() {
	if _, ok := r.at["thresholds.meets"]; !ok {
		r.Thresholds.Meets = DefaultThresholds.Meets
	}
	if _, ok := r.at["thresholds.approaching"]; !ok {
		r.Thresholds.Approaching = DefaultThresholds.Approaching
	}
	if _, ok := r.at["specialty_expect"]; !ok && len(r.Levels) > 0 {
		r.SpecialtyExpect = r.Levels[len(r.Levels)-1].Expect
	}
	for i := range r.Criteria {
		c := &r.Criteria[i]
		if c.Kind == "" {
			c.Kind = Requirement
		}
		if c.Strength == "" {
			c.Strength = defaultStrength(c.Kind)
		}
		if c.Answer == "" {
			c.Answer = ScaleAnswer
		}
	}
}

type problems struct {
	d    *doc.Document
	list []*doc.Error
}

func (p *problems) add(pos doc.Pos, format string, args ...any) {
	p.list = append(p.list, &doc.Error{File: p.d.File, Line: pos.Line, Col: pos.Col, Msg: fmt.Sprintf(format, args...)})
}

// validate checks everything SPEC section 2 asks, and builds the index the
// scorer uses. Problems are reported in file order.
func (r *Rubric) validate(d *doc.Document) error {
	p := &problems{d: d}
	r.checkHeader(p)
	r.checkScale(p)
	r.checkLevels(p)
	r.checkThemesAndSpecialties(p)
	r.idx = newIndex(r)
	// A criterion that asks another's question takes its prompt first, so
	// that the checks below see it.
	r.checkSameAs(p)
	cycles := r.checkGroups(p)
	r.checkCriteria(p)
	r.checkNotAssessed(p)
	r.checkSupersedes(p)
	if !cycles {
		// Walking nested groups needs them to end somewhere.
		r.checkGroupScopes(p)
	}
	if len(p.list) > 0 {
		sort.SliceStable(p.list, func(i, j int) bool {
			a, b := p.list[i], p.list[j]
			if a.Line != b.Line {
				return a.Line < b.Line
			}
			return a.Col < b.Col
		})
		return &ValidationError{Problems: p.list}
	}
	r.idx.finish(r)
	return nil
}

func (r *Rubric) checkHeader(p *problems) {
	if r.Format != Format {
		if r.Format == "" {
			p.add(r.at.of(""), "missing format (expected %q)", Format)
		} else {
			p.add(r.at.of("format"), "unknown format %q (expected %q)", r.Format, Format)
		}
	}
	if !ValidID(r.ID) {
		p.add(r.at.of("id"), "rubric id %q must be lower-case letters, digits and dashes", r.ID)
	}
	if r.Version == "" {
		p.add(r.at.of("version"), "missing version")
	}
	if r.Title == "" {
		p.add(r.at.of("title"), "missing title")
	}
	// Written as "not within", so that NaN, which compares false with
	// everything, is outside too.
	t := r.Thresholds
	if !(t.Meets > 0 && t.Meets <= 1) {
		p.add(r.at.of("thresholds.meets"), "thresholds.meets must be above 0 and at most 1, not %g", t.Meets)
	}
	if !(t.Approaching > 0 && t.Approaching <= t.Meets) {
		p.add(r.at.of("thresholds.approaching"), "thresholds.approaching must be above 0 and at most meets (%g), not %g", t.Meets, t.Approaching)
	}
}

func (r *Rubric) checkScale(p *problems) {
	if len(r.Scale) == 0 {
		p.add(r.at.of("scale"), "the scale is empty: give the ratings 0..N in order")
		return
	}
	if len(r.Scale) < 2 {
		p.add(r.at.of("scale"), "the scale needs at least two ratings")
	}
	for i, s := range r.Scale {
		if s.Value != i {
			p.add(s.at.of("value"), "scale value %d is out of order: the scale must list 0, 1, 2, ... in order (expected %d)", s.Value, i)
		}
		if strings.TrimSpace(s.Label) == "" {
			p.add(s.at.of(""), "scale value %d has no label", s.Value)
		}
	}
}

// expectOK reports whether e is a usable expected rating: within the scale,
// and above zero (a rating is credited as a share of it).
func (r *Rubric) expectOK(e int) bool {
	return len(r.Scale) > 0 && e >= 1 && e <= r.MaxRating()
}

func (r *Rubric) scaleRange() string {
	if len(r.Scale) == 0 {
		return "the scale"
	}
	return fmt.Sprintf("1..%d", r.MaxRating())
}

func (r *Rubric) checkLevels(p *problems) {
	if len(r.Levels) == 0 {
		p.add(r.at.of("levels"), "the rubric has no levels")
	}
	seen := map[string]bool{}
	lastGrade, lastGradeLevel := 0, ""
	for _, l := range r.Levels {
		p.checkIDAndTitle("level", l.ID, l.Title, l.at, seen)
		if _, ok := l.at["expect"]; !ok {
			p.add(l.at.of(""), "level %q has no expect (the rating its criteria expect)", l.ID)
		} else if !r.expectOK(l.Expect) {
			p.add(l.at.of("expect"), "level %q: expect %d is outside the scale (%s)", l.ID, l.Expect, r.scaleRange())
		}
		if l.Grade != 0 {
			if lastGradeLevel != "" && l.Grade <= lastGrade {
				p.add(l.at.of("grade"), "levels are not in order: %q (grade %d) comes after %q (grade %d); list levels lowest first", l.ID, l.Grade, lastGradeLevel, lastGrade)
			}
			lastGrade, lastGradeLevel = l.Grade, l.ID
		}
	}
	if _, ok := r.at["specialty_expect"]; ok && !r.expectOK(r.SpecialtyExpect) {
		p.add(r.at.of("specialty_expect"), "specialty_expect %d is outside the scale (%s)", r.SpecialtyExpect, r.scaleRange())
	}
}

func (r *Rubric) checkThemesAndSpecialties(p *problems) {
	seen := map[string]bool{}
	for _, t := range r.Themes {
		p.checkIDAndTitle("theme", t.ID, t.Title, t.at, seen)
	}
	seen = map[string]bool{}
	for _, s := range r.Specialties {
		p.checkIDAndTitle("specialty", s.ID, s.Title, s.at, seen)
	}
}

// checkIDAndTitle checks what levels, themes and specialties share: a valid
// id, not seen before among its kind, and a title.
func (p *problems) checkIDAndTitle(kind, id, title string, at positions, seen map[string]bool) {
	switch {
	case !ValidID(id):
		p.add(at.of("id"), "%s id %q must be lower-case letters, digits and dashes", kind, id)
	case seen[id]:
		p.add(at.of("id"), "duplicate %s id %q", kind, id)
	}
	seen[id] = true
	if title == "" {
		p.add(at.of(""), "%s %q has no title", kind, id)
	}
}

func validStrength(s Strength) bool {
	for _, x := range Strengths {
		if x == s {
			return true
		}
	}
	return false
}

func validKind(k Kind) bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// checkGroups reports whether it found a group cycle.
func (r *Rubric) checkGroups(p *problems) (cycles bool) {
	for i := range r.Groups {
		g := &r.Groups[i]
		switch {
		case !ValidID(g.ID):
			p.add(g.at.of("id"), "group id %q must be lower-case letters, digits and dashes", g.ID)
		case r.idx.group[g.ID] != i:
			p.add(g.at.of("id"), "duplicate group id %q", g.ID)
		case r.idx.hasCriterion(g.ID):
			p.add(g.at.of("id"), "group id %q is also a criterion id", g.ID)
		}
		if g.Title == "" {
			p.add(g.at.of(""), "group %q has no title", g.ID)
		}
		if g.Strength != "" && !validStrength(g.Strength) {
			p.add(g.at.of("strength"), "group %q: unknown strength %q (use %s)", g.ID, g.Strength, joinStrengths())
		}
		if g.Group != "" && r.GroupByID(g.Group) == nil {
			p.add(g.at.of("group"), "group %q names unknown parent group %q", g.ID, g.Group)
		}
		for _, s := range g.Sources {
			if strings.TrimSpace(s) == "" {
				p.add(g.at.of("sources"), "group %q has an empty source", g.ID)
			}
		}
	}
	// Cycles: a group is nested in itself when the edge to its parent lies
	// on a cycle of the nesting.
	parentOf := func(g *Group) (int, bool) {
		if g.Group == "" { // none, even if a group is (wrongly) named ""
			return 0, false
		}
		i, ok := r.idx.group[g.Group]
		return i, ok
	}
	edges := make([][]int, len(r.Groups))
	for i := range r.Groups {
		if parent, ok := parentOf(&r.Groups[i]); ok {
			edges[parent] = append(edges[parent], r.idx.group[r.Groups[i].ID])
		}
	}
	comp := components(len(r.Groups), edges)
	for i := range r.Groups {
		g := &r.Groups[i]
		if parent, ok := parentOf(g); ok && comp[parent] == comp[r.idx.group[g.ID]] {
			p.add(g.at.of("group"), "group %q is nested in itself (a group cycle)", g.ID)
			cycles = true
		}
	}
	for i := range r.Groups {
		g := &r.Groups[i]
		n := len(r.idx.members[g.ID].criteria) + len(r.idx.members[g.ID].groups)
		switch {
		case n == 0:
			p.add(g.at.of(""), "group %q has no members", g.ID)
		case g.Min < 1 || g.Min > n:
			p.add(g.at.of("min"), "group %q: min %d must be between 1 and its %d %s", g.ID, g.Min, n, plural(n, "member", "members"))
		}
	}
	return cycles
}

func joinStrengths() string {
	var s []string
	for _, x := range Strengths {
		s = append(s, string(x))
	}
	return strings.Join(s, ", ")
}

func (r *Rubric) checkCriteria(p *problems) {
	aliasOwner := map[string]string{}
	for i := range r.Criteria {
		c := &r.Criteria[i]
		switch {
		case !ValidID(c.ID):
			p.add(c.at.of("id"), "criterion id %q must be lower-case letters, digits and dashes", c.ID)
		case r.idx.criterion[c.ID] != i:
			p.add(c.at.of("id"), "duplicate criterion id %q", c.ID)
		}
		if strings.TrimSpace(c.Prompt) == "" && c.SameAs == "" { // a broken same_as is reported already
			p.add(c.at.of(""), "criterion %q has no prompt", c.ID)
		}
		if !validKind(c.Kind) {
			p.add(c.at.of("kind"), "criterion %q: unknown kind %q (use requirement, responsibility, nice-to-have or indicator)", c.ID, c.Kind)
		}
		if !validStrength(c.Strength) {
			p.add(c.at.of("strength"), "criterion %q: unknown strength %q (use %s)", c.ID, c.Strength, joinStrengths())
		}
		if c.Answer != ScaleAnswer && c.Answer != YesNo {
			p.add(c.at.of("answer"), "criterion %q: unknown answer %q (use scale or yesno)", c.ID, c.Answer)
		}
		switch {
		case c.Level != "" && len(c.Specialties) > 0:
			p.add(c.at.of("specialties"), "criterion %q has both a level and a specialty; give one", c.ID)
		case c.Level == "" && len(c.Specialties) == 0:
			p.add(c.at.of(""), "criterion %q has neither a level nor a specialty; give one", c.ID)
		case c.Level != "" && r.Level(c.Level) == nil:
			p.add(c.at.of("level"), "criterion %q names unknown level %q", c.ID, c.Level)
		}
		seenSpec := map[string]bool{}
		for _, s := range c.Specialties {
			if r.Specialty(s) == nil {
				p.add(c.at.of("specialties"), "criterion %q names unknown specialty %q", c.ID, s)
			} else if seenSpec[s] {
				p.add(c.at.of("specialties"), "criterion %q names specialty %q twice", c.ID, s)
			}
			seenSpec[s] = true
		}
		if c.Theme != "" && r.Theme(c.Theme) == nil {
			p.add(c.at.of("theme"), "criterion %q names unknown theme %q", c.ID, c.Theme)
		}
		if c.Group != "" {
			switch g := r.GroupByID(c.Group); {
			case g == nil:
				p.add(c.at.of("group"), "criterion %q names unknown group %q", c.ID, c.Group)
			case c.Strength == Bonus:
				p.add(c.at.of("group"), "criterion %q is a bonus and cannot belong to group %q: bonus criteria count apart from every score", c.ID, c.Group)
			case len(c.Specialties) > 1:
				p.add(c.at.of("group"), "criterion %q belongs to several specialties and cannot belong to group %q", c.ID, c.Group)
			}
		}
		if _, ok := c.at["expect"]; ok {
			switch {
			case c.Answer == YesNo:
				p.add(c.at.of("expect"), "criterion %q is answered yes or no and cannot set expect", c.ID)
			case !r.expectOK(c.Expect):
				p.add(c.at.of("expect"), "criterion %q: expect %d is outside the scale (%s)", c.ID, c.Expect, r.scaleRange())
			}
		}
		for _, s := range c.Sources {
			if strings.TrimSpace(s) == "" {
				p.add(c.at.of("sources"), "criterion %q has an empty source", c.ID)
			}
		}
		for _, a := range c.Aliases {
			switch {
			case !ValidID(a):
				p.add(c.at.of("aliases"), "criterion %q: alias %q must be lower-case letters, digits and dashes", c.ID, a)
			case r.idx.hasCriterion(a):
				p.add(c.at.of("aliases"), "criterion %q: alias %q is the id of a current criterion", c.ID, a)
			case aliasOwner[a] != "":
				p.add(c.at.of("aliases"), "criterion %q: alias %q is already an alias of %q", c.ID, a, aliasOwner[a])
			default:
				aliasOwner[a] = c.ID
			}
		}
	}
}

func (r *Rubric) checkNotAssessed(p *problems) {
	for _, na := range r.NotAssessed {
		if len(na.Sources) == 0 {
			p.add(na.at.of(""), "not_assessed entry has no source")
		}
		if strings.TrimSpace(na.Reason) == "" {
			p.add(na.at.of(""), "not_assessed entry %q has no reason", strings.Join(na.Sources, ", "))
		}
	}
}

// scope is where a criterion or group belongs: one level, or a set of
// specialties.
func (c *Criterion) scope() string {
	if c.Level != "" {
		return "level " + c.Level
	}
	if len(c.Specialties) == 1 {
		return "specialty " + c.Specialties[0]
	}
	return "specialties " + strings.Join(c.Specialties, ", ")
}

// checkGroupScopes makes sure the members of a group (nested groups through
// their own members) all lie in one level or one specialty, and fills in
// each group's default strength: its strongest member's.
func (r *Rubric) checkGroupScopes(p *problems) {
	var scopeOf func(g string) string
	memo := map[string]string{}
	scopeOf = func(gid string) string {
		if s, ok := memo[gid]; ok {
			return s
		}
		memo[gid] = ""
		g := r.GroupByID(gid)
		crit, groups := r.Members(gid)
		scope, first := "", ""
		check := func(s, member string) {
			if s == "" {
				return
			}
			if scope == "" {
				scope, first = s, member
				return
			}
			if s != scope {
				p.add(g.at.of(""), "group %q mixes members of different levels or specialties: %q is in %s, %q in %s", gid, first, scope, member, s)
			}
		}
		for _, cid := range crit {
			check(r.Criterion(cid).scope(), cid)
		}
		for _, sub := range groups {
			check(scopeOf(sub), sub)
		}
		memo[gid] = scope
		return scope
	}
	for i := range r.Groups {
		scopeOf(r.Groups[i].ID)
	}
	var strength func(gid string) Strength
	strength = func(gid string) Strength {
		g := r.GroupByID(gid)
		if g.Strength != "" {
			return g.Strength
		}
		best := Bonus
		crit, groups := r.Members(gid)
		for _, cid := range crit {
			if s := r.Criterion(cid).Strength; s.Rank() > best.Rank() {
				best = s
			}
		}
		for _, sub := range groups {
			if s := strength(sub); s.Rank() > best.Rank() {
				best = s
			}
		}
		g.Strength = best
		return best
	}
	for i := range r.Groups {
		strength(r.Groups[i].ID)
	}
}

// checkSupersedes makes sure every supersedes names a general criterion of a
// lower level, outside any group, and that no chain comes back on itself.
func (r *Rubric) checkSupersedes(p *problems) {
	// Cycles first: a cycle also breaks the level rule below, and the cycle
	// is the clearer message. A criterion is part of one when an edge to what
	// it supersedes lies on a cycle (superseding itself is the shortest).
	edges := make([][]int, len(r.Criteria))
	for i := range r.Criteria {
		from := r.idx.criterion[r.Criteria[i].ID]
		for _, old := range r.Criteria[i].Supersedes {
			if to, ok := r.idx.criterion[old]; ok {
				edges[from] = append(edges[from], to)
			}
		}
	}
	comp := components(len(r.Criteria), edges)
	for i := range r.Criteria {
		from := r.idx.criterion[r.Criteria[i].ID]
		for _, old := range r.Criteria[i].Supersedes {
			if to, ok := r.idx.criterion[old]; ok && comp[from] == comp[to] {
				p.add(r.Criteria[i].at.of("supersedes"), "criterion %q is part of a supersedes cycle", r.Criteria[i].ID)
				break
			}
		}
	}
	for i := range r.Criteria {
		c := &r.Criteria[i]
		for _, old := range c.Supersedes {
			o := r.Criterion(old)
			switch {
			case o == nil:
				p.add(c.at.of("supersedes"), "criterion %q supersedes unknown criterion %q", c.ID, old)
			case o.ID == c.ID:
				p.add(c.at.of("supersedes"), "criterion %q supersedes itself", c.ID)
			case !c.General() || !o.General():
				p.add(c.at.of("supersedes"), "criterion %q supersedes %q, but only criteria of levels can supersede one another", c.ID, old)
			case r.Level(o.Level) == nil || r.Level(c.Level) == nil:
				// an unknown level is reported with the criterion
			case r.LevelIndex(o.Level) >= r.LevelIndex(c.Level):
				p.add(c.at.of("supersedes"), "criterion %q (level %s) supersedes %q (level %s): it must come from a higher level", c.ID, c.Level, old, o.Level)
			case o.Group != "":
				// A grouped rung may replace a lone one (at Staff, "Tier 2 or 3
				// OR Incident Management" replaces "Tier 2 or 3"); the other
				// way round would take a member out of its group.
				p.add(c.at.of("supersedes"), "criterion %q supersedes %q, but a criterion in a group cannot be superseded", c.ID, old)
			}
		}
	}
}
