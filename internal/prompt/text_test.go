package prompt

import (
	"strings"
	"testing"
)

// What a question shows is neutralised before survey draws it.
func TestQuestionTextIsNeutralised(t *testing.T) {
	evil := "Eve\x1b]0;pwned\x07\x1b[2J\u202e"
	opts := []Option{{Label: "Gitaly " + evil, Description: "Git " + evil}}
	for _, got := range []string{text("Who? " + evil), helpText("line one " + evil + "\nline two"), labels(opts)[0], describe(opts)("", 0)} {
		if strings.ContainsAny(got, "\x1b\x07\u202e") {
			t.Errorf("%q holds a control character", got)
		}
	}
	if got := helpText("one\ntwo"); got != "one\ntwo" {
		t.Errorf("help lines are joined: %q", got)
	}
}
