//go:build linux || darwin || freebsd || netbsd || openbsd

package cmd_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hinshun/vt10x"
	"github.com/ladderhq/ladder/internal/ptytest"
)

// sessions are the keys a person types in each interactive session that
// the docs show (```console session blocks), by its command line.
var sessions = map[string]func(term *ptytest.Term){
	"ladder assess --out ada.yaml": func(term *ptytest.Term) {
		term.Expect("Who is being assessed?")
		term.Type("Ada Lovelace\r")
		term.Expect("Who is giving the ratings?")
		term.Keys("\r")
		term.Expect("Current level:")
		term.Keys("\x1b[B\x1b[B\r") // Backend Engineer
		term.Expect("Target level:")
		term.Keys("\r") // the one above
		term.Expect("Specialties to assess")
		term.Keys("gitaly")
		term.Expect("Gitaly")
		term.Keys(" ")
		term.Keys("\r")
		for i, answer := range []string{"3\r", "4\r", "3\r", "3\r", "3\r", "3\r"} {
			// The second number is the most questions left: answers that
			// settle others lower it.
			term.Expect(fmt.Sprintf("[%d/", i+1))
			term.Keys(answer)
		}
		term.Expect("[7/")
		term.Keys("?")
		term.Expect("Section: General requirements.")
		term.Keys("\x03")
	},
	"ladder assess --resume ada.yaml": func(term *ptytest.Term) {
		term.Expect("going on with question 7")
		term.Expect("[7/")
		term.Keys("2\r")
		term.Expect("[8/")
		term.Keys("\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\r") // « back
		term.Expect("[7/")
		term.Keys("\x03")
	},
	// docs/questions.md: a line of three rungs, the higher two not met.
	"ladder assess --resume senior.yaml": func(term *ptytest.Term) {
		term.Expect("going on with question 17")
		for i, answer := range []string{"3", "3", "3", "3", "3", "3", "3", "2", "2", "3"} {
			term.Expect(fmt.Sprintf("[%d/", 17+i))
			term.Keys(answer + "\r")
		}
		term.Expect("[27/")
		term.Keys("\x03")
	},
	// docs/questions.md: a manager's "can't say", on a scale question
	// (the choice after the ratings) and on a stricter rung, which leaves
	// the lower one to ask.
	"ladder assess --person 'Ada Lovelace' --rater 'Bo Chen' --role manager --current intermediate --target senior --out ada-by-bo.yaml": func(term *ptytest.Term) {
		term.Expect("Specialties to assess")
		term.Keys("\r")                               // none
		cantSay := "\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\r" // the choice after 0..4
		for i, answer := range []string{cantSay, "4\r", "y\r", "3\r", cantSay, cantSay, "3\r"} {
			term.Expect(fmt.Sprintf("[%d/", i+1))
			term.Keys(answer)
		}
		term.Expect("[8/")
		term.Keys("\x03")
	},
}

// TestDocSessions replays the interactive sessions the docs show in a
// pseudo-terminal 120 columns wide, typing the keys above, and compares
// the screen the person is left with against the sample. The sessions of
// one document run in turn in one folder, laid out as for the other
// samples, so that a later one can resume an earlier one's file.
func TestDocSessions(t *testing.T) {
	for _, path := range sampleDocs(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		blocks := consoleBlocks(string(src))
		// The folder the other samples run in: a session may resume one
		// of docs/samples.txtar's files.
		work := sampleFolder(t)
		changed := false
		for _, b := range blocks {
			if !b.session {
				continue
			}
			cmds, _ := b.commands()
			if len(cmds) != 1 || sessions[cmds[0]] == nil {
				t.Errorf("%s:%d: a session sample needs one command with its keys in session_sample_test.go, not %q", path, b.line, cmds)
				continue
			}
			got := "$ " + cmds[0] + "\n" + replay(t, work, cmds[0], sessions[cmds[0]])
			if got == b.body {
				continue
			}
			if *update {
				b.replace(got)
				changed = true
				continue
			}
			t.Errorf("%s:%d: the session differs from the real one (-sample +real); if the change is intended, run go test ./cmd -run TestDocSessions -update and review the diff.\n%s",
				path, b.line, cmp.Diff(b.body, got))
		}
		if changed {
			rewriteBlocks(t, path, string(src), blocks)
		}
	}
}

// replay runs line (ladder and its arguments) in a pseudo-terminal in
// folder work, types with keys, and returns the screen at the end.
func replay(t *testing.T, work, line string, keys func(*ptytest.Term)) string {
	t.Helper()
	args, err := shellWords(line)
	if err != nil {
		t.Fatal(err)
	}
	c := exec.Command(os.Args[0], args[1:]...)
	c.Args[0] = "ladder" // as found on PATH: the commands it prints start with "ladder"
	c.Dir = work
	c.Env = append(os.Environ(), "LADDER_TEST_MAIN=1", "TERM=xterm", "NO_COLOR=1",
		"XDG_DATA_HOME="+filepath.Join(work, "data"), "HOME="+filepath.Join(work, "home"))
	term := ptytest.Start(t, c)
	keys(term)
	term.Wait()
	screen := vt10x.New(vt10x.WithSize(ptytest.Cols, 200))
	if _, err := screen.Write(term.Raw()); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(screen.String(), "\n") {
		out = append(out, strings.TrimRight(l, " "))
	}
	return strings.TrimLeft(strings.TrimRight(strings.Join(out, "\n"), "\n")+"\n", "\n")
}
