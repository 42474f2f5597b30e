package rubric

import (
	"strings"
	"testing"
)

// Turning every question of the built-in rubric about a person, as a
// manager's or peer's assessment shows them, against the baseline of
// lower-casing the same prompts (a pass over the same bytes).
func BenchmarkPromptAbout(b *testing.B) {
	r := builtinForTest(b)
	b.Run("baseline-lower", func(b *testing.B) {
		for b.Loop() {
			for i := range r.Criteria {
				_ = strings.ToLower(r.Criteria[i].Prompt)
			}
		}
	})
	b.Run("prompt-about", func(b *testing.B) {
		for b.Loop() {
			for i := range r.Criteria {
				_ = r.Criteria[i].PromptAbout("Ada Lovelace")
			}
		}
	})
}
