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

// ScoreOptions tune the score table.
type ScoreOptions struct {
	Gaps int // gaps shown; 0 shows all
	// VerdictLast puts where the assessment stands (target, fit level,
	// what holds them back) at the end instead of the top: at the end of
	// an interactive session, the end is what stays on the screen.
	VerdictLast bool
	// AskMore is the command that asks what the level above the
	// assessment's target adds, and AskMoreCount how many questions that
	// is ("11 to 12 questions"); "" says nothing of it.
	AskMore, AskMoreCount string
}

// DefaultScoreGaps is how many gaps the score table shows by default.
const DefaultScoreGaps = 5

// RenderScore writes a scored assessment for people: where it stands
// against its target and why the fit level is what it is, the levels and
// specialties, every gap once with what it holds back, notes and bonus.
func RenderScore(w io.Writer, r *rubric.Rubric, res *assess.Result, style Style, opt ScoreOptions) error {
	p := &printer{w: w, width: style.lineWidth()}
	a := res.Assessment
	target, reason := assess.ResultTarget(r, res)
	st := newStanding(r, res, target, reason, res.Specialties, false)
	st.AskMore, st.AskMoreCount = opt.AskMore, opt.AskMoreCount
	p.line("%s  %s", style.Bold(a.Person), style.Dim(RaterLine(a)))
	if !opt.VerdictLast {
		p.line("")
		st.write(p, style)
	}
	p.line("")

	notAsked := assess.NotAsked(r, res)
	// The bar and the percentage share a column, and rungs show as scores
	// with a legend below, so that the table fits a narrow terminal.
	lt := newTable(style, "Level", "Score", "Verdict", "Rungs")
	var rungNames []string
	for i, t := range res.Levels {
		title := r.Level(t.ID).Title
		if t.ID == target {
			title += " (target)"
		}
		if notAsked[i] {
			lt.row(title, "-", style.Dim("not asked"), rungsText(r, t.Rungs, res.Assessment.TargetLevel))
		} else {
			lt.row(title, scoreCell(t.Score), verdictText(style, t.Verdict), rungsText(r, t.Rungs, ""))
		}
		if len(t.Rungs) > len(rungNames) {
			rungNames = nil
			for _, rg := range t.Rungs {
				rungNames = append(rungNames, rungTitle(r, rg.Level))
			}
		}
	}
	p.table(lt)
	if len(rungNames) > 1 {
		p.line("%s", style.dimText(style.wrap("Rungs: "+strings.Join(rungNames, " · ")+", each scored with the row's expectations.", "", "  ")))
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
	for i, t := range res.Levels {
		if t.Verdict != assess.Meets && !notAsked[i] {
			targets = append(targets, t)
		}
	}
	for _, t := range res.Specialties {
		if t.Verdict != assess.Meets {
			targets = append(targets, t)
		}
	}
	if gaps := assess.SharedGaps(r, targets, target, assess.FitReasonOf(r, res).Level); len(gaps) > 0 {
		p.line("")
		p.line("%s", style.Bold("Gaps, each once, with what it holds back"))
		shown := gaps
		if opt.Gaps > 0 && len(shown) > opt.Gaps {
			shown = shown[:opt.Gaps]
		}
		asked := make([]string, 0, len(res.Levels))
		for i, t := range res.Levels {
			if !notAsked[i] {
				asked = append(asked, t.ID)
			}
		}
		for _, g := range shown {
			head, reach := gapLine(r, style, g), gapReach(r, g, asked)
			if style.Width > 0 && termtext.Width(string(head))+3+termtext.Width(reach) > style.Width {
				p.line("  %s", head)
				p.line("%s", style.wrap(reach, "      ", "      "))
			} else {
				p.line("  %s · %s", head, reach)
			}
			p.line("%s", style.dimText(style.wrap(gapQuestion(r, a, g.UnitScore), "      ", "      ")))
		}
		if more := len(gaps) - len(shown); more > 0 {
			p.line("  %s", style.Dim(fmt.Sprintf("... and %d more (%s plan, or --gaps 0, lists them all)", more, style.program())))
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
		p.line("Unanswered: %d %s%s.", n, plural(n, "criterion", "criteria"), unansweredWhere(r, res, notAsked))
	}
	if n := len(res.CantSay); n > 0 {
		p.line("Can't say: %d %s the rater could not judge, scored as unanswered.", n, plural(n, "criterion", "criteria"))
	}
	if opt.VerdictLast {
		p.line("")
		st.write(p, style)
	}
	return p.err
}

// unansweredWhere says where the unanswered criteria lie when levels were
// not asked: most of them are there.
func unansweredWhere(r *rubric.Rubric, res *assess.Result, notAsked []bool) string {
	n := 0
	for i, na := range notAsked {
		if na {
			n = i
		}
	}
	if n == 0 {
		return ""
	}
	above := map[string]bool{}
	target := r.LevelIndex(res.Assessment.TargetLevel)
	for _, u := range res.Levels[n].Units {
		if r.LevelIndex(u.Level) > target {
			for _, c := range u.Criteria {
				above[c.ID] = true
			}
		}
	}
	k := 0
	for _, id := range res.Unanswered {
		if above[id] {
			k++
		}
	}
	where := "above " + whoseTarget(res.Assessment) + " (not asked)"
	switch k {
	case 0:
		return ""
	case len(res.Unanswered):
		return ", all " + where
	}
	return fmt.Sprintf(", %d of them %s", k, where)
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

// rungsText shows a level's rung scores, lowest rung first: "91 · 100 · 63";
// the rungs above notAbove (a level id, "" for none) show as "-", not
// asked.
func rungsText(r *rubric.Rubric, rungs []assess.RungScore, notAbove string) string {
	top := len(r.Levels)
	if notAbove != "" {
		top = r.LevelIndex(notAbove)
	}
	var parts []string
	for _, rg := range rungs {
		if r.LevelIndex(rg.Level) > top {
			parts = append(parts, "-")
			continue
		}
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

// gapLine describes one unmet unit on one line: its strength, id and
// shortfall; an expectation that differs between the targets it is a gap
// of shows as a range ("expects 2 to 3").
func gapLine(r *rubric.Rubric, style Style, g assess.SharedGap) Styled {
	tag := strengthTag(style, g.Strength)
	if g.Group != "" {
		return styledf("%s %s %s", tag, g.Group, style.Dim(fmt.Sprintf("(%d of %d needed met)", g.Metc, g.Min)))
	}
	c := g.Criteria[0]
	lo, hi := c.Expected, c.Expected
	for _, at := range g.At {
		e := at.Unit.Criteria[0].Expected
		lo, hi = min(lo, e), max(hi, e)
	}
	shortfall := ratingShortfall(c)
	if lo != hi && !c.YesNo {
		shortfall = strings.TrimSuffix(shortfall, fmt.Sprint(c.Expected)) + fmt.Sprintf("%d to %d", lo, hi)
	}
	return styledf("%s %s %s", tag, c.ID, style.Dim("("+shortfall+")"))
}

// gapReach says which targets a gap holds back and which it only lowers:
// "holds back Backend Engineer; lowers the score of Senior Backend
// Engineer". asked are the levels asked, lowest first: a run of them up
// to the highest reads "Backend Engineer and up", all of them "every
// level".
func gapReach(r *rubric.Rubric, g assess.SharedGap, asked []string) string {
	var holds, lowers []assess.GapAt
	for _, at := range g.At {
		if at.Blocks {
			holds = append(holds, at)
		} else {
			lowers = append(lowers, at)
		}
	}
	var parts []string
	if len(holds) > 0 {
		parts = append(parts, "holds back "+targetsText(r, holds, asked))
	}
	if len(lowers) > 0 {
		parts = append(parts, "lowers the score of "+targetsText(r, lowers, asked))
	}
	return strings.Join(parts, "; ")
}

// targetsText names the levels and specialties of a gap.
func targetsText(r *rubric.Rubric, ats []assess.GapAt, asked []string) string {
	var levels, names []string
	for _, at := range ats {
		if at.Specialty {
			names = append(names, specialtyTitle(r, at.Target))
		} else {
			levels = append(levels, at.Target)
		}
	}
	var words []string
	switch k := len(levels); {
	case k == 0:
	case k > 1 && k == len(asked) && levels[0] == asked[0]:
		if len(asked) < len(r.Levels) {
			words = append(words, "every level asked")
		} else {
			words = append(words, "every level")
		}
	case k > 1 && levels[k-1] == asked[len(asked)-1] && slices.Equal(levels, asked[len(asked)-k:]):
		words = append(words, levelTitle(r, levels[0])+" and up")
	default:
		for _, id := range levels {
			words = append(words, levelTitle(r, id))
		}
	}
	return andList(append(words, names...))
}
