package draft

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ladderhq/ladder/rubric"
)

// DefaultExpect is the rating a level expects unless the source says
// otherwise: the scale's "Consistent".
const DefaultExpect = 3

// DefaultScale is the scale of an imported rubric when the source has none
// of its own.
func DefaultScale() []rubric.ScalePoint {
	return []rubric.ScalePoint{
		{Value: 0, Label: "Not yet", Description: "I have not done this in real work yet."},
		{Value: 1, Label: "Beginning", Description: "I have tried it and still need guidance."},
		{Value: 2, Label: "Developing", Description: "I do it with occasional help."},
		{Value: 3, Label: "Consistent", Description: "I do it well and unaided, again and again."},
		{Value: 4, Label: "Leading", Description: "Others come to me for it; I set the bar."},
	}
}

// Scope is where an item of the source belongs: a level or a specialty,
// with the prefix of its criteria's ids and the theme it falls under.
type Scope struct {
	Level     string
	Specialty string
	Prefix    string
	Theme     string
}

// Item is one statement of the source, as an importer found it.
type Item struct {
	Text     string
	Emphasis []string // emphasised fragments: an "**or**" marks options
	Sources  []string
	Kind     rubric.Kind
	Strength rubric.Strength // what the heading it stands under gives
	Voice    Voice
	Help     string // more for the person, after the quote (examples)
	Group    string // the group the criteria join ("" for none)
	// Whole keeps the item one criterion even when it offers options.
	Whole bool
}

// Builder puts a draft rubric together.
type Builder struct {
	r      rubric.Rubric
	ids    IDs
	themes map[string]string // theme key -> id
	// source words of each criterion, to find restatements
	text  map[string]string
	index map[string]int // criterion id -> position
	// Origin names the source in each criterion's help ("page",
	// "framework").
	Origin string
	notes  []string
}

// NewBuilder starts a rubric.
func NewBuilder(id, title string) *Builder {
	b := &Builder{themes: map[string]string{}, text: map[string]string{}, index: map[string]int{}, Origin: "page"}
	b.r = rubric.Rubric{
		Format: rubric.Format, ID: id, Version: "1", Title: title,
		Scale: DefaultScale(), Thresholds: rubric.DefaultThresholds, SpecialtyExpect: DefaultExpect,
	}
	return b
}

// Rubric is the rubric being built.
func (b *Builder) Rubric() *rubric.Rubric { return &b.r }

// Note records something the author of the ladder should review.
func (b *Builder) Note(format string, args ...any) {
	b.notes = append(b.notes, fmt.Sprintf(format, args...))
}

// Notes are what the author should review, in the order found.
func (b *Builder) Notes() []string { return b.notes }

// SetScale replaces the default scale.
func (b *Builder) SetScale(scale []rubric.ScalePoint) { b.r.Scale = scale }

// AddLevel adds the next level up and returns its id. An id the source
// gives is kept when valid and free.
func (b *Builder) AddLevel(id, title string, grade int, notes string) string {
	id = b.claim(id, title)
	b.r.Levels = append(b.r.Levels, rubric.Level{ID: id, Title: Clean(title), Grade: grade, Expect: DefaultExpect, Notes: Prose(notes)})
	return id
}

// claim keeps id when valid and free, else makes one from title.
func (b *Builder) claim(id, title string) string {
	id = strings.ToLower(strings.TrimSpace(id))
	if rubric.ValidID(id) && !b.ids.Taken(id) && len(id) <= maxIDLength {
		b.ids.Reserve(id)
		return id
	}
	return b.ids.New(Slug(title, 4))
}

// Theme returns the id of the theme with this title, adding it when new.
// Titles with the same words in another order ("Collaboration and
// Communication") are one theme.
func (b *Builder) Theme(title string) string {
	title = Clean(title)
	if title == "" {
		return ""
	}
	words := Words(title)
	var key []string
	for _, w := range words {
		if !stopWords[w] {
			key = append(key, stem(w))
		}
	}
	sort.Strings(key)
	k := strings.Join(key, " ")
	if id, ok := b.themes[k]; ok {
		return id
	}
	id := b.ids.New(Slug(title, 3))
	b.themes[k] = id
	b.r.Themes = append(b.r.Themes, rubric.Theme{ID: id, Title: title})
	return id
}

// ClaimTheme adds a theme under the id the source gives it.
func (b *Builder) ClaimTheme(id, title string) string {
	id = b.claim(id, title)
	b.themes[strings.ToLower(Clean(title))+"\x00"+id] = id
	b.r.Themes = append(b.r.Themes, rubric.Theme{ID: id, Title: Clean(title)})
	return id
}

// AddSpecialty adds a specialty and returns its id.
func (b *Builder) AddSpecialty(title, summary string) string {
	id := b.ids.New(Slug(strings.ReplaceAll(title, "/", " "), 4))
	b.r.Specialties = append(b.r.Specialties, rubric.Specialty{ID: id, Title: Clean(title), Summary: summary})
	return id
}

// NotAssessed records source items deliberately left out. Consecutive
// entries with the same reason share one entry.
func (b *Builder) NotAssessed(source, reason string) {
	na := &b.r.NotAssessed
	if n := len(*na); n > 0 && (*na)[n-1].Reason == reason {
		(*na)[n-1].Sources = append((*na)[n-1].Sources, source)
		return
	}
	*na = append(*na, rubric.NotAssessed{Sources: []string{source}, Reason: reason})
}

// AddGroupID adds a group whose id comes from idText rather than its title.
func (b *Builder) AddGroupID(s Scope, idText, title string, min int, strength rubric.Strength, sources []string, parent string) string {
	id := b.ids.New(s.Prefix, Slug(idText, 3))
	b.r.Groups = append(b.r.Groups, rubric.Group{ID: id, Title: Clean(title), Min: min, Strength: strength, Group: parent, Sources: sources})
	return id
}

// AddGroup adds a group of criteria of which min must be met; parent is the
// group it nests in ("" for none). Its id comes from title.
func (b *Builder) AddGroup(s Scope, title string, min int, strength rubric.Strength, sources []string, parent string) string {
	id := b.ids.New(s.Prefix, Slug(title, 3))
	b.r.Groups = append(b.r.Groups, rubric.Group{ID: id, Title: Clean(title), Min: min, Strength: strength, Group: parent, Sources: sources})
	return id
}

// SetGroupMin changes a group's min once its members are known.
func (b *Builder) SetGroupMin(id string, min int) {
	for i := range b.r.Groups {
		if b.r.Groups[i].ID == id {
			b.r.Groups[i].Min = min
		}
	}
}

// AddItem turns one item of the source into criteria: one per statement
// with a strength of its own, and for a statement that offers options a
// group with one criterion per option. It returns the ids of the criteria
// and groups made, in order.
func (b *Builder) AddItem(s Scope, it Item) []string {
	var made []string
	for _, st := range Statements(it.Text) {
		strength, kind := it.Strength, it.Kind
		if st.Strength != "" {
			strength = st.Strength
		}
		if strength == "" {
			strength = rubric.Strong
		}
		if strength == rubric.Bonus {
			kind = rubric.NiceToHave
		}
		q := Ask(st.Text, it.Voice)
		help := b.quote(it)
		if !q.YesNo && !it.Whole && strength != rubric.Bonus {
			if a, ok := FindAlternatives(st.Text, it.Emphasis); ok {
				g := b.AddGroup(s, st.Text, 1, strength, it.Sources, it.Group)
				for i, opt := range a.Options {
					text := a.Option(i)
					c := b.criterion(s, opt, Ask(text, it.Voice), kind, strength, it.Sources, help)
					c.Group = g
					b.add(c, text)
				}
				made = append(made, g)
				continue
			}
		}
		c := b.criterion(s, st.Text, q, kind, strength, it.Sources, help)
		if strength != rubric.Bonus {
			c.Group = it.Group
		}
		b.add(c, st.Text)
		made = append(made, c.ID)
	}
	return made
}

func (b *Builder) quote(it Item) string {
	where := ""
	if len(it.Sources) > 0 {
		where = " (" + it.Sources[0] + ")"
	}
	h := fmt.Sprintf("The %s says%s: %q.", b.Origin, where, Clean(it.Text))
	if it.Help != "" {
		h += " " + it.Help
	}
	return h
}

func (b *Builder) criterion(s Scope, idText string, q Question, kind rubric.Kind, strength rubric.Strength, sources []string, help string) rubric.Criterion {
	c := rubric.Criterion{
		ID:       b.ids.New(s.Prefix, Slug(idText, 3)),
		Prompt:   q.Prompt,
		Help:     help,
		Kind:     kind,
		Strength: strength,
		Level:    s.Level,
		Theme:    s.Theme,
		Answer:   rubric.ScaleAnswer,
		Sources:  append([]string(nil), sources...),
	}
	if s.Specialty != "" {
		c.Specialties = []string{s.Specialty}
	}
	if q.YesNo {
		c.Answer = rubric.YesNo
	}
	return c
}

func (b *Builder) add(c rubric.Criterion, text string) {
	b.index[c.ID] = len(b.r.Criteria)
	b.r.Criteria = append(b.r.Criteria, c)
	b.text[c.ID] = text
}

// AddCriterion adds a criterion made by the importer itself (its id from
// idText); text is the statement it asks about.
func (b *Builder) AddCriterion(s Scope, idText, text string, q Question, kind rubric.Kind, strength rubric.Strength, sources []string, help string) string {
	c := b.criterion(s, idText, q, kind, strength, sources, help)
	b.add(c, text)
	return c.ID
}

// Criterion returns the criterion with this id, for an importer to adjust.
func (b *Builder) Criterion(id string) *rubric.Criterion {
	if i, ok := b.index[id]; ok {
		return &b.r.Criteria[i]
	}
	return nil
}

// Supersede makes higher supersede lower (the source says so itself).
func (b *Builder) Supersede(higher, lower string) {
	if c := b.Criterion(higher); c != nil {
		c.Supersedes = append(c.Supersedes, lower)
	}
}

// Finish links restated items into supersede chains, sets the levels'
// expectations and returns the rubric.
func (b *Builder) Finish() *rubric.Rubric {
	b.linkRestatements()
	b.spreadExpectations()
	return &b.r
}

// Restatement thresholds: a higher item restates a lower one when it keeps
// at least this share of the lower one's words, and at least minShared of
// them.
const (
	minKept   = 0.6
	minShared = 3
	// maxPostings bounds the criteria one word may point to before it
	// counts as too common to compare by.
	maxPostings = 400
)

// linkRestatements finds, for each item of a level above the first, the
// item of a lower level it restates on a larger scale ("ship small
// features" -> "ship moderately sized features"), and makes it supersede
// that item. The nearest such item wins, so that chains form rung by
// rung; an item is superseded by at most one item of each level.
func (b *Builder) linkRestatements() {
	level := map[string]int{}
	for i, l := range b.r.Levels {
		level[l.ID] = i
	}
	eligible := func(c *rubric.Criterion) bool {
		return c.Level != "" && c.Group == "" && c.Strength != rubric.Bonus
	}
	words := map[string]map[string]bool{}
	for i := range b.r.Criteria {
		c := &b.r.Criteria[i]
		words[c.ID] = Content(b.text[c.ID])
	}
	explicit := map[string]bool{}
	for _, c := range b.r.Criteria {
		for _, old := range c.Supersedes {
			explicit[old] = true
		}
	}
	type claim struct {
		by    string
		score float64
	}
	claimed := map[string]map[int]claim{} // lower id -> level -> best claim
	pick := map[string]string{}           // higher id -> lower id
	// Which criteria use each word: only those sharing enough words with
	// an item are compared with it. Words most items use tell nothing and
	// would make the comparison quadratic.
	postings := map[string][]int{}
	for j := range b.r.Criteria {
		if eligible(&b.r.Criteria[j]) {
			for w := range words[b.r.Criteria[j].ID] {
				postings[w] = append(postings[w], j)
			}
		}
	}
	for i := range b.r.Criteria {
		c := &b.r.Criteria[i]
		if !eligible(c) || level[c.Level] == 0 || len(c.Supersedes) > 0 {
			continue
		}
		shared := map[int]int{}
		for w := range words[c.ID] {
			if list := postings[w]; len(list) <= maxPostings {
				for _, j := range list {
					shared[j]++
				}
			}
		}
		best, bestScore, bestLevel, bestPos := "", 0.0, -1, 0
		for j, n := range shared {
			o := &b.r.Criteria[j]
			if n < minShared || level[o.Level] >= level[c.Level] || o.Answer != c.Answer || explicit[o.ID] {
				continue
			}
			if c.Theme != "" && o.Theme != "" && c.Theme != o.Theme {
				continue
			}
			kept, n := Similarity(words[o.ID], words[c.ID])
			if kept < minKept || n < minShared {
				continue
			}
			if kept > bestScore || kept == bestScore && (level[o.Level] > bestLevel || level[o.Level] == bestLevel && j < bestPos) {
				best, bestScore, bestLevel, bestPos = o.ID, kept, level[o.Level], j
			}
		}
		if best == "" {
			continue
		}
		// Restating a rung that a middle level restated already continues
		// that chain: supersede the middle rung.
		for {
			next, nextLevel := "", level[b.Criterion(best).Level]
			for lv, cl := range claimed[best] {
				if lv < level[c.Level] && lv > nextLevel {
					next, nextLevel = cl.by, lv
				}
			}
			if next == "" {
				break
			}
			best = next
		}
		lv := level[c.Level]
		if claimed[best] == nil {
			claimed[best] = map[int]claim{}
		}
		if prev, ok := claimed[best][lv]; ok {
			if prev.score >= bestScore {
				continue
			}
			delete(pick, prev.by)
		}
		claimed[best][lv] = claim{by: c.ID, score: bestScore}
		pick[c.ID] = best
	}
	for i := range b.r.Criteria {
		c := &b.r.Criteria[i]
		if old, ok := pick[c.ID]; ok {
			c.Supersedes = append(c.Supersedes, old)
		}
	}
}

// spreadExpectations tells apart levels that the source gives the same
// statements: a level that adds nothing to the one below it would score
// exactly like it, so the lower one expects one step less.
func (b *Builder) spreadExpectations() {
	adds := make([]bool, len(b.r.Levels))
	for _, c := range b.r.Criteria {
		for i, l := range b.r.Levels {
			if c.Level == l.ID && c.Strength != rubric.Bonus {
				adds[i] = true
			}
		}
	}
	for i := len(b.r.Levels) - 2; i >= 0; i-- {
		if adds[i+1] {
			continue
		}
		upper, lower := &b.r.Levels[i+1], &b.r.Levels[i]
		lower.Expect = max(1, upper.Expect-1)
		if lower.Expect == upper.Expect {
			continue
		}
		label := func(v int) string { return fmt.Sprintf("%s (%d)", b.r.Scale[v].Label, v) }
		note := fmt.Sprintf("%s adds no statements of its own to %s, so this level expects %s where %s expects %s.",
			upper.Title, lower.Title, label(lower.Expect), upper.Title, label(upper.Expect))
		lower.Notes = strings.TrimSpace(lower.Notes + " " + note)
		b.Note("level %q expects %d: %s", lower.ID, lower.Expect, note)
	}
	if n := len(b.r.Levels); n > 0 {
		b.r.SpecialtyExpect = b.r.Levels[n-1].Expect
	}
}
