package assess

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/rubric"
)

func loadRungs(t testing.TB) *rubric.Rubric {
	t.Helper()
	b, err := os.ReadFile("testdata/rungs.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := rubric.Parse("testdata/rungs.yaml", b)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// layout writes a questionnaire as "Section: step | step", each step its
// questions joined by "+", each question its criteria joined by "=".
func layout(q *Questionnaire) []string {
	var out []string
	for _, s := range q.Sections {
		var steps []string
		for _, st := range s.Steps {
			var qs []string
			for _, qu := range st.Questions {
				var ids []string
				for _, c := range qu.Criteria() {
					ids = append(ids, c.ID)
				}
				qs = append(qs, strings.Join(ids, "="))
			}
			steps = append(steps, strings.Join(qs, "+"))
		}
		out = append(out, s.Title+": "+strings.Join(steps, " | "))
	}
	return out
}

func TestQuestionnaireLayout(t *testing.T) {
	r := loadRungs(t)
	tests := []struct {
		name string
		opt  QuestionnaireOptions
		want []string
	}{
		{
			// Up to the target. A question shared by two specialties
			// (same_as) is asked once, in the first; a line of rungs is
			// asked where its lowest rung would be, highest first; the
			// yes/no nice-to-haves are one checklist.
			name: "target senior",
			opt:  QuestionnaireOptions{Target: "senior", Specialties: []string{"db", "web"}},
			want: []string{
				"General requirements: rails=ruby-knowledge | other-lang | ruby-desire | comms",
				"Responsibilities: ship-mid | ship-small | on-call",
				"Senior: mentor",
				"Nice-to-haves: remote+startup | oss",
				"Databases (specialty): db-go=web-go | db-ruby=web-ruby | db-sql",
				"Web (specialty): web-http | shared-ops",
			},
		},
		{
			// Every level: the Staff rung heads its line, and the grouped
			// Staff rung that asks the Tier 2 question is asked with it.
			name: "no target",
			opt:  QuestionnaireOptions{},
			want: []string{
				"General requirements: rails=ruby-knowledge | other-lang | ruby-desire | comms",
				"Responsibilities: ship-big | ship-mid | ship-small | on-call=staff-tier",
				"Senior: mentor",
				"Staff: staff-incident",
				"Nice-to-haves: remote+startup | oss",
			},
		},
		{
			// Quick: required and strong only. The line's lower rung is
			// not asked, so its top stays in its own level; a question
			// worded exactly like another is the same question.
			name: "quick",
			opt:  QuestionnaireOptions{Target: "senior", Specialties: []string{"db", "ops"}, Quick: true},
			want: []string{
				"General requirements: rails=ruby-knowledge | other-lang | ruby-desire | comms",
				"Senior: ship-mid | mentor",
				"Databases (specialty): db-go=ops-go | db-ruby | db-sql",
				"Operations (specialty): shared-ops",
			},
		},
		{
			name: "the lowest target asks one level",
			opt:  QuestionnaireOptions{Target: "junior"},
			want: []string{
				"General requirements: rails=ruby-knowledge | other-lang | ruby-desire | comms",
				"Responsibilities: ship-small | on-call",
				"Nice-to-haves: remote+startup | oss",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := NewQuestionnaire(r, tt.opt)
			if got := layout(q); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("layout:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tt.want, "\n     "))
			}
			n := 0
			for _, s := range q.Sections {
				n += len(s.Steps)
			}
			if len(q.Steps) != n {
				t.Errorf("%d steps, the sections hold %d", len(q.Steps), n)
			}
		})
	}
}

// Which steps another answer may settle before they are asked, and so the
// fewest and the most questions an assessment asks.
func TestQuestionnaireRange(t *testing.T) {
	r := loadRungs(t)
	q := NewQuestionnaire(r, QuestionnaireOptions{Target: "senior", Specialties: []string{"db", "web"}})
	var conditional []string
	for _, st := range q.Steps {
		if st.Conditional() {
			conditional = append(conditional, st.Questions[0].Criterion.ID)
		}
	}
	// Not db-ruby: web's "Go or Ruby" may be met by Go, but Databases needs
	// both, and the question stays open until both criteria are settled.
	if got := strings.Join(conditional, " "); got != "other-lang ruby-desire ship-small" {
		t.Errorf("conditional steps: %s", got)
	}
	a := rated(r, nil)
	if least, most := q.Open(a); least != 12 || most != 15 {
		t.Errorf("open: %d to %d, want 12 to 15", least, most)
	}
	a = rated(r, map[string]string{"rails": "3", "comms": "3"})
	q.Settle(a)
	if k, n := q.Position(a, q.Next(a, 0)); k != 3 || n != 13 {
		t.Errorf("the next step is %d of %d, want 3 of 13", k, n)
	}
}

func states(q *Questionnaire, a *Assessment) string {
	var out []string
	for i, s := range q.States(a) {
		id := q.Steps[i].Questions[0].Criterion.ID
		out = append(out, id+":"+[]string{"open", "answered", "settled"}[s])
	}
	return strings.Join(out, " ")
}

// One answer settles what it implies: the question's other criteria, the
// lower rungs it meets (recorded as implied), and alternatives of a group
// it satisfies (moot: not asked, not unanswered).
func TestSettle(t *testing.T) {
	r := loadRungs(t)
	q := NewQuestionnaire(r, QuestionnaireOptions{Target: "senior", Specialties: []string{"db", "web"}})
	a := rated(r, map[string]string{"rails": "3", "comms": "2", "ship-mid": "3", "on-call": "yes", "db-go": "4"}, "db", "web")
	a.Ratings["ship-mid"] = Rating{Value: 3, Note: "the billing rewrite"}

	withdrawn, changed := q.Settle(a)
	if !changed || withdrawn != nil {
		t.Fatalf("Settle: changed %v, withdrawn %v", changed, withdrawn)
	}
	want := map[string]Rating{
		"ruby-knowledge": {Value: 3},                      // same question as rails
		"web-go":         {Value: 4},                      // same question as db-go
		"ship-small":     {Value: 3, Implied: "ship-mid"}, // a lower rung, met
	}
	for id, w := range want {
		if got := a.Ratings[id]; got != w {
			t.Errorf("%s = %+v, want %+v", id, got, w)
		}
	}
	if _, again := q.Settle(a); again {
		t.Error("a second Settle changed the ratings again")
	}
	if got, want := states(q, a), "rails:answered other-lang:settled ruby-desire:settled comms:answered "+
		"ship-mid:answered ship-small:settled on-call:answered mentor:open remote:open oss:open "+
		"db-go:answered db-ruby:open db-sql:open web-http:open shared-ops:open"; got != want {
		t.Errorf("states:\n got %s\nwant %s", got, want)
	}
	// web-ruby is moot (web's Go or Ruby is met), but db-ruby, which asks the
	// same question, is not (db needs Go and Ruby): the question stays open.
	moot := Moot(r, a)
	if !moot["other-lang"] || !moot["ruby-desire"] || !moot["web-ruby"] || moot["db-ruby"] {
		t.Errorf("moot = %v", moot)
	}
	for _, id := range Unanswered(r, a) {
		if moot[id] || id == "ship-small" {
			t.Errorf("%s is counted as unanswered", id)
		}
	}
	if answered, open := q.Progress(a); answered != 5 || open != 7 {
		t.Errorf("progress: %d answered, %d open; want 5 and 7", answered, open)
	}
	if got := q.Next(a, 0); q.Steps[got].Questions[0].Criterion.ID != "mentor" {
		t.Errorf("next step: %d", got)
	}

	// Going back and lowering the stricter rung withdraws what it implied,
	// and the lower rung is open again.
	a.Ratings["ship-mid"] = Rating{Value: 2}
	withdrawn, changed = q.Settle(a)
	if !changed || withdrawn["ship-small"].Implied != "ship-mid" || a.Answered("ship-small") {
		t.Errorf("after lowering ship-mid: changed %v, withdrawn %v, ship-small %+v", changed, withdrawn, a.Ratings["ship-small"])
	}
	if got := q.Next(a, 6); q.Steps[got].Questions[0].Criterion.ID != "mentor" {
		t.Errorf("next step after 6: %s", q.Steps[got].Questions[0].Criterion.ID)
	}
	if got := q.Next(a, 10); q.Steps[got].Questions[0].Criterion.ID != "db-ruby" {
		t.Errorf("next step after 10: %s", q.Steps[got].Questions[0].Criterion.ID)
	}
	// Coming round: an earlier step reopened is found from a later one.
	for i := 7; i < len(q.Steps); i++ {
		for _, qu := range q.Steps[i].Questions {
			for _, c := range qu.Criteria() {
				if c.Answer == rubric.YesNo {
					a.Ratings[c.ID] = Rating{Value: 1, YesNo: true}
				} else {
					a.Ratings[c.ID] = Rating{Value: 3}
				}
			}
		}
	}
	if got := q.Next(a, 12); got < 0 || q.Steps[got].Questions[0].Criterion.ID != "ship-small" {
		t.Errorf("coming round from 12: %d", got)
	}
}

// A line of three rungs: the top one, met, settles both below it, each
// implied by the answer the rater gave.
func TestSettleALineOfThree(t *testing.T) {
	r := loadRungs(t)
	q := NewQuestionnaire(r, QuestionnaireOptions{})
	a := rated(r, map[string]string{"ship-big": "4"})
	q.Settle(a)
	for _, id := range []string{"ship-mid", "ship-small"} {
		if got := a.Ratings[id]; got != (Rating{Value: 4, Implied: "ship-big"}) {
			t.Errorf("%s = %+v, want 4 implied by ship-big", id, got)
		}
	}
	// A rung below what the lower one expects settles nothing: Developing
	// (2) meets the Junior rung's expectation, not the Mid one's.
	a = rated(r, map[string]string{"ship-big": "2"})
	q.Settle(a)
	if a.Answered("ship-mid") || a.Answered("ship-small") {
		t.Errorf("a rung at 2 implied %v", a.Ratings)
	}
	// The Tier 2 question, answered, rates the Staff rung that asks it too;
	// a yes settles the Incident Management alternative.
	a = rated(r, map[string]string{"on-call": "yes"})
	q.Settle(a)
	if got := a.Ratings["staff-tier"]; got != (Rating{Value: 1, YesNo: true}) {
		t.Errorf("staff-tier = %+v", got)
	}
	if !Moot(r, a)["staff-incident"] {
		t.Error("staff-incident is not moot after a yes to the Tier 2 rotation")
	}
}

func TestSpecialtyQuestions(t *testing.T) {
	r := loadRungs(t)
	for id, want := range map[string]int{"db": 3, "web": 4, "ops": 2} {
		if got := SpecialtyQuestions(r, id, false); got != want {
			t.Errorf("SpecialtyQuestions(%s) = %d, want %d", id, got, want)
		}
	}
	if got := SpecialtyQuestions(r, "web", true); got != 3 {
		t.Errorf("quick web: %d, want 3 (web-http is desirable)", got)
	}
}
