package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/rubric"
)

// The views of a calibration, in the order they are shown.
const (
	ViewPeople    = "people"
	ViewRaters    = "raters"
	ViewAgreement = "agreement"
	ViewLevels    = "levels"
)

// CalibrationViews lists the views.
var CalibrationViews = []string{ViewPeople, ViewRaters, ViewAgreement, ViewLevels}

// CalibrationJSON is the data form of a calibration (SPEC section 5).
// Missing values are null: a level nobody names or nobody fits, a mean or
// offset with nothing to average, a kappa that is undefined.
type CalibrationJSON struct {
	People    []CalibratedPersonJSON `json:"people"`
	Raters    []CalibratedRaterJSON  `json:"raters"`
	Agreement AgreementJSON          `json:"agreement"`
	Levels    []LevelCountJSON       `json:"levels"`
}

// CalibratedPersonJSON is one person's calibration.
type CalibratedPersonJSON struct {
	Person            string             `json:"person"`
	CurrentLevel      *string            `json:"current_level"`
	ConsensusFitLevel *string            `json:"consensus_fit_level"`
	Raters            []PersonRaterJSON  `json:"raters"`
	Flags             []string           `json:"flags"`
	Disagreements     []DisagreementJSON `json:"disagreements"`
}

// PersonRaterJSON is one rater's fit level for a person.
type PersonRaterJSON struct {
	Rater    string  `json:"rater"`
	Role     string  `json:"role"`
	FitLevel *string `json:"fit_level"`
}

// DisagreementJSON is a criterion raters disagree on, with each rater's
// rating (a number, or "yes"/"no").
type DisagreementJSON struct {
	Criterion string         `json:"criterion"`
	Ratings   map[string]any `json:"ratings"`
}

// CalibratedRaterJSON is how one rater rates.
type CalibratedRaterJSON struct {
	Rater       string   `json:"rater"`
	Assessments int      `json:"assessments"`
	MeanRating  *float64 `json:"mean_rating"`
	Offset      *float64 `json:"offset"`
	Flag        *string  `json:"flag"`
}

// AgreementJSON is the team's agreement.
type AgreementJSON struct {
	Pairs     int      `json:"pairs"`
	Exact     *float64 `json:"exact"`
	WithinOne *float64 `json:"within_one"`
	Kappa     *float64 `json:"kappa"`
}

// LevelCountJSON counts people at a level; level null counts those with
// none.
type LevelCountJSON struct {
	Level     *string `json:"level"`
	Current   int     `json:"current"`
	Consensus int     `json:"consensus"`
}

// Cut2 cuts a statistic to two decimals toward zero, so that a value shown
// at a flag's threshold (0.50) has reached it: 0.4999 shows as 0.49.
func Cut2(v float64) float64 {
	if v < 0 {
		return -math.Floor(-v*100+1e-9) / 100
	}
	return math.Floor(v*100+1e-9) / 100
}

func cut2p(v *float64) *float64 {
	if v == nil {
		return nil
	}
	c := Cut2(*v)
	return &c
}

func levelp(id string) *string {
	if id == "" {
		return nil
	}
	return &id
}

// NewCalibrationJSON converts a calibration to its data form.
func NewCalibrationJSON(c *assess.Calibration) CalibrationJSON {
	out := CalibrationJSON{People: []CalibratedPersonJSON{}, Raters: []CalibratedRaterJSON{}, Levels: []LevelCountJSON{}}
	for _, p := range c.People {
		pj := CalibratedPersonJSON{
			Person:            p.Person,
			CurrentLevel:      levelp(p.CurrentLevel),
			ConsensusFitLevel: levelp(p.ConsensusFit),
			Raters:            []PersonRaterJSON{},
			Flags:             []string{},
			Disagreements:     []DisagreementJSON{},
		}
		for _, rf := range p.Raters {
			pj.Raters = append(pj.Raters, PersonRaterJSON{Rater: rf.Rater, Role: string(rf.Role), FitLevel: levelp(rf.FitLevel)})
		}
		for _, f := range p.Flags {
			pj.Flags = append(pj.Flags, string(f))
		}
		for _, d := range p.Disagreements {
			dj := DisagreementJSON{Criterion: d.Criterion, Ratings: map[string]any{}}
			for _, rr := range d.Ratings {
				dj.Ratings[rr.Rater] = ratingValue(d.YesNo, rr.Value)
			}
			pj.Disagreements = append(pj.Disagreements, dj)
		}
		out.People = append(out.People, pj)
	}
	for _, rc := range c.Raters {
		rj := CalibratedRaterJSON{Rater: rc.Rater, Assessments: rc.Assessments, MeanRating: cut2p(rc.MeanRating), Offset: cut2p(rc.Offset)}
		if rc.Flag != "" {
			f := string(rc.Flag)
			rj.Flag = &f
		}
		out.Raters = append(out.Raters, rj)
	}
	a := c.Agreement
	out.Agreement = AgreementJSON{Pairs: a.Pairs, Exact: cut2p(a.ExactShare()), WithinOne: cut2p(a.WithinOneShare()), Kappa: cut2p(a.Kappa)}
	for _, l := range c.Levels {
		out.Levels = append(out.Levels, LevelCountJSON{Level: levelp(l.Level), Current: l.Current, Consensus: l.Consensus})
	}
	return out
}

func ratingValue(yesno bool, v int) any {
	if !yesno {
		return v
	}
	if v == 1 {
		return "yes"
	}
	return "no"
}

func ratingText(yesno bool, v int) string { return fmt.Sprint(ratingValue(yesno, v)) }

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
	c := Cut2(v)
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

func decimal(v float64) string { return fmt.Sprintf("%.2f", Cut2(v)) }

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
			return ls.Level + " " + Percent(ls.Score)
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

// FlagReason says what raised a flag; for rater-disagreement, how many
// criteria (DisagreementText lists them).
func FlagReason(p assess.PersonCalibration, f assess.Flag) string {
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

// DisagreementText is "code: Ben 4, Max 3, Ada 2".
func DisagreementText(d assess.Disagreement) string {
	var parts []string
	for _, rr := range d.Ratings {
		parts = append(parts, rr.Rater+" "+ratingText(d.YesNo, rr.Value))
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
	return []any{strconv.Itoa(a.Pairs), optional(a.ExactShare(), Percent), optional(a.WithinOneShare(), Percent), optional(a.Kappa, decimal)}
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

// RenderCalibration writes the views of a calibration as tables for people.
func RenderCalibration(w io.Writer, r *rubric.Rubric, c *assess.Calibration, style Style, views []string) error {
	p := &printer{w: w, width: style.lineWidth()}
	p.line("%s", style.Bold("Calibration: "+summaryLine(c)))
	if slices.Contains(views, ViewPeople) {
		p.line("")
		p.line("%s", style.Bold("People"))
		// The flags are listed with their reasons just below, so the table
		// leaves them out to fit a terminal.
		n := len(peopleHeader) - 1
		t := NewTable(style, peopleHeader[:n]...)
		for _, pc := range c.People {
			t.Row(peopleRow(style, pc)[:n]...)
		}
		p.table(t)
		first := true
		for _, pc := range c.People {
			if len(pc.Flags) == 0 {
				continue
			}
			if first {
				p.line("")
				p.line("%s", style.Bold("Flags"))
				first = false
			}
			p.line("  %s", pc.Person)
			// Reasons wrap under their own column: four spaces, the widest
			// flag, two spaces.
			indent := strings.Repeat(" ", 4+len(assess.RaterDisagreement)+2)
			for _, f := range pc.Flags {
				reason := strings.Split(string(style.wrap(FlagReason(pc, f), indent, indent)), "\n")
				p.line("    %s  %s", padRight(flagPaint(style, f), len(f), len(assess.RaterDisagreement)), Styled(strings.TrimPrefix(reason[0], indent)))
				for _, more := range reason[1:] {
					p.line("%s", Styled(more))
				}
				if f == assess.RaterDisagreement {
					for _, d := range pc.Disagreements {
						p.line("%s", style.wrap(DisagreementText(d), indent, indent+"  "))
					}
				}
			}
		}
	}
	if slices.Contains(views, ViewRaters) {
		p.line("")
		p.line("%s", style.Bold("Raters"))
		t := NewTable(style, ratersHeader...).AlignRight(1, 2, 3)
		for _, rc := range c.Raters {
			t.Row(raterRow(style, rc)...)
		}
		p.table(t)
		p.line("%s", style.dimText(style.wrap(ratersLegend, "", "")))
	}
	if slices.Contains(views, ViewAgreement) {
		p.line("")
		p.line("%s", style.Bold("Agreement"))
		t := NewTable(style, agreementHeader...).AlignRight(0, 1, 2, 3)
		t.Row(agreementRow(c.Agreement)...)
		p.table(t)
		p.line("%s", style.dimText(style.wrap(agreementLegend, "", "")))
	}
	if slices.Contains(views, ViewLevels) {
		p.line("")
		p.line("%s", style.Bold("Levels"))
		t := NewTable(style, levelsHeader...).AlignRight(2, 3)
		for _, l := range c.Levels {
			t.Row(levelRow(r, l)...)
		}
		p.table(t)
	}
	return p.err
}

// padRight pads text, whose visible width is width, to n columns.
func padRight(text Styled, width, n int) Styled {
	if width >= n {
		return text
	}
	return text + Styled(strings.Repeat(" ", n-width))
}

// WriteCalibrationMarkdown writes the views of a calibration as Markdown:
// a heading and a table per view, the flags as a list.
func WriteCalibrationMarkdown(w io.Writer, r *rubric.Rubric, c *assess.Calibration, views []string) error {
	p := &printer{w: w}
	plain := Style{}
	p.line("# Calibration")
	p.line("")
	p.line("%s.", md(strings.ToUpper(summaryLine(c)[:1])+summaryLine(c)[1:]))
	if slices.Contains(views, ViewPeople) {
		p.line("")
		p.line("## People")
		p.line("")
		rows := make([][]any, 0, len(c.People))
		for _, pc := range c.People {
			rows = append(rows, peopleRow(plain, pc))
		}
		mdTable(p, peopleHeader, nil, rows)
		first := true
		for _, pc := range c.People {
			if len(pc.Flags) == 0 {
				continue
			}
			if first {
				p.line("")
				p.line("### Flags")
				p.line("")
				first = false
			}
			p.line("- **%s**", md(pc.Person))
			for _, f := range pc.Flags {
				p.line("  - `%s`: %s", f, md(FlagReason(pc, f)))
				if f == assess.RaterDisagreement {
					for _, d := range pc.Disagreements {
						p.line("    - %s", md(DisagreementText(d)))
					}
				}
			}
		}
	}
	if slices.Contains(views, ViewRaters) {
		p.line("")
		p.line("## Raters")
		p.line("")
		rows := make([][]any, 0, len(c.Raters))
		for _, rc := range c.Raters {
			rows = append(rows, raterRow(plain, rc))
		}
		mdTable(p, ratersHeader, []int{1, 2, 3}, rows)
		p.line("")
		p.line("%s.", md(strings.ToUpper(ratersLegend[:1])+ratersLegend[1:]))
	}
	if slices.Contains(views, ViewAgreement) {
		p.line("")
		p.line("## Agreement")
		p.line("")
		mdTable(p, agreementHeader, []int{0, 1, 2, 3}, [][]any{agreementRow(c.Agreement)})
		p.line("")
		p.line("%s.", md(strings.ToUpper(agreementLegend[:1])+agreementLegend[1:]))
	}
	if slices.Contains(views, ViewLevels) {
		p.line("")
		p.line("## Levels")
		p.line("")
		rows := make([][]any, 0, len(c.Levels))
		for _, l := range c.Levels {
			rows = append(rows, levelRow(r, l))
		}
		mdTable(p, levelsHeader, []int{2, 3}, rows)
	}
	return p.err
}

// WriteCalibrationCSV writes one view of a calibration as CSV, with a
// header row. Missing levels and values are empty cells; in the columns
// that list the fit levels of several raters (space-separated), a rater
// whose assessment fits no level shows as "-".
//
//	people:    person, current_level, consensus_fit_level, self_fit_level,
//	           manager_fit_level, peer_fit_levels, flags, disagreements,
//	           then score_<level> (the consensus score) for each level
//	raters:    rater, assessments, mean_rating, offset, flag
//	agreement: pairs, exact, within_one, kappa
//	levels:    level, current, consensus
func WriteCalibrationCSV(w io.Writer, r *rubric.Rubric, c *assess.Calibration, view string) error {
	cw := &csvWriter{w: csv.NewWriter(w)}
	num := func(v *float64) string {
		if v == nil {
			return ""
		}
		return strconv.FormatFloat(Cut2(*v), 'f', -1, 64)
	}
	switch view {
	case ViewPeople:
		header := []string{"person", "current_level", "consensus_fit_level", "self_fit_level", "manager_fit_level", "peer_fit_levels", "flags", "disagreements"}
		for _, l := range r.Levels {
			header = append(header, "score_"+l.ID)
		}
		cw.row(header)
		for _, p := range c.People {
			var flags, dis []string
			for _, f := range p.Flags {
				flags = append(flags, string(f))
			}
			for _, d := range p.Disagreements {
				dis = append(dis, d.Criterion)
			}
			row := []string{p.Person, p.CurrentLevel, p.ConsensusFit,
				roleFits(p, assess.Self, " "), roleFits(p, assess.Manager, " "), roleFits(p, assess.Peer, " "),
				strings.Join(flags, " "), strings.Join(dis, " ")}
			for _, ls := range p.ConsensusLevels {
				row = append(row, strconv.FormatFloat(Round2(ls.Score), 'f', -1, 64))
			}
			cw.row(row)
		}
	case ViewRaters:
		cw.row([]string{"rater", "assessments", "mean_rating", "offset", "flag"})
		for _, rc := range c.Raters {
			cw.row([]string{rc.Rater, strconv.Itoa(rc.Assessments), num(rc.MeanRating), num(rc.Offset), string(rc.Flag)})
		}
	case ViewAgreement:
		a := c.Agreement
		cw.row([]string{"pairs", "exact", "within_one", "kappa"})
		cw.row([]string{strconv.Itoa(a.Pairs), num(a.ExactShare()), num(a.WithinOneShare()), num(a.Kappa)})
	case ViewLevels:
		cw.row([]string{"level", "current", "consensus"})
		for _, l := range c.Levels {
			cw.row([]string{l.Level, strconv.Itoa(l.Current), strconv.Itoa(l.Consensus)})
		}
	default:
		return fmt.Errorf("unknown view %q", view)
	}
	cw.w.Flush()
	return cw.w.Error()
}
