// Package ftprogression imports a competency file in the Financial Times'
// engineering-progression format: a job family with its levels, themes
// and competencies, each competency at one level and one theme, with a
// summary (sometimes a numbered list of statements), examples and the
// proficiency it expects.
//
// Ladders in this format may branch: from some level on, an individual
// contributor track and a people manager track run side by side ("Senior
// Engineer 2 (Individual Contributor)", "... (People Manager)"). A rubric's
// levels form one line, so an import takes one track: the levels before
// the branch, the chosen track's levels, and any level after that belongs
// to no track.
package ftprogression

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ladderhq/ladder/internal/doc"
	"github.com/ladderhq/ladder/internal/lazy"
	"github.com/ladderhq/ladder/rubric"
	"github.com/ladderhq/ladder/rubric/importer/draft"
)

type level struct {
	id, name, summary string
	track             string // "" for a level on every track
	trackLabel        string
	node              *doc.Node
}

type theme struct {
	id, name string
}

type competency struct {
	id, level, theme, summary, description, proficiency string
	examples                                            []string
	node                                                *doc.Node
}

type file struct {
	name, summary string
	levels        []*level
	themes        []*theme
	competencies  []*competency
	ignored       []string
}

// presentation fields of the format that say nothing about the ladder.
var presentation = map[string]bool{"googleSheetId": true, "isLegacy": true, "supportingUrls": true, "domain": true, "id": true}

// Proficiencies are the format's proficiency words, lowest first.
var Proficiencies = []string{"Awareness", "Foundational", "Working knowledge", "Practitioner", "Expert"}

var proficiencyHelp = map[string]string{
	"Awareness":         "I know what it is and when it matters.",
	"Foundational":      "I do it in simple cases, with some guidance.",
	"Working knowledge": "I do it on my own in everyday work.",
	"Practitioner":      "I do it in hard cases and help others with it.",
	"Expert":            "I am a reference for it and shape how others do it.",
}

func parse(name string, data []byte) (*file, *doc.Document, error) {
	d, err := doc.Parse(name, data)
	if err != nil {
		return nil, nil, err
	}
	f := &file{}
	note := func(n *doc.Node, what string) {
		f.ignored = append(f.ignored, fmt.Sprintf("line %d: ignored %s", n.Line, what))
	}
	err = d.Map(d.Root, "the competency file", nil, func(key string, fl doc.Field) error {
		var err error
		switch key {
		case "name":
			f.name, err = d.String(fl.Value, "name")
		case "summary":
			f.summary, err = d.String(fl.Value, "summary")
		case "levels":
			err = d.Seq(fl.Value, "levels", func(_ int, n *doc.Node) error {
				l := &level{node: n}
				f.levels = append(f.levels, l)
				return d.Map(n, "a level", nil, func(k string, fl doc.Field) error {
					var err error
					switch k {
					case "id":
						l.id, err = d.String(fl.Value, "id")
					case "name":
						l.name, err = d.String(fl.Value, "name")
					case "summary":
						l.summary, err = d.String(fl.Value, "summary")
					default:
						note(fl.Key, "level field "+k)
					}
					return err
				})
			})
		case "themes", "areas":
			err = d.Seq(fl.Value, key, func(_ int, n *doc.Node) error {
				t := &theme{}
				f.themes = append(f.themes, t)
				return d.Map(n, "a theme", nil, func(k string, fl doc.Field) error {
					var err error
					switch k {
					case "id":
						t.id, err = d.String(fl.Value, "id")
					case "name", "title":
						t.name, err = d.String(fl.Value, k)
					case "summary", "description":
					default:
						note(fl.Key, "theme field "+k)
					}
					return err
				})
			})
		case "competencies":
			err = d.Seq(fl.Value, "competencies", func(_ int, n *doc.Node) error {
				c := &competency{node: n}
				f.competencies = append(f.competencies, c)
				return d.Map(n, "a competency", nil, func(k string, fl doc.Field) error {
					var err error
					switch k {
					case "id":
						c.id, err = d.String(fl.Value, "id")
					case "level":
						c.level, err = d.String(fl.Value, "level")
					case "theme", "area":
						c.theme, err = d.String(fl.Value, k)
					case "summary":
						c.summary, err = d.String(fl.Value, "summary")
					case "description":
						c.description, err = d.String(fl.Value, "description")
					case "proficiency":
						c.proficiency, err = d.String(fl.Value, "proficiency")
					case "examples":
						c.examples, err = d.Strings(fl.Value, "examples")
					default:
						if !presentation[k] {
							note(fl.Key, "competency field "+k)
						}
					}
					return err
				})
			})
		default:
			if !presentation[key] {
				note(fl.Key, "field "+key)
			}
		}
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	if len(f.levels) == 0 {
		return nil, nil, d.Errorf(d.Root, "the competency file has no levels")
	}
	if len(f.competencies) == 0 {
		return nil, nil, d.Errorf(d.Root, "the competency file has no competencies")
	}
	return f, d, nil
}

var parenthetical = lazy.Regexp(`^(.*?)\s*\(([^()]+)\)\s*$`)

// findTracks marks the levels that belong to a track: a level whose name
// ends with a qualifier in parentheses, beside another level of the same
// name with another qualifier.
func findTracks(levels []*level) (keys []string, labels map[string]string) {
	base := map[string]int{}
	for _, l := range levels {
		if m := parenthetical().FindStringSubmatch(l.name); m != nil {
			base[strings.ToLower(m[1])]++
		}
	}
	labels = map[string]string{}
	for _, l := range levels {
		m := parenthetical().FindStringSubmatch(l.name)
		if m == nil || base[strings.ToLower(m[1])] < 2 {
			continue
		}
		l.trackLabel = m[2]
		key := draft.Slug(m[2], 4)
		if i := strings.LastIndexByte(l.id, '-'); i > 0 {
			key = strings.ToLower(l.id[i+1:])
		}
		l.track = key
		if _, ok := labels[key]; !ok {
			keys = append(keys, key)
			labels[key] = m[2]
		}
	}
	if len(keys) < 2 {
		for _, l := range levels {
			l.track, l.trackLabel = "", ""
		}
		return nil, nil
	}
	return keys, labels
}

func chooseTrack(want string, keys []string, labels map[string]string) (string, bool) {
	w := strings.ToLower(strings.TrimSpace(want))
	for _, k := range keys {
		label := labels[k]
		initials := ""
		for _, word := range strings.Fields(label) {
			initials += strings.ToLower(word[:1])
		}
		if w == k || w == strings.ToLower(label) || w == draft.Slug(label, 4) || w == initials {
			return k, true
		}
	}
	return "", false
}

var numbered = lazy.Regexp(`(?m)^\s*\d{1,2}[.)]\s+`)

// statements splits a summary written as a numbered list.
func statements(summary string) []string {
	locs := numbered().FindAllStringIndex(summary, -1)
	if len(locs) < 2 {
		return []string{summary}
	}
	var out []string
	for i, loc := range locs {
		end := len(summary)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		if s := draft.Clean(summary[loc[1]:end]); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Import reads an FT competency file; track chooses the track of a ladder
// that branches ("" for the first).
func Import(name string, data []byte, track string) (*draft.Builder, error) {
	f, d, err := parse(name, data)
	if err != nil {
		return nil, err
	}
	keys, labels := findTracks(f.levels)
	chosen := ""
	if len(keys) > 0 {
		if track == "" {
			chosen = keys[0]
		} else if k, ok := chooseTrack(track, keys, labels); ok {
			chosen = k
		} else {
			var names []string
			for _, k := range keys {
				names = append(names, fmt.Sprintf("%s (%s)", k, labels[k]))
			}
			return nil, &doc.Error{File: name, Msg: fmt.Sprintf("no track %q: the file has %s", track, strings.Join(names, ", "))}
		}
	} else if track != "" {
		return nil, &doc.Error{File: name, Msg: fmt.Sprintf("no track %q: the levels of this file form a single line", track)}
	}
	title := draft.Clean(f.name)
	if title == "" {
		title = strings.TrimSuffix(strings.TrimSuffix(name, ".yml"), ".yaml")
	}
	id := draft.Slug(title, 4)
	if chosen != "" {
		id += "-" + chosen
		title += " (" + labels[chosen] + ")"
	}
	b := draft.NewBuilder(id, title)
	b.Origin = "framework"
	for _, line := range f.ignored {
		b.Note("%s", line)
	}
	if chosen != "" {
		var others []string
		for _, k := range keys {
			if k != chosen {
				others = append(others, fmt.Sprintf("--track %s (%s)", k, labels[k]))
			}
		}
		b.Note("the levels branch into tracks; this rubric follows %s (%s); for the other, import again with %s", chosen, labels[chosen], strings.Join(others, ", "))
	}

	// Scale: the proficiencies, when the file uses them.
	scale, rank := proficiencyScale(f.competencies)
	if scale != nil {
		b.SetScale(scale)
	}
	levelIndex := map[string]*level{}
	for _, l := range f.levels {
		if l.id == "" {
			return nil, d.Errorf(l.node, "a level has no id")
		}
		levelIndex[l.id] = l
	}
	themeIndex := map[string]string{}
	for _, t := range f.themes {
		themeIndex[t.id] = b.ClaimTheme(t.id, firstOf(t.name, t.id))
	}
	var kept []*level
	for _, l := range f.levels {
		if l.track == "" || l.track == chosen {
			kept = append(kept, l)
		}
	}
	levelID := map[string]string{}
	for _, l := range kept {
		levelID[l.id] = b.AddLevel(l.id, firstOf(l.name, l.id), 0, l.summary)
	}
	// Group the competencies by level and theme, in file order.
	type cell struct{ level, theme string }
	byCell := map[cell][]*competency{}
	var cells []cell
	skipped := 0
	for _, c := range f.competencies {
		if levelIndex[c.level] == nil {
			return nil, d.Errorf(c.node, "competency %q: level %q is not one of the file's levels", c.id, c.level)
		}
		if c.theme != "" && len(f.themes) > 0 {
			if _, ok := themeIndex[c.theme]; !ok {
				return nil, d.Errorf(c.node, "competency %q: theme %q is not one of the file's themes", c.id, c.theme)
			}
		}
		if _, ok := levelID[c.level]; !ok {
			skipped++
			continue
		}
		if c.theme != "" && themeIndex[c.theme] == "" {
			themeIndex[c.theme] = b.Theme(c.theme)
		}
		k := cell{c.level, c.theme}
		if byCell[k] == nil {
			cells = append(cells, k)
		}
		byCell[k] = append(byCell[k], c)
	}
	if skipped > 0 {
		b.Note("left out %d competencies of the other tracks", skipped)
	}
	// A level expects the proficiency most of its competencies name.
	expect := map[string]int{}
	if scale != nil {
		for _, l := range kept {
			count := map[int]int{}
			for _, c := range f.competencies {
				if c.level == l.id && rank[strings.ToLower(c.proficiency)] > 0 {
					count[rank[strings.ToLower(c.proficiency)]]++
				}
			}
			best, n := draft.DefaultExpect, 0
			for v, k := range count {
				if k > n || k == n && v > best {
					best, n = v, k
				}
			}
			expect[l.id] = best
			lv := &b.Rubric().Levels[indexOf(b.Rubric().Levels, levelID[l.id])]
			lv.Expect = best
		}
	}
	made := map[cell][]string{}
	for _, k := range cells {
		for n, c := range byCell[k] {
			parts := statements(c.summary)
			for m, text := range parts {
				src := fmt.Sprintf("%s/%s/%d", k.level, k.theme, n+1)
				if len(parts) > 1 {
					src += fmt.Sprintf(".%d", m+1)
				}
				help := examplesHelp(c)
				ids := b.AddItem(draft.Scope{Level: levelID[k.level], Prefix: levelID[k.level], Theme: themeIndex[k.theme]},
					draft.Item{Text: text, Sources: []string{src}, Kind: rubric.Responsibility, Strength: rubric.Strong, Voice: draft.Duties, Help: help})
				if v := rank[strings.ToLower(c.proficiency)]; v > 0 && v != expect[k.level] {
					for _, id := range ids {
						if cr := b.Criterion(id); cr != nil && cr.Answer == rubric.ScaleAnswer {
							cr.Expect = v
						}
					}
				}
				made[k] = append(made[k], ids...)
			}
		}
	}
	// One statement per theme and level: each restates the one below it,
	// rung by rung.
	for _, t := range f.themes {
		var prev string
		for _, l := range kept {
			ids := made[cell{l.id, t.id}]
			if len(ids) != 1 || b.Criterion(ids[0]) == nil {
				if len(ids) > 0 {
					prev = ""
				}
				continue
			}
			if prev != "" {
				b.Supersede(ids[0], prev)
			}
			prev = ids[0]
		}
	}
	return b, nil
}

func indexOf(levels []rubric.Level, id string) int {
	for i := range levels {
		if levels[i].ID == id {
			return i
		}
	}
	return 0
}

func firstOf(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}

func examplesHelp(c *competency) string {
	var parts []string
	if d := draft.Clean(c.description); d != "" {
		parts = append(parts, d+".")
	}
	var ex []string
	for _, e := range c.examples {
		if e = draft.Clean(e); e != "" {
			ex = append(ex, e)
		}
	}
	if len(ex) > 0 {
		parts = append(parts, "For example: "+strings.Join(ex, "; ")+".")
	}
	return strings.Join(parts, " ")
}

// proficiencyScale is the scale of a file whose competencies name the
// proficiency they expect: "Not yet", then the format's proficiencies in
// order, then any other word the file uses, in order of appearance. rank
// maps each word (lower case) to its value.
func proficiencyScale(cs []*competency) ([]rubric.ScalePoint, map[string]int) {
	rank := map[string]int{}
	used := false
	var extra []string
	for _, c := range cs {
		p := strings.TrimSpace(c.proficiency)
		if p == "" {
			continue
		}
		used = true
		known := false
		for _, k := range Proficiencies {
			known = known || strings.EqualFold(k, p)
		}
		if !known && !contains(extra, p) {
			extra = append(extra, p)
		}
	}
	if !used {
		return nil, rank
	}
	scale := []rubric.ScalePoint{{Value: 0, Label: "Not yet", Description: "I have not shown this yet."}}
	for _, p := range append(append([]string(nil), Proficiencies...), extra...) {
		v := len(scale)
		scale = append(scale, rubric.ScalePoint{Value: v, Label: p, Description: proficiencyHelp[p]})
		rank[strings.ToLower(p)] = v
	}
	sort.SliceStable(scale, func(i, j int) bool { return scale[i].Value < scale[j].Value })
	return scale, rank
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
