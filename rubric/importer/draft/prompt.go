package draft

import (
	"strings"
	"unicode"

	"github.com/ladderhq/ladder/internal/lazy"
)

// Question is a statement of a ladder asked of the person it describes.
type Question struct {
	Prompt string
	YesNo  bool // a willingness, asked yes or no
}

// Voice is how a list words its items, which decides how they become
// questions.
type Voice int

// Voices of lists.
const (
	// Described items name a quality ("Experience with Go", "Positive
	// mindset") or a duty ("Develop features").
	Described Voice = iota
	// Duties are what the person does ("Develop features", "Improves the
	// codebase", "Setting standards").
	Duties
)

var (
	willingPattern = lazy.Regexp(`(?i)(?:^|\b(?:be|is|are|am)\s+)willing to ([^.;]+?)(?:,\s*then\b.*|[.;].*)?$`)
	onCallPattern  = lazy.Regexp(`(?i)\bon[- ]call\b`)
	youPrefix      = lazy.Regexp(`(?i)^(you'll|you will|you|and/or|and|or|also)\s+`)
	experienceLead = lazy.Regexp(`(?i)^((?:[\w/-]+ ){0,3}?)experience\b\s*(.*)$`)
	abilityLead    = lazy.Regexp(`(?i)^(?:a |an )?(?:demonstrated |proven |clear |strong )?(?:capacity|ability) to (.+)$`)
	proficientLead = lazy.Regexp(`(?i)^(?:high |good |strong |solid |deep )?(?:proficiency|proficient)(?: or fluent)? (in|with|at) (.+)$`)
	knowledgeLead  = lazy.Regexp(`(?i)^(?:a |an )?(?:[\w-]+ ){0,2}?(understanding|knowledge) (?:of|in|about) (.+)$`)
	familiarLead   = lazy.Regexp(`(?i)^familiar(?:ity)? with (.+)$`)
	comfortLead    = lazy.Regexp(`(?i)^comfort(?:able)? ((?:with|in|working|when|using) .+)$`)
	passionLead    = lazy.Regexp(`(?i)^(?:a )?(passion|interest) (for|in) (.+)$`)
)

// commonStart are words that begin a statement in plain English; a question
// may lower-case them, unlike a name ("Chef experience", "Go developer").
var commonStart = set("significant", "extensive", "strong", "solid", "previous", "prior", "professional",
	"proven", "deep", "broad", "some", "good", "great", "excellent", "hands-on", "practical", "demonstrated",
	"in-depth", "production", "relevant", "real", "working", "basic", "general", "advanced", "familiarity",
	"experience", "proficiency", "knowledge", "understanding", "ability", "comfort", "passion", "interest",
	"expert", "high", "a", "an", "the", "positive", "effective", "self-motivated", "strong", "ideally",
	"thorough", "extensive", "significant", "several", "many", "direct", "recent", "wide", "broad")

// verbs are the verbs ladders open their duties with, in their base form.
var verbs = set("accept", "act", "advocate", "align", "analyse", "analyze", "apply", "architect", "ask", "assess",
	"assist", "assure", "attend", "attract", "automate", "balance", "be", "bootstrap", "break", "bring", "build",
	"champion", "choose", "clear", "coach", "collaborate", "communicate", "complete", "conduct", "consider",
	"continue", "contribute", "coordinate", "co-ordinate", "craft", "create", "debug", "define", "delegate",
	"deliver", "demonstrate", "deploy", "design", "develop", "direct", "document", "drive", "educate", "encourage",
	"engage", "enable", "ensure", "establish", "evaluate", "exert", "experiment", "explain", "explore", "facilitate",
	"find", "fix", "follow", "foster", "give", "guide", "handle", "have", "help", "hold", "identify", "implement",
	"improve", "influence", "inspire", "instill", "instrument", "integrate", "interact", "investigate", "iterate",
	"keep", "know", "lead", "learn", "leverage", "listen", "maintain", "make", "manage", "measure", "mentor",
	"migrate", "model", "monitor", "move", "negotiate", "operate", "optimise", "optimize", "organise", "organize",
	"originate", "own", "participate", "partner", "perform", "plan", "point", "practice", "present", "prioritise",
	"prioritize", "produce", "promote", "propose", "provide", "publish", "push", "raise", "reason", "recognise",
	"recognize", "reduce", "refactor", "represent", "research", "resolve", "respond", "review", "run", "scope",
	"see", "seek", "set", "shape", "share", "shepherd", "ship", "show", "solve", "speak", "spot", "start", "support",
	"take", "teach", "test", "think", "tackle", "track", "train", "transform", "translate", "triage", "troubleshoot",
	"understand", "uncover", "use", "work", "write", "receive", "read", "reuse", "run", "prepare", "get", "go",
	"join", "keep", "look", "mitigate", "navigate", "onboard", "pair", "pick", "proactively", "question", "report",
	"scale", "serve", "sponsor", "strive", "suggest", "tailor", "value", "verify", "weigh")

// Ask turns a statement into a plain question for the person it describes.
// voice says how the list words its items.
func Ask(text string, voice Voice) Question {
	t := Clean(text)
	if m := willingPattern().FindStringSubmatch(t); m != nil {
		return Question{Prompt: "Are you willing to " + Clean(m[1]) + "?", YesNo: true}
	}
	t = youPrefix().ReplaceAllString(t, "")
	t = oneSentence(t)
	first, _ := splitFirst(t)
	if v, _, ok := leadingVerb(t); ok && !strings.EqualFold(v, first) || strings.EqualFold(first, "is") || strings.EqualFold(first, "has") {
		// Written about the person ("Improves their code"): asked of them.
		t = youForm(t)
	}
	if voice == Duties && onCallPattern().MatchString(t) {
		if v, rest, ok := leadingVerb(t); ok {
			return Question{Prompt: "Are you willing to " + (joinWords(v, rest)) + "?", YesNo: true}
		}
	}
	return Question{Prompt: ask(t, voice)}
}

func ask(t string, voice Voice) string {
	if m := abilityLead().FindStringSubmatch(t); m != nil {
		return "How well can you " + (m[1]) + "?"
	}
	if m := proficientLead().FindStringSubmatch(t); m != nil {
		return "How proficient are you " + strings.ToLower(m[1]) + " " + m[2] + "?"
	}
	if m := knowledgeLead().FindStringSubmatch(t); m != nil {
		if strings.EqualFold(m[1], "understanding") {
			return "How well do you understand " + m[2] + "?"
		}
		return "How well do you know " + m[2] + "?"
	}
	if m := familiarLead().FindStringSubmatch(t); m != nil {
		return "How familiar are you with " + m[1] + "?"
	}
	if m := comfortLead().FindStringSubmatch(t); m != nil {
		return "How comfortable are you " + m[1] + "?"
	}
	if m := passionLead().FindStringSubmatch(t); m != nil {
		return "How strong is your " + strings.ToLower(m[1]) + " " + strings.ToLower(m[2]) + " " + m[3] + "?"
	}
	if m := experienceLead().FindStringSubmatch(t); m != nil && plainWords(m[1]) {
		q := "How much " + lowerFirst(m[1]) + "experience do you have"
		if m[2] != "" {
			q += " " + strings.TrimLeft(m[2], ", ")
		}
		return q + "?"
	}
	first, rest := splitFirst(t)
	lf := strings.ToLower(first)
	if strings.HasSuffix(lf, "ly") && len(lf) > 4 {
		if v, r2, ok := leadingVerb(rest); ok {
			return "How " + lf + " do you " + (joinWords(v, r2)) + "?"
		}
	}
	switch lf {
	case "be":
		return "To what extent are you " + (rest) + "?"
	case "have", "has":
		return "To what extent do you have " + (rest) + "?"
	case "is", "are":
		return "To what extent are you " + (rest) + "?"
	}
	if v, r2, ok := leadingVerb(t); ok {
		return "How well do you " + (joinWords(v, r2)) + "?"
	}
	if voice == Duties && strings.HasSuffix(lf, "ing") && !commonStart[lf] {
		return "How much of your work involves " + (lowerWord(t)) + "?"
	}
	if voice == Duties {
		return "How well does this describe your work: " + (t) + "?"
	}
	return "How well does this describe you: " + (lowerFirst(t)) + "?"
}

// leadingVerb recognises a duty's opening verb, in the base form ("Develop")
// or the third person ("Improves", "Identifies"), and returns it in the base
// form with the rest of the text.
func leadingVerb(t string) (verb, rest string, ok bool) {
	first, rest := splitFirst(t)
	w := strings.ToLower(strings.TrimRight(first, ",:"))
	if commonStart[w] {
		return "", "", false
	}
	for _, base := range baseForms(w) {
		if verbs[base] {
			return base, rest, true
		}
	}
	return "", "", false
}

// baseForms are the base forms a verb form may come from.
func baseForms(w string) []string {
	out := []string{w}
	switch {
	case strings.HasSuffix(w, "ies"):
		out = append(out, w[:len(w)-3]+"y")
	case strings.HasSuffix(w, "es"):
		out = append(out, w[:len(w)-2], w[:len(w)-1])
	case strings.HasSuffix(w, "s"):
		out = append(out, w[:len(w)-1])
	}
	return out
}

// plainWords reports whether the words before "experience" qualify it
// ("Significant professional") rather than carry a verb ("Shares their").
func plainWords(s string) bool {
	for _, w := range strings.Fields(s) {
		if _, _, ok := leadingVerb(w); ok {
			return false
		}
	}
	return true
}

func splitFirst(t string) (string, string) {
	t = strings.TrimSpace(t)
	if i := strings.IndexByte(t, ' '); i >= 0 {
		return t[:i], strings.TrimSpace(t[i+1:])
	}
	return t, ""
}

func joinWords(a, b string) string {
	if b == "" {
		return a
	}
	return a + " " + b
}

// lowerFirst lower-cases the first word when it is a plain English word,
// never a name ("Chef", "GitLab", "AWS").
func lowerFirst(s string) string {
	first, _ := splitFirst(s)
	if !commonStart[strings.ToLower(first)] && !verbs[strings.ToLower(first)] {
		return s
	}
	for i, r := range s {
		return string(unicode.ToLower(r)) + s[i+len(string(r)):]
	}
	return s
}

// youForm speaks to the person: statements written about "them" are asked
// of "you".
var youReplacer = strings.NewReplacer(
	" themselves", " yourself", " their own ", " your own ", " their ", " your ", " they're ", " you're ",
	" they are ", " you are ", " they have ", " you have ", " they ", " you ", " them ", " you ",
	" them.", " you.", " them,", " you,",
)

func youForm(s string) string {
	out := youReplacer.Replace(" " + s + " ")
	return strings.TrimSpace(out)
}

// lowerWord lower-cases an ordinary capitalised first word ("Setting"),
// leaving names and acronyms ("GitLab", "AWS") alone.
func lowerWord(s string) string {
	first, _ := splitFirst(s)
	for i, r := range first {
		if i > 0 && unicode.IsUpper(r) {
			return s
		}
	}
	for i, r := range s {
		return string(unicode.ToLower(r)) + s[i+len(string(r)):]
	}
	return s
}

// oneSentence keeps a question to one sentence: a later sentence that opens
// with a duty joins the first ("Craft code ... Maintain the standards" ->
// "craft code ..., and maintain the standards"); any other is left to the
// help, which quotes the whole statement.
func oneSentence(t string) string {
	parts := Sentences(t)
	if len(parts) < 2 {
		return t
	}
	out := strings.TrimRight(parts[0], ".")
	for _, p := range parts[1:] {
		if _, _, ok := leadingVerb(p); !ok {
			break
		}
		out += ", and " + lowerWord(strings.TrimRight(p, "."))
	}
	return out
}
