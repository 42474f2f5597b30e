// Package draft holds what every importer of a published ladder shares:
// turning a statement of the ladder into a plain question, its strength
// from the words it uses, short readable ids, alternatives ("Go or Ruby")
// into groups, restated items into supersede chains, and a builder that
// puts a valid rubric together.
package draft

import (
	"strings"
	"unicode"
)

// Clean keeps text on one line: runs of white space become one space,
// control characters are dropped, and so is a trailing full stop, colon or
// semicolon.
func Clean(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return ' '
		case unicode.IsControl(r), r == '\uFEFF', r == '\u200B', r == '\u200D':
			return -1
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimRight(s, " .;:,-–")
}

// stopWords carry no meaning of their own for ids and for comparing two
// statements.
var stopWords = set("a", "an", "the", "and", "or", "nor", "of", "to", "in", "into", "for", "with", "on", "at", "by",
	"from", "as", "is", "are", "be", "been", "being", "was", "were", "your", "our", "their", "its", "his", "her",
	"that", "this", "these", "those", "you", "we", "it", "they", "them", "etc", "e", "g", "eg", "i", "ie", "both",
	"any", "all", "some", "such", "within", "across", "who", "which", "when", "where", "while", "than", "so",
	"will", "can", "may", "should", "would", "must", "also", "other", "others", "very", "well", "more", "most",
	"s", "t", "do", "does", "has", "have", "had", "not", "no", "how", "what", "about", "through", "up", "out", "down",
	"over", "via", "per", "if", "then", "there", "here", "own", "vs", "via")

// vagueWords say how much, not what: an id skips them when it can.
var vagueWords = set("experience", "experienced", "ability", "able", "demonstrated", "demonstrate", "strong",
	"solid", "proficiency", "proficient", "understanding", "understand", "knowledge", "significant", "good",
	"excellent", "deep", "professional", "previous", "prior", "working", "skill", "skills", "capacity", "proven",
	"familiar", "familiarity", "comfort", "comfortable", "extensive", "expert", "high", "highly", "level",
	"basic", "general", "advanced", "fluent", "production", "various", "variety", "lot", "amount", "candidate",
	"candidates", "engineer", "engineers", "role", "mandatory", "desirable", "required", "nice", "plus", "including",
	"like", "using", "use", "ideally", "effective", "effectively", "clear", "clearly", "regularly", "confidently",
	"actively", "proactively", "consistently", "independently", "continuously")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Words splits text into lower-case words of letters and digits.
func Words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
}

// stem reduces a word to a rough common form, so that "problems" and
// "problem", "improves" and "improve" compare equal.
func stem(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		return strings.TrimSuffix(w[:len(w)-3], "e")
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		return strings.TrimSuffix(w[:len(w)-2], "e")
	case len(w) > 4 && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes")):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	return strings.TrimSuffix(w, "e")
}

// Content is the set of meaningful word stems of a statement.
func Content(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range Words(s) {
		if !stopWords[w] && len(w) > 1 {
			out[stem(w)] = true
		}
	}
	return out
}

// Similarity is the share of a's content words that b has too (0..1), and
// how many they share.
func Similarity(a, b map[string]bool) (float64, int) {
	if len(a) == 0 {
		return 0, 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a)), n
}

// Jaccard is the overlap of two word sets: shared words over all words.
func Jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a)+len(b)-n)
}

// Sentences splits text at full stops that end a sentence (not "e.g." or
// "etc."), keeping each sentence's words.
func Sentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '.' && s[i] != '!' && s[i] != '?' {
			continue
		}
		if i+2 >= len(s) || s[i+1] != ' ' || !unicode.IsUpper(rune(s[i+2])) {
			continue
		}
		word := lastWord(s[start:i])
		switch strings.ToLower(word) {
		case "e.g", "i.e", "etc", "vs", "ex", "eg", "ie", "approx", "incl":
			continue
		}
		out = append(out, strings.TrimSpace(s[start:i+1]))
		start = i + 2
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

func lastWord(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexAny(s, " ("); i >= 0 {
		return s[i+1:]
	}
	return s
}

// Title-cases the first letter of s.
func upperFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// Prose keeps sentences as sentences: white space and control characters
// cleaned, each sentence ending with its full stop, and sentences that only
// point elsewhere ("More information can be found here") left out.
func Prose(s string) string {
	var keep []string
	for _, sent := range Sentences(strings.Join(strings.Fields(s), " ")) {
		c := Clean(sent)
		if c == "" || pointer().MatchString(c) || strings.Contains(strings.ToLower(c), "can be found") {
			continue
		}
		keep = append(keep, c+".")
	}
	return strings.Join(keep, " ")
}
