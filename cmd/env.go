package cmd

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
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
	// Width is the terminal's width in cells when stdout is one; 0 when it
	// is not or cannot say.
	Width int
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
	// Program is how the person runs ladder, as the commands it prints
	// for them start (see ProgramName); "" prints "ladder".
	Program string
}

// SystemEnv is the environment of the real process.
func SystemEnv() *Env {
	inTTY := term.IsTerminal(int(os.Stdin.Fd()))
	outTTY := term.IsTerminal(int(os.Stdout.Fd()))
	width := 0
	if outTTY {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil && w > 0 {
			width = w
		}
	}
	e := &Env{
		IO: IO{
			In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
			InTTY: inTTY, OutTTY: outTTY, Width: width,
		},
		Getenv:  os.Getenv,
		Now:     time.Now,
		Program: ProgramName(os.Args[0], exec.LookPath),
	}
	if inTTY && outTTY {
		e.IO.InFile, e.IO.OutFile = os.Stdin, os.Stdout
	}
	return e
}

// pageWidth is how wide output is when it goes to no terminal and COLUMNS
// does not say: prose wraps there (tables, which are for programs there
// too, keep each row on one line, whole).
const pageWidth = 80

// Width is the width output fits: the terminal's, else COLUMNS (a shell
// sets it, and a pipe into less can keep it), else a page's when the
// output is no terminal. A terminal that cannot tell its size gets no
// limit rather than a guess.
func (e *Env) Width() int {
	if e.IO.Width > 0 {
		return e.IO.Width
	}
	if n, err := strconv.Atoi(e.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	if e.IO.OutTTY {
		return 0
	}
	return pageWidth
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
