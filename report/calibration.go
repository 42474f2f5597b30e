package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/rubric"
)

// What a calibration's tables, Markdown, CSV, data and page say alike.

// The views of a calibration, in the order they are shown.
const (
	ViewPeople    = "people"
	viewRaters    = "raters"
	viewAgreement = "agreement"
	viewLevels    = "levels"
)

// CalibrationViews lists the views.
var CalibrationViews = []string{ViewPeople, viewRaters, viewAgreement, viewLevels}

// cut2 cuts a statistic to two decimals toward zero, so that a value shown
// at a flag's threshold (0.50) has reached it: 0.4999 shows as 0.49.
func cut2(v float64) float64 {
	if v < 0 {
		return -math.Floor(-v*100+1e-9) / 100
	}
	return math.Floor(v*100+1e-9) / 100
}

func yesNoValue(yesno bool, v int) any {
	if !yesno {
		return v
	}
	if v == 1 {
		return "yes"
	}
	return "no"
}

func yesNoText(yesno bool, v int) string {
	if s, ok := yesNoValue(yesno, v).(string); ok {
		return s
	}
	return strconv.Itoa(v)
}

// noLevel stands for a missing level (no current level, no fit) in tables
// and Markdown.
const noLevel = "-"

func levelText(id string) string {
	if id == "" {
		return noLevel
	}
	return id
}

// signed shows an offset or difference with its sign: +0.53, -0.56, 0.00.
func signed(v float64) string {
	c := cut2(v)
	if c == 0 {
		return "0.00"
	}
	return fmt.Sprintf("%+.2f", c)
}

func optional(v *float64, f func(float64) string) string {
	if v == nil {
		return "-"
	}
	return f(*v)
}

func decimal(v float64) string { return fmt.Sprintf("%.2f", cut2(v)) }

func oneDecimal(v float64) string {
	return strconv.FormatFloat(math.Floor(v*10+1e-9)/10, 'f', 1, 64)
}

// roleFits lists the fit levels given by raters of one role.
func roleFits(p assess.PersonCalibration, role assess.Role, sep string) string {
	var fits []string
	for _, rf := range p.Raters {
		if rf.Role == role {
			fits = append(fits, levelText(rf.FitLevel))
		}
	}
	return strings.Join(fits, sep)
}

func flagPaint(style Style, f assess.Flag) Styled {
	switch f {
	case assess.PromotionReady:
		return style.paint(sgrGreen, Styled(f))
	case assess.BelowLevel:
		return style.paint(sgrRed, Styled(f))
	}
	return style.paint(sgrYellow, Styled(f))
}

// flagReason says what raised a flag; for rater-disagreement, how many
// criteria (disagreementText lists them).
func flagReason(r *rubric.Rubric, p assess.PersonCalibration, f assess.Flag) string {
	switch f {
	case assess.PromotionReady:
		return fmt.Sprintf("consensus fit %s is above the current level, %s", levelTitle(r, p.ConsensusFit), levelTitle(r, p.CurrentLevel))
	case assess.BelowLevel:
		if p.ConsensusFit == "" {
			return fmt.Sprintf("the consensus fits no level; the current level is %s", levelTitle(r, p.CurrentLevel))
		}
		return fmt.Sprintf("consensus fit %s is below the current level, %s", levelTitle(r, p.ConsensusFit), levelTitle(r, p.CurrentLevel))
	case assess.SelfHigher, assess.SelfLower:
		return fmt.Sprintf("self-assessment %s against the other raters, mean over %d shared %s",
			signed(*p.SelfDiff), p.SelfShared, plural(p.SelfShared, "criterion", "criteria"))
	case assess.RaterDisagreement:
		n := len(p.Disagreements)
		return fmt.Sprintf("%d %s with ratings two or more apart, or both yes and no", n, plural(n, "criterion", "criteria"))
	}
	return ""
}

// disagreementText is "code: Ben 4, Max 3, Ada 2".
func disagreementText(r *rubric.Rubric, p assess.PersonCalibration, d assess.Disagreement) string {
	crit := d.Criterion(r)
	yesno := crit.Answer == rubric.YesNo
	var b strings.Builder
	b.WriteString(crit.ID)
	b.WriteString(": ")
	sep := ""
	for _, rf := range p.Raters { // p.Ratings(d), without a slice of them
		v := rf.Ratings[d.Index]
		if v == assess.Unrated {
			continue
		}
		b.WriteString(sep)
		sep = ", "
		b.WriteString(rf.Rater)
		b.WriteByte(' ')
		b.WriteString(yesNoText(yesno, int(v)))
	}
	return b.String()
}

func summaryLine(c *assess.Calibration) string {
	return fmt.Sprintf("%d %s of %d %s by %d %s",
		c.Sheets, plural(c.Sheets, "assessment", "assessments"),
		len(c.People), plural(len(c.People), "person", "people"),
		len(c.Raters), plural(len(c.Raters), "rater", "raters"))
}

// The explanations printed under the tables.
const (
	ratersLegend    = "offset: mean of each rating minus the other raters' mean for the same person and criterion; lenient at +0.50 or more, severe at -0.50 or less"
	agreementLegend = "a pair is two raters' ratings of one person on one scale criterion; kappa is Cohen's, quadratic-weighted, each pair counted in both orders"
	levelsLegend    = "now: people at the level; consensus: people the consensus fits there; up, down: people now at the level whom the consensus fits higher, lower"
)

// sentence makes a legend a sentence: a capital and a full stop.
func sentence(s string) string { return strings.ToUpper(s[:1]) + s[1:] + "." }

// peopleRow is a person's row; the move is coloured up or down.
func peopleRow(r *rubric.Rubric, style Style, p assess.PersonCalibration) []any {
	mv := Styled(moveText(r, p))
	switch d, _ := move(r, p); {
	case d > 0:
		mv = style.paint(sgrGreen, mv)
	case d < 0:
		mv = style.paint(sgrRed, mv)
	}
	return []any{p.Person, levelTitle(r, p.CurrentLevel), levelTitle(r, p.ConsensusFit), mv}
}

var peopleHeader = []string{"Person", "Now", "Consensus fit", "Move"}

// personLines are what the tables say of each person beyond their row:
// each rater's fit, the next level explained, and the flags with their
// reasons; a label, then its text.
func personLines(r *rubric.Rubric, p assess.PersonCalibration, anonymized bool) [][2]string {
	lines := [][2]string{{"fit by rater", raterFits(r, p, anonymized)}, {"next level", nextLevelText(r, p)}}
	for _, f := range p.Flags {
		lines = append(lines, [2]string{string(f), flagReason(r, p, f)})
	}
	return lines
}

func raterRow(style Style, rc assess.RaterCalibration) []any {
	flag := Styled(rc.Flag)
	if flag != "" {
		flag = style.paint(sgrYellow, flag)
	}
	return []any{rc.Rater, strconv.Itoa(rc.Assessments), optional(rc.MeanRating, decimal), optional(rc.Offset, signed), flag}
}

var ratersHeader = []string{"Rater", "Assessments", "Mean rating", "Offset", "Flag"}

func agreementRow(who string, a assess.Agreement) []any {
	reading := ""
	if a.Kappa != nil {
		reading = kappaReading(*a.Kappa)
	}
	return []any{who, strconv.Itoa(a.Pairs), optional(a.ExactShare(), percent), optional(a.WithinOneShare(), percent), optional(a.Kappa, decimal), reading}
}

// agreementRows are the team's agreement, then its agreement by pair of
// roles.
func agreementRows(c *assess.Calibration) [][]any {
	rows := [][]any{agreementRow("all raters", c.Agreement)}
	for _, ra := range c.ByRoles {
		rows = append(rows, agreementRow(rolePair(ra), ra.Agreement))
	}
	return rows
}

// rolePair names a pair of roles: "self and manager", "two peers".
func rolePair(ra assess.RoleAgreement) string {
	if ra.A == ra.B {
		return "two " + string(ra.A) + "s"
	}
	return string(ra.A) + " and " + string(ra.B)
}

var agreementHeader = []string{"Raters", "Pairs", "Exact", "Within one", "Kappa", "Reading"}

func levelRow(r *rubric.Rubric, l assess.LevelCount) []any {
	title := "(no level)"
	if lv := r.Level(l.Level); lv != nil {
		title = lv.Title
	}
	return []any{title, strconv.Itoa(l.Current), strconv.Itoa(l.Consensus), strconv.Itoa(l.Up), strconv.Itoa(l.Down)}
}

var levelsHeader = []string{"Level", "Now", "Consensus", "Up", "Down"}

// movesText lists the people whose consensus fit is not their current
// level, in standing order: "up 1    Cara Moreau: Senior Backend Engineer →
// Staff Backend Engineer".
func movesText(r *rubric.Rubric, c *assess.Calibration) []string {
	var out []string
	for _, i := range c.Standing(r) {
		p := c.People[i]
		if d, ok := move(r, p); ok && d != 0 {
			out = append(out, fmt.Sprintf("%-7s %s: %s → %s", moveText(r, p), p.Person, levelTitle(r, p.CurrentLevel), levelTitle(r, p.ConsensusFit)))
		}
	}
	return out
}

// raterName is how one rater of a person reads: "self" for the person's own
// assessment, the label of an anonymized rater ("Peer 2"), or the name
// with the role: "Eli Haddad (manager)".
func raterName(rf assess.RaterFit, anonymized bool) string {
	switch {
	case rf.Own && (anonymized || rf.Role == assess.Self):
		return "self"
	case anonymized:
		return rf.Rater
	}
	return rf.Rater + " (" + string(rf.Role) + ")"
}

// raterFits lists what each rater of a person fits: "self: Senior Backend
// Engineer; Eli Haddad (manager): Staff Backend Engineer".
func raterFits(r *rubric.Rubric, p assess.PersonCalibration, anonymized bool) string {
	parts := make([]string, len(p.Raters))
	for i, rf := range p.Raters {
		parts[i] = raterName(rf, anonymized) + ": " + levelTitle(r, rf.FitLevel)
	}
	return strings.Join(parts, "; ")
}

// nextLevelText explains the level above the consensus fit: what share of
// the rung it adds the consensus meets, and what that means.
func nextLevelText(r *rubric.Rubric, p assess.PersonCalibration) string {
	n := p.Next
	if n == nil {
		return "none: the consensus fits the top level of the ladder"
	}
	title := levelTitle(r, n.Level)
	text := fmt.Sprintf("%s: the consensus earns %s of the weighted credit of the %d %s this level adds, and fully meets %d of them",
		title, percent(n.Rung), n.Units, plural(n.Units, "item", "items"), n.Met)
	if n.RequiredUnmet > 0 {
		text += fmt.Sprintf("; %d required %s not met", n.RequiredUnmet, plural(n.RequiredUnmet, "item is", "items are"))
	}
	meets := percent(r.Thresholds.Meets)
	switch {
	case n.Rung >= r.Thresholds.Meets-1e-9 && n.RequiredUnmet > 0:
		text += fmt.Sprintf(". Enough weight (%s needed), but every required item must be met too.", meets)
	case n.Rung >= r.Thresholds.Meets-1e-9:
		text += fmt.Sprintf(". That rung holds, but the rungs below, held to %s's expectations, do not (%s).", title, percent(n.Score))
	default:
		text += fmt.Sprintf(". A level needs %s and every required item.", meets)
	}
	return text
}

// move is how far the consensus fit is from the current level, in levels:
// positive up, negative down; ok is false when there is no current level.
func move(r *rubric.Rubric, p assess.PersonCalibration) (levels int, ok bool) {
	if p.CurrentLevel == "" {
		return 0, false
	}
	return r.LevelIndex(p.ConsensusFit) - r.LevelIndex(p.CurrentLevel), true
}

// moveText is the movement in words: "up 1", "down 2", "same", or "-"
// without a current level.
func moveText(r *rubric.Rubric, p assess.PersonCalibration) string {
	d, ok := move(r, p)
	switch {
	case !ok:
		return noLevel
	case d > 0:
		return fmt.Sprintf("up %d", d)
	case d < 0:
		return fmt.Sprintf("down %d", -d)
	}
	return "same"
}

// kappaReading reads a kappa on the usual scale of Landis and Koch.
func kappaReading(k float64) string {
	switch {
	case k < 0:
		return "worse than chance"
	case k <= 0.20:
		return "slight"
	case k <= 0.40:
		return "fair"
	case k <= 0.60:
		return "moderate"
	case k <= 0.80:
		return "substantial"
	}
	return "almost perfect"
}

// kappaGuide says how to read kappa.
const kappaGuide = "Kappa is agreement beyond what chance alone would give: 1 is full agreement, " +
	"0 no better than chance, below 0 worse. Quadratic weights count a gap of two steps four times a gap of one. " +
	"A common reading (Landis and Koch): up to 0.20 slight, 0.21-0.40 fair, 0.41-0.60 moderate, " +
	"0.61-0.80 substantial, above 0.80 almost perfect."

// roleName reads a role in a sentence.
func roleName(r assess.Role) string { return string(r) }

// rolesText is what a rater assessed as: "manager of 4", "self, peer of 1".
func rolesText(rc assess.RaterCalibration) string {
	var parts []string
	if rc.AsSelf > 0 {
		parts = append(parts, "self")
	}
	if rc.AsManager > 0 {
		parts = append(parts, fmt.Sprintf("manager of %d", rc.AsManager))
	}
	if rc.AsPeer > 0 {
		parts = append(parts, fmt.Sprintf("peer of %d", rc.AsPeer))
	}
	return strings.Join(parts, ", ")
}
