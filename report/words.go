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

// RatingText is a rating with its scale label: "1 (Beginning)", "yes",
// "no", or "unanswered".
func RatingText(r *rubric.Rubric, rt *assess.Rating) string {
	switch {
	case rt == nil:
		return "unanswered"
	case rt.YesNo:
		return rt.String()
	}
	return fmt.Sprintf("%d (%s)", rt.Value, r.ScaleLabel(rt.Value))
}

// ExpectedText is the rating a criterion expects: "3 (Consistent)" or "yes".
func ExpectedText(r *rubric.Rubric, c assess.CriterionScore) string {
	if c.YesNo {
		return "yes"
	}
	return fmt.Sprintf("%d (%s)", c.Expected, r.ScaleLabel(c.Expected))
}

// UnitTitle is what a unit asks: the criterion's question, or the group's
// title.
func UnitTitle(r *rubric.Rubric, u rubric.Unit) string {
	if u.Group != "" {
		return r.GroupByID(u.Group).Title
	}
	return r.Criterion(u.Criterion).Prompt
}

// UnitID is the id a unit goes by: its criterion's or its group's.
func UnitID(u rubric.Unit) string {
	if u.Group != "" {
		return u.Group
	}
	return u.Criterion
}

// LevelTitle is a level's title, or "none" for no level.
func LevelTitle(r *rubric.Rubric, id string) string {
	if l := r.Level(id); l != nil {
		return l.Title
	}
	return "none"
}

// SpecialtyTitle is a specialty's title.
func SpecialtyTitle(r *rubric.Rubric, id string) string {
	if s := r.Specialty(id); s != nil {
		return s.Title
	}
	return id
}

// Points shows a share as whole percentage points, rounded to nearest:
// "+9"; a gain too small to round to a point shows as "<1".
func Points(share float64) string {
	p := math.Round(share * 100)
	if p == 0 && share > 0 {
		return "<1"
	}
	return fmt.Sprintf("%d", int(p))
}

// SignedPoints is the change between two displayed percentages, so that it
// always agrees with the numbers beside it: "+21", "-4", "±0".
func SignedPoints(before, after float64) string {
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

// MeetsRule says what a verdict of meets takes, with the rubric's threshold.
func MeetsRule(r *rubric.Rubric) string {
	return fmt.Sprintf("meets takes %s and every required item met", Percent(r.Thresholds.Meets))
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
			return "the level above the current level, " + LevelTitle(r, a.CurrentLevel)
		}
		return "the level above the fit level, " + LevelTitle(r, p.Result.FitLevel)
	}
	return "asked for"
}

// oneLine folds a note written over several lines into one.
func oneLine(text string) string { return strings.Join(strings.Fields(text), " ") }
