package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/ladderhq/ladder/internal/lazy"
	"github.com/ladderhq/ladder/internal/termtext"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// table is a table being built.
type table struct {
	style  Style
	header []string
	rows   [][]string
	right  map[int]bool
}

// newTable starts a table with these column headers.
func newTable(style Style, header ...string) *table {
	return &table{style: style, header: header, right: map[int]bool{}}
}

// alignRight right-aligns the given columns (numbers).
func (t *table) alignRight(cols ...int) *table {
	for _, c := range cols {
		t.right[c] = true
	}
	return t
}

// row adds a row. Plain strings are neutralised, Styled text is kept.
func (t *table) row(cells ...any) {
	row := make([]string, len(cells))
	for i, c := range cells {
		switch c := c.(type) {
		case string:
			row[i] = termtext.Safe(c)
		case Styled:
			row[i] = string(c)
		default:
			row[i] = fmt.Sprint(c)
		}
	}
	t.rows = append(t.rows, row)
}

// The room a table takes beside its cells' text: "│ " and " │" around
// every cell, the inner borders shared; gap spaces between plain columns.
func borderedExtra(cols int) int   { return 3*cols + 1 }
func plainExtra(cols, gap int) int { return gap * (cols - 1) }

// layout is how a table fits its width: each column's width limit (the
// text of a wider cell wraps at word boundaries within it), and whether
// the table keeps its borders, or else how many spaces part its columns.
type layout struct {
	limits  []int // nil: every column as wide as it needs
	natural []int
	borders bool
	gap     int
	broken  bool // words are cut: nothing else made the table fit
}

// fit works out the layout. A bordered table wider than the style's width
// first wraps its widest columns, down to their longest word; if that is
// not enough, it drops its borders, then closes its columns up to one
// space apart; and only then are words broken, in the widest columns
// first, so that nothing is ever wider than the screen. Plain tables (not
// a terminal) never wrap.
func (t *table) fit() layout {
	n := len(t.header)
	if !t.style.Borders || t.style.Width <= 0 || n == 0 {
		return layout{borders: t.style.Borders, gap: 2}
	}
	natural, words := make([]int, n), make([]int, n)
	measure := func(i int, cell string) {
		for _, line := range strings.Split(cell, "\n") {
			natural[i] = max(natural[i], termtext.Width(line))
		}
		words[i] = max(words[i], termtext.LongestWord(cell))
	}
	for i, h := range t.header {
		measure(i, h)
	}
	for _, row := range t.rows {
		for i, c := range row {
			if i < n {
				measure(i, c)
			}
		}
	}
	width := t.style.Width
	if limits, ok := shrink(natural, words, width-borderedExtra(n)); ok {
		return layout{limits: limits, natural: natural, borders: true}
	}
	for _, gap := range []int{2, 1} {
		if limits, ok := shrink(natural, words, width-plainExtra(n, gap)); ok {
			return layout{limits: limits, natural: natural, gap: gap}
		}
	}
	ones := make([]int, n)
	for i := range ones {
		ones[i] = 1
	}
	limits, _ := shrink(natural, ones, width-plainExtra(n, 1))
	return layout{limits: limits, natural: natural, gap: 1, broken: true}
}

// fitsWhole says the table fits its width without cutting a word.
func (t *table) fitsWhole() bool {
	return !t.fit().broken
}

// shrink narrows the widest columns first, none below its floor, until
// the columns' total is at most room, and says whether it got there. The
// room that is left goes back to the columns it narrowed.
func shrink(natural, floor []int, room int) ([]int, bool) {
	limitsAt := func(level int) ([]int, int) {
		out, sum := make([]int, len(natural)), 0
		for i, w := range natural {
			out[i] = min(w, max(floor[i], level))
			sum += out[i]
		}
		return out, sum
	}
	top := 0
	for _, w := range natural {
		top = max(top, w)
	}
	if _, sum := limitsAt(top); sum <= room {
		return natural, true
	}
	// The highest level at which the columns fit.
	level := sort.Search(top+1, func(l int) bool {
		_, sum := limitsAt(l)
		return sum > room
	}) - 1
	if level < 0 {
		out, _ := limitsAt(0)
		return out, false
	}
	out, sum := limitsAt(level)
	for i := range out {
		if sum < room && out[i] < natural[i] && out[i] == max(floor[i], level) {
			out[i]++
			sum++
		}
	}
	return out, sum <= room
}

// render writes the table.
func (t *table) render(w io.Writer) error {
	l := t.fit()
	wrap := func(i int, cell string) string {
		if i >= len(l.limits) || l.limits[i] >= l.natural[i] || termtext.Width(cell) <= l.limits[i] && !strings.Contains(cell, "\n") {
			return cell
		}
		// Each line of the cell wraps on its own: its line breaks are the
		// renderer's own (a label under an id).
		var lines []string
		for _, line := range strings.Split(cell, "\n") {
			lines = append(lines, termtext.Break(line, l.limits[i])...)
		}
		return strings.Join(lines, "\n")
	}
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
		// Cells arrive wrapped at word boundaries (above), the way prose
		// is: tablewriter's own wrapping splits a column budget evenly
		// and cannot break a word that is wider than its column.
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithEastAsian(tw.Off),
	}
	var sink strings.Builder
	if !l.borders {
		opts = append(opts,
			tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
				Borders:  tw.BorderNone,
				Settings: tw.Settings{Separators: tw.SeparatorsNone, Lines: tw.LinesNone},
			})),
			tablewriter.WithPadding(tw.Padding{Left: "", Right: strings.Repeat(" ", l.gap), Overwrite: true}),
		)
	}
	header := make([]string, len(t.header))
	for i, h := range t.header {
		lines := strings.Split(wrap(i, string(safe(h))), "\n")
		for k, line := range lines {
			lines[k] = string(t.style.boldText(Styled(line)))
		}
		header[i] = strings.Join(lines, "\n")
	}
	tbl := tablewriter.NewTable(&sink, opts...)
	tbl.Header(header)
	for _, r := range t.rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = wrap(i, c)
		}
		if err := tbl.Append(cells); err != nil {
			return err
		}
	}
	if err := tbl.Render(); err != nil {
		return err
	}
	// The plain style pads the last column; trailing spaces only get in the
	// way of grep and diff (and of the width), colour codes or not.
	var out strings.Builder
	for _, line := range strings.SplitAfter(sink.String(), "\n") {
		nl := strings.HasSuffix(line, "\n")
		out.WriteString(trailingSpace().ReplaceAllString(strings.TrimRight(line, " \n"), "$1"))
		if nl {
			out.WriteByte('\n')
		}
	}
	_, err := io.WriteString(w, out.String())
	return err
}

// trailingSpace is the padding at the end of a line, before any colour
// codes that close it.
var trailingSpace = lazy.Regexp(`[ ]+((?:\x1b\[[0-9;]*m)+)$`)
