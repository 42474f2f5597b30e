package assess

import (
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// PersonKey is who a name stands for: two names with the same key are the
// same person wherever ladder compares people (the data folder's person
// folders, ladder history, ladder diff, the people and raters of ladder
// calibrate).
//
// The name is normalised to NFC and case-folded, so that "Zoë" typed as
// one character or as "e" plus a combining diaeresis, and "ZOË", are one
// person. Then only its words count: runs of letters, digits and combining
// marks, of any script, joined by single dashes, so that "Ada Okafor",
// "ada-okafor" and " Ada  Okafor." are one person and "Ada Okafor" and
// "Ada Okafor-Ng" are two. A name without a letter or digit ("..", "🙂")
// is its own key, folded, with runs of spaces made one: such names are
// never all one person.
func PersonKey(name string) string {
	folded := norm.NFC.String(cases.Fold().String(norm.NFC.String(name)))
	var b strings.Builder
	b.Grow(len(folded))
	alnum, gap := false, false
	for _, r := range folded {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			alnum = true
		case unicode.IsMark(r):
		default:
			gap = true
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteByte('-')
		}
		gap = false
		b.WriteRune(r)
	}
	if !alnum {
		return strings.Join(strings.Fields(folded), " ")
	}
	return b.String()
}

// SameName reports whether two names are the same person (PersonKey).
func SameName(a, b string) bool { return PersonKey(a) == PersonKey(b) }

// SamePerson reports whether two assessments are about the same person.
func SamePerson(a, b *Assessment) bool { return SameName(a.Person, b.Person) }
