package draft

import (
	"regexp"
	"strings"

	"github.com/ladderhq/ladder/internal/lazy"
	"github.com/ladderhq/ladder/rubric"
)

// Statement is one thing a ladder asks, with the strength its own words
// give it ("" when they say nothing, and the heading it stands under
// decides).
type Statement struct {
	Text     string
	Strength rubric.Strength
}

// A label in front of an item: "Mandatory: ...", "Nice to have: ...".
var labelPattern = lazy.Regexp(`(?i)^\s*(mandatory|required|must[- ]haves?|highly desirable|strongly desired|desirable|preferred|nice[- ]to[- ]haves?|bonus|optional|a plus)\s*(?:[:\-–—]\s*|$)`)

var labelStrength = map[string]rubric.Strength{
	"mandatory": rubric.Required, "required": rubric.Required, "must have": rubric.Required, "must haves": rubric.Required,
	"highly desirable": rubric.Strong, "strongly desired": rubric.Strong,
	"desirable": rubric.Desirable, "preferred": rubric.Desirable,
	"nice to have": rubric.Bonus, "nice to haves": rubric.Bonus, "bonus": rubric.Bonus, "optional": rubric.Bonus, "a plus": rubric.Bonus,
}

// Qualifiers inside a sentence; everything from the qualifier to the end of
// the sentence is its own justification and leaves the question.
var (
	requiredPhrase = lazy.Regexp(`(?i)((\s+(is|are))?\s*\(?\s*(this is )?an? (strict|absolute|hard) requirement\b|\s+(is|are) (strictly |absolutely )?required\b|\s+(strictly |absolutely )?required\s*\)?\s*$)`)
	bonusPhrase    = lazy.Regexp(`(?i)\s+(is|are|would be) (a |an )?(big |huge |real )?(plus|bonus|nice[- ]to[- ]have)\b|,\s*(a |an )?(big |real )?(plus|bonus|nice[- ]to[- ]have)\s*$|\s+(is|are) beneficial,? but not (essential|required)\b`)
	mustWord       = lazy.Regexp(`(?i)\bmust\b`)
	leadingMust    = lazy.Regexp(`(?i)^\s*must\s+`)
	forThisRole    = lazy.Regexp(`(?i)^\s*for this (position|role),\s*`)
	// Sentences that point elsewhere say nothing to rate.
	pointer = lazy.Regexp(`(?i)^(for (more|further) (information|details)|see |for context|more information|read more)`)
)

// Label reads the strength a short category label gives ("Nice to have",
// "Must"), and whether text is nothing but such a label.
func Label(text string) (rubric.Strength, bool) {
	t := strings.TrimSpace(strings.Trim(strings.TrimSpace(text), "*:-–"))
	if strings.EqualFold(t, "must") || strings.EqualFold(t, "musts") {
		return rubric.Required, true
	}
	if m := labelPattern().FindStringSubmatch(t); m != nil && strings.TrimSpace(t[len(m[0]):]) == "" {
		return labelStrength[normLabel(m[1])], true
	}
	return "", false
}

func normLabel(s string) string {
	return strings.ToLower(strings.NewReplacer("-", " ").Replace(s))
}

// Statements splits an item into what it asks: the first sentence, and any
// later sentence whose own words give it another strength ("Experience
// with Go is a plus"); sentences without such words stay with the one
// before. Sentences that only point elsewhere ("See this page") are left
// out of the question.
func Statements(text string) []Statement {
	var out []Statement
	for i, s := range Sentences(Clean(text)) {
		if i > 0 && pointer().MatchString(s) {
			continue
		}
		st := qualify(s, i == 0)
		if i > 0 && st.Strength == "" && len(out) > 0 {
			out[len(out)-1].Text = Clean(out[len(out)-1].Text + ". " + st.Text)
			continue
		}
		out = append(out, st)
	}
	if len(out) == 0 {
		out = append(out, Statement{Text: Clean(text)})
	}
	return out
}

// qualify takes the strength words out of one sentence.
func qualify(s string, first bool) Statement {
	var st Statement
	s = strings.TrimSpace(s)
	if m := labelPattern().FindStringSubmatch(s); m != nil && first {
		st.Strength = labelStrength[normLabel(m[1])]
		s = s[len(m[0]):]
	}
	s = forThisRole().ReplaceAllString(s, "")
	// Most sentences name no qualifier: look for one only where its words are.
	lower := strings.ToLower(s)
	found := false
	if strings.Contains(lower, "requir") {
		if loc := outsideParens(s, requiredPhrase()); loc != nil {
			s, found = s[:loc[0]], true
			st.Strength = stronger(st.Strength, rubric.Required)
		}
	}
	if !found && strings.ContainsAny(lower, "pbn") && containsAny(lower, "plus", "bonus", "nice", "beneficial") {
		if loc := outsideParens(s, bonusPhrase()); loc != nil {
			s = s[:loc[0]]
			if st.Strength == "" {
				st.Strength = rubric.Bonus
			}
		}
	}
	if leadingMust().MatchString(s) {
		s = leadingMust().ReplaceAllString(s, "")
		st.Strength = rubric.Required
	} else if mustWord().MatchString(s) {
		st.Strength = stronger(st.Strength, rubric.Required)
	}
	st.Text = Clean(upperFirst(strings.TrimSpace(s)))
	return st
}

// outsideParens finds the first match of p that does not sit inside
// parentheses: "(Prometheus is a plus)" qualifies one example, not the
// whole item.
func outsideParens(s string, p *regexp.Regexp) []int {
	for _, loc := range p.FindAllStringIndex(s, -1) {
		if strings.Count(s[:loc[0]], "(") <= strings.Count(s[:loc[0]], ")") {
			return loc
		}
	}
	return nil
}

func stronger(a, b rubric.Strength) rubric.Strength {
	if a == "" || b.Rank() > a.Rank() {
		return b
	}
	return a
}

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
