// Package report renders rubrics and results for people (tables, Markdown,
// HTML) and for programs (JSON, YAML, CSV). It never decides anything: the
// numbers come from assess, the terminal facts from the caller's Style.
package report

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/ladderhq/ladder/internal/termtext"
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
	sgrBold   = "1"
	sgrDim    = "2"
	sgrRed    = "31"
	sgrGreen  = "32"
	sgrYellow = "33"
	sgrCyan   = "36"
)

// Styled is text ready for the output device: whatever a user wrote in it
// has been neutralised (termtext.Safe), and its colour codes and line
// breaks are ladder's own. Every renderer prints through a printer or a
// Table, which neutralise plain strings and pass Styled text as it is: a
// name, a note or a rubric's text can only reach the output as a plain
// string, so never raw.
type Styled string

// safe neutralises what a user wrote for the output.
func safe(text string) Styled { return Styled(termtext.Safe(text)) }

func (s Style) paint(code string, text Styled) Styled {
	if !s.Color || text == "" {
		return text
	}
	return Styled("\x1b[" + code + "m" + string(text) + "\x1b[0m")
}

// Bold emphasises text, neutralised for the output.
func (s Style) Bold(text string) Styled { return s.paint(sgrBold, safe(text)) }

// Dim de-emphasises text, neutralised for the output.
func (s Style) Dim(text string) Styled { return s.paint(sgrDim, safe(text)) }

// boldText and dimText emphasise text that is Styled already (wrapped
// lines, say).
func (s Style) boldText(text Styled) Styled { return s.paint(sgrBold, text) }
func (s Style) dimText(text Styled) Styled  { return s.paint(sgrDim, text) }

// styled turns a printer's argument into text for the output: plain
// strings are neutralised, Styled text is kept, anything else is
// formatted as fmt does.
func styled(v any) any {
	switch v := v.(type) {
	case string:
		return termtext.Safe(v)
	case Styled:
		return string(v)
	}
	return v
}

// styledf is fmt.Sprintf with styled arguments.
func styledf(format string, args ...any) Styled {
	for i, a := range args {
		args[i] = styled(a)
	}
	return Styled(fmt.Sprintf(format, args...))
}

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

// Row adds a row. Plain strings are neutralised, Styled text is kept.
func (t *Table) Row(cells ...any) {
	row := make([]string, len(cells))
	for i, c := range cells {
		row[i] = fmt.Sprint(styled(c))
	}
	t.rows = append(t.rows, row)
}

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
			header[i] = string(t.style.Bold(h))
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

// Wrap fills text, which a user may have written, into lines of at most
// width cells, breaking between words; the first line starts with first,
// the others with rest (see termtext.Wrap).
func Wrap(text string, width int, first, rest string) Styled {
	return Styled(termtext.Wrap(text, width, first, rest))
}

// WrapItems joins items with sep into lines of at most width cells,
// breaking only between items.
func WrapItems(items []Styled, sep string, width int, first, rest string) Styled {
	plain := make([]string, len(items))
	for i, it := range items {
		plain[i] = string(it)
	}
	return Styled(termtext.WrapItems(plain, sep, width, first, rest))
}
