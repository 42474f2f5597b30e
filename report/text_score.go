package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/rubric"
)

// ScoreOptions tune the score table.
type ScoreOptions struct {
	Gaps int // gaps shown per target that is not met; 0 shows all
}

// RenderScore writes a scored assessment for people: levels, specialties,
// the gaps behind every verdict short of "meets", notes and bonus.
func RenderScore(w io.Writer, r *rubric.Rubric, res *assess.Result, style Style, opt ScoreOptions) error {
	p := &printer{w: w, width: style.lineWidth()}
	a := res.Assessment
	p.line("%s  %s", style.Bold(a.Person), style.Dim(RaterLine(a)))
	fit := "none: " + r.Levels[0].Title + " is not met yet"
	if res.FitLevel != "" {
		fit = r.Level(res.FitLevel).Title
	}
	p.line("Fit level: %s", style.Bold(fit))
	p.line("")

	// The bar and the percentage share a column, and rungs show as scores
	// with a legend below, so that the table fits a narrow terminal.
	lt := newTable(style, "Level", "Score", "Verdict", "Rungs")
	var rungNames []string
	for _, t := range res.Levels {
		lt.row(r.Level(t.ID).Title, scoreCell(t.Score), verdictText(style, t.Verdict), rungsText(t.Rungs))
		if len(t.Rungs) > len(rungNames) {
			rungNames = nil
			for _, rg := range t.Rungs {
				rungNames = append(rungNames, rg.Level)
			}
		}
	}
	p.table(lt)
	if len(rungNames) > 1 {
		p.line("%s", style.Dim("Rungs: "+strings.Join(rungNames, " · ")+", each scored with the row's expectations."))
	}

	if len(res.Specialties) > 0 {
		p.line("")
		st := newTable(style, "Specialty", "Score", "Verdict", "Bonus")
		for _, t := range res.Specialties {
			st.row(r.Specialty(t.ID).Title, scoreCell(t.Score), verdictText(style, t.Verdict), countText(t.Bonus))
		}
		p.table(st)
	}

	var targets []assess.TargetScore
	for _, list := range [][]assess.TargetScore{res.Levels, res.Specialties} {
		for _, t := range list {
			if t.Verdict != assess.Meets && len(t.Gaps) > 0 {
				targets = append(targets, t)
			}
		}
	}
	if len(targets) > 0 {
		p.line("")
		p.line("%s", style.Bold("Gaps"))
		for _, t := range targets {
			p.line("  %s: %s, %s", targetTitle(r, t), verdictText(style, t.Verdict), percent(t.Score))
			shown := t.Gaps
			if opt.Gaps > 0 && len(shown) > opt.Gaps {
				shown = shown[:opt.Gaps]
			}
			for _, g := range shown {
				p.line("    %s", gapLine(r, style, g))
				p.line("%s", style.dimText(style.wrap(gapQuestion(r, g), "      ", "      ")))
			}
			if more := len(t.Gaps) - len(shown); more > 0 {
				p.line("    %s", style.Dim(fmt.Sprintf("... and %d more (ladder plan, or --gaps 0, lists them all)", more)))
			}
		}
	}
	if len(res.Notes) > 0 {
		p.line("")
		p.line("%s", style.Bold("Notes"))
		for _, n := range res.Notes {
			p.line("%s", style.wrap(n, "  - ", "    "))
		}
	}
	p.line("")
	p.line("Bonus: %d of %d nice-to-haves met (never part of a score).", res.Bonus.Met, res.Bonus.Total)
	if n := len(res.Unanswered); n > 0 {
		p.line("Unanswered: %d %s.", n, plural(n, "criterion", "criteria"))
	}
	if n := len(res.CantSay); n > 0 {
		p.line("Can't say: %d %s the rater could not judge, scored as unanswered.", n, plural(n, "criterion", "criteria"))
	}
	return p.err
}

// FileHeading names the file whose result follows, when one command
// shows several; a blank line parts it from the one before.
func FileHeading(w io.Writer, style Style, file string, first bool) error {
	p := &printer{w: w, width: style.lineWidth()}
	if !first {
		p.line("")
	}
	p.line("%s", style.Dim("── "+file))
	return p.err
}

// rungsText shows a level's rung scores, lowest rung first: "91 · 100 · 63".
func rungsText(rungs []assess.RungScore) string {
	var parts []string
	for _, rg := range rungs {
		parts = append(parts, strings.TrimSuffix(percent(rg.Score), "%"))
	}
	return strings.Join(parts, " · ")
}

// scoreCell is a score as a short bar and its percentage, in one cell.
func scoreCell(score float64) string {
	return fmt.Sprintf("%s %4s", bar(score, 12), percent(score))
}

func countText(c assess.Count) string {
	if c.Total == 0 {
		return "-"
	}
	return fmt.Sprintf("%d/%d", c.Met, c.Total)
}

// gapLine describes one unmet unit on one line.
func gapLine(r *rubric.Rubric, style Style, g assess.UnitScore) Styled {
	tag := strengthTag(style, g.Strength)
	if g.Group != "" {
		return styledf("%s %s %s", tag, g.Group, style.Dim(fmt.Sprintf("(%d of %d needed met)", g.Metc, g.Min)))
	}
	c := g.Criteria[0]
	return styledf("%s %s %s", tag, c.ID, style.Dim("("+ratingShortfall(c)+")"))
}
