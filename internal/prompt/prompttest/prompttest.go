// Package prompttest is a scripted prompt.Prompter for tests of question
// flows: each question asked must match the next step of the script, which
// gives its answer.
package prompttest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/internal/prompt"
)

// Kinds of questions.
const (
	SelectKind      = "select"
	MultiSelectKind = "multiselect"
	InputKind       = "input"
	ConfirmKind     = "confirm"
)

// Step is one expected question and its answer.
type Step struct {
	Kind    string
	Message string // a part of the question's message it must contain
	Answer  any    // int (select), []int (multiselect), string (input), bool (confirm)
	// Interrupt makes the question return prompt.ErrInterrupted.
	Interrupt bool
	// Default, when not nil, is the default the question must offer.
	Default any
}

// WithDefault also checks the default the question offers.
func (s Step) WithDefault(d any) Step { s.Default = d; return s }

// Select answers a Select with the option at index i.
func Select(message string, i int) Step { return Step{Kind: SelectKind, Message: message, Answer: i} }

// MultiSelect answers a MultiSelect with these option indexes.
func MultiSelect(message string, picked ...int) Step {
	return Step{Kind: MultiSelectKind, Message: message, Answer: append([]int{}, picked...)}
}

// Input answers an Input with text ("" takes the default).
func Input(message, text string) Step { return Step{Kind: InputKind, Message: message, Answer: text} }

// Confirm answers a Confirm.
func Confirm(message string, yes bool) Step {
	return Step{Kind: ConfirmKind, Message: message, Answer: yes}
}

// Interrupt stops the session at a question of this kind.
func Interrupt(kind, message string) Step { return Step{Kind: kind, Message: message, Interrupt: true} }

// Call is a question that was asked.
type Call struct {
	Kind    string
	Message string
	Help    string
	Options []prompt.Option
	Default any
}

// Script is a Prompter that follows steps and records every call.
type Script struct {
	t     testing.TB
	steps []Step
	Calls []Call
}

// New scripts a prompter; the test fails on any question out of script.
func New(t testing.TB, steps ...Step) *Script {
	return &Script{t: t, steps: steps}
}

// Done fails the test if steps are left.
func (s *Script) Done() {
	s.t.Helper()
	if len(s.steps) > 0 {
		s.t.Errorf("%d scripted questions were never asked; the next: %s %q", len(s.steps), s.steps[0].Kind, s.steps[0].Message)
	}
}

func (s *Script) next(c Call) (Step, error) {
	s.t.Helper()
	s.Calls = append(s.Calls, c)
	if len(s.steps) == 0 {
		s.t.Errorf("unscripted %s question %q", c.Kind, c.Message)
		return Step{}, fmt.Errorf("unscripted question %q", c.Message)
	}
	st := s.steps[0]
	s.steps = s.steps[1:]
	if st.Kind != c.Kind || !strings.Contains(c.Message, st.Message) {
		s.t.Errorf("asked %s %q, the script expects %s %q", c.Kind, c.Message, st.Kind, st.Message)
		return Step{}, fmt.Errorf("question out of script: %q", c.Message)
	}
	if st.Default != nil && fmt.Sprint(st.Default) != fmt.Sprint(c.Default) {
		s.t.Errorf("%s %q offers default %v, want %v", c.Kind, c.Message, c.Default, st.Default)
	}
	if st.Interrupt {
		return st, prompt.ErrInterrupted
	}
	return st, nil
}

// Select implements prompt.Prompter.
func (s *Script) Select(message, help string, options []prompt.Option, def int) (int, error) {
	s.t.Helper()
	st, err := s.next(Call{Kind: SelectKind, Message: message, Help: help, Options: options, Default: def})
	if err != nil {
		return 0, err
	}
	i, ok := st.Answer.(int)
	if !ok || i < 0 || i >= len(options) {
		s.t.Errorf("select %q: answer %v is not one of %d options", message, st.Answer, len(options))
		return 0, fmt.Errorf("bad scripted answer")
	}
	return i, nil
}

// MultiSelect implements prompt.Prompter.
func (s *Script) MultiSelect(message, help string, options []prompt.Option, defaults []int) ([]int, error) {
	s.t.Helper()
	st, err := s.next(Call{Kind: MultiSelectKind, Message: message, Help: help, Options: options, Default: defaults})
	if err != nil {
		return nil, err
	}
	picked, _ := st.Answer.([]int)
	return picked, nil
}

// Input implements prompt.Prompter, validation included.
func (s *Script) Input(message, help, def string, validate func(string) error) (string, error) {
	s.t.Helper()
	st, err := s.next(Call{Kind: InputKind, Message: message, Help: help, Default: def})
	if err != nil {
		return "", err
	}
	answer, _ := st.Answer.(string)
	if answer == "" {
		answer = def
	}
	if validate != nil {
		if err := validate(answer); err != nil {
			s.t.Errorf("input %q: scripted answer %q is rejected: %v", message, answer, err)
			return "", err
		}
	}
	return answer, nil
}

// Confirm implements prompt.Prompter.
func (s *Script) Confirm(message, help string, def bool) (bool, error) {
	s.t.Helper()
	st, err := s.next(Call{Kind: ConfirmKind, Message: message, Help: help, Default: def})
	if err != nil {
		return false, err
	}
	yes, _ := st.Answer.(bool)
	return yes, nil
}
