package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// An operating-system error is an operational failure (exit 1), whatever
// its words: EINVAL reads "invalid argument", like a cobra usage error.
func TestOSErrorIsNotAUsageError(t *testing.T) {
	for _, err := range []error{
		&fs.PathError{Op: "write", Path: "report.html", Err: syscall.EINVAL},
		fmt.Errorf("cannot write the report: %w", &os.PathError{Op: "rename", Path: "x", Err: syscall.EINVAL}),
		fmt.Errorf("save: %w", syscall.EINVAL),
		errors.New("invalid argument"),
	} {
		if code := exitCode(err); code != ExitFailure {
			t.Errorf("exitCode(%v) = %d, want %d", err, code, ExitFailure)
		}
	}
	for _, err := range []error{errors.New(`unknown command "frobnicate" for "ladder"`), errors.New(`required flag(s) "x" not set`)} {
		if code := exitCode(err); code != ExitUsage {
			t.Errorf("exitCode(%v) = %d, want %d", err, code, ExitUsage)
		}
	}
}

// The command tree is built without a mistake: no flag's completion is
// registered twice.
func TestCommandTreeSetup(t *testing.T) {
	g := &globals{env: &Env{IO: IO{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}, Getenv: func(string) string { return "" }, Now: time.Now}}
	newRoot(g)
	for _, err := range g.setupErrors {
		t.Error(err)
	}
}

// -o is checked for every command: those that write one format refuse the
// others, and those without formats refuse -o altogether, with exit 2.
func TestOutputFormatIsCheckedEverywhere(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"schema", "-o", "yaml", "rubric"}, `ladder schema cannot write "yaml" output (use json)`},
		{[]string{"migrate", "-o", "json", "x.yaml"}, `ladder migrate cannot write "json" output (use table)`},
		{[]string{"rubric", "validate", "-o", "json", "x.yaml"}, `ladder rubric validate cannot write "json" output (use table)`},
		{[]string{"completion", "bash", "-o", "json"}, `ladder completion bash has no output formats; -o does not apply to it`},
		{[]string{"rubric", "-o", "json"}, `ladder rubric has no output formats; -o does not apply to it`},
		{[]string{"score", "-o", "html", "x.yaml"}, `ladder score cannot write "html" output (use table, json, yaml)`},
	} {
		var out, errb bytes.Buffer
		env := &Env{IO: IO{In: strings.NewReader(""), Out: &out, Err: &errb}, Getenv: func(string) string { return "" }, Now: time.Now}
		if code := Run(env, tc.args); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", tc.args, code, ExitUsage)
		}
		if !strings.Contains(errb.String(), tc.want) || strings.Count(errb.String(), "\n") != 1 {
			t.Errorf("%v: stderr %q, want one line with %q", tc.args, errb.String(), tc.want)
		}
		if out.Len() > 0 {
			t.Errorf("%v: stdout %q, want nothing", tc.args, out.String())
		}
	}
}

// A path with control characters is quoted so that the shell reads it back
// exactly and the terminal shows it inert.
func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"plain/path.yaml":       "plain/path.yaml",
		"with space.yaml":       "'with space.yaml'",
		"it's.yaml":             `'it'\''s.yaml'`,
		"evil\x1b]0;x\x07.yaml": `$'evil\x1b]0;x\x07.yaml'`,
		"bidi\u202e'.yaml":      `$'bidi\u202e\'.yaml'`,
		"new\nline\\.yaml":      `$'new\x0aline\\.yaml'`,
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}
