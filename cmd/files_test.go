package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/internal/prompt"
	pt "github.com/ladderhq/ladder/internal/prompt/prompttest"
	"github.com/ladderhq/ladder/internal/store"
)

// These tests are about the files ladder assess writes: their format,
// one session per file, saves that fail, and where new files go.

// hooked runs a function just before the question whose message contains
// a text, so that a test can break or repair things between answers.
type hooked struct {
	prompt.Prompter
	hooks []hook
}

type hook struct {
	message string
	do      func()
}

func (h *hooked) before(message string) {
	if len(h.hooks) > 0 && strings.Contains(message, h.hooks[0].message) {
		do := h.hooks[0].do
		h.hooks = h.hooks[1:]
		do()
	}
}

func (h *hooked) Select(message, help string, options []prompt.Option, def int) (int, error) {
	h.before(message)
	return h.Prompter.Select(message, help, options, def)
}

func (h *hooked) Confirm(message, help string, def bool) (bool, error) {
	h.before(message)
	return h.Prompter.Confirm(message, help, def)
}

// withHooks makes the session's prompter run hooks, in order.
func (s *session) withHooks(hooks ...hook) {
	h := &hooked{Prompter: s.script, hooks: hooks}
	s.env.NewPrompter = func(IO, bool) prompt.Prompter { return h }
}

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// tinyFlags answer every opening question of the tiny rubric: Ada rates
// herself, no levels, the web specialty (7 questions).
var tinyFlags = []string{"--rubric", tiny, "--person", "Ada", "--role", "self", "--current", "none", "--target", "none", "--specialty", "web"}

// answerOneThenStop answers the first question of a new tinyFlags session
// and stops at the second: a file is written at the first answer.
func answerOneThenStop() []pt.Step {
	return []pt.Step{pt.Select("[1/7]", 2), pt.Interrupt(pt.SelectKind, "[2/7]")}
}

// A .json assessment stays JSON: resumed, and written new with --out.
func TestAssessKeepsJSON(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, filepath.Join(dir, "ada.json"), `{"format": "ladder/assessment/v1", "rubric": {"id": "tiny-backend", "version": "1"},
 "person": "Ada", "specialties": ["web"], "ratings": {"go": 2}}`)
	s := newSession(t, pt.Select("[2/7]", 1), pt.Interrupt(pt.ConfirmKind, "[3/7]"))
	if code := s.run("assess", "--rubric", tiny, "--resume", path); code != ExitInterrupted {
		t.Fatalf("exit %d; stderr:\n%s", code, s.err.String())
	}
	s.script.Done()
	if b := readFile(t, path); !json.Valid([]byte(b)) {
		t.Fatalf("%s is no longer JSON:\n%s", path, b)
	}
	a, _, err := store.Load(path, mustTiny(t))
	if err != nil || len(a.Ratings) != 2 {
		t.Fatalf("%v, ratings %v", err, a)
	}

	out := filepath.Join(dir, "new.JSON")
	s = newSession(t, answerOneThenStop()...)
	if code := s.run(append([]string{"assess", "--out", out}, tinyFlags...)...); code != ExitInterrupted {
		t.Fatalf("exit %d; stderr:\n%s", code, s.err.String())
	}
	if b := readFile(t, out); !json.Valid([]byte(b)) {
		t.Fatalf("--out %s is not JSON:\n%s", out, b)
	}
	if b := readFile(t, filepath.Join(dir, "new.JSON")); !strings.HasPrefix(b, "{\n  \"format\": \"ladder/assessment/v1\",") {
		t.Errorf("JSON file starts %q", b[:min(len(b), 40)])
	}
}

// One interactive session per file: a second is refused, exit 2, naming
// the file; a lock file left by a session that died does not block.
func TestAssessSecondSessionIsRefused(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, filepath.Join(dir, "ada.yaml"), "format: ladder/assessment/v1\nrubric: {id: tiny-backend, version: \"1\"}\nperson: Ada\nspecialties: [web]\nratings: {go: 2}\n")
	before := readFile(t, path)
	held, err := store.Resume(path)
	if err != nil {
		t.Fatal(err)
	}
	s := newSession(t)
	if code := s.run("assess", "--rubric", tiny, "--resume", path); code != ExitUsage {
		t.Fatalf("exit %d, want 2; stderr:\n%s", code, s.err.String())
	}
	if want := "ladder: " + path + ": is open in another ladder"; !strings.HasPrefix(s.err.String(), want) || strings.Count(s.err.String(), "\n") != 1 {
		t.Errorf("stderr %q, want one line starting %q", s.err.String(), want)
	}
	if readFile(t, path) != before {
		t.Error("the refused session changed the file")
	}
	held.Close()

	// A session that was killed leaves its lock file behind, unlocked.
	writeFile(t, filepath.Join(dir, ".ada.yaml.ladder-lock"), "99999999\n")
	s = newSession(t, pt.Interrupt(pt.SelectKind, "[2/7]"))
	if code := s.run("assess", "--rubric", tiny, "--resume", path); code != ExitInterrupted {
		t.Fatalf("after a killed session: exit %d; stderr:\n%s", code, s.err.String())
	}

	// The same for a new file named with --out.
	out := filepath.Join(dir, "new.yaml")
	held, err = store.StartNew(out)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	s = newSession(t)
	if code := s.run(append([]string{"assess", "--out", out}, tinyFlags...)...); code != ExitUsage || !strings.Contains(s.err.String(), out+": is open in another ladder") {
		t.Errorf("racing for a new --out file: exit %d, stderr %q", code, s.err.String())
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the refused session created the file")
	}
}

// A new assessment in the data folder never takes a name another session
// is about to create: it moves on by a second.
func TestAssessNewFileRace(t *testing.T) {
	s := newSession(t, answerOneThenStop()...)
	first := filepath.Join(s.data, "ladder", "assessments", "ada", "2026-11-24T100001Z-ada-self.yaml")
	held, err := store.StartNew(first)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if code := s.run(append([]string{"assess"}, tinyFlags...)...); code != ExitInterrupted {
		t.Fatalf("exit %d; stderr:\n%s", code, s.err.String())
	}
	if _, err := os.Stat(first); err == nil {
		t.Error("the new assessment took the name another session holds")
	}
	if !strings.Contains(s.err.String(), "2026-11-24T100002Z-ada-self.yaml") {
		t.Errorf("stderr %q, want the file a second later", s.err.String())
	}
}

// breakable is an assessment file in a folder that a test can make
// unwritable (the folder turns into a file: even root cannot write in it)
// and repair.
type breakable struct {
	t         *testing.T
	dir, path string
}

func newBreakable(t *testing.T) *breakable {
	dir := filepath.Join(t.TempDir(), "folder")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	return &breakable{t: t, dir: dir, path: filepath.Join(dir, "ada.yaml")}
}

func (b *breakable) breakIt() {
	if err := os.Rename(b.dir, b.dir+".away"); err != nil {
		b.t.Fatal(err)
	}
	writeFile(b.t, b.dir, "")
}

func (b *breakable) repair() {
	if err := os.Remove(b.dir); err != nil {
		b.t.Fatal(err)
	}
	if err := os.Rename(b.dir+".away", b.dir); err != nil {
		b.t.Fatal(err)
	}
}

func (b *breakable) ratings() map[string]string {
	b.t.Helper()
	a, _, err := store.Load(b.path, mustTiny(b.t))
	if err != nil {
		b.t.Fatal(err)
	}
	out := map[string]string{}
	for id, rt := range a.Ratings {
		out[id] = rt.String()
	}
	return out
}

// A save that fails keeps the answer and asks: trying again after the
// folder is repaired saves everything.
func TestAssessSaveFailureTryAgain(t *testing.T) {
	b := newBreakable(t)
	s := newSession(t,
		pt.Select("[1/7]", 2),
		pt.Select("[2/7]", 1),
		pt.Select("Could not save: not a directory. What now?", 0), // try again: still broken
		pt.Select("Could not save: not a directory. What now?", 0), // try again: repaired
		pt.Interrupt(pt.ConfirmKind, "[3/7]"),
	)
	s.withHooks(hook{"[2/7]", b.breakIt}, hook{"What now?", func() {}}, hook{"What now?", b.repair})
	if code := s.run(append([]string{"assess", "--out", b.path}, tinyFlags...)...); code != ExitInterrupted {
		t.Fatalf("exit %d; stderr:\n%s", code, s.err.String())
	}
	s.script.Done()
	if got := b.ratings(); got["go"] != "2" || got["tests"] != "1" {
		t.Errorf("file ratings %v, want go 2 and tests 1", got)
	}
	options := s.script.Calls[2].Options
	if len(options) != 3 || options[1].Label != "Go on answering" {
		t.Errorf("options %+v", options)
	}
}

// Going on answering keeps the answers in memory; the next save that
// works writes them all.
func TestAssessSaveFailureGoOn(t *testing.T) {
	b := newBreakable(t)
	s := newSession(t,
		pt.Select("[1/7]", 2),
		pt.Select("[2/7]", 1),
		pt.Select("What now?", 1), // go on
		pt.Confirm("[3/7]", true),
		pt.Interrupt(pt.SelectKind, "[4/7]"),
	)
	s.withHooks(hook{"[2/7]", b.breakIt}, hook{"[3/7]", b.repair})
	if code := s.run(append([]string{"assess", "--out", b.path}, tinyFlags...)...); code != ExitInterrupted {
		t.Fatalf("exit %d; stderr:\n%s", code, s.err.String())
	}
	s.script.Done()
	if got := b.ratings(); got["go"] != "2" || got["tests"] != "1" || got["on-call"] != "yes" {
		t.Errorf("file ratings %v, want all three answers", got)
	}
}

// Stopping shows the answers the file lacks, where the others are, and
// how to resume; exit 1.
func TestAssessSaveFailureStop(t *testing.T) {
	b := newBreakable(t)
	s := newSession(t,
		pt.Select("[1/7]", 2),
		pt.Select("[2/7]", 1),
		pt.Select("What now?", 1), // go on
		pt.Confirm("[3/7]", true),
		pt.Select("What now?", 2), // stop
	)
	s.withHooks(hook{"[2/7]", b.breakIt})
	code := s.run(append([]string{"assess", "--out", b.path}, tinyFlags...)...)
	s.script.Done()
	if code != ExitFailure {
		t.Fatalf("exit %d; stderr:\n%s", code, s.err.String())
	}
	want := "ladder: could not save " + b.path + ": not a directory\n" +
		"These 2 answers are not saved; keep them (they go under ratings: in the file):\n" +
		"  tests: 1\n" +
		"  on-call: yes\n" +
		"The earlier answers are saved in " + b.path + ".\n" +
		"Resume with: ladder assess --resume " + b.path + " --rubric " + tiny + "\n"
	if got := s.err.String(); got != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", got, want)
	}
	b.repair()
	if got := b.ratings(); len(got) != 1 || got["go"] != "2" {
		t.Errorf("file ratings %v, want the first answer", got)
	}
}

// A manager's "can't say" that could not be saved is listed like a
// rating, so that it is not lost.
func TestAssessSaveFailureStopKeepsCantSay(t *testing.T) {
	b := newBreakable(t)
	cantSay := 4 // after the four ratings of the tiny scale
	s := newSession(t,
		pt.Select("[1/7] How proficient is Ada in Go?", cantSay),
		pt.Select("[2/7] How well does Ada test their code?", cantSay),
		pt.Select("What now?", 1), // go on
		pt.Select("[3/7] Will Ada join the on-call rotation?", 2),
		pt.Select("What now?", 2), // stop
	)
	s.withHooks(hook{"[2/7]", b.breakIt})
	flags := []string{"--rubric", tiny, "--person", "Ada", "--role", "manager", "--rater", "Grace", "--current", "none", "--target", "none", "--specialty", "web"}
	code := s.run(append([]string{"assess", "--out", b.path}, flags...)...)
	s.script.Done()
	if code != ExitFailure {
		t.Fatalf("exit %d; stderr:\n%s", code, s.err.String())
	}
	for _, want := range []string{"These 2 answers are not saved", "\n  tests: can't say\n", "\n  on-call: can't say\n"} {
		if !strings.Contains(s.err.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, s.err.String())
		}
	}
}

// An assessment reached through a symbolic link is updated where it
// lives; the link stays.
func TestAssessThroughASymlink(t *testing.T) {
	dir := t.TempDir()
	real := writeFile(t, filepath.Join(dir, "real", "ada.yaml"), "format: ladder/assessment/v1\nrubric: {id: tiny-backend, version: \"1\"}\nperson: Ada\nspecialties: [web]\nratings: {go: 2}\n")
	link := filepath.Join(dir, "ada.yaml")
	if err := os.Symlink(real, link); err != nil {
		t.Skip(err)
	}
	s := newSession(t, pt.Select("[2/7]", 1), pt.Interrupt(pt.ConfirmKind, "[3/7]"))
	if code := s.run("assess", "--rubric", tiny, "--resume", link); code != ExitInterrupted {
		t.Fatalf("exit %d; stderr:\n%s", code, s.err.String())
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a file")
	}
	if !strings.Contains(readFile(t, real), "tests: 1") {
		t.Errorf("the link's target lacks the new answer:\n%s", readFile(t, real))
	}
}

// Not a regular file: refused with one line, exit 2, before any question.
func TestAssessRefusesWhatIsNotAFile(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "ada.yaml")
	if !mkfifo(fifo) {
		t.Skip("no fifos here")
	}
	s := newSession(t)
	if code := s.run("assess", "--rubric", tiny, "--resume", fifo); code != ExitUsage {
		t.Fatalf("exit %d; stderr:\n%s", code, s.err.String())
	}
	if want := "ladder: " + fifo + ": is a fifo, not a regular file; ladder does not write over it\n"; s.err.String() != want {
		t.Errorf("stderr %q, want %q", s.err.String(), want)
	}
}

// The temporary file of a save that was killed goes at the next session
// on that file, and at a new session in the same person's folder.
func TestAssessCleansUpAfterAKilledSave(t *testing.T) {
	s := newSession(t, answerOneThenStop()...)
	folder := filepath.Join(s.data, "ladder", "assessments", "ada")
	earlier := filepath.Join(folder, ".2026-01-01T000000Z-ada-self.yaml.ladder-tmp")
	writeFile(t, earlier, "half a file")
	if code := s.run(append([]string{"assess"}, tinyFlags...)...); code != ExitInterrupted {
		t.Fatalf("exit %d; stderr:\n%s", code, s.err.String())
	}
	entries, _ := os.ReadDir(folder)
	if len(entries) != 1 || strings.HasPrefix(entries[0].Name(), ".") {
		t.Errorf("folder holds %v, want only the new assessment", entries)
	}
	path := filepath.Join(folder, entries[0].Name())
	leftover := filepath.Join(folder, "."+entries[0].Name()+".ladder-tmp")
	writeFile(t, leftover, "half a file")
	s = newSession(t, pt.Interrupt(pt.SelectKind, "[2/7]"))
	if code := s.run("assess", "--rubric", tiny, "--resume", path); code != ExitInterrupted {
		t.Fatalf("exit %d; stderr:\n%s", code, s.err.String())
	}
	if _, err := os.Stat(leftover); err == nil {
		t.Error("the killed save's temporary file is still there")
	}
}

// A very long name gets a folder and file name every file system takes.
func TestAssessLongName(t *testing.T) {
	name := strings.Repeat("Ada Lovelace ", 19) + "Jr" // 249 characters
	s := newSession(t, answerOneThenStop()...)
	flags := append([]string{}, tinyFlags...)
	flags[3] = name
	if code := s.run(append([]string{"assess"}, flags...)...); code != ExitInterrupted {
		t.Fatalf("exit %d; stderr:\n%s", code, s.err.String())
	}
	people, _, err := store.Folder{Dir: filepath.Join(s.data, "ladder", "assessments")}.People()
	if err != nil || len(people) != 1 {
		t.Fatalf("people %v (%v)", people, err)
	}
	h, err := store.Folder{Dir: filepath.Join(s.data, "ladder", "assessments")}.History(people[0], mustTiny(t))
	if err != nil || len(h.Entries) != 1 || h.Person != name {
		t.Errorf("history of %s: %+v (%v)", people[0], h, err)
	}
}

// "Ada Okafor" and "Ada-Okafor" are one person, and one folder; ".." and
// "..." are two, and neither takes the other's folder.
func TestAssessFoldersFollowThePersonRule(t *testing.T) {
	data := t.TempDir()
	for _, name := range []string{"Ada Okafor", "Ada-Okafor", "..", "...", "Zo\u00eb", "Zoe\u0308"} {
		steps := answerOneThenStop()
		if name == "Ada-Okafor" || name == "Zoe\u0308" {
			// The same person as the one before, with an unfinished
			// assessment: start a new one all the same.
			steps = append([]pt.Step{pt.Select("unfinished self-assessment", 1)}, steps...)
		}
		s := newSession(t, steps...)
		s.data = data
		flags := append([]string{}, tinyFlags...)
		flags[3] = name
		if code := s.run(append([]string{"assess"}, flags...)...); code != ExitInterrupted {
			t.Fatalf("%s: exit %d; stderr:\n%s", name, code, s.err.String())
		}
	}
	people, _, err := store.Folder{Dir: filepath.Join(data, "ladder", "assessments")}.People()
	if err != nil || len(people) != 4 {
		t.Fatalf("folders %q (%v), want 4: ada-okafor, zoë and one for each of .. and ...", people, err)
	}
}
