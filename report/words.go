package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/rubric"
)

// Words shared by the plan, diff, history and report renderings: how a
// rating, an expectation, a target or a question reads in every format.

// answerText is how a criterion was answered: its rating with the scale
// label (ratingText), or "can't say".
func answerText(r *rubric.Rubric, c assess.CriterionScore) string {
	if c.CantSay {
		return assess.CantSayText
	}
	return ratingText(r, c.Rating)
}

// ratingText is a rating with its scale label: "1 (Beginning)", "yes",
// "no", or "unanswered".
func ratingText(r *rubric.Rubric, rt *assess.Rating) string {
	switch {
	case rt == nil:
		return "unanswered"
	case rt.YesNo:
		return rt.String()
	}
	return fmt.Sprintf("%d (%s)", rt.Value, r.ScaleLabel(rt.Value))
}

// expectedText is the rating a criterion expects: "3 (Consistent)" or "yes".
func expectedText(r *rubric.Rubric, c assess.CriterionScore) string {
	if c.YesNo {
		return "yes"
	}
	return fmt.Sprintf("%d (%s)", c.Expected, r.ScaleLabel(c.Expected))
}

// unitTitle is what a unit asks: the criterion's question (worded for the
// assessment's rater, see question), or the group's title.
func unitTitle(r *rubric.Rubric, a *assess.Assessment, u rubric.Unit) string {
	if u.Group != "" {
		return r.GroupByID(u.Group).Title
	}
	return question(r, a, u.Criterion)
}

// question is criterion id's question as the assessment's rater was asked
// it: to the person in a self-assessment, about them ("How well does Ada
// ...?") when a manager or peer rates them.
func question(r *rubric.Rubric, a *assess.Assessment, id string) string {
	c := r.Criterion(id)
	if a == nil || !a.RatesSomeoneElse() {
		return c.Prompt
	}
	return c.PromptAbout(oneLine(a.Person))
}

// unitID is the id a unit goes by: its criterion's or its group's.
func unitID(u rubric.Unit) string {
	if u.Group != "" {
		return u.Group
	}
	return u.Criterion
}

// levelTitle is a level's title, or "none" for no level.
func levelTitle(r *rubric.Rubric, id string) string {
	if l := r.Level(id); l != nil {
		return l.Title
	}
	return "none"
}

// specialtyTitle is a specialty's title.
func specialtyTitle(r *rubric.Rubric, id string) string {
	if s := r.Specialty(id); s != nil {
		return s.Title
	}
	return id
}

// gainPoints shows a share as whole percentage points, rounded to nearest:
// "+9"; a gain too small to round to a point shows as "<1".
func gainPoints(share float64) string {
	p := math.Round(share * 100)
	if p == 0 && share > 0 {
		return "<1"
	}
	return fmt.Sprintf("%d", int(p))
}

// signedPoints is the change between two displayed percentages, so that it
// always agrees with the numbers beside it: "+21", "-4", "±0".
func signedPoints(before, after float64) string {
	d := floorPercent(after) - floorPercent(before)
	switch {
	case d > 0:
		return fmt.Sprintf("+%d", d)
	case d < 0:
		return fmt.Sprintf("%d", d)
	}
	return "±0"
}

func floorPercent(score float64) int { return int(math.Floor(score*100 + 1e-9)) }

// meetsRule says what a verdict of meets takes, with the rubric's threshold.
func meetsRule(r *rubric.Rubric) string {
	return fmt.Sprintf("meets takes %s and every required item met", percent(r.Thresholds.Meets))
}

// targetReasonText explains why a plan aims at its level.
func targetReasonText(r *rubric.Rubric, p *assess.Plan) string {
	a := p.Result.Assessment
	switch p.Reason {
	case assess.TargetFromAssessment:
		return "the target level of the assessment"
	case assess.TargetTop:
		return "the top of the ladder"
	case assess.TargetNext:
		fit, cur := r.LevelIndex(p.Result.FitLevel), r.LevelIndex(a.CurrentLevel)
		switch {
		case fit < 0 && cur < 0:
			return "the first level"
		case cur > fit:
			return "the level above the current level, " + levelTitle(r, a.CurrentLevel)
		}
		return "the level above the fit level, " + levelTitle(r, p.Result.FitLevel)
	}
	return "asked for"
}

// oneLine folds a note written over several lines into one.
func oneLine(text string) string { return strings.Join(strings.Fields(text), " ") }

// DiffFiles names the two files a diff compares, old first.
type DiffFiles struct{ Old, New string }

// changeSections are the criterion changes in the order a diff shows them.
var changeSections = []struct {
	change assess.Change
	title  string
}{
	{assess.Rose, "Rose"},
	{assess.Fell, "Fell"},
	{assess.NewlyRated, "Newly answered"},
	{assess.NoLongerRated, "No longer answered"},
}

func fitChange(r *rubric.Rubric, d *assess.Diff) string {
	before, after := fitText(r, d.Old), fitText(r, d.New)
	if d.Old.FitLevel == d.New.FitLevel {
		return after + " (unchanged)"
	}
	return before + " → " + after
}

func ratingShort(rt *assess.Rating) string {
	if rt == nil {
		return "-"
	}
	return rt.String()
}

func dateOf(a *assess.Assessment) string {
	if a.Updated.IsZero() {
		return "undated"
	}
	return a.Updated.UTC().Format("2006-01-02")
}

// verdictWords reads a verdict in a sentence.
func verdictWords(v assess.Verdict) string {
	if v == assess.NotYet {
		return "not yet met"
	}
	return string(v)
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
	return levelTitle(r, res.FitLevel)
}

// planSummary says in a sentence or two where the plan stands.
func planSummary(r *rubric.Rubric, p *assess.Plan) string {
	target := levelTitle(r, p.Target)
	n := len(p.LevelItems())
	var b strings.Builder
	if p.Met() {
		fmt.Fprintf(&b, "%s is met already (%s).", target, percent(p.Level.Score))
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
		fmt.Fprintf(&b, "%d %s between this assessment and %s, %s; %s.",
			n, plural(n, "item stands", "items stand"), target, requiredText(req), meetsRule(r))
	}
	for _, s := range p.Specialties {
		items := p.SpecialtyItems(s.ID)
		if s.Verdict == assess.Meets {
			fmt.Fprintf(&b, " %s specialty: met (%s)", specialtyTitle(r, s.ID), percent(s.Score))
			if len(items) > 0 {
				fmt.Fprintf(&b, ", %d still open", len(items))
			}
			b.WriteString(".")
			continue
		}
		fmt.Fprintf(&b, " %s specialty: %s, %s, %d %s, %s.", specialtyTitle(r, s.ID), verdictWords(s.Verdict), percent(s.Score),
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

// assessmentLine names an assessment in a sentence: "Self-assessment of Ada
// Lovelace, 2026-11-24" or "Assessment of Jo Park by Mina Chu (manager),
// 2026-11-20".
func assessmentLine(a *assess.Assessment) string {
	s := "Self-assessment of " + a.Person
	if a.Role != assess.Self || a.Rater != a.Person {
		s = fmt.Sprintf("Assessment of %s by %s (%s)", a.Person, a.Rater, a.Role)
	}
	if !a.Updated.IsZero() {
		s += ", " + a.Updated.UTC().Format("2006-01-02")
	}
	return s
}

func strengthTag(style Style, s rubric.Strength) Styled {
	tag := safe("[" + string(s) + "]")
	if s == rubric.Required {
		return style.paint(sgrRed, tag)
	}
	return tag
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

// verdictText shows a verdict, coloured on a terminal.
func verdictText(style Style, v assess.Verdict) Styled {
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

// gapQuestion is what a gap is about, in words: the group's title or the
// criterion's question, worded for the assessment's rater.
func gapQuestion(r *rubric.Rubric, a *assess.Assessment, g assess.UnitScore) string {
	return unitTitle(r, a, g.Unit)
}

// ratingShortfall says "rated 1, expects 3", "unanswered, expects yes" or
// "can't say, expects 3".
func ratingShortfall(c assess.CriterionScore) string {
	got := "unanswered"
	switch {
	case c.Rating != nil:
		got = "rated " + c.Rating.String()
	case c.CantSay:
		got = assess.CantSayText
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

// percent shows a score as a whole percentage, rounded down so that a score
// just below a threshold never shows as reaching it.
func percent(score float64) string {
	return fmt.Sprintf("%d%%", int(math.Floor(score*100+1e-9)))
}

// bar draws a score as a bar of width cells.
func bar(score float64, width int) string {
	full := int(math.Floor(score*float64(width) + 1e-9))
	if full > width {
		full = width
	}
	if full < 0 {
		full = 0
	}
	return strings.Repeat("█", full) + strings.Repeat("░", width-full)
}
