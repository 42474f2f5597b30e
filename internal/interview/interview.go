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
	p, r := iv.Prompter, iv.Rubric
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
			"The questions go up to one level above the target, so that you see what the next step asks too; with no target, every level is asked. The result scores every level either way.",
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

// Ask asks the questions of q, starting at the first one a has no answer
// for, and saves after every answer. Going back shows the earlier answer
// as the default; going forward past where this session has been skips
// questions answered already (by an earlier, --quick session, say).
func (iv *Interview) Ask(a *assess.Assessment, q *assess.Questionnaire) error {
	n := len(q.Questions)
	i := q.FirstUnanswered(a)
	reached := i
	var shown *assess.Section
	samePrompt := iv.samePrompts()
	for i < n {
		qu := q.Questions[i]
		if qu.Section != shown {
			iv.heading(q, qu.Section)
			shown = qu.Section
		}
		err := iv.ask(a, q, i, samePrompt)
		if errors.Is(err, errBack) {
			i--
			continue
		}
		if err != nil {
			return err
		}
		i++
		if i > reached {
			for i < n && a.Answered(q.Questions[i].Criterion.ID) {
				i++
			}
			reached = i
		}
	}
	return nil
}

// heading introduces a section.
func (iv *Interview) heading(q *assess.Questionnaire, s *assess.Section) {
	if iv.Out == nil {
		return
	}
	n := len(s.Criteria)
	fmt.Fprintf(iv.Out, "\n%s %s\n", iv.Style.Bold("── "+s.Title), iv.Style.Dim(fmt.Sprintf("(%d %s)", n, plural(n, "question", "questions"))))
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

// samePrompts maps each prompt text to the criteria that ask it, for the
// prompts that more than one criterion shares.
func (iv *Interview) samePrompts() map[string][]string {
	all := map[string][]string{}
	for _, c := range iv.Rubric.Criteria {
		all[c.Prompt] = append(all[c.Prompt], c.ID)
	}
	for p, ids := range all {
		if len(ids) < 2 {
			delete(all, p)
		}
	}
	return all
}

// earlier is the answer to use as a question's default: its own, else the
// answer to another criterion with the very same question.
func (iv *Interview) earlier(a *assess.Assessment, c *rubric.Criterion, same map[string][]string) (assess.Rating, bool) {
	if rt, ok := a.Ratings[c.ID]; ok {
		return rt, true
	}
	for _, id := range same[c.Prompt] {
		other := iv.Rubric.Criterion(id)
		if rt, ok := a.Ratings[id]; ok && other.Answer == c.Answer {
			return assess.Rating{Value: rt.Value, YesNo: rt.YesNo}, true
		}
	}
	return assess.Rating{}, false
}

// ask asks question i and records and saves the answer.
func (iv *Interview) ask(a *assess.Assessment, q *assess.Questionnaire, i int, same map[string][]string) error {
	qu := q.Questions[i]
	c := qu.Criterion
	message := fmt.Sprintf("[%d/%d] %s", i+1, len(q.Questions), c.Prompt)
	help := iv.help(qu)
	prev, answered := iv.earlier(a, c, same)

	var rt assess.Rating
	if c.Answer == rubric.YesNo {
		yes, err := iv.Prompter.Confirm(message, help, answered && prev.Value == 1)
		if err != nil {
			return err
		}
		rt = assess.Rating{YesNo: true}
		if yes {
			rt.Value = 1
		}
	} else {
		scale := iv.Rubric.Scale
		options := make([]prompt.Option, 0, len(scale)+1)
		def := 0
		for k, pt := range scale {
			options = append(options, prompt.Option{Label: fmt.Sprintf("%d  %s", pt.Value, pt.Label), Description: pt.Description})
			if answered && pt.Value == prev.Value {
				def = k
			}
		}
		if i > 0 {
			options = append(options, prompt.Option{Label: "«  back", Description: "to the previous question"})
		}
		k, err := iv.Prompter.Select(message, help, options, def)
		if err != nil {
			return err
		}
		if k == len(scale) {
			return errBack
		}
		rt = assess.Rating{Value: scale[k].Value}
	}
	if old, ok := a.Ratings[c.ID]; ok {
		rt.Note = old.Note
	}
	a.Ratings[c.ID] = rt
	if err := iv.Save(); err != nil {
		return err
	}
	if !iv.Evidence || rt.YesNo || rt.Value < min(3, iv.Rubric.MaxRating()) {
		return nil
	}
	note, err := iv.Prompter.Input("Evidence (optional; Enter to skip):",
		"A line that backs the rating: a project, a link, a date. It is kept with the rating in the file. Enter keeps what is shown; a single - removes it.",
		rt.Note, nil)
	if err != nil {
		return err
	}
	switch note = strings.TrimSpace(note); note {
	case rt.Note:
		return nil
	case "-":
		note = ""
	}
	rt.Note = note
	a.Ratings[c.ID] = rt
	return iv.Save()
}

// help is shown on '?': the criterion's guidance, where it sits and where
// it comes from. Never what rating a level expects: the person answers
// before seeing any expectation.
func (iv *Interview) help(qu assess.Question) string {
	c := qu.Criterion
	var parts []string
	if c.Help != "" {
		parts = append(parts, strings.TrimSpace(c.Help))
	}
	where := "Section: " + qu.Section.Title + "."
	if len(c.Sources) > 0 {
		where += " Source: " + strings.Join(c.Sources, ", ") + "."
	}
	parts = append(parts, where)
	return strings.Join(parts, "\n  ")
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
