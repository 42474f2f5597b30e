package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/rubric"
)

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

func yesNoText(yesno bool, v int) string { return fmt.Sprint(yesNoValue(yesno, v)) }

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

// nextLevel is the consensus score at the level above the consensus fit
// ("senior 83%"), or "-" at the top of the ladder.
func nextLevel(p assess.PersonCalibration) string {
	for i, ls := range p.ConsensusLevels {
		if p.ConsensusFit == "" || (i > 0 && p.ConsensusLevels[i-1].Level == p.ConsensusFit) {
			return ls.Level + " " + percent(ls.Score)
		}
	}
	return "-"
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

func flagsText(style Style, flags []assess.Flag) Styled {
	var parts []string
	for _, f := range flags {
		parts = append(parts, string(flagPaint(style, f)))
	}
	return Styled(strings.Join(parts, ", "))
}

// flagReason says what raised a flag; for rater-disagreement, how many
// criteria (DisagreementText lists them).
func flagReason(p assess.PersonCalibration, f assess.Flag) string {
	switch f {
	case assess.PromotionReady:
		return fmt.Sprintf("consensus fit %s is above the current level, %s", p.ConsensusFit, p.CurrentLevel)
	case assess.BelowLevel:
		if p.ConsensusFit == "" {
			return fmt.Sprintf("the consensus fits no level; the current level is %s", p.CurrentLevel)
		}
		return fmt.Sprintf("consensus fit %s is below the current level, %s", p.ConsensusFit, p.CurrentLevel)
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
func disagreementText(d assess.Disagreement) string {
	var parts []string
	for _, rr := range d.Ratings {
		parts = append(parts, rr.Rater+" "+yesNoText(d.YesNo, rr.Value))
	}
	return d.Criterion + ": " + strings.Join(parts, ", ")
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
)

func peopleRow(style Style, p assess.PersonCalibration) []any {
	return []any{p.Person, levelText(p.CurrentLevel), levelText(p.ConsensusFit), nextLevel(p),
		roleFits(p, assess.Self, ", "), roleFits(p, assess.Manager, ", "), roleFits(p, assess.Peer, ", "), flagsText(style, p.Flags)}
}

var peopleHeader = []string{"Person", "Current", "Consensus", "Next level", "Self", "Manager", "Peers", "Flags"}

func raterRow(style Style, rc assess.RaterCalibration) []any {
	flag := Styled(rc.Flag)
	if flag != "" {
		flag = style.paint(sgrYellow, flag)
	}
	return []any{rc.Rater, strconv.Itoa(rc.Assessments), optional(rc.MeanRating, decimal), optional(rc.Offset, signed), flag}
}

var ratersHeader = []string{"Rater", "Assessments", "Mean rating", "Offset", "Flag"}

func agreementRow(a assess.Agreement) []any {
	return []any{strconv.Itoa(a.Pairs), optional(a.ExactShare(), percent), optional(a.WithinOneShare(), percent), optional(a.Kappa, decimal)}
}

var agreementHeader = []string{"Pairs", "Exact", "Within one", "Kappa"}

func levelRow(r *rubric.Rubric, l assess.LevelCount) []any {
	title := "(no level)"
	if lv := r.Level(l.Level); lv != nil {
		title = lv.Title
	}
	return []any{levelText(l.Level), title, strconv.Itoa(l.Current), strconv.Itoa(l.Consensus)}
}

var levelsHeader = []string{"Level", "Title", "Current", "Consensus"}
