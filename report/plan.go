package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/rubric"
)

// PlanJSON is the data form of a plan.
type PlanJSON struct {
	Person      string              `json:"person" yaml:"person"`
	Rater       string              `json:"rater" yaml:"rater"`
	Role        string              `json:"role" yaml:"role"`
	Rubric      assess.RubricRef    `json:"rubric" yaml:"rubric"`
	FitLevel    *string             `json:"fit_level" yaml:"fit_level"`
	Target      PlanTargetJSON      `json:"target" yaml:"target"`
	Specialties []PlanSpecialtyJSON `json:"specialties" yaml:"specialties"`
	Items       []PlanItemJSON      `json:"items" yaml:"items"`
}

// PlanTargetJSON is the level a plan aims at and where it stands now.
type PlanTargetJSON struct {
	Level   string     `json:"level" yaml:"level"`
	Reason  string     `json:"reason" yaml:"reason"`
	Score   float64    `json:"score" yaml:"score"`
	Verdict string     `json:"verdict" yaml:"verdict"`
	Met     bool       `json:"met" yaml:"met"`
	Rungs   []RungJSON `json:"rungs" yaml:"rungs"`
}

// PlanSpecialtyJSON is a specialty the plan covers.
type PlanSpecialtyJSON struct {
	ID      string  `json:"id" yaml:"id"`
	Score   float64 `json:"score" yaml:"score"`
	Verdict string  `json:"verdict" yaml:"verdict"`
	Met     bool    `json:"met" yaml:"met"`
}

// PlanItemJSON is one item of a plan. For a criterion, rating is the rating
// given (a number, "yes"/"no", or null when unanswered) and expected the
// one the target expects; for a group they are null, met/min count its
// members, and members lists every criterion under it.
type PlanItemJSON struct {
	Target    string           `json:"target" yaml:"target"`
	Specialty bool             `json:"specialty" yaml:"specialty"`
	Rung      *string          `json:"rung" yaml:"rung"`
	Criterion *string          `json:"criterion" yaml:"criterion"`
	Group     *string          `json:"group" yaml:"group"`
	Question  string           `json:"question" yaml:"question"`
	Strength  string           `json:"strength" yaml:"strength"`
	Required  bool             `json:"required" yaml:"required"`
	Rating    any              `json:"rating" yaml:"rating"`
	Expected  any              `json:"expected" yaml:"expected"`
	Met       *int             `json:"met,omitempty" yaml:"met,omitempty"`
	Min       *int             `json:"min,omitempty" yaml:"min,omitempty"`
	Gain      float64          `json:"gain" yaml:"gain"`
	Sources   []string         `json:"sources" yaml:"sources"`
	Note      string           `json:"note,omitempty" yaml:"note,omitempty"`
	Members   []PlanMemberJSON `json:"members,omitempty" yaml:"members,omitempty"`
}

// PlanMemberJSON is one criterion under a group item.
type PlanMemberJSON struct {
	Criterion string `json:"criterion" yaml:"criterion"`
	Question  string `json:"question" yaml:"question"`
	Rating    any    `json:"rating" yaml:"rating"`
	Expected  any    `json:"expected" yaml:"expected"`
	Met       bool   `json:"met" yaml:"met"`
	Note      string `json:"note,omitempty" yaml:"note,omitempty"`
}

// NewPlanJSON converts a plan to its data form.
func NewPlanJSON(r *rubric.Rubric, p *assess.Plan) PlanJSON {
	a := p.Result.Assessment
	out := PlanJSON{
		Person: a.Person, Rater: a.Rater, Role: string(a.Role), Rubric: a.Rubric,
		Target: PlanTargetJSON{Level: p.Target, Reason: string(p.Reason), Score: Round2(p.Level.Score),
			Verdict: string(p.Level.Verdict), Met: p.Met(), Rungs: []RungJSON{}},
		Specialties: []PlanSpecialtyJSON{},
		Items:       []PlanItemJSON{},
	}
	if p.Result.FitLevel != "" {
		fit := p.Result.FitLevel
		out.FitLevel = &fit
	}
	for _, rg := range p.Level.Rungs {
		out.Target.Rungs = append(out.Target.Rungs, RungJSON{Level: rg.Level, Score: Round2(rg.Score)})
	}
	for _, t := range p.Specialties {
		out.Specialties = append(out.Specialties, PlanSpecialtyJSON{ID: t.ID, Score: Round2(t.Score), Verdict: string(t.Verdict), Met: t.Verdict == assess.Meets})
	}
	for _, it := range p.Items {
		j := PlanItemJSON{Target: it.Target, Specialty: it.Specialty, Question: UnitTitle(r, it.Unit),
			Strength: string(it.Strength), Required: it.Required(), Gain: Round2(it.Gain), Sources: nonNil(it.Sources)}
		if rung := it.Rung(); rung != "" {
			j.Rung = &rung
		}
		if it.Group != "" {
			group, met, min := it.Group, it.Metc, it.Min
			j.Group, j.Met, j.Min = &group, &met, &min
			for _, c := range it.Criteria {
				m := PlanMemberJSON{Criterion: c.ID, Question: r.Criterion(c.ID).Prompt, Rating: RatingValue(c), Expected: ExpectedValue(c), Met: c.Met}
				if c.Rating != nil {
					m.Note = c.Rating.Note
				}
				j.Members = append(j.Members, m)
			}
		} else {
			c := it.Criteria[0]
			id := c.ID
			j.Criterion = &id
			j.Rating, j.Expected = RatingValue(c), ExpectedValue(c)
			if c.Rating != nil {
				j.Note = c.Rating.Note
			}
		}
		out.Items = append(out.Items, j)
	}
	return out
}

// RenderPlan writes a plan for a terminal or a pipe: where the target
// stands, rung by rung, then every item in the order to work on them
// (required first, then by how much each would add).
func RenderPlan(w io.Writer, r *rubric.Rubric, p *assess.Plan, style Style) error {
	pr := &printer{w: w, width: style.lineWidth()}
	a := p.Result.Assessment
	target := LevelTitle(r, p.Target)
	pr.line("%s  %s", style.Bold(a.Person), style.Dim(RaterLine(a)))
	pr.line("Fit level: %s", fitText(r, p.Result))
	pr.line("Target: %s", style.Bold(target))
	pr.line("%s", style.dimText(style.wrap("("+targetReasonText(r, p)+")", "  ", "  ")))
	pr.line("")
	pr.line("%s", style.wrap(planSummary(r, p), "", ""))
	pr.line("")

	t := NewTable(style, "Part", "Score", "Verdict", "Open items", "Required").AlignRight(1, 3, 4)
	t.Row(target, Percent(p.Level.Score), VerdictText(style, p.Level.Verdict), fmt.Sprint(len(p.LevelItems())), fmt.Sprint(countRequired(p.LevelItems())))
	for _, rg := range p.Level.Rungs {
		items := p.RungItems(rg.Level)
		t.Row("rung: "+rg.Level, Percent(rg.Score), "", fmt.Sprint(len(items)), fmt.Sprint(countRequired(items)))
	}
	for _, s := range p.Specialties {
		items := p.SpecialtyItems(s.ID)
		t.Row(SpecialtyTitle(r, s.ID)+" specialty", Percent(s.Score), VerdictText(style, s.Verdict), fmt.Sprint(len(items)), fmt.Sprint(countRequired(items)))
	}
	pr.table(t)

	section := func(title string, items []assess.PlanItem) {
		if len(items) == 0 {
			return
		}
		pr.line("")
		pr.line("%s", style.Bold(title))
		for i, it := range items {
			planItemText(pr, r, style, i+1, it)
		}
	}
	section(levelSectionTitle(r, p), p.LevelItems())
	for _, s := range p.Specialties {
		section(fmt.Sprintf("%s specialty: %s, %s", SpecialtyTitle(r, s.ID), s.Verdict, Percent(s.Score)), p.SpecialtyItems(s.ID))
	}
	var left []string
	for _, id := range a.Specialties {
		if !planHasSpecialty(p, id) {
			left = append(left, "--specialty "+id)
		}
	}
	if len(left) > 0 {
		pr.line("")
		pr.line("%s", style.dimText(style.wrap("The assessment names specialties this plan leaves out; add "+strings.Join(left, " ")+" for their gaps.", "", "")))
	}
	return pr.err
}

func planHasSpecialty(p *assess.Plan, id string) bool {
	for _, s := range p.Specialties {
		if s.ID == id {
			return true
		}
	}
	return false
}

func levelSectionTitle(r *rubric.Rubric, p *assess.Plan) string {
	target := LevelTitle(r, p.Target)
	if p.Met() {
		return "Still open at " + target + " (not needed for the verdict)"
	}
	return "To reach " + target + ", in order"
}

func countRequired(items []assess.PlanItem) int {
	n := 0
	for _, it := range items {
		if it.Required() {
			n++
		}
	}
	return n
}

func fitText(r *rubric.Rubric, res *assess.Result) string {
	if res.FitLevel == "" {
		return "none yet (" + r.Levels[0].Title + " is not met)"
	}
	return LevelTitle(r, res.FitLevel)
}

// planSummary says in a sentence or two where the plan stands.
func planSummary(r *rubric.Rubric, p *assess.Plan) string {
	target := LevelTitle(r, p.Target)
	n := len(p.LevelItems())
	var b strings.Builder
	if p.Met() {
		fmt.Fprintf(&b, "%s is met already (%s).", target, Percent(p.Level.Score))
		if p.Reason == assess.TargetTop {
			b.WriteString(" It is the top of the ladder: nothing stands in the way.")
		} else if n == 0 {
			b.WriteString(" Nothing stands in the way.")
		}
		if n > 0 {
			fmt.Fprintf(&b, " %d %s still open, none needed for the verdict.", n, plural(n, "item is", "items are"))
		}
	} else {
		req := countRequired(p.LevelItems())
		fmt.Fprintf(&b, "%s: %s, %s (%s). %d %s between this assessment and %s, %s.",
			target, verdictWords(p.Level.Verdict), Percent(p.Level.Score), MeetsRule(r), n, plural(n, "item stands", "items stand"), target, requiredText(req))
	}
	for _, s := range p.Specialties {
		items := p.SpecialtyItems(s.ID)
		if s.Verdict == assess.Meets {
			fmt.Fprintf(&b, " %s specialty: met (%s)", SpecialtyTitle(r, s.ID), Percent(s.Score))
			if len(items) > 0 {
				fmt.Fprintf(&b, ", %d still open", len(items))
			}
			b.WriteString(".")
			continue
		}
		fmt.Fprintf(&b, " %s specialty: %s, %s, %d %s, %s.", SpecialtyTitle(r, s.ID), verdictWords(s.Verdict), Percent(s.Score),
			len(items), plural(len(items), "item", "items"), requiredText(countRequired(items)))
	}
	return b.String()
}

func requiredText(n int) string {
	switch n {
	case 0:
		return "none of them required"
	case 1:
		return "1 of them required"
	}
	return fmt.Sprintf("%d of them required", n)
}

// planItemText writes one item: the question, then what it takes, then
// where it comes from and the person's own note.
func planItemText(pr *printer, r *rubric.Rubric, style Style, n int, it assess.PlanItem) {
	indent := "     "
	pr.line("%s", style.wrap(UnitTitle(r, it.Unit), fmt.Sprintf("%3d. ", n), indent))
	facts := []Styled{strengthTag(style, it.Strength)}
	if rung := it.Rung(); rung != "" {
		facts = append(facts, safe(rung+" rung"))
	}
	if it.Group != "" {
		facts = append(facts, styledf("%d of %d needed met", it.Metc, it.Min))
	} else {
		c := it.Criteria[0]
		facts = append(facts, safe("now "+RatingText(r, c.Rating)), safe("expected "+ExpectedText(r, c)))
	}
	facts = append(facts, safe(gainText(it)))
	pr.line("%s", style.wrapItems(facts, " · ", indent, indent))
	ref := UnitID(it.Unit)
	if len(it.Sources) > 0 {
		ref += " · source: " + strings.Join(it.Sources, "; ")
	}
	pr.line("%s", style.dimText(style.wrap(ref, indent, indent)))
	if it.Group != "" {
		for _, c := range it.Criteria {
			mark := "-"
			if c.Met {
				mark = "✓"
			}
			pr.line("%s", style.wrap(r.Criterion(c.ID).Prompt, indent+"  "+mark+" ", indent+"    "))
			pr.line("%s    %s", indent, style.Dim("(now "+RatingText(r, c.Rating)+", expected "+ExpectedText(r, c)+")"))
			if c.Rating != nil && c.Rating.Note != "" {
				pr.line("%s", style.wrap("Note: "+oneLine(c.Rating.Note), indent+"    ", indent+"      "))
			}
		}
		return
	}
	if rt := it.Criteria[0].Rating; rt != nil && rt.Note != "" {
		pr.line("%s", style.wrap("Note: "+oneLine(rt.Note), indent, indent+"  "))
	}
}

func gainText(it assess.PlanItem) string {
	return "+" + Points(it.Gain) + " points to " + gainWhere(it)
}

// RenderPlanMarkdown writes a plan as a growth plan to paste into an issue:
// a title, a short summary, and one checkbox per item, grouped by rung and
// specialty, each with an "Evidence:" line to fill in.
func RenderPlanMarkdown(w io.Writer, r *rubric.Rubric, p *assess.Plan) error {
	pr := &printer{w: w}
	a := p.Result.Assessment
	target := LevelTitle(r, p.Target)
	pr.line("# Growth plan: %s → %s", md(a.Person), md(target))
	pr.line("")
	pr.line("%s, against *%s* (version %s). Fit level now: **%s**. Target: **%s** (%s).",
		md(AssessmentLine(a)), md(r.Title), md(r.Version), md(fitText(r, p.Result)), md(target), md(targetReasonText(r, p)))
	pr.line("")
	pr.line("%s", md(planSummary(r, p)))
	pr.line("")
	pr.line("Items are in the order to work on them: required first, then by how much each would add to its rung's score. "+
		"Ratings use the scale %s.", md(scaleText(r)))
	for _, rg := range p.Level.Rungs {
		items := p.RungItems(rg.Level)
		if len(items) == 0 {
			continue
		}
		pr.line("")
		pr.line("## %s rung (%s now, %d %s)", md(LevelTitle(r, rg.Level)), Percent(rg.Score), len(items), plural(len(items), "item", "items"))
		for _, it := range items {
			planItemMarkdown(pr, r, it)
		}
	}
	for _, s := range p.Specialties {
		items := p.SpecialtyItems(s.ID)
		pr.line("")
		pr.line("## %s specialty (%s, %s now, %d %s)", md(SpecialtyTitle(r, s.ID)), s.Verdict, Percent(s.Score), len(items), plural(len(items), "item", "items"))
		if len(items) == 0 {
			pr.line("")
			pr.line("Nothing open.")
		}
		for _, it := range items {
			planItemMarkdown(pr, r, it)
		}
	}
	if len(p.Items) == 0 {
		pr.line("")
		pr.line("Nothing is open: every item of %s is met.", md(target))
	}
	return pr.err
}

func planItemMarkdown(pr *printer, r *rubric.Rubric, it assess.PlanItem) {
	pr.line("")
	pr.line("- [ ] **%s**", md(UnitTitle(r, it.Unit)))
	if it.Group != "" {
		pr.line("  - %s · `%s` · %d of %d needed met · +%s points to %s", it.Strength, it.Group, it.Metc, it.Min, Points(it.Gain), gainWhere(it))
		for _, c := range it.Criteria {
			mark := "[ ]"
			if c.Met {
				mark = "[x]"
			}
			pr.line("    - %s %s (`%s`: now %s, expected %s)", mark, md(r.Criterion(c.ID).Prompt), c.ID, md(RatingText(r, c.Rating)), md(ExpectedText(r, c)))
			if c.Rating != nil && c.Rating.Note != "" {
				pr.line("      - Note: %s", md(c.Rating.Note))
			}
		}
	} else {
		c := it.Criteria[0]
		pr.line("  - %s · `%s` · now %s, expected %s · +%s points to %s", it.Strength, c.ID, md(RatingText(r, c.Rating)), md(ExpectedText(r, c)), Points(it.Gain), gainWhere(it))
		if c.Rating != nil && c.Rating.Note != "" {
			pr.line("  - Note: %s", md(c.Rating.Note))
		}
	}
	if len(it.Sources) > 0 {
		pr.line("  - Job-family page: %s", md(strings.Join(it.Sources, "; ")))
	}
	pr.line("  - Evidence:")
}

func gainWhere(it assess.PlanItem) string {
	if it.Specialty {
		return "the specialty"
	}
	return "the rung"
}

func scaleText(r *rubric.Rubric) string {
	parts := make([]string, len(r.Scale))
	for i, s := range r.Scale {
		parts[i] = fmt.Sprintf("%d %s", s.Value, s.Label)
	}
	return strings.Join(parts, ", ")
}

// AssessmentLine names an assessment in a sentence: "Self-assessment of Ada
// Lovelace, 2026-11-24" or "Assessment of Jo Park by Mina Chu (manager),
// 2026-11-20".
func AssessmentLine(a *assess.Assessment) string {
	s := "Self-assessment of " + a.Person
	if a.Role != assess.Self || a.Rater != a.Person {
		s = fmt.Sprintf("Assessment of %s by %s (%s)", a.Person, a.Rater, a.Role)
	}
	if !a.Updated.IsZero() {
		s += ", " + a.Updated.UTC().Format("2006-01-02")
	}
	return s
}
