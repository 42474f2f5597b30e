package cmd_test

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/ladderhq/ladder/cmd"
	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected output inside the test scripts")

func TestMain(m *testing.M) {
	// The terminal tests run this binary as ladder itself.
	if os.Getenv("LADDER_TEST_MAIN") == "1" {
		os.Exit(cmd.Main())
	}
	testscript.Main(m, map[string]func(){
		"ladder": func() { os.Exit(cmd.Main()) },
	})
}

// TestScripts runs the real ladder binary through the scripts in
// testdata/script. Each script starts in a fresh folder holding a copy of
// examples/ and of the built-in rubric's source page (gitlab-page.md), with
// no terminal.
func TestScripts(t *testing.T) {
	examples, err := filepath.Abs("../examples")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("HOME", filepath.Join(env.WorkDir, "home"))
			env.Setenv("XDG_DATA_HOME", filepath.Join(env.WorkDir, "data"))
			page, err := os.ReadFile("../data/gitlab-backend-engineer.source.md")
			if err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(env.WorkDir, "gitlab-page.md"), page, 0o644); err != nil {
				return err
			}
			return os.CopyFS(filepath.Join(env.WorkDir, "examples"), os.DirFS(examples))
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode": exitcodeCmd,
		},
	})
}

// exitcodeCmd runs a program and checks its exit code exactly:
//
//	exitcode 2 ladder score missing.yaml
func exitcodeCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exec %s: %v", args[1], err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}
