package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder/internal/prompt"
	pt "github.com/ladderhq/ladder/internal/prompt/prompttest"
	"github.com/ladderhq/ladder/internal/store"
	"github.com/ladderhq/ladder/rubric"
)

// These tests run ladder assess in-process on a scripted prompter: what
// happens around the questions (files, messages, exit codes). The real
// terminal is exercised by assess_terminal_test.go.

const tiny = "testdata/assess/rubric.yaml"

type session struct {
	env      *Env
	out, err bytes.Buffer
	data     string
	script   *pt.Script
}

func newSession(t *testing.T, steps ...pt.Step) *session {
	s := &session{data: t.TempDir(), script: pt.New(t, steps...)}
	clock := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	s.env = &Env{
		IO: IO{In: strings.NewReader(""), Out: &s.out, Err: &s.err, InTTY: true, OutTTY: true},
		Getenv: func(k string) string {
			switch k {
			case "XDG_DATA_HOME":
				return s.data
			case "NO_COLOR":
				return "1"
			}
			return ""
		},
		Now: func() time.Time {
			clock = clock.Add(time.Second)
			return clock
		},
		NewPrompter: func(IO, bool) prompt.Prompter { return s.script },
	}
	return s
}

func (s *session) run(args ...string) int { return Run(s.env, args) }

func TestAssessInterruptedBeforeTheFirstQuestion(t *testing.T) {
	s := newSession(t, pt.Interrupt(pt.InputKind, "Who is being assessed?"))
	if code := s.run("assess", "--rubric", tiny); code != ExitInterrupted {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitInterrupted, s.err.String())
	}
	if got := s.err.String(); got != "ladder: interrupted before the first question; nothing was saved\n" {
		t.Errorf("stderr %q", got)
	}
	if _, err := os.Stat(filepath.Join(s.data, "ladder")); !os.IsNotExist(err) {
		t.Errorf("something was written to the data folder: %v", err)
	}
}

// A quick assessment: the resume command keeps --quick (and --rubric), and
// the result says how to ask the rest.
func TestAssessQuick(t *testing.T) {
	s := newSession(t,
		pt.Select("[1/3] How proficient are you in Go?", 2),
		pt.Interrupt(pt.SelectKind, "[2/3] How well do you test your code?"),
	)
	code := s.run("assess", "--rubric", tiny, "--quick", "--person", "Ada", "--role", "self", "--current", "junior", "--target", "junior", "--specialty", "web")
	if code != ExitInterrupted {
		t.Fatalf("exit %d; stderr:\n%s", code, s.err.String())
	}
	path := filepath.Join(s.data, "ladder", "assessments", "ada", "2026-11-24T100001Z-ada-self.yaml")
	want := "ladder: interrupted: 1 of 3 questions answered and saved in " + path + "\n" +
		"Resume with: ladder assess --resume " + path + " --rubric " + tiny + " --quick\n"
	if got := s.err.String(); got != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", got, want)
	}
	if !strings.Contains(s.out.String(), "3 questions in 2 sections (quick: required and strong criteria only)") {
		t.Errorf("the intro does not say the session is quick:\n%s", s.out.String())
	}
	s.script.Done()

	s2 := newSession(t,
		pt.Select("[2/3] How well do you test your code?", 1),
		pt.Select("[3/3] How well do you run services in production?", 3),
	)
	s2.data = s.data
	if code := s2.run("assess", "--rubric", tiny, "--quick", "--resume", path); code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, s2.err.String())
	}
	s2.script.Done()
	out := s2.out.String()
	for _, want := range []string{
		"1 already answered; going on with question 2.",
		"Done. All 3 questions answered.",
		// The questions went up to the target only.
		"Not asked: Senior Engineer; the questions stopped at your target, Junior Engineer.",
		"To ask what Senior Engineer adds (1 question):\n    ladder assess --resume " + path + " --rubric " + tiny + " --quick --target senior\n",
		"Saved in " + path,
		"Quick mode skipped the desirable and nice-to-have questions; ladder assess --resume " + path + " --rubric " + tiny + " asks them.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	a, _, err := store.Load(path, mustTiny(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Ratings) != 3 || a.Created.Format(time.RFC3339) != "2026-11-24T10:00:01Z" || !a.Updated.After(a.Created) {
		t.Errorf("file: %d ratings, created %v, updated %v", len(a.Ratings), a.Created, a.Updated)
	}

	// Without --quick, the rest is asked; the answered ones are skipped.
	s3 := newSession(t,
		pt.Confirm("[3/6] Will you join the on-call rotation?", true),
		// 5, asked by the quick session, will be skipped.
		pt.Interrupt(pt.ConfirmKind, "[4/6] Have you contributed to open source?"),
	)
	s3.data = s.data
	if code := s3.run("assess", "--rubric", tiny, "--resume", path); code != ExitInterrupted {
		t.Fatalf("exit %d; stderr:\n%s", code, s3.err.String())
	}
	s3.script.Done()
}

func mustTiny(t *testing.T) *rubric.Rubric {
	t.Helper()
	g := &globals{rubricPath: tiny}
	r, err := g.rubric()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Two assessments started in the same second by the same rater never
// share a file.
func TestAssessNeverOverwritesAnotherAssessment(t *testing.T) {
	s := newSession(t, pt.Select("[1/", 2), pt.Interrupt(pt.SelectKind, "[2/"))
	s.env.Now = func() time.Time { return time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC) }
	first := filepath.Join(s.data, "ladder", "assessments", "ada", "2026-11-24T100000Z-ada-self.yaml")
	if err := os.MkdirAll(filepath.Dir(first), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(first, []byte("earlier"), 0o600); err != nil {
		t.Fatal(err)
	}
	s.run("assess", "--rubric", tiny, "--person", "Ada", "--role", "self", "--current", "none", "--target", "none", "--specialty", "db")
	if b, _ := os.ReadFile(first); string(b) != "earlier" {
		t.Errorf("the earlier file was overwritten")
	}
	if !strings.Contains(s.err.String(), "2026-11-24T100001Z-ada-self.yaml") {
		t.Errorf("the new assessment did not move on by a second:\n%s", s.err.String())
	}
}

func TestAssessReportsASaveFailure(t *testing.T) {
	s := newSession(t)
	// A folder that is a file cannot be created, not even by root.
	dir := filepath.Join(t.TempDir(), "not-a-folder")
	if err := os.WriteFile(dir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "a.yaml")
	code := s.run("assess", "--rubric", tiny, "--person", "Ada", "--role", "self", "--current", "none", "--target", "none", "--specialty", "db", "--out", out)
	if want := "ladder: --out " + out + ": " + dir + " is not a folder (see 'ladder assess --help')\n"; code != ExitUsage || s.err.String() != want {
		t.Errorf("exit %d, stderr %q", code, s.err.String())
	}
	// Nor is a folder that does not exist made.
	s = newSession(t)
	out = filepath.Join(t.TempDir(), "missing", "a.yaml")
	code = s.run("assess", "--rubric", tiny, "--person", "Ada", "--role", "self", "--current", "none", "--target", "none", "--specialty", "db", "--out", out)
	if want := "ladder: --out " + out + ": the folder " + filepath.Dir(out) + " does not exist (see 'ladder assess --help')\n"; code != ExitUsage || s.err.String() != want {
		t.Errorf("exit %d, stderr %q", code, s.err.String())
	}
}

func TestAssessCompleteFileShowsTheResult(t *testing.T) {
	s := newSession(t)
	path := filepath.Join(t.TempDir(), "done.yaml")
	src := `format: ladder/assessment/v1
rubric: {id: tiny-backend, version: "1"}
person: Ada
specialties: [web]
ratings: {go: 2, tests: 2, on-call: yes, mentor: 2, oss: no, shared-ops: 2, web-http: 2}
`
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	if code := s.run("assess", "--rubric", tiny, "--resume", path); code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, s.err.String())
	}
	if len(s.script.Calls) != 0 {
		t.Errorf("asked %d questions of a complete assessment", len(s.script.Calls))
	}
	if out := s.out.String(); !strings.Contains(out, "Fit level: Senior Engineer") || !strings.Contains(out, "Saved in "+path) {
		t.Errorf("output:\n%s", out)
	}
}

// On --resume, --current, --target and --specialty replace what the file
// says (a specialty added later, say); --person cannot change.
func TestAssessResumeWithOtherChoices(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bo.yaml")
	src := `format: ladder/assessment/v1
rubric: {id: tiny-backend, version: "1"}
person: Bo
specialties: [web]
target_level: junior
ratings: {go: 2, tests: 2, on-call: yes, mentor: 2, oss: no, shared-ops: 2, web-http: 2}
`
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	s := newSession(t,
		// Databases asks "How proficient are you in Go?" too, in the same
		// words as question 1: its answer rates both.
		pt.Select("[6/8] How well do you write SQL?", 3),
	)
	if code := s.run("assess", "--rubric", tiny, "--resume", path, "--specialty", "db,web", "--target", "none"); code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, s.err.String())
	}
	s.script.Done()
	a, _, err := store.Load(path, mustTiny(t))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(a.Specialties, ",") != "db,web" || a.TargetLevel != "" || len(a.Ratings) != 9 || a.Ratings["db-go"].Value != 2 {
		t.Errorf("specialties %v, target %q, %d ratings", a.Specialties, a.TargetLevel, len(a.Ratings))
	}

	s = newSession(t)
	if code := s.run("assess", "--rubric", tiny, "--resume", path, "--person", "Al"); code != ExitUsage {
		t.Errorf("exit %d, want %d", code, ExitUsage)
	}
	if want := `ladder: --person "Al": ` + path + " is rated by Bo (self) about Bo; start a new assessment instead"; !strings.HasPrefix(s.err.String(), want) {
		t.Errorf("stderr %q, want %q...", s.err.String(), want)
	}
}

// Stopped at the first question, a new assessment leaves nothing behind,
// in the data folder or at --out: the file is written at the first answer.
func TestAssessStoppedBeforeTheFirstAnswerLeavesNothing(t *testing.T) {
	for _, out := range []string{"", filepath.Join(t.TempDir(), "ada.yaml")} {
		s := newSession(t, pt.Interrupt(pt.SelectKind, "[1/"))
		args := []string{"assess", "--rubric", tiny, "--person", "Ada", "--role", "self", "--current", "none", "--target", "none", "--specialty", "db"}
		if out != "" {
			args = append(args, "--out", out)
		}
		if code := s.run(args...); code != ExitInterrupted {
			t.Fatalf("--out %q: exit %d, want %d; stderr:\n%s", out, code, ExitInterrupted, s.err.String())
		}
		if got := s.err.String(); got != "ladder: interrupted before the first answer; nothing was saved\n" {
			t.Errorf("--out %q: stderr %q", out, got)
		}
		if !strings.Contains(s.out.String(), "saved after every answer to") {
			t.Errorf("--out %q: the intro does not say where the answers go:\n%s", out, s.out.String())
		}
		if _, err := os.Stat(filepath.Join(s.data, "ladder")); !os.IsNotExist(err) {
			t.Errorf("--out %q: something was written to the data folder: %v", out, err)
		}
		if out != "" {
			if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) > 0 {
				t.Errorf("--out %q: its folder holds %v, want nothing", out, entries)
			}
		}
	}
}
