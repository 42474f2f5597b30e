// Package interview is the question flow of ladder assess: the opening
// questions (who, by whom, levels, specialties), then one question per
// criterion of a questionnaire, saving after every answer.
//
// It knows the flow, never the terminal: questions go through a
// prompt.Prompter, so tests drive the whole flow with a scripted one.
package interview

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/prompt"
	"github.com/ladderhq/ladder/report"
	"github.com/ladderhq/ladder/rubric"
)

// Interview asks one assessment's questions.
type Interview struct {
	Rubric   *rubric.Rubric
	Prompter prompt.Prompter
	// Out receives the section headings printed between questions.
	Out   io.Writer
	Style report.Style
	// Save writes the assessment; it is called after every answer.
	Save func() error
	// Evidence asks for an optional note after a rating of 3 or more (or
	// the top of a shorter scale).
	Evidence bool
	// Quick says the questionnaire asks only required and strong
	// criteria; the specialty list counts questions accordingly.
	Quick bool
}

// Known says which opening answers are given already, by flags or by a
// resumed file, and are not asked again.
type Known struct {
	Person, Rater, Role, Current, Target, Specialties bool
}

// Opening asks the opening questions that known does not answer and fills
// the answers into a: who is assessed, in which role and by whom, the
// current and target level, and the specialties.
func (iv *Interview) Opening(a *assess.Assessment, known Known) error {
	if err := iv.OpeningWho(a, known); err != nil {
		return err
	}
	return iv.OpeningScope(a, known)
}

// OpeningWho asks the opening questions about who is assessed and by whom
// (person, role, rater) that known does not answer: what a caller needs to
// know to find an assessment of theirs to resume.
func (iv *Interview) OpeningWho(a *assess.Assessment, known Known) error {
	p := iv.Prompter
	if !known.Person {
		name, err := p.Input("Who is being assessed?",
			"The person's name, as reports should show it. Assessments of one person are kept together under it.",
			a.Person, required("a name"))
		if err != nil {
			return err
		}
		a.Person = strings.TrimSpace(name)
	}
	if !known.Role {
		def := 0
		if known.Rater && a.Rater != a.Person {
			def = 1
		}
		options := []prompt.Option{
			{Label: "self", Description: a.Person + " rates themselves"},
			{Label: "manager", Description: a.Person + "'s manager rates them"},
			{Label: "peer", Description: "someone who works with " + a.Person + " rates them"},
		}
		i, err := p.Select("Who is giving the ratings?",
			"The role is kept with the ratings, so that a team's self, manager and peer views can be compared.",
			options, def)
		if err != nil {
			return err
		}
		a.Role = assess.Roles[i]
	}
	switch {
	case known.Rater:
	case a.Role == assess.Self:
		a.Rater = a.Person
	default:
		name, err := p.Input("Your name (the rater):", "Kept with the ratings as who gave them.", "", required("your name"))
		if err != nil {
			return err
		}
		a.Rater = strings.TrimSpace(name)
	}
	return nil
}

// OpeningScope asks the opening questions about what is assessed (current
// and target level, specialties) that known does not answer.
func (iv *Interview) OpeningScope(a *assess.Assessment, known Known) error {
	p, r := iv.Prompter, iv.Rubric
	if !known.Current {
		id, err := iv.level("Current level:",
			"The level "+a.Person+" holds today, if any. Results compare it with the level the answers fit.",
			"none", "not on this ladder yet", a.CurrentLevel)
		if err != nil {
			return err
		}
		a.CurrentLevel = id
	}
	if !known.Target {
		def := a.TargetLevel
		if def == "" && a.CurrentLevel != "" {
			next := min(r.LevelIndex(a.CurrentLevel)+1, len(r.Levels)-1)
			def = r.Levels[next].ID
		}
		id, err := iv.level("Target level:",
			"The questions go up to the target level; with no target, every level is asked. The result scores every level either way, and resuming later with a higher --target asks what the next levels add.",
			"none", "ask about every level", def)
		if err != nil {
			return err
		}
		a.TargetLevel = id
	}
	if !known.Specialties && len(r.Specialties) > 0 {
		options := make([]prompt.Option, len(r.Specialties))
		var defaults []int
		for i, s := range r.Specialties {
			n := assess.SpecialtyQuestions(r, s.ID, iv.Quick)
			desc := fmt.Sprintf("%d %s", n, plural(n, "question", "questions"))
			if s.Summary != "" {
				desc = s.Summary + " (" + desc + ")"
			}
			options[i] = prompt.Option{Label: s.Title, Description: desc}
			if a.HasSpecialty(s.ID) {
				defaults = append(defaults, i)
			}
		}
		picked, err := p.MultiSelect("Specialties to assess (none is fine):",
			"Each specialty adds its own questions and is scored on its own. Type to filter, Space to choose, Enter when done.",
			options, defaults)
		if err != nil {
			return err
		}
		a.Specialties = a.Specialties[:0]
		for _, i := range picked {
			a.Specialties = append(a.Specialties, r.Specialties[i].ID)
		}
	}
	return nil
}

// level asks for a level, or none; it returns the level's id or "".
func (iv *Interview) level(message, help, none, noneDesc, def string) (string, error) {
	r := iv.Rubric
	options := []prompt.Option{{Label: none, Description: noneDesc}}
	for _, l := range r.Levels {
		desc := l.ID
		if l.Grade > 0 {
			desc = fmt.Sprintf("%s, grade %d", l.ID, l.Grade)
		}
		options = append(options, prompt.Option{Label: l.Title, Description: desc})
	}
	i, err := iv.Prompter.Select(message, help, options, r.LevelIndex(def)+1)
	if err != nil || i == 0 {
		return "", err
	}
	return r.Levels[i-1].ID, nil
}

// errBack is how a question says that the person went back.
var errBack = errors.New("back")

// Ask asks the open steps of q, from the first, and saves after every
// answer. Before each step, what the answers so far settle is recorded
// (assess.Questionnaire.Settle): a question's other criteria, the lower
// rungs an answer meets, and the alternatives it makes moot are not asked.
// Going back shows the earlier answer as the default; going forward skips
// what is answered or settled already (by an earlier --quick session, say).
func (iv *Interview) Ask(a *assess.Assessment, q *assess.Questionnaire) error {
	s := &session{iv: iv, a: a, q: q, withdrawn: map[string]assess.Rating{}}
	if w, changed := q.Settle(a); changed {
		s.keep(w)
		if err := iv.Save(); err != nil {
			return err
		}
	}
	var history []int
	var shown *assess.Section
	for i := q.Next(a, 0); i >= 0; {
		st := q.Steps[i]
		if st.Section != shown {
			iv.heading(a, q, st.Section)
			shown = st.Section
		}
		prev := s.before(i, history)
		err := s.ask(i, prev >= 0)
		if errors.Is(err, errBack) {
			if len(history) > 0 {
				history = history[:len(history)-1]
			}
			i = prev
			continue
		}
		if err != nil {
			return err
		}
		history = append(history, i)
		i = q.Next(a, i+1)
	}
	return nil
}

// session is one run of Ask.
type session struct {
	iv *Interview
	a  *assess.Assessment
	q  *assess.Questionnaire
	// withdrawn keeps the implied ratings an answer took back, for their
	// notes.
	withdrawn map[string]assess.Rating
}

// before is the step "back" returns to from step i: the one asked before
// it in this session, else (a resumed session) the nearest answered step
// before it; -1 when there is none.
func (s *session) before(i int, history []int) int {
	if len(history) > 0 {
		return history[len(history)-1]
	}
	states := s.q.States(s.a)
	for j := i - 1; j >= 0; j-- {
		if states[j] == assess.Answered {
			return j
		}
	}
	return -1
}

func (s *session) keep(withdrawn map[string]assess.Rating) {
	for id, rt := range withdrawn {
		s.withdrawn[id] = rt
	}
}

// commit settles what the answers imply and saves.
func (s *session) commit() error {
	w, _ := s.q.Settle(s.a)
	s.keep(w)
	return s.iv.Save()
}

// record gives every criterion of qu the rating rt, or "can't say" when
// cantSay, each keeping its note.
func (s *session) record(qu *assess.Question, rt assess.Rating, cantSay bool) {
	for _, c := range qu.Criteria() {
		note := ""
		if old, ok := s.a.Ratings[c.ID]; ok {
			note = old.Note
		} else if old, ok := s.a.CantSay[c.ID]; ok {
			note = old
		} else if old, ok := s.withdrawn[c.ID]; ok {
			note = old.Note
		}
		if cantSay {
			s.a.MarkCantSay(c.ID, note)
			continue
		}
		r := rt
		r.Note = note
		s.a.Rate(c.ID, r)
	}
}

// ask asks step i, records and saves the answer.
func (s *session) ask(i int, canGoBack bool) error {
	st := s.q.Steps[i]
	k, n := s.q.Position(s.a, i)
	if st.Checklist() {
		return s.checklist(st, fmt.Sprintf("[%d/%d] ", k, n))
	}
	iv, a := s.iv, s.a
	qu := st.Questions[0]
	c := qu.Criterion
	message := fmt.Sprintf("[%d/%d] %s", k, n, iv.prompt(a, c, true))
	help := iv.help(a, qu, st.Section)
	prev, answered := a.Ratings[c.ID]
	other := a.RatesSomeoneElse()

	var (
		rt      assess.Rating
		cantSay bool
	)
	switch {
	case c.Answer == rubric.YesNo && !other:
		yes, err := iv.Prompter.Confirm(message, help, answered && prev.Value == 1)
		if err != nil {
			return err
		}
		rt = assess.Rating{YesNo: true}
		if yes {
			rt.Value = 1
		}
	default:
		// A scale, or for a manager or peer yes / no / can't say: one
		// list of choices, can't say after the ratings, back last.
		var choices []assess.Rating
		if c.Answer == rubric.YesNo {
			choices = []assess.Rating{{Value: 1, YesNo: true}, {Value: 0, YesNo: true}}
		} else {
			for _, pt := range iv.Rubric.Scale {
				choices = append(choices, assess.Rating{Value: pt.Value})
			}
		}
		options := make([]prompt.Option, 0, len(choices)+2)
		def := len(choices) - 1 // yes/no: no, as a confirmation's default
		if c.Answer != rubric.YesNo {
			def = 0
		}
		for k, ch := range choices {
			options = append(options, iv.option(a, ch))
			if answered && ch.Value == prev.Value {
				def = k
			}
		}
		if other {
			options = append(options, prompt.Option{Label: "-  " + assess.CantSayText,
				Description: "you have not seen enough of " + iv.name(a) + "'s work to judge this"})
			if a.SaysCantSay(c.ID) {
				def = len(choices)
			}
		}
		if canGoBack {
			options = append(options, prompt.Option{Label: "«  back", Description: "to the previous question"})
		}
		k, err := iv.Prompter.Select(message, help, options, def)
		if err != nil {
			return err
		}
		switch {
		case k < len(choices):
			rt = choices[k]
		case other && k == len(choices):
			cantSay = true
		default:
			return errBack
		}
	}
	s.record(qu, rt, cantSay)
	if err := s.commit(); err != nil {
		return err
	}
	if !iv.Evidence || cantSay || rt.YesNo || rt.Value < min(3, iv.Rubric.MaxRating()) {
		return nil
	}
	old := a.Ratings[c.ID].Note
	note, err := iv.Prompter.Input("Evidence (optional; Enter to skip):",
		"A line that backs the rating: a project, a link, a date. It is kept with the rating in the file. Enter keeps what is shown; a single - removes it.",
		old, nil)
	if err != nil {
		return err
	}
	switch note = strings.TrimSpace(note); note {
	case old:
		return nil
	case "-":
		note = ""
	}
	for _, c := range qu.Criteria() {
		rt := a.Ratings[c.ID]
		rt.Note = note
		a.Ratings[c.ID] = rt
	}
	return iv.Save()
}

// checklist asks several yes/no questions as one: the checked ones are yes,
// the others no.
func (s *session) checklist(st *assess.Step, counter string) error {
	iv, a := s.iv, s.a
	options := make([]prompt.Option, len(st.Questions))
	var defaults []int
	var sources []string
	other := a.RatesSomeoneElse()
	unsure := false
	for k, qu := range st.Questions {
		options[k] = prompt.Option{Label: iv.prompt(a, qu.Criterion, false)}
		if rt, ok := a.Ratings[qu.Criterion.ID]; ok && rt.Yes() {
			defaults = append(defaults, k)
		}
		unsure = unsure || a.SaysCantSay(qu.Criterion.ID)
		sources = append(sources, sourcesOf(qu)...)
	}
	message := "Which of these are true for you? Check each one:"
	help := "Each line is a yes/no question: checked is yes, unchecked is no. Space checks a line, Enter when done; typing filters the list."
	if other {
		// The last line turns "unchecked" from no into can't say.
		message = "Which of these are true of " + iv.name(a) + "? Check each one:"
		help = "Each line is a yes/no question: checked is yes, unchecked is no, or can't say when you check the last line. Space checks a line, Enter when done; typing filters the list."
		options = append(options, prompt.Option{Label: "-  " + assess.CantSayText + " for the lines left unchecked",
			Description: "you do not know whether they are true"})
		if unsure {
			defaults = append(defaults, len(st.Questions))
		}
	}
	help += "\n  Section: " + st.Section.Title + ". Source: " + strings.Join(sources, ", ") + "."
	picked, err := iv.Prompter.MultiSelect(counter+message, help, options, defaults)
	if err != nil {
		return err
	}
	yes := map[int]bool{}
	for _, k := range picked {
		yes[k] = true
	}
	cantSay := other && yes[len(st.Questions)]
	for k, qu := range st.Questions {
		rt := assess.Rating{YesNo: true}
		if yes[k] {
			rt.Value = 1
		}
		s.record(qu, rt, cantSay && !yes[k])
	}
	return s.commit()
}

// heading introduces a section with the number of questions it asks: those
// answered and open, as a range when other answers may still settle some.
func (iv *Interview) heading(a *assess.Assessment, q *assess.Questionnaire, s *assess.Section) {
	if iv.Out == nil {
		return
	}
	states := q.States(a)
	least, most := 0, 0
	for i, st := range q.Steps {
		if st.Section != s || states[i] == assess.Settled {
			continue
		}
		most++
		if states[i] == assess.Answered || !st.Conditional() {
			least++
		}
	}
	count := fmt.Sprintf("(%d %s)", most, plural(most, "question", "questions"))
	if least < most {
		count = fmt.Sprintf("(%d to %d questions)", least, most)
	}
	fmt.Fprintf(iv.Out, "\n%s %s\n", iv.Style.Bold("── "+s.Title), iv.Style.Dim(count))
	switch s.Kind {
	case assess.LevelSection:
		fmt.Fprintln(iv.Out, iv.Style.Dim("What this level adds to the ones below it."))
	case assess.NiceToHavesSection:
		fmt.Fprintln(iv.Out, iv.Style.Dim("Reported apart; never part of a score."))
	case assess.SpecialtySection:
		if sp := iv.Rubric.Specialty(s.ID); sp != nil && sp.Summary != "" {
			fmt.Fprintln(iv.Out, iv.Style.Dim(sp.Summary+"."))
		}
	}
}

// sourcesOf lists the source references of a question's criteria, each
// once.
func sourcesOf(qu *assess.Question) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range qu.Criteria() {
		for _, src := range c.Sources {
			if !seen[src] {
				seen[src] = true
				out = append(out, src)
			}
		}
	}
	return out
}

// help is shown on '?': the question's guidance, where it sits, where it
// comes from and, when it rates several parts of the ladder at once,
// which. Never what rating a level expects: the person answers before
// seeing any expectation.
func (iv *Interview) help(a *assess.Assessment, qu *assess.Question, s *assess.Section) string {
	c := qu.Criterion
	var parts []string
	guidance := c.Help
	if a.RatesSomeoneElse() {
		guidance = c.HelpAbout()
	}
	if guidance != "" {
		parts = append(parts, strings.TrimSpace(guidance))
	}
	where := "Section: " + s.Title + "."
	// A stricter rung is asked with its line, in a lower level's section.
	home := iv.Rubric.Levels[0].ID
	if s.Kind == assess.LevelSection {
		home = s.ID
	}
	if c.General() && c.Level != home {
		where += " Applies from " + iv.Rubric.Level(c.Level).Title + " up."
	}
	if src := sourcesOf(qu); len(src) > 0 {
		where += " Source: " + strings.Join(src, ", ") + "."
	}
	parts = append(parts, where)
	var scopes []string
	seen := map[string]bool{}
	for _, c := range qu.Criteria() {
		names := []string{"the levels"}
		if !c.General() {
			names = names[:0]
			for _, id := range c.Specialties {
				names = append(names, iv.Rubric.Specialty(id).Title)
			}
		}
		for _, name := range names {
			if !seen[name] {
				seen[name] = true
				scopes = append(scopes, name)
			}
		}
	}
	if len(scopes) > 1 {
		parts = append(parts, "One answer for: "+strings.Join(scopes, ", ")+".")
	}
	return strings.Join(parts, "\n  ")
}

// prompt is criterion c's question as this rater is asked it: as written
// for a self-assessment, about the person for a manager or peer (named
// when named, else "they": a checklist names them above its lines).
func (iv *Interview) prompt(a *assess.Assessment, c *rubric.Criterion, named bool) string {
	if !a.RatesSomeoneElse() {
		return c.Prompt
	}
	name := ""
	if named {
		name = iv.name(a)
	}
	return c.PromptAbout(name)
}

// option is one choice of a question: a rating with its scale label and
// description (worded about the person for a manager or peer), or yes, or
// no.
func (iv *Interview) option(a *assess.Assessment, rt assess.Rating) prompt.Option {
	if rt.YesNo {
		return prompt.Option{Label: rt.String()}
	}
	for _, pt := range iv.Rubric.Scale {
		if pt.Value == rt.Value {
			desc := pt.Description
			if a.RatesSomeoneElse() {
				desc = pt.DescriptionAbout(iv.name(a))
			}
			return prompt.Option{Label: fmt.Sprintf("%d  %s", pt.Value, pt.Label), Description: desc}
		}
	}
	return prompt.Option{Label: rt.String()}
}

// name is the person's name as the questions show it: on one line, free of
// control characters (a resumed file or a flag may hold any).
func (iv *Interview) name(a *assess.Assessment) string {
	clean := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, a.Person)
	return strings.Join(strings.Fields(clean), " ")
}

func required(what string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("%s is needed", what)
		}
		return nil
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
