package rubric

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Wording for a rater who is someone else. A rubric's questions speak to
// the person assessed ("How well do you test your code?") and its scale
// speaks as them ("I need guidance to do it"). A manager or peer is asked
// about the person instead: a rubric may say how (prompt_other on a
// criterion, description_other on a scale point), and where it does not,
// the wording is derived from the text it has (AboutPerson).

// PersonPlaceholder stands for the person's name in prompt_other and
// description_other.
const PersonPlaceholder = "{person}"

// PromptAbout is criterion c's question for a manager or peer rating the
// person called name: its prompt_other with the name filled in, else its
// prompt turned about the person. With name "", the person is "they"
// throughout (a checklist names them once, above its lines).
func (c *Criterion) PromptAbout(name string) string {
	if c.PromptOther != "" {
		return fillPerson(c.PromptOther, name)
	}
	return AboutPerson(c.Prompt, name)
}

// HelpAbout is criterion c's help for a manager or peer: its help turned
// about the person, who is "they" there.
func (c *Criterion) HelpAbout() string { return AboutPerson(c.Help, "") }

// DescriptionAbout is the scale point's description for a manager or peer
// rating the person called name: its description_other with the name
// filled in, else its description turned about the person ("they").
func (p ScalePoint) DescriptionAbout(name string) string {
	if p.DescriptionOther != "" {
		return fillPerson(p.DescriptionOther, name)
	}
	return AboutPerson(p.Description, "")
}

func fillPerson(text, name string) string {
	if name == "" {
		name = "this person"
	}
	return strings.ReplaceAll(text, PersonPlaceholder, name)
}

// AboutPerson rewrites text written to the person assessed ("you",
// "your") or as them ("I", "my") as text about them, for a rater who is
// someone else:
//
//   - the first mention becomes the name when the grammar allows it
//     without guessing a verb: an asked subject ("How well do you test?"
//     becomes "How well does Ada test?"), a subject before a modal or
//     before have, are, were or do ("When you can choose" becomes "When
//     Ada can choose"), or a possessive ("your Go" becomes "Ada's Go");
//   - every other mention becomes they, them, their, theirs or
//     themselves, whose verbs agree as they did with "you" and "I" (I am
//     becomes they are).
//
// With name "", every mention becomes a pronoun. Text that mentions no
// one is returned unchanged; "I/O" is not a mention.
func AboutPerson(text, name string) string {
	toks := tokenize(text)
	named := name == ""        // the name is used, or cannot be any more
	words := wordIndexes(toks) // positions of the word tokens
	sawI := false
	rewritten := make([]string, len(toks))
	for i, t := range toks {
		rewritten[i] = t.text
	}
	for k, i := range words {
		t := toks[i]
		lower := strings.ToLower(strings.ReplaceAll(t.text, "’", "'"))
		prev, next := -1, -1
		if k > 0 && adjacent(toks, words[k-1], i) {
			prev = words[k-1]
		}
		if k+1 < len(words) && adjacent(toks, i, words[k+1]) {
			next = words[k+1]
		}
		word := func(j int) string {
			if j < 0 {
				return ""
			}
			return strings.ToLower(toks[j].text)
		}
		var repl string
		isName := false
		switch lower {
		case "you":
			switch {
			case prev >= 0 && invertedAux[word(prev)] != "":
				if !named {
					rewritten[prev] = matchCase(toks[prev].text, invertedAux[word(prev)])
					repl, isName = name, true
				} else {
					repl = "they"
				}
			case prev >= 0 && objectBefore[word(prev)], endsClause(toks, i):
				repl = "them"
			case !named && next >= 0 && modal[word(next)]:
				repl, isName = name, true
			case !named && next >= 0 && agree[word(next)] != "":
				rewritten[next] = matchCase(toks[next].text, agree[word(next)])
				repl, isName = name, true
			default:
				repl = "they"
			}
		case "your", "my":
			if !named {
				repl, isName = name+"'s", true
			} else {
				repl = "their"
			}
		case "i":
			if !standaloneI(toks, i) {
				continue
			}
			repl, sawI = "they", true
			if next >= 0 {
				switch word(next) {
				case "am":
					rewritten[next] = "are"
				case "was":
					rewritten[next] = "were"
				}
			}
		case "am":
			// Only "I" takes "am": "I do it and am learning".
			if sawI {
				rewritten[i] = matchCase(t.text, "are")
			}
			continue
		default:
			r, ok := pronouns[lower]
			if !ok {
				continue
			}
			repl = r
		}
		firstPerson := strings.HasPrefix(lower, "i")
		if !isName && (sentenceStart(toks, i) || (!firstPerson && startsUpper(t.text))) {
			repl = upperFirst(repl)
		}
		if strings.Contains(t.text, "’") {
			repl = strings.ReplaceAll(repl, "'", "’")
		}
		rewritten[i] = repl
		named = true
	}
	return strings.Join(rewritten, "")
}

// The words that make a second- or first-person mention, but for you,
// your, my and I, which depend on their neighbours.
var pronouns = map[string]string{
	"yours": "theirs", "yourself": "themselves", "yourselves": "themselves",
	"you're": "they're", "you've": "they've", "you'd": "they'd", "you'll": "they'll",
	"i'm": "they're", "i've": "they've", "i'd": "they'd", "i'll": "they'll",
	"me": "them", "mine": "theirs", "myself": "themselves",
}

// invertedAux are the verbs that ask a question before "you", each with
// its form before a name ("do you" / "does Ada").
var invertedAux = map[string]string{
	"do": "does", "have": "has", "are": "is", "were": "was",
	"did": "did", "had": "had", "can": "can", "could": "could", "will": "will", "would": "would",
	"shall": "shall", "should": "should", "may": "may", "might": "might", "must": "must",
}

// modal verbs take the same form after a name as after "you".
var modal = map[string]bool{
	"can": true, "could": true, "will": true, "would": true, "shall": true, "should": true,
	"may": true, "might": true, "must": true, "did": true, "had": true,
}

// agree are the verbs whose form after a name differs from the one after
// "you" and that a derived wording can put right.
var agree = map[string]string{"have": "has", "are": "is", "were": "was", "do": "does"}

// objectBefore are the words after which "you" is an object: prepositions
// and the verbs that most often take a person.
var objectBefore = map[string]bool{
	"to": true, "for": true, "with": true, "about": true, "at": true, "from": true, "by": true,
	"of": true, "on": true, "than": true, "like": true, "around": true, "without": true,
	"toward": true, "towards": true, "into": true, "onto": true, "upon": true, "among": true,
	"between": true, "beside": true, "behind": true, "near": true, "against": true,
	"beyond": true, "within": true, "over": true, "under": true, "through": true,
	"ask": true, "asks": true, "asked": true, "help": true, "helps": true, "helped": true,
	"tell": true, "tells": true, "told": true, "give": true, "gives": true, "gave": true,
	"let": true, "lets": true, "trust": true, "trusts": true, "trusted": true,
	"expect": true, "expects": true, "expected": true, "invite": true, "invites": true,
	"invited": true, "consult": true, "consults": true, "consulted": true,
}

type token struct {
	text string
	word bool
}

// tokenize splits text into words (letters and digits, with apostrophes
// inside) and what lies between them.
func tokenize(text string) []token {
	var toks []token
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		start := i
		if isWord(r) {
			for i < len(text) {
				r, size := utf8.DecodeRuneInString(text[i:])
				if isWord(r) {
					i += size
					continue
				}
				// An apostrophe between letters belongs to the word.
				if r == '\'' || r == '’' {
					if n, _ := utf8.DecodeRuneInString(text[i+size:]); i+size < len(text) && isWord(n) {
						i += size
						continue
					}
				}
				break
			}
			toks = append(toks, token{text[start:i], true})
			continue
		}
		for i += size; i < len(text); {
			r, size := utf8.DecodeRuneInString(text[i:])
			if isWord(r) {
				break
			}
			i += size
		}
		toks = append(toks, token{text[start:i], false})
	}
	return toks
}

func wordIndexes(toks []token) []int {
	var out []int
	for i, t := range toks {
		if t.word {
			out = append(out, i)
		}
	}
	return out
}

// adjacent reports whether word tokens i < j are separated by blanks only.
func adjacent(toks []token, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if strings.TrimSpace(toks[k].text) != "" {
			return false
		}
	}
	return true
}

// endsClause reports whether the word at i ends a clause: "you" there is
// an object ("Others come to you.", "...ask you, ...").
func endsClause(toks []token, i int) bool {
	if i+1 >= len(toks) {
		return true
	}
	s := strings.TrimSpace(toks[i+1].text)
	if s == "" {
		return false // a word follows
	}
	return strings.ContainsAny(s[:1], ".?!;:,)")
}

// standaloneI reports whether the token at i is the pronoun I: not part
// of "I/O", "I-beam" or a numbering such as "Part I.".
func standaloneI(toks []token, i int) bool {
	if toks[i].text != "I" {
		return false
	}
	if i > 0 {
		before := toks[i-1].text
		if strings.HasSuffix(before, "/") || strings.HasSuffix(before, "-") {
			return false
		}
		// A numbering: "Part I", "Level I".
		if i > 1 && toks[i-2].word && strings.TrimSpace(before) == "" && startsUpper(toks[i-2].text) && !sentenceStart(toks, i-2) {
			return false
		}
	}
	if i+1 >= len(toks) {
		return false
	}
	after := toks[i+1].text
	return strings.HasPrefix(after, " ") && i+2 < len(toks) && strings.TrimSpace(after) == ""
}

// sentenceStart reports whether the token at i begins a sentence.
func sentenceStart(toks []token, i int) bool {
	for k := i - 1; k >= 0; k-- {
		s := strings.TrimRight(toks[k].text, " \t\n\"“(")
		if s == "" {
			continue
		}
		return strings.ContainsAny(s[len(s)-1:], ".?!")
	}
	return true
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// matchCase gives word the capital first letter of like, if it has one.
func matchCase(like, word string) string {
	if startsUpper(like) {
		return upperFirst(word)
	}
	return word
}
