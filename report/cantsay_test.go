package report

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/store"
)

// A manager's "can't say" shows as such: counted apart from the
// unanswered criteria in every rendering, and named in a gap.
func TestCantSayIsShownApart(t *testing.T) {
	r := builtin(t)
	a, _, err := store.Load("../examples/senior-gitaly.yaml", r)
	if err != nil {
		t.Fatal(err)
	}
	a.Rater, a.Role = "Grace Hopper", assess.Manager
	a.MarkCantSay("base-english", "")
	a.MarkCantSay("base-values", "never discussed")
	res := assess.Score(r, a)

	var b bytes.Buffer
	if err := RenderScore(&b, r, res, Style{}, ScoreOptions{Gaps: 0}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"Can't say: 2 criteria the rater could not judge, scored as unanswered.", "(can't say, expects 2 to 3)"} {
		if !strings.Contains(out, want) {
			t.Errorf("the score table lacks %q:\n%s", want, out)
		}
	}
	if got := ScoreData(r, res).(scoreJSON).CantSay; !reflect.DeepEqual(got, []string{"base-english", "base-values"}) {
		t.Errorf("cant_say = %v", got)
	}
	b.Reset()
	if err := WriteJSON(&b, ScoreData(r, assess.Score(r, &assess.Assessment{Rubric: a.Rubric, Person: "P", Rater: "P", Role: assess.Self}))); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "cant_say") {
		t.Errorf("a self-assessment's score lists cant_say")
	}

	plan, err := assess.NewPlan(r, res, assess.PlanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pg := NewPage(r, plan, PageOptions{})
	var cards bool
	for _, c := range pg.Cards {
		cards = cards || c.Label == "Can't say" && c.Value == "2"
	}
	if pg.CantSay != 2 || !cards {
		t.Errorf("the report page does not count the can't say answers: %d, %+v", pg.CantSay, pg.Cards)
	}
	b.Reset()
	if err := RenderMarkdown(&b, pg); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "Can't say: 2 criteria the rater could not judge") {
		t.Errorf("the Markdown report does not count the can't say answers")
	}
}
