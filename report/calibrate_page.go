package report

import (
	"cmp"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"iter"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/rubric"
)

// The calibration page: one self-contained HTML page for a calibration
// meeting, worked out here as plain values and laid out by
// templates/calibrate.html. Every value reaches the page through
// html/template, which escapes it for where it stands.

//go:embed templates/calibrate.html
var calibrateHTML string

// Page limits: how much of a long list the top of the page names before it
// counts the rest (the full lists are further down the page).
const (
	cardNames          = 6  // names on a summary card
	agendaCriteriaMax  = 10 // criteria on the agenda
	agendaPeopleMax    = 15 // people on the agenda
	discussFirst       = 3  // criteria on the summary card
	raterColumns       = 6  // raters side by side in one table of a person's picture
	areaSpreadToMark   = 1.0
	offsetScaleMaxWide = 1.5 // the offset bars run from -1.5 to +1.5
)

// CalibrationPage is everything the calibration page shows.
type CalibrationPage struct {
	Rubric     string
	Version    string
	Summary    string // "14 assessments of 4 people by 6 raters"
	Anonymized bool
	Meets      string // "80%"
	Scale      string // "0 (Not yet) to 4 (Leading)"
	SelfGap    string // "0.50"
	RaterGap   string
	Gap        int // ratings this far apart disagree

	Ready, Below calCard
	RaterCard    calCard
	DiscussCard  calCard
	AgreeCard    calCard

	LevelTitles []string
	Standing    []calStanding
	Chart       calChart
	Levels      []calLevelRow
	Moves       []calMove

	AgendaPeople       []calAgendaPerson
	MoreAgendaPeople   int
	AgendaCriteria     []calAgendaCriterion
	MoreAgendaCriteria int

	// People are the people's pictures, in standing order, each worked
	// out as the page is written: an organisation's pictures would not all
	// fit in memory. PeopleCompareOn is what they compare raters on
	// (calPerson.AreasOf), for the page's lead.
	People          iter.Seq[calPerson]
	PeopleCompareOn string

	Raters      []calRater
	OffsetTicks []calTick
	Agreement   calAgreement
	ByRoles     []calAgreement
	KappaGuide  string

	Glossary []calGlossary
}

// calCard is one figure of the summary strip: a label, the names or
// numbers, and a line under them.
type calCard struct {
	Label  string
	Items  []calItem
	More   int
	Empty  string
	Detail string
	Class  string
}

// calItem is one line of a card, with a reference in small print after it
// (a criterion's id).
type calItem struct {
	Text, Ref string
}

// calStanding is one person's row of "who stands where".
type calStanding struct {
	Anchor           string
	Person           string
	Current, Fit     string
	Move             string // "up 1", "down 1", "same", "-"
	MoveClass        string // up, down, same, none
	Cells            []calLevelCell
	Next, NextRung   string // the next level's title and the score of its rung; Next alone at the top
	Flags            []calFlag
	NoCurrent, NoFit bool
}

// calLevelCell is the consensus score at one level, for a person.
type calLevelCell struct {
	Score   string
	Meets   bool
	Current bool
	Fit     bool
}

// calFlag is a flag with its numbers in words.
type calFlag struct {
	Name, Text, Class string
}

// calLevelRow counts people at one level.
type calLevelRow struct {
	Title                        string
	Current, Consensus, Up, Down int
}

// calMove is one person going up or down.
type calMove struct {
	Anchor, Person, From, To, Class, Arrow string
	Levels                                 int
}

// calChart is the bar chart of the team's levels before and after, drawn
// as inline SVG.
type calChart struct {
	Width, Height float64
	Bars          []calBar
	Labels        []calChartLabel
	Baseline      float64
	Left, Right   float64
	Description   string // the chart in words
}

// calBar is one bar of the chart, with its count written above it.
type calBar struct {
	X, Y, W, H   float64
	Class        string // now or after
	Count        int
	TextX, TextY float64
}

// calChartLabel is a level's name under its bars.
type calChartLabel struct {
	X, Y  float64
	Lines []string
}

// calAgendaPerson is a person on the agenda, with the numbers behind it.
type calAgendaPerson struct {
	Anchor, Person string
	Flags          []calFlag
	Splits         []calSplit // the criteria in disagreement, with the ratings
}

// calSplit is a criterion in disagreement for one person, with every
// rater's rating: "Cara Moreau 4, Eli Haddad 3, Fay Novak 2".
type calSplit struct {
	Label, ID, Ratings string
}

// calAgendaCriterion is a criterion on the agenda, with the numbers behind
// it.
type calAgendaCriterion struct {
	Rank     int
	ID       string
	Label    string
	Prompt   string // the question, when the label does not already say it all
	Where    string // "Senior Backend Engineer", "Gitaly specialty"
	Split    int
	People   int
	Pairs    int
	Differ   int
	MeanGap  string
	SelfDiff string
	SelfMark bool
	YesNo    bool
	Why      string
}

// calPerson is one person's picture.
type calPerson struct {
	Anchor, Person string
	Current, Fit   string
	Move           string
	MoveClass      string
	Next           string
	Flags          []calFlag
	Specialties    string
	Raters         []calPersonRater
	Tables         []calTable // the areas and criteria, for all the raters or a few at a time
	Areas          []calArea
	AreasOf        string // "theme" or "area"
	Criteria       []calCriterionRow
	Agreed         int         // criteria every rater rated alike
	AgreedList     []calAgreed // how many of those criteria share each rating
	Rated          int
	Differ         int
}

// calAgreed counts the criteria every rater of a person rated alike at one
// rating. The page counts them rather than naming them: they need no
// discussion, and naming them would take a sixth of a large page.
type calAgreed struct {
	Rating string
	N      int
	YesNo  bool
}

// calPersonRater heads one column of a person's picture; Role is empty for
// the person's own assessment, which is headed "Self".
type calPersonRater struct {
	Name, Role, Fit string
}

// calGroup is the raters From to To (exclusive) of a person's picture,
// shown in one table; Caption says which when a person has too many raters
// for one table to be read, or printed, whole.
type calGroup struct {
	From, To int
	Caption  string
}

// calTable is a person's areas and criteria for one group of raters: the
// rows of the picture with the cells of those raters only.
type calTable struct {
	Caption  string
	Raters   []calPersonRater
	Areas    []calArea
	Criteria []calCriterionRow
}

// calArea is one area (theme) of a person's picture.
type calArea struct {
	Title     string
	Cells     []calCell
	Consensus string
	Criteria  int
	Spread    string
	Marked    bool
	Note      string
}

// calCell is one rater's number; High and Low mark the extremes of a row
// in disagreement.
type calCell struct {
	Text      string
	High, Low bool
}

// calCriterionRow is one criterion of a person's picture.
type calCriterionRow struct {
	ID        string
	Label     string
	Cells     []calCell
	Consensus string
	Split     bool
	Note      string
}

// calRater is one rater's row.
type calRater struct {
	Name        string
	Roles       string
	Assessments int
	Mean        string
	Offset      string
	Compared    int
	Flag        string
	FlagClass   string
	HasOffset   bool
	BarLeft     float64 // percent of the track where the bar starts
	BarWidth    float64
	Positive    bool
}

// calTick is a mark under the offset bars.
type calTick struct {
	Pos   float64
	Label string
}

// calAgreement is the agreement of a set of pairs.
type calAgreement struct {
	Who       string
	Pairs     string
	Exact     string
	WithinOne string
	Kappa     string
	Reading   string
}

// calGlossary is a criterion the page names, with its question.
type calGlossary struct {
	ID, Prompt, Where, Strength string
}

// NewCalibrationPage works out the page of a calibration.
func NewCalibrationPage(r *rubric.Rubric, c *assess.Calibration) *CalibrationPage {
	pg := &CalibrationPage{
		Rubric:     r.Title,
		Version:    r.Version,
		Summary:    summaryLine(c),
		Anonymized: c.Anonymized,
		Meets:      percent(r.Thresholds.Meets),
		Scale:      fmt.Sprintf("%d (%s) to %d (%s)", r.Scale[0].Value, r.Scale[0].Label, r.MaxRating(), r.ScaleLabel(r.MaxRating())),
		SelfGap:    decimal(assess.SelfGap),
		RaterGap:   decimal(assess.RaterGap),
		Gap:        assess.DisagreementGap,
		KappaGuide: kappaGuide,
	}
	for _, l := range r.Levels {
		pg.LevelTitles = append(pg.LevelTitles, l.Title)
	}
	standing := c.Standing(r)
	anchor := func(i int) string { return "p" + strconv.Itoa(i+1) }

	// Who stands where, and the movement.
	for _, i := range standing {
		p := c.People[i]
		st := calStanding{Anchor: anchor(i), Person: p.Person, Current: levelTitle(r, p.CurrentLevel), Fit: levelTitle(r, p.ConsensusFit),
			Move: moveText(r, p), MoveClass: moveClass(r, p), Flags: calFlags(r, p),
			NoCurrent: p.CurrentLevel == "", NoFit: p.ConsensusFit == ""}
		st.Next = "top of the ladder"
		if p.Next != nil {
			st.Next, st.NextRung = levelTitle(r, p.Next.Level), percent(p.Next.Rung)
		}
		for _, ls := range p.ConsensusLevels {
			st.Cells = append(st.Cells, calLevelCell{Score: percent(ls.Score), Meets: ls.Meets, Current: ls.Level == p.CurrentLevel, Fit: ls.Level == p.ConsensusFit})
		}
		pg.Standing = append(pg.Standing, st)
		if d, ok := move(r, p); ok && d != 0 {
			m := calMove{Anchor: anchor(i), Person: p.Person, From: levelTitle(r, p.CurrentLevel), To: levelTitle(r, p.ConsensusFit), Levels: d}
			m.Class, m.Arrow = "up", "▲ up"
			if d < 0 {
				m.Class, m.Arrow = "down", "▼ down"
			}
			pg.Moves = append(pg.Moves, m)
		}
	}
	for _, l := range c.Levels {
		title := "No level"
		if l.Level != "" {
			title = levelTitle(r, l.Level)
		}
		pg.Levels = append(pg.Levels, calLevelRow{Title: title, Current: l.Current, Consensus: l.Consensus, Up: l.Up, Down: l.Down})
	}
	pg.Chart = levelsChart(pg.Levels)

	pg.cards(r, c, standing)
	pg.agenda(r, c, anchor)
	pg.people(r, c, standing, anchor)
	pg.raters(c)
	pg.glossary(r, c)
	// html/template escapes markup, but not the characters that reorder
	// or hide text: every string on the page is neutralised here, once.
	neutralise(reflect.ValueOf(pg).Elem())
	return pg
}

func moveClass(r *rubric.Rubric, p assess.PersonCalibration) string {
	d, ok := move(r, p)
	switch {
	case !ok:
		return "none"
	case d > 0:
		return "up"
	case d < 0:
		return "down"
	}
	return "same"
}

// calFlags are a person's flags with their numbers.
func calFlags(r *rubric.Rubric, p assess.PersonCalibration) []calFlag {
	var out []calFlag
	for _, f := range p.Flags {
		class := "warn"
		switch f {
		case assess.PromotionReady:
			class = "up"
		case assess.BelowLevel:
			class = "down"
		}
		out = append(out, calFlag{Name: string(f), Text: flagNumbers(r, p, f), Class: class})
	}
	return out
}

// flagNumbers is the short form of a flag's reason, for the page's badges.
func flagNumbers(r *rubric.Rubric, p assess.PersonCalibration, f assess.Flag) string {
	switch f {
	case assess.PromotionReady, assess.BelowLevel:
		d, _ := move(r, p)
		if d < 0 {
			d = -d
		}
		return fmt.Sprintf("%d %s", d, plural(d, "level", "levels"))
	case assess.SelfHigher, assess.SelfLower:
		return fmt.Sprintf("%s over %d", signed(*p.SelfDiff), p.SelfShared)
	case assess.RaterDisagreement:
		n := len(p.Disagreements)
		return fmt.Sprintf("%d %s", n, plural(n, "criterion", "criteria"))
	}
	return ""
}

func (pg *CalibrationPage) cards(r *rubric.Rubric, c *assess.Calibration, standing []int) {
	pg.Ready = calCard{Label: "Ready for promotion", Empty: "Nobody", Class: "up",
		Detail: "the consensus fits a level above the current one"}
	pg.Below = calCard{Label: "Below their level", Empty: "Nobody", Class: "down",
		Detail: "the consensus fits a level below the current one"}
	add := func(card *calCard, text string) {
		if len(card.Items) < cardNames {
			card.Items = append(card.Items, calItem{Text: text})
		} else {
			card.More++
		}
	}
	for _, i := range standing {
		p := c.People[i]
		switch {
		case slices.Contains(p.Flags, assess.PromotionReady):
			add(&pg.Ready, fmt.Sprintf("%s: %s → %s", p.Person, levelTitle(r, p.CurrentLevel), levelTitle(r, p.ConsensusFit)))
		case slices.Contains(p.Flags, assess.BelowLevel):
			add(&pg.Below, fmt.Sprintf("%s: %s → %s", p.Person, levelTitle(r, p.CurrentLevel), levelTitle(r, p.ConsensusFit)))
		}
	}

	pg.RaterCard = calCard{Label: "Lenient and severe raters", Empty: "None: every rater is within ±" + decimal(assess.RaterGap) + " of the others", Class: "warn",
		Detail: "offset against the other raters of the same people; lenient at +" + decimal(assess.RaterGap) + ", severe at −" + decimal(assess.RaterGap)}
	var lenient, severe []assess.RaterCalibration
	for _, rc := range c.Raters {
		switch rc.Flag {
		case assess.Lenient:
			lenient = append(lenient, rc)
		case assess.Severe:
			severe = append(severe, rc)
		}
	}
	byOffset := func(a, b assess.RaterCalibration) int { return cmpAbs(b.Offset, a.Offset) }
	slices.SortStableFunc(lenient, byOffset)
	slices.SortStableFunc(severe, byOffset)
	if len(lenient)+len(severe) > 0 {
		if len(lenient) == 0 {
			add(&pg.RaterCard, "Lenient: none")
		}
		for _, rc := range lenient {
			add(&pg.RaterCard, fmt.Sprintf("Lenient: %s %s", rc.Rater, signed(*rc.Offset)))
		}
		if len(severe) == 0 {
			add(&pg.RaterCard, "Severe: none")
		}
		for _, rc := range severe {
			add(&pg.RaterCard, fmt.Sprintf("Severe: %s %s", rc.Rater, signed(*rc.Offset)))
		}
	}

	pg.DiscussCard = calCard{Label: "Criteria to discuss first", Empty: "None: the raters agree", Class: "warn",
		Detail: "where raters disagree most; see the agenda"}
	for i, ca := range c.AgendaCriteria() {
		if i >= discussFirst {
			break
		}
		item := calItem{Text: fmt.Sprintf("%d. %s", i+1, ca.Criterion)}
		if crit := r.Criterion(ca.Criterion); crit != nil {
			item = calItem{Text: fmt.Sprintf("%d. %s", i+1, criterionLabel(crit.Prompt)), Ref: ca.Criterion}
		}
		pg.DiscussCard.Items = append(pg.DiscussCard.Items, item)
	}

	a := c.Agreement
	pg.AgreeCard = calCard{Label: "Agreement between raters", Class: "neutral", Empty: "No two raters rated one person on the same criterion"}
	if a.Pairs > 0 {
		pg.AgreeCard.Items = []calItem{
			{Text: optional(a.ExactShare(), percent) + " exact, " + optional(a.WithinOneShare(), percent) + " within one step"},
			{Text: "kappa " + optional(a.Kappa, decimal) + kappaWords(a.Kappa)},
		}
		pg.AgreeCard.Detail = "over " + thousands(a.Pairs) + " pairs of ratings"
	}
}

func kappaWords(k *float64) string {
	if k == nil {
		return ""
	}
	return ": " + kappaReading(*k)
}

// cmpAbs orders by absolute value, nil last.
func cmpAbs(a, b *float64) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	}
	x, y := math.Abs(*a), math.Abs(*b)
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// where says which part of the ladder a criterion belongs to.
func where(r *rubric.Rubric, c *rubric.Criterion) string {
	if c.General() {
		return "from " + levelTitle(r, c.Level)
	}
	titles := make([]string, len(c.Specialties))
	for i, s := range c.Specialties {
		titles[i] = specialtyTitle(r, s)
	}
	return strings.Join(titles, ", ") + " " + plural(len(titles), "specialty", "specialties")
}

func (pg *CalibrationPage) agenda(r *rubric.Rubric, c *assess.Calibration, anchor func(int) string) {
	for k, i := range c.AgendaPeople() {
		if k >= agendaPeopleMax {
			pg.MoreAgendaPeople++
			continue
		}
		p := c.People[i]
		ap := calAgendaPerson{Anchor: anchor(i), Person: p.Person}
		for _, f := range p.Flags {
			ap.Flags = append(ap.Flags, calFlag{Name: string(f), Text: flagReason(r, p, f), Class: flagClass(f)})
		}
		for _, d := range p.Disagreements {
			ap.Splits = append(ap.Splits, splitOf(r, p, d))
		}
		pg.AgendaPeople = append(pg.AgendaPeople, ap)
	}
	for k, ca := range c.AgendaCriteria() {
		if k >= agendaCriteriaMax {
			pg.MoreAgendaCriteria++
			continue
		}
		crit := r.Criterion(ca.Criterion)
		ac := calAgendaCriterion{Rank: k + 1, ID: ca.Criterion, Label: criterionLabel(crit.Prompt), Prompt: crit.Prompt, Where: where(r, crit), Split: ca.Split,
			People: ca.People, Pairs: ca.Pairs, Differ: ca.Pairs - ca.Exact, YesNo: ca.YesNo}
		if sameWords(ac.Label, crit.Prompt) {
			ac.Prompt = ""
		}
		var why []string
		if ca.Split > 0 {
			gap := fmt.Sprintf("%d or more apart", assess.DisagreementGap)
			if ca.YesNo {
				gap = "yes against no"
			}
			why = append(why, fmt.Sprintf("raters %s on %d of the %d people rated by several", gap, ca.Split, ca.People))
		}
		if !ca.YesNo && ca.Pairs > 0 {
			ac.MeanGap = decimal(*ca.MeanGap())
			why = append(why, fmt.Sprintf("%s of %s pairs of ratings differ, by %s on average", thousands(ca.Pairs-ca.Exact), thousands(ca.Pairs), ac.MeanGap))
		}
		if sd := ca.SelfDiff(); sd != nil {
			ac.SelfDiff = signed(*sd)
			ac.SelfMark = math.Abs(*sd) >= assess.SelfGap-1e-9
			if ac.SelfMark {
				dir := "above"
				if *sd < 0 {
					dir = "below"
				}
				why = append(why, fmt.Sprintf("self-assessments %s the others by %s on average (%d %s)", dir, ac.SelfDiff, ca.SelfPeople, plural(ca.SelfPeople, "person", "people")))
			}
		}
		ac.Why = strings.Join(why, "; ")
		pg.AgendaCriteria = append(pg.AgendaCriteria, ac)
	}
}

func flagClass(f assess.Flag) string {
	switch f {
	case assess.PromotionReady:
		return "up"
	case assess.BelowLevel:
		return "down"
	}
	return "warn"
}

func (pg *CalibrationPage) people(r *rubric.Rubric, c *assess.Calibration, standing []int, anchor func(int) string) {
	pg.PeopleCompareOn = "theme"
	if len(standing) > 0 {
		pg.PeopleCompareOn = areaWord(r)
	}
	areas, of := assess.Areas(r)
	labels := make([]string, len(r.Criteria))
	for i := range r.Criteria {
		labels[i] = criterionLabel(r.Criteria[i].Prompt)
	}
	pg.People = func(yield func(calPerson) bool) {
		for _, i := range standing {
			cp := personPicture(r, c, i, anchor, areas, of, labels)
			// As NewCalibrationPage does for the rest of the page.
			neutralise(reflect.ValueOf(&cp).Elem())
			if !yield(cp) {
				return
			}
		}
	}
}

// ratedApart reports whether two of a person's raters rated criterion ci
// differently, and the lowest and highest of their ratings.
func ratedApart(p *assess.PersonCalibration, ci int) (lo, hi int16, differ bool) {
	lo, hi, n := int16(math.MaxInt16), int16(-1), 0
	for _, rf := range p.Raters {
		if v := rf.Ratings[ci]; v != assess.Unrated {
			lo, hi, n = min(lo, v), max(hi, v), n+1
		}
	}
	return lo, hi, n >= 2 && lo != hi
}

// personPicture is the picture of person i of c; labels are the
// criteria's short labels, by index.
func personPicture(r *rubric.Rubric, c *assess.Calibration, i int, anchor func(int) string, areas []assess.Area, of []int, labels []string) calPerson {
	p := &c.People[i]
	cp := calPerson{Anchor: anchor(i), Person: p.Person, Current: levelTitle(r, p.CurrentLevel), Fit: levelTitle(r, p.ConsensusFit),
		Move: moveText(r, *p), MoveClass: moveClass(r, *p), Next: nextLevelText(r, *p), Flags: calFlags(r, *p), AreasOf: areaWord(r)}
	var specs []string
	for _, s := range p.ConsensusSpecialties {
		specs = append(specs, fmt.Sprintf("%s %s (%s)", specialtyTitle(r, s.Specialty), percent(s.Score), verdictWords(s.Verdict)))
	}
	cp.Specialties = strings.Join(specs, "; ")
	for _, rf := range p.Raters {
		pr := calPersonRater{Name: rf.Rater, Role: roleName(rf.Role), Fit: levelTitle(r, rf.FitLevel)}
		if rf.Own {
			pr.Name, pr.Role = "Self", ""
		}
		cp.Raters = append(cp.Raters, pr)
	}
	for _, ac := range assess.CompareAreas(r, areas, of, p) {
		row := calArea{Title: ac.Area.Title, Consensus: optional(ac.Consensus, oneDecimal), Criteria: len(ac.Criteria)}
		selfApart := ac.SelfDiff != nil && math.Abs(*ac.SelfDiff) >= assess.SelfGap-1e-9
		marked := ac.Spread >= areaSpreadToMark-1e-9 || ac.Disagreements > 0 || selfApart
		for k, m := range ac.Means {
			text := optional(m, oneDecimal)
			if m == nil && ac.YesNo[k] > 0 {
				text = fmt.Sprintf("yes %d/%d", ac.Yes[k], ac.YesNo[k])
			}
			row.Cells = append(row.Cells, calCell{Text: text})
		}
		if row.Consensus == "-" {
			row.Consensus = "yes/no"
		}
		if marked {
			markExtremes(row.Cells, ac.Means)
			row.Marked = true
			var notes []string
			if ac.Spread >= areaSpreadToMark-1e-9 {
				notes = append(notes, "means "+oneDecimal(ac.Spread)+" apart")
			}
			if selfApart {
				notes = append(notes, "self "+signed(*ac.SelfDiff)+" against the others")
			}
			if ac.Disagreements > 0 {
				notes = append(notes, fmt.Sprintf("%d %s split", ac.Disagreements, plural(ac.Disagreements, "criterion", "criteria")))
			}
			row.Note = strings.Join(notes, "; ")
		}
		if ac.Spread > 0 {
			row.Spread = oneDecimal(ac.Spread)
		} else {
			row.Spread = "0"
		}
		cp.Areas = append(cp.Areas, row)
	}
	// The criteria rated alike, by rating: the scale's from the top,
	// then yes, then no.
	alike := map[alikeKey]int{}
	split := make([]bool, len(r.Criteria))
	for _, d := range p.Disagreements {
		split[d.Index] = true
	}
	for ci := range r.Criteria {
		if p.Consensus[ci] == assess.Unrated {
			continue
		}
		crit := &r.Criteria[ci]
		yesno := crit.Answer == rubric.YesNo
		cp.Rated++
		row := calCriterionRow{ID: crit.ID, Label: labels[ci], Consensus: sheetRatingText(p.Consensus[ci], yesno), Split: split[ci]}
		for _, rf := range p.Raters {
			row.Cells = append(row.Cells, calCell{Text: sheetRatingText(rf.Ratings[ci], yesno)})
		}
		lo, hi, differ := ratedApart(p, ci)
		if !differ {
			cp.Agreed++
			alike[alikeKey{yesno, p.Consensus[ci]}]++
			continue
		}
		cp.Differ++
		if row.Split {
			for k, rf := range p.Raters {
				v := rf.Ratings[ci]
				row.Cells[k].High = v == hi
				row.Cells[k].Low = v == lo && v != assess.Unrated
			}
			if yesno {
				row.Note = "yes against no"
			} else {
				row.Note = fmt.Sprintf("%d apart", hi-lo)
			}
		}
		cp.Criteria = append(cp.Criteria, row)
	}
	keys := make([]alikeKey, 0, len(alike))
	for k := range alike {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b alikeKey) int {
		if a.yesno != b.yesno {
			return cmp.Compare(boolInt(a.yesno), boolInt(b.yesno))
		}
		return cmp.Compare(b.value, a.value)
	})
	for _, k := range keys {
		cp.AgreedList = append(cp.AgreedList, calAgreed{Rating: sheetRatingText(k.value, k.yesno), N: alike[k], YesNo: k.yesno})
	}
	cp.Tables = personTables(cp)
	return cp
}

// raterGroups splits a person's raters into tables of at most raterColumns
// raters each, as even as can be: 7 raters make tables of 4 and 3. Each
// table repeats the rows' names and the consensus, so that each reads on
// its own, on a screen or on paper.
func raterGroups(n int) []calGroup {
	if n <= raterColumns {
		return []calGroup{{From: 0, To: n}}
	}
	tables := (n + raterColumns - 1) / raterColumns
	groups := make([]calGroup, 0, tables)
	from := 0
	for t := range tables {
		to := from + (n-from)/(tables-t)
		if (n-from)%(tables-t) != 0 {
			to++
		}
		groups = append(groups, calGroup{From: from, To: to, Caption: fmt.Sprintf("Raters %d to %d of %d", from+1, to, n)})
		from = to
	}
	return groups
}

// personTables lays a person's picture out in tables of a few raters each
// (see raterGroups); the usual one table shares the picture's rows.
func personTables(cp calPerson) []calTable {
	groups := raterGroups(len(cp.Raters))
	if len(groups) == 1 {
		return []calTable{{Raters: cp.Raters, Areas: cp.Areas, Criteria: cp.Criteria}}
	}
	tables := make([]calTable, len(groups))
	for i, g := range groups {
		t := calTable{Caption: g.Caption, Raters: cp.Raters[g.From:g.To],
			Areas: make([]calArea, len(cp.Areas)), Criteria: make([]calCriterionRow, len(cp.Criteria))}
		for k, row := range cp.Areas {
			row.Cells = row.Cells[g.From:g.To]
			t.Areas[k] = row
		}
		for k, row := range cp.Criteria {
			row.Cells = row.Cells[g.From:g.To]
			t.Criteria[k] = row
		}
		tables[i] = t
	}
	return tables
}

// calSplit is a criterion in disagreement, with each rater's rating.
func splitOf(r *rubric.Rubric, p assess.PersonCalibration, d assess.Disagreement) calSplit {
	crit := d.Criterion(r)
	yesno := crit.Answer == rubric.YesNo
	ratings := p.Ratings(d)
	parts := make([]string, len(ratings))
	for i, rr := range ratings {
		parts[i] = rr.Rater + " " + yesNoText(yesno, rr.Value)
	}
	return calSplit{ID: crit.ID, Label: criterionLabel(crit.Prompt), Ratings: strings.Join(parts, ", ")}
}

// sameWords reports whether a label says all its question says.
func sameWords(label, prompt string) bool {
	return label == upperFirst(strings.TrimRight(strings.Join(strings.Fields(prompt), " "), "?.! "))
}

// thousands writes a count with its thousands apart: "104,904".
func thousands(n int) string {
	if n < 0 {
		return "-" + thousands(-n)
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// alikeKey is a rating shared by every rater of a criterion.
type alikeKey struct {
	yesno bool
	value int16
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// areaWord is what a person's picture compares on: the rubric's themes,
// or, without them, the levels' rungs and the specialties.
func areaWord(r *rubric.Rubric) string {
	if len(r.Themes) > 0 {
		return "theme"
	}
	return "rung or specialty"
}

// markExtremes marks the highest and lowest means of a row.
func markExtremes(cells []calCell, means []*float64) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, m := range means {
		if m != nil {
			lo, hi = min(lo, *m), max(hi, *m)
		}
	}
	if hi <= lo {
		return
	}
	for k, m := range means {
		if m == nil {
			continue
		}
		cells[k].High = *m >= hi-1e-9
		cells[k].Low = *m <= lo+1e-9
	}
}

// sheetRatingText shows a sheet's rating: the number, yes/no, or "–" when
// not rated.
func sheetRatingText(v int16, yesno bool) string {
	if v == assess.Unrated {
		return "–"
	}
	return yesNoText(yesno, int(v))
}

func (pg *CalibrationPage) raters(c *assess.Calibration) {
	order := make([]int, len(c.Raters))
	for i := range order {
		order[i] = i
	}
	// The most lenient or severe first: what a meeting asks about.
	slices.SortStableFunc(order, func(a, b int) int { return cmpAbs(c.Raters[b].Offset, c.Raters[a].Offset) })
	scale := offsetScaleMaxWide
	for _, rc := range c.Raters {
		if rc.Offset != nil {
			scale = max(scale, math.Ceil(math.Abs(*rc.Offset)*2)/2)
		}
	}
	// Positions in percent of the track, to a hundredth: finer than a
	// pixel on any screen or paper.
	pos := func(v float64) float64 { return math.Round((50+50*v/scale)*100) / 100 }
	for _, v := range []float64{-scale, -assess.RaterGap, 0, assess.RaterGap, scale} {
		pg.OffsetTicks = append(pg.OffsetTicks, calTick{Pos: pos(v), Label: tickLabel(v)})
	}
	for _, i := range order {
		rc := c.Raters[i]
		row := calRater{Name: rc.Rater, Roles: rolesText(rc), Assessments: rc.Assessments, Mean: optional(rc.MeanRating, decimal),
			Offset: optional(rc.Offset, signed), Compared: rc.Compared, Flag: string(rc.Flag), HasOffset: rc.Offset != nil}
		switch rc.Flag {
		case assess.Lenient:
			row.FlagClass, row.Flag = "up", "▲ lenient"
		case assess.Severe:
			row.FlagClass, row.Flag = "down", "▼ severe"
		}
		if rc.Offset != nil {
			o := max(-scale, min(scale, *rc.Offset))
			row.Positive = o >= 0
			row.BarLeft, row.BarWidth = pos(min(0, o)), math.Round(math.Abs(pos(o)-pos(0))*100)/100
		}
		pg.Raters = append(pg.Raters, row)
	}
	pg.Agreement = newCalAgreement("All raters", c.Agreement)
	for _, ra := range c.ByRoles {
		who := rolePair(ra)
		pg.ByRoles = append(pg.ByRoles, newCalAgreement(strings.ToUpper(who[:1])+who[1:], ra.Agreement))
	}
}

// tickLabel is an offset under the bars, short enough for five of them to
// stand apart on a narrow column: "0", "+0.5", "−1.5".
func tickLabel(v float64) string {
	if math.Abs(v) < 1e-9 {
		return "0"
	}
	text := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	if v < 0 {
		return "−" + text
	}
	return "+" + text
}

func newCalAgreement(who string, a assess.Agreement) calAgreement {
	out := calAgreement{Who: who, Pairs: thousands(a.Pairs), Exact: optional(a.ExactShare(), percent), WithinOne: optional(a.WithinOneShare(), percent),
		Kappa: optional(a.Kappa, decimal)}
	if a.Kappa != nil {
		out.Reading = kappaReading(*a.Kappa)
	}
	return out
}

// glossary lists every criterion the page names by id, with its question.
func (pg *CalibrationPage) glossary(r *rubric.Rubric, c *assess.Calibration) {
	named := make([]bool, len(r.Criteria))
	mark := func(id string) {
		if i := r.CriterionIndex(id); i >= 0 {
			named[i] = true
		}
	}
	for pi := range c.People { // the criteria each picture lists: those rated apart
		p := &c.People[pi]
		for ci, v := range p.Consensus {
			if _, _, differ := ratedApart(p, ci); v != assess.Unrated && differ {
				named[ci] = true
			}
		}
	}
	for _, ca := range c.AgendaCriteria() {
		mark(ca.Criterion)
	}
	for _, p := range c.People {
		for _, d := range p.Disagreements {
			mark(d.Criterion(r).ID)
		}
	}
	for i, ok := range named {
		if !ok {
			continue
		}
		crit := &r.Criteria[i]
		pg.Glossary = append(pg.Glossary, calGlossary{ID: crit.ID, Prompt: crit.Prompt, Where: where(r, crit), Strength: string(crit.Strength)})
	}
}

// levelsChart draws the team's levels before and after: for each level, a
// bar of the people at it now and one of the people the consensus fits
// there, each with its count written above it, told apart by their fill
// (hatched and solid) and the legend, not by colour alone.
func levelsChart(rows []calLevelRow) calChart {
	const (
		height, top, bottom = 240.0, 26.0, 64.0
		left, right         = 12.0, 12.0
		groupWidth          = 124.0
		barWidth            = 40.0
	)
	ch := calChart{Width: left + right + groupWidth*float64(len(rows)), Height: height, Left: left}
	ch.Right = ch.Width - right
	ch.Baseline = height - bottom
	most := 1
	for _, row := range rows {
		most = max(most, row.Current, row.Consensus)
	}
	scale := (ch.Baseline - top) / float64(most)
	var words []string
	for i, row := range rows {
		x := left + groupWidth*float64(i) + (groupWidth-2*barWidth-8)/2
		for k, n := range []int{row.Current, row.Consensus} {
			class := "now"
			if k == 1 {
				class = "after"
			}
			h := float64(n) * scale
			bx := x + float64(k)*(barWidth+8)
			ch.Bars = append(ch.Bars, calBar{X: bx, Y: ch.Baseline - h, W: barWidth, H: h, Class: class, Count: n,
				TextX: bx + barWidth/2, TextY: ch.Baseline - h - 6})
		}
		ch.Labels = append(ch.Labels, calChartLabel{X: left + groupWidth*float64(i) + groupWidth/2, Y: ch.Baseline + 18, Lines: splitTitle(row.Title, 14)})
		words = append(words, fmt.Sprintf("%s: %d now, %d after", row.Title, row.Current, row.Consensus))
	}
	ch.Description = "People per level now and per consensus fit level: " + strings.Join(words, "; ")
	return ch
}

// splitTitle breaks a title into lines of about n characters, at spaces.
func splitTitle(title string, n int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(title) {
		if line != "" && len(line)+1+len(w) > n {
			lines = append(lines, line)
			line = w
			continue
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}

func calibrationTemplate() (*template.Template, error) {
	return template.New("calibrate").Funcs(template.FuncMap{
		"add":       func(a, b int) int { return a + b },
		"thousands": thousands,
	}).Parse(calibrateHTML)
}

// RenderCalibrationHTML writes the calibration page: one self-contained
// HTML page, inline CSS and SVG, no script and nothing fetched from
// elsewhere, readable without colour and on paper.
func RenderCalibrationHTML(w io.Writer, pg *CalibrationPage) error {
	t, err := calibrationTemplate()
	if err != nil {
		return err
	}
	return t.Execute(w, pg)
}
