package prompt

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"
	"github.com/AlecAivazis/survey/v2/terminal"
	"github.com/ladderhq/ladder/internal/termtext"
)

// Survey is the Prompter of a real terminal, built on survey/v2.
type Survey struct {
	stdio  survey.AskOpt
	sigint chan os.Signal
}

// NewSurvey prompts on the terminal files in and out (survey needs their
// file descriptors), with colour or without. Call Close when done.
//
// survey puts the terminal in raw mode only while a question waits for
// keys, so a Ctrl-C typed in between (while an answer is being saved)
// arrives as SIGINT rather than as a key. Survey catches it for as long as
// it is open and reports it as ErrInterrupted at the next question, so
// that the session still ends through the caller's save-and-resume path.
func NewSurvey(in, out *os.File, errOut io.Writer, color bool) *Survey {
	// survey's colour switch is a package variable; this is the only place
	// that sets it.
	core.DisableColor = !color
	s := &Survey{
		stdio:  survey.WithStdio(in, out, errOut),
		sigint: make(chan os.Signal, 1),
	}
	signal.Notify(s.sigint, os.Interrupt)
	return s
}

// Close stops catching Ctrl-C.
func (s *Survey) Close() { signal.Stop(s.sigint) }

func (s *Survey) ask(p survey.Prompt, answer any, opts ...survey.AskOpt) error {
	select {
	case <-s.sigint:
		return ErrInterrupted
	default:
	}
	opts = append(opts, s.stdio, survey.WithHelpInput('?'))
	err := survey.AskOne(p, answer, opts...)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, terminal.InterruptErr), errors.Is(err, io.EOF):
		return ErrInterrupted
	}
	return fmt.Errorf("could not prompt: %w", err)
}

// Everything a question shows (its message, help, options) may come from
// a rubric file or a person's name, so it is neutralised here, the one
// place where text reaches survey: no escape sequence or bidirectional
// override reaches the terminal raw.

func text(s string) string { return termtext.Safe(s) }

// helpText keeps the help's own line breaks and neutralises each line.
func helpText(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = termtext.Safe(l)
	}
	return strings.Join(lines, "\n")
}

func labels(options []Option) []string {
	out := make([]string, len(options))
	for i, o := range options {
		out[i] = text(o.Label)
	}
	return out
}

func describe(options []Option) func(string, int) string {
	return func(_ string, i int) string {
		if i < 0 || i >= len(options) {
			return ""
		}
		return text(options[i].Description)
	}
}

// Select implements Prompter.
func (s *Survey) Select(message, help string, options []Option, def int) (int, error) {
	q := &survey.Select{
		Message:     text(message),
		Help:        helpText(help),
		Options:     labels(options),
		Description: describe(options),
		// Every option on one page: scales are short, and a hidden
		// rating would be an unfair one.
		PageSize: len(options),
	}
	if def >= 0 && def < len(options) {
		q.Default = def
	}
	var idx int
	err := s.ask(q, &idx)
	return idx, err
}

// MultiSelect implements Prompter.
func (s *Survey) MultiSelect(message, help string, options []Option, defaults []int) ([]int, error) {
	q := &survey.MultiSelect{
		Message:     text(message),
		Help:        helpText(help),
		Options:     labels(options),
		Description: describe(options),
		PageSize:    min(len(options), 12),
	}
	var checked []int
	for _, d := range defaults {
		if d >= 0 && d < len(options) {
			checked = append(checked, d)
		}
	}
	if len(checked) > 0 {
		q.Default = checked
	}
	picked := []int{}
	err := s.ask(q, &picked)
	return picked, err
}

// Input implements Prompter.
func (s *Survey) Input(message, help, def string, validate func(string) error) (string, error) {
	var opts []survey.AskOpt
	if validate != nil {
		opts = append(opts, survey.WithValidator(func(v any) error {
			str, _ := v.(string)
			return validate(str)
		}))
	}
	var answer string
	shown := text(def)
	err := s.ask(&survey.Input{Message: text(message), Help: helpText(help), Default: shown}, &answer, opts...)
	if answer == shown {
		// Enter keeps the default as it was, not as it was shown.
		answer = def
	}
	return answer, err
}

// Confirm implements Prompter.
func (s *Survey) Confirm(message, help string, def bool) (bool, error) {
	var yes bool
	err := s.ask(&survey.Confirm{Message: text(message), Help: helpText(help), Default: def}, &yes)
	return yes, err
}
