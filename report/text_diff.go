package report

import (
	"fmt"
	"io"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/rubric"
)

// RenderDiff writes a diff for a terminal or a pipe: fit level, every level
// and specialty before and after, then the criteria that moved.
func RenderDiff(w io.Writer, r *rubric.Rubric, d *assess.Diff, files DiffFiles, style Style) error {
	pr := &printer{w: w, width: style.lineWidth()}
	pr.line("%s  %s", style.Bold(d.New.Assessment.Person), style.Dim(diffSpan(d)))
	pr.line("  old: %s  %s", files.Old, style.Dim(RaterLine(d.Old.Assessment)))
	pr.line("  new: %s  %s", files.New, style.Dim(RaterLine(d.New.Assessment)))
	pr.line("Fit level: %s", fitChange(r, d))
	pr.line("")

	lt := newTable(style, "Level", "Before", "", "After", "", "Change").alignRight(1, 3, 5)
	for _, t := range d.Levels {
		lt.row(levelTitle(r, t.ID), percent(t.Before.Score), verdictText(style, t.Before.Verdict),
			percent(t.After.Score), verdictText(style, t.After.Verdict), signedPoints(t.Before.Score, t.After.Score))
	}
	pr.table(lt)
	if len(d.Specialties) > 0 {
		pr.line("")
		st := newTable(style, "Specialty", "Before", "", "After", "", "Change").alignRight(1, 3, 5)
		for _, t := range d.Specialties {
			row := []any{specialtyTitle(r, t.ID), "-", "not scored", "-", "not scored", ""}
			if t.Before != nil {
				row[1], row[2] = percent(t.Before.Score), verdictText(style, t.Before.Verdict)
			}
			if t.After != nil {
				row[3], row[4] = percent(t.After.Score), verdictText(style, t.After.Verdict)
			}
			if t.Before != nil && t.After != nil {
				row[5] = signedPoints(t.Before.Score, t.After.Score)
			}
			st.row(row...)
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
		t := newTable(style, "Criterion", "Before", "After", "Question")
		for _, c := range d.Criteria {
			if c.Change == sec.change {
				t.row(c.ID, ratingShort(c.Before), ratingShort(c.After), r.Criterion(c.ID).Prompt)
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
