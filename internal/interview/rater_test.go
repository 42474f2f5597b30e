package interview

import (
	"reflect"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/data"
	pt "github.com/ladderhq/ladder/internal/prompt/prompttest"
)

func byManager(a *assess.Assessment) *assess.Assessment {
	a.Person, a.Rater, a.Role = "Ada", "Grace", assess.Manager
	return a
}

func cantSayOf(a *assess.Assessment) map[string]string {
	out := map[string]string{}
	for id, note := range a.CantSay {
		out[id] = note
	}
	return out
}

// A manager is asked about the person, and may answer "can't say" to a
// rating, a yes/no question and a checklist's unchecked lines. A can't
// say implies nothing; going back offers it as the earlier answer.
func TestAskAManagerWithCantSay(t *testing.T) {
	r := rungs(t)
	q := rungsQuestions(r)
	scale := len(r.Scale)
	cantSay, back := scale, scale+1
	const yes, no, ynCantSay, ynBack = 0, 1, 2, 3
	iv, script, saves := newInterview(t, r,
		pt.Select("[1/15] How strong is Ada's Rails?", cantSay).WithDefault(0),
		// Rails unknown: the Ruby gate is open, so its alternative is asked.
		pt.Select("How strong is Ada's specialty's language?", 3),
		pt.Select("Does Ada want to learn Ruby?", yes).WithDefault(no),
		pt.Select("How well does Ada communicate?", back),
		pt.Select("Does Ada want to learn Ruby?", ynCantSay).WithDefault(yes),
		pt.Select("How well does Ada communicate?", 3),
		// The higher rung unknown: the lower one is asked.
		pt.Select("Ship mid?", cantSay),
		pt.Select("Ship small?", 3),
		pt.Select("Tier 2 on-call?", no).WithDefault(no),
		pt.Select("Mentor?", 2),
		// Remote checked, the can't-say line checked: Startup unknown.
		pt.MultiSelect("Which of these are true of Ada? Check each one:", 0, 2).WithDefault([]int(nil)),
		pt.Select("How much open source?", 0),
		pt.Select("How strong is Ada's Go?", 4),
		pt.Select("How strong is Ada's Ruby?", 2),
		pt.Select("SQL?", 3),
		pt.Select("HTTP?", cantSay),
		pt.Select("Run services?", 3),
	)
	a := byManager(empty(r))
	if err := iv.Ask(a, q); err != nil {
		t.Fatal(err)
	}
	script.Done()
	wantRatings := map[string]string{
		"other-lang": "3", "comms": "3", "ship-small": "3", "on-call": "no", "mentor": "2",
		"remote": "yes", "oss": "0", "db-go": "4", "web-go": "4", "db-ruby": "2", "web-ruby": "2",
		"db-sql": "3", "shared-ops": "3",
	}
	if got := ratingsOf(a); !reflect.DeepEqual(got, wantRatings) {
		t.Errorf("ratings\n got %v\nwant %v", got, wantRatings)
	}
	wantCantSay := map[string]string{"rails": "", "ruby-knowledge": "", "ruby-desire": "", "ship-mid": "", "startup": "", "web-http": ""}
	if got := cantSayOf(a); !reflect.DeepEqual(got, wantCantSay) {
		t.Errorf("can't say\n got %v\nwant %v", got, wantCantSay)
	}
	if *saves != 16 {
		t.Errorf("%d saves, want one per answer (16)", *saves)
	}

	// The options: the scale, then can't say (and back after the first);
	// yes, no, can't say for a yes/no question; a last checklist line.
	first := script.Calls[0].Options
	if len(first) != scale+1 || !strings.Contains(first[cantSay].Label, "can't say") || !strings.Contains(first[cantSay].Description, "Ada's work") {
		t.Errorf("first question's options %+v", first)
	}
	if yn := script.Calls[2].Options; len(yn) != 4 || yn[yes].Label != "yes" || yn[no].Label != "no" ||
		!strings.Contains(yn[ynCantSay].Label, "can't say") || !strings.Contains(yn[ynBack].Label, "back") {
		t.Errorf("yes/no options %+v", yn)
	}
	if cl := script.Calls[10].Options; len(cl) != 3 || cl[0].Label != "Remote team?" || !strings.Contains(cl[2].Label, "can't say for the lines left unchecked") {
		t.Errorf("checklist options %+v", cl)
	}

	// Resumed, nothing is asked again: can't say is an answer.
	iv, script, _ = newInterview(t, r)
	if err := iv.Ask(a, q); err != nil {
		t.Fatal(err)
	}
	script.Done()
	if answered, open := q.Progress(a); open != 0 || answered != 15 {
		t.Errorf("progress %d answered, %d open; want 15 and 0", answered, open)
	}
}

// Going back to a can't say offers it; rating it then replaces it, and a
// checklist with a can't say offers its last line checked.
func TestAskAManagerChangesACantSay(t *testing.T) {
	r := rungs(t)
	q := assess.NewQuestionnaire(r, assess.QuestionnaireOptions{Target: "junior"})
	a := byManager(empty(r))
	a.MarkCantSay("rails", "joined last month")
	a.MarkCantSay("ruby-knowledge", "joined last month")
	a.MarkCantSay("startup", "")
	a.Rate("remote", assess.Rating{Value: 1, YesNo: true})
	cantSay, back := len(r.Scale), len(r.Scale)+1
	iv, script, _ := newInterview(t, r,
		pt.Select("How strong is Ada's specialty's language?", back),
		pt.Select("How strong is Ada's Rails?", 3).WithDefault(cantSay),
		pt.Select("How well does Ada communicate?", 3),
		pt.Select("Ship small?", 3),
		pt.Select("Tier 2 on-call?", 0),
		pt.Select("How much open source?", 1),
	)
	if err := iv.Ask(a, q); err != nil {
		t.Fatal(err)
	}
	script.Done()
	if a.SaysCantSay("rails") || a.SaysCantSay("ruby-knowledge") || a.Ratings["rails"].Note != "joined last month" {
		t.Errorf("rails: %+v, can't say %v: a rating replaces the can't say and keeps its note", a.Ratings["rails"], a.CantSay)
	}

	full := assess.NewQuestionnaire(r, assess.QuestionnaireOptions{Target: "junior"})
	a.Rate("startup", assess.Rating{YesNo: true})
	delete(a.Ratings, "remote")
	a.MarkCantSay("remote", "")
	iv, script, _ = newInterview(t, r)
	_ = iv.Ask(a, full) // nothing open
	script.Done()
	// The checklist step, asked again by hand, offers the last line.
	s := &session{iv: iv, a: a, q: full, withdrawn: map[string]assess.Rating{}}
	iv.Prompter = pt.New(t, pt.MultiSelect("Which of these are true of Ada?", 1).WithDefault([]int{2}))
	for _, st := range full.Steps {
		if st.Checklist() {
			if err := s.checklist(st, ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	if a.SaysCantSay("remote") || !a.Ratings["startup"].Yes() || a.Ratings["remote"].Yes() || !a.Answered("remote") {
		t.Errorf("after the checklist: ratings %v, can't say %v; want startup yes, remote no", a.Ratings, a.CantSay)
	}
}

// Every question of the built-in rubric, asked of a manager, speaks about
// the person: no "you" or "your" in a prompt, the scale described as the
// rubric describes it for others, and can't say among the options. A
// self-assessment has no can't say.
func TestAskAManagerSpeaksAboutThePerson(t *testing.T) {
	r, err := data.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	q := assess.NewQuestionnaire(r, assess.QuestionnaireOptions{Target: "senior", Specialties: []string{"gitaly"}})
	for _, other := range []bool{true, false} {
		p := &responder{}
		iv := &Interview{Rubric: r, Prompter: p, Save: func() error { return nil }}
		a := empty(r)
		a.Person, a.Rater = "Ada\x1b[31m Lovelace", "Ada\x1b[31m Lovelace"
		if other {
			a.Rater, a.Role = "Grace", assess.Peer
		}
		if err := iv.Ask(a, q); err != nil {
			t.Fatal(err)
		}
		if len(p.calls) < 30 {
			t.Fatalf("only %d questions asked", len(p.calls))
		}
		named := 0
		for _, c := range p.calls {
			words := strings.FieldsFunc(strings.ToLower(c.Message), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r == '\'') })
			for _, w := range words {
				if other && (w == "you" || w == "your" || w == "yourself") {
					t.Errorf("a peer is asked %q", c.Message)
				}
			}
			if strings.ContainsRune(c.Message, '\x1b') {
				t.Errorf("the name reaches the terminal with its escape: %q", c.Message)
			}
			if strings.Contains(c.Message, "Lovelace") {
				named++
			}
			hasCantSay := false
			for i, o := range c.Options {
				hasCantSay = hasCantSay || strings.Contains(o.Label, "can't say")
				if c.Kind == pt.SelectKind && i < len(r.Scale) && len(c.Options) >= len(r.Scale) {
					want := r.Scale[i].Description
					if other {
						want = r.Scale[i].DescriptionOther
					}
					if o.Description != want {
						t.Errorf("option %d of %q described %q, want %q", i, c.Message, o.Description, want)
					}
				}
			}
			if c.Kind != pt.InputKind && hasCantSay != other {
				t.Errorf("%q (a peer: %v) offers can't say: %v", c.Message, other, hasCantSay)
			}
		}
		if other && named < len(p.calls)/2 {
			t.Errorf("only %d of %d questions name the person", named, len(p.calls))
		}
	}
}
