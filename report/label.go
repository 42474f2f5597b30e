package report

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ladderhq/ladder/internal/lazy"
)

// A criterion's label: a few words a meeting can read aloud, made from the
// criterion's question, since a rubric gives its criteria an id and a
// question but no title. "How much do you drive innovation on your team,
// experimenting and boldly taking on problems of immense complexity and
// scope?" reads "Drive innovation on your team". The page always shows the
// id beside the label, and the full question where there is room.

// labelMax is the longest label, in characters, before it is cut.
const labelMax = 60

// labelMin is the shortest part of a question a clause boundary may leave.
const labelMin = 20

var (
	// A clause before the question proper: "When problems come up, how
	// consistently do you ...".
	leadClause = lazy.Regexp(`^[^,?]{3,60}, ((?:how|do|are|have|would|can) .*)$`)
	// "How much experience do you have writing ..." keeps what is had:
	// "Experience writing ...".
	howMuchHave = lazy.Regexp(`^How much ((?:[\p{L}-]+ ){0,2}(?:experience|expertise|knowledge)) do you have (.+)$`)
	// "How well do you communicate ...", "How openly and inclusively do you
	// communicate ...", "How much have you evolved ..." keep the verb.
	howDoYou = lazy.Regexp(`^How [\p{L}-]+(?: and [\p{L}-]+)? (?:do|did|can|could|would|will|have) you (.+)$`)
	// "How comfortable are you in ..." keeps the adjective.
	howAreYou = lazy.Regexp(`^How ([\p{L}-]+) are you (.+)$`)
	// "Are you willing to ...", "Have you worked ...", "Do you want ...",
	// "Would you take on ...".
	yesNoYou = lazy.Regexp(`^(?:Are|Have|Do|Would|Can) you (.+)$`)
	// Where a long label may end: before a bracket, a colon, a semicolon
	// or a dash, or before a comma that opens a clause of its own ("such
	// as", "when", a participle: ", experimenting and boldly ..."). Other
	// commas may stand inside a list ("complex technical, architectural
	// or organizational problems") and are no place to stop.
	clauseEnd = lazy.Regexp(`(?: \(|: |; | – | — | - |, (?:such as|for example|for instance|e\.g\.|i\.e\.|including|especially|judged|when|where|which|while|so that|because|as well as|rather than|from|with|without|[\p{L}]+ing) )`)
	// Words a label cut short does not end on.
	danglingWord = map[string]bool{"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "to": true,
		"in": true, "on": true, "at": true, "for": true, "by": true, "with": true, "as": true, "that": true, "your": true, "their": true}
)

// criterionLabel makes the label of a criterion from its question. A
// question in no form it knows keeps its words, shortened the same way.
func criterionLabel(prompt string) string {
	s := strings.Join(strings.Fields(prompt), " ")
	s = strings.TrimRight(s, "?.! ")
	if m := leadClause().FindStringSubmatch(s); m != nil && isQuestionWord(m[1]) {
		s = upperFirst(m[1])
	}
	switch m := howMuchHave().FindStringSubmatch(s); {
	case m != nil:
		s = m[1] + " " + m[2]
	default:
		if m := howDoYou().FindStringSubmatch(s); m != nil {
			s = m[1]
		} else if m := howAreYou().FindStringSubmatch(s); m != nil {
			s = m[1] + " " + m[2]
		} else if m := yesNoYou().FindStringSubmatch(s); m != nil {
			s = m[1]
		}
	}
	return upperFirst(shorten(s, labelMax))
}

// isQuestionWord reports whether s starts like the question a lead clause
// comes before.
func isQuestionWord(s string) bool {
	for _, w := range []string{"how ", "do you ", "are you ", "have you ", "would you ", "can you "} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// shorten cuts s to at most n characters: at the last clause boundary that
// leaves at least labelMin characters, or else after the last whole word,
// with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := -1
	for _, loc := range clauseEnd().FindAllStringIndex(s, -1) {
		if utf8.RuneCountInString(s[:loc[0]]) > n {
			break
		}
		if utf8.RuneCountInString(s[:loc[0]]) >= labelMin {
			cut = loc[0]
		}
	}
	if cut > 0 {
		return s[:cut]
	}
	words := strings.Fields(string([]rune(s)[:n]))
	if len(words) > 1 && !strings.HasPrefix(s[len(strings.Join(words, " ")):], " ") {
		words = words[:len(words)-1] // the last word is cut in the middle
	}
	for len(words) > 1 && danglingWord[strings.ToLower(strings.TrimRight(words[len(words)-1], ",;:"))] {
		words = words[:len(words)-1]
	}
	return strings.TrimRight(strings.Join(words, " "), ",;:") + "…"
}

func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
