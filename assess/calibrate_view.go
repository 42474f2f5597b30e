package assess

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/ladderhq/ladder/rubric"
)

// This file holds what a calibration meeting looks at beyond the numbers of
// Calibrate: the order in which people and criteria come up, each person's
// raters compared area by area, and the anonymized form of a calibration.

// Standing is the order in which people stand in a meeting: the
// promotion-ready first (furthest above their level first), then the
// below-level (furthest below first), then everyone else; by name within
// each. It returns indexes into c.People.
func (c *Calibration) Standing(r *rubric.Rubric) []int {
	order := make([]int, len(c.People))
	for i := range order {
		order[i] = i
	}
	rank := func(p *PersonCalibration) (group, distance int) {
		d := r.LevelIndex(p.ConsensusFit) - r.LevelIndex(p.CurrentLevel)
		switch {
		case slices.Contains(p.Flags, PromotionReady):
			return 0, -d
		case slices.Contains(p.Flags, BelowLevel):
			return 1, d
		}
		return 2, 0
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ga, da := rank(&c.People[a])
		gb, db := rank(&c.People[b])
		return cmp.Or(cmp.Compare(ga, gb), cmp.Compare(da, db))
	})
	return order
}

// AgendaPeople lists the people a meeting should discuss, as indexes into
// c.People, most pressing first: those whose level is in question
// (promotion-ready, below-level), then anyone else with a flag; within
// each, the most criteria in disagreement first, then the largest gap
// between self and others, then by name.
func (c *Calibration) AgendaPeople() []int {
	var order []int
	for i, p := range c.People {
		if len(p.Flags) > 0 {
			order = append(order, i)
		}
	}
	decision := func(p *PersonCalibration) int {
		if slices.Contains(p.Flags, PromotionReady) || slices.Contains(p.Flags, BelowLevel) {
			return 0
		}
		return 1
	}
	selfGap := func(p *PersonCalibration) float64 {
		if p.SelfDiff == nil {
			return 0
		}
		return math.Abs(*p.SelfDiff)
	}
	slices.SortStableFunc(order, func(a, b int) int {
		pa, pb := &c.People[a], &c.People[b]
		return cmp.Or(
			cmp.Compare(decision(pa), decision(pb)),
			cmp.Compare(len(pb.Disagreements), len(pa.Disagreements)),
			cmp.Compare(selfGap(pb), selfGap(pa)),
		)
	})
	return order
}

// AgendaCriteria lists the criteria a meeting should discuss, most pressing
// first. Nice-to-haves come after every criterion that counts in a verdict,
// since no disagreement on them can move anyone's level; within each, those
// on which the most people's raters disagree (Split) come first, then
// those with the most pairs of raters that differ at all, then the largest
// mean gap, then the largest gap between self and others; rubric order
// last. A criterion on which every pair agrees and self and others are
// less than SelfGap apart on average is left out.
func (c *Calibration) AgendaCriteria() []CriterionAgreement {
	var out []CriterionAgreement
	for _, ca := range c.Criteria {
		self := ca.SelfDiff()
		if ca.Split > 0 || ca.Exact < ca.Pairs || (self != nil && math.Abs(*self) >= SelfGap-epsilon) {
			out = append(out, ca)
		}
	}
	orZero := func(v *float64) float64 {
		if v == nil {
			return 0
		}
		return math.Abs(*v)
	}
	slices.SortStableFunc(out, func(a, b CriterionAgreement) int {
		return cmp.Or(
			cmp.Compare(boolRank(a.Bonus), boolRank(b.Bonus)),
			cmp.Compare(b.Split, a.Split),
			cmp.Compare(b.Pairs-b.Exact, a.Pairs-a.Exact),
			cmp.Compare(orZero(b.MeanGap()), orZero(a.MeanGap())),
			cmp.Compare(orZero(b.SelfDiff()), orZero(a.SelfDiff())),
		)
	})
	return out
}

// Area is a part of the rubric on which a person's raters are compared: a
// theme; for a rubric without themes, the rung of a level or a specialty.
// ID "" with a title gathers the criteria of no theme.
type Area struct {
	ID, Title string
}

// Areas are the rubric's areas, and each criterion's area as an index into
// them (-1 for none: never for a rubric's own criteria).
func Areas(r *rubric.Rubric) ([]Area, []int) {
	of := make([]int, len(r.Criteria))
	var areas []Area
	if len(r.Themes) > 0 {
		index := map[string]int{}
		for i, th := range r.Themes {
			areas = append(areas, Area{ID: th.ID, Title: th.Title})
			index[th.ID] = i
		}
		other := -1
		for i := range r.Criteria {
			if a, ok := index[r.Criteria[i].Theme]; ok {
				of[i] = a
				continue
			}
			if other < 0 {
				other = len(areas)
				areas = append(areas, Area{Title: "No theme"})
			}
			of[i] = other
		}
		return areas, of
	}
	for _, l := range r.Levels {
		areas = append(areas, Area{ID: l.ID, Title: l.Title})
	}
	for _, sp := range r.Specialties {
		areas = append(areas, Area{ID: sp.ID, Title: sp.Title})
	}
	for i := range r.Criteria {
		c := &r.Criteria[i]
		if c.General() {
			of[i] = r.LevelIndex(c.Level)
		} else {
			of[i] = len(r.Levels) + r.SpecialtyIndex(c.Specialties[0])
		}
	}
	return areas, of
}

// AreaComparison is one area of a person's picture: each rater's mean
// scale rating over the area's criteria they rated, beside the
// consensus's.
type AreaComparison struct {
	Area      Area
	Criteria  []int      // the area's criteria that someone rated, by index, in rubric order
	Means     []*float64 // one per rater of the person, in order; nil when the rater rated none on the scale
	Consensus *float64
	// Spread is the highest rater mean minus the lowest.
	Spread float64
	// Disagreements counts the area's criteria in the person's
	// Disagreements.
	Disagreements int
	// Yes and YesNo count each rater's yes answers and yes/no answers.
	Yes, YesNo []int
	// SelfDiff is the mean, over the area's scale criteria that the
	// self-assessment shares with another rater, of self minus the others'
	// mean, as for the person's flags; nil without such criteria.
	SelfDiff *float64
}

// CompareAreas puts a person's raters side by side, area by area, over
// the areas anyone rated. areas and of come from Areas.
func CompareAreas(r *rubric.Rubric, areas []Area, of []int, p *PersonCalibration) []AreaComparison {
	type acc struct {
		criteria    []int
		sums        []int
		counts      []int
		yes, yesno  []int
		consSum     int
		consN       int
		disagreeing int
		selfSum     float64
		selfN       int
	}
	accs := make([]acc, len(areas))
	disagreeing := make([]bool, len(r.Criteria))
	for _, d := range p.Disagreements {
		disagreeing[d.Index] = true
	}
	for ci := range r.Criteria {
		if p.Consensus[ci] == Unrated || of[ci] < 0 {
			continue
		}
		a := &accs[of[ci]]
		if a.sums == nil {
			n := len(p.Raters)
			a.sums, a.counts, a.yes, a.yesno = make([]int, n), make([]int, n), make([]int, n), make([]int, n)
		}
		a.criteria = append(a.criteria, ci)
		if disagreeing[ci] {
			a.disagreeing++
		}
		if r.Criteria[ci].Answer == rubric.YesNo {
			for k, rf := range p.Raters {
				if v := rf.Ratings[ci]; v != Unrated {
					a.yes[k] += int(v)
					a.yesno[k]++
				}
			}
			continue
		}
		var selfSum, selfN, otherSum, otherN int
		for k, rf := range p.Raters {
			v := rf.Ratings[ci]
			if v == Unrated {
				continue
			}
			a.sums[k] += int(v)
			a.counts[k]++
			if rf.Role == Self {
				selfSum, selfN = selfSum+int(v), selfN+1
			} else {
				otherSum, otherN = otherSum+int(v), otherN+1
			}
		}
		if selfN > 0 && otherN > 0 {
			a.selfSum += float64(selfSum)/float64(selfN) - float64(otherSum)/float64(otherN)
			a.selfN++
		}
		a.consSum += int(p.Consensus[ci])
		a.consN++
	}
	var out []AreaComparison
	for i, a := range accs {
		if len(a.criteria) == 0 {
			continue
		}
		ac := AreaComparison{Area: areas[i], Criteria: a.criteria, Means: make([]*float64, len(p.Raters)), Disagreements: a.disagreeing,
			Yes: a.yes, YesNo: a.yesno}
		if a.selfN > 0 {
			d := a.selfSum / float64(a.selfN)
			ac.SelfDiff = &d
		}
		lo, hi := math.Inf(1), math.Inf(-1)
		for k := range p.Raters {
			if a.counts[k] == 0 {
				continue
			}
			m := float64(a.sums[k]) / float64(a.counts[k])
			ac.Means[k] = &m
			lo, hi = min(lo, m), max(hi, m)
		}
		if a.consN > 0 {
			m := float64(a.consSum) / float64(a.consN)
			ac.Consensus = &m
		}
		if hi > lo {
			ac.Spread = hi - lo
		}
		out = append(out, ac)
	}
	return out
}

// Own is the label of a person's own assessment once raters are
// anonymized.
const Own = "Self"

// Anonymize replaces every rater's name by their role and a number
// ("Manager 1", "Peer 2") throughout c, and drops the file names, which
// often carry the rater's name. A rater keeps one label across the whole
// calibration, from the first of the roles manager, peer, self they
// rated in; a person's own assessment is labelled Own instead, since
// naming it would tell whom the person's other label stands for. The
// numbers follow a random order drawn from seed, so that they tell
// nothing about the names (not even their alphabetical order); each
// person's raters and the list of raters are sorted by label. Notices are
// left as they are: they are meant for whoever runs the calibration.
func (c *Calibration) Anonymize(seed uint64) {
	type label struct {
		text string
		role Role
		n    int
	}
	byRole := map[Role][]int{} // indexes into c.Raters
	for i, rc := range c.Raters {
		role := Self
		switch {
		case rc.AsManager > 0:
			role = Manager
		case rc.AsPeer > 0:
			role = Peer
		}
		byRole[role] = append(byRole[role], i)
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	labels := make([]label, len(c.Raters))
	byName := make(map[string]label, len(c.Raters))
	for _, role := range Roles {
		list := byRole[role]
		rng.Shuffle(len(list), func(i, j int) { list[i], list[j] = list[j], list[i] })
		title := map[Role]string{Self: "Self", Manager: "Manager", Peer: "Peer"}[role]
		for n, i := range list {
			labels[i] = label{text: fmt.Sprintf("%s %d", title, n+1), role: role, n: n + 1}
			byName[PersonKey(c.Raters[i].Rater)] = labels[i]
		}
	}
	// Raters of one label role by number; the label roles in the order of
	// Roles.
	compare := func(a, b label) int {
		return cmp.Or(cmp.Compare(roleRank(a.role), roleRank(b.role)), cmp.Compare(a.n, b.n))
	}

	c.Anonymized = true
	for i := range c.Raters {
		c.Raters[i].Rater = labels[i].text
	}
	order := make([]int, len(c.Raters))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return compare(labels[a], labels[b]) })
	sorted := make([]RaterCalibration, len(c.Raters))
	for k, i := range order {
		sorted[k] = c.Raters[i]
	}
	c.Raters = sorted

	for pi := range c.People {
		p := &c.People[pi]
		own := PersonKey(p.Person)
		number := map[string]int{} // by label; the own assessment's is 0
		for k := range p.Raters {
			rf := &p.Raters[k]
			l := byName[PersonKey(rf.Rater)]
			if PersonKey(rf.Rater) == own {
				l = label{text: Own}
			}
			number[l.text] = l.n
			rf.Rater, rf.File = l.text, ""
		}
		// The ratings of a disagreement follow: they are the raters'.
		slices.SortStableFunc(p.Raters, func(a, b RaterFit) int {
			return cmp.Or(cmp.Compare(roleRank(a.Role), roleRank(b.Role)), cmp.Compare(number[a.Rater], number[b.Rater]))
		})
	}
}

// boolRank orders false before true.
func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}
