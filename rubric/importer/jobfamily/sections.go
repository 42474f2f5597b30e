package jobfamily

import (
	"regexp"
	"strings"

	"github.com/ladderhq/ladder/internal/lazy"
)

// role is what a heading says its section holds.
type role int

const (
	other role = iota
	requirements
	responsibilities
	niceToHaves
	indicators
	hiring
	jobGrade
	specialtiesHeading
	levelsHeading
)

var headingRoles = []struct {
	role    role
	pattern func() *regexp.Regexp
}{
	{jobGrade, lazy.Regexp(`(?i)^(job )?grade$|\bjob grade$`)},
	{levelsHeading, lazy.Regexp(`(?i)^(levels?|job grades|grades)\b|\blevels? for\b`)},
	{specialtiesHeading, lazy.Regexp(`(?i)^(speciali[sz]ations?|specialties|specialisms?|focus areas)\b`)},
	{niceToHaves, lazy.Regexp(`(?i)nice[- ]to[- ]haves?|\bbonus\b|preferred qualifications|\bdesirable\b`)},
	{indicators, lazy.Regexp(`(?i)performance indicators?|\bkpis?\b`)},
	{hiring, lazy.Regexp(`(?i)hiring|interview|how to apply|application process|recruiting process`)},
	{requirements, lazy.Regexp(`(?i)requirement|qualification|may be a fit|what you('ll| will)? bring|\bskills\b|about you|who you are|you (should )?have\b`)},
	{responsibilities, lazy.Regexp(`(?i)\brespons|responsibilt|\byou('ll| will)\b|what you('ll| will)? do|\bduties\b|in this role`)},
}

// roleOf classifies a heading by its words.
func roleOf(title string) role {
	for _, h := range headingRoles {
		if h.pattern().MatchString(title) {
			return h.role
		}
	}
	return other
}

// isContent reports whether a heading names a kind of content rather than
// a level or a specialty.
func (r role) isContent() bool { return r != other && r != specialtiesHeading && r != levelsHeading }

var (
	gradePattern   = lazy.Regexp(`(?i)\bgrade\s+(\d{1,3})\b`)
	extendsPattern = lazy.Regexp(`(?i)\bextends the (.+?) role\b`)
	// A level's role line names the grade or the role it extends; neither
	// is a note.
	roleLine = lazy.Regexp(`(?i)\bgrade\s+\d|\bextends the\b|^read more about|\breports to\b`)
	// Statements about the role itself, or about its future, are not
	// something a person does or has.
	futurePattern = lazy.Regexp(`(?i)^in the future\b`)
	roleStatement = lazy.Regexp(`(?i)^((key|main|primary) aspects? of )?(this|the) (role|position)\b|\bof (this|the) (role|position)\b|\b(this|the) (role|position) (is|will|are)\b`)
	youPattern    = lazy.Regexp(`(?i)\byou(r|'ll|'re)?\b`)
	alternatively = lazy.Regexp(`(?i)^(alternatively|or\b|as an alternative|otherwise)`)
	connector     = lazy.Regexp(`(?i)^(and/or|and|or)\s+`)
	numberWords   = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
	quantity      = lazy.Regexp(`(?i)\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|most|all|each|every|any|either|one or more|at least one|some)\b`)
)

// minOf reads how many of n nested items a top item asks for: "one or more
// of the following" 1, "4 technical expertise areas" 4, "most" more than
// half; all of them when it does not say.
func minOf(text string, n int) int {
	lower := strings.ToLower(text)
	for _, phrase := range []string{"one or more", "at least one", "any of", "either"} {
		if strings.Contains(lower, phrase) {
			return 1
		}
	}
	m := quantity().FindStringSubmatch(lower)
	if m == nil {
		return n
	}
	w := m[1]
	v := 0
	switch {
	case w == "most":
		v = n/2 + 1
	case w == "all" || w == "each" || w == "every":
		v = n
	case w == "any" || w == "some":
		v = 1
	case numberWords[w] > 0:
		v = numberWords[w]
	default:
		for _, r := range w {
			v = v*10 + int(r-'0')
		}
	}
	if v < 1 || v > n {
		return n
	}
	return v
}

// trimConnector drops a conjunction that ties an item to the one before it
// ("AND/OR proficient in ...").
func trimConnector(s string) string { return connector().ReplaceAllString(strings.TrimSpace(s), "") }
