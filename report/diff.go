package report

import (
	"fmt"
	"io"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/rubric"
)

// DiffFiles names the two files a diff compares, old first.
type DiffFiles struct{ Old, New string }

// DiffJSON is the data form of a diff.
type DiffJSON struct {
	Person      string             `json:"person" yaml:"person"`
	Old         DiffSideJSON       `json:"old" yaml:"old"`
	New         DiffSideJSON       `json:"new" yaml:"new"`
	Levels      []TargetChangeJSON `json:"levels" yaml:"levels"`
	Specialties []TargetChangeJSON `json:"specialties" yaml:"specialties"`
	Criteria    []RatingChangeJSON `json:"criteria" yaml:"criteria"`
}

// DiffSideJSON is one of the two assessments.
type DiffSideJSON struct {
	File     string  `json:"file" yaml:"file"`
	Person   string  `json:"person" yaml:"person"`
	Rater    string  `json:"rater" yaml:"rater"`
	Role     string  `json:"role" yaml:"role"`
	Updated  *string `json:"updated" yaml:"updated"`
	FitLevel *string `json:"fit_level" yaml:"fit_level"`
}

// TargetChangeJSON is a level or specialty before and after; before or after
// is null when that assessment did not score the specialty. Points is the
// change in whole percentage points of the scores shown (null unless both
// sides are scored).
type TargetChangeJSON struct {
	ID     string           `json:"id" yaml:"id"`
	Before *TargetStateJSON `json:"before" yaml:"before"`
	After  *TargetStateJSON `json:"after" yaml:"after"`
	Points *int             `json:"points" yaml:"points"`
}

// TargetStateJSON is a score and its verdict.
type TargetStateJSON struct {
	Score   float64 `json:"score" yaml:"score"`
	Verdict string  `json:"verdict" yaml:"verdict"`
}

// RatingChangeJSON is one criterion whose answer changed: rose, fell,
// answered (newly) or unanswered (no longer).
type RatingChangeJSON struct {
	Criterion string `json:"criterion" yaml:"criterion"`
	Change    string `json:"change" yaml:"change"`
	Before    any    `json:"before" yaml:"before"`
	After     any    `json:"after" yaml:"after"`
}

// NewDiffJSON converts a diff to its data form.
func NewDiffJSON(d *assess.Diff, files DiffFiles) DiffJSON {
	out := DiffJSON{
		Person:      d.New.Assessment.Person,
		Old:         diffSide(d.Old, files.Old),
		New:         diffSide(d.New, files.New),
		Levels:      []TargetChangeJSON{},
		Specialties: []TargetChangeJSON{},
		Criteria:    []RatingChangeJSON{},
	}
	for _, t := range d.Levels {
		out.Levels = append(out.Levels, targetChangeJSON(t))
	}
	for _, t := range d.Specialties {
		out.Specialties = append(out.Specialties, targetChangeJSON(t))
	}
	for _, c := range d.Criteria {
		out.Criteria = append(out.Criteria, RatingChangeJSON{Criterion: c.ID, Change: string(c.Change), Before: ratingData(c.Before), After: ratingData(c.After)})
	}
	return out
}

func diffSide(res *assess.Result, file string) DiffSideJSON {
	a := res.Assessment
	s := DiffSideJSON{File: file, Person: a.Person, Rater: a.Rater, Role: string(a.Role)}
	if !a.Updated.IsZero() {
		u := a.Updated.UTC().Format("2006-01-02T15:04:05Z")
		s.Updated = &u
	}
	if res.FitLevel != "" {
		fit := res.FitLevel
		s.FitLevel = &fit
	}
	return s
}

func targetChangeJSON(t assess.TargetChange) TargetChangeJSON {
	j := TargetChangeJSON{ID: t.ID}
	if t.Before != nil {
		j.Before = &TargetStateJSON{Score: Round2(t.Before.Score), Verdict: string(t.Before.Verdict)}
	}
	if t.After != nil {
		j.After = &TargetStateJSON{Score: Round2(t.After.Score), Verdict: string(t.After.Verdict)}
	}
	if t.Before != nil && t.After != nil {
		p := floorPercent(t.After.Score) - floorPercent(t.Before.Score)
		j.Points = &p
	}
	return j
}

func ratingData(rt *assess.Rating) any {
	switch {
	case rt == nil:
		return nil
	case rt.YesNo:
		return rt.String()
	}
	return rt.Value
}

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

// RenderDiff writes a diff for a terminal or a pipe: fit level, every level
// and specialty before and after, then the criteria that moved.
func RenderDiff(w io.Writer, r *rubric.Rubric, d *assess.Diff, files DiffFiles, style Style) error {
	pr := &printer{w: w, width: style.lineWidth()}
	pr.line("%s  %s", style.Bold(d.New.Assessment.Person), style.Dim(diffSpan(d)))
	pr.line("  old: %s  %s", files.Old, style.Dim(RaterLine(d.Old.Assessment)))
	pr.line("  new: %s  %s", files.New, style.Dim(RaterLine(d.New.Assessment)))
	pr.line("Fit level: %s", fitChange(r, d))
	pr.line("")

	lt := NewTable(style, "Level", "Before", "", "After", "", "Change").AlignRight(1, 3, 5)
	for _, t := range d.Levels {
		lt.Row(LevelTitle(r, t.ID), Percent(t.Before.Score), VerdictText(style, t.Before.Verdict),
			Percent(t.After.Score), VerdictText(style, t.After.Verdict), SignedPoints(t.Before.Score, t.After.Score))
	}
	pr.table(lt)
	if len(d.Specialties) > 0 {
		pr.line("")
		st := NewTable(style, "Specialty", "Before", "", "After", "", "Change").AlignRight(1, 3, 5)
		for _, t := range d.Specialties {
			row := []any{SpecialtyTitle(r, t.ID), "-", "not scored", "-", "not scored", ""}
			if t.Before != nil {
				row[1], row[2] = Percent(t.Before.Score), VerdictText(style, t.Before.Verdict)
			}
			if t.After != nil {
				row[3], row[4] = Percent(t.After.Score), VerdictText(style, t.After.Verdict)
			}
			if t.Before != nil && t.After != nil {
				row[5] = SignedPoints(t.Before.Score, t.After.Score)
			}
			st.Row(row...)
		}
		pr.table(st)
	}
	if len(d.Criteria) == 0 {
		pr.line("")
		pr.line("No answer changed.")
		return pr.err
	}
	for _, sec := range changeSections {
		n := d.Count(sec.change)
		if n == 0 {
			continue
		}
		pr.line("")
		pr.line("%s", style.Bold(fmt.Sprintf("%s (%d)", sec.title, n)))
		t := NewTable(style, "Criterion", "Before", "After", "Question")
		for _, c := range d.Criteria {
			if c.Change == sec.change {
				t.Row(c.ID, ratingShort(c.Before), ratingShort(c.After), r.Criterion(c.ID).Prompt)
			}
		}
		pr.table(t)
	}
	return pr.err
}

func diffSpan(d *assess.Diff) string {
	o, n := d.Old.Assessment.Updated, d.New.Assessment.Updated
	if o.IsZero() || n.IsZero() {
		return "progress between two assessments"
	}
	return "progress from " + o.UTC().Format("2006-01-02") + " to " + n.UTC().Format("2006-01-02")
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

// RenderDiffMarkdown writes a diff as Markdown, to paste into an issue or a
// promotion document.
func RenderDiffMarkdown(w io.Writer, r *rubric.Rubric, d *assess.Diff, files DiffFiles) error {
	pr := &printer{w: w}
	pr.line("# Progress: %s", md(d.New.Assessment.Person))
	pr.line("")
	pr.line("- Before: %s (%s)", md(AssessmentLine(d.Old.Assessment)), mdCode(files.Old))
	pr.line("- After: %s (%s)", md(AssessmentLine(d.New.Assessment)), mdCode(files.New))
	pr.line("- Fit level: **%s**", md(fitChange(r, d)))
	pr.line("")
	pr.line("| Level | Before | After | Change |")
	pr.line("| --- | --- | --- | ---: |")
	for _, t := range d.Levels {
		pr.line("| %s | %s %s | %s %s | %s |", md(LevelTitle(r, t.ID)), Percent(t.Before.Score), t.Before.Verdict,
			Percent(t.After.Score), t.After.Verdict, SignedPoints(t.Before.Score, t.After.Score))
	}
	if len(d.Specialties) > 0 {
		pr.line("")
		pr.line("| Specialty | Before | After | Change |")
		pr.line("| --- | --- | --- | ---: |")
		for _, t := range d.Specialties {
			before, after, change := "not scored", "not scored", ""
			if t.Before != nil {
				before = Percent(t.Before.Score) + " " + string(t.Before.Verdict)
			}
			if t.After != nil {
				after = Percent(t.After.Score) + " " + string(t.After.Verdict)
			}
			if t.Before != nil && t.After != nil {
				change = SignedPoints(t.Before.Score, t.After.Score)
			}
			pr.line("| %s | %s | %s | %s |", md(SpecialtyTitle(r, t.ID)), before, after, change)
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
