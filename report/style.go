// Package report renders rubrics and results for people (tables, Markdown,
// HTML) and for programs (JSON, YAML, CSV). It never decides anything: the
// numbers come from assess, the terminal facts from the caller's Style.
package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/ladderhq/ladder/internal/termtext"
)

// Style says how the output device looks.
type Style struct {
	Color bool // ANSI colour (a terminal, and NO_COLOR unset)
	// Borders says the output is a terminal: tables are box-drawn and fit
	// Width, wrapping their widest columns at word boundaries, and every
	// line of text wraps to fit it too. Otherwise tables are plain aligned
	// columns with each row on one line, whole, and lines are kept as they
	// are, for the programs that read them.
	Borders bool
	// Width is how many cells a line may take; prose (notes, summaries)
	// wraps there on a terminal and off it. 0: no limit.
	Width int
}

// lineWidth is the width every line is held to: the terminal's.
func (s Style) lineWidth() int {
	if s.Borders {
		return s.Width
	}
	return 0
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

// wrap fills text, which a user may have written, into lines of the
// style's width, breaking between words; the first line starts with
// first, the others with rest (see termtext.Wrap).
func (s Style) wrap(text string, first, rest string) Styled {
	return Styled(termtext.Wrap(text, s.Width, first, rest))
}

// wrapItems joins items with sep into lines of the style's width,
// breaking only between items.
func (s Style) wrapItems(items []Styled, sep string, first, rest string) Styled {
	plain := make([]string, len(items))
	for i, it := range items {
		plain[i] = string(it)
	}
	return Styled(termtext.WrapItems(plain, sep, s.Width, first, rest))
}

// narrower is the style for text that shares its lines with n cells of
// something else.
func (s Style) narrower(n int) Style {
	if s.Width > 0 {
		s.Width = max(s.Width-n, 1)
	}
	return s
}
