package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/termtext"
	"github.com/ladderhq/ladder/rubric"
)

// ScoreJSON is the data form of a scored assessment (SPEC section 4).
type ScoreJSON struct {
	Person      string           `json:"person" yaml:"person"`
	Rater       string           `json:"rater" yaml:"rater"`
	Role        string           `json:"role" yaml:"role"`
	Rubric      assess.RubricRef `json:"rubric" yaml:"rubric"`
	FitLevel    *string          `json:"fit_level" yaml:"fit_level"`
	Levels      []LevelJSON      `json:"levels" yaml:"levels"`
	Specialties []SpecialtyJSON  `json:"specialties" yaml:"specialties"`
	Notes       []string         `json:"notes" yaml:"notes"`
	Bonus       CountJSON        `json:"bonus" yaml:"bonus"`
	Unanswered  []string         `json:"unanswered" yaml:"unanswered"`
}

// LevelJSON is one level's score.
type LevelJSON struct {
	ID      string     `json:"id" yaml:"id"`
	Score   float64    `json:"score" yaml:"score"`
	Verdict string     `json:"verdict" yaml:"verdict"`
	Rungs   []RungJSON `json:"rungs" yaml:"rungs"`
	Gaps    []GapJSON  `json:"gaps" yaml:"gaps"`
}

// RungJSON is the score of the units one level introduces.
type RungJSON struct {
	Level string  `json:"level" yaml:"level"`
	Score float64 `json:"score" yaml:"score"`
}

// SpecialtyJSON is one specialty's score.
type SpecialtyJSON struct {
	ID      string    `json:"id" yaml:"id"`
	Score   float64   `json:"score" yaml:"score"`
	Verdict string    `json:"verdict" yaml:"verdict"`
	Gaps    []GapJSON `json:"gaps" yaml:"gaps"`
}

// GapJSON is one unmet unit. For a criterion, rating is the rating given (a
// number, or "yes"/"no"; null when unanswered) and expected the rating the
// target expects. For a group, rating and expected are null, and met / min
// say how many members are met and how many it needs.
type GapJSON struct {
	Criteria []string `json:"criteria" yaml:"criteria"`
	Group    *string  `json:"group" yaml:"group"`
	Rating   any      `json:"rating" yaml:"rating"`
	Expected any      `json:"expected" yaml:"expected"`
	Strength string   `json:"strength" yaml:"strength"`
	Met      *int     `json:"met,omitempty" yaml:"met,omitempty"`
	Min      *int     `json:"min,omitempty" yaml:"min,omitempty"`
}

// CountJSON is "met of total".
type CountJSON struct {
	Met   int `json:"met" yaml:"met"`
	Total int `json:"total" yaml:"total"`
}

// NewScoreJSON converts a result to its data form.
func NewScoreJSON(res *assess.Result) ScoreJSON {
	a := res.Assessment
	out := ScoreJSON{
		Person:      a.Person,
		Rater:       a.Rater,
		Role:        string(a.Role),
		Rubric:      a.Rubric,
		Levels:      []LevelJSON{},
		Specialties: []SpecialtyJSON{},
		Notes:       nonNil(res.Notes),
		Bonus:       CountJSON{Met: res.Bonus.Met, Total: res.Bonus.Total},
		Unanswered:  nonNil(res.Unanswered),
	}
	if res.FitLevel != "" {
		fit := res.FitLevel
		out.FitLevel = &fit
	}
	for _, t := range res.Levels {
		l := LevelJSON{ID: t.ID, Score: Round2(t.Score), Verdict: string(t.Verdict), Rungs: []RungJSON{}, Gaps: gapsJSON(t.Gaps)}
		for _, rg := range t.Rungs {
			l.Rungs = append(l.Rungs, RungJSON{Level: rg.Level, Score: Round2(rg.Score)})
		}
		out.Levels = append(out.Levels, l)
	}
	for _, t := range res.Specialties {
		out.Specialties = append(out.Specialties, SpecialtyJSON{ID: t.ID, Score: Round2(t.Score), Verdict: string(t.Verdict), Gaps: gapsJSON(t.Gaps)})
	}
	return out
}

func gapsJSON(gaps []assess.UnitScore) []GapJSON {
	out := []GapJSON{}
	for _, g := range gaps {
		j := GapJSON{Strength: string(g.Strength)}
		for _, c := range g.Criteria {
			j.Criteria = append(j.Criteria, c.ID)
		}
		if g.Group != "" {
			group, met, min := g.Group, g.Metc, g.Min
			j.Group, j.Met, j.Min = &group, &met, &min
		} else {
			c := g.Criteria[0]
			j.Rating, j.Expected = RatingValue(c), ExpectedValue(c)
		}
		out = append(out, j)
	}
	return out
}

// RatingValue is a criterion's rating as data: a number, "yes"/"no", or nil.
func RatingValue(c assess.CriterionScore) any {
	if c.Rating == nil {
		return nil
	}
	if c.YesNo {
		return c.Rating.String()
	}
	return c.Rating.Value
}

// ExpectedValue is the rating a criterion expects as data: a number, or "yes".
func ExpectedValue(c assess.CriterionScore) any {
	if c.YesNo {
		return "yes"
	}
	return c.Expected
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

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
	lt := NewTable(style, "Level", "Score", "Verdict", "Rungs")
	var rungNames []string
	for _, t := range res.Levels {
		lt.Row(r.Level(t.ID).Title, ScoreCell(t.Score), VerdictText(style, t.Verdict), rungsText(t.Rungs))
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
		st := NewTable(style, "Specialty", "Score", "Verdict", "Bonus")
		for _, t := range res.Specialties {
			st.Row(r.Specialty(t.ID).Title, ScoreCell(t.Score), VerdictText(style, t.Verdict), countText(t.Bonus))
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
			p.line("  %s: %s, %s", TargetTitle(r, t), VerdictText(style, t.Verdict), Percent(t.Score))
			shown := t.Gaps
			if opt.Gaps > 0 && len(shown) > opt.Gaps {
				shown = shown[:opt.Gaps]
			}
			for _, g := range shown {
				p.line("    %s", GapLine(r, style, g))
				p.line("%s", style.dimText(style.wrap(GapQuestion(r, g), "      ", "      ")))
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

// RaterLine says who rated whom: "self-assessment" or "rated by Bob (manager)".
func RaterLine(a *assess.Assessment) string {
	when := ""
	if !a.Updated.IsZero() {
		when = ", " + a.Updated.UTC().Format("2006-01-02")
	}
	if a.Role == assess.Self && a.Rater == a.Person {
		return "self-assessment" + when
	}
	return fmt.Sprintf("rated by %s (%s)%s", a.Rater, a.Role, when)
}

// TargetTitle is the title of the level or specialty a score is for.
func TargetTitle(r *rubric.Rubric, t assess.TargetScore) string {
	if t.Specialty {
		return r.Specialty(t.ID).Title + " (specialty)"
	}
	return r.Level(t.ID).Title
}

// VerdictText shows a verdict, coloured on a terminal.
func VerdictText(style Style, v assess.Verdict) Styled {
	switch v {
	case assess.Meets:
		return style.paint(sgrGreen, Styled(v))
	case assess.Incomplete:
		return style.paint(sgrCyan, Styled(v))
	case assess.Approaching:
		return style.paint(sgrYellow, Styled(v))
	}
	return style.paint(sgrRed, Styled(v))
}

// rungsText shows a level's rung scores, lowest rung first: "91 · 100 · 63".
func rungsText(rungs []assess.RungScore) string {
	var parts []string
	for _, rg := range rungs {
		parts = append(parts, strings.TrimSuffix(Percent(rg.Score), "%"))
	}
	return strings.Join(parts, " · ")
}

// ScoreCell is a score as a short bar and its percentage, in one cell.
func ScoreCell(score float64) string {
	return fmt.Sprintf("%s %4s", Bar(score, 12), Percent(score))
}

func countText(c assess.Count) string {
	if c.Total == 0 {
		return "-"
	}
	return fmt.Sprintf("%d/%d", c.Met, c.Total)
}

// GapLine describes one unmet unit on one line.
func GapLine(r *rubric.Rubric, style Style, g assess.UnitScore) Styled {
	tag := strengthTag(style, g.Strength)
	if g.Group != "" {
		return styledf("%s %s %s", tag, g.Group, style.Dim(fmt.Sprintf("(%d of %d needed met)", g.Metc, g.Min)))
	}
	c := g.Criteria[0]
	return styledf("%s %s %s", tag, c.ID, style.Dim("("+RatingShortfall(c)+")"))
}

// GapQuestion is what a gap is about, in words: the group's title or the
// criterion's question.
func GapQuestion(r *rubric.Rubric, g assess.UnitScore) string {
	if g.Group != "" {
		return r.GroupByID(g.Group).Title
	}
	return r.Criterion(g.Criteria[0].ID).Prompt
}

// RatingShortfall says "rated 1, expects 3" or "unanswered, expects yes".
func RatingShortfall(c assess.CriterionScore) string {
	got := "unanswered"
	if c.Rating != nil {
		got = "rated " + c.Rating.String()
	}
	want := fmt.Sprint(c.Expected)
	if c.YesNo {
		want = "yes"
	}
	return got + ", expects " + want
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// printer writes lines; the first error sticks and ends the output. Its
// arguments are neutralised (see Styled): the format is ladder's own. A
// line wider than width (when it is more than 0) wraps at word
// boundaries, its continuation indented under it: every line of text fits
// the terminal, whatever a name or a title holds.
type printer struct {
	w     io.Writer
	width int
	err   error
}

func (p *printer) line(format string, args ...any) {
	if p.err != nil {
		return
	}
	text := string(styledf(format, args...))
	var b strings.Builder
	for _, line := range strings.Split(text, "\n") {
		if p.width > 0 && termtext.Width(line) > p.width {
			indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
			line = strings.Join(termtext.Refill(line, p.width, indent, indent+"  "), "\n")
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	_, p.err = io.WriteString(p.w, b.String())
}

// Printf writes a line of ladder's own format whose plain string
// arguments are neutralised for a terminal, wrapped to the style's width:
// what commands print beside the renderers goes through here.
func Printf(w io.Writer, style Style, format string, args ...any) error {
	p := &printer{w: w, width: style.lineWidth()}
	p.line(strings.TrimSuffix(format, "\n"), args...)
	return p.err
}

func (p *printer) table(t *Table) {
	if p.err == nil {
		p.err = t.Render(p.w)
	}
}
