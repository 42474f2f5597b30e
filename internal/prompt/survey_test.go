//go:build linux || darwin || freebsd || netbsd || openbsd

package prompt_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/internal/prompt"
	"github.com/ladderhq/ladder/internal/ptytest"
)

// TestMain doubles as the program under test: with PROMPT_CHILD set, the
// test binary asks the questions of that scenario on its terminal and
// prints what it got.
func TestMain(m *testing.M) {
	if scenario := os.Getenv("PROMPT_CHILD"); scenario != "" {
		os.Exit(child(scenario))
	}
	os.Exit(m.Run())
}

func child(scenario string) int {
	p := prompt.NewSurvey(os.Stdin, os.Stdout, os.Stderr, false)
	defer p.Close()
	say := func(format string, args ...any) { fmt.Printf("RESULT "+format+"\n", args...) }
	fail := func(err error) int {
		if errors.Is(err, prompt.ErrInterrupted) {
			say("interrupted")
			return 130
		}
		say("error %v", err)
		return 1
	}
	colours := []prompt.Option{
		{Label: "red", Description: "warm"},
		{Label: "green", Description: "calm"},
		{Label: "blue", Description: "cold"},
	}
	switch scenario {
	case "all":
		i, err := p.Select("Colour?", "pick the one you like", colours, 1)
		if err != nil {
			return fail(err)
		}
		say("select %d", i)
		picked, err := p.MultiSelect("Specialties?", "", []prompt.Option{
			{Label: "Gitaly", Description: "Git at scale"}, {Label: "Database"}, {Label: "Geo"}, {Label: "Git"},
		}, []int{2})
		if err != nil {
			return fail(err)
		}
		say("multiselect %v", picked)
		name, err := p.Input("Name?", "your full name", "anon", func(s string) error {
			if strings.ContainsAny(s, "0123456789") {
				return errors.New("no digits in a name")
			}
			return nil
		})
		if err != nil {
			return fail(err)
		}
		say("input %q", name)
		keep, err := p.Input("Nickname?", "", "ada", nil)
		if err != nil {
			return fail(err)
		}
		say("default %q", keep)
		yes, err := p.Confirm("Proceed?", "say yes or no", true)
		if err != nil {
			return fail(err)
		}
		say("confirm %v", yes)
		no, err := p.Confirm("Again?", "", true)
		if err != nil {
			return fail(err)
		}
		say("confirm %v", no)
	case "word-filter":
		// Typing picks the option whose word starts so, whichever option
		// was highlighted: "y" yes, "n" no, "can" can't say.
		answers := []prompt.Option{{Label: "yes"}, {Label: "no"}, {Label: "-  can't say", Description: "not seen"}}
		for _, def := range []int{1, 0, 1} {
			i, err := p.Select("Known?", "", answers, def)
			if err != nil {
				return fail(err)
			}
			say("select %d", i)
		}
	case "interrupt-select":
		if _, err := p.Select("Colour?", "", colours, 0); err != nil {
			return fail(err)
		}
	case "interrupt-input":
		if _, err := p.Input("Name?", "", "", nil); err != nil {
			return fail(err)
		}
	}
	return 0
}

func start(t *testing.T, scenario string) *ptytest.Term {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "PROMPT_CHILD="+scenario, "TERM=xterm", "NO_COLOR=1")
	return ptytest.Start(t, cmd)
}

// Every kind of question, answered with real keys in a real terminal:
// defaults, descriptions, help on '?', filtering, validation.
func TestSurveyInTerminal(t *testing.T) {
	term := start(t, "all")

	term.Expect("Colour?")
	term.Expect("> green - calm") // the default, with its description
	term.Keys("?")
	term.Expect("pick the one you like")
	term.Keys("\x1b[B\r") // down from green
	term.Expect("RESULT select 2")

	term.Expect("Specialties?")
	term.Keys("git") // filters to Gitaly and Git
	term.Expect("Specialties? git")
	term.Keys("\x1b[B ") // Git; Space clears the filter
	term.Keys("\r")
	term.Expect("RESULT multiselect [2 3]") // Geo was checked by default

	term.Expect("Name? [? for help] (anon)")
	term.Type("?\r")
	term.Expect("your full name")
	term.Type("ada 2\r")
	term.Expect("no digits in a name")
	term.Type("Ada Lovelace\r")
	term.Expect(`RESULT input "Ada Lovelace"`)

	term.Expect("Nickname? (ada)")
	term.Type("\r")
	term.Expect(`RESULT default "ada"`)

	term.Expect("Proceed? [? for help] (Y/n)")
	term.Type("?\r")
	term.Expect("say yes or no")
	term.Type("\r")
	term.Expect("RESULT confirm true")

	term.Expect("Again? (Y/n)")
	term.Type("n\r")
	term.Expect("RESULT confirm false")

	if code := term.Wait(); code != 0 {
		t.Fatalf("exit %d, want 0; output:\n%s", code, term.Plain())
	}
}

func TestSurveySelectFiltersByWordStart(t *testing.T) {
	term := start(t, "word-filter")
	term.Expect("> no")
	term.Keys("y")
	term.Expect("Known? y")
	term.Keys("\r")
	term.Expect("RESULT select 0")
	term.Expect("> yes")
	term.Keys("n\r")
	term.Expect("RESULT select 1")
	term.Expect("> no")
	term.Keys("can")
	term.Expect("> -  can't say")
	term.Keys("\r")
	term.Expect("RESULT select 2")
	if code := term.Wait(); code != 0 {
		t.Fatalf("exit %d, want 0; output:\n%s", code, term.Plain())
	}
}

func TestSurveyInterrupted(t *testing.T) {
	for _, tt := range []struct {
		scenario string
		key      func(*ptytest.Term)
	}{
		{"interrupt-select", func(term *ptytest.Term) { term.Expect("Colour?"); term.Keys("\x03") }},
		{"interrupt-input", func(term *ptytest.Term) { term.Expect("Name?"); term.Type("\x03") }},
	} {
		t.Run(tt.scenario, func(t *testing.T) {
			term := start(t, tt.scenario)
			tt.key(term)
			term.Expect("RESULT interrupted")
			if code := term.Wait(); code != 130 {
				t.Fatalf("exit %d, want 130", code)
			}
		})
	}
}
