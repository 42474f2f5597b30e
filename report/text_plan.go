package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/rubric"
)

// PlanOptions tune the plan for a terminal.
type PlanOptions struct {
	// AskMore is the command that asks what the level above the
	// assessment's target adds, and AskMoreCount how many questions that
	// is; "" says nothing of it.
	AskMore, AskMoreCount string
}

// RenderPlan writes a plan for a terminal or a pipe: where the target
// stands, rung by rung, then every item in the order to work on them
// (required first, then by how much each would add).
func RenderPlan(w io.Writer, r *rubric.Rubric, p *assess.Plan, style Style, opt PlanOptions) error {
	pr := &printer{w: w, width: style.lineWidth()}
	a := p.Result.Assessment
	target := levelTitle(r, p.Target)
	pr.line("%s  %s", style.Bold(a.Person), style.Dim(RaterLine(a)))
	pr.line("")
	st := planStanding(r, p, false)
	st.AskMore, st.AskMoreCount = opt.AskMore, opt.AskMoreCount
	st.write(pr, style)
	pr.line("")
	pr.line("%s", style.wrap(planSummary(r, p), "", ""))
	pr.line("")

	t := newTable(style, "Part", "Score", "Verdict", "Open items", "Required").alignRight(1, 3, 4)
	verdict := verdictText(style, p.Level.Verdict)
	if !st.TargetAsked {
		verdict = style.Dim("not asked")
	}
	t.row(target+" (target)", percent(p.Level.Score), verdict, fmt.Sprint(len(p.LevelItems())), fmt.Sprint(countRequired(p.LevelItems())))
	for _, rg := range p.Level.Rungs {
		items := p.RungItems(rg.Level)
		t.row("rung: "+rungTitle(r, rg.Level), percent(rg.Score), "", fmt.Sprint(len(items)), fmt.Sprint(countRequired(items)))
	}
	for _, s := range p.Specialties {
		items := p.SpecialtyItems(s.ID)
		t.row(specialtyTitle(r, s.ID)+" specialty", percent(s.Score), verdictText(style, s.Verdict), fmt.Sprint(len(items)), fmt.Sprint(countRequired(items)))
	}
	pr.table(t)

	section := func(title string, items []assess.PlanItem) {
		if len(items) == 0 {
			return
		}
		pr.line("")
		pr.line("%s", style.Bold(title))
		for i, it := range items {
			planItemText(pr, r, a, style, i+1, it)
		}
	}
	section(levelSectionTitle(r, p), p.LevelItems())
	for _, s := range p.Specialties {
		section(fmt.Sprintf("%s specialty: %s, %s", specialtyTitle(r, s.ID), s.Verdict, percent(s.Score)), p.SpecialtyItems(s.ID))
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

// planStanding is where the plan's assessment stands, against the plan's
// target and specialties; shared says it goes on a page for others.
func planStanding(r *rubric.Rubric, p *assess.Plan, shared bool) standing {
	return newStanding(r, p.Result, p.Target, p.Reason, p.Specialties, shared)
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
	target := levelTitle(r, p.Target)
	if p.Met() {
		return "Still open at " + target + " (not needed for the verdict)"
	}
	return "To reach " + target + ", in order"
}

// planItemText writes one item: the question, then what it takes, then
// where it comes from and the person's own note.
func planItemText(pr *printer, r *rubric.Rubric, a *assess.Assessment, style Style, n int, it assess.PlanItem) {
	indent := "     "
	pr.line("%s", style.wrap(unitTitle(r, a, it.Unit), fmt.Sprintf("%3d. ", n), indent))
	facts := []Styled{strengthTag(style, it.Strength)}
	if rung := it.Rung(); rung != "" {
		facts = append(facts, safe("rung: "+rungTitle(r, rung)))
	}
	if it.Group != "" {
		facts = append(facts, styledf("%d of %d needed met", it.Metc, it.Min))
	} else {
		c := it.Criteria[0]
		facts = append(facts, safe("now "+answerText(r, c)), safe("expected "+expectedText(r, c)))
	}
	facts = append(facts, safe(gainText(it)))
	pr.line("%s", style.wrapItems(facts, " · ", indent, indent))
	ref := unitID(it.Unit)
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
			pr.line("%s", style.wrap(question(r, a, c.ID), indent+"  "+mark+" ", indent+"    "))
			pr.line("%s    %s", indent, style.Dim("(now "+answerText(r, c)+", expected "+expectedText(r, c)+")"))
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
	return "+" + gainPoints(it.Gain) + " points to " + gainWhere(it)
}
