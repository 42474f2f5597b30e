package assess

import (
	"math"
	"sort"

	"github.com/ladderhq/ladder/rubric"
)

// Verdict is how an assessment stands against a level or a specialty.
type Verdict string

// The verdicts, best first.
const (
	Meets       Verdict = "meets"
	Incomplete  Verdict = "incomplete"
	Approaching Verdict = "approaching"
	NotYet      Verdict = "not-yet"
)

// Result is an assessment scored against every level and the specialties it
// covers.
type Result struct {
	Assessment  *Assessment
	FitLevel    string // "" when not even the first level is met
	Levels      []TargetScore
	Specialties []TargetScore
	Notes       []string
	Bonus       Count
	BonusItems  []CriterionScore // every bonus criterion counted in Bonus
	Unanswered  []string
	// CantSay lists, in rubric order, the criteria in the same scope as
	// Unanswered that the rater answered "can't say": scored as
	// unanswered, listed apart because the rater chose it.
	CantSay []string
}

// Count is "met out of total".
type Count struct {
	Met   int
	Total int
}

// TargetScore is the score of one level or one specialty.
type TargetScore struct {
	ID        string
	Specialty bool
	Score     float64
	Verdict   Verdict
	Rungs     []RungScore // levels only: one per level that introduces units
	Units     []UnitScore // every unit, in rubric order
	Gaps      []UnitScore // the unmet units, in gap order
	Bonus     Count
}

// RungScore is the score of the units one level introduces, with the target
// level's expectations.
type RungScore struct {
	Level string
	Score float64
}

// UnitScore is how one unit fares.
type UnitScore struct {
	rubric.Unit
	Credit   float64
	Met      bool
	Criteria []CriterionScore // the lone criterion, or every criterion under the group
	Metc     int              // groups: members met
	Min      int              // groups: members needed
}

// CriterionScore is how one criterion fares against a target.
type CriterionScore struct {
	ID       string
	Rating   *Rating // nil when unanswered or "can't say"
	CantSay  bool    // the rater answered "can't say"
	Expected int     // the rating expected; 1 (yes) for yes/no criteria
	YesNo    bool
	Credit   float64
	Met      bool
}

// Gap weight: how much closing this unit would add, before order.
func (u UnitScore) shortfall() float64 { return u.Weight() * (1 - u.Credit) }

const epsilon = 1e-9

func met(credit float64) bool { return credit >= 1-epsilon }

// Scorer scores assessments against one rubric. It keeps scratch space
// between calls, so one Scorer must not be used by two goroutines at once.
type Scorer struct {
	r       *rubric.Rubric
	ratings map[string]Rating
	cantSay map[string]string // only to tell it apart in the criteria described
	fill    bool              // credit unanswered criteria as if met (the "incomplete" test)
	memo    []float64         // credit per criterion index for the current target; NaN = not yet
	level   string
}

// NewScorer prepares a scorer for r.
func NewScorer(r *rubric.Rubric) *Scorer {
	return &Scorer{r: r, memo: make([]float64, len(r.Criteria))}
}

// Score scores a against every level of the rubric and against the
// specialties it names or rates.
func Score(r *rubric.Rubric, a *Assessment) *Result {
	return NewScorer(r).Score(a)
}

// Score scores one assessment.
func (s *Scorer) Score(a *Assessment) *Result {
	r := s.r
	res := &Result{Assessment: a}
	for _, l := range r.Levels {
		res.Levels = append(res.Levels, s.Level(a, l.ID))
	}
	for _, t := range res.Levels {
		if t.Verdict != Meets {
			break
		}
		res.FitLevel = t.ID
	}
	for _, id := range ScoredSpecialties(r, a) {
		res.Specialties = append(res.Specialties, s.Specialty(a, id))
	}
	sort.SliceStable(res.Specialties, func(i, j int) bool {
		return res.Specialties[i].Score > res.Specialties[j].Score+epsilon
	})
	res.Notes = notes(r, res)
	res.Bonus, res.BonusItems = s.bonus(a, res)
	res.Unanswered, res.CantSay = unanswered(r, a)
	return res
}

// ScoredSpecialties are the specialties an assessment is scored against, in
// rubric order: those it names, and any other with a rating. A rating of a
// criterion shared with a named specialty is explained by that specialty, so
// it does not bring in the others that share it (a Gitaly candidate answers
// the questions Gitaly shares with Git without being scored against Git).
func ScoredSpecialties(r *rubric.Rubric, a *Assessment) []string {
	var out []string
	for _, sp := range r.Specialties {
		if a.HasSpecialty(sp.ID) {
			out = append(out, sp.ID)
			continue
		}
		for _, id := range r.SpecialtyCriteria(sp.ID) {
			if a.Answered(id) && !sharedWithNamed(r.Criterion(id), a) {
				out = append(out, sp.ID)
				break
			}
		}
	}
	return out
}

func sharedWithNamed(c *rubric.Criterion, a *Assessment) bool {
	for _, s := range c.Specialties {
		if a.HasSpecialty(s) {
			return true
		}
	}
	return false
}

// Unanswered lists, in rubric order, the criteria of the levels and of the
// scored specialties that have no answer, except the moot ones (see Moot):
// no answer to those could change a score. A "can't say" is an answer.
func Unanswered(r *rubric.Rubric, a *Assessment) []string {
	out, _ := unanswered(r, a)
	return out
}

// unanswered lists the criteria of the levels and of the scored
// specialties that have no rating: those without an answer (bar the moot
// ones), and those the rater answered "can't say".
func unanswered(r *rubric.Rubric, a *Assessment) (open, cantSay []string) {
	scored := map[string]bool{}
	for _, id := range ScoredSpecialties(r, a) {
		scored[id] = true
	}
	moot := Moot(r, a)
	for i := range r.Criteria {
		c := &r.Criteria[i]
		if a.Answered(c.ID) || moot[c.ID] {
			continue
		}
		inScope := c.General()
		for _, sp := range c.Specialties {
			inScope = inScope || scored[sp]
		}
		switch {
		case !inScope:
		case a.SaysCantSay(c.ID):
			cantSay = append(cantSay, c.ID)
		default:
			open = append(open, c.ID)
		}
	}
	return open, cantSay
}

// Level scores a against one level.
func (s *Scorer) Level(a *Assessment, levelID string) TargetScore {
	t := s.target(a, levelID, false, s.r.LevelUnits(levelID), s.r.LevelBonus(levelID))
	t.ID = levelID
	return t
}

// Specialty scores a against one specialty.
func (s *Scorer) Specialty(a *Assessment, id string) TargetScore {
	t := s.target(a, "", true, s.r.SpecialtyUnits(id), s.r.SpecialtyBonus(id))
	t.ID, t.Specialty = id, true
	return t
}

func (s *Scorer) target(a *Assessment, levelID string, specialty bool, units []rubric.Unit, bonus []string) TargetScore {
	s.ratings, s.cantSay, s.level = a.Ratings, a.CantSay, levelID
	t := TargetScore{}
	score, requiredMet := s.evaluate(units, &t)
	for _, id := range bonus {
		t.Bonus.Total++
		if met(s.credit(id)) {
			t.Bonus.Met++
		}
	}
	t.Score = score
	switch {
	case requiredMet && score >= s.r.Thresholds.Meets-epsilon:
		t.Verdict = Meets
	case s.wouldMeet(units):
		t.Verdict = Incomplete
	case score >= s.r.Thresholds.Approaching-epsilon:
		t.Verdict = Approaching
	default:
		t.Verdict = NotYet
	}
	t.Gaps = gaps(t.Units)
	return t
}

// wouldMeet reports whether answering every unanswered criterion at its
// expected rating would make the target meet.
func (s *Scorer) wouldMeet(units []rubric.Unit) bool {
	s.fill = true
	defer func() { s.fill = false }()
	score, requiredMet := s.evaluate(units, nil)
	return requiredMet && score >= s.r.Thresholds.Meets-epsilon
}

// evaluate computes every unit's credit and the target's score: for a level,
// the lowest of its rungs' weighted scores; for a specialty, its weighted
// score. When t is not nil it receives the units and rungs.
func (s *Scorer) evaluate(units []rubric.Unit, t *TargetScore) (score float64, requiredMet bool) {
	for i := range s.memo {
		s.memo[i] = math.NaN()
	}
	type rung struct{ sum, weight float64 }
	rungs := map[string]*rung{}
	var order []string
	requiredMet = true
	for _, u := range units {
		credit := s.unitCredit(u)
		if u.Required() && !met(credit) {
			requiredMet = false
		}
		rg := rungs[u.Level]
		if rg == nil {
			rg = &rung{}
			rungs[u.Level] = rg
			order = append(order, u.Level)
		}
		rg.sum += u.Weight() * credit
		rg.weight += u.Weight()
		if t != nil {
			t.Units = append(t.Units, s.describe(u, credit))
		}
	}
	if len(units) == 0 {
		return 1, true
	}
	score = math.Inf(1)
	// Rungs in level order: units arrive in rubric order, which need not be
	// level order.
	sort.SliceStable(order, func(i, j int) bool { return s.r.LevelIndex(order[i]) < s.r.LevelIndex(order[j]) })
	for _, l := range order {
		rg := rungs[l]
		v := 1.0
		if rg.weight > 0 {
			v = rg.sum / rg.weight
		}
		if t != nil && l != "" {
			t.Rungs = append(t.Rungs, RungScore{Level: l, Score: v})
		}
		score = math.Min(score, v)
	}
	return score, requiredMet
}

func (s *Scorer) unitCredit(u rubric.Unit) float64 {
	if u.Group != "" {
		return s.groupCredit(u.Group)
	}
	return s.credit(u.Criterion)
}

// groupCredit is the mean of the group's best min member credits.
func (s *Scorer) groupCredit(gid string) float64 {
	g := s.r.GroupByID(gid)
	crit, groups := s.r.Members(gid)
	credits := make([]float64, 0, len(crit)+len(groups))
	for _, id := range crit {
		credits = append(credits, s.credit(id))
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

// credit of a criterion: its rating as a share of the expected one, capped
// at 1; and at least what any criterion superseding it earns, because meeting
// the stricter rung meets the lower one.
func (s *Scorer) credit(id string) float64 {
	i := s.r.CriterionIndex(id)
	if v := s.memo[i]; !math.IsNaN(v) {
		return v
	}
	c := &s.r.Criteria[i]
	v := s.own(c)
	for _, by := range s.r.SupersededBy(id) {
		v = math.Max(v, s.credit(by))
	}
	s.memo[i] = v
	return v
}

func (s *Scorer) own(c *rubric.Criterion) float64 {
	rt, ok := s.ratings[c.ID]
	switch {
	case !ok && s.fill:
		return 1
	case !ok:
		return 0
	}
	return ratingCredit(c, rt, s.expect(c))
}

func (s *Scorer) expect(c *rubric.Criterion) int {
	if c.Answer == rubric.YesNo {
		return 1
	}
	return s.r.Expect(c, s.level)
}

func (s *Scorer) describe(u rubric.Unit, credit float64) UnitScore {
	us := UnitScore{Unit: u, Credit: credit, Met: met(credit)}
	ids := []string{u.Criterion}
	if u.Group != "" {
		ids = s.r.GroupCriteria(u.Group)
		us.Min = s.r.GroupByID(u.Group).Min
		crit, groups := s.r.Members(u.Group)
		for _, id := range crit {
			if met(s.credit(id)) {
				us.Metc++
			}
		}
		for _, g := range groups {
			if met(s.groupCredit(g)) {
				us.Metc++
			}
		}
	}
	for _, id := range ids {
		c := s.r.Criterion(id)
		cs := CriterionScore{ID: id, Expected: s.expect(c), YesNo: c.Answer == rubric.YesNo, Credit: s.credit(id)}
		cs.Met = met(cs.Credit)
		if rt, ok := s.ratings[id]; ok {
			rt := rt
			cs.Rating = &rt
		}
		_, cs.CantSay = s.cantSay[id]
		us.Criteria = append(us.Criteria, cs)
	}
	return us
}

// gaps are the unmet units: required first, then by weight x (1 - credit),
// then in rubric order.
func gaps(units []UnitScore) []UnitScore {
	var out []UnitScore
	for _, u := range units {
		if !u.Met {
			out = append(out, u)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Required() != b.Required() {
			return a.Required()
		}
		if d := a.shortfall() - b.shortfall(); math.Abs(d) > epsilon {
			return d > 0
		}
		return a.Order < b.Order
	})
	return out
}

// bonus lists the bonus criteria of the levels (at the fit level's
// expectations, or the first level's) and of the scored specialties, each
// once, and counts those met.
func (s *Scorer) bonus(a *Assessment, res *Result) (Count, []CriterionScore) {
	var (
		c     Count
		items []CriterionScore
	)
	s.ratings = a.Ratings
	add := func(cr *rubric.Criterion) {
		cs := CriterionScore{ID: cr.ID, Expected: s.expect(cr), YesNo: cr.Answer == rubric.YesNo, Credit: s.credit(cr.ID)}
		cs.Met = met(cs.Credit)
		if rt, ok := a.Ratings[cr.ID]; ok {
			cs.Rating = &rt
		}
		cs.CantSay = a.SaysCantSay(cr.ID)
		c.Total++
		if cs.Met {
			c.Met++
		}
		items = append(items, cs)
	}
	level := res.FitLevel
	if level == "" {
		level = s.r.Levels[0].ID
	}
	s.level = level
	for i := range s.memo {
		s.memo[i] = math.NaN()
	}
	seen := map[string]bool{}
	for i := range s.r.Criteria {
		cr := &s.r.Criteria[i]
		if cr.Strength == rubric.Bonus && cr.General() {
			seen[cr.ID] = true
			add(cr)
		}
	}
	s.level = ""
	for i := range s.memo {
		s.memo[i] = math.NaN()
	}
	for _, t := range res.Specialties {
		for _, id := range s.r.SpecialtyBonus(t.ID) {
			if seen[id] {
				continue
			}
			seen[id] = true
			add(s.r.Criterion(id))
		}
	}
	return c, items
}

// notes are the caveats the rubric attaches to what a result shows: every
// level's, the scored specialties', and those of criteria among the gaps.
func notes(r *rubric.Rubric, res *Result) []string {
	var out []string
	seen := map[string]bool{}
	add := func(about, note string) {
		if note == "" || seen[about+note] {
			return
		}
		seen[about+note] = true
		out = append(out, about+": "+note)
	}
	for _, l := range r.Levels {
		add(l.Title, l.Notes)
	}
	for _, t := range res.Specialties {
		add(r.Specialty(t.ID).Title, r.Specialty(t.ID).Notes)
	}
	for _, list := range [][]TargetScore{res.Levels, res.Specialties} {
		for _, t := range list {
			for _, g := range t.Gaps {
				for _, cs := range g.Criteria {
					add(cs.ID, r.Criterion(cs.ID).Notes)
				}
			}
		}
	}
	return out
}
