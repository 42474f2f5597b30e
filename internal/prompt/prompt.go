// Package prompt asks a person questions in a terminal.
//
// Prompter is all that the rest of ladder sees of it. survey.go implements
// it with github.com/AlecAivazis/survey/v2, and no other file imports
// survey, so changing the prompt library is one file's work. Tests of the
// question flow use a scripted Prompter of their own.
package prompt

import "errors"

// ErrInterrupted is returned when the person stops the session: Ctrl-C, or
// the terminal going away.
var ErrInterrupted = errors.New("interrupted")

// Option is one choice of a Select or MultiSelect.
type Option struct {
	Label       string
	Description string // one line shown beside the label; optional
}

// Prompter asks questions. Each method shows help (when help is not "")
// on '?', and returns ErrInterrupted when the person stops.
type Prompter interface {
	// Select asks for one option and returns its index. def is the index
	// of the option chosen when the person just presses Enter.
	Select(message, help string, options []Option, def int) (int, error)
	// MultiSelect asks for any number of options, which the person can
	// filter by typing, and returns their indexes in option order.
	// defaults are the indexes checked at the start.
	MultiSelect(message, help string, options []Option, defaults []int) ([]int, error)
	// Input asks for a line of text. def is the answer when the line is
	// left empty; validate, when not nil, rejects an answer with a reason
	// and the question is asked again.
	Input(message, help, def string, validate func(string) error) (string, error)
	// Confirm asks a yes/no question; def is the answer on Enter.
	Confirm(message, help string, def bool) (bool, error)
}
