package cmd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/interview"
	"github.com/ladderhq/ladder/internal/prompt"
	"github.com/ladderhq/ladder/internal/store"
	"github.com/ladderhq/ladder/internal/termtext"
	"github.com/ladderhq/ladder/report"
	"github.com/ladderhq/ladder/rubric"
	"github.com/spf13/cobra"
)

type assessOptions struct {
	*globals
	person, rater, role string
	current, target     string
	specialties         []string
	out, resume         string
	quick, evidence     bool

	// given records which opening flags were set, so that their questions
	// are skipped even when the value is empty ("--target none").
	given map[string]bool
	// done is the completed session, for the result that ends it.
	done *assessed
}

// assessed is a completed session: what the result shows.
type assessed struct {
	r    *rubric.Rubric
	a    *assess.Assessment
	q    *assess.Questionnaire
	path string
}

func newAssessCmd(g *globals) *cobra.Command {
	opts := &assessOptions{globals: g}
	c := &cobra.Command{
		Use:   "assess",
		Short: "Assess a person interactively, one question per criterion",
		Long: `Ask who is assessed and by whom, the current and target level and the
specialties, then one question per criterion, section by section: the
general requirements and responsibilities, what each level adds up to the
target (every level without a target), the nice-to-haves, then each chosen
specialty. Each rating is chosen on the rubric's scale; '?' shows a
question's guidance and where it comes from. The rating a level expects is
never shown while you answer: it appears only in the result.

A question is asked once, however many criteria it rates: a question that
several chosen specialties share, or a level and a specialty. A line of
rungs ("ship small / moderately sized / large features") is asked highest
rung first; an answer that meets it settles the rungs below, which are
recorded as implied and not asked. Alternatives of a requirement already
met ("Ruby, or a desire to learn it") are not asked either. Yes/no
nice-to-haves are one checklist.

A manager or peer (--role manager or peer) is asked about the person
("How well does Ada ...?"), and may answer "can't say" where they have not
seen enough to judge: it is kept in the file, not asked again, scored like
an unanswered criterion, listed apart, and left out of ladder calibrate's
statistics. A self-assessment does not offer it.

The file is saved after every answer, in the data folder
($XDG_DATA_HOME/ladder/assessments/PERSON/, by default
~/.local/share/ladder/assessments/PERSON/) unless --out names it; a .json
file is written as JSON, any other as YAML. Ctrl-C stops, saves and prints
the command that resumes where you stopped. A file is open in one session
at a time: a second session on it is refused. If a save fails (a full
disk), no answer is lost: try again, go on answering, or stop and get the
unsaved answers and the command that resumes.

Each opening flag skips its question. ladder assess needs a terminal; to
score an assessment file without one, use ladder score.`,
		Example: `  ladder assess
  ladder assess --person "Ada Lovelace" --target senior --specialty gitaly,database
  ladder assess --quick --evidence
  ladder assess --resume ~/.local/share/ladder/assessments/ada-lovelace/2026-11-24T100000Z-ada-lovelace-self.yaml`,
		Args: exactArgs(0, "no arguments"),
	}
	f := c.Flags()
	f.StringVar(&opts.person, "person", "", "who is assessed (their `name`)")
	f.StringVar(&opts.rater, "rater", "", "who gives the ratings (their `name`; the person, for a self-assessment)")
	f.StringVar(&opts.role, "role", "", "the rater's `role`: self, manager or peer")
	f.StringVar(&opts.current, "current", "", "the person's current `level` (id, or none)")
	f.StringVar(&opts.target, "target", "", "the target `level` (id, or none): levels up to it are asked")
	f.StringSliceVar(&opts.specialties, "specialty", nil, "a specialty `id` to assess (repeatable, or comma-separated)")
	f.StringVar(&opts.out, "out", "", "write the assessment to this `file` (in a folder that exists) instead of the data folder")
	f.StringVar(&opts.resume, "resume", "", "continue the assessment in this `file` at its first unanswered question")
	f.BoolVar(&opts.quick, "quick", false, "ask only the required and strong criteria")
	f.BoolVar(&opts.evidence, "evidence", false, "after a rating of 3 or more, ask for an optional line of evidence")

	levels := g.completeFrom(func(r *rubric.Rubric) []string {
		return append([]string{cobra.CompletionWithDesc("none", "no level")}, levelIDs(r)...)
	})
	g.completeFlag(c, "current", levels)
	g.completeFlag(c, "target", levels)
	g.completeFlag(c, "specialty", g.completeFrom(specialtyIDs))
	g.completeFlag(c, "role", completeRoles)
	// The result is a table for the person at the terminal; ladder score
	// gives it as data. The questions, and what is said between them, go
	// to the terminal as they come (live).
	return output(g, c, func(c *cobra.Command, _ []string, _ string) (*assessed, error) {
		opts.given = map[string]bool{}
		for _, name := range []string{"person", "rater", "role", "current", "target", "specialty"} {
			opts.given[name] = c.Flags().Changed(name)
		}
		err := assessRun(opts)
		return opts.done, err
	},
		writeAs(formatTable, opts.finish),
	)
}

func assessRun(opts *assessOptions) error {
	env := opts.env
	r, err := opts.rubric()
	if err != nil {
		return err
	}
	// The file is held for the whole session, from before it is read:
	// a second session on it is refused, and no one changes it meanwhile.
	sess, err := opts.open()
	if err != nil {
		return err
	}
	sv := &saver{opts: opts, r: r, sess: sess}
	defer sv.close()
	a, known, err := opts.start(r)
	if err != nil {
		return err
	}
	var folder store.Folder
	if sess == nil {
		if folder, err = env.AssessmentStore(); err != nil {
			return err
		}
	}

	stdio := env.IO
	if !stdio.InTTY || !stdio.OutTTY || (env.NewPrompter == nil && (stdio.InFile == nil || stdio.OutFile == nil)) {
		return usageErrorf("ladder assess asks its questions in a terminal, and stdin or stdout is not one; to score an assessment file, use '%s score FILE'", opts.program())
	}
	style := opts.style()
	var p prompt.Prompter
	if env.NewPrompter != nil {
		p = env.NewPrompter(stdio, style.Color)
	} else {
		s := prompt.NewSurvey(stdio.InFile, stdio.OutFile, stdio.Err, style.Color)
		defer s.Close()
		p = s
	}

	sv.a, sv.p, sv.folder = a, p, folder
	if sess != nil {
		sv.keep()
		sv.exists = opts.resume != ""
	}
	iv := &interview.Interview{Rubric: r, Prompter: p, Out: live{opts.globals.out}, Style: style, Save: sv.answered, Evidence: opts.evidence, Quick: opts.quick}
	interrupted := func(err error) error {
		if errors.Is(err, prompt.ErrInterrupted) {
			return &InterruptedError{Message: "interrupted before the first question; nothing was saved"}
		}
		return err
	}
	if err := iv.OpeningWho(a, known); err != nil {
		return interrupted(err)
	}
	// A new assessment in the data folder: the person may have one
	// unfinished by the same rater, to resume instead.
	if sess == nil {
		resumed, err := opts.offerResume(r, p, folder, a)
		if err != nil {
			return interrupted(err)
		}
		if resumed != nil {
			sess, a, known = resumed.sess, resumed.a, resumed.known
			sv.sess, sv.a = sess, a
			sv.keep()
			sv.exists = true
		}
	}
	if err := iv.OpeningScope(a, known); err != nil {
		return interrupted(err)
	}
	// A resumed file is saved with the choices made now; a new one is
	// written at its first answer, so that stopping before it leaves no
	// file behind.
	if sv.exists {
		if err := sv.answered(); err != nil {
			return err
		}
	}
	var path string
	if sv.sess != nil {
		path = sv.sess.Path()
	} else {
		path = folder.FreePath(a)
	}

	q := assess.NewQuestionnaire(r, assess.QuestionnaireOptions{Target: a.TargetLevel, Specialties: a.Specialties, Quick: opts.quick})
	// A resumed file may hold answers that settle others not recorded yet
	// (written by hand, or by a session with other choices).
	if _, changed := q.Settle(a); changed && sv.exists {
		if err := sv.save(); err != nil {
			return sv.unsaved(err)
		}
	}
	opts.intro(a, q, path, style)
	switch err = iv.Ask(a, q); {
	case errors.Is(err, prompt.ErrInterrupted) && !sv.exists && !sv.pending():
		return &InterruptedError{Message: "interrupted before the first answer; nothing was saved"}
	case errors.Is(err, prompt.ErrInterrupted):
		// Every answer is on disk already, unless a save failed and the
		// person went on; this save records when the session stopped.
		if err := sv.save(); err != nil {
			return sv.unsaved(err)
		}
		path = sv.sess.Path()
		answered, open := q.Progress(a)
		return &InterruptedError{Message: fmt.Sprintf("interrupted: %d of %d questions answered and saved in %s\nResume with: %s",
			answered, answered+open, path, opts.resumeCommand(path))}
	case errors.As(err, new(*unsavedError)):
		return err
	case err != nil && !sv.exists && !sv.pending():
		return err
	case err != nil:
		if serr := sv.save(); serr != nil {
			return errors.Join(err, sv.unsaved(serr))
		}
		return fmt.Errorf("%w (the answers so far are saved in %s)", err, sv.sess.Path())
	}
	// The last answers, if a save failed and the person went on; or the
	// file itself, when there was nothing to ask.
	if sv.pending() || !sv.exists {
		sv.last = true
		if err := sv.answered(); err != nil {
			return err
		}
	}
	opts.done = &assessed{r: r, a: a, q: q, path: sv.sess.Path()}
	return nil
}

// resumable is an unfinished assessment ladder assess offers to resume,
// opened for the session.
type resumable struct {
	sess  *store.Session
	a     *assess.Assessment
	known interview.Known
}

// offerResume looks in the data folder for the latest unfinished
// assessment of a's person by the same rater in the same role, and offers
// to resume it instead of starting anew; nil when there is none or the
// person starts a new one.
func (opts *assessOptions) offerResume(r *rubric.Rubric, p prompt.Prompter, folder store.Folder, a *assess.Assessment) (*resumable, error) {
	dir, ok := folder.Lookup(a.Person)
	if !ok {
		return nil, nil
	}
	h, err := folder.History(dir, r)
	if err != nil {
		return nil, nil // an unreadable folder is the new file's save to report
	}
	var found *assess.HistoryEntry
	for i := len(h.Entries) - 1; i >= 0; i-- {
		e := &h.Entries[i]
		b := e.Result.Assessment
		if e.Completion.Finished() || b.Role != a.Role ||
			assess.PersonKey(b.Person) != assess.PersonKey(a.Person) || assess.PersonKey(b.Rater) != assess.PersonKey(a.Rater) {
			continue
		}
		found = e
		break
	}
	if found == nil {
		return nil, nil
	}
	b, c := found.Result.Assessment, found.Completion
	message := fmt.Sprintf("You have an unfinished assessment of %s from %s (%d of %d questions answered). Resume it?",
		oneLine(a.Person), b.Updated.UTC().Format("2006-01-02"), c.Answered, c.Answered+c.Open)
	if !a.RatesSomeoneElse() {
		message = fmt.Sprintf("You have an unfinished self-assessment from %s (%d of %d questions answered). Resume it?",
			b.Updated.UTC().Format("2006-01-02"), c.Answered, c.Answered+c.Open)
	}
	choice, err := p.Select(message, "Resuming goes on where it stopped, with its answers; a new assessment starts from the first question and leaves that one as it is.",
		[]prompt.Option{
			{Label: "Resume it", Description: found.File},
			{Label: "Start a new assessment"},
		}, 0)
	if err != nil || choice != 0 {
		return nil, err
	}
	sess, err := store.Resume(found.File)
	if err != nil {
		return nil, fileError(err)
	}
	opts.resume = found.File
	resumed, known, err := opts.start(r)
	if err != nil {
		sess.Close()
		return nil, err
	}
	return &resumable{sess: sess, a: resumed, known: known}, nil
}

// oneLine folds a name onto one line for a question.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// open holds the file the session works on, when there is one yet:
// --resume's, or --out's, which must not exist (unless it is --resume's).
// A new assessment in the data folder gets its file on the first save.
func (opts *assessOptions) open() (*store.Session, error) {
	var (
		sess *store.Session
		err  error
	)
	switch {
	case opts.out != "" && !samePath(opts.out, opts.resume):
		if err := checkOutFolder(opts.out); err != nil {
			return nil, err
		}
		sess, err = store.StartNew(opts.out)
		var pathErr *fs.PathError
		switch {
		case errors.Is(err, fs.ErrExist):
			return nil, usageErrorf("--out %s: the file exists already (continue it with --resume %s, or choose another file)", opts.out, opts.out)
		case errors.As(err, &pathErr):
			return nil, fmt.Errorf("cannot write %s: %s", opts.out, saveCause(err))
		}
	case opts.resume != "":
		sess, err = store.Resume(opts.resume)
	default:
		return nil, nil
	}
	return sess, fileError(err)
}

// start makes the assessment to work on, from --resume or from scratch,
// with the opening flags applied; known says which opening questions they
// answer.
func (opts *assessOptions) start(r *rubric.Rubric) (*assess.Assessment, interview.Known, error) {
	var (
		a     *assess.Assessment
		known interview.Known
	)
	if opts.resume != "" {
		loaded, warnings, err := store.Load(opts.resume, r)
		if err != nil {
			return nil, known, err
		}
		for _, w := range warnings {
			opts.warn(w.String())
		}
		for flag, pair := range map[string][2]string{
			"person": {opts.person, loaded.Person},
			"rater":  {opts.rater, loaded.Rater},
			"role":   {opts.role, string(loaded.Role)},
		} {
			if opts.given[flag] && pair[0] != pair[1] {
				return nil, known, usageErrorf("--%s %q: %s is rated by %s (%s) about %s; start a new assessment instead",
					flag, pair[0], opts.resume, loaded.Rater, loaded.Role, loaded.Person)
			}
		}
		// A resumed file answers every opening question already.
		a, known = loaded, interview.Known{Person: true, Rater: true, Role: true, Current: true, Target: true, Specialties: true}
	} else {
		a = assess.New(r, "", opts.env.Now().UTC().Truncate(time.Second))
		a.Rater = ""
	}

	if opts.given["person"] {
		if strings.TrimSpace(opts.person) == "" {
			return nil, known, usageErrorf("--person needs a name")
		}
		a.Person, known.Person = strings.TrimSpace(opts.person), true
	}
	if opts.given["rater"] {
		if strings.TrimSpace(opts.rater) == "" {
			return nil, known, usageErrorf("--rater needs a name")
		}
		a.Rater, known.Rater = strings.TrimSpace(opts.rater), true
	}
	if opts.given["role"] {
		role, err := parseRole("role", opts.role)
		if err != nil {
			return nil, known, err
		}
		a.Role, known.Role = role, true
		if role == assess.Self && !known.Rater && known.Person {
			a.Rater, known.Rater = a.Person, true
		}
	}
	for _, lv := range []struct {
		flag  string
		value string
		field *string
		known *bool
	}{
		{"current", opts.current, &a.CurrentLevel, &known.Current},
		{"target", opts.target, &a.TargetLevel, &known.Target},
	} {
		if !opts.given[lv.flag] {
			continue
		}
		id := strings.TrimSpace(lv.value)
		if id == "none" {
			id = ""
		}
		if id != "" && r.Level(id) == nil {
			return nil, known, usageErrorf("--%s %q: unknown level (levels: %s, or none)", lv.flag, lv.value, levelList(r))
		}
		*lv.field, *lv.known = id, true
	}
	if opts.given["specialty"] {
		a.Specialties = nil
		for _, id := range opts.specialties {
			id = strings.TrimSpace(id)
			if r.Specialty(id) == nil {
				return nil, known, usageErrorf("--specialty %q: unknown specialty (see '%s rubric list')", id, opts.program())
			}
			if !a.HasSpecialty(id) {
				a.Specialties = append(a.Specialties, id)
			}
		}
		known.Specialties = true
	}
	return a, known, nil
}

// intro says what is about to happen, where the answers go, and which keys
// do what.
func (opts *assessOptions) intro(a *assess.Assessment, q *assess.Questionnaire, path string, style report.Style) {
	w := live{opts.globals.out}
	r := opts.loaded
	done, _ := q.Progress(a)
	least, most := q.Open(a)
	report.Printf(w, style, "")
	report.Printf(w, style, "%s  %s against %s\n", style.Bold(a.Person), report.RaterLine(&assess.Assessment{Person: a.Person, Rater: a.Rater, Role: a.Role}), r.Title)
	mode := ""
	if opts.quick {
		mode = " (quick: required and strong criteria only)"
	}
	report.Printf(w, style, "%s in %d %s%s, saved after every answer to\n  %s\n",
		questionCount(done+least, done+most), len(q.Sections), pluralWord(len(q.Sections), "section", "sections"), mode, path)
	if next := q.Next(a, 0); done > 0 && next >= 0 {
		k, _ := q.Position(a, next)
		report.Printf(w, style, "%d already answered; going on with question %d.\n", done, k)
	}
	if !opts.quick && done == 0 {
		quick := assess.NewQuestionnaire(r, assess.QuestionnaireOptions{Target: a.TargetLevel, Specialties: a.Specialties, Quick: true})
		if ql, qm := quick.Open(a); qm < most {
			report.Printf(w, style, "Short of time? Ctrl-C, then resume with --quick: it asks only the required and strong questions (%s).\n", questionCount(ql, qm))
		}
	}
	if most > 0 && a.RatesSomeoneElse() {
		report.Printf(w, style, "The questions are about %s. Where you have not seen enough of their work to judge, answer %q.\n", a.Person, assess.CantSayText)
	}
	if most > 0 {
		report.Printf(w, style, "%s", style.Dim("Arrows and Enter answer (a digit picks that rating); ? shows help; Ctrl-C stops and saves."))
	}
}

// questionCount is "12 questions", or "9 to 12 questions" when answers may
// settle some of them before they are asked.
func questionCount(least, most int) string {
	if least < most {
		return fmt.Sprintf("%d to %d questions", least, most)
	}
	return fmt.Sprintf("%d %s", most, pluralWord(most, "question", "questions"))
}

// finish writes the result of a completed assessment.
func (opts *assessOptions) finish(w io.Writer, style report.Style, done *assessed) error {
	r, a, q, path := done.r, done.a, done.q, done.path
	var err error
	p := func(style report.Style, format string, args ...any) {
		if err == nil {
			err = report.Printf(w, style, format, args...)
		}
	}
	p(style, "")
	answered, _ := q.Progress(a)
	settled := 0
	for _, st := range q.States(a) {
		if st == assess.Settled {
			settled++
		}
	}
	unsure, n := "", 0
	for _, st := range q.Steps {
		for _, qu := range st.Questions {
			if a.SaysCantSay(qu.Criterion.ID) {
				n++
			}
		}
	}
	if n > 0 {
		unsure = fmt.Sprintf(", %d of them %q", n, assess.CantSayText)
	}
	switch {
	case len(q.Steps) == 0:
		p(style, "There is nothing to ask with these choices.")
	case settled > 0:
		p(style, "%s All %d %s answered%s; they settled %d more without asking.\n", style.Bold("Done."),
			answered, pluralWord(answered, "question", "questions"), unsure, settled)
	default:
		p(style, "%s All %d %s answered%s.\n", style.Bold("Done."), answered, pluralWord(answered, "question", "questions"), unsure)
	}
	// The result ends with where the assessment stands: at the end of a
	// session, the end is what stays on the screen.
	if err == nil {
		more, count := askMore(r, a, opts.resumeCommand(path), opts.quick)
		err = report.RenderScore(w, r, assess.Score(r, a), style, report.ScoreOptions{Gaps: report.DefaultScoreGaps,
			VerdictLast: true, AskMore: more, AskMoreCount: count})
	}
	p(style, "")
	// A path or a command to copy stays whole on its line, however wide.
	whole := style
	whole.Width = 0
	p(whole, "Saved in %s", path)
	if opts.quick {
		p(whole, "Quick mode skipped the desirable and nice-to-have questions; %s asks them.", opts.resumeCommand(path, "--quick"))
	}
	if err == nil {
		err = report.Command(w, style, "See it again with:", opts.command("score", path))
	}
	return err
}

// askMore is the command that asks what the level above a's target adds,
// resuming it with resume, and how many questions that is; "" when there
// is no such level or nothing to ask.
func askMore(r *rubric.Rubric, a *assess.Assessment, resume string, quick bool) (command, count string) {
	i := r.LevelIndex(a.TargetLevel)
	if i < 0 || i+1 >= len(r.Levels) {
		return "", ""
	}
	next := r.Levels[i+1]
	more := assess.NewQuestionnaire(r, assess.QuestionnaireOptions{Target: next.ID, Specialties: a.Specialties, Quick: quick})
	least, most := more.Open(a)
	if most == 0 {
		return "", ""
	}
	return resume + " --target " + next.ID, questionCount(least, most)
}

// resumeCommand is the command line that continues this assessment, with
// the flags that shape its questions (minus those in drop).
func (opts *assessOptions) resumeCommand(path string, drop ...string) string {
	args := []string{opts.globals.resumeCommand(path)}
	for _, f := range []struct {
		on   bool
		flag string
	}{{opts.quick, "--quick"}, {opts.evidence, "--evidence"}} {
		if f.on && !slices.Contains(drop, f.flag) {
			args = append(args, f.flag)
		}
	}
	return strings.Join(args, " ")
}

// shellQuote quotes s for a POSIX shell when it needs quoting. A path
// holding control characters is quoted as $'...' with them escaped (bash,
// zsh and ksh read it), so that the command stays right to copy and never
// carries a raw escape sequence to the terminal.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:=+@%,", r))
	}) < 0 {
		return s
	}
	if termtext.Safe(s) != s {
		var b strings.Builder
		b.WriteString("$'")
		for _, r := range s {
			switch {
			case r == '\'' || r == '\\':
				b.WriteByte('\\')
				b.WriteRune(r)
			case termtext.Safe(string(r)) != string(r):
				if r < 0x80 {
					fmt.Fprintf(&b, `\x%02x`, r)
				} else {
					fmt.Fprintf(&b, `\u%04x`, r)
				}
			default:
				b.WriteRune(r)
			}
		}
		b.WriteByte('\'')
		return b.String()
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func samePath(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}
