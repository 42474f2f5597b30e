package cmd_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder/cmd"
	"github.com/ladderhq/ladder/internal/termtext"
)

// On a terminal every command's output fits its width; piped, nothing is
// clipped: each question is there whole.
func TestOutputFitsTheTerminal(t *testing.T) {
	commands := [][]string{
		{"score", "../examples/senior-gitaly.yaml", "../examples/go-only.yaml"},
		{"plan", "--specialty", "gitaly", "../examples/go-only.yaml"},
		{"diff", "../examples/senior-gitaly.yaml", "../examples/senior-gitaly-2027.yaml"},
		{"calibrate", "../examples/team"},
		{"rubric", "list"},
		{"rubric", "show", "senior"},
		{"rubric", "show", "base-language"},
		{"rubric", "diff", "senior", "staff"},
	}
	for _, args := range commands {
		for _, width := range []int{60, 100, 160} {
			var out, errb bytes.Buffer
			env := &cmd.Env{
				IO:     cmd.IO{In: strings.NewReader(""), Out: &out, Err: &errb, OutTTY: true, Width: width},
				Getenv: func(string) string { return "" },
				Now:    time.Now,
			}
			if code := cmd.Run(env, args); code != 0 {
				t.Fatalf("%v: exit %d: %s", args, code, errb.String())
			}
			for i, line := range strings.Split(out.String(), "\n") {
				if n := termtext.Width(line); n > width {
					t.Errorf("%v at %d columns: line %d is %d cells: %q", args, width, i+1, n, line)
				}
			}
		}
	}
	// Piped, the diff shows every question whole, each on its row's line.
	out, _, code := runLadder(t, "diff", "../examples/senior-gitaly.yaml", "../examples/senior-gitaly-2027.yaml")
	want := "staff-shepherd-standards     2       3      How much do you shepherd the definition and improvement of your team's standards for style, maintainability and best practices at scale?\n"
	if code != 0 || !strings.Contains(out, want) || strings.Contains(out, "…") {
		t.Errorf("piped diff clips or wraps a question:\n%s", out)
	}
}

// COLUMNS sets the width of output that goes to no terminal.
func TestColumnsSetsThePageWidth(t *testing.T) {
	for _, columns := range []int{50, 120} {
		var out, errb bytes.Buffer
		env := &cmd.Env{
			IO:     cmd.IO{In: strings.NewReader(""), Out: &out, Err: &errb},
			Getenv: func(k string) string { return map[string]string{"COLUMNS": fmt.Sprint(columns)}[k] },
			Now:    time.Now,
		}
		if code := cmd.Run(env, []string{"score", "../examples/senior-gitaly.yaml"}); code != 0 {
			t.Fatal(errb.String())
		}
		widest := 0
		_, notes, _ := strings.Cut(out.String(), "\nNotes\n")
		notes, _, _ = strings.Cut(notes, "\n\n")
		for _, line := range strings.Split(notes, "\n") {
			widest = max(widest, termtext.Width(line))
		}
		if widest > columns || widest < columns-15 {
			t.Errorf("COLUMNS=%d: the notes wrap at %d", columns, widest)
		}
	}
}

// countingWriter counts the writes it gets.
type countingWriter struct {
	bytes.Buffer
	writes int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.writes++
	return c.Buffer.Write(p)
}

// Standard output is buffered and written once, whatever the command and
// format: not once per table line.
func TestOutputIsWrittenOnce(t *testing.T) {
	for _, args := range [][]string{
		{"score", "../examples/senior-gitaly.yaml", "../examples/go-only.yaml"},
		{"calibrate", "-o", "markdown", "../examples/team"},
		{"rubric", "list"},
		{"plan", "-o", "json", "../examples/go-only.yaml"},
		{"schema", "rubric"},
		{"version"},
	} {
		var out countingWriter
		var errb bytes.Buffer
		env := &cmd.Env{IO: cmd.IO{In: strings.NewReader(""), Out: &out, Err: &errb, OutTTY: true, Width: 100}, Getenv: func(string) string { return "" }, Now: time.Now}
		if code := cmd.Run(env, args); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		if out.writes != 1 {
			t.Errorf("%v: %d writes to standard output, want 1", args, out.writes)
		}
	}
}
