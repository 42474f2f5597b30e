package report

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCriterionLabel(t *testing.T) {
	for _, tc := range []struct{ prompt, want string }{
		// The question's lead-in goes; the clause after a comma that opens
		// a clause of its own goes too.
		{"How much do you drive innovation on your team, experimenting and boldly taking on problems of immense complexity and scope?",
			"Drive innovation on your team"},
		{"How reliably do you solve technical problems of high scope and complexity?",
			"Solve technical problems of high scope and complexity"},
		{"How openly and inclusively do you communicate about your work?", "Communicate about your work"},
		{"How much have you built monitoring and alerting for the features you own?", "Built monitoring and alerting for the features you own"},
		{"How much experience do you have writing Chef cookbooks?", "Experience writing Chef cookbooks"},
		{"How much hands-on experience do you have with Elasticsearch?", "Hands-on experience with Elasticsearch"},
		{"How comfortable are you in a highly agile, intensely iterative process: small changes, shipped often?",
			"Comfortable in a highly agile, intensely iterative process"},
		{"Are you willing to join Tier 2 or Tier 3 on-call rotations (weekdays, weekends and occasional nights)?",
			"Willing to join Tier 2 or Tier 3 on-call rotations"},
		{"Have you worked in a remote team?", "Worked in a remote team"},
		{"Do you have a computer science education, or equivalent experience?", "Have a computer science education, or equivalent experience"},
		{"Would you take on work in both Go and Ruby in this role, learning whichever you know less well?",
			"Take on work in both Go and Ruby in this role"},
		// A clause before the question proper goes.
		{"When problems or setbacks come up, how consistently do you bring a positive, solution-oriented attitude?",
			"Bring a positive, solution-oriented attitude"},
		// Commas inside a list are no place to stop: a long label is cut
		// after a whole word, never after a dangling "of" or "and".
		{"How well do you write up complex technical, architectural or organizational problems, clearly and concisely?",
			"Write up complex technical, architectural or organizational…"},
		{"How reliably do you solve the technical problems of the highest scope and complexity your team faces?",
			"Solve the technical problems of the highest scope…"},
		// Questions in no known form keep their words.
		{"How strong is your Go, judged by code you have written and maintained in real work?", "How strong is your Go"},
		{"How clear and dependable are your status updates?", "How clear and dependable are your status updates"},
		{"Wie gut dokumentierst du deine Arbeit?", "Wie gut dokumentierst du deine Arbeit"},
		{"  Several   spaces\tand\nlines?  ", "Several spaces and lines"},
		{"lower case start", "Lower case start"},
		{"", ""},
		{"?", ""},
		// One long word is cut in the middle, since there is nothing else.
		{strings.Repeat("x", 80), "X" + strings.Repeat("x", labelMax-1) + "…"},
	} {
		if got := criterionLabel(tc.prompt); got != tc.want {
			t.Errorf("criterionLabel(%q)\n got %q\nwant %q", tc.prompt, got, tc.want)
		}
	}
}

// TestCriterionLabelBuiltin: every criterion of the built-in rubric gets a
// label of a few words, at most labelMax characters and an ellipsis, that
// starts with a capital and never ends on a dangling word.
func TestCriterionLabelBuiltin(t *testing.T) {
	r := builtin(t)
	for _, c := range r.Criteria {
		label := criterionLabel(c.Prompt)
		n := utf8.RuneCountInString(strings.TrimSuffix(label, "…"))
		if n < 10 || n > labelMax {
			t.Errorf("%s: label %q has %d characters", c.ID, label, n)
		}
		first, _ := utf8.DecodeRuneInString(label)
		if strings.ToUpper(string(first)) != string(first) {
			t.Errorf("%s: label %q does not start with a capital", c.ID, label)
		}
		words := strings.Fields(strings.TrimSuffix(label, "…"))
		if last := strings.ToLower(words[len(words)-1]); danglingWord[last] {
			t.Errorf("%s: label %q ends on %q", c.ID, label, last)
		}
		if strings.ContainsAny(label, "?") {
			t.Errorf("%s: label %q keeps the question mark", c.ID, label)
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 104904: "104,904", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestRaterGroups(t *testing.T) {
	for n, want := range map[int][]int{
		1: {1}, 4: {4}, 6: {6}, 7: {4, 3}, 9: {5, 4}, 12: {6, 6}, 13: {5, 4, 4},
	} {
		groups := raterGroups(n)
		var sizes []int
		next := 0
		for _, g := range groups {
			if g.From != next {
				t.Errorf("%d raters: group %+v does not start where the last ended (%d)", n, g, next)
			}
			next = g.To
			sizes = append(sizes, g.To-g.From)
			if (len(groups) > 1) != (g.Caption != "") {
				t.Errorf("%d raters: group %+v has caption %q", n, g, g.Caption)
			}
		}
		if next != n || !slices.Equal(sizes, want) {
			t.Errorf("%d raters: groups %v, want sizes %v", n, groups, want)
		}
	}
}
