package prompt

import (
	"strings"

	"github.com/ladderhq/ladder/internal/termtext"
)

// layout shapes what a question shows to a terminal width cells wide, so
// that survey draws no line the terminal would have to break (it breaks
// them at the last column, mid-word, and survey then miscounts the lines
// it has to redraw). Text wraps at word boundaries; an option's
// description continues under itself. Everything is neutralised on the
// way (termtext.Safe). A width of 0 leaves lines as long as they are.
type layout struct{ width int }

// The parts survey puts around the text: "? " before a message, the
// cursor or two spaces before a Select option, cursor and check box before
// a MultiSelect one, " - " between an option and its description.
const (
	messagePrefix     = "? "
	selectPrefix      = "  "
	multiSelectPrefix = "> [ ]  "
	descriptionSep    = " - "
)

// message wraps a question's message, its later lines indented under the
// first. hint is what survey writes after it ("[? for help]"): when it
// would not fit beside the last line, the message ends in a line break,
// so that the hint starts a line of its own.
func (l layout) message(message string, hint int) string {
	if message == "" {
		return ""
	}
	lines := termtext.Lines(message, l.width, messagePrefix, "  ")
	lines[0] = strings.TrimPrefix(lines[0], messagePrefix)
	if l.width > 0 && hint > 0 && termtext.Width(lines[len(lines)-1])+1+hint > l.width {
		lines = append(lines, " ")
	}
	return strings.Join(lines, "\n")
}

// hint is the key reminder survey shows after a Select's or MultiSelect's
// message, wrapped: it follows the message's last line when it fits
// there, else it starts a line of its own. answer is what message
// reserved for the answer (see message): when the message ends in a line
// of its own for it, the hint starts on that line.
func (l layout) hint(message, hint string, answer int) string {
	lines := termtext.Lines(message, l.width, messagePrefix, "  ")
	last := termtext.Width(lines[len(lines)-1])
	switch {
	case l.width <= 0 || last+2+termtext.Width(hint) <= l.width && last+1+answer <= l.width:
		return "  " + hint
	case answer > 0 && last+1+answer > l.width:
		// The message ends in " ", a line started for the answer.
		return termtext.Wrap(hint, l.width, "  ", "  ")[1:]
	}
	return "\n" + termtext.Wrap(hint, l.width, "  ", "  ")
}

// help wraps the text shown on '?': each of its lines (the caller's line
// breaks are kept) wraps on its own, indented under the "? ".
func (l layout) help(help string) string {
	if strings.TrimSpace(help) == "" {
		return ""
	}
	var out []string
	for i, para := range strings.Split(help, "\n") {
		first := "  "
		if i == 0 {
			first = messagePrefix
		}
		lines := termtext.Lines(para, l.width, first, "  ")
		if i == 0 {
			lines[0] = strings.TrimPrefix(lines[0], messagePrefix)
		}
		out = append(out, lines...)
	}
	return strings.Join(out, "\n")
}

// description wraps an option's description to follow "prefix label - "
// and continue on lines of its own, indented under the label's text.
func (l layout) description(prefix, label, description string) string {
	if description == "" {
		return ""
	}
	head := prefix + termtext.Safe(label) + descriptionSep
	indent := strings.Repeat(" ", termtext.Width(prefix)+2)
	if l.width > 0 && termtext.Width(head) > l.width/2 {
		// A long label leaves little room beside it: the description
		// starts under it.
		lines := termtext.Lines(description, l.width, indent, indent)
		return "\n" + strings.Join(lines, "\n")
	}
	lines := termtext.Lines(description, l.width, head, indent)
	lines[0] = strings.TrimPrefix(lines[0], head)
	return strings.Join(lines, "\n")
}

// describe is survey's Description function for options drawn after
// prefix.
func (l layout) describe(prefix string, options []Option) func(string, int) string {
	return func(_ string, i int) string {
		if i < 0 || i >= len(options) {
			return ""
		}
		return l.description(prefix, options[i].Label, options[i].Description)
	}
}
