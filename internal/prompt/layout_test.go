package prompt

import (
	"strings"
	"testing"

	"github.com/ladderhq/ladder/internal/termtext"
)

// Drawn at its width, every line of a question fits, no word is broken,
// and the text is all there.
func TestLayoutFitsTheWidth(t *testing.T) {
	message := "[12/73] How much experience do you have diagnosing performance and optimization problems, and preventing them before they ship?"
	help := "Count production work over a sustained period: features, debugging, reviews and upgrades in a real Rails codebase.\n  Section: General requirements. Source: Requirements/1."
	label, desc := "Kubernetes", "Running the company's workloads on Kubernetes, operators and Helm charts included (9 questions)"
	hint := "[Use arrows to move, space to select, <right> to all, <left> to none, type to filter, ? for more help]"
	for _, width := range []int{40, 60, 100, 160} {
		l := layout{width: width}
		drawn := []string{
			messagePrefix + l.message(message, len("[? for help]")),
			messagePrefix + message + l.hint(message, hint, 0),
			messagePrefix + l.help(help),
			multiSelectPrefix + label + descriptionSep + l.description(multiSelectPrefix, label, desc),
		}
		// The hint follows the message's wrapped lines.
		drawn[1] = messagePrefix + l.message(message, 0) + l.hint(message, hint, 0)
		for _, text := range drawn {
			for _, line := range strings.Split(text, "\n") {
				if termtext.Width(line) > width {
					t.Errorf("at %d columns, %q is %d cells wide", width, line, termtext.Width(line))
				}
			}
			for _, word := range []string{"optimization", "questions)", "Kubernetes,", "Requirements/1.", "<right>"} {
				flat := strings.Join(strings.Fields(text), " ")
				if strings.Contains(flat, word[:4]) && !strings.Contains(flat, word) && strings.Contains(message+help+desc+hint, word) {
					t.Errorf("at %d columns, %q is broken in %q", width, word, text)
				}
			}
		}
		for _, want := range []string{"before they ship?", "(9 questions)", "Source: Requirements/1."} {
			all := strings.Join(strings.Fields(strings.Join(drawn, " ")), " ")
			if !strings.Contains(all, want) {
				t.Errorf("at %d columns, %q is lost", width, want)
			}
		}
	}
}

// Without a width, nothing changes but the neutralising.
func TestLayoutWithoutWidth(t *testing.T) {
	l := layout{}
	if got := l.message("Who? \x1b[2J", 10); got != "Who? ␛[2J" {
		t.Errorf("message = %q", got)
	}
	if got := l.description("  ", "Gitaly", "Git at scale"); got != "Git at scale" {
		t.Errorf("description = %q", got)
	}
}

// A Select's message leaves room for the label of the answer after it;
// when the last line has none, the answer and, before it, the key
// reminder start the next line, with no blank line between.
func TestLayoutRoomForTheAnswer(t *testing.T) {
	l := layout{width: 60}
	message := "[7/52] How consistently do you bring a calm mind?"
	const answer = len("3  Consistent")
	msg := l.message(message, answer)
	asking := messagePrefix + msg + l.hint(message, "[Use arrows to move]", answer)
	answered := messagePrefix + msg + " 3  Consistent"
	for _, text := range []string{asking, answered} {
		lines := strings.Split(text, "\n")
		for _, line := range lines {
			if strings.TrimSpace(line) == "" || termtext.Width(line) > 60 {
				t.Errorf("line %q in:\n%s", line, text)
			}
		}
		if !strings.HasPrefix(lines[len(lines)-1], "  ") || strings.HasPrefix(lines[len(lines)-1], "   ") {
			t.Errorf("the last line is not indented under the message:\n%s", text)
		}
	}
	if got := l.hint("Short?", "[Use arrows to move]", answer); got != "  [Use arrows to move]" {
		t.Errorf("hint of a short message = %q", got)
	}
}
