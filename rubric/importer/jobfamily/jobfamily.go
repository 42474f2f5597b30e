// Package jobfamily imports a job-family page in Markdown, as GitLab's
// handbook publishes them, into a draft rubric.
//
// It reads the page the way `ladder rubric validate --source` does
// (rubric/sourceref), so every list item it meets becomes a criterion, a
// group or a not_assessed entry under the very reference the coverage check
// looks for. It knows the layouts those pages use: general requirements and
// responsibilities under headings that name them (or "You may be a fit ...
// if you", "As an X you will"); levels as "###" sections under "## Job
// Grades" or "## Levels", told apart by a "#### Job Grade" / "grade N" line
// or a "The X role extends the Y role" line; a level's items grouped under
// "#####" areas or "**Area**:" labels, which become themes; nested lists
// whose top item is a category, a quantity ("one or more of the
// following") or a label ("Nice to have"); specialties as "###" sections;
// hiring steps and performance indicators left out with a reason.
package jobfamily

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/ladderhq/ladder/internal/lazy"
	"github.com/ladderhq/ladder/rubric"
	"github.com/ladderhq/ladder/rubric/importer/draft"
	"github.com/ladderhq/ladder/rubric/sourceref"
	"go.yaml.in/yaml/v3"
)

// ErrNothing is returned for a page with nothing to assess.
var ErrNothing = errors.New("found no requirements or responsibilities to import (expected a job-family page: headings such as \"Requirements\" and \"Responsibilities\" over lists)")

// section is a "##" or "###" heading and the blocks up to the next heading
// of its level or above.
type section struct {
	title      string
	level      int // 2 or 3
	start, end int // block indices: the heading, and one past the last block
	role       role
	// for "###" sections
	isLevel     bool
	specialty   string // the specialty's id
	levelID     string
	parentTitle string // the "##" heading above it
}

type importer struct {
	page     *sourceref.Page
	kids     map[int][]int // item -> the items nested directly in it
	inside   []*section    // block -> innermost section holding it
	b        *draft.Builder
	sections []*section
	levels   []*section
	lowest   string // the lowest level's id
}

// Import reads a job-family page. name is used for the rubric's id when the
// page has no title.
func Import(name string, src []byte) (*draft.Builder, error) {
	page, err := sourceref.Parse(src)
	if err != nil {
		return nil, err
	}
	title := pageTitle(page)
	if title == "" {
		title = strings.TrimSuffix(name, ".md")
	}
	id := draft.Slug(title, 5)
	if id == "" {
		id = "imported-ladder"
	}
	im := &importer{page: page, b: draft.NewBuilder(id, draft.Clean(title))}
	im.readSections()
	im.findLevels()
	im.findSpecialties()
	im.readItems()
	r := im.b.Rubric()
	if len(r.Criteria) == 0 {
		return nil, ErrNothing
	}
	return im.b, nil
}

func pageTitle(p *sourceref.Page) string {
	if len(p.FrontMatter) > 0 {
		var fm struct {
			Title string `yaml:"title"`
		}
		if yaml.Unmarshal(p.FrontMatter, &fm) == nil && strings.TrimSpace(fm.Title) != "" {
			return fm.Title
		}
	}
	for _, b := range p.Blocks {
		if b.Kind == sourceref.Heading {
			return b.Text
		}
	}
	return ""
}

func (im *importer) readSections() {
	blocks := im.page.Blocks
	var open [2]*section // the "##" and "###" sections open
	h2 := ""
	for i, b := range blocks {
		if b.Kind != sourceref.Heading || b.Level > 3 {
			continue
		}
		lvl := max(b.Level, 2)
		for j := lvl - 2; j < 2; j++ {
			if open[j] != nil {
				open[j].end = i
				open[j] = nil
			}
		}
		if lvl == 2 {
			h2 = b.Text
		}
		s := &section{title: b.Text, level: lvl, start: i, end: len(blocks), role: roleOf(b.Text)}
		if lvl == 3 {
			s.parentTitle = h2
		}
		open[lvl-2] = s
		im.sections = append(im.sections, s)
	}
}

// sectionAt is the innermost "##"/"###" section holding block i.
func (im *importer) sectionAt(i int) *section {
	if im.inside == nil {
		im.inside = make([]*section, len(im.page.Blocks))
		for _, s := range im.sections { // "##" before the "###" inside them
			for j := s.start; j < s.end; j++ {
				if im.inside[j] == nil || s.level >= im.inside[j].level {
					im.inside[j] = s
				}
			}
		}
	}
	return im.inside[i]
}

// findLevels recognises the "###" sections that are levels, orders them and
// adds them to the rubric.
func (im *importer) findLevels() {
	type lv struct {
		s       *section
		grade   int
		extends string
		anchor  string
		notes   []string
	}
	var found []*lv
	for _, s := range im.sections {
		if s.level != 3 || s.role.isContent() {
			continue
		}
		l := &lv{s: s}
		isLevel := roleOf(s.parentTitle) == levelsHeading
		for i := s.start + 1; i < s.end; i++ {
			b := im.page.Blocks[i]
			if b.Kind == sourceref.Heading && roleOf(b.Text) == jobGrade {
				isLevel = true
			}
			if b.Kind != sourceref.Paragraph {
				continue
			}
			if m := gradePattern().FindStringSubmatch(b.Text); m != nil && l.grade == 0 {
				fmt.Sscan(m[1], &l.grade)
				isLevel = true
			}
			if m := extendsPattern().FindStringSubmatch(b.Text); m != nil {
				l.extends = draft.Clean(m[1])
				for _, link := range b.Links {
					if strings.HasPrefix(link, "#") {
						l.anchor = link[1:]
					}
				}
				isLevel = true
			}
			if !roleLine().MatchString(b.Text) && len(strings.Fields(b.Text)) >= 6 && len(l.notes) < 2 && inPlainRange(im.page, s, i) {
				l.notes = append(l.notes, b.Text)
			}
		}
		if isLevel {
			s.isLevel = true
			found = append(found, l)
		}
	}
	if len(found) == 0 {
		title := im.b.Rubric().Title
		im.lowest = im.b.AddLevel(draft.Slug(title, 4), title, 0, "")
		return
	}
	// Order: by grade when every level has one, else by how far down the
	// "extends" chain each stands, else as the page lists them.
	graded := true
	for _, l := range found {
		graded = graded && l.grade > 0
	}
	depth := func(l *lv) int {
		d := 0
		for seen := map[*lv]bool{}; l != nil && l.extends != "" && !seen[l]; d++ {
			seen[l] = true
			var next *lv
			for _, o := range found {
				if o != l && strings.EqualFold(o.s.title, l.extends) {
					next = o
				}
			}
			l = next
		}
		return d
	}
	sort.SliceStable(found, func(i, j int) bool {
		if graded {
			return found[i].grade < found[j].grade
		}
		return depth(found[i]) < depth(found[j])
	})
	// Ids: each title without the words every level's title shares.
	var titles []string
	for _, l := range found {
		titles = append(titles, l.s.title)
	}
	shared := sharedWords(titles)
	anchorOf := map[string]string{}
	for _, l := range found {
		if l.anchor != "" && l.extends != "" {
			anchorOf[strings.ToLower(l.extends)] = l.anchor
		}
	}
	last := 0
	for _, l := range found {
		var keep []string
		for _, w := range draft.Words(l.s.title) {
			if !shared[w] {
				keep = append(keep, w)
			}
		}
		id := draft.Slug(strings.Join(keep, " "), 3)
		if id == "" {
			if a := anchorOf[strings.ToLower(l.s.title)]; a != "" && !strings.EqualFold(a, draft.Slug(l.s.title, 8)) {
				id = draft.Slug(strings.SplitN(a, "-", 2)[0], 1)
			}
		}
		grade := l.grade
		if grade <= last {
			grade = 0 // out of order or repeated: the order of the levels says it
		} else {
			last = grade
		}
		l.s.levelID = im.b.AddLevel(id, l.s.title, grade, strings.Join(l.notes, " "))
		im.levels = append(im.levels, l.s)
	}
	im.lowest = im.levels[0].levelID
}

// inPlainRange reports whether block i sits directly in section s, not under
// a "####" heading of it (a level's own prose, not its lists' lead-ins).
func inPlainRange(p *sourceref.Page, s *section, i int) bool {
	return p.Blocks[i].Headings[3] == "" || roleOf(p.Blocks[i].Headings[3]) == jobGrade
}

func sharedWords(titles []string) map[string]bool {
	if len(titles) < 2 {
		return map[string]bool{}
	}
	count := map[string]int{}
	for _, t := range titles {
		seen := map[string]bool{}
		for _, w := range draft.Words(t) {
			if !seen[w] {
				seen[w] = true
				count[w]++
			}
		}
	}
	out := map[string]bool{}
	for w, n := range count {
		if n == len(titles) {
			out[w] = true
		}
	}
	return out
}

// findSpecialties recognises the "###" sections that are specialties: under
// a heading that says so, or after the last level, under any heading that
// is not itself a kind of content.
func (im *importer) findSpecialties() {
	lastLevel := -1
	for _, l := range im.levels {
		lastLevel = max(lastLevel, l.start)
	}
	for _, s := range im.sections {
		if s.level != 3 || s.isLevel || s.role.isContent() {
			continue
		}
		parent := roleOf(s.parentTitle)
		if parent != specialtiesHeading && (s.start < lastLevel || lastLevel < 0 || parent == requirements || parent == responsibilities || parent == niceToHaves) {
			continue
		}
		s.specialty = im.b.AddSpecialty(s.title, im.summary(s))
	}
}

// summary is the first sentence of a specialty's prose, cut to one line.
func (im *importer) summary(s *section) string {
	for i := s.start + 1; i < s.end; i++ {
		b := im.page.Blocks[i]
		if b.Kind == sourceref.Heading {
			break
		}
		if b.Kind == sourceref.Paragraph && b.Text != "" {
			return cut(draft.Sentences(b.Text)[0], 100)
		}
	}
	return ""
}

func cut(s string, n int) string {
	s = draft.Clean(s)
	if len(s) <= n {
		return s
	}
	i := strings.LastIndexByte(s[:n], ' ')
	if i < n/2 {
		i = n
	}
	return strings.TrimRight(s[:i], " ,;") + "…"
}

// context is what the headings above an item say about it.
type context struct {
	scope    draft.Scope
	kind     rubric.Kind
	strength rubric.Strength
	voice    draft.Voice
	skip     string // a reason to leave it out, when it is not assessed
	lead     string // the statement of a group whose items complete it ("... one or more of the following")
	where    string // the heading that decides, for messages
}

var (
	labelPrefix = lazy.Regexp(`^([^:]{2,40}):\s+(.+)$`)
	following   = lazy.Regexp(`(?i)\b((one or more|any|some|all|each|either|\d+|one|two|three|four|five) of )?the following\b.*$`)
)

// contextOf reads the headings above item block i.
func (im *importer) contextOf(i int) context {
	b := im.page.Blocks[i]
	s := im.sectionAt(i)
	h4, h5 := b.Headings[3], b.Headings[4]
	var c context
	switch {
	case s != nil && s.isLevel:
		c = context{scope: draft.Scope{Level: s.levelID, Prefix: s.levelID}, kind: rubric.Responsibility, strength: rubric.Strong, voice: draft.Duties, where: s.title}
		c.apply(roleOf(h4), h4, true)
		if roleOf(h4) == other && h4 != "" {
			c.scope.Theme = im.b.Theme(h4)
		}
	case s != nil && s.specialty != "":
		c = context{scope: draft.Scope{Specialty: s.specialty, Prefix: draft.Short(s.specialty)}, kind: rubric.Responsibility, strength: rubric.Desirable, voice: draft.Duties, where: s.title}
		c.apply(roleOf(h4), h4, false)
	default:
		c = context{scope: draft.Scope{Level: im.lowest}, where: b.Ref}
		heading := ""
		r := other
		for _, h := range []string{b.Headings[3], b.Headings[2], b.Headings[1]} {
			if h != "" {
				if rr := roleOf(h); rr.isContent() {
					r, heading = rr, h
					break
				}
				if heading == "" {
					heading = h
				}
			}
		}
		c.where = heading
		switch r {
		case requirements:
			c.kind, c.strength, c.scope.Prefix = rubric.Requirement, rubric.Strong, "req"
			if strings.Contains(strings.ToLower(heading), "requirement") {
				c.strength = rubric.Required
			}
		case responsibilities:
			c.kind, c.strength, c.voice, c.scope.Prefix = rubric.Responsibility, rubric.Desirable, draft.Duties, "resp"
		case niceToHaves:
			c.kind, c.strength, c.scope.Prefix = rubric.NiceToHave, rubric.Bonus, "nice"
		default:
			c.apply(r, heading, false)
			if c.skip == "" {
				c.skip = fmt.Sprintf("In %q, a section that states neither requirements nor responsibilities; make it a criterion if it should count.", heading)
			}
		}
	}
	if h5 != "" && c.skip == "" {
		c.scope.Theme = im.b.Theme(h5)
	}
	return c
}

// apply lets a "####" heading of a level or specialty decide.
func (c *context) apply(r role, heading string, level bool) {
	switch r {
	case requirements:
		c.kind, c.strength, c.voice = rubric.Requirement, rubric.Strong, draft.Described
		if level {
			c.strength = rubric.Required
		}
	case responsibilities:
		c.kind, c.voice = rubric.Responsibility, draft.Duties
	case niceToHaves:
		c.kind, c.strength = rubric.NiceToHave, rubric.Bonus
	case indicators:
		c.skip = "A performance indicator of the job family, measured for teams, not rated by a person."
	case hiring:
		c.skip = "A step of the hiring process, not a criterion of the role."
	}
	if heading != "" {
		c.where = heading
	}
}

// list is a run of top-level items with the paragraph that leads into it.
type list struct {
	items []int  // block indices of the top-level items
	lead  string // the paragraph just before the list, if any
	ref   string // the section reference
}

func (im *importer) readItems() {
	blocks := im.page.Blocks
	var lists []*list
	var cur *list
	lead, leadRef := "", ""
	for i, b := range blocks {
		switch {
		case b.Kind == sourceref.ListItem && b.Parent < 0:
			sec := sectionOf(b.Ref)
			if cur == nil || cur.ref != sec {
				cur = &list{ref: sec}
				if leadRef == sec {
					cur.lead = lead
				}
				lists = append(lists, cur)
			}
			cur.items = append(cur.items, i)
		case b.Kind == sourceref.ListItem:
		case b.Kind == sourceref.Paragraph:
			cur, lead, leadRef = nil, b.Text, b.Ref
		case b.Kind == sourceref.Heading:
			cur, lead, leadRef = nil, "", ""
		}
	}
	// A list led in by "Alternatively" is another way to meet the section
	// than the list before it: both become paths of one group.
	paths := map[*list]string{}
	for i, l := range lists {
		if i == 0 || !alternatively().MatchString(l.lead) || lists[i-1].ref != l.ref {
			continue
		}
		prev := lists[i-1]
		c := im.contextOf(l.items[0])
		if c.skip != "" || c.strength == rubric.Bonus {
			continue
		}
		if _, ok := paths[prev]; !ok {
			top := im.b.AddGroupID(c.scope, "profiles", "Meets one of the alternative profiles", 1, c.strength, []string{l.ref}, "")
			paths[prev] = im.b.AddGroupID(c.scope, "profile", pathTitle(prev.lead, "First profile"), allOf, c.strength, nil, top)
		}
		paths[l] = im.b.AddGroupID(c.scope, "profile", pathTitle(l.lead, "Alternative profile"), allOf, c.strength, nil, groupParent(im.b, paths[prev]))
	}
	for _, l := range lists {
		parent := paths[l]
		for _, i := range l.items {
			im.item(i, im.contextOf(i), parent, nil)
		}
		if parent != "" {
			im.settle(parent)
		}
	}
	im.proseOnlySpecialties()
}

// allOf asks for every member of a group; settle brings it down to the
// number of members the group ends up with.
const allOf = 1 << 20

func groupParent(b *draft.Builder, id string) string {
	for _, g := range b.Rubric().Groups {
		if g.ID == id {
			return g.Group
		}
	}
	return ""
}

func pathTitle(lead, fallback string) string {
	if t := draft.Clean(lead); t != "" {
		return t
	}
	return fallback
}

// sectionOf is the section part of an item reference.
func sectionOf(ref string) string {
	if i := strings.LastIndexByte(ref, '/'); i >= 0 {
		return ref[:i]
	}
	return ref
}

// children are the items nested directly under item i.
func (im *importer) children(i int) []int {
	if im.kids == nil {
		im.kids = map[int][]int{}
		for j, b := range im.page.Blocks {
			if b.Kind == sourceref.ListItem && b.Parent >= 0 {
				im.kids[b.Parent] = append(im.kids[b.Parent], j)
			}
		}
	}
	return im.kids[i]
}

// item turns list item i (and what is nested in it) into criteria, groups
// or not_assessed entries. group is the group it belongs to; extra are
// references of category items above it, cited with it.
func (im *importer) item(i int, c context, group string, extra []string) {
	b := im.page.Blocks[i]
	sources := append([]string{b.Ref}, extra...)
	text := trimConnector(b.Text)
	kids := im.children(i)
	switch {
	case c.skip != "":
		im.b.NotAssessed(b.Ref, c.skip)
		for _, k := range kids {
			im.item(k, c, "", nil)
		}
		return
	case futurePattern().MatchString(text):
		im.b.NotAssessed(b.Ref, "A plan for the future, not something the role asks today.")
		return
	case roleStatement().MatchString(text) && !youPattern().MatchString(text) && len(kids) == 0:
		im.b.NotAssessed(b.Ref, "A statement about the role itself, not something a person does or has.")
		return
	}
	// "**Area**: statement" labels its area: a theme.
	if m := labelPrefix().FindStringSubmatch(text); m != nil && len(b.Emphasis) > 0 && strings.EqualFold(b.Emphasis[0], m[1]) {
		if _, isStrength := draft.Label(m[1]); !isStrength {
			c.scope.Theme = im.b.Theme(m[1])
			text = m[2]
		}
	}
	if len(kids) == 0 {
		if c.lead != "" && len(strings.Fields(text)) <= 4 {
			// "Proficient in one or more of the following: - Ruby": the
			// option alone is asked as "Proficient in Ruby".
			text = following().ReplaceAllLiteralString(c.lead, draft.Clean(text))
		}
		im.b.AddItem(c.scope, draft.Item{Text: text, Emphasis: b.Emphasis, Sources: sources, Kind: c.kind,
			Strength: c.strength, Voice: c.voice, Group: group})
		return
	}
	// A label ("Nice to have", "Must") or a short category ("Languages:")
	// only says what its nested items are.
	if strength, ok := draft.Label(text); ok || isCategory(text) {
		sub := c
		if ok {
			sub.strength = strength
			if strength == rubric.Bonus {
				sub.kind = rubric.NiceToHave
			}
		} else {
			sub.scope.Theme = im.b.Theme(strings.TrimRight(text, ":"))
		}
		g := group
		if sub.strength == rubric.Bonus {
			g = ""
		}
		for _, k := range kids {
			im.item(k, sub, g, sources)
		}
		return
	}
	// Otherwise the top item states what its nested items add up to: a
	// group that needs some or all of them.
	st := draft.Statements(text)[0]
	strength := c.strength
	if st.Strength != "" {
		strength = st.Strength
	}
	if strength == rubric.Bonus {
		im.b.AddItem(c.scope, draft.Item{Text: text, Sources: sources, Kind: rubric.NiceToHave, Strength: rubric.Bonus, Voice: c.voice, Whole: true})
		for _, k := range kids {
			sub := c
			sub.strength, sub.kind = rubric.Bonus, rubric.NiceToHave
			im.item(k, sub, "", []string{b.Ref})
		}
		return
	}
	g := im.b.AddGroup(c.scope, st.Text, minOf(text, len(kids)), strength, sources, group)
	sub := c
	sub.strength = strength
	sub.lead = ""
	if following().MatchString(st.Text) {
		sub.lead = st.Text
	}
	for _, k := range kids {
		im.item(k, sub, g, nil)
	}
	im.settle(g)
}

// isCategory reports whether a top item only names what its nested items
// are about: a few words, no verb, often ending with a colon.
func isCategory(text string) bool {
	t := strings.TrimSpace(text)
	if strings.HasSuffix(t, ":") {
		return true
	}
	return len(strings.Fields(t)) <= 3 && draft.Ask(t, draft.Duties).Prompt == "How well does this describe your work: "+t+"?"
}

// settle fits a group to the members it ended up with: bonus items leave
// groups, so a group may have fewer members than it asked for, or none.
func (im *importer) settle(g string) {
	r := im.b.Rubric()
	n := 0
	for _, c := range r.Criteria {
		if c.Group == g {
			n++
		}
	}
	for _, sub := range r.Groups {
		if sub.Group == g {
			n++
		}
	}
	for i := range r.Groups {
		gr := &r.Groups[i]
		if gr.ID != g {
			continue
		}
		switch {
		case n == 0:
			// Nothing left to gather: the group's statement is asked as a
			// criterion of its own.
			parent := gr.Group
			title, sources, strength := gr.Title, gr.Sources, gr.Strength
			r.Groups = append(r.Groups[:i], r.Groups[i+1:]...)
			scope := im.scopeOfSources(sources)
			im.b.AddItem(scope, draft.Item{Text: title, Sources: sources, Kind: rubric.Requirement, Strength: strength, Group: parent, Whole: true})
		case gr.Min > n || gr.Min < 1:
			gr.Min = n
		}
		return
	}
}

func (im *importer) scopeOfSources(sources []string) draft.Scope {
	for i, b := range im.page.Blocks {
		if b.Kind == sourceref.ListItem && len(sources) > 0 && b.Ref == sources[0] {
			return im.contextOf(i).scope
		}
	}
	return draft.Scope{Level: im.lowest}
}

// proseOnlySpecialties gives a specialty the page describes only in prose
// one criterion drawn from that prose, so that it can be scored.
func (im *importer) proseOnlySpecialties() {
	r := im.b.Rubric()
	has := map[string]bool{}
	for _, c := range r.Criteria {
		for _, s := range c.Specialties {
			has[s] = true
		}
	}
	for _, s := range im.sections {
		if s.specialty == "" || has[s.specialty] {
			continue
		}
		summary := ""
		for _, sp := range r.Specialties {
			if sp.ID == s.specialty {
				summary = sp.Summary
			}
		}
		text := summary
		if text == "" {
			text = s.title
		}
		q := draft.Question{Prompt: fmt.Sprintf("How much experience do you have with the work of the %s specialty (%s)?", s.title, strings.TrimSuffix(text, "…"))}
		im.b.AddCriterion(draft.Scope{Specialty: s.specialty, Prefix: draft.Short(s.specialty)}, "work", text, q,
			rubric.Requirement, rubric.Strong, []string{s.title},
			fmt.Sprintf("The page describes this specialty in prose only (%q); this criterion stands for it as a whole.", s.title))
	}
}
