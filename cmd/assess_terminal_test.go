//go:build linux || darwin || freebsd || netbsd || openbsd

package cmd_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/ptytest"
	"github.com/ladderhq/ladder/internal/store"
	"github.com/ladderhq/ladder/rubric"
)

// The terminal tests run the real ladder (this test binary, see TestMain)
// in a pseudo-terminal, on a small rubric, with the data folder in a
// temporary folder, and type into it as a person would.

const tinyRubric = "testdata/assess/rubric.yaml"

func ladderInTerminal(t *testing.T, data string, args ...string) *ptytest.Term {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Args[0] = "ladder" // as found on PATH: the commands it prints start with "ladder"
	cmd.Env = append(os.Environ(), "LADDER_TEST_MAIN=1", "TERM=xterm", "NO_COLOR=1",
		"XDG_DATA_HOME="+data, "HOME="+filepath.Join(data, "home"))
	return ptytest.Start(t, cmd)
}

func loadTiny(t *testing.T) *rubric.Rubric {
	t.Helper()
	b, err := os.ReadFile(tinyRubric)
	if err != nil {
		t.Fatal(err)
	}
	r, err := rubric.Parse(tinyRubric, b)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func ratings(a *assess.Assessment) map[string]string {
	out := map[string]string{}
	for id, rt := range a.Ratings {
		out[id] = rt.String()
		if rt.Note != "" {
			out[id] += " (" + rt.Note + ")"
		}
	}
	return out
}

func sameRatings(t *testing.T, a *assess.Assessment, want map[string]string) {
	t.Helper()
	got := ratings(a)
	if len(got) != len(want) {
		t.Errorf("ratings %v, want %v", got, want)
		return
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("ratings %v, want %v", got, want)
			return
		}
	}
}

// A whole assessment, every opening question asked, with evidence notes.
func TestAssessInTerminal(t *testing.T) {
	data := t.TempDir()
	term := ladderInTerminal(t, data, "assess", "--rubric", tinyRubric, "--evidence")

	term.Expect("Who is being assessed?")
	term.Type("Ada Lovelace\r")
	term.Expect("Who is giving the ratings?")
	term.Keys("\r") // self
	term.Expect("Current level:")
	term.Keys("\x1b[B\r") // Junior Engineer
	term.Expect("Target level:")
	term.Expect("> Senior Engineer") // one above the current level
	term.Keys("\r")
	term.Expect("Specialties to assess")
	term.Keys("data")
	term.Expect("Specialties to assess (none is fine): data")
	term.Keys(" ")
	term.Keys("web ")
	term.Keys("\r")
	term.Expect("Databases, Web")

	term.Expect("8 questions in 6 sections, saved after every answer to")
	dir := filepath.Join(data, "ladder", "assessments", "ada-lovelace")
	term.Expect(dir)
	term.Expect("it asks only the required and strong questions (5 questions).")

	term.Expect("── General requirements (2 questions)")
	// Databases asks this question in the same words: asked once, for
	// both.
	term.Expect("[1/8] How proficient are you in Go?")
	term.Expect("3  Teaches - Teach it to others.")
	term.Keys("?")
	term.Expect("Count code that shipped, not tutorials.")
	term.Expect("Section: General requirements. Source: Requirements/1, Databases/2.")
	term.Expect("One answer for: the levels, Databases.")
	term.Keys("3\r")
	term.Expect("Evidence (optional; Enter to skip):")
	term.Type("shipped the billing service\r")
	term.Expect("[2/8] How well do you test your code?")
	term.Keys("2\r")
	term.Expect("── Responsibilities (1 question)")
	term.Expect("[3/8] Will you join the on-call rotation?")
	term.Type("y\r")
	term.Expect("── Senior Engineer (1 question)")
	term.Expect("[4/8] How much do you mentor others?")
	term.Keys("1\r")
	term.Expect("── Nice-to-haves (1 question)")
	term.Expect("[5/8] Have you contributed to open source?")
	term.Type("n\r")
	term.Expect("── Databases (specialty) (2 questions)")
	term.Expect("[6/8] How well do you write SQL?")
	term.Keys("3\r")
	term.Expect("Evidence")
	term.Type("\r")
	term.Expect("[7/8] How well do you run services in production?")
	term.Keys("2\r")
	term.Expect("── Web (specialty) (1 question)")
	term.Expect("[8/8] How well do you know HTTP?")
	term.Keys("2\r")

	term.Expect("Done. All 8 questions answered.")
	term.Expect("mentor (rated 1, expects 2) · holds back Senior Engineer")
	term.Expect("How much do you mentor others?")
	// Where the assessment stands comes last, so that it stays on the
	// screen.
	term.Expect("Target: Senior Engineer — not-yet, 50%")
	term.Expect("Held back by a score of 50%, under the 80% that meets takes, with 1 Senior Engineer item rated")
	term.Expect("Fit level: Junior Engineer")
	term.Expect("Saved in " + dir)
	if code := term.Wait(); code != 0 {
		t.Fatalf("exit %d, want 0", code)
	}

	files, _, err := store.Folder{Dir: filepath.Join(data, "ladder", "assessments")}.Files("ada-lovelace")
	if err != nil || len(files) != 1 {
		t.Fatalf("stored files %v (%v), want one", files, err)
	}
	a, _, err := store.Load(files[0], loadTiny(t))
	if err != nil {
		t.Fatal(err)
	}
	if a.Person != "Ada Lovelace" || a.Rater != "Ada Lovelace" || a.Role != assess.Self ||
		a.CurrentLevel != "junior" || a.TargetLevel != "senior" || len(a.Specialties) != 2 {
		t.Errorf("opening answers in the file: %+v", a)
	}
	sameRatings(t, a, map[string]string{
		"go": "3 (shipped the billing service)", "tests": "2", "on-call": "yes", "mentor": "1", "oss": "no",
		"db-sql": "3", "db-go": "3 (shipped the billing service)", "shared-ops": "2", "web-http": "2",
	})
	if st, err := os.Stat(files[0]); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v (%v), want 0600", st.Mode().Perm(), err)
	}
}

// Ctrl-C mid-way saves every answer so far and prints the command that
// resumes; resuming continues at the first unanswered question, and going
// back offers the earlier answer.
func TestAssessInterruptAndResume(t *testing.T) {
	data := t.TempDir()
	out := filepath.Join(t.TempDir(), "bo.yaml")
	term := ladderInTerminal(t, data, "assess", "--rubric", tinyRubric,
		"--person", "Bo", "--role", "peer", "--rater", "Cy", "--current", "none", "--target", "none", "--specialty", "web", "--out", out)

	term.Expect("7 questions in 5 sections")
	term.Expect(`The questions are about Bo. Where you have not seen enough of their work to judge, answer "can't say".`)
	term.Expect("[1/7] How proficient is Bo in Go?")
	term.Keys("2\r")
	term.Expect("[2/7] How well does Bo test their code?")
	term.Keys("1\r")
	term.Expect("[3/7] Will Bo join the on-call rotation?")
	term.Keys("y")
	term.Expect("> yes")
	term.Keys("\r")
	term.Expect("[4/7] How much does Bo mentor others?")
	term.Keys("\x03")
	term.Expect("ladder: interrupted: 3 of 7 questions answered and saved in " + out)
	term.Expect("Resume with: ladder assess --resume " + out + " --rubric " + tinyRubric)
	if code := term.Wait(); code != 130 {
		t.Fatalf("exit %d, want 130", code)
	}
	r := loadTiny(t)
	a, _, err := store.Load(out, r)
	if err != nil {
		t.Fatal(err)
	}
	sameRatings(t, a, map[string]string{"go": "2", "tests": "1", "on-call": "yes"})

	term = ladderInTerminal(t, data, "assess", "--resume", out, "--rubric", tinyRubric)
	term.Expect("3 already answered; going on with question 4.")
	term.Expect("── Senior Engineer")
	term.Expect("[4/7] How much does Bo mentor others?")
	term.Keys("\x1b[A\r") // up from the first rating: the way back
	term.Expect("[3/7] Will Bo join the on-call rotation?")
	term.Expect("> yes")
	term.Keys("\r") // keeps yes
	term.Expect("[4/7] How much does Bo mentor others?")
	term.Keys("3\r")
	term.Expect("[5/7] Has Bo contributed to open source?")
	term.Keys("y\r")
	term.Expect("[6/7] How well does Bo run services in production?")
	term.Keys("2\r")
	term.Expect("[7/7] How well does Bo know HTTP?")
	term.Keys("2\r")
	term.Expect("Done. All 7 questions answered.")
	term.Expect("Bo  rated by Cy (peer)")
	term.Expect("Saved in " + out)
	if code := term.Wait(); code != 0 {
		t.Fatalf("exit %d, want 0", code)
	}
	a, _, err = store.Load(out, r)
	if err != nil {
		t.Fatal(err)
	}
	sameRatings(t, a, map[string]string{"go": "2", "tests": "1", "on-call": "yes", "mentor": "3", "oss": "yes",
		"shared-ops": "2", "web-http": "2"})
	if a.Person != "Bo" || a.Rater != "Cy" || a.Role != assess.Peer || a.TargetLevel != "" {
		t.Errorf("opening answers in the file: %+v", a)
	}
}

// A manager who cannot judge some of the person's work answers "can't
// say" to a rating and to a yes/no question, stops, and resumes: the can't
// say answers are kept in the file, not asked again, offered as the
// earlier answer on going back, and counted apart in the result.
func TestAssessManagerCantSayAndResume(t *testing.T) {
	data := t.TempDir()
	out := filepath.Join(t.TempDir(), "ada.yaml")
	term := ladderInTerminal(t, data, "assess", "--rubric", tinyRubric, "--person", "Ada", "--role", "manager",
		"--rater", "Grace", "--current", "junior", "--target", "senior", "--specialty", "db", "--out", out)

	term.Expect("Ada  rated by Grace (manager) against Tiny Backend Ladder")
	term.Expect(`The questions are about Ada. Where you have not seen enough of their work to judge, answer "can't say".`)
	term.Expect("[1/7] How proficient is Ada in Go?")
	term.Expect("2  Alone - Do it on their own.")
	term.Expect("-  can't say - you have not seen enough of Ada's work to judge this")
	term.Keys("\x1b[A\r") // up from the first rating: can't say, the last choice
	term.Expect("[2/7] How well does Ada test their code?")
	term.Keys("2\r")
	term.Expect("[3/7] Will Ada join the on-call rotation?")
	term.Expect("> no") // a confirmation's default
	term.Keys("can")
	term.Expect("> -  can't say")
	term.Keys("\r")
	term.Expect("[4/7] How much does Ada mentor others?")
	term.Keys("\x03")
	term.Expect("ladder: interrupted: 3 of 7 questions answered and saved in " + out)
	if code := term.Wait(); code != 130 {
		t.Fatalf("exit %d, want 130", code)
	}
	r := loadTiny(t)
	a, _, err := store.Load(out, r)
	if err != nil {
		t.Fatal(err)
	}
	sameRatings(t, a, map[string]string{"tests": "2"})
	if want := map[string]string{"go": "", "db-go": "", "on-call": ""}; !reflect.DeepEqual(a.CantSay, want) {
		t.Errorf("can't say in the file: %v, want %v", a.CantSay, want)
	}
	if b, _ := os.ReadFile(out); !strings.Contains(string(b), "  go: can't say\n") || !strings.Contains(string(b), "  on-call: can't say\n") {
		t.Errorf("the file does not say can't say:\n%s", b)
	}

	term = ladderInTerminal(t, data, "assess", "--resume", out, "--rubric", tinyRubric)
	term.Expect("3 already answered; going on with question 4.")
	term.Expect("[4/7] How much does Ada mentor others?")
	term.Keys("\x1b[A\r") // the way back
	term.Expect("[3/7] Will Ada join the on-call rotation?")
	term.Expect("> -  can't say")
	term.Keys("\r") // keeps it
	term.Expect("[4/7] How much does Ada mentor others?")
	term.Keys("1\r")
	term.Expect("[5/7] Has Ada contributed to open source?")
	term.Keys("n")
	term.Expect("> no")
	term.Keys("\r")
	term.Expect("[6/7] How well does Ada write SQL?")
	term.Keys("3\r")
	term.Expect("[7/7] How well does Ada run services in production?")
	term.Keys("2\r")
	term.Expect(`Done. All 7 questions answered, 2 of them "can't say".`)
	term.Expect("Ada  rated by Grace (manager)")
	term.Expect("Can't say: 3 criteria the rater could not judge, scored as unanswered.")
	term.Expect("Saved in " + out)
	if code := term.Wait(); code != 0 {
		t.Fatalf("exit %d, want 0", code)
	}
	a, _, err = store.Load(out, r)
	if err != nil {
		t.Fatal(err)
	}
	sameRatings(t, a, map[string]string{"tests": "2", "mentor": "1", "oss": "no", "db-sql": "3", "shared-ops": "2"})
	if len(a.CantSay) != 3 {
		t.Errorf("can't say after resuming: %v", a.CantSay)
	}
}

// An assessment that asks only what the answers leave open, in a real
// terminal: an alternative already met is not asked, a met rung settles the
// one below it (recorded as implied), the yes/no nice-to-haves are one
// checklist, a question two specialties share is asked once, and the count
// of questions shrinks as answers settle others.
func TestAssessAsksOnlyWhatIsOpenInTerminal(t *testing.T) {
	const rungs = "../assess/testdata/rungs.yaml"
	out := filepath.Join(t.TempDir(), "ada.yaml")
	term := ladderInTerminal(t, t.TempDir(), "assess", "--rubric", rungs, "--person", "Ada", "--role", "self",
		"--current", "junior", "--target", "senior", "--specialty", "db,web", "--out", out)

	term.Expect("12 to 15 questions in 6 sections, saved after every answer to")
	term.Expect("── General requirements (2 to 4 questions)")
	// Rails at Developing meets "knowledge of Ruby", which asks the same
	// question: the desire to learn it is not asked.
	term.Expect("[1/15] How strong is your Rails?")
	term.Keys("2\r")
	term.Expect("[2/14] How strong is your specialty's language?")
	term.Keys("3\r")
	term.Expect("[3/14] How well do you communicate?")
	term.Keys("3\r")
	// The Senior rung first; met, it settles the Junior one.
	term.Expect("── Responsibilities (2 to 3 questions)")
	term.Expect("[4/14] Ship mid?")
	term.Keys("?")
	term.Expect("Section: Responsibilities. Applies from Senior up.")
	term.Keys("3\r")
	term.Expect("[5/13] Tier 2 on-call?")
	term.Type("y\r")
	term.Expect("[6/13] Mentor?")
	term.Keys("1\r")
	term.Expect("── Nice-to-haves (2 questions)")
	term.Expect("[7/13] Which of these are true for you? Check each one:")
	term.Expect("[ ]  Remote team?")
	term.Keys("\x1b[B")
	term.Keys(" ")
	term.Expect("[x]  Startup?")
	term.Keys("\r")
	term.Expect("[8/13] How much open source?")
	term.Keys("0\r")
	term.Expect("── Databases (specialty) (3 questions)")
	term.Expect("[9/13] How strong is your Go?")
	term.Keys("4\r")
	term.Expect("[10/13] How strong is your Ruby?")
	term.Keys("2\r")
	term.Expect("[11/13] SQL?")
	term.Keys("3\r")
	term.Expect("── Web (specialty) (2 questions)")
	term.Expect("[12/13] HTTP?")
	term.Keys("2\r")
	term.Expect("[13/13] Run services?")
	term.Keys("3\r")
	term.Expect("Done. All 13 questions answered; they settled 2 more without asking.")
	term.Expect("Saved in " + out)
	if code := term.Wait(); code != 0 {
		t.Fatalf("exit %d, want 0", code)
	}

	b, err := os.ReadFile(rungs)
	if err != nil {
		t.Fatal(err)
	}
	r, err := rubric.Parse(rungs, b)
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := store.Load(out, r)
	if err != nil {
		t.Fatal(err)
	}
	sameRatings(t, a, map[string]string{
		"rails": "2", "ruby-knowledge": "2", "other-lang": "3", "comms": "3", "ship-mid": "3", "ship-small": "3",
		"on-call": "yes", "mentor": "1", "remote": "no", "startup": "yes", "oss": "0",
		"db-go": "4", "web-go": "4", "db-ruby": "2", "web-ruby": "2", "db-sql": "3", "web-http": "2", "shared-ops": "3",
	})
	if by := a.Ratings["ship-small"].Implied; by != "ship-mid" {
		t.Errorf("ship-small is implied by %q, want ship-mid", by)
	}
}

// Ctrl-C at the first question of a new assessment leaves nothing behind:
// no file, no person's folder, no lock; exit 130.
func TestAssessInterruptedBeforeTheFirstAnswer(t *testing.T) {
	data := t.TempDir()
	term := ladderInTerminal(t, data, "assess", "--rubric", tinyRubric,
		"--person", "Ada Lovelace", "--role", "self", "--current", "junior", "--target", "senior", "--specialty", "web")
	term.Expect("saved after every answer to")
	term.Expect("[1/")
	term.Keys("\x03")
	term.Expect("ladder: interrupted before the first answer; nothing was saved")
	if code := term.Wait(); code != 130 {
		t.Fatalf("exit %d, want 130", code)
	}
	if entries, err := os.ReadDir(filepath.Join(data, "ladder", "assessments")); err == nil && len(entries) > 0 {
		t.Errorf("the data folder holds %v, want nothing", entries)
	}
}

// Starting an assessment for a person who has one unfinished, by the same
// rater, offers to resume it: resuming goes on at its first open
// question with its answers; a new one leaves it as it is.
func TestAssessOffersToResumeAnUnfinishedAssessment(t *testing.T) {
	data := t.TempDir()
	flags := []string{"assess", "--rubric", tinyRubric, "--person", "Ada Lovelace", "--role", "self"}
	term := ladderInTerminal(t, data, append(flags, "--current", "junior", "--target", "senior", "--specialty", "web")...)
	term.Expect("[1/")
	term.Keys("3\r")
	term.Expect("[2/")
	term.Keys("\x03")
	term.Expect("ladder: interrupted: 1 of ")
	if code := term.Wait(); code != 130 {
		t.Fatalf("exit %d, want 130", code)
	}
	dir := filepath.Join(data, "ladder", "assessments", "ada-lovelace")
	files, err := os.ReadDir(dir)
	if err != nil || len(files) != 1 {
		t.Fatalf("%v (%v), want one file", files, err)
	}
	first := filepath.Join(dir, files[0].Name())

	// No levels or specialties given: the offer comes before they are
	// asked, since the file answers them.
	term = ladderInTerminal(t, data, flags...)
	term.Expect("You have an unfinished self-assessment from ")
	term.Expect("(1 of 7 questions answered). Resume it?")
	term.Expect("> Resume it")
	term.Keys("\r")
	term.Expect("1 already answered; going on with question 2.")
	term.Expect("[2/7] How well do you test your code?")
	term.Keys("2\r")
	term.Expect("[3/7] Will you join the on-call rotation?")
	term.Type("y\r")
	term.Expect("[4/7]")
	term.Keys("\x03")
	term.Expect("ladder: interrupted: 3 of 7 questions answered and saved in " + first)
	if code := term.Wait(); code != 130 {
		t.Fatalf("exit %d, want 130", code)
	}

	// A new one instead: the unfinished one stays as it is.
	term = ladderInTerminal(t, data, append(flags, "--current", "junior", "--target", "senior", "--specialty", "web")...)
	term.Expect("Resume it?")
	term.Keys("\x1b[B\r") // Start a new assessment
	term.Expect("[1/")
	term.Keys("2\r")
	term.Expect("[2/")
	term.Keys("\x03")
	term.Expect("ladder: interrupted: 1 of ")
	if code := term.Wait(); code != 130 {
		t.Fatalf("exit %d, want 130", code)
	}
	if files, _ := os.ReadDir(dir); len(files) != 2 {
		t.Errorf("%d files, want the unfinished one and the new one", len(files))
	}
	a, _, err := store.Load(first, loadTiny(t))
	if err != nil {
		t.Fatal(err)
	}
	sameRatings(t, a, map[string]string{"go": "3", "tests": "2", "on-call": "yes"})
}
