package report

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/termtext"
	"github.com/ladderhq/ladder/rubric"
)

// PageOptions tune the shareable report.
type PageOptions struct {
	File string // the assessment file, named in the footer (its base name only)
	Gaps int    // plan items shown; 0 means DefaultPageGaps
}

// DefaultPageGaps is how many plan items the report shows.
const DefaultPageGaps = 8

// Page is everything the shareable report shows, worked out once for the
// HTML and the Markdown forms.
type Page struct {
	Person     string
	Assessed   string   // "Self-assessment of Ada, 2026-11-24"
	Meta       []string // who rated, when, current and target level
	Rubric     string   // its title
	Version    string
	File       string
	Fit        string // the fit level's title, or "none yet"
	FitMet     bool
	Target     string // the plan's target level title
	TargetNote string // why that target
	// Summary says in short where the assessment stands: the target's
	// verdict and the fit level.
	Summary []string
	// Reasons explain it: what holds the target back, why the fit level
	// is not higher, what holds each specialty back, the levels not asked
	// (the same words as ladder score and ladder plan).
	Reasons     []reason
	Cards       []pageCard
	Levels      []pageLevel
	Radar       *radarChart // nil when fewer than three axes have data
	RadarOf     string      // "themes" or "specialties"
	RadarAxes   []radarValue
	RadarNote   string // how the radar's values are computed
	RadarLabel  string // the chart in words, for screen readers
	Left        []string
	Specialties []pageSpecialty
	Gaps        []gapItem
	MoreGaps    int
	BonusMet    int
	BonusTotal  int
	Bonus       []pageBonus
	Notes       []string
	Unanswered  int
	CantSay     int    // criteria the rater answered "can't say"
	Meets       string // the meets threshold, "80%"
	Approaching string
	Scale       string
	// SpecialtyExpect is the rating specialties expect: "3 (Consistent)".
	SpecialtyExpect string
}

// pageCard is one figure of the summary strip.
type pageCard struct {
	Label, Value, Detail, Class string
	Wide                        bool // a level title: room for it on one line
}

// pageLevel is one level's bar, made of its rungs.
type pageLevel struct {
	ID, Title       string
	Score           string
	Value           float64 // the score, 0..1
	Verdict, Class  string
	Rungs           []pageRung
	Target, Reached bool
	// NotAsked: the assessment's questions stopped below this level (see
	// assess.NotAsked); its score says nothing yet.
	NotAsked bool
}

// pageRung is one rung of a level's bar.
type pageRung struct {
	Level, Title string
	Score        string
	Fill         float64 // 0..100, the filled width
	Class        string
}

// pageSpecialty is one row of the specialty ranking.
type pageSpecialty struct {
	Rank           int
	Title, Summary string
	Score          string
	Value          float64 // the score, 0..1
	Fill           float64
	Verdict, Class string
	Gaps, Required int
	Bonus          string
}

// gapItem is one item of the plan.
type gapItem struct {
	Question  string
	ID        string
	Strength  string
	Required  bool
	For       string // "rung: Staff Backend Engineer", "Gitaly specialty"
	Now       string
	Expected  string
	Progress  string // groups: "0 of 1 needed met"
	Gain      string
	Sources   string
	Note      string
	Members   []pageMember
	Specialty bool
}

// pageMember is one criterion of a group item.
type pageMember struct {
	Question, ID, Now, Expected, Note string
	Met                               bool
}

// pageBonus is one nice-to-have.
type pageBonus struct {
	Question, ID, Now string
	Met               bool
}

// NewPage works out the report of a scored assessment and its plan. The
// specialties shown are those the result scores, then any others the plan
// covers; the radar charts the themes over the plan's target level and
// those specialties (see assess.ThemeProfile), or, for a rubric without
// themes, the specialties' scores.
func NewPage(r *rubric.Rubric, p *assess.Plan, opt PageOptions) *Page {
	res := p.Result
	a := res.Assessment
	if opt.Gaps <= 0 {
		opt.Gaps = DefaultPageGaps
	}
	pg := &Page{
		Person:          a.Person,
		Assessed:        assessmentLine(a),
		Rubric:          r.Title,
		Version:         r.Version,
		Fit:             fitText(r, res),
		FitMet:          res.FitLevel != "",
		Target:          levelTitle(r, p.Target),
		TargetNote:      targetReasonText(r, p),
		BonusMet:        res.Bonus.Met,
		BonusTotal:      res.Bonus.Total,
		Notes:           res.Notes,
		Unanswered:      len(res.Unanswered),
		CantSay:         len(res.CantSay),
		Meets:           percent(r.Thresholds.Meets),
		Approaching:     percent(r.Thresholds.Approaching),
		Scale:           scaleText(r),
		SpecialtyExpect: fmt.Sprintf("%d (%s)", r.SpecialtyExpect, r.ScaleLabel(r.SpecialtyExpect)),
	}
	pg.Meta = pageMeta(r, a)
	if opt.File != "" {
		pg.File = filepath.Base(opt.File)
	}

	specs := append([]assess.TargetScore(nil), res.Specialties...)
	for _, t := range p.Specialties {
		if !hasTarget(specs, t.ID) {
			specs = append(specs, t)
		}
	}

	st := newStanding(r, res, p.Target, p.Reason, specs, true)
	pg.Summary, pg.Reasons = st.headline(), st.reasons()
	pg.Cards = pageCards(r, p, specs)

	notAsked := assess.NotAsked(r, res)
	asked := r.LevelIndex(a.TargetLevel)
	for i, t := range res.Levels {
		l := pageLevel{ID: t.ID, Title: levelTitle(r, t.ID), Score: percent(t.Score), Value: t.Score, Verdict: string(t.Verdict),
			Class: verdictClass(t.Verdict), Target: t.ID == p.Target, Reached: r.LevelIndex(res.FitLevel) >= i, NotAsked: notAsked[i]}
		if l.NotAsked {
			l.Score, l.Verdict, l.Class = "–", "not asked", "neutral"
		}
		for _, rg := range t.Rungs {
			class := scoreClass(r, rg.Score)
			if class == string(assess.Meets) && requiredUnmet(t, rg.Level) {
				// A required item blocks the verdict whatever the score,
				// so the rung does not show as met.
				class = string(assess.Approaching)
			}
			score := percent(rg.Score)
			if l.NotAsked && r.LevelIndex(rg.Level) > asked {
				class, score = "neutral", "not asked"
			}
			l.Rungs = append(l.Rungs, pageRung{Level: rg.Level, Title: rungTitle(r, rg.Level), Score: score,
				Fill: fill(rg.Score), Class: class})
		}
		pg.Levels = append(pg.Levels, l)
	}

	pg.radar(r, p, specs)

	for i, t := range specs {
		sp := r.Specialty(t.ID)
		gaps, req := len(t.Gaps), 0
		for _, g := range t.Gaps {
			if g.Required() {
				req++
			}
		}
		pg.Specialties = append(pg.Specialties, pageSpecialty{Rank: i + 1, Title: sp.Title, Summary: sp.Summary,
			Score: percent(t.Score), Value: t.Score, Fill: fill(t.Score), Verdict: string(t.Verdict), Class: verdictClass(t.Verdict),
			Gaps: gaps, Required: req, Bonus: countText(t.Bonus)})
	}

	for i, it := range p.Items {
		if i >= opt.Gaps {
			pg.MoreGaps = len(p.Items) - i
			break
		}
		pg.Gaps = append(pg.Gaps, pageGap(r, a, it))
	}

	for _, b := range res.BonusItems {
		pg.Bonus = append(pg.Bonus, pageBonus{Question: question(r, a, b.ID), ID: b.ID, Now: answerText(r, b), Met: b.Met})
	}
	// The page is shown in a browser (HTML) or wherever Markdown goes:
	// html/template escapes markup, but not the characters that reorder
	// or hide text, so every string on the page is neutralised here, once.
	neutralise(reflect.ValueOf(pg).Elem())
	return pg
}

func pageMeta(r *rubric.Rubric, a *assess.Assessment) []string {
	who := "Self-assessment"
	if a.Role != assess.Self || a.Rater != a.Person {
		who = fmt.Sprintf("Rated by %s (%s)", a.Rater, a.Role)
	}
	meta := []string{who}
	if !a.Updated.IsZero() {
		meta = append(meta, a.Updated.UTC().Format("2 January 2006"))
	}
	if a.CurrentLevel != "" {
		meta = append(meta, "current level: "+levelTitle(r, a.CurrentLevel))
	}
	if a.TargetLevel != "" {
		meta = append(meta, "aiming for "+levelTitle(r, a.TargetLevel))
	}
	return meta
}

func requiredUnmet(t assess.TargetScore, rung string) bool {
	for _, u := range t.Units {
		if u.Level == rung && u.Required() && !u.Met {
			return true
		}
	}
	return false
}

func hasTarget(list []assess.TargetScore, id string) bool {
	for _, t := range list {
		if t.ID == id {
			return true
		}
	}
	return false
}

// radar picks the chart: themes when the rubric has them, else the
// specialties; none with fewer than three axes.
func (pg *Page) radar(r *rubric.Rubric, p *assess.Plan, specs []assess.TargetScore) {
	if len(r.Themes) > 0 {
		pg.RadarOf = "themes"
		targets := append([]assess.TargetScore{p.Level}, specs...)
		for _, th := range assess.ThemeProfile(r, targets...) {
			class := scoreClass(r, th.Score)
			if class == string(assess.Meets) && th.RequiredUnmet > 0 {
				// A required item not met holds the target back however
				// high the theme scores: the theme does not show as met.
				class = string(assess.Approaching)
			}
			pg.RadarAxes = append(pg.RadarAxes, radarValue{Title: r.Theme(th.Theme).Title, Value: th.Score, Class: class,
				RequiredUnmet: th.RequiredUnmet})
		}
		var names []string
		for _, t := range specs {
			names = append(names, specialtyTitle(r, t.ID))
		}
		scope := "the items of " + pg.Target + " (every rung)"
		if len(names) > 0 {
			scope += " and of the " + strings.Join(names, ", ") + " " + plural(len(names), "specialty", "specialties")
		}
		pg.RadarNote = fmt.Sprintf("Each axis is a theme of the rubric. Its value is the weighted credit earned over %s "+
			"that have a criterion in that theme: the sum of weight × credit over the sum of weights, with the same "+
			"credits (the rating as a share of the one expected, at most 1) and weights (required and strong 3, desirable 2) "+
			"as the scores. 100%% means every such item meets what it expects; the dashed ring is the %s meets threshold. "+
			"A theme that holds a required item not met is not coloured as met, however high its value: such an item "+
			"holds the verdict back whatever the score. Nice-to-haves and criteria without a theme do not count.", scope, pg.Meets)
		var missing []string
		for _, th := range r.Themes {
			if !hasTheme(pg.RadarAxes, th.Title) {
				missing = append(missing, th.Title)
			}
		}
		if len(missing) > 0 {
			pg.RadarNote += " Left out, with no item in scope: " + strings.Join(missing, ", ") + "."
		}
	} else {
		pg.RadarOf = "specialties"
		for _, t := range specs {
			pg.RadarAxes = append(pg.RadarAxes, radarValue{Title: specialtyTitle(r, t.ID), Value: t.Score, Class: verdictClass(t.Verdict)})
		}
		pg.RadarNote = fmt.Sprintf("The rubric has no themes, so each axis is a specialty and its value the specialty's score. "+
			"The dashed ring is the %s meets threshold.", pg.Meets)
	}
	if len(pg.RadarAxes) >= 3 {
		pg.Radar = newRadar(pg.RadarAxes, r.Thresholds.Meets)
		parts := make([]string, len(pg.RadarAxes))
		for i, a := range pg.RadarAxes {
			parts[i] = a.Title + " " + percent(a.Value)
		}
		pg.RadarLabel = "Radar chart of the " + pg.RadarOf + ": " + strings.Join(parts, ", ")
	}
}

func hasTheme(axes []radarValue, title string) bool {
	for _, a := range axes {
		if a.Title == title {
			return true
		}
	}
	return false
}

func pageGap(r *rubric.Rubric, a *assess.Assessment, it assess.PlanItem) gapItem {
	g := gapItem{Question: unitTitle(r, a, it.Unit), ID: unitID(it.Unit), Strength: string(it.Strength), Required: it.Required(),
		Gain: "+" + gainPoints(it.Gain) + " points to " + gainWhere(it), Sources: strings.Join(it.Sources, "; "), Specialty: it.Specialty}
	if it.Specialty {
		g.For = specialtyTitle(r, it.Target) + " specialty"
	} else {
		g.For = "rung: " + rungTitle(r, it.Rung())
	}
	if it.Group != "" {
		g.Progress = fmt.Sprintf("%d of %d needed met", it.Metc, it.Min)
		for _, c := range it.Criteria {
			m := pageMember{Question: question(r, a, c.ID), ID: c.ID, Now: answerText(r, c), Expected: expectedText(r, c), Met: c.Met}
			if c.Rating != nil {
				m.Note = oneLine(c.Rating.Note)
			}
			g.Members = append(g.Members, m)
		}
		return g
	}
	c := it.Criteria[0]
	g.Now, g.Expected = answerText(r, c), expectedText(r, c)
	if c.Rating != nil {
		g.Note = oneLine(c.Rating.Note)
	}
	return g
}

func pageCards(r *rubric.Rubric, p *assess.Plan, specs []assess.TargetScore) []pageCard {
	res := p.Result
	fit := pageCard{Label: "Fit level", Value: fitText(r, res), Class: "meets", Wide: true}
	if res.FitLevel == "" {
		fit.Value, fit.Detail = "None yet", r.Levels[0].Title+" is not met"
	} else if l := r.Level(res.FitLevel); l.Grade != 0 {
		fit.Detail = fmt.Sprintf("grade %d", l.Grade)
	}
	// The fit level shows as met when it reaches the person's target (the
	// assessment's, else the plan's); below it, the card takes the colour
	// of the level that holds it back.
	aim := res.Assessment.TargetLevel
	if r.Level(aim) == nil {
		aim = p.Target
	}
	if fr := assess.FitReasonOf(r, res); fr.Level != "" && !fr.NotAsked && r.LevelIndex(fr.Level) <= r.LevelIndex(aim) {
		fit.Class = verdictClass(res.Levels[r.LevelIndex(fr.Level)].Verdict)
		if res.FitLevel != "" {
			fit.Detail = strings.TrimPrefix(fit.Detail+", ", ", ") + levelTitle(r, fr.Level) + " held back"
		}
	}
	target := pageCard{Label: "Target", Value: levelTitle(r, p.Target), Wide: true,
		Detail: percent(p.Level.Score) + ", " + verdictWords(p.Level.Verdict), Class: verdictClass(p.Level.Verdict)}
	if n := len(p.LevelItems()); n > 0 {
		target.Detail += fmt.Sprintf(", %d open %s", n, plural(n, "item", "items"))
	}
	if p.Reason == assess.TargetTop {
		target.Label = "Target (the top level)"
	}
	cards := []pageCard{fit, target}
	if len(specs) > 0 {
		best := specs[0]
		cards = append(cards, pageCard{Label: specialtyLabel(specs), Value: specialtyTitle(r, best.ID),
			Detail: percent(best.Score) + ", " + verdictWords(best.Verdict), Class: verdictClass(best.Verdict)})
	}
	if n := len(notAskedTitles(r, res)); n > 0 {
		cards = append(cards, pageCard{Label: "Not asked", Value: andList(notAskedTitles(r, res)),
			Detail: "the questions stopped at the target", Class: "neutral", Wide: true})
	}
	cards = append(cards, pageCard{Label: "Nice-to-haves", Value: fmt.Sprintf("%d of %d", res.Bonus.Met, res.Bonus.Total), Detail: "never part of a score", Class: "neutral"})
	if n := len(res.Unanswered); n > 0 {
		cards = append(cards, pageCard{Label: "Unanswered", Value: fmt.Sprint(n), Detail: plural(n, "criterion", "criteria") + " left blank", Class: "neutral"})
	}
	if n := len(res.CantSay); n > 0 {
		cards = append(cards, pageCard{Label: "Can't say", Value: fmt.Sprint(n), Detail: plural(n, "criterion", "criteria") + " the rater could not judge", Class: "neutral"})
	}
	return cards
}

// notAskedTitles are the titles of the levels the assessment did not ask.
func notAskedTitles(r *rubric.Rubric, res *assess.Result) []string {
	var out []string
	for i, na := range assess.NotAsked(r, res) {
		if na {
			out = append(out, levelTitle(r, res.Levels[i].ID))
		}
	}
	return out
}

// specialtyLabel introduces the best specialty: "Strongest specialty" among
// several, "Specialty" for the only one.
func specialtyLabel(specs []assess.TargetScore) string {
	if len(specs) == 1 {
		return "Specialty"
	}
	return "Strongest specialty"
}

func verdictClass(v assess.Verdict) string { return string(v) }

// scoreClass colours a score that has no verdict of its own (a rung, a
// theme) by the rubric's thresholds.
func scoreClass(r *rubric.Rubric, score float64) string {
	switch {
	case score >= r.Thresholds.Meets-1e-9:
		return string(assess.Meets)
	case score >= r.Thresholds.Approaching-1e-9:
		return string(assess.Approaching)
	}
	return string(assess.NotYet)
}

func fill(score float64) float64 { return float64(floorPercent(score)) }

// neutralise applies termtext.Safe to every string in v (a struct, and
// the structs, slices and pointers it holds).
func neutralise(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			v.SetString(termtext.Safe(v.String()))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			neutralise(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			neutralise(v.Field(i))
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			neutralise(v.Index(i))
		}
	}
}
