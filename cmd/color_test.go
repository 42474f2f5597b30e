package cmd_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder/cmd"
)

// Colour only on a terminal, and never with NO_COLOR or --no-color.
func TestColourOnlyOnATerminal(t *testing.T) {
	for _, tc := range []struct {
		name    string
		tty     bool
		env     map[string]string
		args    []string
		colours bool
	}{
		{"terminal", true, nil, nil, true},
		{"pipe", false, nil, nil, false},
		{"NO_COLOR", true, map[string]string{"NO_COLOR": "1"}, nil, false},
		{"--no-color", true, nil, []string{"--no-color"}, false},
		{"dumb terminal", true, map[string]string{"TERM": "dumb"}, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errw bytes.Buffer
			env := &cmd.Env{
				IO:     cmd.IO{In: strings.NewReader(""), Out: &out, Err: &errw, OutTTY: tc.tty},
				Getenv: func(k string) string { return tc.env[k] },
				Now:    time.Now,
			}
			args := append([]string{"score", "../examples/go-only.yaml"}, tc.args...)
			if code := cmd.Run(env, args); code != 0 {
				t.Fatalf("exit %d: %s", code, errw.String())
			}
			if got := strings.Contains(out.String(), "\x1b["); got != tc.colours {
				t.Errorf("colour codes in the output: %v, want %v", got, tc.colours)
			}
			if got := strings.Contains(out.String(), "│"); got != tc.tty {
				t.Errorf("borders: %v, want %v (a terminal)", got, tc.tty)
			}
		})
	}
}
