package assess

import (
	"math"
	"sort"

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
		b := s.own(&s.r.Criteria[i])
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

// own is a criterion's credit from its own answer, split as best is.
func (s *Scorer) own(c *rubric.Criterion) best {
	rt, ok := s.ratings[c.ID]
	switch {
	case !ok && s.fill:
		return best{fixed: 1, rating: -1}
	case !ok:
		return best{fixed: 0, rating: -1}
	case c.Answer == rubric.YesNo:
		return best{fixed: float64(rt.Value), rating: -1}
	case c.Expect > 0:
		return best{fixed: ratingShare(rt.Value, c.Expect), rating: -1}
	}
	return best{fixed: 0, rating: rt.Value}
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
func (s *Scorer) unitCredits(u rubric.Unit) (credit, filled float64) {
	credit = s.unitCredit(u)
	s.fill = true
	filled = s.unitCredit(u)
	s.fill = false
	return credit, filled
}

func (s *Scorer) unitCredit(u rubric.Unit) float64 {
	if u.Group != "" {
		return s.groupCredit(u.Group)
	}
	return s.credit(s.r.CriterionIndex(u.Criterion))
}

// groupCredit is the mean of the group's best min member credits.
func (s *Scorer) groupCredit(gid string) float64 {
	g := s.r.GroupByID(gid)
	crit, groups := s.r.Members(gid)
	credits := make([]float64, 0, len(crit)+len(groups))
	for _, id := range crit {
		credits = append(credits, s.credit(s.r.CriterionIndex(id)))
	}
	for _, sub := range groups {
		credits = append(credits, s.groupCredit(sub))
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(credits)))
	sum := 0.0
	for _, c := range credits[:g.Min] {
		sum += c
	}
	return sum / float64(g.Min)
}

func (s *Scorer) describe(u rubric.Unit, credit float64) UnitScore {
	us := UnitScore{Unit: u, Credit: credit, Met: met(credit)}
	ids := []string{u.Criterion}
	if u.Group != "" {
		ids = s.r.GroupCriteria(u.Group)
		us.Min = s.r.GroupByID(u.Group).Min
		crit, groups := s.r.Members(u.Group)
		for _, id := range crit {
			if met(s.credit(s.r.CriterionIndex(id))) {
				us.Metc++
			}
		}
		for _, g := range groups {
			if met(s.groupCredit(g)) {
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
	if rt, ok := s.ratings[c.ID]; ok {
		cs.Rating = &rt
	}
	_, cs.CantSay = s.cantSay[c.ID]
	return cs
}
