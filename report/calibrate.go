package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
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
	Moves     []MoveJSON             `json:"moves"`
	Agenda    AgendaJSON             `json:"agenda"`
	// Anonymized is true when raters go by their role and a number.
	Anonymized bool `json:"anonymized"`
}

// CalibratedPersonJSON is one person's calibration.
type CalibratedPersonJSON struct {
	Person            string             `json:"person"`
	CurrentLevel      *string            `json:"current_level"`
	ConsensusFitLevel *string            `json:"consensus_fit_level"`
	Raters            []PersonRaterJSON  `json:"raters"`
	Flags             []FlagJSON         `json:"flags"`
	Disagreements     []DisagreementJSON `json:"disagreements"`
	Consensus         ConsensusJSON      `json:"consensus"`
	NextLevel         *NextLevelJSON     `json:"next_level"`
	SelfGap           *SelfGapJSON       `json:"self_gap"`
}

// PersonRaterJSON is one rater's fit level for a person.
type PersonRaterJSON struct {
	Rater    string  `json:"rater"`
	Role     string  `json:"role"`
	FitLevel *string `json:"fit_level"`
}

// FlagJSON is a flag with the numbers behind it. Value is the number the
// flag's rule compares: the levels between consensus fit and current
// level (promotion-ready +, below-level -), the mean of self minus the
// others (self-higher, self-lower), the largest distance between two
// ratings of a criterion (rater-disagreement; 1 for yes against no).
// Criteria counts the criteria behind it; Level and Score name the level
// in question (the level fitted for promotion-ready, the current level for
// below-level) and the consensus score there.
type FlagJSON struct {
	Flag     string   `json:"flag"`
	Value    float64  `json:"value"`
	Criteria *int     `json:"criteria,omitempty"`
	Level    *string  `json:"level,omitempty"`
	Score    *float64 `json:"score,omitempty"`
}

// DisagreementJSON is a criterion raters disagree on, with each rater's
// rating (a number, or "yes"/"no") in the person's rater order.
type DisagreementJSON struct {
	Criterion string      `json:"criterion"`
	Ratings   RatingsJSON `json:"ratings"`
}

// RatingsJSON is an object of raters' ratings that keeps the raters'
// order.
type RatingsJSON []RaterRatingJSON

// RaterRatingJSON is one rater's rating: a scale value or yes/no.
type RaterRatingJSON struct {
	Rater string
	Value int
	YesNo bool
}

// MarshalJSON writes the ratings as one object, in order.
func (rs RatingsJSON) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, rr := range rs {
		if i > 0 {
			b.WriteByte(',')
		}
		name, err := json.Marshal(rr.Rater)
		if err != nil {
			return nil, err
		}
		b.Write(name)
		b.WriteByte(':')
		if rr.YesNo {
			b.WriteString(strconv.Quote(ratingText(true, rr.Value)))
		} else {
			b.WriteString(strconv.Itoa(rr.Value))
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// ConsensusJSON is the consensus assessment's scores.
type ConsensusJSON struct {
	Levels      []ConsensusLevelJSON     `json:"levels"`
	Specialties []ConsensusSpecialtyJSON `json:"specialties"`
}

// ConsensusLevelJSON is the consensus score at a level.
type ConsensusLevelJSON struct {
	Level string  `json:"level"`
	Score float64 `json:"score"`
	Meets bool    `json:"meets"`
}

// ConsensusSpecialtyJSON is the consensus score of a specialty.
type ConsensusSpecialtyJSON struct {
	Specialty string  `json:"specialty"`
	Score     float64 `json:"score"`
	Verdict   string  `json:"verdict"`
}

// NextLevelJSON is the level above the consensus fit: its score and
// verdict, and the rung it adds: that rung's weighted score, its items,
// those met, and the required ones not met.
type NextLevelJSON struct {
	Level         string  `json:"level"`
	Score         float64 `json:"score"`
	Verdict       string  `json:"verdict"`
	RungScore     float64 `json:"rung_score"`
	Items         int     `json:"items"`
	Met           int     `json:"met"`
	RequiredUnmet int     `json:"required_unmet"`
}

// SelfGapJSON is the mean of self minus the others over the criteria they
// share.
type SelfGapJSON struct {
	Value    float64 `json:"value"`
	Criteria int     `json:"criteria"`
}

// CalibratedRaterJSON is how one rater rates.
type CalibratedRaterJSON struct {
	Rater       string        `json:"rater"`
	Assessments int           `json:"assessments"`
	MeanRating  *float64      `json:"mean_rating"`
	Offset      *float64      `json:"offset"`
	Flag        *string       `json:"flag"`
	Compared    int           `json:"compared"`
	Roles       RoleCountJSON `json:"roles"`
}

// RoleCountJSON counts a rater's assessments by role.
type RoleCountJSON struct {
	Self    int `json:"self"`
	Manager int `json:"manager"`
	Peer    int `json:"peer"`
}

// AgreementJSON is the team's agreement.
type AgreementJSON struct {
	Pairs     int                 `json:"pairs"`
	Exact     *float64            `json:"exact"`
	WithinOne *float64            `json:"within_one"`
	Kappa     *float64            `json:"kappa"`
	ByRoles   []RoleAgreementJSON `json:"by_roles"`
}

// RoleAgreementJSON is the agreement between raters of two roles.
type RoleAgreementJSON struct {
	Roles     [2]string `json:"roles"`
	Pairs     int       `json:"pairs"`
	Exact     *float64  `json:"exact"`
	WithinOne *float64  `json:"within_one"`
	Kappa     *float64  `json:"kappa"`
}

// LevelCountJSON counts people at a level; level null counts those with
// none. Up and down count the people now at the level whom the consensus
// fits higher or lower.
type LevelCountJSON struct {
	Level     *string `json:"level"`
	Current   int     `json:"current"`
	Consensus int     `json:"consensus"`
	Up        int     `json:"up"`
	Down      int     `json:"down"`
}

// MoveJSON is a person whose consensus fit is not their current level.
type MoveJSON struct {
	Person string  `json:"person"`
	From   string  `json:"from"`
	To     *string `json:"to"`
	Levels int     `json:"levels"`
}

// AgendaJSON is what a meeting should discuss, in order: the people by
// name, and the criteria with the numbers behind them.
type AgendaJSON struct {
	People   []string              `json:"people"`
	Criteria []CriterionAgendaJSON `json:"criteria"`
}

// CriterionAgendaJSON is a criterion on the agenda. Split counts the
// people whose raters disagree on it; pairs, exact and mean_gap describe
// the pairs of ratings (null for yes/no criteria); self_gap is the mean of
// self minus the others.
type CriterionAgendaJSON struct {
	Criterion string   `json:"criterion"`
	People    int      `json:"people"`
	Split     int      `json:"split"`
	Pairs     int      `json:"pairs"`
	Exact     int      `json:"exact"`
	MeanGap   *float64 `json:"mean_gap"`
	SelfGap   *float64 `json:"self_gap"`
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

func intp(n int) *int { return &n }

func floatp(v float64) *float64 { return &v }

// flagJSON is a flag with its numbers.
func flagJSON(r *rubric.Rubric, p assess.PersonCalibration, f assess.Flag) FlagJSON {
	fj := FlagJSON{Flag: string(f)}
	switch f {
	case assess.PromotionReady, assess.BelowLevel:
		d, _ := move(r, p)
		fj.Value = float64(d)
		level := p.ConsensusFit
		if f == assess.BelowLevel {
			level = p.CurrentLevel
		}
		fj.Level = &level
		for _, ls := range p.ConsensusLevels {
			if ls.Level == level {
				fj.Score = floatp(Round2(ls.Score))
			}
		}
	case assess.SelfHigher, assess.SelfLower:
		fj.Value = Cut2(*p.SelfDiff)
		fj.Criteria = intp(p.SelfShared)
	case assess.RaterDisagreement:
		most := 0
		for _, d := range p.Disagreements {
			lo, hi := d.Ratings[0].Value, d.Ratings[0].Value
			for _, rr := range d.Ratings {
				lo, hi = min(lo, rr.Value), max(hi, rr.Value)
			}
			most = max(most, hi-lo)
		}
		fj.Value = float64(most)
		fj.Criteria = intp(len(p.Disagreements))
	}
	return fj
}

// NewCalibrationJSON converts a calibration to its data form.
func NewCalibrationJSON(r *rubric.Rubric, c *assess.Calibration) CalibrationJSON {
	out := CalibrationJSON{People: []CalibratedPersonJSON{}, Raters: []CalibratedRaterJSON{}, Levels: []LevelCountJSON{},
		Moves: []MoveJSON{}, Agenda: AgendaJSON{People: []string{}, Criteria: []CriterionAgendaJSON{}}, Anonymized: c.Anonymized}
	for _, p := range c.People {
		pj := CalibratedPersonJSON{
			Person:            p.Person,
			CurrentLevel:      levelp(p.CurrentLevel),
			ConsensusFitLevel: levelp(p.ConsensusFit),
			Raters:            []PersonRaterJSON{},
			Flags:             []FlagJSON{},
			Disagreements:     []DisagreementJSON{},
			Consensus:         ConsensusJSON{Levels: []ConsensusLevelJSON{}, Specialties: []ConsensusSpecialtyJSON{}},
		}
		for _, rf := range p.Raters {
			pj.Raters = append(pj.Raters, PersonRaterJSON{Rater: rf.Rater, Role: string(rf.Role), FitLevel: levelp(rf.FitLevel)})
		}
		for _, f := range p.Flags {
			pj.Flags = append(pj.Flags, flagJSON(r, p, f))
		}
		for _, d := range p.Disagreements {
			dj := DisagreementJSON{Criterion: d.Criterion, Ratings: RatingsJSON{}}
			for _, rr := range d.Ratings {
				dj.Ratings = append(dj.Ratings, RaterRatingJSON{Rater: rr.Rater, Value: rr.Value, YesNo: d.YesNo})
			}
			pj.Disagreements = append(pj.Disagreements, dj)
		}
		for _, ls := range p.ConsensusLevels {
			pj.Consensus.Levels = append(pj.Consensus.Levels, ConsensusLevelJSON{Level: ls.Level, Score: Round2(ls.Score), Meets: ls.Meets})
		}
		for _, s := range p.ConsensusSpecialties {
			pj.Consensus.Specialties = append(pj.Consensus.Specialties, ConsensusSpecialtyJSON{Specialty: s.Specialty, Score: Round2(s.Score), Verdict: string(s.Verdict)})
		}
		if n := p.Next; n != nil {
			pj.NextLevel = &NextLevelJSON{Level: n.Level, Score: Round2(n.Score), Verdict: string(n.Verdict), RungScore: Round2(n.Rung),
				Items: n.Units, Met: n.Met, RequiredUnmet: n.RequiredUnmet}
		}
		if p.SelfDiff != nil {
			pj.SelfGap = &SelfGapJSON{Value: Cut2(*p.SelfDiff), Criteria: p.SelfShared}
		}
		out.People = append(out.People, pj)
		if d, ok := move(r, p); ok && d != 0 {
			out.Moves = append(out.Moves, MoveJSON{Person: p.Person, From: p.CurrentLevel, To: levelp(p.ConsensusFit), Levels: d})
		}
	}
	for _, rc := range c.Raters {
		rj := CalibratedRaterJSON{Rater: rc.Rater, Assessments: rc.Assessments, MeanRating: cut2p(rc.MeanRating), Offset: cut2p(rc.Offset),
			Compared: rc.Compared, Roles: RoleCountJSON{Self: rc.AsSelf, Manager: rc.AsManager, Peer: rc.AsPeer}}
		if rc.Flag != "" {
			f := string(rc.Flag)
			rj.Flag = &f
		}
		out.Raters = append(out.Raters, rj)
	}
	a := c.Agreement
	out.Agreement = AgreementJSON{Pairs: a.Pairs, Exact: cut2p(a.ExactShare()), WithinOne: cut2p(a.WithinOneShare()), Kappa: cut2p(a.Kappa),
		ByRoles: []RoleAgreementJSON{}}
	for _, ra := range c.ByRoles {
		out.Agreement.ByRoles = append(out.Agreement.ByRoles, RoleAgreementJSON{Roles: [2]string{string(ra.A), string(ra.B)}, Pairs: ra.Pairs,
			Exact: cut2p(ra.ExactShare()), WithinOne: cut2p(ra.WithinOneShare()), Kappa: cut2p(ra.Kappa)})
	}
	for _, l := range c.Levels {
		out.Levels = append(out.Levels, LevelCountJSON{Level: levelp(l.Level), Current: l.Current, Consensus: l.Consensus, Up: l.Up, Down: l.Down})
	}
	for _, i := range c.AgendaPeople() {
		out.Agenda.People = append(out.Agenda.People, c.People[i].Person)
	}
	for _, ca := range c.AgendaCriteria() {
		cj := CriterionAgendaJSON{Criterion: ca.Criterion, People: ca.People, Split: ca.Split, Pairs: ca.Pairs, Exact: ca.Exact,
			MeanGap: cut2p(ca.MeanGap()), SelfGap: cut2p(ca.SelfDiff())}
		out.Agenda.Criteria = append(out.Agenda.Criteria, cj)
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

func flagPaint(style Style, f assess.Flag) string {
	switch f {
	case assess.PromotionReady:
		return style.paint(green, string(f))
	case assess.BelowLevel:
		return style.paint(red, string(f))
	}
	return style.paint(yellow, string(f))
}

// FlagReason says what raised a flag; for rater-disagreement, how many
// criteria (DisagreementText lists them).
func FlagReason(r *rubric.Rubric, p assess.PersonCalibration, f assess.Flag) string {
	switch f {
	case assess.PromotionReady:
		return fmt.Sprintf("consensus fit %s is above the current level, %s", LevelTitle(r, p.ConsensusFit), LevelTitle(r, p.CurrentLevel))
	case assess.BelowLevel:
		if p.ConsensusFit == "" {
			return fmt.Sprintf("the consensus fits no level; the current level is %s", LevelTitle(r, p.CurrentLevel))
		}
		return fmt.Sprintf("consensus fit %s is below the current level, %s", LevelTitle(r, p.ConsensusFit), LevelTitle(r, p.CurrentLevel))
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
	levelsLegend    = "now: people at the level; consensus: people the consensus fits there; up, down: people now at the level whom the consensus fits higher, lower"
)

func peopleRow(r *rubric.Rubric, p assess.PersonCalibration) []string {
	return []string{p.Person, LevelTitle(r, p.CurrentLevel), LevelTitle(r, p.ConsensusFit), moveText(r, p)}
}

var peopleHeader = []string{"Person", "Now", "Consensus fit", "Move"}

// personLines are what the tables say of each person beyond their row:
// each rater's fit, the next level explained, and the flags with their
// reasons; a label, then its text.
func personLines(r *rubric.Rubric, p assess.PersonCalibration, anonymized bool) [][2]string {
	lines := [][2]string{{"fit by rater", raterFits(r, p, anonymized)}, {"next level", NextLevelText(r, p)}}
	for _, f := range p.Flags {
		lines = append(lines, [2]string{string(f), FlagReason(r, p, f)})
	}
	return lines
}

func raterRow(style Style, rc assess.RaterCalibration) []string {
	flag := string(rc.Flag)
	if flag != "" {
		flag = style.paint(yellow, flag)
	}
	return []string{rc.Rater, strconv.Itoa(rc.Assessments), optional(rc.MeanRating, decimal), optional(rc.Offset, signed), flag}
}

var ratersHeader = []string{"Rater", "Assessments", "Mean rating", "Offset", "Flag"}

func agreementRow(who string, a assess.Agreement) []string {
	reading := ""
	if a.Kappa != nil {
		reading = KappaReading(*a.Kappa)
	}
	return []string{who, strconv.Itoa(a.Pairs), optional(a.ExactShare(), Percent), optional(a.WithinOneShare(), Percent), optional(a.Kappa, decimal), reading}
}

// agreementRows are the team's agreement, then its agreement by pair of
// roles.
func agreementRows(c *assess.Calibration) [][]string {
	rows := [][]string{agreementRow("all raters", c.Agreement)}
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

func levelRow(r *rubric.Rubric, l assess.LevelCount) []string {
	title := "(no level)"
	if lv := r.Level(l.Level); lv != nil {
		title = lv.Title
	}
	return []string{title, strconv.Itoa(l.Current), strconv.Itoa(l.Consensus), strconv.Itoa(l.Up), strconv.Itoa(l.Down)}
}

var levelsHeader = []string{"Level", "Now", "Consensus", "Up", "Down"}

// movesText lists the people whose consensus fit is not their current
// level, in standing order: "up 1  Cara Moreau: Senior Backend Engineer →
// Staff Backend Engineer".
func movesText(r *rubric.Rubric, c *assess.Calibration) []string {
	var out []string
	for _, i := range c.Standing(r) {
		p := c.People[i]
		if d, ok := move(r, p); ok && d != 0 {
			out = append(out, fmt.Sprintf("%-7s %s: %s → %s", moveText(r, p), p.Person, LevelTitle(r, p.CurrentLevel), LevelTitle(r, p.ConsensusFit)))
		}
	}
	return out
}

// RenderCalibration writes the views of a calibration as tables for people.
func RenderCalibration(w io.Writer, r *rubric.Rubric, c *assess.Calibration, style Style, views []string) error {
	p := &printer{w: w}
	p.line("%s", style.Bold("Calibration: "+summaryLine(c)))
	if slices.Contains(views, ViewPeople) {
		p.line("")
		p.line("%s", style.Bold("People"))
		p.line("%s", style.Dim("Promotion-ready and below-level first; details of each person below the table."))
		t := NewTable(style, peopleHeader...)
		standing := c.Standing(r)
		for _, i := range standing {
			pc := c.People[i]
			row := peopleRow(r, pc)
			switch d, _ := move(r, pc); {
			case d > 0:
				row[3] = style.paint(green, row[3])
			case d < 0:
				row[3] = style.paint(red, row[3])
			}
			t.Row(row...)
		}
		p.table(t)
		// Labels and flag names share one column: four spaces, the widest
		// flag, two spaces; texts wrap under their own column.
		indent := strings.Repeat(" ", 4+len(assess.RaterDisagreement)+2)
		for _, i := range standing {
			pc := c.People[i]
			p.line("")
			p.line("  %s", style.Bold(pc.Person))
			for _, l := range personLines(r, pc, c.Anonymized) {
				label := style.Dim(l[0])
				if f := assess.Flag(l[0]); slices.Contains(pc.Flags, f) {
					label = flagPaint(style, f)
				}
				text := strings.Split(Wrap(l[1], 80-len(indent), "", ""), "\n")
				p.line("    %s  %s", padRight(label, len(l[0]), len(assess.RaterDisagreement)), text[0])
				for _, more := range text[1:] {
					p.line("%s%s", indent, more)
				}
				if assess.Flag(l[0]) == assess.RaterDisagreement {
					for _, d := range pc.Disagreements {
						p.line("%s", Wrap(DisagreementText(d), 80, indent, indent+"  "))
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
		p.line("%s", style.Dim(Wrap(ratersLegend, 80, "", "")))
	}
	if slices.Contains(views, ViewAgreement) {
		p.line("")
		p.line("%s", style.Bold("Agreement"))
		t := NewTable(style, agreementHeader...).AlignRight(1, 2, 3, 4)
		for _, row := range agreementRows(c) {
			t.Row(row...)
		}
		p.table(t)
		p.line("%s", style.Dim(Wrap(agreementLegend, 80, "", "")))
		p.line("%s", style.Dim(Wrap(kappaGuide, 80, "", "")))
	}
	if slices.Contains(views, ViewLevels) {
		p.line("")
		p.line("%s", style.Bold("Levels"))
		t := NewTable(style, levelsHeader...).AlignRight(1, 2, 3, 4)
		for _, l := range c.Levels {
			t.Row(levelRow(r, l)...)
		}
		p.table(t)
		p.line("%s", style.Dim(Wrap(levelsLegend, 80, "", "")))
		if moves := movesText(r, c); len(moves) > 0 {
			p.line("")
			p.line("%s", style.Bold("Movement"))
			for _, m := range moves {
				p.line("  %s", m)
			}
		}
	}
	return p.err
}

// padRight pads text, whose visible width is width, to n columns.
func padRight(text string, width, n int) string {
	if width >= n {
		return text
	}
	return text + strings.Repeat(" ", n-width)
}

// WriteCalibrationMarkdown writes the views of a calibration as Markdown:
// a heading and a table per view, the flags as a list.
func WriteCalibrationMarkdown(w io.Writer, r *rubric.Rubric, c *assess.Calibration, views []string) error {
	p := &printer{w: w}
	plain := Style{}
	p.line("# Calibration")
	p.line("")
	p.line("%s.", mdEscape(strings.ToUpper(summaryLine(c)[:1])+summaryLine(c)[1:]))
	if slices.Contains(views, ViewPeople) {
		p.line("")
		p.line("## People")
		p.line("")
		p.line("Promotion-ready and below-level first.")
		p.line("")
		standing := c.Standing(r)
		rows := make([][]string, 0, len(c.People))
		for _, i := range standing {
			rows = append(rows, peopleRow(r, c.People[i]))
		}
		mdTable(p, peopleHeader, nil, rows)
		p.line("")
		p.line("### Each person")
		p.line("")
		for _, i := range standing {
			pc := c.People[i]
			p.line("- **%s**", mdEscape(pc.Person))
			for _, l := range personLines(r, pc, c.Anonymized) {
				p.line("  - %s: %s", mdEscape(l[0]), mdEscape(l[1]))
				if assess.Flag(l[0]) == assess.RaterDisagreement {
					for _, d := range pc.Disagreements {
						p.line("    - %s", mdEscape(DisagreementText(d)))
					}
				}
			}
		}
	}
	if slices.Contains(views, ViewRaters) {
		p.line("")
		p.line("## Raters")
		p.line("")
		rows := make([][]string, 0, len(c.Raters))
		for _, rc := range c.Raters {
			rows = append(rows, raterRow(plain, rc))
		}
		mdTable(p, ratersHeader, []int{1, 2, 3}, rows)
		p.line("")
		p.line("%s.", mdEscape(strings.ToUpper(ratersLegend[:1])+ratersLegend[1:]))
	}
	if slices.Contains(views, ViewAgreement) {
		p.line("")
		p.line("## Agreement")
		p.line("")
		mdTable(p, agreementHeader, []int{1, 2, 3, 4}, agreementRows(c))
		p.line("")
		p.line("%s.", mdEscape(strings.ToUpper(agreementLegend[:1])+agreementLegend[1:]))
		p.line("")
		p.line("%s", mdEscape(kappaGuide))
	}
	if slices.Contains(views, ViewLevels) {
		p.line("")
		p.line("## Levels")
		p.line("")
		rows := make([][]string, 0, len(c.Levels))
		for _, l := range c.Levels {
			rows = append(rows, levelRow(r, l))
		}
		mdTable(p, levelsHeader, []int{1, 2, 3, 4}, rows)
		p.line("")
		p.line("%s.", mdEscape(strings.ToUpper(levelsLegend[:1])+levelsLegend[1:]))
		if moves := movesText(r, c); len(moves) > 0 {
			p.line("")
			for _, m := range moves {
				p.line("- %s", mdEscape(m))
			}
		}
	}
	return p.err
}

// mdEscape keeps text from being read as Markdown: table pipes, emphasis,
// code, links and HTML.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '|', '*', '_', '`', '[', ']', '<', '>':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func mdTable(p *printer, header []string, right []int, rows [][]string) {
	isRight := map[int]bool{}
	for _, i := range right {
		isRight[i] = true
	}
	cells := func(row []string) string {
		esc := make([]string, len(row))
		for i, c := range row {
			esc[i] = mdEscape(c)
		}
		return "| " + strings.Join(esc, " | ") + " |"
	}
	p.line("%s", cells(header))
	rule := make([]string, len(header))
	for i := range rule {
		rule[i] = "---"
		if isRight[i] {
			rule[i] = "--:"
		}
	}
	p.line("| %s |", strings.Join(rule, " | "))
	for _, row := range rows {
		p.line("%s", cells(row))
	}
}

// WriteCalibrationCSV writes one view of a calibration as CSV, with a
// header row. Missing levels and values are empty cells; in the columns
// that list the fit levels of several raters (space-separated), a rater
// whose assessment fits no level shows as "-".
//
//	people:    person, current_level, consensus_fit_level, self_fit_level,
//	           manager_fit_level, peer_fit_levels, peer_raters (the peers
//	           of peer_fit_levels, in order, "; "-separated), flags,
//	           disagreements, next_level, next_level_rung_score, self_gap,
//	           then score_<level> (the consensus score) for each level
//	raters:    rater, assessments, mean_rating, offset, flag, compared
//	agreement: raters ("all", or a pair of roles: "self-manager"), pairs,
//	           exact, within_one, kappa
//	levels:    level, current, consensus, up, down
func WriteCalibrationCSV(w io.Writer, r *rubric.Rubric, c *assess.Calibration, view string) error {
	cw := csv.NewWriter(w)
	num := func(v *float64) string {
		if v == nil {
			return ""
		}
		return strconv.FormatFloat(Cut2(*v), 'f', -1, 64)
	}
	switch view {
	case ViewPeople:
		header := []string{"person", "current_level", "consensus_fit_level", "self_fit_level", "manager_fit_level", "peer_fit_levels",
			"peer_raters", "flags", "disagreements", "next_level", "next_level_rung_score", "self_gap"}
		for _, l := range r.Levels {
			header = append(header, "score_"+l.ID)
		}
		_ = cw.Write(header)
		for _, p := range c.People {
			var flags, dis, peers []string
			for _, f := range p.Flags {
				flags = append(flags, string(f))
			}
			for _, d := range p.Disagreements {
				dis = append(dis, d.Criterion)
			}
			for _, rf := range p.Raters {
				if rf.Role == assess.Peer {
					peers = append(peers, rf.Rater)
				}
			}
			next, rung := "", ""
			if p.Next != nil {
				next, rung = p.Next.Level, strconv.FormatFloat(Round2(p.Next.Rung), 'f', -1, 64)
			}
			row := []string{p.Person, p.CurrentLevel, p.ConsensusFit,
				roleFits(p, assess.Self, " "), roleFits(p, assess.Manager, " "), roleFits(p, assess.Peer, " "), strings.Join(peers, "; "),
				strings.Join(flags, " "), strings.Join(dis, " "), next, rung, num(p.SelfDiff)}
			for _, ls := range p.ConsensusLevels {
				row = append(row, strconv.FormatFloat(Round2(ls.Score), 'f', -1, 64))
			}
			_ = cw.Write(row)
		}
	case ViewRaters:
		_ = cw.Write([]string{"rater", "assessments", "mean_rating", "offset", "flag", "compared"})
		for _, rc := range c.Raters {
			_ = cw.Write([]string{rc.Rater, strconv.Itoa(rc.Assessments), num(rc.MeanRating), num(rc.Offset), string(rc.Flag), strconv.Itoa(rc.Compared)})
		}
	case ViewAgreement:
		_ = cw.Write([]string{"raters", "pairs", "exact", "within_one", "kappa"})
		row := func(who string, a assess.Agreement) {
			_ = cw.Write([]string{who, strconv.Itoa(a.Pairs), num(a.ExactShare()), num(a.WithinOneShare()), num(a.Kappa)})
		}
		row("all", c.Agreement)
		for _, ra := range c.ByRoles {
			row(string(ra.A)+"-"+string(ra.B), ra.Agreement)
		}
	case ViewLevels:
		_ = cw.Write([]string{"level", "current", "consensus", "up", "down"})
		for _, l := range c.Levels {
			_ = cw.Write([]string{l.Level, strconv.Itoa(l.Current), strconv.Itoa(l.Consensus), strconv.Itoa(l.Up), strconv.Itoa(l.Down)})
		}
	default:
		return fmt.Errorf("unknown view %q", view)
	}
	cw.Flush()
	return cw.Error()
}
