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

// HistoryJSON is the data form of one person's history.
type HistoryJSON struct {
	Person      string             `json:"person" yaml:"person"`
	Assessments []HistoryEntryJSON `json:"assessments" yaml:"assessments"`
	Trend       []LevelTrendJSON   `json:"trend" yaml:"trend"`
	Invalid     []string           `json:"invalid" yaml:"invalid"`
}

// HistoryEntryJSON is one stored assessment and its scores.
type HistoryEntryJSON struct {
	File        string          `json:"file" yaml:"file"`
	Updated     *string         `json:"updated" yaml:"updated"`
	Rater       string          `json:"rater" yaml:"rater"`
	Role        string          `json:"role" yaml:"role"`
	FitLevel    *string         `json:"fit_level" yaml:"fit_level"`
	Levels      []TargetStateID `json:"levels" yaml:"levels"`
	Specialties []TargetStateID `json:"specialties" yaml:"specialties"`
}

// TargetStateID is a level's or specialty's score and verdict.
type TargetStateID struct {
	ID      string  `json:"id" yaml:"id"`
	Score   float64 `json:"score" yaml:"score"`
	Verdict string  `json:"verdict" yaml:"verdict"`
}

// LevelTrendJSON is one level's score in every assessment, oldest first.
type LevelTrendJSON struct {
	Level  string    `json:"level" yaml:"level"`
	Scores []float64 `json:"scores" yaml:"scores"`
}

// NewHistoryJSON converts a history to its data form.
func NewHistoryJSON(r *rubric.Rubric, h *assess.History) HistoryJSON {
	out := HistoryJSON{Person: h.Person, Assessments: []HistoryEntryJSON{}, Trend: []LevelTrendJSON{}, Invalid: []string{}}
	for _, e := range h.Entries {
		a := e.Result.Assessment
		j := HistoryEntryJSON{File: e.File, Rater: a.Rater, Role: string(a.Role), Levels: []TargetStateID{}, Specialties: []TargetStateID{}}
		if !a.Updated.IsZero() {
			u := a.Updated.UTC().Format("2006-01-02T15:04:05Z")
			j.Updated = &u
		}
		if e.Result.FitLevel != "" {
			fit := e.Result.FitLevel
			j.FitLevel = &fit
		}
		for _, t := range e.Result.Levels {
			j.Levels = append(j.Levels, TargetStateID{ID: t.ID, Score: Round2(t.Score), Verdict: string(t.Verdict)})
		}
		for _, t := range e.Result.Specialties {
			j.Specialties = append(j.Specialties, TargetStateID{ID: t.ID, Score: Round2(t.Score), Verdict: string(t.Verdict)})
		}
		out.Assessments = append(out.Assessments, j)
	}
	if len(h.Entries) > 0 {
		for i, l := range r.Levels {
			tr := LevelTrendJSON{Level: l.ID}
			for _, s := range h.LevelTrend(i) {
				tr.Scores = append(tr.Scores, Round2(s))
			}
			out.Trend = append(out.Trend, tr)
		}
	}
	for _, err := range h.Invalid {
		out.Invalid = append(out.Invalid, err.Error())
	}
	return out
}

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
	tt := NewTable(style, "Level", "Trend")
	for i, l := range r.Levels {
		scores := h.LevelTrend(i)
		cell := percents(scores)
		if opt.Sparkline {
			cell = Sparkline(scores) + "  " + Percent(scores[0])
			if n > 1 {
				cell += " → " + Percent(scores[n-1])
			}
		}
		tt.Row(l.Title, cell)
	}
	pr.table(tt)
	return pr.err
}

// historyTable has a row per assessment: date, rater, fit level, every
// level's score, and the file name when withFile.
func historyTable(r *rubric.Rubric, h *assess.History, style Style, withFile bool) *Table {
	header := []string{"Date", "Rater", "Fit level"}
	var right []int
	for _, l := range r.Levels {
		right = append(right, len(header))
		header = append(header, l.ID)
	}
	if withFile {
		header = append(header, "File")
	}
	t := NewTable(style, header...).AlignRight(right...)
	for _, e := range h.Entries {
		a := e.Result.Assessment
		fit := e.Result.FitLevel
		if fit == "" {
			fit = "-"
		}
		row := []any{dateOf(a), fmt.Sprintf("%s (%s)", a.Rater, a.Role), fit}
		for _, t := range e.Result.Levels {
			row = append(row, Percent(t.Score))
		}
		if withFile {
			row = append(row, filepath.Base(e.File))
		}
		t.Row(row...)
	}
	return t
}

func dateOf(a *assess.Assessment) string {
	if a.Updated.IsZero() {
		return "undated"
	}
	return a.Updated.UTC().Format("2006-01-02")
}

func percents(scores []float64) string {
	parts := make([]string, len(scores))
	for i, s := range scores {
		parts[i] = fmt.Sprint(floorPercent(s))
	}
	return strings.Join(parts, " ")
}

var sparks = []rune("▁▂▃▄▅▆▇█")

// Sparkline draws scores (0..1) as one block each, on an absolute scale: ▁
// below 12.5%, █ from 87.5%, so that two sparklines compare.
func Sparkline(scores []float64) string {
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

// PersonSummary is one person of the store, for the list of people.
type PersonSummary struct {
	Person      string  `json:"person" yaml:"person"`
	Folder      string  `json:"folder" yaml:"folder"`
	Assessments int     `json:"assessments" yaml:"assessments"`
	Latest      *string `json:"latest" yaml:"latest"`
	FitLevel    *string `json:"fit_level" yaml:"fit_level"`
	Invalid     int     `json:"invalid" yaml:"invalid"`
}

// NewPersonSummary sums up one person's history.
func NewPersonSummary(folder string, h *assess.History) PersonSummary {
	s := PersonSummary{Person: h.Person, Folder: folder, Assessments: len(h.Entries), Invalid: len(h.Invalid)}
	if n := len(h.Entries); n > 0 {
		last := h.Entries[n-1].Result
		if !last.Assessment.Updated.IsZero() {
			d := dateOf(last.Assessment)
			s.Latest = &d
		}
		if last.FitLevel != "" {
			fit := last.FitLevel
			s.FitLevel = &fit
		}
	}
	return s
}

// RenderPeople lists the people of the store.
func RenderPeople(w io.Writer, people []PersonSummary, style Style) error {
	pr := &printer{w: w, width: style.lineWidth()}
	t := NewTable(style, "Person", "Folder", "Assessments", "Latest", "Fit level (latest)").AlignRight(2)
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
		t.Row(p.Person, p.Folder, count, latest, fit)
	}
	pr.table(t)
	pr.line("")
	pr.line("%s", style.Dim("ladder history PERSON shows one person's assessments and trends."))
	return pr.err
}
