// Package report renders rubrics and results for people (tables, Markdown,
// HTML) and for programs (JSON, YAML, CSV). It never decides anything: the
// numbers come from assess, the terminal facts from the caller's Style.
//
// Its files follow what they render: text_*.go for terminals and pipes
// (on style.go's printer and table.go's table), markdown.go, html.go with
// page.go and radar.go (the shareable report), calibrate_page.go (the
// calibration page), csv.go, data.go (JSON and YAML); rubricdiff.go holds
// every form of a rubric diff. words.go, calibration.go and show.go hold
// what several of them say alike. Whatever a user wrote is neutralised for
// each of them on the way out: see Styled, md, csvCell and neutralise.
package report

import (
	"fmt"
	"io"
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
	// Program is the command that runs ladder, quoted for a shell, as the
	// commands printed for the person to run start; "" is "ladder".
	Program string
}

// program is the command that runs ladder, for hints.
func (s Style) program() string {
	if s.Program == "" {
		return "ladder"
	}
	return s.Program
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
// table, which neutralise plain strings and pass Styled text as it is: a
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

// printer writes lines; the first error sticks and ends the output. Its
// arguments are neutralised (see Styled): the format is ladder's own. A
// line wider than width (when it is more than 0) wraps at word
// boundaries, its continuation indented under it: every line of text fits
// the terminal, whatever a name or a title holds.
type printer struct {
	w     io.Writer
	width int
	err   error
}

func (p *printer) line(format string, args ...any) {
	if p.err != nil {
		return
	}
	text := string(styledf(format, args...))
	var b strings.Builder
	for _, line := range strings.Split(text, "\n") {
		if p.width > 0 && termtext.Width(line) > p.width {
			indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
			line = strings.Join(termtext.Refill(line, p.width, indent, indent+"  "), "\n")
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	_, p.err = io.WriteString(p.w, b.String())
}

// whole writes a line as it is, however wide: a command to copy, or a
// path, stays whole on its line.
func (p *printer) whole(format string, args ...any) {
	width := p.width
	p.width = 0
	p.line(format, args...)
	p.width = width
}

// Printf writes a line of ladder's own format whose plain string
// arguments are neutralised for a terminal, wrapped to the style's width:
// what commands print beside the renderers goes through here.
func Printf(w io.Writer, style Style, format string, args ...any) error {
	p := &printer{w: w, width: style.lineWidth()}
	p.line(strings.TrimSuffix(format, "\n"), args...)
	return p.err
}

func (p *printer) table(t *table) {
	if p.err == nil {
		p.err = t.render(p.w)
	}
}
