package interview

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/data"
	"github.com/ladderhq/ladder/internal/prompt"
	pt "github.com/ladderhq/ladder/internal/prompt/prompttest"
	"github.com/ladderhq/ladder/rubric"
)

func mini(t *testing.T) *rubric.Rubric {
	t.Helper()
	b, err := os.ReadFile("../../assess/testdata/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := rubric.Parse("mini.yaml", b)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// newInterview runs an interview on a scripted prompter and counts the
// saves.
func newInterview(t *testing.T, r *rubric.Rubric, steps ...pt.Step) (*Interview, *pt.Script, *int) {
	script := pt.New(t, steps...)
	saves := 0
	iv := &Interview{Rubric: r, Prompter: script, Save: func() error { saves++; return nil }}
	return iv, script, &saves
}

func empty(r *rubric.Rubric) *assess.Assessment {
	a := assess.New(r, "", time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
	a.Rater = ""
	return a
}

func TestOpeningAsksEverythingNotKnown(t *testing.T) {
	r := mini(t)
	iv, script, _ := newInterview(t, r,
		pt.Input("Who is being assessed?", "Ada Lovelace"),
		pt.Select("Who is giving the ratings?", 0).WithDefault(0),
		pt.Select("Current level:", 2).WithDefault(0), // none, junior, mid, ...
		pt.Select("Target level:", 3).WithDefault(3),  // one above the current level
		pt.MultiSelect("Specialties", 1, 2),
	)
	a := empty(r)
	if err := iv.Opening(a, Known{}); err != nil {
		t.Fatal(err)
	}
	script.Done()
	if a.Person != "Ada Lovelace" || a.Rater != "Ada Lovelace" || a.Role != assess.Self ||
		a.CurrentLevel != "mid" || a.TargetLevel != "senior" || !reflect.DeepEqual(a.Specialties, []string{"cache", "web"}) {
		t.Errorf("opening answers: %+v", a)
	}
	// The specialties show their summary, or at least how many questions
	// each adds.
	opts := script.Calls[4].Options
	if opts[0].Label != "Databases" || !strings.Contains(opts[0].Description, "10 questions") {
		t.Errorf("first specialty option = %+v", opts[0])
	}
}

func TestOpeningAsksTheRaterOfAManager(t *testing.T) {
	r := mini(t)
	iv, script, _ := newInterview(t, r,
		pt.Select("Who is giving the ratings?", 1),
		pt.Input("Your name", "Grace"),
		pt.Select("Target level:", 0).WithDefault(0), // no current level: no target by default
	)
	a := empty(r)
	a.Person = "Ada"
	if err := iv.Opening(a, Known{Person: true, Current: true, Specialties: true}); err != nil {
		t.Fatal(err)
	}
	script.Done()
	if a.Rater != "Grace" || a.Role != assess.Manager || a.TargetLevel != "" {
		t.Errorf("got rater %q role %q target %q", a.Rater, a.Role, a.TargetLevel)
	}
}

func TestOpeningSkipsWhatIsKnown(t *testing.T) {
	r := mini(t)
	iv, script, _ := newInterview(t, r)
	a := empty(r)
	a.Person, a.Rater = "Ada", "Ada"
	if err := iv.Opening(a, Known{true, true, true, true, true, true}); err != nil {
		t.Fatal(err)
	}
	if len(script.Calls) != 0 {
		t.Errorf("asked %d opening questions, want none", len(script.Calls))
	}
}

func TestOpeningInterrupted(t *testing.T) {
	r := mini(t)
	iv, _, _ := newInterview(t, r, pt.Interrupt(pt.InputKind, "Who is being assessed?"))
	if err := iv.Opening(empty(r), Known{}); !errors.Is(err, prompt.ErrInterrupted) {
		t.Errorf("err = %v, want ErrInterrupted", err)
	}
}

func rungs(t *testing.T) *rubric.Rubric {
	t.Helper()
	b, err := os.ReadFile("../../assess/testdata/rungs.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := rubric.Parse("rungs.yaml", b)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// rungsQuestions: rails=ruby-knowledge | other-lang | ruby-desire | comms |
// ship-mid | ship-small | on-call | mentor | remote+startup | oss |
// db-go=web-go | db-ruby=web-ruby | db-sql | web-http | shared-ops
func rungsQuestions(r *rubric.Rubric) *assess.Questionnaire {
	return assess.NewQuestionnaire(r, assess.QuestionnaireOptions{Target: "senior", Specialties: []string{"db", "web"}})
}

func ratingsOf(a *assess.Assessment) map[string]string {
	out := map[string]string{}
	for id, rt := range a.Ratings {
		out[id] = rt.String()
		if rt.Implied != "" {
			out[id] += " by " + rt.Implied
		}
		if rt.Note != "" {
			out[id] += " (" + rt.Note + ")"
		}
	}
	return out
}

// The whole flow: answers settle what they imply, and the count of
// questions shrinks with them; a shared question is asked once; the yes/no
// nice-to-haves are one checklist; going back offers the earlier answer.
func TestAskWholeFlowWithBack(t *testing.T) {
	r := rungs(t)
	q := rungsQuestions(r)
	back := len(r.Scale) // the option after the scale
	iv, script, saves := newInterview(t, r,
		// Rails at 2 meets "knowledge of Ruby" (expects 2): the desire to
		// learn it is not asked. It does not meet the language requirement
		// everywhere, so the other language is.
		pt.Select("[1/15] How strong is your Rails?", 2).WithDefault(0),
		pt.Select("[2/14] How strong is your specialty's language?", 3),
		pt.Select("[3/14] How well do you communicate?", back),
		pt.Select("[2/14] How strong is your specialty's language?", 1).WithDefault(3),
		pt.Select("[3/14] How well do you communicate?", 4),
		// The Senior rung first; met, it settles the Junior one.
		pt.Select("[4/14] Ship mid?", 3),
		pt.Confirm("[5/13] Tier 2 on-call?", true).WithDefault(false),
		pt.Select("[6/13] Mentor?", 1),
		pt.MultiSelect("[7/13] Which of these are true for you?", 0).WithDefault([]int(nil)),
		pt.Select("[8/13] How much open source?", 0),
		pt.Select("[9/13] How strong is your Go?", 4),
		// Web's "Go or Ruby" is met, but Databases needs both.
		pt.Select("[10/13] How strong is your Ruby?", 2),
		pt.Select("[11/13] SQL?", 3),
		pt.Select("[12/13] HTTP?", 2),
		pt.Select("[13/13] Run services?", 3),
	)
	a := empty(r)
	if err := iv.Ask(a, q); err != nil {
		t.Fatal(err)
	}
	script.Done()
	want := map[string]string{
		"rails": "2", "ruby-knowledge": "2", "other-lang": "1", "comms": "4",
		"ship-mid": "3", "ship-small": "3 by ship-mid", "on-call": "yes", "mentor": "1",
		"remote": "yes", "startup": "no", "oss": "0",
		"db-go": "4", "web-go": "4", "db-ruby": "2", "web-ruby": "2", "db-sql": "3", "web-http": "2", "shared-ops": "3",
	}
	if got := ratingsOf(a); !reflect.DeepEqual(got, want) {
		t.Errorf("ratings\n got %v\nwant %v", got, want)
	}
	if *saves != 14 {
		t.Errorf("%d saves, want one per answer (14)", *saves)
	}
	// The first question has no way back; the others end with it.
	if n := len(script.Calls[0].Options); n != len(r.Scale) {
		t.Errorf("first question has %d options, want the %d of the scale", n, len(r.Scale))
	}
	if last := script.Calls[1].Options[back]; !strings.Contains(last.Label, "back") {
		t.Errorf("last option %q, want the way back", last.Label)
	}
	// The checklist lists its questions.
	if opts := script.Calls[8].Options; len(opts) != 2 || opts[0].Label != "Remote team?" || opts[1].Label != "Startup?" {
		t.Errorf("checklist options %+v", opts)
	}
}

// Going back and lowering a rung that settled the one below takes the
// implied rating back; a quick session leaves that rung (desirable) for a
// full one, which asks it.
func TestAskWithdrawsWhatAnAnswerNoLongerImplies(t *testing.T) {
	r := rungs(t)
	quick := assess.NewQuestionnaire(r, assess.QuestionnaireOptions{Target: "senior", Quick: true})
	a := empty(r)
	a.Ratings = map[string]assess.Rating{"rails": {Value: 3}, "comms": {Value: 3}}
	back := len(r.Scale)
	iv, script, _ := newInterview(t, r,
		pt.Select("[3/4] Ship mid?", 3),
		pt.Select("[4/4] Mentor?", back),
		pt.Select("[3/4] Ship mid?", 2).WithDefault(3),
		pt.Select("[4/4] Mentor?", 2),
	)
	if err := iv.Ask(a, quick); err != nil {
		t.Fatal(err)
	}
	script.Done()
	if a.Answered("ship-small") {
		t.Errorf("ship-small = %+v, still implied by a rung now rated 2", a.Ratings["ship-small"])
	}
	full := assess.NewQuestionnaire(r, assess.QuestionnaireOptions{Target: "senior"})
	iv, script, _ = newInterview(t, r,
		pt.Select("[4/8] Ship small?", 3),
		pt.Confirm("[5/8] Tier 2 on-call?", false),
		pt.Interrupt(pt.MultiSelectKind, "[7/8]"),
	)
	if err := iv.Ask(a, full); !errors.Is(err, prompt.ErrInterrupted) {
		t.Fatalf("err = %v", err)
	}
	script.Done()
}

// responder answers every question the same way and records the calls; a
// function may choose the answer to a question from its words.
type responder struct {
	rating func(prompt string) (int, bool) // the rating, or yes/no as 1/0
	calls  []pt.Call
}

func (p *responder) answer(message string) int {
	if p.rating != nil {
		if v, ok := p.rating(message); ok {
			return v
		}
	}
	return 2
}

func (p *responder) Select(message, help string, options []prompt.Option, def int) (int, error) {
	p.calls = append(p.calls, pt.Call{Kind: pt.SelectKind, Message: message, Help: help, Options: options, Default: def})
	return min(p.answer(message), len(options)-1), nil
}

func (p *responder) MultiSelect(message, help string, options []prompt.Option, defaults []int) ([]int, error) {
	p.calls = append(p.calls, pt.Call{Kind: pt.MultiSelectKind, Message: message, Help: help, Options: options, Default: defaults})
	var picked []int
	for i, o := range options {
		if p.answer(o.Label) == 1 {
			picked = append(picked, i)
		}
	}
	return picked, nil
}

func (p *responder) Input(message, help, def string, _ func(string) error) (string, error) {
	p.calls = append(p.calls, pt.Call{Kind: pt.InputKind, Message: message, Help: help, Default: def})
	return def, nil
}

func (p *responder) Confirm(message, help string, def bool) (bool, error) {
	p.calls = append(p.calls, pt.Call{Kind: pt.ConfirmKind, Message: message, Help: help, Default: def})
	return p.answer(message) == 1, nil
}

// No question ever shows a rating a level expects: the options are the
// scale, and neither message nor help mentions expectations.
func TestAskNeverShowsTheExpectedRating(t *testing.T) {
	r, err := data.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	q := assess.NewQuestionnaire(r, assess.QuestionnaireOptions{Specialties: []string{"application-performance"}})
	p := &responder{}
	iv := &Interview{Rubric: r, Prompter: p, Save: func() error { return nil }}
	if err := iv.Ask(empty(r), q); err != nil {
		t.Fatal(err)
	}
	if len(p.calls) < 20 {
		t.Fatalf("only %d questions asked", len(p.calls))
	}
	for _, c := range p.calls {
		for _, text := range []string{c.Message, c.Help} {
			if strings.Contains(strings.ToLower(text), "expect") {
				t.Errorf("%q mentions an expectation: %q", c.Message, text)
			}
		}
		if c.Kind == pt.SelectKind {
			for i, o := range c.Options {
				if i < len(r.Scale) {
					p := r.Scale[i]
					if o.Label != strings.Join([]string{itoa(p.Value), p.Label}, "  ") || o.Description != p.Description {
						t.Errorf("option %d of %q = %+v, want the scale point %+v", i, c.Message, o, p)
					}
				}
			}
		}
		if !strings.Contains(c.Help, "Source: ") {
			t.Errorf("help of %q lacks the source reference: %q", c.Message, c.Help)
		}
	}
}

func itoa(n int) string { return string(rune('0' + n)) }

func TestAskResumesAtFirstUnansweredAndSkipsAnswered(t *testing.T) {
	r := rungs(t)
	q := rungsQuestions(r)
	a := empty(r)
	// An earlier session answered these (a --quick one, say).
	a.Ratings = map[string]assess.Rating{"rails": {Value: 3}, "comms": {Value: 2}, "ship-mid": {Value: 2}, "mentor": {Value: 3}}
	back := len(r.Scale)
	iv, script, _ := newInterview(t, r,
		pt.Select("[4/13] Ship small?", 1),
		pt.Confirm("[5/13] Tier 2 on-call?", true),
		// Mentor is answered: skipped on the way forward.
		pt.MultiSelect("[7/13]", 1),
		pt.Select("[8/13] How much open source?", back),
		// Going back reaches the checklist, with its answers.
		pt.MultiSelect("[7/13]", 0).WithDefault([]int{1}),
		pt.Select("[8/13] How much open source?", 1),
		pt.Interrupt(pt.SelectKind, "[9/13] How strong is your Go?"),
	)
	err := iv.Ask(a, q)
	if !errors.Is(err, prompt.ErrInterrupted) {
		t.Fatalf("err = %v, want ErrInterrupted", err)
	}
	script.Done()
	if answered, open := q.Progress(a); answered != 8 || open != 5 {
		t.Errorf("after the interrupt: %d answered, %d open; want 8 and 5", answered, open)
	}
	if !a.Ratings["remote"].Yes() || a.Ratings["startup"].Yes() {
		t.Errorf("checklist answers remote %v startup %v, want yes and no", a.Ratings["remote"], a.Ratings["startup"])
	}
}

func TestAskEvidence(t *testing.T) {
	r := rungs(t)
	q := assess.NewQuestionnaire(r, assess.QuestionnaireOptions{Target: "junior", Quick: true}) // rails other-lang ruby-desire comms
	back := len(r.Scale)
	iv, script, saves := newInterview(t, r,
		pt.Select("[1/4]", 3),
		pt.Input("Evidence", "led the Rails 7 upgrade").WithDefault(""),
		// Rails at 3 settles the other language and the desire to learn.
		pt.Select("[2/2]", back),
		pt.Select("[1/2]", 4),
		pt.Input("Evidence", "-").WithDefault("led the Rails 7 upgrade"), // a single dash: no note
		pt.Select("[2/2]", 2), // below 3: no evidence asked
	)
	iv.Evidence = true
	a := empty(r)
	if err := iv.Ask(a, q); err != nil {
		t.Fatal(err)
	}
	script.Done()
	for _, id := range []string{"rails", "ruby-knowledge"} {
		if rt := a.Ratings[id]; rt.Value != 4 || rt.Note != "" {
			t.Errorf("%s = %+v, want 4 without a note", id, rt)
		}
	}
	if *saves != 5 {
		t.Errorf("%d saves, want 5 (3 ratings, 2 notes)", *saves)
	}
	iv, script, _ = newInterview(t, r, pt.Select("[2/4]", 3), pt.Input("Evidence", "weekly demos"), pt.Select("[4/4]", 3), pt.Input("Evidence", ""))
	iv.Evidence = true
	a = empty(r)
	a.Ratings["rails"] = assess.Rating{Value: 1}
	a.Ratings["ruby-desire"] = assess.Rating{Value: 1, YesNo: true}
	if err := iv.Ask(a, q); err != nil {
		t.Fatal(err)
	}
	script.Done()
	if rt := a.Ratings["other-lang"]; rt.Note != "weekly demos" {
		t.Errorf("other-lang = %+v", rt)
	}
}

func TestAskStopsWhenSavingFails(t *testing.T) {
	r := rungs(t)
	q := rungsQuestions(r)
	iv, _, _ := newInterview(t, r, pt.Select("[1/15]", 2))
	boom := errors.New("disk full")
	iv.Save = func() error { return boom }
	if err := iv.Ask(empty(r), q); !errors.Is(err, boom) {
		t.Errorf("err = %v, want the save error", err)
	}
}
