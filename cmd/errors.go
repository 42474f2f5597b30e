package cmd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"syscall"

	"github.com/ladderhq/ladder/internal/termtext"

	"github.com/ladderhq/ladder/internal/doc"
	"github.com/ladderhq/ladder/rubric"
)

// Exit codes, the same for every command.
const (
	ExitOK          = 0   // success
	ExitFailure     = 1   // an operational failure: a file could not be written, ...
	ExitUsage       = 2   // bad usage or invalid input: bad flag, unreadable or invalid file
	ExitInterrupted = 130 // an interactive session was interrupted (after saving)
)

// exitCodesHelp is appended to every command's help.
const exitCodesHelp = `
Exit codes:
  0    success
  1    operational failure (a file could not be written, ...)
  2    bad usage or invalid input (bad flag, unreadable or invalid file)
  130  interactive session interrupted (answers saved)
`

// UsageError is bad usage: a wrong flag, argument or value.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// usageErrorf is a UsageError with a formatted message.
func usageErrorf(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// InputError is invalid input that does not come from a file (a person's
// name, a level given on the command line).
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// SilentError has been reported already; it only carries the exit code.
type SilentError struct{ Code int }

func (e *SilentError) Error() string { return "" }

// InterruptedError ends an interactive session that the user interrupted.
type InterruptedError struct{ Message string }

func (e *InterruptedError) Error() string { return e.Message }

// Lines are the message's lines, each printed on its own.
func (e *InterruptedError) Lines() []string { return messageLines(e.Message) }

// messageLines are the lines of a message of several, the first one
// prefixed as every error line is.
func messageLines(msg string) []string {
	lines := strings.Split(msg, "\n")
	lines[0] = "ladder: " + lines[0]
	return lines
}

// problemsError reports input that could not be read, one located line
// each, after everything that could be read is shown; the exit code is 2,
// as for any invalid input.
type problemsError struct{ problems []error }

func (e *problemsError) Error() string {
	msgs := make([]string, len(e.problems))
	for i, p := range e.problems {
		msgs[i] = p.Error()
	}
	return strings.Join(msgs, "\n")
}

// Lines are the problems, each on its own line.
func (e *problemsError) Lines() []string {
	lines := make([]string, len(e.problems))
	for i, p := range e.problems {
		lines[i] = "ladder: " + p.Error()
	}
	return lines
}

// invalidFiles is nil, or the problemsError of these files.
func invalidFiles(problems []error) error {
	if len(problems) == 0 {
		return nil
	}
	return &problemsError{problems: problems}
}

// printErrLine writes one line to standard error, neutralised: whatever a
// user wrote in it (a file name, a name, a value quoted back) reaches the
// terminal with no escape sequence or line break of its own. Every line
// ladder writes to standard error goes through here.
func printErrLine(w io.Writer, line string) {
	fmt.Fprintln(w, termtext.Safe(line))
}

// warn writes a warning line.
func (g *globals) warn(msg string) { printErrLine(g.env.IO.Err, "ladder: warning: "+msg) }

// say writes a line of news that is not the command's output ("wrote
// FILE").
func (g *globals) say(msg string) { printErrLine(g.env.IO.Err, "ladder: "+msg) }

// exitCode maps an error to the exit code of the process.
func exitCode(err error) int {
	var (
		silent      *SilentError
		interrupted *InterruptedError
		problems    *problemsError
		usage       *UsageError
		input       *InputError
		docErr      *doc.Error
		invalid     *rubric.ValidationError
	)
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &silent):
		return silent.Code
	case errors.As(err, &interrupted):
		return ExitInterrupted
	case errors.As(err, &usage), errors.As(err, &input), errors.As(err, &docErr), errors.As(err, &invalid), errors.As(err, &problems):
		return ExitUsage
	case isCobraUsageError(err):
		return ExitUsage
	}
	return ExitFailure
}

// isCobraUsageError recognises the errors cobra makes itself, which are
// plain strings. Flag errors come as UsageError already (SetFlagErrorFunc);
// what is left is an unknown command or a missing required flag. An error
// from the operating system is never one, whatever its words ("invalid
// argument" is EINVAL's).
func isCobraUsageError(err error) bool {
	var errno syscall.Errno
	var pathErr *fs.PathError
	if errors.As(err, &errno) || errors.As(err, &pathErr) {
		return false
	}
	msg := err.Error()
	for _, prefix := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument", "required flag"} {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}
