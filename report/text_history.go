package report

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/rubric"
)

// HistoryOptions tune the history table.
type HistoryOptions struct {
	// Sparkline draws each level's trend as ▁▂▃▄▅▆▇█ (on a terminal);
	// otherwise the trend is the plain percentages.
	Sparkline bool
	// Empty says why there is nothing to show, when the caller filtered
	// every assessment out.
	Empty string
}

// RenderHistory writes one person's assessments in time order with every
// level's score, then each level's trend.
func RenderHistory(w io.Writer, r *rubric.Rubric, h *assess.History, style Style, opt HistoryOptions) error {
	pr := &printer{w: w, width: style.lineWidth()}
	n := len(h.Entries)
	if n == 0 {
		why := "no assessment could be read"
		if opt.Empty != "" {
			why = opt.Empty
		}
		pr.line("%s  %s", style.Bold(h.Person), style.Dim(why))
		return pr.err
	}
	first, last := h.Entries[0].Result.Assessment, h.Entries[n-1].Result.Assessment
	span := dateOf(first)
	if n > 1 {
		span += " to " + dateOf(last)
	}
	pr.line("%s  %s", style.Bold(h.Person), style.Dim(fmt.Sprintf("%d %s, %s", n, plural(n, "assessment", "assessments"), span)))
	pr.line("")

	// The file names are long words: on a terminal too narrow for them
	// beside the rest, they are listed under the table instead.
	t := historyTable(r, h, style, true)
	withFiles := t.fitsWhole()
	if !withFiles {
		t = historyTable(r, h, style, false)
	}
	pr.table(t)
	if !withFiles {
		for _, e := range h.Entries {
			pr.line("%s", style.Dim(dateOf(e.Result.Assessment)+": "+filepath.Base(e.File)))
		}
	}
	unfinished := 0
	for _, e := range h.Entries {
		if e.Unfinished() {
			unfinished++
		}
	}

	pr.line("")
	title := "Trend, oldest first"
	if unfinished > 0 {
		title += fmt.Sprintf(" (%d unfinished %s left out: -)", unfinished, plural(unfinished, "assessment", "assessments"))
	}
	pr.line("%s", style.Bold(title))
	tt := newTable(style, "Level", "Trend")
	for i, l := range r.Levels {
		scores := h.LevelTrend(i)
		cell := percents(scores, " ")
		if opt.Sparkline {
			cell = sparkline(scores) + "  " + trendText(scores)
		}
		tt.row(l.Title, cell)
	}
	pr.table(tt)
	return pr.err
}

// historyTable has a row per assessment: date, rater, fit level, how far
// its questions were answered, and the file name when withFile.
func historyTable(r *rubric.Rubric, h *assess.History, style Style, withFile bool) *table {
	header := []string{"Date", "Rater", "Fit level", "Answered"}
	if withFile {
		header = append(header, "File")
	}
	t := newTable(style, header...)
	for _, e := range h.Entries {
		a := e.Result.Assessment
		fit := fitWords(r, e.Result)
		if e.Unfinished() {
			fit = "-"
		}
		row := []any{dateOf(a), fmt.Sprintf("%s (%s)", a.Rater, a.Role), fit, completionText(style, e.Completion)}
		if withFile {
			row = append(row, filepath.Base(e.File))
		}
		t.row(row...)
	}
	return t
}

// completionText says how far an assessment got: "all 48", "quick: 33 of
// 48", "unfinished: 12 of 55".
func completionText(style Style, c assess.Completion) Styled {
	total := c.Answered + c.Open
	switch {
	case c.Finished():
		return styledf("all %d", c.Answered)
	case c.Quick:
		return styledf("quick: %d of %d", c.Answered, total)
	}
	return style.paint(sgrYellow, styledf("unfinished: %d of %d", c.Answered, total))
}

// percents lists scores as whole percentages, "-" for an unfinished
// assessment.
func percents(scores []*float64, sep string) string {
	parts := make([]string, len(scores))
	for i, s := range scores {
		parts[i] = "-"
		if s != nil {
			parts[i] = fmt.Sprint(floorPercent(*s))
		}
	}
	return strings.Join(parts, sep)
}

// trendText shows a trend beside its sparkline: "63% → 70% → 83%", every
// score for a few assessments, the first and the last for more; "-" for
// an unfinished one.
func trendText(scores []*float64) string {
	if len(scores) > 6 {
		scores = []*float64{scores[0], scores[len(scores)-1]}
	}
	parts := make([]string, len(scores))
	for i, s := range scores {
		parts[i] = "-"
		if s != nil {
			parts[i] = percent(*s)
		}
	}
	return strings.Join(parts, " → ")
}

var sparks = []rune("▁▂▃▄▅▆▇█")

// sparkline draws scores (0..1) as one block each, on an absolute scale: ▁
// below 12.5%, █ from 87.5%, so that two sparklines compare; an unfinished
// assessment (nil) is a gap.
func sparkline(scores []*float64) string {
	var b strings.Builder
	for _, s := range scores {
		if s == nil {
			b.WriteRune(' ')
			continue
		}
		i := int(math.Floor(*s * float64(len(sparks))))
		if i >= len(sparks) {
			i = len(sparks) - 1
		}
		if i < 0 {
			i = 0
		}
		b.WriteRune(sparks[i])
	}
	return b.String()
}

// RenderPeople lists the people of the store.
func RenderPeople(w io.Writer, people []PersonSummary, style Style) error {
	pr := &printer{w: w, width: style.lineWidth()}
	t := newTable(style, "Person", "Folder", "Assessments", "Latest", "Fit level (latest finished)").alignRight(2)
	for _, p := range people {
		latest, fit := "-", "-"
		if p.Latest != nil {
			latest = *p.Latest
		}
		if p.FitLevel != nil {
			fit = p.fitTitle
		}
		count := fmt.Sprint(p.Assessments)
		if p.Unfinished > 0 {
			count += fmt.Sprintf(" (%d unfinished)", p.Unfinished)
		}
		if p.Invalid > 0 {
			count += fmt.Sprintf(" (+%d invalid)", p.Invalid)
		}
		t.row(p.Person, p.Folder, count, latest, fit)
	}
	pr.table(t)
	pr.line("")
	pr.line("%s", style.Dim(style.program()+" history PERSON shows one person's assessments and trends."))
	return pr.err
}
