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

// miniQuestions: ruby go comms | ship-small on-call(yes/no) | ship-big mentor | nice | shared-ops
func miniQuestions(r *rubric.Rubric) *assess.Questionnaire {
	return assess.NewQuestionnaire(r, assess.QuestionnaireOptions{Target: "mid", Specialties: []string{"cache"}})
}

func TestAskWholeFlowWithBack(t *testing.T) {
	r := mini(t)
	q := miniQuestions(r)
	if len(q.Questions) != 9 {
		t.Fatalf("%d questions, want 9", len(q.Questions))
	}
	back := len(r.Scale) // the option after the scale
	iv, script, saves := newInterview(t, r,
		pt.Select("[1/9] Ruby?", 3).WithDefault(0),
		pt.Select("[2/9] Go?", 1),
		pt.Select("[3/9] Communicate?", back),
		pt.Select("[2/9] Go?", 2).WithDefault(1), // back: the earlier answer is the default
		pt.Select("[3/9] Communicate?", 4),
		pt.Select("[4/9] Ship small?", 2),
		pt.Confirm("[5/9] On call?", true).WithDefault(false),
		pt.Select("[6/9] Ship big?", 3),
		pt.Select("[7/9] Mentor?", 1),
		pt.Select("[8/9] Startup?", 0),
		pt.Select("[9/9] Run services in production?", 3),
	)
	a := empty(r)
	if err := iv.Ask(a, q); err != nil {
		t.Fatal(err)
	}
	script.Done()
	want := map[string]string{"ruby": "3", "go": "2", "comms": "4", "ship-small": "2", "on-call": "yes",
		"ship-big": "3", "mentor": "1", "nice": "0", "shared-ops": "3"}
	got := map[string]string{}
	for id, rt := range a.Ratings {
		got[id] = rt.String()
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ratings %v, want %v", got, want)
	}
	if *saves != 10 {
		t.Errorf("%d saves, want one per answer (10)", *saves)
	}
	// The first question has no way back; the others end with it.
	if n := len(script.Calls[0].Options); n != len(r.Scale) {
		t.Errorf("first question has %d options, want the %d of the scale", n, len(r.Scale))
	}
	if last := script.Calls[1].Options[back]; !strings.Contains(last.Label, "back") {
		t.Errorf("last option %q, want the way back", last.Label)
	}
}

// No question ever shows a rating a level expects: the options are the
// scale, and neither message nor help mentions expectations.
func TestAskNeverShowsTheExpectedRating(t *testing.T) {
	r, err := data.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	q := assess.NewQuestionnaire(r, assess.QuestionnaireOptions{Specialties: []string{"application-performance"}})
	var steps []pt.Step
	for _, qu := range q.Questions {
		if qu.Criterion.Answer == rubric.YesNo {
			steps = append(steps, pt.Confirm(qu.Criterion.Prompt, true))
		} else {
			steps = append(steps, pt.Select(qu.Criterion.Prompt, 2))
		}
	}
	iv, script, _ := newInterview(t, r, steps...)
	if err := iv.Ask(empty(r), q); err != nil {
		t.Fatal(err)
	}
	script.Done()
	for _, c := range script.Calls {
		for _, text := range []string{c.Message, c.Help} {
			if strings.Contains(strings.ToLower(text), "expect") {
				t.Errorf("%q mentions an expectation: %q", c.Message, text)
			}
		}
		for i, o := range c.Options {
			if i < len(r.Scale) {
				p := r.Scale[i]
				if o.Label != strings.Join([]string{itoa(p.Value), p.Label}, "  ") || o.Description != p.Description {
					t.Errorf("option %d of %q = %+v, want the scale point %+v", i, c.Message, o, p)
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
	r := mini(t)
	q := miniQuestions(r)
	a := empty(r)
	// An earlier session answered 1, 2 and 5 (a --quick one, say).
	a.Ratings = map[string]assess.Rating{"ruby": {Value: 2}, "go": {Value: 3}, "on-call": {Value: 1, YesNo: true}}
	iv, script, _ := newInterview(t, r,
		pt.Select("[3/9]", 1),
		pt.Select("[4/9]", back(r)),
		pt.Select("[3/9]", 2).WithDefault(1),
		pt.Select("[4/9]", 2),
		// 5 is answered: skipped on the way forward.
		pt.Select("[6/9]", back(r)),
		// Going back reaches the answered question, with its answer.
		pt.Confirm("[5/9]", false).WithDefault(true),
		pt.Select("[6/9]", 1),
		pt.Select("[7/9]", 1),
		pt.Interrupt(pt.SelectKind, "[8/9]"),
	)
	err := iv.Ask(a, q)
	if !errors.Is(err, prompt.ErrInterrupted) {
		t.Fatalf("err = %v, want ErrInterrupted", err)
	}
	script.Done()
	if got := q.FirstUnanswered(a); got != 7 {
		t.Errorf("after the interrupt the first unanswered question is %d, want 7", got)
	}
	if a.Ratings["on-call"].Yes() {
		t.Errorf("on-call is still yes after answering no")
	}
}

func back(r *rubric.Rubric) int { return len(r.Scale) }

// A question with the very same words as one answered earlier offers that
// answer as its default.
func TestAskOffersTheAnswerToTheSameQuestion(t *testing.T) {
	r, err := data.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	if r.Criterion("appperf-go").Prompt != r.Criterion("scal-go").Prompt {
		t.Fatal("appperf-go and scal-go no longer ask the same question; pick another pair")
	}
	q := assess.NewQuestionnaire(r, assess.QuestionnaireOptions{Specialties: []string{"application-performance", "scalability"}})
	a := empty(r)
	for _, qu := range q.Questions {
		a.Ratings[qu.Criterion.ID] = assess.Rating{Value: 1, YesNo: qu.Criterion.Answer == rubric.YesNo}
	}
	delete(a.Ratings, "scal-go")
	a.Ratings["appperf-go"] = assess.Rating{Value: 3, Note: "not copied"}
	iv, script, _ := newInterview(t, r, pt.Select(r.Criterion("scal-go").Prompt, 3).WithDefault(3))
	if err := iv.Ask(a, q); err != nil {
		t.Fatal(err)
	}
	script.Done()
	if got := a.Ratings["scal-go"]; got.Value != 3 || got.Note != "" {
		t.Errorf("scal-go = %+v, want 3 without a note", got)
	}
}

func TestAskEvidence(t *testing.T) {
	r := mini(t)
	q := assess.NewQuestionnaire(r, assess.QuestionnaireOptions{Target: "junior", Quick: true}) // ruby go comms
	iv, script, saves := newInterview(t, r,
		pt.Select("[1/3]", 3),
		pt.Input("Evidence", "led the Rails 7 upgrade").WithDefault(""),
		pt.Select("[2/3]", 2), // below 3: no evidence asked
		pt.Select("[3/3]", back(r)),
		pt.Select("[2/3]", 4),
		pt.Input("Evidence", "-"), // a single dash: no note
		pt.Select("[3/3]", 3),
		pt.Input("Evidence", "weekly demos"),
	)
	iv.Evidence = true
	a := empty(r)
	if err := iv.Ask(a, q); err != nil {
		t.Fatal(err)
	}
	script.Done()
	if n := a.Ratings["ruby"].Note; n != "led the Rails 7 upgrade" {
		t.Errorf("ruby note %q", n)
	}
	if n := a.Ratings["go"].Note; n != "" {
		t.Errorf("go note %q, want none", n)
	}
	if rt := a.Ratings["comms"]; rt.Value != 3 || rt.Note != "weekly demos" {
		t.Errorf("comms = %+v", rt)
	}
	if *saves != 7 {
		t.Errorf("%d saves, want 7 (4 ratings, 3 notes)", *saves)
	}
}

func TestAskStopsWhenSavingFails(t *testing.T) {
	r := mini(t)
	q := miniQuestions(r)
	iv, _, _ := newInterview(t, r, pt.Select("[1/9]", 2))
	boom := errors.New("disk full")
	iv.Save = func() error { return boom }
	if err := iv.Ask(empty(r), q); !errors.Is(err, boom) {
		t.Errorf("err = %v, want the save error", err)
	}
}
