package prompt

import (
	"strings"
	"testing"
)

// What a question shows is neutralised before survey draws it.
func TestQuestionTextIsNeutralised(t *testing.T) {
	evil := "Eve\x1b]0;pwned\x07\x1b[2J\u202e"
	opts := []Option{{Label: "Gitaly " + evil, Description: "Git " + evil}}
	l := layout{width: 60}
	for _, got := range []string{text("Who? " + evil), l.message("Who? "+evil, 0), l.help("line one " + evil + "\nline two"), labels(opts)[0], l.describe(selectPrefix, opts)("", 0)} {
		if strings.ContainsAny(got, "\x1b\x07\u202e") {
			t.Errorf("%q holds a control character", got)
		}
	}
	if got := l.help("one\ntwo"); got != "one\n  two" {
		t.Errorf("help lines are joined: %q", got)
	}
}

// The key reminders of Select and MultiSelect are where survey's templates
// had them, so that they wrap with the question.
func TestHintsReplaceSurveysOwn(t *testing.T) {
	for name, tc := range map[string]struct{ template, hint string }{
		"select":      {selectTemplate, selectHint},
		"multiselect": {multiSelectTemplate, multiHint},
	} {
		got := withHints(tc.template, tc.hint, "WITH", "WITHOUT")
		if !strings.Contains(got, "WITH{{else}}WITHOUT") || strings.Contains(got, "[Use arrows") {
			t.Errorf("%s: the reminder is not replaced:\n%s", name, got)
		}
	}
}
