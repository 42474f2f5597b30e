package cmd

import (
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/ladderhq/ladder/internal/prompt"
	"github.com/ladderhq/ladder/internal/store"
	"golang.org/x/term"
)

// IO is where a command reads and writes, and whether each end is a
// terminal. Tests fill it with buffers.
type IO struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	InTTY  bool
	OutTTY bool
	// The terminal files themselves, for the interactive prompts, which
	// need file descriptors; nil when not on a terminal.
	InFile  *os.File
	OutFile *os.File
}

// Env is everything a command receives from outside: I/O, environment and
// clock. Commands never reach for os.Stdout, os.Getenv or
// time.Now themselves, so tests can run them in-process.
type Env struct {
	IO     IO
	Getenv func(string) string
	Now    func() time.Time
	// NewPrompter makes the prompter of an interactive command; nil means
	// the terminal's own (survey on IO.InFile and IO.OutFile). Tests of
	// the commands set it to a scripted one.
	NewPrompter func(io IO, color bool) prompt.Prompter
	// Seed draws a random number (the order of anonymized raters); nil
	// means the system's random source.
	Seed func() uint64
}

// SystemEnv is the environment of the real process.
func SystemEnv() *Env {
	inTTY := term.IsTerminal(int(os.Stdin.Fd()))
	outTTY := term.IsTerminal(int(os.Stdout.Fd()))
	e := &Env{
		IO: IO{
			In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
			InTTY: inTTY, OutTTY: outTTY,
		},
		Getenv: os.Getenv,
		Now:    time.Now,
	}
	if inTTY && outTTY {
		e.IO.InFile, e.IO.OutFile = os.Stdin, os.Stdout
	}
	return e
}

// AssessmentStore is where ladder keeps assessments by default:
// $XDG_DATA_HOME/ladder/assessments, or ~/.local/share/ladder/assessments.
func (e *Env) AssessmentStore() (store.Folder, error) {
	if d := e.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return store.Folder{Dir: filepath.Join(d, "ladder", "assessments")}, nil
	}
	home := e.Getenv("HOME")
	if home == "" {
		return store.Folder{}, usageErrorf("cannot find the data folder: set XDG_DATA_HOME or HOME")
	}
	return store.Folder{Dir: filepath.Join(home, ".local", "share", "ladder", "assessments")}, nil
}
