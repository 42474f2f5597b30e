package draft

import (
	"strings"
	"unicode"

	"github.com/ladderhq/ladder/internal/lazy"
)

// Alternatives is a statement that any one of several options fulfils:
// "Proficient in Go or Ruby" is Prefix "Proficient in ", Options [Go, Ruby]
// and an empty Tail.
type Alternatives struct {
	Prefix  string
	Options []string
	Tail    string
}

// Option is the statement for one option alone: "Proficient in Go".
func (a *Alternatives) Option(i int) string {
	return Clean(upperFirst(strings.TrimSpace(a.Prefix + a.Options[i] + a.Tail)))
}

var (
	oneOrMore     = lazy.Regexp(`(?i)\b(?:one or more|any one|any|either|at least one) of\b[^:]*:\s*(.+)$`)
	listEnd       = lazy.Regexp(`(?i)(,?\s*(?:etc\.?|and (?:more|others|similar|so on)|or (?:similar|other|others)[^,]*))\s*$`)
	conjunction   = lazy.Regexp(`\s+(and/or|AND/OR|or|OR)\s+`)
	listSeparator = lazy.Regexp(`\s*,\s*(?:and/or |or |and )?|\s+(?:and/or|or)\s+`)
	examples      = lazy.Regexp(`(?i)(such as|e\.g\.?,?|for example,?|like|including|incl\.?)\s*$`)
	orInterest    = lazy.Regexp(`(?i)\b(experience|expertise|knowledge)\s+or\s+((?:[\w-]+\s+){0,2}?(?:interest|desire))\b`)
)

// maxStatement is the longest statement searched for options.
const maxStatement = 600

// joiners may stand inside a name: "Ruby on Rails".
var joiners = set("on", "of", "de", "&")

// FindAlternatives finds the options a statement offers, in this order of
// trust: an explicit "one or more of: A, B, C"; an emphasised "**or**"
// between two phrases; "or" between names ("Go and/or Ruby", "Java,
// Objective-C or Swift"); "experience or interest". emphasis are the
// statement's emphasised fragments. Lists of examples ("e.g. A, B or C")
// and "or" between ordinary words ("tuning and/or architecture") offer no
// options: they are one criterion.
func FindAlternatives(text string, emphasis []string) (*Alternatives, bool) {
	if len(text) > maxStatement {
		return nil, false // no one writes options into a statement this long
	}
	if a, ok := listed(text); ok {
		return a, true
	}
	if a, ok := emphasised(text, emphasis); ok {
		return a, true
	}
	if a, ok := named(text); ok {
		return a, true
	}
	if m := orInterest().FindStringSubmatchIndex(text); m != nil {
		return &Alternatives{Prefix: text[:m[2]], Options: []string{text[m[2]:m[3]], text[m[4]:m[5]]}, Tail: text[m[5]:]}, true
	}
	return nil, false
}

func listed(text string) (*Alternatives, bool) {
	m := oneOrMore().FindStringSubmatchIndex(text)
	if m == nil {
		return nil, false
	}
	list := listEnd().ReplaceAllString(text[m[2]:m[3]], "")
	var opts []string
	for _, part := range listSeparator().Split(list, -1) {
		if p := strings.TrimSpace(part); p != "" {
			opts = append(opts, p)
		}
	}
	if len(opts) < 2 {
		return nil, false
	}
	return &Alternatives{Prefix: strings.TrimSpace(text[:m[0]]) + " ", Options: opts}, true
}

// emphasised splits at an "or" the page sets in bold: the options run from
// the nearest preposition before it to the end of the clause after it.
func emphasised(text string, emphasis []string) (*Alternatives, bool) {
	marked := false
	for _, e := range emphasis {
		switch strings.ToLower(e) {
		case "or", "and/or":
			marked = true
		}
	}
	if !marked {
		return nil, false
	}
	loc := conjunction().FindStringSubmatchIndex(text)
	if loc == nil {
		return nil, false
	}
	left := text[:loc[0]]
	start := 0
	words := strings.Fields(left)
	for i := len(words) - 1; i >= 0; i-- {
		switch strings.ToLower(words[i]) {
		case "with", "of", "in", "for", "from", "using", "about", "than", "to":
			start = len(strings.Join(words[:i+1], " ")) + 1
			i = -1
		}
	}
	right := text[loc[1]:]
	end := len(right)
	if i := strings.IndexAny(right, ",;.("); i >= 0 {
		end = i
	}
	a := &Alternatives{Prefix: left[:start], Options: []string{strings.TrimSpace(left[start:]), strings.TrimSpace(right[:end])}, Tail: right[end:]}
	if a.Options[0] == "" || a.Options[1] == "" {
		return nil, false
	}
	return a, true
}

// isName tells a name (Go, REST, gRPC, Objective-C, 2) from an ordinary
// word, which names no option.
func isName(w string) bool {
	w = strings.Trim(w, "()")
	if w == "" || commonStart[strings.ToLower(w)] || stopWords[strings.ToLower(w)] || vagueWords[strings.ToLower(w)] {
		return false
	}
	for _, r := range w {
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

type span struct{ start, end int } // byte offsets of a word

func wordSpans(s string) []span {
	var out []span
	start := -1
	for i, r := range s {
		sep := unicode.IsSpace(r) || r == ','
		switch {
		case sep && start >= 0:
			out = append(out, span{start, i})
			start = -1
		case !sep && start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, span{start, len(s)})
	}
	return out
}

// named splits at an "or" between names.
func named(text string) (*Alternatives, bool) {
	for _, loc := range conjunction().FindAllStringSubmatchIndex(text, -1) {
		left, right := text[:loc[0]], text[loc[1]:]
		// The option after the conjunction: a run of names.
		rs := wordSpans(right)
		rEnd := runForward(right, rs)
		if rEnd <= 0 {
			continue
		}
		// Options before it: runs of names separated by commas.
		var opts []string
		pos := len(left)
		ls := wordSpans(left)
		for {
			start, ok := runBackward(left[:pos], ls)
			if !ok {
				break
			}
			opts = append([]string{strings.TrimSpace(strings.TrimRight(left[start:pos], ", "))}, opts...)
			pos = start
			before := strings.TrimRight(left[:pos], " ")
			if !strings.HasSuffix(before, ",") {
				break
			}
			pos = len(before) - 1
			ls = wordSpans(left[:pos])
		}
		if len(opts) == 0 || examples().MatchString(left[:pos]) {
			continue
		}
		prefix := left[:pos]
		if strings.HasSuffix(strings.TrimRight(prefix, " "), ",") && len(opts) > 0 {
			// the last comma-run did not start a name: keep it in the prefix
			prefix = left[:pos]
		}
		opts = append(opts, strings.TrimSpace(right[:rEnd]))
		return &Alternatives{Prefix: prefix, Options: opts, Tail: right[rEnd:]}, true
	}
	return nil, false
}

// runForward is the end of the run of names that opens s, 0 for none. A
// parenthesis right after a name belongs to it: "Go (Golang)".
func runForward(s string, ws []span) int {
	end := 0
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		word := s[w.start:w.end]
		switch {
		case isName(word):
			end = w.end
		case strings.HasPrefix(word, "(") && end > 0:
			j := strings.IndexByte(s[w.start:], ')')
			if j < 0 {
				return end
			}
			end = w.start + j + 1
			for i+1 < len(ws) && ws[i+1].start < end {
				i++
			}
			continue
		case joiners[strings.ToLower(word)] && end > 0 && i+1 < len(ws) && isName(s[ws[i+1].start:ws[i+1].end]):
			continue
		default:
			return end
		}
		if w.end < len(s) && s[w.end] == ',' {
			return end
		}
	}
	return end
}

// runBackward is the start of the run of names that ends s.
func runBackward(s string, ws []span) (int, bool) {
	s = strings.TrimRight(s, " ")
	start, found := len(s), false
	for i := len(ws) - 1; i >= 0; i-- {
		w := ws[i]
		if w.end > len(s) {
			continue
		}
		word := s[w.start:w.end]
		switch {
		case isName(word):
			start, found = w.start, true
		case strings.HasSuffix(word, ")") && !found:
			j := strings.LastIndexByte(s[:w.end], '(')
			if j < 0 {
				return 0, false
			}
			start = j
			for i > 0 && ws[i].start > j {
				i--
			}
			// ws[i] holds the "(": the name before it comes next.
			continue
		case joiners[strings.ToLower(word)] && found && i > 0 && isName(s[ws[i-1].start:ws[i-1].end]):
			continue
		default:
			return start, found
		}
		if i > 0 && w.start > 0 && strings.HasSuffix(strings.TrimRight(s[:w.start], " "), ",") {
			return start, found
		}
	}
	return start, found
}
