package cmd

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	pt "github.com/ladderhq/ladder/internal/prompt/prompttest"
)

func TestProgramName(t *testing.T) {
	dir := t.TempDir()
	onPath := filepath.Join(dir, "bin", "ladder")
	elsewhere := filepath.Join(dir, "src", "ladder", "bin", "ladder")
	for _, f := range []string{onPath, elsewhere} {
		if err := os.MkdirAll(filepath.Dir(f), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte("#!/bin/sh\n"), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	lookPath := func(name string) (string, error) {
		if name == "ladder" {
			return onPath, nil
		}
		return "", errors.New("not found")
	}
	nowhere := func(string) (string, error) { return "", errors.New("not found") }
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		arg0     string
		lookPath func(string) (string, error)
		want     string
	}{
		{"", nowhere, "ladder"},
		// Found on PATH by the shell: the name alone.
		{"ladder", lookPath, "ladder"},
		{"ladder", nowhere, "ladder"},
		// A path to the very file PATH finds: the name alone.
		{onPath, lookPath, "ladder"},
		// Another binary of the same name (make run's bin/ladder): the
		// path that was run, absolute.
		{elsewhere, lookPath, elsewhere},
		{"bin/ladder", nowhere, filepath.Join(wd, "bin", "ladder")},
		// go run's binary is gone when it ends.
		{filepath.Join(os.TempDir(), "go-build123", "b001", "exe", "ladder"), nowhere, "ladder"},
	} {
		if got := ProgramName(tc.arg0, tc.lookPath); got != tc.want {
			t.Errorf("ProgramName(%q) = %q, want %q", tc.arg0, got, tc.want)
		}
	}
}

// Every command ladder prints for the person to run starts with the
// program as it was run, quoted for a shell.
func TestPrintedCommandsStartWithTheProgram(t *testing.T) {
	const program = "/opt/my tools/ladder"
	s := newSession(t, pt.Select("[1/", 2), pt.Interrupt(pt.SelectKind, "[2/"))
	s.env.Program = program
	if code := s.run("assess", "--rubric", tiny, "--person", "Ada", "--role", "self", "--current", "none", "--target", "junior", "--specialty", "web"); code != ExitInterrupted {
		t.Fatalf("exit %d; stderr:\n%s", code, s.err.String())
	}
	if want := "Resume with: '/opt/my tools/ladder' assess --resume "; !strings.Contains(s.err.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, s.err.String())
	}
	path := strings.TrimSpace(s.err.String()[strings.LastIndex(s.err.String(), "--resume ")+len("--resume "):])
	path = strings.Fields(path)[0]

	// The same program in ladder score's command to ask the levels not
	// asked (the assessment stops at Junior).
	s2 := newSession(t)
	s2.data = s.data
	s2.env.Program = program
	s2.env.Now = func() time.Time { return time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC) }
	if code := s2.run("score", "--rubric", tiny, "--gaps", "1", path); code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, s2.err.String())
	}
	if want := "'/opt/my tools/ladder' assess --resume " + path + " --rubric " + tiny + " --target"; !strings.Contains(s2.out.String(), want) {
		t.Errorf("score lacks %q:\n%s", want, s2.out.String())
	}
	if want := "('/opt/my tools/ladder' plan, or --gaps 0"; !strings.Contains(s2.out.String(), want) {
		t.Errorf("score's hint lacks %q:\n%s", want, s2.out.String())
	}
}
