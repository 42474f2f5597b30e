package assess

import (
	"slices"
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

// TargetScore is the score of one level or one specialty. Its lists may
// share storage with those of the level below (see run): read them, do not
// change them in place.
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
//
// The work grows with the rubric, not with its square: no lookup walks the
// rubric, a criterion's credit (the best of every criterion superseding it)
// comes from a summary computed once per assessment (see best), and a level
// that only adds a rung to the one below is scored by scoring that rung
// (see run).
type Scorer struct {
	r *rubric.Rubric

	// The assessment being scored (nil when scored from a sheet's
	// ratings), its ratings by criterion index (unrated for none, and for
	// "can't say"), and the target.
	a      *Assessment
	values []int
	fill   bool // credit unanswered criteria as if met (the "incomplete" test)
	expect int  // the target's expected rating for criteria that set none

	// Computed once for the rubric, so that scoring looks nothing up by id.
	order        []int   // criteria, each after every criterion superseding it
	supersededBy [][]int // criterion -> the criteria that supersede it
	groups       []groupRef
	levelUnits   [][]unitRef // by level index, like the rubric's LevelUnits
	levelBonus   [][]int     // criterion indexes, like LevelBonus
	specUnits    [][]unitRef // by specialty index, like SpecialtyUnits
	specBonus    [][]int
	credits      []float64 // scratch space of groupCredit

	// Computed once per assessment, for each value of fill.
	best  [2][]best
	ready [2]bool

	// Scratch space for one target's rungs: by level index + 1 (0 holds the
	// specialty's one rung), and the slots in use.
	rungs   []rung
	touched []int
}

// NewScorer prepares a scorer for r.
func NewScorer(r *rubric.Rubric) *Scorer {
	s := &Scorer{
		r:            r,
		supersededBy: make([][]int, len(r.Criteria)),
		rungs:        make([]rung, len(r.Levels)+1),
	}
	for i := range r.Criteria {
		for _, by := range r.SupersededBy(r.Criteria[i].ID) {
			s.supersededBy[i] = append(s.supersededBy[i], r.CriterionIndex(by))
		}
	}
	// A criterion supersedes only criteria of lower levels, so taking the
	// levels from the top down visits every superseding criterion first.
	byLevel := make([][]int, len(r.Levels))
	for i := range r.Criteria {
		if c := &r.Criteria[i]; c.General() {
			l := r.LevelIndex(c.Level)
			byLevel[l] = append(byLevel[l], i)
		} else {
			s.order = append(s.order, i)
		}
	}
	for l := len(byLevel) - 1; l >= 0; l-- {
		s.order = append(s.order, byLevel[l]...)
	}
	s.index()
	return s
}

// unitRef is a unit by index: its criterion (-1 for a group), or its
// group in Scorer.groups, and its rung slot (see Scorer.slot).
type unitRef struct {
	crit, group, slot int
}

// groupRef is a group by index: its members, criteria and groups, and how
// many of them it needs.
type groupRef struct {
	min          int
	crit, groups []int
}

// index computes the rubric's units, bonus criteria and groups by index.
func (s *Scorer) index() {
	r := s.r
	groupIndex := make(map[string]int, len(r.Groups))
	for i := range r.Groups {
		groupIndex[r.Groups[i].ID] = i
	}
	s.groups = make([]groupRef, len(r.Groups))
	for i := range r.Groups {
		g := &s.groups[i]
		g.min = r.Groups[i].Min
		crit, groups := r.Members(r.Groups[i].ID)
		for _, id := range crit {
			g.crit = append(g.crit, r.CriterionIndex(id))
		}
		for _, id := range groups {
			g.groups = append(g.groups, groupIndex[id])
		}
	}
	// to extends the lists of the level below (to's own, uncapped): each
	// list is the one below and then the level's own, when the rubric says
	// so, so that the work grows with the units, not with the levels times
	// the units.
	refs := func(to []unitRef, units []rubric.Unit) []unitRef {
		for _, u := range units[len(to):] {
			ref := unitRef{crit: -1, group: -1, slot: r.LevelIndex(u.Level) + 1}
			if u.Group != "" {
				ref.group = groupIndex[u.Group]
			} else {
				ref.crit = r.CriterionIndex(u.Criterion)
			}
			to = append(to, ref)
		}
		return to
	}
	indexes := func(to []int, ids []string) []int {
		for _, id := range ids[len(to):] {
			to = append(to, r.CriterionIndex(id))
		}
		return to
	}
	var units []unitRef
	var bonus []int
	for _, l := range r.Levels {
		if !r.LevelExtendsBelow(l.ID) {
			units, bonus = nil, nil
		}
		units = refs(units, r.LevelUnits(l.ID))
		bonus = indexes(bonus, r.LevelBonus(l.ID))
		// Capped, so that the level above appends to a copy or to its own.
		s.levelUnits = append(s.levelUnits, units[:len(units):len(units)])
		s.levelBonus = append(s.levelBonus, bonus[:len(bonus):len(bonus)])
	}
	for _, sp := range r.Specialties {
		s.specUnits = append(s.specUnits, refs(nil, r.SpecialtyUnits(sp.ID)))
		s.specBonus = append(s.specBonus, indexes(nil, r.SpecialtyBonus(sp.ID)))
	}
}

// Score scores a against every level of the rubric and against the
// specialties it names or rates.
func Score(r *rubric.Rubric, a *Assessment) *Result {
	return NewScorer(r).Score(a)
}

// Score scores one assessment.
func (s *Scorer) Score(a *Assessment) *Result {
	r := s.r
	s.use(a)
	res := &Result{Assessment: a}
	var run run
	for _, l := range r.Levels {
		res.Levels = append(res.Levels, s.levelTarget(&run, l.ID, true))
	}
	res.FitLevel = fitLevel(r, func(i int) bool { return res.Levels[i].Verdict == Meets })
	for _, id := range ScoredSpecialties(r, a) {
		res.Specialties = append(res.Specialties, s.specialtyTarget(id, true))
	}
	sort.SliceStable(res.Specialties, func(i, j int) bool {
		return res.Specialties[i].Score > res.Specialties[j].Score+epsilon
	})
	res.Notes = notes(r, res)
	res.Bonus, res.BonusItems = s.bonus(a, res)
	res.Unanswered, res.CantSay = unanswered(r, a)
	return res
}

// unrated marks a criterion without a rating in Scorer.values.
const unrated = -1

// use starts scoring a: what was computed for another assessment, or for
// this one before it changed, is dropped. The ratings are laid out by
// criterion index once, so that scoring looks nothing up by id.
func (s *Scorer) use(a *Assessment) {
	s.clear()
	s.a = a
	for id, rt := range a.Ratings {
		if i := s.r.CriterionIndex(id); i >= 0 {
			s.values[i] = rt.Value
		}
	}
}

// useSheet starts scoring a sheet's ratings (see Sheet.Ratings).
func (s *Scorer) useSheet(ratings []int16) {
	s.clear()
	for i, v := range ratings {
		if v != Unrated {
			s.values[i] = int(v)
		}
	}
}

func (s *Scorer) clear() {
	if s.values == nil {
		s.values = make([]int, len(s.r.Criteria))
	}
	for i := range s.values {
		s.values[i] = unrated
	}
	s.a = nil
	s.ready = [2]bool{}
}

// fitLevel is the highest level such that it and every level below it meet;
// "" when the first does not. meets(i) says whether level i meets.
func fitLevel(r *rubric.Rubric, meets func(i int) bool) string {
	fit := ""
	for i, l := range r.Levels {
		if !meets(i) {
			break
		}
		fit = l.ID
	}
	return fit
}

// meets is the rule of the verdict "meets": every required unit met, and the
// score at the threshold.
func (s *Scorer) meets(score float64, requiredMet bool) bool {
	return requiredMet && score >= s.r.Thresholds.Meets-epsilon
}

// FitLevel is the highest level such that it and every level below it meet,
// as Score reports it, without describing units and gaps; "" when the first
// level is not met.
func (s *Scorer) FitLevel(a *Assessment) string {
	s.use(a)
	return s.fitLevel()
}

// fitLevelOf is FitLevel of a sheet's ratings.
func (s *Scorer) fitLevelOf(ratings []int16) string {
	s.useSheet(ratings)
	return s.fitLevel()
}

func (s *Scorer) fitLevel() string {
	var run run
	return fitLevel(s.r, func(i int) bool {
		return s.levelTarget(&run, s.r.Levels[i].ID, false).Verdict == Meets
	})
}

// levelScores scores the assessment in use at every level, as Score does,
// without describing units and gaps.
func (s *Scorer) levelScores() []LevelScore {
	var run run
	out := make([]LevelScore, len(s.r.Levels))
	for i, l := range s.r.Levels {
		t := s.levelTarget(&run, l.ID, false)
		out[i] = LevelScore{Level: l.ID, Score: t.Score, Meets: t.Verdict == Meets}
	}
	return out
}

// Level scores a against one level.
func (s *Scorer) Level(a *Assessment, levelID string) TargetScore {
	s.use(a)
	return s.levelTarget(&run{}, levelID, true)
}

// Specialty scores a against one specialty.
func (s *Scorer) Specialty(a *Assessment, id string) TargetScore {
	s.use(a)
	return s.specialtyTarget(id, true)
}

// ScoredSpecialties are the specialties an assessment is scored against, in
// rubric order: those it names, and any other with a rating. A rating of a
// criterion shared with a named specialty is explained by that specialty, so
// it does not bring in the others that share it (a Gitaly candidate answers
// the questions Gitaly shares with Git without being scored against Git).
func ScoredSpecialties(r *rubric.Rubric, a *Assessment) []string {
	return scoredSpecialties(r, a.Specialties, a.Answered)
}

// scoredSpecialties is ScoredSpecialties of an assessment that names
// specialties named and has a rating of the criteria answered says.
func scoredSpecialties(r *rubric.Rubric, named []string, answered func(id string) bool) []string {
	var out []string
	for _, sp := range r.Specialties {
		if slices.Contains(named, sp.ID) {
			out = append(out, sp.ID)
			continue
		}
		for _, id := range r.SpecialtyCriteria(sp.ID) {
			if answered(id) && !sharedWithNamed(r.Criterion(id), named) {
				out = append(out, sp.ID)
				break
			}
		}
	}
	return out
}

func sharedWithNamed(c *rubric.Criterion, named []string) bool {
	for _, s := range c.Specialties {
		if slices.Contains(named, s) {
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

// bonus lists the bonus criteria of the levels (at the fit level's
// expectations, or the first level's) and of the scored specialties, each
// once, and counts those met.
func (s *Scorer) bonus(a *Assessment, res *Result) (Count, []CriterionScore) {
	var (
		c     Count
		items []CriterionScore
	)
	add := func(i int) {
		cs := s.criterionScore(i)
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
	s.target(level)
	seen := map[string]bool{}
	for i := range s.r.Criteria {
		cr := &s.r.Criteria[i]
		if cr.Strength == rubric.Bonus && cr.General() {
			seen[cr.ID] = true
			add(i)
		}
	}
	s.target("")
	for _, t := range res.Specialties {
		for _, id := range s.r.SpecialtyBonus(t.ID) {
			if seen[id] {
				continue
			}
			seen[id] = true
			add(s.r.CriterionIndex(id))
		}
	}
	return c, items
}

// notes are the caveats the rubric attaches to what a result shows: every
// level's, the scored specialties', and those of criteria among the gaps;
// a level the assessment did not ask (see NotAsked) shows no verdict, so
// neither its note nor its gaps' are among them.
func notes(r *rubric.Rubric, res *Result) []string {
	notAsked := NotAsked(r, res)
	var out []string
	seen := map[string]bool{}
	add := func(about, note string) {
		if note == "" || seen[about+note] {
			return
		}
		seen[about+note] = true
		out = append(out, about+": "+note)
	}
	for i, l := range r.Levels {
		if !notAsked[i] {
			add(l.Title, l.Notes)
		}
	}
	for _, t := range res.Specialties {
		add(r.Specialty(t.ID).Title, r.Specialty(t.ID).Notes)
	}
	for k, list := range [][]TargetScore{res.Levels, res.Specialties} {
		var below []UnitScore
		for i, t := range list {
			if k == 0 && notAsked[i] {
				continue
			}
			gaps := t.Gaps
			if extends(gaps, below) { // the gaps of the level below, seen already
				gaps = gaps[len(below):]
			}
			below = t.Gaps
			for _, g := range gaps {
				for _, cs := range g.Criteria {
					add(cs.ID, r.Criterion(cs.ID).Notes)
				}
			}
		}
	}
	return out
}

// extends reports whether list begins with prefix, stored in the same place.
func extends[T any](list, prefix []T) bool {
	return len(list) >= len(prefix) && (len(prefix) == 0 || &list[0] == &prefix[0])
}
