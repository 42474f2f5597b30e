package assess

import (
	"sort"

	"github.com/ladderhq/ladder/rubric"
)

// SectionKind says what part of the ladder a section of questions covers.
type SectionKind string

// The kinds of sections, in the order they are asked.
const (
	// Requirements and Responsibilities are the criteria of the lowest
	// level, which every level includes.
	RequirementsSection     SectionKind = "requirements"
	ResponsibilitiesSection SectionKind = "responsibilities"
	// LevelSection is what one higher level adds.
	LevelSection SectionKind = "level"
	// NiceToHavesSection gathers the general nice-to-haves (bonus).
	NiceToHavesSection SectionKind = "nice-to-haves"
	// SpecialtySection is one chosen specialty.
	SpecialtySection SectionKind = "specialty"
)

// Section is a run of questions about one part of the ladder.
type Section struct {
	Kind  SectionKind
	ID    string // the level or specialty; "" for the general sections
	Title string
	Steps []*Step
}

// Question is one thing a person is asked: a criterion's question, whose
// one answer rates that criterion and every other criterion of the
// assessment's scope that asks the same (rubric.Rubric.SameQuestion).
type Question struct {
	// Criterion is the one the question is asked for: its prompt, help,
	// answer type and sources are shown.
	Criterion *rubric.Criterion
	// Shared are the other criteria of the scope the answer rates, in
	// rubric order.
	Shared []*rubric.Criterion
	// Conditional says that another answer may settle this question before
	// it is asked: it is a lower rung of a line, or an alternative of a
	// group.
	Conditional bool
}

// Criteria are the criteria the question's answer rates, the asked one
// first.
func (qu *Question) Criteria() []*rubric.Criterion {
	return append([]*rubric.Criterion{qu.Criterion}, qu.Shared...)
}

// Step is one prompt: a question, or several yes/no nice-to-haves asked as
// one checklist.
type Step struct {
	Questions []*Question
	Section   *Section
}

// Checklist reports whether the step asks several yes/no questions at once.
func (s *Step) Checklist() bool { return len(s.Questions) > 1 }

// Conditional reports whether another answer may settle the step before it
// is asked.
func (s *Step) Conditional() bool {
	for _, qu := range s.Questions {
		if qu.Conditional {
			return true
		}
	}
	return false
}

// QuestionnaireOptions choose what an assessment asks about.
type QuestionnaireOptions struct {
	// Target is the level the person aims at: the levels up to it are
	// asked. "" asks every level.
	Target string
	// Specialties are the chosen specialties, asked in this order.
	Specialties []string
	// Quick asks only required and strong criteria.
	Quick bool
}

// Questionnaire is the ordered list of the steps of an assessment. Its
// layout depends only on the rubric and the options, never on the answers,
// so that an interrupted assessment resumes with the same steps in the same
// order; the answers decide which steps are still open (Next).
type Questionnaire struct {
	Sections []*Section
	Steps    []*Step

	r           *rubric.Rubric
	scope       []*rubric.Criterion // every criterion of the asked levels and specialties, rubric order
	inScope     map[string]bool
	byHeight    []*rubric.Criterion // the scope's superseding criteria, highest level first
	roots       []string            // the questions of the scope, rubric order of their first criterion
	sameInScope map[string][]string // question -> its criteria in the scope
	byRoot      map[string]*Question
}

// NewQuestionnaire lays out the questions: the general requirements and
// responsibilities, what each higher level adds up to the target, the
// nice-to-haves, then each chosen specialty. A question is asked once, in
// the first place any of its criteria would be: a criterion shared by
// several chosen specialties, or asking the same question as another
// (same_as, or the very same words), is asked with the first. A line of
// rungs (supersedes) is asked together, where its lowest rung would be,
// highest rung first: an answer that meets it settles those below. The
// yes/no nice-to-haves of a section are one checklist. Sections left empty
// (by Quick, say) are dropped.
func NewQuestionnaire(r *rubric.Rubric, opt QuestionnaireOptions) *Questionnaire {
	q := &Questionnaire{r: r, inScope: map[string]bool{}, sameInScope: map[string][]string{}, byRoot: map[string]*Question{}}
	levels := LevelsAsked(r, opt.Target)
	if len(levels) == 0 {
		return q
	}
	inLevels := map[string]bool{}
	for _, id := range levels {
		inLevels[id] = true
	}
	chosen := map[string]bool{}
	for _, id := range opt.Specialties {
		if r.Specialty(id) != nil {
			chosen[id] = true
		}
	}
	for i := range r.Criteria {
		c := &r.Criteria[i]
		in := inLevels[c.Level]
		for _, s := range c.Specialties {
			in = in || chosen[s]
		}
		if !in {
			continue
		}
		q.scope = append(q.scope, c)
		q.inScope[c.ID] = true
		root := r.Question(c.ID)
		if len(q.sameInScope[root]) == 0 {
			q.roots = append(q.roots, root)
		}
		q.sameInScope[root] = append(q.sameInScope[root], c.ID)
	}
	q.byHeight = byLevelDown(r, q.scope)

	// Where each asked criterion would go: its section, then rubric order.
	lowest := levels[0]
	var sections []*Section
	sectionOf := map[string]int{}
	place := func(s *Section, keep func(*rubric.Criterion) bool) {
		k := len(sections)
		sections = append(sections, s)
		for _, c := range q.scope {
			if _, done := sectionOf[c.ID]; !done && keep(c) && Asked(c, opt.Quick) {
				sectionOf[c.ID] = k
			}
		}
	}
	place(&Section{Kind: RequirementsSection, Title: "General requirements"}, func(c *rubric.Criterion) bool {
		return c.Level == lowest && !isNiceToHave(c) && c.Kind != rubric.Responsibility
	})
	place(&Section{Kind: ResponsibilitiesSection, Title: "Responsibilities"}, func(c *rubric.Criterion) bool {
		return c.Level == lowest && !isNiceToHave(c) && c.Kind == rubric.Responsibility
	})
	for _, id := range levels[1:] {
		place(&Section{Kind: LevelSection, ID: id, Title: r.Level(id).Title}, func(c *rubric.Criterion) bool {
			return c.Level == id && !isNiceToHave(c)
		})
	}
	place(&Section{Kind: NiceToHavesSection, Title: "Nice-to-haves"}, func(c *rubric.Criterion) bool {
		return inLevels[c.Level] && isNiceToHave(c)
	})
	for _, id := range opt.Specialties {
		if s := r.Specialty(id); s != nil {
			place(&Section{Kind: SpecialtySection, ID: id, Title: s.Title + " (specialty)"}, func(c *rubric.Criterion) bool {
				return c.InSpecialty(id)
			})
		}
	}
	type position struct{ section, index int }
	before := func(a, b position) bool {
		return a.section < b.section || a.section == b.section && a.index < b.index
	}

	// One question per question of the rubric that has an asked criterion,
	// asked for the first of them.
	type placed struct {
		qu     *Question
		at     position
		height int
		line   string   // the first question of its line of rungs
		lineAt position // where its line is asked
	}
	var questions []*placed
	for _, root := range q.roots {
		var p *placed
		for _, id := range q.sameInScope[root] {
			k, asked := sectionOf[id]
			if !asked {
				continue
			}
			at := position{k, r.CriterionIndex(id)}
			if p == nil || before(at, p.at) {
				p = &placed{qu: &Question{Criterion: r.Criterion(id)}, at: at}
			}
		}
		if p == nil {
			continue
		}
		p.height = -1
		for _, id := range q.sameInScope[root] {
			if id != p.qu.Criterion.ID {
				p.qu.Shared = append(p.qu.Shared, r.Criterion(id))
			}
			if c := r.Criterion(id); c.General() {
				p.height = max(p.height, r.LevelIndex(c.Level))
			}
		}
		q.byRoot[root] = p.qu
		questions = append(questions, p)
	}

	// Lines of rungs: questions joined by supersedes go together, at the
	// first place any of them would be, highest rung first.
	line := map[string]string{} // question -> the first question of its line
	var find func(string) string
	find = func(x string) string {
		if p, ok := line[x]; ok && p != x {
			line[x] = find(p)
			return line[x]
		}
		return x
	}
	lower := map[string]bool{}
	for _, c := range q.scope {
		for _, old := range c.Supersedes {
			if !q.inScope[old] {
				continue
			}
			a, b := find(r.Question(c.ID)), find(r.Question(old))
			if a != b {
				line[b] = a
			}
			if r.Question(old) != r.Question(c.ID) {
				lower[r.Question(old)] = true
			}
		}
	}
	lineAt := map[string]position{}
	for _, p := range questions {
		p.line = find(r.Question(p.qu.Criterion.ID))
		if at, ok := lineAt[p.line]; !ok || before(p.at, at) {
			lineAt[p.line] = p.at
		}
	}
	for _, p := range questions {
		p.lineAt = lineAt[p.line]
	}
	sort.SliceStable(questions, func(i, j int) bool {
		a, b := questions[i], questions[j]
		if la, lb := a.lineAt, b.lineAt; la != lb {
			return before(la, lb)
		}
		if a.height != b.height {
			return a.height > b.height
		}
		return before(a.at, b.at)
	})
	inLine := map[string]int{}
	for _, p := range questions {
		inLine[p.line]++
	}

	// Which questions another answer may settle before they are asked: a
	// lower rung, and an alternative of a group that the answers asked
	// before it can already satisfy.
	asked := map[string]int{} // criterion -> the place of its question
	for k, p := range questions {
		for _, c := range p.qu.Criteria() {
			asked[c.ID] = k + 1
		}
	}
	for _, p := range questions {
		// A question is settled when all its criteria are.
		all := true
		for _, c := range p.qu.Criteria() {
			all = all && settleable(r, c, asked)
		}
		p.qu.Conditional = lower[r.Question(p.qu.Criterion.ID)] || all
	}

	// Steps, section by section; a section's yes/no nice-to-haves, when
	// there are several, are one checklist where the first of them would be.
	sectionFor := func(p *placed) int {
		if inLine[p.line] > 1 {
			return p.lineAt.section
		}
		return p.at.section
	}
	checkable := func(p *placed) bool {
		c := p.qu.Criterion
		return c.Answer == rubric.YesNo && isNiceToHave(c) && !p.qu.Conditional
	}
	perSection := map[int]int{}
	for _, p := range questions {
		if checkable(p) {
			perSection[sectionFor(p)]++
		}
	}
	checklist := map[int]*Step{}
	for _, p := range questions {
		k := sectionFor(p)
		s := sections[k]
		if checkable(p) && perSection[k] > 1 {
			if st := checklist[k]; st != nil {
				st.Questions = append(st.Questions, p.qu)
				continue
			}
			checklist[k] = &Step{Questions: []*Question{p.qu}, Section: s}
			s.Steps = append(s.Steps, checklist[k])
			continue
		}
		s.Steps = append(s.Steps, &Step{Questions: []*Question{p.qu}, Section: s})
	}
	for _, s := range sections {
		if len(s.Steps) > 0 {
			q.Sections = append(q.Sections, s)
			q.Steps = append(q.Steps, s.Steps...)
		}
	}
	return q
}

// settleable reports whether a group c belongs to (at any depth) may be
// met by the answers asked before c: it has at least as many criteria
// asked earlier as the fewest answers that can meet it.
func settleable(r *rubric.Rubric, c *rubric.Criterion, asked map[string]int) bool {
	at := asked[c.ID]
	for g := c.Group; g != ""; g = r.GroupByID(g).Group {
		before := 0
		for _, id := range r.GroupCriteria(g) {
			if k := asked[id]; k > 0 && k < at {
				before++
			}
		}
		if before >= fewest(r, g) {
			return true
		}
	}
	return false
}

// fewest is the fewest answers that can meet group g: its min members,
// the cheapest ones.
func fewest(r *rubric.Rubric, g string) int {
	crit, groups := r.Members(g)
	var needs []int
	for range crit {
		needs = append(needs, 1)
	}
	for _, sub := range groups {
		needs = append(needs, fewest(r, sub))
	}
	sort.Ints(needs)
	n := 0
	for _, v := range needs[:r.GroupByID(g).Min] {
		n += v
	}
	return n
}

// LevelsAsked are the levels whose criteria an assessment aiming at target
// asks about: every level up to the target, every level when target is "".
// The levels above the target are scored too, as unanswered; resuming with
// a higher --target asks them.
func LevelsAsked(r *rubric.Rubric, target string) []string {
	last := len(r.Levels) - 1
	if i := r.LevelIndex(target); i >= 0 {
		last = i
	}
	ids := make([]string, 0, last+1)
	for _, l := range r.Levels[:last+1] {
		ids = append(ids, l.ID)
	}
	return ids
}

// Asked reports whether a quick assessment (or a full one) asks about c: a
// quick one asks only what counts most, required and strong criteria.
func Asked(c *rubric.Criterion, quick bool) bool {
	return !quick || c.Strength == rubric.Required || c.Strength == rubric.Strong
}

func isNiceToHave(c *rubric.Criterion) bool {
	return c.Kind == rubric.NiceToHave || c.Strength == rubric.Bonus
}

// SpecialtyQuestions counts the questions specialty id asks on its own (a
// question several of its criteria share counts once), before any answer
// settles some of them.
func SpecialtyQuestions(r *rubric.Rubric, id string, quick bool) int {
	seen := map[string]bool{}
	for _, cid := range r.SpecialtyCriteria(id) {
		if Asked(r.Criterion(cid), quick) {
			seen[r.Question(cid)] = true
		}
	}
	return len(seen)
}

// Scope reports whether criterion id belongs to the questionnaire's levels
// or specialties, asked or not (a quick one leaves some out).
func (q *Questionnaire) Scope(id string) bool { return q.inScope[id] }

// settled reports whether every criterion of qu has a rating or a "can't
// say", or is moot.
func settled(a *Assessment, qu *Question, moot map[string]bool) bool {
	for _, c := range qu.Criteria() {
		if !a.Responded(c.ID) && !moot[c.ID] {
			return false
		}
	}
	return true
}

// given reports whether the rater answered qu (rather than an answer
// settling it): a rating, or "can't say".
func given(a *Assessment, qu *Question) bool {
	for _, c := range qu.Criteria() {
		if rt, ok := a.Ratings[c.ID]; ok && rt.Implied == "" || a.SaysCantSay(c.ID) {
			return true
		}
	}
	return false
}

// StepState is where a step stands.
type StepState int

// The states of a step.
const (
	// Open: still to ask.
	Open StepState = iota
	// Answered: the rater answered it (a "can't say" too).
	Answered
	// Settled: other answers settled it (an implied rung, a moot
	// alternative); it is not asked.
	Settled
)

// States says where each step stands with a's answers.
func (q *Questionnaire) States(a *Assessment) []StepState {
	moot := Moot(q.r, a)
	out := make([]StepState, len(q.Steps))
	for i, st := range q.Steps {
		done, answered := true, true
		for _, qu := range st.Questions {
			done = done && settled(a, qu, moot)
			answered = answered && given(a, qu)
		}
		switch {
		case !done:
			out[i] = Open
		case answered:
			out[i] = Answered
		default:
			out[i] = Settled
		}
	}
	return out
}

// Next is the first open step from step from on, coming round to the start
// when there is none after it (going back and changing an answer can reopen
// an earlier step); -1 when none is open.
func (q *Questionnaire) Next(a *Assessment, from int) int {
	states := q.States(a)
	for k := range states {
		i := (from + k) % len(states)
		if states[i] == Open {
			return i
		}
	}
	return -1
}

// Progress counts the steps the rater has answered and those still open;
// steps other answers settled count in neither.
func (q *Questionnaire) Progress(a *Assessment) (answered, open int) {
	for _, s := range q.States(a) {
		switch s {
		case Answered:
			answered++
		case Open:
			open++
		}
	}
	return answered, open
}

// Open counts the steps still to ask: at most every open step, at least
// those no other answer can settle first.
func (q *Questionnaire) Open(a *Assessment) (least, most int) {
	for i, s := range q.States(a) {
		if s == Open {
			most++
			if !q.Steps[i].Conditional() {
				least++
			}
		}
	}
	return least, most
}

// Position numbers step i among the steps the rater answers: its number,
// one after the steps answered before it, and how many there are, answered
// and open (counting step i even when other answers settled it).
func (q *Questionnaire) Position(a *Assessment, i int) (number, of int) {
	number = 1
	for j, st := range q.States(a) {
		if st == Answered && j < i {
			number++
		}
		if st != Settled || j == i {
			of++
		}
	}
	return number, of
}
