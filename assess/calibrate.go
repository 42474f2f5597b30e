package assess

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/ladderhq/ladder/rubric"
)

// Flag is something calibration points out about a person.
type Flag string

// The flags, in the order they are listed.
const (
	PromotionReady    Flag = "promotion-ready"    // the consensus fit level is above the current level
	BelowLevel        Flag = "below-level"        // the consensus fit level is below the current level
	SelfHigher        Flag = "self-higher"        // the self-assessment is at least SelfGap above the others
	SelfLower         Flag = "self-lower"         // ... or at least SelfGap below them
	RaterDisagreement Flag = "rater-disagreement" // two raters are DisagreementGap or more apart on a criterion
)

// RaterFlag says how a rater rates compared with the others.
type RaterFlag string

// The rater flags; "" for neither.
const (
	Lenient RaterFlag = "lenient" // offset >= RaterGap
	Severe  RaterFlag = "severe"  // offset <= -RaterGap
)

// The thresholds of the flags.
const (
	SelfGap         = 0.5 // mean of self minus others, over shared criteria
	RaterGap        = 0.5 // a rater's mean offset from the other raters
	DisagreementGap = 2   // two ratings of one criterion this far apart
)

// Calibration is a team's assessments side by side.
type Calibration struct {
	People    []PersonCalibration // by name
	Raters    []RaterCalibration  // by name
	Agreement Agreement
	// ByRoles is the agreement between raters of two roles (self and
	// manager, self and peer, ...), for the pairs of roles that occur.
	ByRoles []RoleAgreement
	// Criteria is the team's agreement on each criterion that two raters of
	// someone rated, in rubric order.
	Criteria []CriterionAgreement
	Levels   []LevelCount // the rubric's levels in order, then "" (no level) when anyone has none
	Sheets   int          // the assessments counted, after superseded ones are left out
	// Anonymized is set by Anonymize: raters go by labels.
	Anonymized bool
	// Notices are choices calibration made that the user should know of:
	// files left out for a later one, conflicting current levels.
	Notices []Warning
}

// PersonCalibration is one person's assessments and what they agree on.
type PersonCalibration struct {
	Person       string
	CurrentLevel string // "" when no assessment names one
	// ConsensusFit is the fit level of the consensus assessment: the one
	// whose every rating is the lower median of the raters' ratings.
	ConsensusFit    string // "" when not even the first level is met
	ConsensusLevels []LevelScore
	Raters          []RaterFit // self first, then managers, then peers, each by name
	Flags           []Flag
	// SelfDiff is the mean over SelfShared criteria of the self rating minus
	// the mean of the other raters' ratings; nil without a self-assessment
	// and another sharing a scale criterion.
	SelfDiff      *float64
	SelfShared    int
	Disagreements []Disagreement // in rubric order
	// Consensus is the consensus rating of each criterion, indexed like the
	// rubric's criteria; Unrated where nobody rated it.
	Consensus []int16
	// ConsensusSpecialties are the consensus scores of the specialties the
	// assessments name or the consensus rates (as ScoredSpecialties picks
	// them), in rubric order.
	ConsensusSpecialties []SpecialtyScore
	// Next is how far the consensus is from the level above its fit; nil
	// when it fits the top level.
	Next *NextLevel
}

// SpecialtyScore is the consensus score of one specialty.
type SpecialtyScore struct {
	Specialty string
	Score     float64
	Verdict   Verdict
}

// NextLevel is the consensus against the level above its fit level (the
// first level when it fits none). The level's score is its lowest rung;
// the rung the level itself introduces is what stands between the
// consensus and the level when the lower rungs hold.
type NextLevel struct {
	Level   string
	Score   float64 // the consensus score at the level
	Verdict Verdict
	Rung    float64 // the weighted score of the rung the level introduces
	// The units that rung introduces, how many the consensus meets, and
	// how many of the required ones it does not.
	Units, Met, RequiredUnmet int
}

// LevelScore is the consensus assessment's score at one level, and whether
// it meets the level.
type LevelScore struct {
	Level string
	Score float64
	Meets bool
}

// RaterFit is one rater's assessment of a person.
type RaterFit struct {
	Rater    string
	Role     Role
	FitLevel string // "" when not even the first level is met
	File     string
	Own      bool    // the rater is the person: their own assessment
	Ratings  []int16 // the sheet's ratings, indexed like the rubric's criteria (shared, not copied)
}

// Disagreement is a criterion on which raters of one person are at least
// DisagreementGap apart, or, for a yes/no criterion, differ at all: the
// criterion's index in the rubric. An organisation has hundreds of
// thousands of them, so a disagreement is only that: the criterion is the
// rubric's (Criterion), the ratings the person's raters' own
// (PersonCalibration.Ratings).
type Disagreement struct {
	Index int32
}

// Criterion is the criterion of r disagreed on.
func (d Disagreement) Criterion(r *rubric.Rubric) *rubric.Criterion { return &r.Criteria[d.Index] }

// Ratings are the ratings of the person's raters who rated the criterion
// of d, in the person's rater order.
func (p *PersonCalibration) Ratings(d Disagreement) []RaterRating {
	out := make([]RaterRating, 0, len(p.Raters))
	for _, rf := range p.Raters {
		if v := rf.Ratings[d.Index]; v != Unrated {
			out = append(out, RaterRating{Rater: rf.Rater, Value: int(v)})
		}
	}
	return out
}

// RaterRating is one rater's rating of a criterion: a scale value, or 0
// (no) / 1 (yes).
type RaterRating struct {
	Rater string
	Value int
}

// RaterCalibration is how one rater rates, across everyone they assessed.
type RaterCalibration struct {
	Rater       string
	Assessments int
	Ratings     int      // scale ratings given
	MeanRating  *float64 // nil when the rater gave no scale rating
	// Offset is the mean, over the rater's scale ratings that another rater
	// of the same person also gave (Compared of them), of the rating minus
	// the mean of the other raters' ratings; nil when there were none.
	Offset   *float64
	Compared int
	Flag     RaterFlag
	// The assessments by role: of themself, as a manager, as a peer.
	AsSelf, AsManager, AsPeer int
}

// Agreement is how often two raters of the same person agree on a scale
// criterion, over every such pair.
type Agreement struct {
	Pairs     int
	Exact     int      // pairs with the same rating
	WithinOne int      // pairs at most one apart
	Kappa     *float64 // quadratic-weighted Cohen's kappa; nil when undefined
}

// ExactShare is the share of pairs with the same rating; nil without pairs.
func (a Agreement) ExactShare() *float64 { return share(a.Exact, a.Pairs) }

// WithinOneShare is the share of pairs at most one apart; nil without pairs.
func (a Agreement) WithinOneShare() *float64 { return share(a.WithinOne, a.Pairs) }

func share(n, of int) *float64 {
	if of == 0 {
		return nil
	}
	v := float64(n) / float64(of)
	return &v
}

// LevelCount is how many people are at a level now and how many the
// consensus fits there. Level "" counts those with no level. Up and Down
// count the people now at the level whose consensus fits a higher or a
// lower one (promotion-ready, below-level).
type LevelCount struct {
	Level     string
	Current   int
	Consensus int
	Up, Down  int
}

// RoleAgreement is the agreement over the pairs of one rater of role A and
// one of role B (A first in Roles' order; A and B may be the same role).
type RoleAgreement struct {
	A, B Role
	Agreement
}

// CriterionAgreement is how raters agree on one criterion across the team.
type CriterionAgreement struct {
	Criterion string
	YesNo     bool
	Bonus     bool // a nice-to-have: it never counts in a score or verdict
	People    int  // people with two or more ratings of it
	// Split counts the people whose raters disagree on it (see
	// Disagreement): DisagreementGap or more apart, or yes against no.
	Split int
	// Scale criteria only: the pairs of raters of one person, those equal
	// and at most one apart, and the sum of their distances.
	Pairs, Exact, WithinOne, GapSum int
	// The sum over SelfPeople people, with a self-assessment and another
	// rating of it, of the self rating minus the others' mean.
	SelfDiffSum float64
	SelfPeople  int
}

// MeanGap is the mean distance between two raters' ratings of it; nil
// without pairs.
func (c CriterionAgreement) MeanGap() *float64 {
	if c.Pairs == 0 {
		return nil
	}
	v := float64(c.GapSum) / float64(c.Pairs)
	return &v
}

// SelfDiff is the mean of the self rating minus the others' mean, over the
// people with both; nil without any.
func (c CriterionAgreement) SelfDiff() *float64 {
	if c.SelfPeople == 0 {
		return nil
	}
	v := c.SelfDiffSum / float64(c.SelfPeople)
	return &v
}

// Calibrate puts the assessments of a team side by side: it groups sheets by
// person, and raters by name, as PersonKey decides who is who; keeps one
// assessment per rater of a person (the latest by updated time, then the
// last in file order; the others become notices), and computes the
// consensus, the flags, each rater's offset and the team's agreement.
func Calibrate(r *rubric.Rubric, sheets []Sheet) *Calibration {
	c := &Calibration{}
	raters := map[string]*raterAcc{}
	people, notices := groupPeople(sheets, raters)
	c.Notices = notices
	team := &teamAcc{criteria: make([]CriterionAgreement, len(r.Criteria))}
	// The statistics in person order, one after the other: sums of
	// fractions come out the same, bit for bit, only when added in the same
	// order. Then the scores of each consensus, the bulk of the work, side
	// by side.
	c.People = make([]PersonCalibration, len(people))
	specialties := make([][]string, len(people))
	for i, p := range people {
		c.Sheets += len(p.sheets)
		var notice *Warning
		c.People[i], specialties[i], notice = calibratePerson(r, p, team)
		if notice != nil {
			c.Notices = append(c.Notices, *notice)
		}
	}
	parallel(len(people), func() func(i int) {
		scorer := NewScorer(r) // a scorer has scratch space: one per goroutine
		return func(i int) { scoreConsensus(r, scorer, &c.People[i], specialties[i]) }
	})
	c.Raters = finishRaters(raters)
	c.Agreement = team.all.finish()
	for a := range team.byRoles {
		for b := a; b < len(Roles); b++ {
			if acc := &team.byRoles[a][b]; acc.Pairs > 0 {
				c.ByRoles = append(c.ByRoles, RoleAgreement{A: Roles[a], B: Roles[b], Agreement: acc.finish()})
			}
		}
	}
	for i, ca := range team.criteria {
		if ca.People > 0 {
			ca.Criterion, ca.YesNo = r.Criteria[i].ID, r.Criteria[i].Answer == rubric.YesNo
			ca.Bonus = r.Criteria[i].Strength == rubric.Bonus
			c.Criteria = append(c.Criteria, ca)
		}
	}
	c.Levels = countLevels(r, c.People)
	return c
}

// teamAcc accumulates the statistics of the whole team: agreement over all
// pairs, by pair of roles, and by criterion.
type teamAcc struct {
	all      agreementAcc
	byRoles  [3][3]agreementAcc // indexed by roleRank, lower first
	criteria []CriterionAgreement
}

func (t *teamAcc) addPair(ca *CriterionAgreement, x, y int, rx, ry Role) {
	t.all.add(x, y)
	a, b := roleRank(rx), roleRank(ry)
	if a > b {
		a, b = b, a
	}
	if b < len(Roles) {
		t.byRoles[a][b].add(x, y)
	}
	ca.Pairs++
	d := x - y
	if d < 0 {
		d = -d
	}
	ca.GapSum += d
	if d == 0 {
		ca.Exact++
	}
	if d <= 1 {
		ca.WithinOne++
	}
}

type personSheets struct {
	key    string
	name   string // as the first file spells it
	sheets []personSheet
}

// personSheet is one sheet kept for a person, with its rater's statistics.
type personSheet struct {
	*Sheet
	raterKey  string
	raterName string // as the first file spells it
	acc       *raterAcc
}

func roleRank(r Role) int {
	for i, x := range Roles {
		if x == r {
			return i
		}
	}
	return len(Roles)
}

// groupPeople groups sheets by person, keeps the latest sheet of each rater,
// and orders people by name and each person's sheets self first, then
// managers, then peers, each by rater name.
func groupPeople(sheets []Sheet, raters map[string]*raterAcc) ([]*personSheets, []Warning) {
	byKey := map[string]*personSheets{}
	var people []*personSheets
	var notices []Warning
	for i := range sheets {
		s := &sheets[i]
		key := PersonKey(s.Person)
		p := byKey[key]
		if p == nil {
			p = &personSheets{key: key, name: s.Person}
			byKey[key] = p
			people = append(people, p)
		}
		rk := PersonKey(s.Rater)
		acc := raters[rk]
		if acc == nil {
			acc = &raterAcc{name: s.Rater}
			raters[rk] = acc
		}
		entry := personSheet{Sheet: s, raterKey: rk, raterName: acc.name, acc: acc}
		replaced := false
		for j, prev := range p.sheets {
			if prev.raterKey != rk {
				continue
			}
			kept, dropped := entry, prev
			if prev.Updated.After(s.Updated) {
				kept, dropped = prev, entry
			}
			p.sheets[j] = kept
			notices = append(notices, Warning{File: dropped.File, Msg: fmt.Sprintf(
				"left out: %s is a later assessment of %s by %s", kept.File, p.name, kept.raterName)})
			replaced = true
			break
		}
		if !replaced {
			p.sheets = append(p.sheets, entry)
		}
	}
	sort.SliceStable(people, func(i, j int) bool { return people[i].key < people[j].key })
	for _, p := range people {
		sort.SliceStable(p.sheets, func(i, j int) bool {
			a, b := p.sheets[i], p.sheets[j]
			if ra, rb := roleRank(a.Role), roleRank(b.Role); ra != rb {
				return ra < rb
			}
			return a.raterKey < b.raterKey
		})
		for _, s := range p.sheets {
			s.acc.assessments++
			switch s.Role {
			case Self:
				s.acc.asSelf++
			case Manager:
				s.acc.asManager++
			case Peer:
				s.acc.asPeer++
			}
		}
	}
	return people, notices
}

// raterAcc accumulates one rater's statistics across people.
type raterAcc struct {
	name        string
	assessments int
	sum         float64
	n           int
	offsetSum   float64
	compared    int

	asSelf, asManager, asPeer int
}

// agreementAcc accumulates pairs, and the sums quadratic-weighted kappa
// needs.
type agreementAcc struct {
	Agreement
	sqDiff float64 // sum over pairs of (x-y)^2
	sum    float64 // sum over pairs of x+y: each pair in both orders gives both raters both places
	sumSq  float64 // sum over pairs of x^2+y^2
}

func (a *agreementAcc) add(x, y int) {
	a.Pairs++
	d := x - y
	switch {
	case d == 0:
		a.Exact++
		a.WithinOne++
	case d == 1 || d == -1:
		a.WithinOne++
	}
	a.sqDiff += float64(d * d)
	a.sum += float64(x + y)
	a.sumSq += float64(x*x + y*y)
}

// finish computes Cohen's kappa with quadratic weights over the scale's
// categories 0..K-1, each pair counted in both orders:
//
//	kappa = 1 - sum w[i][j] O[i][j] / sum w[i][j] E[i][j],  w[i][j] = (i-j)^2 / (K-1)^2
//
// with O the observed proportions of the (symmetric) pair table and E the
// product of its marginals. The (K-1)^2 cancels, the observed sum is the
// mean of (x-y)^2 over pairs, and, since both orders give the two raters
// one marginal, the expected sum is 2 Var(X) = 2 (E[X^2] - E[X]^2). So the
// table itself is never needed: three sums give the same kappa in constant
// memory, whatever the length of the scale. Kappa is undefined (nil) when
// every rating is the same (no disagreement is possible by chance).
func (a *agreementAcc) finish() Agreement {
	out := a.Agreement
	if a.Pairs == 0 {
		return out
	}
	n := 2 * float64(a.Pairs) // ratings, each pair counted in both orders
	mean := a.sum / n
	chance := 2 * (a.sumSq/n - mean*mean)
	if chance <= 1e-12 {
		return out
	}
	kappa := 1 - (a.sqDiff/float64(a.Pairs))/chance
	out.Kappa = &kappa
	return out
}

// parallel calls work(i) for every i below n, from GOMAXPROCS goroutines
// at most, each with the work function that start returns to it.
func parallel(n int, start func() func(i int)) {
	var (
		next atomic.Int64
		wg   sync.WaitGroup
	)
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work := start()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				work(i)
			}
		}()
	}
	wg.Wait()
}

// calibratePerson computes one person's consensus, disagreements and gap
// between self and others, and adds the person's ratings to the raters'
// and the team's statistics. It returns the specialties the person's
// assessments name, for scoreConsensus.
func calibratePerson(r *rubric.Rubric, p *personSheets, team *teamAcc) (PersonCalibration, []string, *Warning) {
	pc := PersonCalibration{Person: p.name, Flags: []Flag{}, Disagreements: []Disagreement{}, Consensus: make([]int16, len(r.Criteria))}
	var notice *Warning
	pc.CurrentLevel, notice = currentLevel(r, p)
	for _, s := range p.sheets {
		pc.Raters = append(pc.Raters, RaterFit{Rater: s.raterName, Role: s.Role, FitLevel: s.FitLevel, File: s.File,
			Own: s.raterKey == p.key, Ratings: s.Ratings})
	}

	var specialties []string // that the assessments name, in the order they come
	for _, s := range p.sheets {
		for _, sp := range s.Specialties {
			if !slices.Contains(specialties, sp) {
				specialties = append(specialties, sp)
			}
		}
	}
	var (
		values             []int
		selfDiffSum        float64
		disagreementRaters []int // indexes into p.sheets
	)
	for ci := range r.Criteria {
		crit := &r.Criteria[ci]
		yesno := crit.Answer == rubric.YesNo
		values, disagreementRaters = values[:0], disagreementRaters[:0]
		lo, hi := math.MaxInt, math.MinInt
		sum := 0
		for si, s := range p.sheets {
			v := s.Ratings[ci]
			if v == Unrated {
				continue
			}
			values = append(values, int(v))
			disagreementRaters = append(disagreementRaters, si)
			lo, hi = min(lo, int(v)), max(hi, int(v))
			sum += int(v)
		}
		pc.Consensus[ci] = Unrated
		if len(values) == 0 {
			continue
		}
		pc.Consensus[ci] = int16(consensusRating(values, yesno).Value)
		ca := &team.criteria[ci]
		if len(values) > 1 {
			ca.People++
		}
		if (yesno && hi != lo) || (!yesno && hi-lo >= DisagreementGap) {
			pc.Disagreements = append(pc.Disagreements, Disagreement{Index: int32(ci)})
			ca.Split++
		}
		if yesno {
			continue
		}
		// Scale criteria: each rater's mean, offsets, pairs, self against others.
		n := len(values)
		var selfSum, selfN int
		for k, si := range disagreementRaters {
			s := p.sheets[si]
			acc := s.acc
			acc.sum += float64(values[k])
			acc.n++
			if n > 1 {
				others := float64(sum-values[k]) / float64(n-1)
				acc.offsetSum += float64(values[k]) - others
				acc.compared++
			}
			if s.Role == Self {
				selfSum += values[k]
				selfN++
			}
			for l := k + 1; l < n; l++ {
				team.addPair(ca, values[k], values[l], s.Role, p.sheets[disagreementRaters[l]].Role)
			}
		}
		if selfN > 0 && selfN < n {
			self := float64(selfSum) / float64(selfN)
			others := float64(sum-selfSum) / float64(n-selfN)
			selfDiffSum += self - others
			pc.SelfShared++
			ca.SelfDiffSum += self - others
			ca.SelfPeople++
		}
	}

	if pc.SelfShared > 0 {
		d := selfDiffSum / float64(pc.SelfShared)
		pc.SelfDiff = &d
	}
	return pc, specialties, notice
}

// scoreConsensus scores a person's consensus against the levels and the
// specialties (those the assessments name, and any other the consensus
// rates) and raises the person's flags.
func scoreConsensus(r *rubric.Rubric, scorer *Scorer, pc *PersonCalibration, specialties []string) {
	scorer.useSheet(pc.Consensus)
	pc.ConsensusLevels = scorer.levelScores()
	pc.ConsensusFit = fitLevel(r, func(i int) bool { return pc.ConsensusLevels[i].Meets })
	if next := r.LevelIndex(pc.ConsensusFit) + 1; next < len(r.Levels) {
		pc.Next = nextLevel(scorer, r.Levels[next].ID)
	}
	answered := func(id string) bool { return pc.Consensus[r.CriterionIndex(id)] != Unrated }
	scored := scoredSpecialties(r, specialties, answered)
	if len(scored) > 0 {
		pc.ConsensusSpecialties = make([]SpecialtyScore, 0, len(scored))
	}
	for _, id := range scored {
		t := scorer.specialtyTarget(id, false)
		pc.ConsensusSpecialties = append(pc.ConsensusSpecialties, SpecialtyScore{Specialty: id, Score: t.Score, Verdict: t.Verdict})
	}

	if pc.CurrentLevel != "" {
		fit, cur := r.LevelIndex(pc.ConsensusFit), r.LevelIndex(pc.CurrentLevel) // -1 for no fit: below any level
		switch {
		case fit > cur:
			pc.Flags = append(pc.Flags, PromotionReady)
		case fit < cur:
			pc.Flags = append(pc.Flags, BelowLevel)
		}
	}
	if d := pc.SelfDiff; d != nil {
		switch {
		case *d >= SelfGap-epsilon:
			pc.Flags = append(pc.Flags, SelfHigher)
		case *d <= -SelfGap+epsilon:
			pc.Flags = append(pc.Flags, SelfLower)
		}
	}
	if len(pc.Disagreements) > 0 {
		pc.Flags = append(pc.Flags, RaterDisagreement)
	}
}

// nextLevel scores the consensus, the assessment in use, against one level
// and describes the rung the level introduces.
func nextLevel(scorer *Scorer, level string) *NextLevel {
	t := scorer.levelTarget(&run{}, level, true)
	n := &NextLevel{Level: level, Score: t.Score, Verdict: t.Verdict, Rung: t.Score}
	for _, rg := range t.Rungs {
		if rg.Level == level {
			n.Rung = rg.Score
		}
	}
	for _, u := range t.Units {
		if u.Level != level {
			continue
		}
		n.Units++
		switch {
		case u.Met:
			n.Met++
		case u.Required():
			n.RequiredUnmet++
		}
	}
	return n
}

// consensusRating is the lower median of scale ratings; for yes/no, yes only
// when more than half say yes.
func consensusRating(values []int, yesno bool) Rating {
	if yesno {
		yes := 0
		for _, v := range values {
			yes += v
		}
		if 2*yes > len(values) {
			return Rating{Value: 1, YesNo: true}
		}
		return Rating{Value: 0, YesNo: true}
	}
	sorted := append([]int(nil), values...)
	sort.Ints(sorted)
	return Rating{Value: sorted[(len(sorted)-1)/2]}
}

// currentLevel is the current level a person's assessments name: the
// manager's when there is one, else the self-assessment's, else a peer's;
// among several of one role, the latest. A notice says when the
// assessments name different levels.
func currentLevel(r *rubric.Rubric, p *personSheets) (string, *Warning) {
	var chosen *personSheet
	named := map[string]bool{}
	for _, s := range p.sheets {
		if s.CurrentLevel == "" {
			continue
		}
		named[s.CurrentLevel] = true
		if chosen == nil || authority(s.Role) < authority(chosen.Role) ||
			(authority(s.Role) == authority(chosen.Role) && s.Updated.After(chosen.Updated)) {
			chosen = &s
		}
	}
	if chosen == nil {
		return "", nil
	}
	if len(named) == 1 {
		return chosen.CurrentLevel, nil
	}
	var others []string
	for _, l := range r.Levels {
		if named[l.ID] && l.ID != chosen.CurrentLevel {
			others = append(others, l.ID)
		}
	}
	whose := map[Role]string{Manager: "the manager's", Self: p.name + "'s own", Peer: "a peer's"}[chosen.Role]
	return chosen.CurrentLevel, &Warning{File: chosen.File, Msg: fmt.Sprintf(
		"current level %s of %s used (%s); other assessments say %s",
		chosen.CurrentLevel, p.name, whose, strings.Join(others, ", "))}
}

// authority ranks who knows a person's current level best: the manager,
// then the person, then peers.
func authority(role Role) int {
	switch role {
	case Manager:
		return 0
	case Self:
		return 1
	}
	return 2
}

func finishRaters(raters map[string]*raterAcc) []RaterCalibration {
	keys := make([]string, 0, len(raters))
	for k := range raters {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]RaterCalibration, 0, len(keys))
	for _, k := range keys {
		acc := raters[k]
		rc := RaterCalibration{Rater: acc.name, Assessments: acc.assessments, Ratings: acc.n, Compared: acc.compared,
			AsSelf: acc.asSelf, AsManager: acc.asManager, AsPeer: acc.asPeer}
		if acc.n > 0 {
			m := acc.sum / float64(acc.n)
			rc.MeanRating = &m
		}
		if acc.compared > 0 {
			o := acc.offsetSum / float64(acc.compared)
			rc.Offset = &o
			switch {
			case o >= RaterGap-epsilon:
				rc.Flag = Lenient
			case o <= -RaterGap+epsilon:
				rc.Flag = Severe
			}
		}
		out = append(out, rc)
	}
	return out
}

func countLevels(r *rubric.Rubric, people []PersonCalibration) []LevelCount {
	counts := make([]LevelCount, len(r.Levels)+1)
	for i, l := range r.Levels {
		counts[i].Level = l.ID
	}
	none := len(r.Levels)
	for _, p := range people {
		if i := r.LevelIndex(p.CurrentLevel); i >= 0 {
			counts[i].Current++
			for _, f := range p.Flags {
				switch f {
				case PromotionReady:
					counts[i].Up++
				case BelowLevel:
					counts[i].Down++
				}
			}
		} else {
			counts[none].Current++
		}
		if i := r.LevelIndex(p.ConsensusFit); i >= 0 {
			counts[i].Consensus++
		} else {
			counts[none].Consensus++
		}
	}
	if counts[none].Current == 0 && counts[none].Consensus == 0 {
		counts = counts[:none]
	}
	return counts
}
