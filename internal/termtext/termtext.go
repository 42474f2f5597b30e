// Package termtext is how text meets a terminal: what a user wrote is
// neutralised before it is shown (no escape sequence, control character or
// bidirectional override reaches the terminal raw), and text is measured
// in display cells, not bytes or runes, so that it wraps at word
// boundaries to the width of the screen.
package termtext

import (
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// Safe neutralises s for a terminal and keeps it on one line: line breaks,
// tabs and other whitespace controls become spaces; every other control
// character (ESC, which starts escape sequences, BEL, backspace, DEL, ...)
// becomes its visible symbol from the Control Pictures block (␛, ␇, ...);
// C1 controls, bidirectional embeddings, overrides and isolates, and bytes
// that are not UTF-8 become U+FFFD. What was there stays visible, and
// nothing can move the cursor, clear the screen, set the window title or
// reorder the text around it.
func Safe(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
			i++
			continue
		}
		i += size
		switch {
		case isSpaceControl(r):
			b.WriteByte(' ')
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune(0x2421)
		case r >= 0x80 && r <= 0x9f, isBidiControl(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPlain says s is printable ASCII only, the common case, which Safe
// returns as it is.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

func isSpaceControl(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// isBidiControl reports the characters that reorder the text around them
// (the "Trojan Source" class): embeddings, overrides and isolates. The
// weaker marks (LRM, RLM, ALM) are left, as right-to-left text needs them.
func isBidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// Width is the number of terminal cells s takes: wide East Asian
// characters and emoji count two, combining marks none, and the colour
// codes ladder adds (SGR sequences) nothing. It measures the way the table
// renderer does, so that text wrapped here lines up in its tables.
func Width(s string) int {
	n, plain := 0, true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[':
			// A colour code: ESC [ parameters, then a final letter.
			j := i + 2
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';') {
				j++
			}
			i = j
		case c < 0x80:
			n++
		default:
			plain = false
		}
		if !plain {
			break
		}
	}
	if plain {
		return n
	}
	return twwidth.WidthWithOptions(s, twwidth.Options{})
}

// Wrap fills text into lines of at most width cells, breaking between
// words; the first line starts with first, the others with rest. Runs of
// whitespace fold into one space, and the text is neutralised (Safe) on
// the way. Words are never broken: a word longer than a line (a path, a
// URL) stands alone on its line, whole, so that it can still be copied;
// only wide (East Asian) characters, which need no spaces, break between
// any two. A width of 0 or less never wraps.
func Wrap(text string, width int, first, rest string) string {
	if isPlain(text) && isPlain(first) && isPlain(rest) {
		return string(fillPlain(make([]byte, 0, len(first)+len(text)+2*len(rest)+8), text, width, first, rest))
	}
	return strings.Join(Lines(text, width, first, rest), "\n")
}

// Lines is Wrap's lines, without the line breaks.
func Lines(text string, width int, first, rest string) []string {
	if isPlain(text) && isPlain(first) && isPlain(rest) {
		return strings.Split(string(fillPlain(nil, text, width, first, rest)), "\n")
	}
	return fill(strings.Fields(Safe(text)), width, first, rest, false)
}

// fillPlain is fill for text and prefixes of printable ASCII, the common
// case, where a space is the only white space and a byte a cell: the
// lines, joined by line breaks, appended to b, without a slice of words
// or a width measured (a large calibration wraps hundreds of thousands of
// lines).
func fillPlain(b []byte, text string, width int, first, rest string) []byte {
	line := len(b) // where the current line starts in b
	b = append(b, first...)
	used, empty := len(first), true
	for i := 0; ; {
		for i < len(text) && text[i] == ' ' {
			i++
		}
		if i == len(text) {
			break
		}
		j := i
		for j < len(text) && text[j] != ' ' {
			j++
		}
		w := j - i
		if !empty && width > 0 && used+1+w > width {
			b = trimSpaces(b, line)
			b = append(b, '\n')
			line = len(b)
			b = append(b, rest...)
			used, empty = len(rest), true
		}
		if !empty {
			b = append(b, ' ')
			used++
		}
		b = append(b, text[i:j]...)
		used += w
		empty = false
		i = j
	}
	return trimSpaces(b, line)
}

// trimSpaces drops the spaces at the end of b, back to from at most.
func trimSpaces(b []byte, from int) []byte {
	for len(b) > from && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return b
}

// Refill is Lines for text that is neutralised already and may hold
// colour codes (which take no room): a line of ladder's too wide for the
// screen.
func Refill(text string, width int, first, rest string) []string {
	return fill(strings.Fields(text), width, first, rest, false)
}

// Break is Refill for a table cell that must not be wider than width
// whatever it holds: a word longer than the line is cut where the line
// ends.
func Break(text string, width int) []string {
	return fill(strings.Fields(text), width, "", "", true)
}

// LongestWord is the width of the widest word of text: the narrowest it
// can be wrapped without breaking a word.
func LongestWord(text string) int {
	n, start := 0, -1
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == ' ' || text[i] == '\n' {
			if start >= 0 {
				n = max(n, Width(text[start:i]))
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return n
}

func fill(words []string, width int, first, rest string, cut bool) []string {
	var (
		lines []string
		line  strings.Builder
		used  int
		empty = true
	)
	start := func(prefix string) {
		line.Reset()
		line.WriteString(prefix)
		used, empty = Width(prefix), true
	}
	flush := func() {
		lines = append(lines, strings.TrimRight(line.String(), " "))
	}
	start(first)
	for _, word := range words {
		w := Width(word)
		if !empty && width > 0 && used+1+w > width {
			flush()
			start(rest)
		}
		if !empty {
			line.WriteByte(' ')
			used++
		}
		// A word longer than a whole line is cut where the line ends.
		// Chinese and Japanese text breaks between any two characters;
		// it has no spaces to break at.
		for (cut || w > len([]rune(word))) && width > 0 && used+w > width && used < width {
			head, tail := cutCells(word, width-used)
			if head == "" {
				break
			}
			line.WriteString(head)
			flush()
			start(rest)
			word, w = tail, Width(tail)
		}
		line.WriteString(word)
		used += w
		empty = false
	}
	flush()
	return lines
}

// cutCells splits s after at most n cells.
func cutCells(s string, n int) (head, tail string) {
	used := 0
	for i, r := range s {
		w := Width(string(r))
		if used+w > n {
			return s[:i], s[i:]
		}
		used += w
	}
	return s, ""
}

// WrapItems joins items with sep into lines of at most width cells,
// breaking only between items; the first line starts with first, the
// others with rest. Items are ladder's own (they may carry colour codes):
// neutralise what a user wrote before it becomes an item.
func WrapItems(items []string, sep string, width int, first, rest string) string {
	var b strings.Builder
	line, used, empty := first, Width(first), true
	sepWidth := Width(sep)
	for _, it := range items {
		w := Width(it)
		if !empty && width > 0 && used+sepWidth+w > width {
			b.WriteString(strings.TrimRight(line, " "))
			b.WriteByte('\n')
			line, used, empty = rest, Width(rest), true
		}
		if !empty {
			line += sep
			used += sepWidth
		}
		line += it
		used += w
		empty = false
	}
	b.WriteString(line)
	return b.String()
}
