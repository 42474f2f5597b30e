package assess

import (
	"math"
	"slices"

	"github.com/ladderhq/ladder/rubric"
)

// best is the best credit a criterion earns counting every criterion that
// supersedes it, directly or down a chain, in two parts: the credit that
// does not depend on the target (yes/no answers, criteria with an expect
// of their own, unanswered ones), and the highest rating of those credited
// against the target's expectation (-1 for none). Because rating / expect
// grows with the rating, the best of the latter is the highest rating's.
//
// So a criterion's credit against any target is found in constant time,
// from a summary computed once per assessment, instead of by walking its
// supersedes chain again for every level.
type best struct {
	fixed  float64
	rating int
}

// credit of criterion i: its rating as a share of the expected one, capped
// at 1; and at least what any criterion superseding it earns, because meeting
// the stricter rung meets the lower one.
func (s *Scorer) credit(i int) float64 {
	b := s.bests()[i]
	if b.rating < 0 {
		return b.fixed
	}
	return math.Max(b.fixed, ratingShare(b.rating, s.expect))
}

// bests are the criteria's best credits for the current assessment and
// value of fill, computed on first use.
func (s *Scorer) bests() []best {
	f := 0
	if s.fill {
		f = 1
	}
	if s.ready[f] {
		return s.best[f]
	}
	if s.best[f] == nil {
		s.best[f] = make([]best, len(s.r.Criteria))
	}
	bs := s.best[f]
	for _, i := range s.order {
		b := s.own(i)
		for _, by := range s.supersededBy[i] { // computed already: see order
			b.fixed = math.Max(b.fixed, bs[by].fixed)
			b.rating = max(b.rating, bs[by].rating)
		}
		bs[i] = b
	}
	s.ready[f] = true
	return bs
}

// ratingShare is the credit of a scale rating against the rating expected:
// its share of it, capped at 1. Every credit of a scale answer comes from
// here.
func ratingShare(rating, expect int) float64 {
	return math.Min(float64(rating)/float64(expect), 1)
}

// own is criterion i's credit from its own answer, split as best is.
func (s *Scorer) own(i int) best {
	c, v := &s.r.Criteria[i], s.values[i]
	switch {
	case v == unrated && s.fill:
		return best{fixed: 1, rating: -1}
	case v == unrated:
		return best{fixed: 0, rating: -1}
	case c.Answer == rubric.YesNo:
		return best{fixed: float64(v), rating: -1}
	case c.Expect > 0:
		return best{fixed: ratingShare(v, c.Expect), rating: -1}
	}
	return best{fixed: 0, rating: v}
}

// expected is the rating c expects against the current target: 1 (yes) for
// a yes/no criterion.
func (s *Scorer) expected(c *rubric.Criterion) int {
	if c.Answer == rubric.YesNo {
		return 1
	}
	if c.Expect > 0 {
		return c.Expect
	}
	return s.expect
}

// unitCredits are a unit's credit, and what it would be were every
// unanswered criterion answered at its expected rating.
func (s *Scorer) unitCredits(u unitRef) (credit, filled float64) {
	credit = s.unitCredit(u)
	s.fill = true
	filled = s.unitCredit(u)
	s.fill = false
	return credit, filled
}

func (s *Scorer) unitCredit(u unitRef) float64 {
	if u.crit < 0 {
		return s.groupCredit(u.group)
	}
	return s.credit(u.crit)
}

// groupCredit is the mean of the group's best min member credits.
func (s *Scorer) groupCredit(gi int) float64 {
	g := &s.groups[gi]
	start := len(s.credits) // nested groups stack their credits above
	for _, i := range g.crit {
		s.credits = append(s.credits, s.credit(i))
	}
	for _, sub := range g.groups {
		c := s.groupCredit(sub)
		s.credits = append(s.credits, c)
	}
	credits := s.credits[start:]
	slices.Sort(credits)
	sum := 0.0
	for _, c := range slices.Backward(credits[len(credits)-g.min:]) { // the best first
		sum += c
	}
	s.credits = s.credits[:start]
	return sum / float64(g.min)
}

func (s *Scorer) describe(u rubric.Unit, ref unitRef, credit float64) UnitScore {
	us := UnitScore{Unit: u, Credit: credit, Met: met(credit)}
	ids := []string{u.Criterion}
	if u.Group != "" {
		ids = s.r.GroupCriteria(u.Group)
		us.Min = s.r.GroupByID(u.Group).Min
		g := &s.groups[ref.group]
		for _, i := range g.crit {
			if met(s.credit(i)) {
				us.Metc++
			}
		}
		for _, sub := range g.groups {
			if met(s.groupCredit(sub)) {
				us.Metc++
			}
		}
	}
	us.Criteria = make([]CriterionScore, len(ids))
	for k, id := range ids {
		us.Criteria[k] = s.criterionScore(s.r.CriterionIndex(id))
	}
	return us
}

func (s *Scorer) criterionScore(i int) CriterionScore {
	c := &s.r.Criteria[i]
	cs := CriterionScore{ID: c.ID, Expected: s.expected(c), YesNo: c.Answer == rubric.YesNo, Credit: s.credit(i)}
	cs.Met = met(cs.Credit)
	switch {
	case s.a != nil:
		if rt, ok := s.a.Ratings[c.ID]; ok {
			cs.Rating = &rt
		}
	case s.values[i] != unrated:
		cs.Rating = &Rating{Value: s.values[i], YesNo: cs.YesNo}
	}
	if s.a != nil {
		cs.CantSay = s.a.SaysCantSay(c.ID)
	}
	return cs
}
