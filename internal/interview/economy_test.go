package interview

import (
	"strings"
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/data"
	"github.com/ladderhq/ladder/internal/store"
	"github.com/ladderhq/ladder/rubric"
)

// The person's time is the scarce resource. A Senior candidate for Gitaly,
// assessing themselves against the built-in rubric, answers at most 50
// questions, no two of them the same; with --quick at most 35, and every
// required criterion is still settled. Measured through the real flow, with
// the answers of the example Senior Gitaly candidate (examples/
// senior-gitaly.yaml), and with a candidate who answers every question at
// Consistent (3) or yes.
func TestSeniorGitalyAssessmentEconomy(t *testing.T) {
	r, err := data.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	example, _, err := store.Load("../../examples/senior-gitaly.yaml", r)
	if err != nil {
		t.Fatal(err)
	}
	fromExample := func(c *rubric.Criterion) int {
		for _, id := range r.SameQuestion(c.ID) {
			if rt, ok := example.Ratings[id]; ok {
				return rt.Value
			}
		}
		t.Errorf("the example has no answer to %q (%s)", c.Prompt, c.ID)
		return 0
	}
	atExpectation := func(c *rubric.Criterion) int {
		if c.Answer == rubric.YesNo {
			return 1
		}
		return 3
	}
	for _, persona := range []struct {
		name        string
		answer      func(*rubric.Criterion) int
		full, quick int // the most each may ask
	}{
		{"the example Senior Gitaly candidate", fromExample, 50, 35},
		{"a candidate at Consistent throughout", atExpectation, 50, 35},
	} {
		for _, quick := range []bool{false, true} {
			limit := persona.full
			if quick {
				limit = persona.quick
			}
			q := assess.NewQuestionnaire(r, assess.QuestionnaireOptions{Target: "senior", Specialties: []string{"gitaly"}, Quick: quick})
			a := empty(r)
			a.TargetLevel, a.Specialties = "senior", []string{"gitaly"}
			byPrompt := map[string]*rubric.Criterion{}
			for i := range r.Criteria {
				c := &r.Criteria[i]
				if q.Scope(c.ID) {
					byPrompt[c.Prompt] = c
				}
			}
			p := &responder{rating: func(message string) (int, bool) {
				text := message
				if i := strings.Index(message, "] "); strings.HasPrefix(message, "[") && i > 0 {
					text = message[i+2:]
				}
				c := byPrompt[text]
				if c == nil {
					return 0, false
				}
				return persona.answer(c), true
			}}
			iv := &Interview{Rubric: r, Prompter: p, Save: func() error { return nil }}
			if err := iv.Ask(a, q); err != nil {
				t.Fatal(err)
			}
			asked := len(p.calls)
			t.Logf("%s, quick %v: %d questions", persona.name, quick, asked)
			if asked > limit {
				t.Errorf("%s, quick %v: %d questions, want at most %d", persona.name, quick, asked, limit)
			}

			// No two questions the same.
			seen := map[string]bool{}
			for _, c := range p.calls {
				text := c.Message[strings.Index(c.Message, "] ")+2:]
				if seen[text] {
					t.Errorf("asked twice: %q", text)
				}
				seen[text] = true
			}

			// A lower rung is asked only after the stricter one above it.
			order := map[string]int{}
			for k, c := range p.calls {
				if cr := byPrompt[c.Message[strings.Index(c.Message, "] ")+2:]]; cr != nil {
					order[r.Question(cr.ID)] = k + 1
				}
			}
			for i := range r.Criteria {
				c := &r.Criteria[i]
				for _, lower := range c.Supersedes {
					at, above := order[r.Question(lower)], order[r.Question(c.ID)]
					if at > 0 && q.Scope(c.ID) && assess.Asked(c, quick) && (above == 0 || above > at) {
						t.Errorf("%s asked (%d) before %s, the rung above it (%d)", lower, at, c.ID, above)
					}
				}
			}

			// Every required criterion of the target, asked or not, is
			// settled: rated, or moot; and score calls none of the scope
			// unanswered.
			moot := assess.Moot(r, a)
			for i := range r.Criteria {
				c := &r.Criteria[i]
				if q.Scope(c.ID) && c.Strength == rubric.Required && !a.Answered(c.ID) && !moot[c.ID] {
					t.Errorf("quick %v: required %s is left unsettled", quick, c.ID)
				}
			}
			if !quick {
				for _, id := range assess.Unanswered(r, a) {
					if q.Scope(id) {
						t.Errorf("%s: %s is unanswered after a full assessment", persona.name, id)
					}
				}
			}
		}
	}
}
