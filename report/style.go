// Package report renders rubrics and results for people (tables, Markdown,
// HTML) and for programs (JSON, YAML, CSV). It never decides anything: the
// numbers come from assess, the terminal facts from the caller's Style.
package report

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// Style says how the output device looks.
type Style struct {
	Color   bool // ANSI colour (a terminal, and NO_COLOR unset)
	Borders bool // box-drawn tables (a terminal); plain aligned columns otherwise
}

// ANSI SGR codes used for emphasis.
const (
	bold   = "1"
	dim    = "2"
	red    = "31"
	green  = "32"
	yellow = "33"
	cyan   = "36"
)

func (s Style) paint(code, text string) string {
	if !s.Color || text == "" {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

// Bold emphasises text.
func (s Style) Bold(text string) string { return s.paint(bold, text) }

// Dim de-emphasises text.
func (s Style) Dim(text string) string { return s.paint(dim, text) }

// Table is a table being built.
type Table struct {
	style  Style
	header []string
	rows   [][]string
	right  map[int]bool
}

// NewTable starts a table with these column headers.
func NewTable(style Style, header ...string) *Table {
	return &Table{style: style, header: header, right: map[int]bool{}}
}

// AlignRight right-aligns the given columns (numbers).
func (t *Table) AlignRight(cols ...int) *Table {
	for _, c := range cols {
		t.right[c] = true
	}
	return t
}

// Row adds a row.
func (t *Table) Row(cells ...string) { t.rows = append(t.rows, cells) }

// Render writes the table.
func (t *Table) Render(w io.Writer) error {
	align := make([]tw.Align, len(t.header))
	for i := range align {
		align[i] = tw.AlignLeft
		if t.right[i] {
			align[i] = tw.AlignRight
		}
	}
	opts := []tablewriter.Option{
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithEastAsian(tw.Off),
	}
	var sink strings.Builder
	if !t.style.Borders {
		opts = append(opts,
			tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
				Borders:  tw.BorderNone,
				Settings: tw.Settings{Separators: tw.SeparatorsNone, Lines: tw.LinesNone},
			})),
			tablewriter.WithPadding(tw.Padding{Left: "", Right: "  ", Overwrite: true}),
		)
	}
	header := t.header
	if t.style.Color {
		header = make([]string, len(t.header))
		for i, h := range t.header {
			header[i] = t.style.Bold(h)
		}
	}
	tbl := tablewriter.NewTable(&sink, opts...)
	tbl.Header(header)
	for _, r := range t.rows {
		if err := tbl.Append(r); err != nil {
			return err
		}
	}
	if err := tbl.Render(); err != nil {
		return err
	}
	// The plain style pads the last column; trailing spaces only get in the
	// way of grep and diff.
	var out strings.Builder
	for _, line := range strings.SplitAfter(sink.String(), "\n") {
		nl := strings.HasSuffix(line, "\n")
		out.WriteString(strings.TrimRight(line, " \n"))
		if nl {
			out.WriteByte('\n')
		}
	}
	_, err := io.WriteString(w, out.String())
	return err
}

// Percent shows a score as a whole percentage, rounded down so that a score
// just below a threshold never shows as reaching it.
func Percent(score float64) string {
	return fmt.Sprintf("%d%%", int(math.Floor(score*100+1e-9)))
}

// Round2 rounds a score down to two decimals for data output, for the same
// reason.
func Round2(score float64) float64 {
	return math.Floor(score*100+1e-9) / 100
}

// Bar draws a score as a bar of width cells.
func Bar(score float64, width int) string {
	full := int(math.Floor(score*float64(width) + 1e-9))
	if full > width {
		full = width
	}
	if full < 0 {
		full = 0
	}
	return strings.Repeat("█", full) + strings.Repeat("░", width-full)
}

// room is how many columns the last column of a table may take for the whole
// to fit width, given the widths of the columns before it; never less than
// 24, so that a text column stays readable on a very narrow table.
func (s Style) room(width int, before ...int) int {
	used := 0
	for _, w := range before {
		used += w + 2 // the column and the padding after it
	}
	if s.Borders {
		used += 3*len(before) + 4 // "│ " ... " │" around every cell
	}
	if left := width - used; left > 24 {
		return left
	}
	return 24
}
