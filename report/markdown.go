package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/ladderhq/ladder/internal/termtext"
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
	pr.line("**Fit level: %s.** %s", md(pg.Fit), md(strings.Join(pg.Summary, " ")))
	pr.line("")
	for _, c := range pg.Cards {
		detail := ""
		if c.Detail != "" {
			detail = " (" + md(c.Detail) + ")"
		}
		pr.line("- %s: **%s**%s", md(c.Label), md(c.Value), detail)
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
			rungs = append(rungs, rg.Level+" "+rg.Score)
		}
		title := md(l.Title)
		if l.Target {
			title += " (target)"
		}
		pr.line("| %s | `%s` | %s | %s | %s |", title, Bar(l.Value, 20), l.Score, l.Verdict, strings.Join(rungs, ", "))
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
			pr.line("| %s | `%s` | %s |", md(a.Title), Bar(a.Value, 20), Percent(a.Value))
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
			pr.line("| %d | %s | `%s` | %s | %s | %s | %s |", s.Rank, md(s.Title), Bar(s.Value, 20), s.Score, s.Verdict, open, s.Bonus)
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
		if pg.PlanCommand != "" {
			more += fmt.Sprintf(" The full plan: `%s` (add `-o markdown` for a checklist).", pg.PlanCommand)
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
	pr.line("")
	pr.line("---")
	pr.line("")
	pr.line("Ratings use the scale %s. A criterion's credit is its rating as a share of the one expected, at most 1 (yes counts 1, no and unanswered 0). "+
		"Scores weigh required and strong items 3, desirable ones 2. Verdicts: meets (%s or more with every required item met), "+
		"incomplete (answering the unanswered criteria as expected would meet), approaching (%s or more), not yet.", md(pg.Scale), pg.Meets, pg.Approaching)
	return pr.err
}
