package prompt

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"
	"github.com/AlecAivazis/survey/v2/terminal"
	"github.com/ladderhq/ladder/internal/termtext"
	"golang.org/x/term"
)

// Survey is the Prompter of a real terminal, built on survey/v2.
type Survey struct {
	stdio  survey.AskOpt
	out    *os.File
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
		out:    out,
		sigint: make(chan os.Signal, 1),
	}
	signal.Notify(s.sigint, os.Interrupt)
	return s
}

// Close stops catching Ctrl-C.
func (s *Survey) Close() { signal.Stop(s.sigint) }

// layout is the terminal's width now: asked at every question, so that a
// resized window is followed.
func (s *Survey) layout() layout {
	if w, _, err := term.GetSize(int(s.out.Fd())); err == nil && w > 0 {
		return layout{width: w}
	}
	return layout{}
}

// survey writes its key reminders into its templates, which are package
// variables; these are the only lines that set them, to the reminders
// wrapped for the question at hand (see layout.hint).
var (
	selectTemplate      = survey.SelectQuestionTemplate
	multiSelectTemplate = survey.MultiSelectQuestionTemplate
)

const (
	selectHint = `{{- "  "}}{{- color "cyan"}}[Use arrows to move, type to filter{{- if and .Help (not .ShowHelp)}}, {{ .Config.HelpInput }} for more help{{end}}]{{color "reset"}}`
	multiHint  = `{{- "  "}}{{- color "cyan"}}[Use arrows to move, space to select,{{- if not .Config.RemoveSelectAll }} <right> to all,{{end}}{{- if not .Config.RemoveSelectNone }} <left> to none,{{end}} type to filter{{- if and .Help (not .ShowHelp)}}, {{ .Config.HelpInput }} for more help{{end}}]{{color "reset"}}`
)

// withHints puts the wrapped reminders, with and without "? for more
// help", where template has hint.
func withHints(template, hint, withHelp, without string) string {
	return strings.Replace(template, hint,
		`{{- color "cyan"}}{{- if and .Help (not .ShowHelp)}}`+withHelp+`{{else}}`+without+`{{end}}{{color "reset"}}`, 1)
}

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

func labels(options []Option) []string {
	out := make([]string, len(options))
	for i, o := range options {
		out[i] = text(o.Label)
	}
	return out
}

// widest is the width of the longest label of options.
func widest(options []Option) int {
	n := 0
	for _, o := range options {
		n = max(n, termtext.Width(text(o.Label)))
	}
	return n
}

// Select implements Prompter.
func (s *Survey) Select(message, help string, options []Option, def int) (int, error) {
	l := s.layout()
	// Once answered, the chosen label follows the message on its line.
	answer := widest(options)
	q := &survey.Select{
		Message:     l.message(message, answer),
		Help:        l.help(help),
		Options:     labels(options),
		Description: l.describe(selectPrefix, options),
		// Every option on one page: scales are short, and a hidden
		// rating would be an unfair one.
		PageSize: len(options),
		Filter:   startsAWord,
	}
	survey.SelectQuestionTemplate = withHints(selectTemplate, selectHint,
		l.hint(message, "[Use arrows to move, type to filter, ? for more help]", answer),
		l.hint(message, "[Use arrows to move, type to filter]", answer))
	if def >= 0 && def < len(options) {
		q.Default = def
	}
	var idx int
	err := s.ask(q, &idx)
	return idx, err
}

// startsAWord is Select's filter: an option matches when what was typed
// starts one of its words. survey keeps the highlighted position while a
// filter narrows the list, so a filter that matched inside words would let
// "y" (for yes), typed while "no" is highlighted, land on "can't say".
func startsAWord(typed, label string, _ int) bool {
	typed, label = strings.ToLower(typed), strings.ToLower(label)
	if strings.HasPrefix(label, typed) {
		return true
	}
	for i, r := range label {
		if i > 0 && !unicode.IsLetter(r) && !unicode.IsDigit(r) && strings.HasPrefix(label[i+utf8.RuneLen(r):], typed) {
			return true
		}
	}
	return false
}

// MultiSelect implements Prompter.
func (s *Survey) MultiSelect(message, help string, options []Option, defaults []int) ([]int, error) {
	l := s.layout()
	q := &survey.MultiSelect{
		Message:     l.message(message, 0),
		Help:        l.help(help),
		Options:     labels(options),
		Description: l.describe(multiSelectPrefix, options),
		PageSize:    min(len(options), 12),
	}
	const keys = "[Use arrows to move, space to select, <right> to all, <left> to none, type to filter"
	survey.MultiSelectQuestionTemplate = withHints(multiSelectTemplate, multiHint,
		l.hint(message, keys+", ? for more help]", 0), l.hint(message, keys+"]", 0))
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
	l := s.layout()
	// After the message: "[? for help] (default) ".
	hint := termtext.Width(shown) + 3
	if help != "" {
		hint += len("[? for help] ")
	}
	err := s.ask(&survey.Input{Message: l.message(message, hint), Help: l.help(help), Default: shown}, &answer, opts...)
	if answer == shown {
		// Enter keeps the default as it was, not as it was shown.
		answer = def
	}
	return answer, err
}

// Confirm implements Prompter.
func (s *Survey) Confirm(message, help string, def bool) (bool, error) {
	var yes bool
	l := s.layout()
	// After the message: "[? for help] (y/N) ".
	hint := len("(y/N) ")
	if help != "" {
		hint += len("[? for help] ")
	}
	err := s.ask(&survey.Confirm{Message: l.message(message, hint), Help: l.help(help), Default: def}, &yes)
	return yes, err
}
