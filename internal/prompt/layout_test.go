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
			messagePrefix + message + l.hint(message, hint),
			messagePrefix + l.help(help),
			multiSelectPrefix + label + descriptionSep + l.description(multiSelectPrefix, label, desc),
		}
		// The hint follows the message's wrapped lines.
		drawn[1] = messagePrefix + l.message(message, 0) + l.hint(message, hint)
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
