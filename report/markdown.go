package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/termtext"
	"github.com/ladderhq/ladder/rubric"
)

// md makes text, which a user may have written, safe to put anywhere in a
// line of Markdown: line breaks fold into spaces (so nothing can end a
// table row or start a heading), control characters are neutralised as
// for a terminal (Markdown is often read in one), and every character that
// could start markup is escaped with a backslash: emphasis, code, links
// and images, raw HTML and entities, table cells, headings, and a list or
// quote marker at the start. It is ladder's only Markdown escaper.
func md(text string) string {
	text = strings.Join(strings.Fields(termtext.Safe(text)), " ")
	var b strings.Builder
	b.Grow(len(text) + 8)
	for i, r := range text {
		switch r {
		case '<':
			b.WriteString("&lt;")
			continue
		case '>':
			b.WriteString("&gt;")
			continue
		case '&':
			b.WriteString("&amp;")
			continue
		case '\\', '`', '*', '_', '[', ']', '|', '#', '~':
			b.WriteByte('\\')
		case '-', '+', '=':
			// At the start, "- item" and "+ item" would open a list, and a
			// line of --- or === alone a heading or a rule (a lone "-",
			// ladder's "none", is left as it is).
			if i == 0 && (strings.HasPrefix(text[1:], " ") || len(text) > 1 && strings.Trim(text, string(r)+" ") == "") {
				b.WriteByte('\\')
			}
		case '.', ')':
			// So would "1. item" or "1) item".
			if isDigits(text[:i]) && i > 0 && strings.HasPrefix(text[i+1:], " ") {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// mdCode puts text in a code span that no backtick inside it can close.
func mdCode(text string) string {
	text = strings.Join(strings.Fields(termtext.Safe(text)), " ")
	fence := "`"
	for strings.Contains(text, fence) {
		fence += "`"
	}
	if strings.HasPrefix(text, "`") || strings.HasSuffix(text, "`") {
		text = " " + text + " "
	}
	return fence + text + fence
}

// mdTable writes a Markdown table; right lists the right-aligned columns.
// Every cell is escaped.
func mdTable(p *printer, header []string, right []int, rows [][]any) {
	isRight := map[int]bool{}
	for _, i := range right {
		isRight[i] = true
	}
	p.line("| %s |", strings.Join(mdCells(header), " | "))
	rule := make([]string, len(header))
	for i := range rule {
		rule[i] = "---"
		if isRight[i] {
			rule[i] = "--:"
		}
	}
	p.line("| %s |", strings.Join(rule, " | "))
	for _, row := range rows {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = fmt.Sprint(styled(c))
		}
		p.line("| %s |", Styled(strings.Join(mdCells(cells), " | ")))
	}
}

func mdCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = md(c)
	}
	return out
}

// RenderMarkdown writes the report as Markdown: the same sections as the
// HTML page, with text bars for the charts, ready for an issue or a wiki.
func RenderMarkdown(w io.Writer, pg *Page) error {
	pr := &printer{w: w}
	pr.line("# Career ladder report: %s", md(pg.Person))
	pr.line("")
	pr.line("%s, against *%s* (version %s).", md(pg.Assessed), md(pg.Rubric), md(pg.Version))
	pr.line("")
	pr.line("**%s**", md(strings.Join(pg.Summary, " ")))
	pr.line("")
	for _, c := range pg.Cards {
		detail := ""
		if c.Detail != "" {
			detail = " (" + md(c.Detail) + ")"
		}
		pr.line("- %s: **%s**%s", md(c.Label), md(c.Value), detail)
	}

	if len(pg.Reasons) > 0 {
		pr.line("")
		pr.line("## What holds the verdicts back")
		pr.line("")
		for _, rs := range pg.Reasons {
			pr.line("- **%s.** %s", md(rs.About), md(rs.Why))
		}
	}

	pr.line("")
	pr.line("## Levels")
	pr.line("")
	pr.line("A level is only as strong as its weakest rung (the items each level introduces, scored with this level's expectations). It meets at %s with every required item met.", pg.Meets)
	pr.line("")
	pr.line("| Level | Score | | Verdict | Rungs |")
	pr.line("| --- | --- | ---: | --- | --- |")
	for _, l := range pg.Levels {
		var rungs []string
		for _, rg := range l.Rungs {
			rungs = append(rungs, rg.Title+" "+rg.Score)
		}
		title := md(l.Title)
		if l.Target {
			title += " (target)"
		}
		chart := "`" + bar(l.Value, 20) + "`"
		if l.NotAsked {
			chart = "–"
		}
		pr.line("| %s | %s | %s | %s | %s |", title, chart, l.Score, l.Verdict, strings.Join(rungs, ", "))
	}

	pr.line("")
	if pg.RadarOf == "themes" {
		pr.line("## Profile by theme")
	} else {
		pr.line("## Profile by specialty")
	}
	pr.line("")
	if len(pg.RadarAxes) == 0 {
		pr.line("Nothing to chart.")
	} else {
		head := "Theme"
		if pg.RadarOf != "themes" {
			head = "Specialty"
		}
		pr.line("| %s | Score | |", head)
		pr.line("| --- | --- | ---: |")
		for _, a := range pg.RadarAxes {
			title := md(a.Title)
			if a.RequiredUnmet > 0 {
				title += fmt.Sprintf(" (%d required %s not met)", a.RequiredUnmet, plural(a.RequiredUnmet, "item", "items"))
			}
			pr.line("| %s | `%s` | %s |", title, bar(a.Value, 20), percent(a.Value))
		}
	}
	pr.line("")
	pr.line("%s", md(pg.RadarNote))

	if len(pg.Specialties) > 0 {
		pr.line("")
		pr.line("## Specialties, best first")
		pr.line("")
		pr.line("| # | Specialty | Score | | Verdict | Open items | Bonus |")
		pr.line("| ---: | --- | --- | ---: | --- | ---: | ---: |")
		for _, s := range pg.Specialties {
			open := fmt.Sprint(s.Gaps)
			if s.Required > 0 {
				open += fmt.Sprintf(" (%d required)", s.Required)
			}
			pr.line("| %d | %s | `%s` | %s | %s | %s | %s |", s.Rank, md(s.Title), bar(s.Value, 20), s.Score, s.Verdict, open, s.Bonus)
		}
	}

	pr.line("")
	pr.line("## What stands between %s and %s", md(pg.Person), md(pg.Target))
	pr.line("")
	pr.line("The target is %s (%s). Items are in the order to work on them: required first, then by how much each would add.", md(pg.Target), md(pg.TargetNote))
	pr.line("")
	if len(pg.Gaps) == 0 {
		pr.line("Nothing stands in the way: every item of %s is met.", md(pg.Target))
	}
	for i, g := range pg.Gaps {
		facts := []string{g.Strength, g.For}
		if g.Progress != "" {
			facts = append(facts, g.Progress)
		} else {
			facts = append(facts, "now "+g.Now+", expected "+g.Expected)
		}
		facts = append(facts, g.Gain)
		pr.line("%d. **%s**  ", i+1, md(g.Question))
		src := ""
		if g.Sources != "" {
			src = " · job-family page: " + md(g.Sources)
		}
		pr.line("   %s · `%s`%s", md(strings.Join(facts, " · ")), g.ID, src)
		if g.Note != "" {
			pr.line("   - Note: %s", md(g.Note))
		}
		for _, m := range g.Members {
			mark := "[ ]"
			if m.Met {
				mark = "[x]"
			}
			pr.line("   - %s %s (now %s, expected %s)", mark, md(m.Question), md(m.Now), md(m.Expected))
		}
	}
	if pg.MoreGaps > 0 {
		pr.line("")
		more := fmt.Sprintf("… and %d more.", pg.MoreGaps)
		if pg.File != "" {
			more += fmt.Sprintf(" The full plan: `ladder plan` on the assessment file, %s (add `-o markdown` for a checklist).", mdCode(pg.File))
		}
		pr.line("%s", more)
	}

	pr.line("")
	pr.line("## Nice-to-haves: %d of %d met", pg.BonusMet, pg.BonusTotal)
	pr.line("")
	pr.line("Reported apart: they never count in a score or verdict.")
	pr.line("")
	for _, b := range pg.Bonus {
		mark := "[ ]"
		if b.Met {
			mark = "[x]"
		}
		pr.line("- %s %s (%s)", mark, md(b.Question), md(b.Now))
	}

	if len(pg.Notes) > 0 {
		pr.line("")
		pr.line("## Notes")
		pr.line("")
		for _, n := range pg.Notes {
			pr.line("- %s", md(n))
		}
	}
	if pg.Unanswered > 0 {
		pr.line("")
		pr.line("Unanswered: %d %s.", pg.Unanswered, plural(pg.Unanswered, "criterion", "criteria"))
	}
	if pg.CantSay > 0 {
		pr.line("")
		pr.line("Can't say: %d %s the rater could not judge, scored as unanswered.", pg.CantSay, plural(pg.CantSay, "criterion", "criteria"))
	}
	pr.line("")
	pr.line("---")
	pr.line("")
	pr.line("Ratings use the scale %s. A criterion's credit is its rating as a share of the one expected, at most 1 (yes counts 1, no and unanswered 0). "+
		"Scores weigh required and strong items 3, desirable ones 2. Verdicts: meets (%s or more with every required item met), "+
		"incomplete (answering the unanswered criteria as expected would meet), approaching (%s or more), not yet.", md(pg.Scale), pg.Meets, pg.Approaching)
	return pr.err
}

// WriteCalibrationMarkdown writes the views of a calibration as Markdown:
// a heading and a table per view, each person's details as a list.
func WriteCalibrationMarkdown(w io.Writer, r *rubric.Rubric, c *assess.Calibration, views []string) error {
	p := &printer{w: w}
	plain := Style{}
	p.line("# Calibration")
	p.line("")
	p.line("%s", md(sentence(summaryLine(c))))
	if slices.Contains(views, ViewPeople) {
		p.line("")
		p.line("## People")
		p.line("")
		p.line("Promotion-ready and below-level first.")
		p.line("")
		standing := c.Standing(r)
		rows := make([][]any, 0, len(c.People))
		for _, i := range standing {
			rows = append(rows, peopleRow(r, plain, c.People[i]))
		}
		mdTable(p, peopleHeader, nil, rows)
		p.line("")
		p.line("### Each person")
		p.line("")
		for _, i := range standing {
			pc := c.People[i]
			p.line("- **%s**", md(pc.Person))
			for _, l := range personLines(r, pc, c.Anonymized) {
				p.line("  - %s: %s", md(l[0]), md(l[1]))
				if assess.Flag(l[0]) == assess.RaterDisagreement {
					for _, d := range pc.Disagreements {
						p.line("    - %s", md(disagreementText(r, pc, d)))
					}
				}
			}
		}
	}
	if slices.Contains(views, viewRaters) {
		p.line("")
		p.line("## Raters")
		p.line("")
		rows := make([][]any, 0, len(c.Raters))
		for _, rc := range c.Raters {
			rows = append(rows, raterRow(plain, rc))
		}
		mdTable(p, ratersHeader, []int{1, 2, 3}, rows)
		p.line("")
		p.line("%s", md(sentence(ratersLegend)))
	}
	if slices.Contains(views, viewAgreement) {
		p.line("")
		p.line("## Agreement")
		p.line("")
		mdTable(p, agreementHeader, []int{1, 2, 3, 4}, agreementRows(c))
		p.line("")
		p.line("%s", md(sentence(agreementLegend)))
		p.line("")
		p.line("%s", md(kappaGuide))
	}
	if slices.Contains(views, viewLevels) {
		p.line("")
		p.line("## Levels")
		p.line("")
		rows := make([][]any, 0, len(c.Levels))
		for _, l := range c.Levels {
			rows = append(rows, levelRow(r, l))
		}
		mdTable(p, levelsHeader, []int{1, 2, 3, 4}, rows)
		p.line("")
		p.line("%s", md(sentence(levelsLegend)))
		if moves := movesText(r, c); len(moves) > 0 {
			p.line("")
			for _, m := range moves {
				p.line("- %s", md(m))
			}
		}
	}
	return p.err
}

// RenderDiffMarkdown writes a diff as Markdown, to paste into an issue or a
// promotion document.
func RenderDiffMarkdown(w io.Writer, r *rubric.Rubric, d *assess.Diff, files DiffFiles) error {
	pr := &printer{w: w}
	pr.line("# Progress: %s", md(d.New.Assessment.Person))
	pr.line("")
	pr.line("- Before: %s (%s)", md(assessmentLine(d.Old.Assessment)), mdCode(files.Old))
	pr.line("- After: %s (%s)", md(assessmentLine(d.New.Assessment)), mdCode(files.New))
	pr.line("- Fit level: **%s**", md(fitChange(r, d)))
	pr.line("")
	pr.line("| Level | Before | After | Change |")
	pr.line("| --- | --- | --- | ---: |")
	for _, t := range d.Levels {
		pr.line("| %s | %s %s | %s %s | %s |", md(levelTitle(r, t.ID)), percent(t.Before.Score), t.Before.Verdict,
			percent(t.After.Score), t.After.Verdict, signedPoints(t.Before.Score, t.After.Score))
	}
	if len(d.Specialties) > 0 {
		pr.line("")
		pr.line("| Specialty | Before | After | Change |")
		pr.line("| --- | --- | --- | ---: |")
		for _, t := range d.Specialties {
			before, after, change := "not scored", "not scored", ""
			if t.Before != nil {
				before = percent(t.Before.Score) + " " + string(t.Before.Verdict)
			}
			if t.After != nil {
				after = percent(t.After.Score) + " " + string(t.After.Verdict)
			}
			if t.Before != nil && t.After != nil {
				change = signedPoints(t.Before.Score, t.After.Score)
			}
			pr.line("| %s | %s | %s | %s |", md(specialtyTitle(r, t.ID)), before, after, change)
		}
	}
	if len(d.Criteria) == 0 {
		pr.line("")
		pr.line("No answer changed.")
	}
	for _, sec := range changeSections {
		n := d.Count(sec.change)
		if n == 0 {
			continue
		}
		pr.line("")
		pr.line("## %s (%d)", sec.title, n)
		pr.line("")
		for _, c := range d.Criteria {
			if c.Change == sec.change {
				pr.line("- `%s` %s → %s: %s", c.ID, ratingShort(c.Before), ratingShort(c.After), md(r.Criterion(c.ID).Prompt))
			}
		}
	}
	return pr.err
}

// RenderPlanMarkdown writes a plan as a growth plan to paste into an issue:
// a title, a short summary, and one checkbox per item, grouped by rung and
// specialty, each with an "Evidence:" line to fill in.
func RenderPlanMarkdown(w io.Writer, r *rubric.Rubric, p *assess.Plan) error {
	pr := &printer{w: w}
	a := p.Result.Assessment
	target := levelTitle(r, p.Target)
	pr.line("# Growth plan: %s → %s", md(a.Person), md(target))
	pr.line("")
	pr.line("%s, against *%s* (version %s).", md(assessmentLine(a)), md(r.Title), md(r.Version))
	pr.line("")
	for _, s := range planStanding(r, p, false).sentences() {
		pr.line("- %s", md(s))
	}
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
		pr.line("## Rung: %s (%s now, %d %s)", md(rungTitle(r, rg.Level)), percent(rg.Score), len(items), plural(len(items), "item", "items"))
		for _, it := range items {
			planItemMarkdown(pr, r, a, it)
		}
	}
	for _, s := range p.Specialties {
		items := p.SpecialtyItems(s.ID)
		pr.line("")
		pr.line("## %s specialty (%s, %s now, %d %s)", md(specialtyTitle(r, s.ID)), s.Verdict, percent(s.Score), len(items), plural(len(items), "item", "items"))
		if len(items) == 0 {
			pr.line("")
			pr.line("Nothing open.")
		}
		for _, it := range items {
			planItemMarkdown(pr, r, a, it)
		}
	}
	if len(p.Items) == 0 {
		pr.line("")
		pr.line("Nothing is open: every item of %s is met.", md(target))
	}
	return pr.err
}

func planItemMarkdown(pr *printer, r *rubric.Rubric, a *assess.Assessment, it assess.PlanItem) {
	pr.line("")
	pr.line("- [ ] **%s**", md(unitTitle(r, a, it.Unit)))
	if it.Group != "" {
		pr.line("  - %s · `%s` · %d of %d needed met · +%s points to %s", it.Strength, it.Group, it.Metc, it.Min, gainPoints(it.Gain), gainWhere(it))
		for _, c := range it.Criteria {
			mark := "[ ]"
			if c.Met {
				mark = "[x]"
			}
			pr.line("    - %s %s (`%s`: now %s, expected %s)", mark, md(question(r, a, c.ID)), c.ID, md(answerText(r, c)), md(expectedText(r, c)))
			if c.Rating != nil && c.Rating.Note != "" {
				pr.line("      - Note: %s", md(c.Rating.Note))
			}
		}
	} else {
		c := it.Criteria[0]
		pr.line("  - %s · `%s` · now %s, expected %s · +%s points to %s", it.Strength, c.ID, md(answerText(r, c)), md(expectedText(r, c)), gainPoints(it.Gain), gainWhere(it))
		if c.Rating != nil && c.Rating.Note != "" {
			pr.line("  - Note: %s", md(c.Rating.Note))
		}
	}
	if len(it.Sources) > 0 {
		pr.line("  - Job-family page: %s", md(strings.Join(it.Sources, "; ")))
	}
	pr.line("  - Evidence:")
}
