package cmd

import (
	"os"
	"path/filepath"
	"strings"
)

// The commands ladder prints for the person to run ("Resume with: ...",
// "See it again with: ...") must work as printed. After `make run` or a
// download, ladder is not on PATH, and "ladder score FILE" would fail: so
// they start with the program as the person can run it (Env.Program).

// defaultProgram is the command printed when Env.Program says nothing.
const defaultProgram = "ladder"

// ProgramName is how the person can run the program that was started as
// arg0 (os.Args[0]), for the commands it prints:
//
//   - the bare name when the shell found it on PATH: arg0 without a
//     folder, or a path to the very file PATH finds under that name;
//   - the bare name for a binary that `go run` built in a temporary
//     folder, gone when it exits;
//   - otherwise the path that was run, made absolute, so that it works
//     from any folder ("./bin/ladder" after `make run`).
//
// lookPath is exec.LookPath; tests give their own.
func ProgramName(arg0 string, lookPath func(string) (string, error)) string {
	if arg0 == "" {
		return defaultProgram
	}
	base := filepath.Base(arg0)
	if !strings.ContainsRune(arg0, filepath.Separator) && !strings.ContainsRune(arg0, '/') {
		return base
	}
	abs, err := filepath.Abs(arg0)
	if err != nil {
		return base
	}
	if found, err := lookPath(base); err == nil && sameFile(found, abs) {
		return base
	}
	if strings.Contains(filepath.ToSlash(abs), "/go-build") {
		return base
	}
	return abs
}

func sameFile(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}

// program is the command that runs ladder, quoted for a shell, as the
// commands ladder prints start.
func (g *globals) program() string {
	if g.env.Program == "" {
		return defaultProgram
	}
	return shellQuote(g.env.Program)
}

// command is a command line for the person to run: the program, then the
// arguments, each quoted for a shell where it needs it.
func (g *globals) command(args ...string) string {
	parts := []string{g.program()}
	for _, a := range args {
		parts = append(parts, shellQuote(a))
	}
	return strings.Join(parts, " ")
}

// resumeCommand is the command that resumes the assessment in path, with
// the rubric in use when it is not the built-in one.
func (g *globals) resumeCommand(path string) string {
	args := []string{"assess", "--resume", path}
	if g.rubricPath != "" {
		args = append(args, "--rubric", g.rubricPath)
	}
	return g.command(args...)
}
