package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/ladderhq/ladder/internal/termtext"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/rubric"
)

// How score, plan and report say where an assessment stands: against the
// target, why the fit level is what it is, which levels were not asked,
// and what holds each verdict back. The facts come from assess
// (standing.go); this file words them, once for every format.

// isGeneralRung reports whether level's rung holds the general
// requirements: the lowest level's, which every level includes.
func isGeneralRung(r *rubric.Rubric, level string) bool {
	return len(r.Levels) > 0 && level == r.Levels[0].ID
}

// rungTitle names the rung a level introduces: the general requirements
// for the lowest level; any other rung goes by its level's title.
func rungTitle(r *rubric.Rubric, level string) string {
	if isGeneralRung(r, level) {
		return "general requirements"
	}
	return levelTitle(r, level)
}

// rungNoun counts n units of one rung: "1 general requirement",
// "3 Senior Backend Engineer items"; specialty names a specialty's units
// instead ("2 Gitaly items").
func rungNoun(r *rubric.Rubric, rung, specialty string, n int) string {
	switch {
	case specialty != "":
		return fmt.Sprintf("%d %s %s", n, specialtyTitle(r, specialty), plural(n, "item", "items"))
	case isGeneralRung(r, rung):
		return fmt.Sprintf("%d %s", n, plural(n, "general requirement", "general requirements"))
	}
	return fmt.Sprintf("%d %s %s", n, levelTitle(r, rung), plural(n, "item", "items"))
}

// shortfallWords says how a unit falls short, in a phrase that reads after
// its count: "rated below Consistent", "unanswered", "answered can't say",
// "answered no", or "not met" for a group.
func shortfallWords(r *rubric.Rubric, u assess.UnitScore) string {
	if u.Group != "" {
		return "not met"
	}
	c := u.Criteria[0]
	switch {
	case c.CantSay:
		return "answered " + assess.CantSayText
	case c.Rating == nil:
		return "unanswered"
	case c.YesNo:
		return "answered no"
	}
	return "rated below " + r.ScaleLabel(c.Expected)
}

// unitsPhrase describes units that hold a verdict back: how many, of which
// rungs, how they fall short when they all do alike, and their names (the
// first three, then how many more): "1 required general requirement rated
// below Consistent: “Diagnose and prevent performance and optimization
// problems” (base-performance)". forSpecialty names the specialty
// they belong to, "" for a level's.
func unitsPhrase(r *rubric.Rubric, units []assess.UnitScore, forSpecialty string, required bool) string {
	var rungs []string
	count := map[string]int{}
	how := ""
	for i, u := range units {
		if count[u.Level] == 0 {
			rungs = append(rungs, u.Level)
		}
		count[u.Level]++
		if w := shortfallWords(r, u); i == 0 {
			how = w
		} else if w != how {
			how = "not met"
		}
	}
	req := ""
	if required {
		req = "required "
	}
	var noun string
	if len(rungs) == 1 {
		noun = rungNoun(r, rungs[0], forSpecialty, len(units))
		noun = strings.Replace(noun, " ", " "+req, 1)
	} else {
		parts := make([]string, len(rungs))
		for i, rg := range rungs {
			parts[i] = rungNoun(r, rg, forSpecialty, count[rg])
		}
		noun = fmt.Sprintf("%d %s%s (%s)", len(units), req, plural(len(units), "item", "items"), strings.Join(parts, ", "))
	}
	return noun + " " + how + ": " + unitList(r, units, 3)
}

// unitList names the units in words a person reads, with the id that the
// gaps below show: “Diagnose and prevent performance problems”
// (base-performance); at most n of them, then how many more.
func unitList(r *rubric.Rubric, units []assess.UnitScore, n int) string {
	var names []string
	for i, u := range units {
		if i == n && len(units) > n+1 {
			names = append(names, fmt.Sprintf("%d more", len(units)-n))
			break
		}
		names = append(names, "“"+unitLabel(r, u.Unit)+"” ("+assess.UnitKey(u.Unit)+")")
	}
	return andList(names)
}

// unitLabel is a unit's name in words: a group's title, a criterion's
// question made a label.
func unitLabel(r *rubric.Rubric, u rubric.Unit) string {
	if u.Group != "" {
		return r.GroupByID(u.Group).Title
	}
	return criterionLabel(r.Criterion(u.Criterion).Prompt)
}

// andList joins items as a sentence does: "a", "a and b", "a, b and c";
// among several, an item that holds a comma itself ("Intern, Backend
// Engineer") is quoted, so that the list still reads as its items.
func andList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	quoted := make([]string, len(items))
	for i, it := range items {
		quoted[i] = it
		if strings.Contains(it, ",") && !strings.HasPrefix(it, "“") {
			quoted[i] = "“" + it + "”"
		}
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " and " + quoted[len(quoted)-1]
}

// heldBackBy says what holds target t back, as the end of a sentence that
// starts "... held back by": its required units not met, and a score
// under the meets threshold with the units of the low rungs. For an
// incomplete verdict it adds that answering would meet. "" when t meets.
func heldBackBy(r *rubric.Rubric, t assess.TargetScore, h assess.Holdback) string {
	if t.Verdict == assess.Meets {
		return ""
	}
	forSpecialty := ""
	if t.Specialty {
		forSpecialty = t.ID
	}
	if t.Verdict == assess.Incomplete {
		// Answering the open questions as expected would meet: they are
		// what holds it back.
		var open []assess.UnitScore
		for _, u := range h.Blockers() {
			for _, c := range u.Criteria {
				if c.Rating == nil {
					open = append(open, u)
					break
				}
			}
		}
		if len(open) > 0 {
			return unitsPhrase(r, open, forSpecialty, false) + "; answered as expected, " +
				plural(len(open), "it", "they") + " would make it meet"
		}
	}
	var parts []string
	if len(h.Required) > 0 {
		parts = append(parts, unitsPhrase(r, h.Required, forSpecialty, true))
	}
	if len(h.LowRungs) > 0 {
		score := percent(t.Score)
		if len(h.LowRungs) > 1 {
			var low []string
			for _, rg := range h.LowRungs {
				low = append(low, rungTitle(r, rg.Level)+" "+percent(rg.Score))
			}
			score += " (" + andList(low) + ")"
		}
		s := fmt.Sprintf("a score of %s, under the %s that meets takes", score, percent(r.Thresholds.Meets))
		if len(h.Short) > 0 {
			s += ", with " + unitsPhrase(r, h.Short, forSpecialty, false)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; and by ")
}

// verdictLine is a target's verdict and score: "approaching, 92%".
func verdictLine(style Style, t assess.TargetScore) Styled {
	return styledf("%s, %s", verdictText(style, t.Verdict), percent(t.Score))
}

// whoseTarget is "your target" for a self-assessment, "the target" for a
// rater who is someone else.
func whoseTarget(a *assess.Assessment) string {
	if a.RatesSomeoneElse() {
		return "the target"
	}
	return "your target"
}

// standing is where a result stands, worded: the lines score, plan and
// report lead with.
type standing struct {
	Target       string // the level explained against
	TargetTitle  string
	TargetReason string // why that level, "" for the assessment's own
	TargetScore  assess.TargetScore
	TargetAsked  bool   // false when the target is among the levels not asked
	TargetWhy    string // "held back by ..." or ""
	Fit          string // the fit level's title, or "none yet"
	FitWhy       string // why not higher, a sentence; "" when nothing to say
	NotAsked     []string
	NotAskedWhy  string
	// AskMore is the command that asks what the next level adds, "" for
	// none (set by the caller, which knows the file).
	AskMore      string
	AskMoreOf    string // that level's title
	AskMoreCount string // "11 to 12 questions"
	Specialties  []specialtyStanding
}

type specialtyStanding struct {
	Title string
	Score assess.TargetScore
	Why   string
}

// newStanding words where res stands against target (a level id) for the
// given reason, and the specialties. shared says the words go on a page
// for others to read: the target is "the target" there, not "your
// target".
func newStanding(r *rubric.Rubric, res *assess.Result, target string, reason assess.TargetReason, specialties []assess.TargetScore, shared bool) standing {
	a := res.Assessment
	ti := r.LevelIndex(target)
	st := standing{Target: target, TargetTitle: levelTitle(r, target), Fit: fitWords(r, res)}
	if reason != assess.TargetFromAssessment {
		st.TargetReason = targetReasonWords(r, res, reason)
	}
	if ti >= 0 {
		st.TargetScore = res.Levels[ti]
		if why := heldBackBy(r, st.TargetScore, assess.HoldbackOf(r, st.TargetScore)); why != "" {
			st.TargetWhy = "Held back by " + why + "."
		}
	}
	notAsked := assess.NotAsked(r, res)
	st.TargetAsked = ti < 0 || !notAsked[ti]
	for i, na := range notAsked {
		if na {
			st.NotAsked = append(st.NotAsked, levelTitle(r, res.Levels[i].ID))
		}
	}
	if len(st.NotAsked) > 0 {
		whose := whoseTarget(a)
		switch {
		case target != a.TargetLevel:
			whose = "the assessment's target"
		case shared:
			whose = "the target"
		}
		st.NotAskedWhy = "the questions stopped at " + whose + ", " + levelTitle(r, a.TargetLevel)
		if next := r.LevelIndex(a.TargetLevel) + 1; next < len(r.Levels) {
			st.AskMoreOf = r.Levels[next].Title
		}
	}
	if !st.TargetAsked {
		// Nothing holds back a target that was never asked: the line of
		// the levels not asked says so.
		st.TargetWhy = ""
	}

	fr := assess.FitReasonOf(r, res)
	switch {
	case fr.Level == "":
		if len(r.Levels) > 1 {
			st.FitWhy = "Every level of the ladder meets."
		}
	case fr.NotAsked:
		// Said with the levels not asked.
	case fr.Level == target:
		st.FitWhy = fmt.Sprintf("The first level not met is the target, %s (above).", levelTitle(r, fr.Level))
	default:
		subject := levelTitle(r, fr.Level) + " is"
		if fr.AndUp {
			subject = levelTitle(r, fr.Level) + " and up are"
		}
		if why := heldBackBy(r, res.Levels[r.LevelIndex(fr.Level)], fr.Holdback); why != "" {
			st.FitWhy = subject + " held back by " + why + "."
		}
	}
	for _, t := range specialties {
		ss := specialtyStanding{Title: specialtyTitle(r, t.ID), Score: t}
		if why := heldBackBy(r, t, assess.HoldbackOf(r, t)); why != "" {
			ss.Why = "Held back by " + why + "."
		}
		st.Specialties = append(st.Specialties, ss)
	}
	return st
}

// fitWords is the fit level's title, or "none yet".
func fitWords(r *rubric.Rubric, res *assess.Result) string {
	if res.FitLevel == "" {
		return "none yet"
	}
	return levelTitle(r, res.FitLevel)
}

// targetReasonWords says why a level is the one explained, when it is not
// the assessment's own target.
func targetReasonWords(r *rubric.Rubric, res *assess.Result, reason assess.TargetReason) string {
	a := res.Assessment
	switch reason {
	case assess.TargetGiven:
		return "asked for"
	case assess.TargetTop:
		return "the top of the ladder"
	case assess.TargetNext:
		fit, cur := r.LevelIndex(res.FitLevel), r.LevelIndex(a.CurrentLevel)
		switch {
		case fit < 0 && cur < 0:
			return "the first level; the assessment names no target"
		case cur > fit:
			return "the level above the current level, " + levelTitle(r, a.CurrentLevel)
		}
		return "the level above the fit level"
	}
	return ""
}

// write prints the standing as labelled lines, each explanation wrapped
// under its label.
func (st standing) write(p *printer, style Style) {
	const indent = "  "
	reason := Styled("")
	if st.TargetReason != "" {
		reason = " " + style.Dim("("+st.TargetReason+")")
	}
	verdict := verdictLine(style, st.TargetScore)
	if !st.TargetAsked {
		verdict = style.Dim("not asked")
	}
	p.line("Target: %s — %s%s", style.Bold(st.TargetTitle), verdict, reason)
	if st.TargetWhy != "" {
		p.line("%s", style.wrap(st.TargetWhy, indent, indent))
	}
	p.line("Fit level: %s", style.Bold(st.Fit))
	if st.FitWhy != "" {
		p.line("%s", style.wrap(st.FitWhy, indent, indent))
	}
	for _, s := range st.Specialties {
		p.line("Specialty: %s — %s", style.Bold(s.Title), verdictLine(style, s.Score))
		if s.Why != "" {
			p.line("%s", style.wrap(s.Why, indent, indent))
		}
	}
	if len(st.NotAsked) > 0 {
		p.line("%s", style.wrap("Not asked: "+andList(st.NotAsked)+"; "+st.NotAskedWhy+".", "", indent))
		if st.AskMore != "" && st.AskMoreOf != "" {
			count := ""
			if st.AskMoreCount != "" {
				count = " (" + st.AskMoreCount + ")"
			}
			p.line("%s", style.wrap("To ask what "+st.AskMoreOf+" adds"+count+":", indent, indent))
			for _, line := range commandLines(st.AskMore, p.width, indent+indent) {
				p.whole("%s", line)
			}
		}
	}
}

// headline is the standing in short sentences: the target's verdict and
// the fit level, for a page's summary.
func (st standing) headline() []string {
	verdict := verdictWords(st.TargetScore.Verdict) + ", " + percent(st.TargetScore.Score)
	if !st.TargetAsked {
		verdict = "not asked"
	}
	t := fmt.Sprintf("Target: %s — %s.", st.TargetTitle, verdict)
	if st.TargetReason != "" {
		t = fmt.Sprintf("Target: %s (%s) — %s.", st.TargetTitle, st.TargetReason, verdict)
	}
	return []string{t, "Fit level: " + st.Fit + "."}
}

// reason is one explanation of the standing: what it is about, and why.
type reason struct {
	About, Why string
	Class      string // the verdict it explains, for colour; "neutral" for none
}

// reasons are the standing's explanations, in the order it shows them:
// the target's, the fit level's, each specialty's, the levels not asked.
func (st standing) reasons() []reason {
	var out []reason
	if st.TargetWhy != "" {
		out = append(out, reason{About: st.TargetTitle + " (target)", Why: st.TargetWhy, Class: string(st.TargetScore.Verdict)})
	}
	if st.FitWhy != "" {
		out = append(out, reason{About: "Fit level: " + st.Fit, Why: st.FitWhy, Class: "neutral"})
	}
	for _, s := range st.Specialties {
		if s.Why != "" {
			out = append(out, reason{About: s.Title + " (specialty)", Why: s.Why, Class: string(s.Score.Verdict)})
		}
	}
	if len(st.NotAsked) > 0 {
		out = append(out, reason{About: "Not asked: " + andList(st.NotAsked), Why: upperFirst(st.NotAskedWhy) + ".", Class: "neutral"})
	}
	return out
}

// sentences is the standing as plain sentences, for a document's opening:
// each verdict with its explanation.
func (st standing) sentences() []string {
	with := func(head, why string) string {
		if why == "" {
			return head
		}
		return head + " " + why
	}
	head := st.headline()
	out := []string{with(head[0], st.TargetWhy), with(head[1], st.FitWhy)}
	for _, s := range st.Specialties {
		out = append(out, with(fmt.Sprintf("Specialty: %s — %s, %s.", s.Title, verdictWords(s.Score.Verdict), percent(s.Score.Score)), s.Why))
	}
	if len(st.NotAsked) > 0 {
		out = append(out, "Not asked: "+andList(st.NotAsked)+"; "+st.NotAskedWhy+".")
	}
	return out
}

// commandLines lays out a shell command to fit width: words move to the
// next line after a " \" continuation, so that the lines, copied together,
// are still the one command. A word is never cut, quoted words are kept
// whole, and every line starts with indent (the next ones two spaces
// more).
func commandLines(command string, width int, indent string) []string {
	words := shellWords(command)
	var units []string // a flag and its value stay together
	for i := 0; i < len(words); i++ {
		if strings.HasPrefix(words[i], "--") && i+1 < len(words) && !strings.HasPrefix(words[i+1], "-") {
			units = append(units, words[i]+" "+words[i+1])
			i++
			continue
		}
		units = append(units, words[i])
	}
	var lines []string
	line := indent
	for i, w := range units {
		if i > 0 {
			if width > 0 && termtext.Width(line)+1+termtext.Width(w)+2 > width {
				lines = append(lines, line+" \\")
				line = indent + "  " + w
				continue
			}
			line += " "
		}
		line += w
	}
	return append(lines, line)
}

// shellWords splits a command line at the spaces outside quotes.
func shellWords(command string) []string {
	var words []string
	var cur strings.Builder
	quote := false
	for i := 0; i < len(command); i++ {
		c := command[i]
		switch {
		case c == '\\' && i+1 < len(command):
			cur.WriteByte(c)
			i++
			cur.WriteByte(command[i])
			continue
		case c == '\'':
			quote = !quote
		case c == ' ' && !quote:
			if cur.Len() > 0 {
				words = append(words, cur.String())
				cur.Reset()
			}
			continue
		}
		cur.WriteByte(c)
	}
	if cur.Len() > 0 {
		words = append(words, cur.String())
	}
	return words
}

// Command writes a command for the person to run under intro, on lines of
// its own that fit the style's width (see commandLines): copied, they run
// as printed.
func Command(w io.Writer, style Style, intro, command string) error {
	p := &printer{w: w, width: style.lineWidth()}
	p.line("%s", intro)
	for _, line := range commandLines(command, p.width, "  ") {
		p.whole("%s", line)
	}
	return p.err
}
