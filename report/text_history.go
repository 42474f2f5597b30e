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
	// beside the scores, they are listed under the table instead.
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

	pr.line("")
	pr.line("%s", style.Bold("Trend, oldest first"))
	tt := newTable(style, "Level", "Trend")
	for i, l := range r.Levels {
		scores := h.LevelTrend(i)
		cell := percents(scores)
		if opt.Sparkline {
			cell = sparkline(scores) + "  " + percent(scores[0])
			if n > 1 {
				cell += " → " + percent(scores[n-1])
			}
		}
		tt.row(l.Title, cell)
	}
	pr.table(tt)
	return pr.err
}

// historyTable has a row per assessment: date, rater, fit level, every
// level's score, and the file name when withFile.
func historyTable(r *rubric.Rubric, h *assess.History, style Style, withFile bool) *table {
	header := []string{"Date", "Rater", "Fit level"}
	var right []int
	for _, l := range r.Levels {
		right = append(right, len(header))
		header = append(header, l.ID)
	}
	if withFile {
		header = append(header, "File")
	}
	t := newTable(style, header...).alignRight(right...)
	for _, e := range h.Entries {
		a := e.Result.Assessment
		fit := e.Result.FitLevel
		if fit == "" {
			fit = "-"
		}
		row := []any{dateOf(a), fmt.Sprintf("%s (%s)", a.Rater, a.Role), fit}
		for _, t := range e.Result.Levels {
			row = append(row, percent(t.Score))
		}
		if withFile {
			row = append(row, filepath.Base(e.File))
		}
		t.row(row...)
	}
	return t
}

func percents(scores []float64) string {
	parts := make([]string, len(scores))
	for i, s := range scores {
		parts[i] = fmt.Sprint(floorPercent(s))
	}
	return strings.Join(parts, " ")
}

var sparks = []rune("▁▂▃▄▅▆▇█")

// sparkline draws scores (0..1) as one block each, on an absolute scale: ▁
// below 12.5%, █ from 87.5%, so that two sparklines compare.
func sparkline(scores []float64) string {
	var b strings.Builder
	for _, s := range scores {
		i := int(math.Floor(s * float64(len(sparks))))
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
	t := newTable(style, "Person", "Folder", "Assessments", "Latest", "Fit level (latest)").alignRight(2)
	for _, p := range people {
		latest, fit := "-", "-"
		if p.Latest != nil {
			latest = *p.Latest
		}
		if p.FitLevel != nil {
			fit = *p.FitLevel
		}
		count := fmt.Sprint(p.Assessments)
		if p.Invalid > 0 {
			count += fmt.Sprintf(" (+%d invalid)", p.Invalid)
		}
		t.row(p.Person, p.Folder, count, latest, fit)
	}
	pr.table(t)
	pr.line("")
	pr.line("%s", style.Dim("ladder history PERSON shows one person's assessments and trends."))
	return pr.err
}
