package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/rubric"
	"go.yaml.in/yaml/v3"
)

// WriteJSON writes v as indented JSON. Characters that could take over a
// terminal the JSON is shown in (C1 controls, bidirectional overrides)
// are written as \u escapes: the same string for a program, inert on a
// screen. encoding/json escapes the C0 controls itself.
func WriteJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, escapeInert(b.String()))
	return err
}

// WriteYAML writes v as YAML. A string holding characters that could take
// over a terminal is written double-quoted, with those characters as \u
// escapes (the YAML library escapes C0 controls, not these).
func WriteYAML(w io.Writer, v any) error {
	var n yaml.Node
	if err := n.Encode(v); err != nil {
		return err
	}
	quote := false
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode && strings.IndexFunc(n.Value, needsEscape) >= 0 {
			n.Style, quote = yaml.DoubleQuotedStyle, true
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&n)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&n); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	out := b.String()
	if quote {
		// Such characters only stand in double-quoted scalars now, where
		// a \u escape means the same character.
		out = escapeInert(out)
	}
	_, err := io.WriteString(w, out)
	return err
}

// needsEscape reports the characters data output escapes: C1 controls and
// bidirectional embeddings, overrides and isolates.
func needsEscape(r rune) bool {
	return r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// escapeInert writes the characters of needsEscape as \u escapes, valid in
// JSON strings and double-quoted YAML alike.
func escapeInert(s string) string {
	if strings.IndexFunc(s, needsEscape) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if needsEscape(r) {
			fmt.Fprintf(&b, `\u%04X`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// calibrationJSON is the data form of a calibration (SPEC section 5).
// Missing values are null: a level nobody names or nobody fits, a mean or
// offset with nothing to average, a kappa that is undefined.
type calibrationJSON struct {
	People    []calibratedPersonJSON `json:"people"`
	Raters    []calibratedRaterJSON  `json:"raters"`
	Agreement agreementJSON          `json:"agreement"`
	Levels    []levelCountJSON       `json:"levels"`
	Moves     []moveJSON             `json:"moves"`
	Agenda    agendaJSON             `json:"agenda"`
	// Anonymized is true when raters go by their role and a number.
	Anonymized bool `json:"anonymized"`
}

// calibratedPersonJSON is one person's calibration.
type calibratedPersonJSON struct {
	Person            string             `json:"person"`
	CurrentLevel      *string            `json:"current_level"`
	ConsensusFitLevel *string            `json:"consensus_fit_level"`
	Raters            []personRaterJSON  `json:"raters"`
	Flags             []flagJSON         `json:"flags"`
	Disagreements     []disagreementJSON `json:"disagreements"`
	Consensus         consensusJSON      `json:"consensus"`
	NextLevel         *nextLevelJSON     `json:"next_level"`
	SelfGap           *selfGapJSON       `json:"self_gap"`
}

// personRaterJSON is one rater's fit level for a person.
type personRaterJSON struct {
	Rater    string  `json:"rater"`
	Role     string  `json:"role"`
	FitLevel *string `json:"fit_level"`
}

// flagJSON is a flag with the numbers behind it. Value is the number the
// flag's rule compares: the levels between consensus fit and current
// level (promotion-ready +, below-level -), the mean of self minus the
// others (self-higher, self-lower), the largest distance between two
// ratings of a criterion (rater-disagreement; 1 for yes against no).
// Criteria counts the criteria behind it; Level and Score name the level
// in question (the level fitted for promotion-ready, the current level for
// below-level) and the consensus score there.
type flagJSON struct {
	Flag     string   `json:"flag"`
	Value    float64  `json:"value"`
	Criteria *int     `json:"criteria,omitempty"`
	Level    *string  `json:"level,omitempty"`
	Score    *float64 `json:"score,omitempty"`
}

// disagreementJSON is a criterion raters disagree on, with each rater's
// rating (a number, or "yes"/"no") in the person's rater order.
type disagreementJSON struct {
	Criterion string      `json:"criterion"`
	Ratings   ratingsJSON `json:"ratings"`
}

// ratingsJSON is an object of raters' ratings that keeps the raters'
// order.
type ratingsJSON []raterRatingJSON

// raterRatingJSON is one rater's rating: a scale value or yes/no.
type raterRatingJSON struct {
	Rater string
	Value int
	YesNo bool
}

// MarshalJSON writes the ratings as one object, in order.
func (rs ratingsJSON) MarshalJSON() ([]byte, error) {
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
			b.WriteString(strconv.Quote(yesNoText(true, rr.Value)))
		} else {
			b.WriteString(strconv.Itoa(rr.Value))
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// consensusJSON is the consensus assessment's scores.
type consensusJSON struct {
	Levels      []consensusLevelJSON     `json:"levels"`
	Specialties []consensusSpecialtyJSON `json:"specialties"`
}

// consensusLevelJSON is the consensus score at a level.
type consensusLevelJSON struct {
	Level string  `json:"level"`
	Score float64 `json:"score"`
	Meets bool    `json:"meets"`
}

// consensusSpecialtyJSON is the consensus score of a specialty.
type consensusSpecialtyJSON struct {
	Specialty string  `json:"specialty"`
	Score     float64 `json:"score"`
	Verdict   string  `json:"verdict"`
}

// nextLevelJSON is the level above the consensus fit: its score and
// verdict, and the rung it adds: that rung's weighted score, its items,
// those met, and the required ones not met.
type nextLevelJSON struct {
	Level         string  `json:"level"`
	Score         float64 `json:"score"`
	Verdict       string  `json:"verdict"`
	RungScore     float64 `json:"rung_score"`
	Items         int     `json:"items"`
	Met           int     `json:"met"`
	RequiredUnmet int     `json:"required_unmet"`
}

// selfGapJSON is the mean of self minus the others over the criteria they
// share.
type selfGapJSON struct {
	Value    float64 `json:"value"`
	Criteria int     `json:"criteria"`
}

// calibratedRaterJSON is how one rater rates.
type calibratedRaterJSON struct {
	Rater       string        `json:"rater"`
	Assessments int           `json:"assessments"`
	MeanRating  *float64      `json:"mean_rating"`
	Offset      *float64      `json:"offset"`
	Flag        *string       `json:"flag"`
	Compared    int           `json:"compared"`
	Roles       roleCountJSON `json:"roles"`
}

// roleCountJSON counts a rater's assessments by role.
type roleCountJSON struct {
	Self    int `json:"self"`
	Manager int `json:"manager"`
	Peer    int `json:"peer"`
}

// agreementJSON is the team's agreement.
type agreementJSON struct {
	Pairs     int                 `json:"pairs"`
	Exact     *float64            `json:"exact"`
	WithinOne *float64            `json:"within_one"`
	Kappa     *float64            `json:"kappa"`
	ByRoles   []roleAgreementJSON `json:"by_roles"`
}

// roleAgreementJSON is the agreement between raters of two roles.
type roleAgreementJSON struct {
	Roles     [2]string `json:"roles"`
	Pairs     int       `json:"pairs"`
	Exact     *float64  `json:"exact"`
	WithinOne *float64  `json:"within_one"`
	Kappa     *float64  `json:"kappa"`
}

// levelCountJSON counts people at a level; level null counts those with
// none. Up and down count the people now at the level whom the consensus
// fits higher or lower.
type levelCountJSON struct {
	Level     *string `json:"level"`
	Current   int     `json:"current"`
	Consensus int     `json:"consensus"`
	Up        int     `json:"up"`
	Down      int     `json:"down"`
}

// moveJSON is a person whose consensus fit is not their current level.
type moveJSON struct {
	Person string  `json:"person"`
	From   string  `json:"from"`
	To     *string `json:"to"`
	Levels int     `json:"levels"`
}

// agendaJSON is what a meeting should discuss, in order: the people by
// name, and the criteria with the numbers behind them.
type agendaJSON struct {
	People   []string              `json:"people"`
	Criteria []criterionAgendaJSON `json:"criteria"`
}

// criterionAgendaJSON is a criterion on the agenda. Split counts the
// people whose raters disagree on it; pairs, exact and mean_gap describe
// the pairs of ratings (null for yes/no criteria); self_gap is the mean of
// self minus the others.
type criterionAgendaJSON struct {
	Criterion string   `json:"criterion"`
	People    int      `json:"people"`
	Split     int      `json:"split"`
	Pairs     int      `json:"pairs"`
	Exact     int      `json:"exact"`
	MeanGap   *float64 `json:"mean_gap"`
	SelfGap   *float64 `json:"self_gap"`
}

func cut2p(v *float64) *float64 {
	if v == nil {
		return nil
	}
	c := cut2(*v)
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

// newFlagJSON is a flag with its numbers.
func newFlagJSON(r *rubric.Rubric, p assess.PersonCalibration, f assess.Flag) flagJSON {
	fj := flagJSON{Flag: string(f)}
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
				fj.Score = floatp(round2(ls.Score))
			}
		}
	case assess.SelfHigher, assess.SelfLower:
		fj.Value = cut2(*p.SelfDiff)
		fj.Criteria = intp(p.SelfShared)
	case assess.RaterDisagreement:
		most := 0
		for _, d := range p.Disagreements {
			ratings := p.Ratings(d)
			lo, hi := ratings[0].Value, ratings[0].Value
			for _, rr := range ratings {
				lo, hi = min(lo, rr.Value), max(hi, rr.Value)
			}
			most = max(most, hi-lo)
		}
		fj.Value = float64(most)
		fj.Criteria = intp(len(p.Disagreements))
	}
	return fj
}

// CalibrationData converts a calibration to its data form.
func CalibrationData(r *rubric.Rubric, c *assess.Calibration) any {
	out := calibrationRest(r, c)
	for _, p := range c.People {
		pj := personData(r, p)
		pj.Disagreements = disagreementsData(r, p)
		out.People = append(out.People, pj)
	}
	return out
}

// disagreementsData is the data form of a person's disagreements.
func disagreementsData(r *rubric.Rubric, p assess.PersonCalibration) []disagreementJSON {
	out := []disagreementJSON{}
	for _, d := range p.Disagreements {
		crit := d.Criterion(r)
		dj := disagreementJSON{Criterion: crit.ID, Ratings: ratingsJSON{}}
		for _, rr := range p.Ratings(d) {
			dj.Ratings = append(dj.Ratings, raterRatingJSON{Rater: rr.Rater, Value: rr.Value, YesNo: crit.Answer == rubric.YesNo})
		}
		out = append(out, dj)
	}
	return out
}

// personData is one person's part of a calibration's data form, but for
// the disagreements (disagreementsData).
func personData(r *rubric.Rubric, p assess.PersonCalibration) calibratedPersonJSON {
	pj := calibratedPersonJSON{
		Person:            p.Person,
		CurrentLevel:      levelp(p.CurrentLevel),
		ConsensusFitLevel: levelp(p.ConsensusFit),
		Raters:            []personRaterJSON{},
		Flags:             []flagJSON{},
		Disagreements:     []disagreementJSON{},
		Consensus:         consensusJSON{Levels: []consensusLevelJSON{}, Specialties: []consensusSpecialtyJSON{}},
	}
	for _, rf := range p.Raters {
		pj.Raters = append(pj.Raters, personRaterJSON{Rater: rf.Rater, Role: string(rf.Role), FitLevel: levelp(rf.FitLevel)})
	}
	for _, f := range p.Flags {
		pj.Flags = append(pj.Flags, newFlagJSON(r, p, f))
	}
	for _, ls := range p.ConsensusLevels {
		pj.Consensus.Levels = append(pj.Consensus.Levels, consensusLevelJSON{Level: ls.Level, Score: round2(ls.Score), Meets: ls.Meets})
	}
	for _, s := range p.ConsensusSpecialties {
		pj.Consensus.Specialties = append(pj.Consensus.Specialties, consensusSpecialtyJSON{Specialty: s.Specialty, Score: round2(s.Score), Verdict: string(s.Verdict)})
	}
	if n := p.Next; n != nil {
		pj.NextLevel = &nextLevelJSON{Level: n.Level, Score: round2(n.Score), Verdict: string(n.Verdict), RungScore: round2(n.Rung),
			Items: n.Units, Met: n.Met, RequiredUnmet: n.RequiredUnmet}
	}
	if p.SelfDiff != nil {
		pj.SelfGap = &selfGapJSON{Value: cut2(*p.SelfDiff), Criteria: p.SelfShared}
	}
	return pj
}

// calibrationRest is a calibration's data form but for its people.
func calibrationRest(r *rubric.Rubric, c *assess.Calibration) calibrationJSON {
	out := calibrationJSON{People: []calibratedPersonJSON{}, Raters: []calibratedRaterJSON{}, Levels: []levelCountJSON{},
		Moves: []moveJSON{}, Agenda: agendaJSON{People: []string{}, Criteria: []criterionAgendaJSON{}}, Anonymized: c.Anonymized}
	for _, p := range c.People {
		if d, ok := move(r, p); ok && d != 0 {
			out.Moves = append(out.Moves, moveJSON{Person: p.Person, From: p.CurrentLevel, To: levelp(p.ConsensusFit), Levels: d})
		}
	}
	for _, rc := range c.Raters {
		rj := calibratedRaterJSON{Rater: rc.Rater, Assessments: rc.Assessments, MeanRating: cut2p(rc.MeanRating), Offset: cut2p(rc.Offset),
			Compared: rc.Compared, Roles: roleCountJSON{Self: rc.AsSelf, Manager: rc.AsManager, Peer: rc.AsPeer}}
		if rc.Flag != "" {
			f := string(rc.Flag)
			rj.Flag = &f
		}
		out.Raters = append(out.Raters, rj)
	}
	a := c.Agreement
	out.Agreement = agreementJSON{Pairs: a.Pairs, Exact: cut2p(a.ExactShare()), WithinOne: cut2p(a.WithinOneShare()), Kappa: cut2p(a.Kappa),
		ByRoles: []roleAgreementJSON{}}
	for _, ra := range c.ByRoles {
		out.Agreement.ByRoles = append(out.Agreement.ByRoles, roleAgreementJSON{Roles: [2]string{string(ra.A), string(ra.B)}, Pairs: ra.Pairs,
			Exact: cut2p(ra.ExactShare()), WithinOne: cut2p(ra.WithinOneShare()), Kappa: cut2p(ra.Kappa)})
	}
	for _, l := range c.Levels {
		out.Levels = append(out.Levels, levelCountJSON{Level: levelp(l.Level), Current: l.Current, Consensus: l.Consensus, Up: l.Up, Down: l.Down})
	}
	for _, i := range c.AgendaPeople() {
		out.Agenda.People = append(out.Agenda.People, c.People[i].Person)
	}
	for _, ca := range c.AgendaCriteria() {
		cj := criterionAgendaJSON{Criterion: ca.Criterion, People: ca.People, Split: ca.Split, Pairs: ca.Pairs, Exact: ca.Exact,
			MeanGap: cut2p(ca.MeanGap()), SelfGap: cut2p(ca.SelfDiff())}
		out.Agenda.Criteria = append(out.Agenda.Criteria, cj)
	}
	return out
}

// diffJSON is the data form of a diff.
type diffJSON struct {
	Person      string             `json:"person" yaml:"person"`
	Old         diffSideJSON       `json:"old" yaml:"old"`
	New         diffSideJSON       `json:"new" yaml:"new"`
	Levels      []targetChangeData `json:"levels" yaml:"levels"`
	Specialties []targetChangeData `json:"specialties" yaml:"specialties"`
	Criteria    []ratingChangeJSON `json:"criteria" yaml:"criteria"`
}

// diffSideJSON is one of the two assessments.
type diffSideJSON struct {
	File     string  `json:"file" yaml:"file"`
	Person   string  `json:"person" yaml:"person"`
	Rater    string  `json:"rater" yaml:"rater"`
	Role     string  `json:"role" yaml:"role"`
	Updated  *string `json:"updated" yaml:"updated"`
	FitLevel *string `json:"fit_level" yaml:"fit_level"`
}

// targetChangeData is a level or specialty before and after; before or after
// is null when that assessment did not score the specialty. Points is the
// change in whole percentage points of the scores shown (null unless both
// sides are scored).
type targetChangeData struct {
	ID     string           `json:"id" yaml:"id"`
	Before *targetStateJSON `json:"before" yaml:"before"`
	After  *targetStateJSON `json:"after" yaml:"after"`
	Points *int             `json:"points" yaml:"points"`
}

// targetStateJSON is a score and its verdict.
type targetStateJSON struct {
	Score   float64 `json:"score" yaml:"score"`
	Verdict string  `json:"verdict" yaml:"verdict"`
}

// ratingChangeJSON is one criterion whose answer changed: rose, fell,
// answered (newly) or unanswered (no longer).
type ratingChangeJSON struct {
	Criterion string `json:"criterion" yaml:"criterion"`
	Change    string `json:"change" yaml:"change"`
	Before    any    `json:"before" yaml:"before"`
	After     any    `json:"after" yaml:"after"`
}

// DiffData converts a diff to its data form.
func DiffData(d *assess.Diff, files DiffFiles) any {
	out := diffJSON{
		Person:      d.New.Assessment.Person,
		Old:         diffSide(d.Old, files.Old),
		New:         diffSide(d.New, files.New),
		Levels:      []targetChangeData{},
		Specialties: []targetChangeData{},
		Criteria:    []ratingChangeJSON{},
	}
	for _, t := range d.Levels {
		out.Levels = append(out.Levels, targetChangeJSON(t))
	}
	for _, t := range d.Specialties {
		out.Specialties = append(out.Specialties, targetChangeJSON(t))
	}
	for _, c := range d.Criteria {
		out.Criteria = append(out.Criteria, ratingChangeJSON{Criterion: c.ID, Change: string(c.Change), Before: ratingData(c.Before), After: ratingData(c.After)})
	}
	return out
}

func diffSide(res *assess.Result, file string) diffSideJSON {
	a := res.Assessment
	s := diffSideJSON{File: file, Person: a.Person, Rater: a.Rater, Role: string(a.Role)}
	if !a.Updated.IsZero() {
		u := a.Updated.UTC().Format("2006-01-02T15:04:05Z")
		s.Updated = &u
	}
	if res.FitLevel != "" {
		fit := res.FitLevel
		s.FitLevel = &fit
	}
	return s
}

func targetChangeJSON(t assess.TargetChange) targetChangeData {
	j := targetChangeData{ID: t.ID}
	if t.Before != nil {
		j.Before = &targetStateJSON{Score: round2(t.Before.Score), Verdict: string(t.Before.Verdict)}
	}
	if t.After != nil {
		j.After = &targetStateJSON{Score: round2(t.After.Score), Verdict: string(t.After.Verdict)}
	}
	if t.Before != nil && t.After != nil {
		p := floorPercent(t.After.Score) - floorPercent(t.Before.Score)
		j.Points = &p
	}
	return j
}

func ratingData(rt *assess.Rating) any {
	switch {
	case rt == nil:
		return nil
	case rt.YesNo:
		return rt.String()
	}
	return rt.Value
}

// historyJSON is the data form of one person's history.
type historyJSON struct {
	Person      string             `json:"person" yaml:"person"`
	Assessments []historyEntryJSON `json:"assessments" yaml:"assessments"`
	Trend       []levelTrendJSON   `json:"trend" yaml:"trend"`
	Invalid     []string           `json:"invalid" yaml:"invalid"`
}

// historyEntryJSON is one stored assessment and its scores.
type historyEntryJSON struct {
	File        string          `json:"file" yaml:"file"`
	Updated     *string         `json:"updated" yaml:"updated"`
	Rater       string          `json:"rater" yaml:"rater"`
	Role        string          `json:"role" yaml:"role"`
	FitLevel    *string         `json:"fit_level" yaml:"fit_level"`
	Levels      []targetStateID `json:"levels" yaml:"levels"`
	Specialties []targetStateID `json:"specialties" yaml:"specialties"`
	// Answered and Open count the questions of the assessment's target
	// and specialties answered and still to ask; Unfinished is set when a
	// required or strong one is open: its scores are no trend's point.
	Answered   int  `json:"answered" yaml:"answered"`
	Open       int  `json:"open" yaml:"open"`
	Unfinished bool `json:"unfinished" yaml:"unfinished"`
}

// targetStateID is a level's or specialty's score and verdict.
type targetStateID struct {
	ID      string  `json:"id" yaml:"id"`
	Score   float64 `json:"score" yaml:"score"`
	Verdict string  `json:"verdict" yaml:"verdict"`
}

// levelTrendJSON is one level's score in every assessment, oldest first:
// null for an unfinished one.
type levelTrendJSON struct {
	Level  string     `json:"level" yaml:"level"`
	Scores []*float64 `json:"scores" yaml:"scores"`
}

// HistoryData converts a history to its data form.
func HistoryData(r *rubric.Rubric, h *assess.History) any {
	out := historyJSON{Person: h.Person, Assessments: []historyEntryJSON{}, Trend: []levelTrendJSON{}, Invalid: []string{}}
	for _, e := range h.Entries {
		a := e.Result.Assessment
		j := historyEntryJSON{File: e.File, Rater: a.Rater, Role: string(a.Role), Levels: []targetStateID{}, Specialties: []targetStateID{},
			Answered: e.Completion.Answered, Open: e.Completion.Open, Unfinished: e.Unfinished()}
		if !a.Updated.IsZero() {
			u := a.Updated.UTC().Format("2006-01-02T15:04:05Z")
			j.Updated = &u
		}
		if e.Result.FitLevel != "" {
			fit := e.Result.FitLevel
			j.FitLevel = &fit
		}
		for _, t := range e.Result.Levels {
			j.Levels = append(j.Levels, targetStateID{ID: t.ID, Score: round2(t.Score), Verdict: string(t.Verdict)})
		}
		for _, t := range e.Result.Specialties {
			j.Specialties = append(j.Specialties, targetStateID{ID: t.ID, Score: round2(t.Score), Verdict: string(t.Verdict)})
		}
		out.Assessments = append(out.Assessments, j)
	}
	if len(h.Entries) > 0 {
		for i, l := range r.Levels {
			tr := levelTrendJSON{Level: l.ID}
			for _, s := range h.LevelTrend(i) {
				if s != nil {
					s = floatp(round2(*s))
				}
				tr.Scores = append(tr.Scores, s)
			}
			out.Trend = append(out.Trend, tr)
		}
	}
	for _, err := range h.Invalid {
		out.Invalid = append(out.Invalid, err.Error())
	}
	return out
}

// PersonSummary is one person of the store, for the list of people.
type PersonSummary struct {
	Person      string  `json:"person" yaml:"person"`
	Folder      string  `json:"folder" yaml:"folder"`
	Assessments int     `json:"assessments" yaml:"assessments"`
	Latest      *string `json:"latest" yaml:"latest"`
	// FitLevel is the fit level of the latest assessment that is not
	// unfinished.
	FitLevel *string `json:"fit_level" yaml:"fit_level"`
	Invalid  int     `json:"invalid" yaml:"invalid"`
	// Unfinished counts the assessments that stopped before the end.
	Unfinished int `json:"unfinished" yaml:"unfinished"`

	fitTitle string // the fit level's title, as the table shows it
}

// NewPersonSummary sums up one person's history.
func NewPersonSummary(r *rubric.Rubric, folder string, h *assess.History) PersonSummary {
	s := PersonSummary{Person: h.Person, Folder: folder, Assessments: len(h.Entries), Invalid: len(h.Invalid)}
	if last := h.Latest(); last != nil && !last.Result.Assessment.Updated.IsZero() {
		d := dateOf(last.Result.Assessment)
		s.Latest = &d
	}
	fitSet := false
	for i := len(h.Entries) - 1; i >= 0; i-- {
		e := h.Entries[i]
		if e.Unfinished() {
			s.Unfinished++
			continue
		}
		if !fitSet {
			fitSet = true
			if e.Result.FitLevel != "" {
				fit := e.Result.FitLevel
				s.FitLevel, s.fitTitle = &fit, levelTitle(r, fit)
			}
		}
	}
	return s
}

// planJSON is the data form of a plan.
type planJSON struct {
	Person      string              `json:"person" yaml:"person"`
	Rater       string              `json:"rater" yaml:"rater"`
	Role        string              `json:"role" yaml:"role"`
	Rubric      assess.RubricRef    `json:"rubric" yaml:"rubric"`
	FitLevel    *string             `json:"fit_level" yaml:"fit_level"`
	Target      planTargetJSON      `json:"target" yaml:"target"`
	Specialties []planSpecialtyJSON `json:"specialties" yaml:"specialties"`
	Items       []planItemJSON      `json:"items" yaml:"items"`
}

// planTargetJSON is the level a plan aims at and where it stands now.
type planTargetJSON struct {
	Level   string     `json:"level" yaml:"level"`
	Reason  string     `json:"reason" yaml:"reason"`
	Score   float64    `json:"score" yaml:"score"`
	Verdict string     `json:"verdict" yaml:"verdict"`
	Met     bool       `json:"met" yaml:"met"`
	Rungs   []rungJSON `json:"rungs" yaml:"rungs"`
}

// planSpecialtyJSON is a specialty the plan covers.
type planSpecialtyJSON struct {
	ID      string  `json:"id" yaml:"id"`
	Score   float64 `json:"score" yaml:"score"`
	Verdict string  `json:"verdict" yaml:"verdict"`
	Met     bool    `json:"met" yaml:"met"`
}

// planItemJSON is one item of a plan. For a criterion, rating is the rating
// given (a number, "yes"/"no", or null when unanswered) and expected the
// one the target expects; for a group they are null, met/min count its
// members, and members lists every criterion under it.
type planItemJSON struct {
	Target    string           `json:"target" yaml:"target"`
	Specialty bool             `json:"specialty" yaml:"specialty"`
	Rung      *string          `json:"rung" yaml:"rung"`
	Criterion *string          `json:"criterion" yaml:"criterion"`
	Group     *string          `json:"group" yaml:"group"`
	Question  string           `json:"question" yaml:"question"`
	Strength  string           `json:"strength" yaml:"strength"`
	Required  bool             `json:"required" yaml:"required"`
	Rating    any              `json:"rating" yaml:"rating"`
	Expected  any              `json:"expected" yaml:"expected"`
	Met       *int             `json:"met,omitempty" yaml:"met,omitempty"`
	Min       *int             `json:"min,omitempty" yaml:"min,omitempty"`
	Gain      float64          `json:"gain" yaml:"gain"`
	Sources   []string         `json:"sources" yaml:"sources"`
	Note      string           `json:"note,omitempty" yaml:"note,omitempty"`
	Members   []planMemberJSON `json:"members,omitempty" yaml:"members,omitempty"`
}

// planMemberJSON is one criterion under a group item.
type planMemberJSON struct {
	Criterion string `json:"criterion" yaml:"criterion"`
	Question  string `json:"question" yaml:"question"`
	Rating    any    `json:"rating" yaml:"rating"`
	Expected  any    `json:"expected" yaml:"expected"`
	Met       bool   `json:"met" yaml:"met"`
	Note      string `json:"note,omitempty" yaml:"note,omitempty"`
}

// PlanData converts a plan to its data form.
func PlanData(r *rubric.Rubric, p *assess.Plan) any {
	a := p.Result.Assessment
	out := planJSON{
		Person: a.Person, Rater: a.Rater, Role: string(a.Role), Rubric: a.Rubric,
		Target: planTargetJSON{Level: p.Target, Reason: string(p.Reason), Score: round2(p.Level.Score),
			Verdict: string(p.Level.Verdict), Met: p.Met(), Rungs: []rungJSON{}},
		Specialties: []planSpecialtyJSON{},
		Items:       []planItemJSON{},
	}
	if p.Result.FitLevel != "" {
		fit := p.Result.FitLevel
		out.FitLevel = &fit
	}
	for _, rg := range p.Level.Rungs {
		out.Target.Rungs = append(out.Target.Rungs, rungJSON{Level: rg.Level, Score: round2(rg.Score)})
	}
	for _, t := range p.Specialties {
		out.Specialties = append(out.Specialties, planSpecialtyJSON{ID: t.ID, Score: round2(t.Score), Verdict: string(t.Verdict), Met: t.Verdict == assess.Meets})
	}
	for _, it := range p.Items {
		j := planItemJSON{Target: it.Target, Specialty: it.Specialty, Question: unitTitle(r, a, it.Unit),
			Strength: string(it.Strength), Required: it.Required(), Gain: round2(it.Gain), Sources: nonNil(it.Sources)}
		if rung := it.Rung(); rung != "" {
			j.Rung = &rung
		}
		if it.Group != "" {
			group, met, min := it.Group, it.Metc, it.Min
			j.Group, j.Met, j.Min = &group, &met, &min
			for _, c := range it.Criteria {
				m := planMemberJSON{Criterion: c.ID, Question: question(r, a, c.ID), Rating: ratingValue(c), Expected: expectedValue(c), Met: c.Met}
				if c.Rating != nil {
					m.Note = c.Rating.Note
				}
				j.Members = append(j.Members, m)
			}
		} else {
			c := it.Criteria[0]
			id := c.ID
			j.Criterion = &id
			j.Rating, j.Expected = ratingValue(c), expectedValue(c)
			if c.Rating != nil {
				j.Note = c.Rating.Note
			}
		}
		out.Items = append(out.Items, j)
	}
	return out
}

// rubricSummary is what ladder rubric list shows.
type rubricSummary struct {
	ID          string             `json:"id" yaml:"id"`
	Version     string             `json:"version" yaml:"version"`
	Title       string             `json:"title" yaml:"title"`
	Levels      []levelSummary     `json:"levels" yaml:"levels"`
	Specialties []specialtySummary `json:"specialties" yaml:"specialties"`
}

// levelSummary is one level in the list.
type levelSummary struct {
	ID       string `json:"id" yaml:"id"`
	Title    string `json:"title" yaml:"title"`
	Grade    int    `json:"grade,omitempty" yaml:"grade,omitempty"`
	Expect   int    `json:"expect" yaml:"expect"`
	Criteria int    `json:"criteria" yaml:"criteria"`
	Bonus    int    `json:"bonus" yaml:"bonus"`
}

// specialtySummary is one specialty in the list.
type specialtySummary struct {
	ID       string `json:"id" yaml:"id"`
	Title    string `json:"title" yaml:"title"`
	Summary  string `json:"summary,omitempty" yaml:"summary,omitempty"`
	Criteria int    `json:"criteria" yaml:"criteria"`
	Bonus    int    `json:"bonus" yaml:"bonus"`
}

// rubricSummaryOf counts what each level and specialty asks.
func rubricSummaryOf(r *rubric.Rubric) rubricSummary {
	s := rubricSummary{ID: r.ID, Version: r.Version, Title: r.Title, Levels: []levelSummary{}, Specialties: []specialtySummary{}}
	for _, l := range r.Levels {
		bonus := len(r.LevelBonus(l.ID))
		s.Levels = append(s.Levels, levelSummary{ID: l.ID, Title: l.Title, Grade: l.Grade, Expect: l.Expect,
			Criteria: len(r.LevelCriteria(l.ID)) - bonus, Bonus: bonus})
	}
	for _, sp := range r.Specialties {
		bonus := len(r.SpecialtyBonus(sp.ID))
		s.Specialties = append(s.Specialties, specialtySummary{ID: sp.ID, Title: sp.Title, Summary: sp.Summary,
			Criteria: len(r.SpecialtyCriteria(sp.ID)) - bonus, Bonus: bonus})
	}
	return s
}

// scoreJSON is the data form of a scored assessment (SPEC section 4).
type scoreJSON struct {
	Person      string           `json:"person" yaml:"person"`
	Rater       string           `json:"rater" yaml:"rater"`
	Role        string           `json:"role" yaml:"role"`
	Rubric      assess.RubricRef `json:"rubric" yaml:"rubric"`
	FitLevel    *string          `json:"fit_level" yaml:"fit_level"`
	Levels      []levelJSON      `json:"levels" yaml:"levels"`
	Specialties []specialtyJSON  `json:"specialties" yaml:"specialties"`
	Notes       []string         `json:"notes" yaml:"notes"`
	Bonus       countJSON        `json:"bonus" yaml:"bonus"`
	Unanswered  []string         `json:"unanswered" yaml:"unanswered"`
	// CantSay are the criteria the rater answered "can't say": scored as
	// unanswered, listed apart; left out when there are none (a
	// self-assessment never has any).
	CantSay []string `json:"cant_say,omitempty" yaml:"cant_say,omitempty"`
}

// levelJSON is one level's score. NotAsked is set for a level above the
// assessment's target whose own questions were never asked: its score
// and verdict count them as unanswered, and say nothing about the person.
type levelJSON struct {
	ID       string     `json:"id" yaml:"id"`
	Score    float64    `json:"score" yaml:"score"`
	Verdict  string     `json:"verdict" yaml:"verdict"`
	NotAsked bool       `json:"not_asked,omitempty" yaml:"not_asked,omitempty"`
	Rungs    []rungJSON `json:"rungs" yaml:"rungs"`
	Gaps     []gapJSON  `json:"gaps" yaml:"gaps"`
}

// rungJSON is the score of the units one level introduces.
type rungJSON struct {
	Level string  `json:"level" yaml:"level"`
	Score float64 `json:"score" yaml:"score"`
}

// specialtyJSON is one specialty's score.
type specialtyJSON struct {
	ID      string    `json:"id" yaml:"id"`
	Score   float64   `json:"score" yaml:"score"`
	Verdict string    `json:"verdict" yaml:"verdict"`
	Gaps    []gapJSON `json:"gaps" yaml:"gaps"`
}

// gapJSON is one unmet unit. For a criterion, rating is the rating given (a
// number, or "yes"/"no"; null when unanswered) and expected the rating the
// target expects. For a group, rating and expected are null, and met / min
// say how many members are met and how many it needs.
type gapJSON struct {
	Criteria []string `json:"criteria" yaml:"criteria"`
	Group    *string  `json:"group" yaml:"group"`
	Rating   any      `json:"rating" yaml:"rating"`
	Expected any      `json:"expected" yaml:"expected"`
	Strength string   `json:"strength" yaml:"strength"`
	Met      *int     `json:"met,omitempty" yaml:"met,omitempty"`
	Min      *int     `json:"min,omitempty" yaml:"min,omitempty"`
}

// countJSON is "met of total".
type countJSON struct {
	Met   int `json:"met" yaml:"met"`
	Total int `json:"total" yaml:"total"`
}

// ScoreData converts a result to its data form.
func ScoreData(r *rubric.Rubric, res *assess.Result) any {
	a := res.Assessment
	out := scoreJSON{
		Person:      a.Person,
		Rater:       a.Rater,
		Role:        string(a.Role),
		Rubric:      a.Rubric,
		Levels:      []levelJSON{},
		Specialties: []specialtyJSON{},
		Notes:       nonNil(res.Notes),
		Bonus:       countJSON{Met: res.Bonus.Met, Total: res.Bonus.Total},
		Unanswered:  nonNil(res.Unanswered),
		CantSay:     res.CantSay,
	}
	if res.FitLevel != "" {
		fit := res.FitLevel
		out.FitLevel = &fit
	}
	notAsked := assess.NotAsked(r, res)
	for i, t := range res.Levels {
		l := levelJSON{ID: t.ID, Score: round2(t.Score), Verdict: string(t.Verdict), NotAsked: notAsked[i], Rungs: []rungJSON{}, Gaps: gapsJSON(t.Gaps)}
		for _, rg := range t.Rungs {
			l.Rungs = append(l.Rungs, rungJSON{Level: rg.Level, Score: round2(rg.Score)})
		}
		out.Levels = append(out.Levels, l)
	}
	for _, t := range res.Specialties {
		out.Specialties = append(out.Specialties, specialtyJSON{ID: t.ID, Score: round2(t.Score), Verdict: string(t.Verdict), Gaps: gapsJSON(t.Gaps)})
	}
	return out
}

func gapsJSON(gaps []assess.UnitScore) []gapJSON {
	out := []gapJSON{}
	for _, g := range gaps {
		j := gapJSON{Strength: string(g.Strength)}
		for _, c := range g.Criteria {
			j.Criteria = append(j.Criteria, c.ID)
		}
		if g.Group != "" {
			group, met, min := g.Group, g.Metc, g.Min
			j.Group, j.Met, j.Min = &group, &met, &min
		} else {
			c := g.Criteria[0]
			j.Rating, j.Expected = ratingValue(c), expectedValue(c)
		}
		out = append(out, j)
	}
	return out
}

// ratingValue is a criterion's rating as data: a number, "yes"/"no", or nil.
func ratingValue(c assess.CriterionScore) any {
	if c.Rating == nil {
		return nil
	}
	if c.YesNo {
		return c.Rating.String()
	}
	return c.Rating.Value
}

// expectedValue is the rating a criterion expects as data: a number, or "yes".
func expectedValue(c assess.CriterionScore) any {
	if c.YesNo {
		return "yes"
	}
	return c.Expected
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// round2 rounds a score down to two decimals for data output, for the same
// reason.
func round2(score float64) float64 {
	return math.Floor(score*100+1e-9) / 100
}

// RubricData is the data form of what ladder rubric list shows.
func RubricData(r *rubric.Rubric) any { return rubricSummaryOf(r) }
