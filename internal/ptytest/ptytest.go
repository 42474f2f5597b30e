//go:build linux || darwin || freebsd || netbsd || openbsd

// Package ptytest runs a program in a pseudo-terminal and types into it
// the way a person would, for tests of interactive prompts.
//
// Two things make survey's prompts hard to drive, and Term handles both
// without sleeping:
//
//   - Input and Confirm ask the terminal where the cursor is (ESC[6n) and
//     block until it answers. Term answers the terminal-size query
//     (preceded by ESC[999;999f) at once, and holds each cursor-position
//     query until the test types: the keys then go out in the same write
//     as the answer, ahead of it, because survey drops keys that arrive
//     after an answer in the same read, and keeps those before it.
//   - Select and MultiSelect draw themselves before switching the
//     terminal to raw mode; keys typed earlier would be echoed or, for
//     Ctrl-C, turned into a signal. Keys waits for raw mode, which the
//     test reads from the pseudo-terminal's settings.
package ptytest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// Timeout bounds every wait: for output, for a query, for raw mode, for
// the exit. Generous, because CI runs tests with -race on two cores; a
// passing test never waits for it.
var Timeout = 20 * time.Second

// Rows and Cols are the size of the pseudo-terminal.
const (
	Rows = 40
	Cols = 120
)

// Term is a program running in a pseudo-terminal.
type Term struct {
	t   testing.TB
	cmd *exec.Cmd
	pty *os.File

	mu      sync.Mutex
	changed chan struct{} // closed and replaced whenever out or pending change
	out     []byte        // everything the program wrote
	scanned int           // where the search for the next query starts
	pending int           // cursor-position queries not answered yet
	eof     bool
	mark    int // Expect searches the plain output from here

	exited chan struct{}
	code   int
}

// Start runs cmd in a new pseudo-terminal (stdin, stdout and stderr).
func Start(t testing.TB, cmd *exec.Cmd) *Term {
	t.Helper()
	if cmd.Env == nil {
		cmd.Env = os.Environ()
	}
	// A child built with the race detector sleeps a second before it
	// exits, unless told not to.
	cmd.Env = append(cmd.Env, "GORACE=atexit_sleep_ms=0")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: Rows, Cols: Cols})
	if err != nil {
		t.Fatalf("start %s in a pseudo-terminal: %v", cmd.Path, err)
	}
	tm := &Term{t: t, cmd: cmd, pty: f, changed: make(chan struct{}), exited: make(chan struct{})}
	go tm.read()
	go func() {
		err := cmd.Wait()
		var ee *exec.ExitError
		switch {
		case err == nil:
		case errors.As(err, &ee):
			tm.code = ee.ExitCode()
		default:
			tm.code = -1
		}
		close(tm.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-tm.exited:
		default:
			_ = cmd.Process.Kill()
			<-tm.exited
		}
		f.Close()
	})
	return tm
}

var sizeQuery = []byte("\x1b[999;999f\x1b[6n")

// read records the output and answers the terminal-size queries.
func (tm *Term) read() {
	buf := make([]byte, 4096)
	for {
		n, err := tm.pty.Read(buf)
		tm.mu.Lock()
		tm.out = append(tm.out, buf[:n]...)
		for {
			i := bytes.Index(tm.out[tm.scanned:], []byte("\x1b[6n"))
			if i < 0 {
				// Keep a possible partial query for the next read.
				tm.scanned = max(tm.scanned, len(tm.out)-len(sizeQuery))
				break
			}
			end := tm.scanned + i + len("\x1b[6n")
			if bytes.HasSuffix(tm.out[:end], sizeQuery) {
				fmt.Fprintf(tm.pty, "\x1b[%d;%dR", Rows, Cols)
			} else {
				tm.pending++
			}
			tm.scanned = end
		}
		if err != nil {
			tm.eof = true
		}
		close(tm.changed)
		tm.changed = make(chan struct{})
		tm.mu.Unlock()
		if err != nil {
			return // EIO once the program has exited
		}
	}
}

var escapes = regexp.MustCompile(`\x1b(\[[0-9;?]*[A-Za-z]|[78])`)

// Plain is the output so far without escape sequences.
func (tm *Term) Plain() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.plain()
}

func (tm *Term) plain() string {
	return strings.ReplaceAll(escapes.ReplaceAllString(string(tm.out), ""), "\r", "")
}

// waitFor waits until cond holds (called with the lock held) or fails the
// test, naming what it waited for.
func (tm *Term) waitFor(what string, cond func() bool) {
	tm.t.Helper()
	deadline := time.After(Timeout)
	for {
		tm.mu.Lock()
		if cond() {
			tm.mu.Unlock()
			return
		}
		changed, eof := tm.changed, tm.eof
		tm.mu.Unlock()
		if eof {
			// No more output will come; one last look, then give up.
			tm.mu.Lock()
			ok := cond()
			tm.mu.Unlock()
			if ok {
				return
			}
			tm.t.Fatalf("the program ended while waiting for %s; its output:\n%s", what, tm.tail())
		}
		select {
		case <-changed:
		case <-deadline:
			tm.t.Fatalf("timed out waiting for %s; the output:\n%s", what, tm.tail())
		case <-time.After(5 * time.Millisecond):
			// Raw mode is not output: poll for it.
		}
	}
}

func (tm *Term) tail() string {
	p := tm.Plain()
	if len(p) > 3000 {
		p = "..." + p[len(p)-3000:]
	}
	return p
}

// Expect waits until text appears in the output after the previous match,
// and moves past it.
func (tm *Term) Expect(text string) {
	tm.t.Helper()
	tm.waitFor(fmt.Sprintf("%q", text), func() bool {
		p := tm.plain()
		if tm.mark > len(p) {
			return false
		}
		i := strings.Index(p[tm.mark:], text)
		if i < 0 {
			return false
		}
		tm.mark += i + len(text)
		return true
	})
}

// Keys types into a Select or MultiSelect: it waits for raw mode, then
// writes keys. Arrow down is "\x1b[B", Enter "\r", Ctrl-C "\x03".
func (tm *Term) Keys(keys string) {
	tm.t.Helper()
	tm.waitFor("the terminal to be in raw mode", func() bool {
		st, err := unix.IoctlGetTermios(int(tm.pty.Fd()), getTermios)
		return err == nil && st.Lflag&unix.ICANON == 0
	})
	tm.write(keys)
}

// Type types a line into an Input or Confirm: it waits for the prompt's
// cursor-position query and sends keys followed by the answer. keys must
// not hold an 'R', which survey would take for the end of the answer.
func (tm *Term) Type(keys string) {
	tm.t.Helper()
	if strings.ContainsRune(keys, 'R') {
		tm.t.Fatalf("Type(%q): an 'R' would end the cursor-position answer early", keys)
	}
	tm.waitFor("a cursor-position query (an Input or Confirm)", func() bool { return tm.pending > 0 })
	tm.mu.Lock()
	tm.pending--
	tm.mu.Unlock()
	tm.write(keys + "\x1b[1;1R")
}

func (tm *Term) write(s string) {
	tm.t.Helper()
	if _, err := tm.pty.Write([]byte(s)); err != nil {
		tm.t.Fatalf("write %q: %v", s, err)
	}
}

// Wait waits for the program to exit and returns its exit code.
func (tm *Term) Wait() int {
	tm.t.Helper()
	select {
	case <-tm.exited:
	case <-time.After(Timeout):
		tm.t.Fatalf("the program did not exit; its output:\n%s", tm.tail())
	}
	// Let the reader drain what the program wrote last.
	tm.waitFor("the end of the output", func() bool { return tm.eof })
	return tm.code
}

// Raw is everything the program wrote so far, escape sequences included:
// what a terminal emulator replays to show the screen a person saw.
func (tm *Term) Raw() []byte {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return bytes.Clone(tm.out)
}
