package assess

import (
	"strings"
	"unicode"
)

// PersonKey is what a name is compared by: lower-case letters and digits
// joined by single dashes ("Ada Lovelace" -> "ada-lovelace"). Letters of
// every script are kept.
func PersonKey(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "unnamed"
	}
	return b.String()
}
