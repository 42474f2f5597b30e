package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/ladderhq/ladder/rubric"
)

// RubricSummary is what ladder rubric list shows.
type RubricSummary struct {
	ID          string             `json:"id" yaml:"id"`
	Version     string             `json:"version" yaml:"version"`
	Title       string             `json:"title" yaml:"title"`
	Levels      []LevelSummary     `json:"levels" yaml:"levels"`
	Specialties []SpecialtySummary `json:"specialties" yaml:"specialties"`
}

// LevelSummary is one level in the list.
type LevelSummary struct {
	ID       string `json:"id" yaml:"id"`
	Title    string `json:"title" yaml:"title"`
	Grade    int    `json:"grade,omitempty" yaml:"grade,omitempty"`
	Expect   int    `json:"expect" yaml:"expect"`
	Criteria int    `json:"criteria" yaml:"criteria"`
	Bonus    int    `json:"bonus" yaml:"bonus"`
}

// SpecialtySummary is one specialty in the list.
type SpecialtySummary struct {
	ID       string `json:"id" yaml:"id"`
	Title    string `json:"title" yaml:"title"`
	Summary  string `json:"summary,omitempty" yaml:"summary,omitempty"`
	Criteria int    `json:"criteria" yaml:"criteria"`
	Bonus    int    `json:"bonus" yaml:"bonus"`
}

// NewRubricSummary counts what each level and specialty asks.
func NewRubricSummary(r *rubric.Rubric) RubricSummary {
	s := RubricSummary{ID: r.ID, Version: r.Version, Title: r.Title, Levels: []LevelSummary{}, Specialties: []SpecialtySummary{}}
	for _, l := range r.Levels {
		bonus := len(r.LevelBonus(l.ID))
		s.Levels = append(s.Levels, LevelSummary{ID: l.ID, Title: l.Title, Grade: l.Grade, Expect: l.Expect,
			Criteria: len(r.LevelCriteria(l.ID)) - bonus, Bonus: bonus})
	}
	for _, sp := range r.Specialties {
		bonus := len(r.SpecialtyBonus(sp.ID))
		s.Specialties = append(s.Specialties, SpecialtySummary{ID: sp.ID, Title: sp.Title, Summary: sp.Summary,
			Criteria: len(r.SpecialtyCriteria(sp.ID)) - bonus, Bonus: bonus})
	}
	return s
}

// RenderRubricList writes the levels and specialties as tables.
func RenderRubricList(w io.Writer, r *rubric.Rubric, style Style) error {
	s := NewRubricSummary(r)
	p := &printer{w: w, width: style.lineWidth()}
	p.line("%s  %s", style.Bold(r.Title), style.Dim(fmt.Sprintf("(%s, version %s)", r.ID, r.Version)))
	p.line("")
	lt := NewTable(style, "Level", "Title", "Grade", "Expects", "Criteria", "Bonus").AlignRight(2, 4, 5)
	for _, l := range s.Levels {
		grade := ""
		if l.Grade != 0 {
			grade = fmt.Sprint(l.Grade)
		}
		lt.Row(l.ID, l.Title, grade, fmt.Sprintf("%d %s", l.Expect, r.ScaleLabel(l.Expect)), fmt.Sprint(l.Criteria), fmt.Sprint(l.Bonus))
	}
	p.table(lt)
	if len(s.Specialties) > 0 {
		p.line("")
		// Summaries would crowd ids and titles on a narrow terminal; rubric
		// show ID and the data formats have them.
		st := NewTable(style, "Specialty", "Title", "Criteria", "Bonus").AlignRight(2, 3)
		for _, sp := range s.Specialties {
			st.Row(sp.ID, sp.Title, fmt.Sprint(sp.Criteria), fmt.Sprint(sp.Bonus))
		}
		p.table(st)
	}
	p.line("")
	p.line("%s", style.Dim("ladder rubric show ID shows what a level or specialty asks."))
	return p.err
}

// Show is one element of the rubric and what it contains.
type Show struct {
	Kind         string              `json:"kind" yaml:"kind"`
	Level        *rubric.Level       `json:"level,omitempty" yaml:"level,omitempty"`
	Specialty    *rubric.Specialty   `json:"specialty,omitempty" yaml:"specialty,omitempty"`
	Group        *rubric.Group       `json:"group,omitempty" yaml:"group,omitempty"`
	Criterion    *rubric.Criterion   `json:"criterion,omitempty" yaml:"criterion,omitempty"`
	Theme        *rubric.Theme       `json:"theme,omitempty" yaml:"theme,omitempty"`
	SupersededBy []string            `json:"superseded_by,omitempty" yaml:"superseded_by,omitempty"`
	Groups       []rubric.Group      `json:"groups,omitempty" yaml:"groups,omitempty"`
	Criteria     []*rubric.Criterion `json:"criteria,omitempty" yaml:"criteria,omitempty"`
}

// NewShow finds an element by id.
func NewShow(r *rubric.Rubric, id string) (*Show, error) {
	crit := func(ids []string) []*rubric.Criterion {
		out := []*rubric.Criterion{}
		for _, cid := range ids {
			out = append(out, r.Criterion(cid))
		}
		return out
	}
	groupsOf := func(ids []string) []rubric.Group {
		seen := map[string]bool{}
		var out []rubric.Group
		for _, cid := range ids {
			for g := r.Criterion(cid).Group; g != ""; g = r.GroupByID(g).Group {
				if !seen[g] {
					seen[g] = true
					out = append(out, *r.GroupByID(g))
				}
			}
		}
		return out
	}
	switch {
	case r.Level(id) != nil:
		ids := r.LevelCriteria(id)
		return &Show{Kind: "level", Level: r.Level(id), Criteria: crit(ids), Groups: groupsOf(ids)}, nil
	case r.Specialty(id) != nil:
		ids := r.SpecialtyCriteria(id)
		return &Show{Kind: "specialty", Specialty: r.Specialty(id), Criteria: crit(ids), Groups: groupsOf(ids)}, nil
	case r.GroupByID(id) != nil:
		ids := r.GroupCriteria(id)
		return &Show{Kind: "group", Group: r.GroupByID(id), Criteria: crit(ids), Groups: groupsOf(ids)}, nil
	case r.Resolve(id) != nil:
		c := r.Resolve(id)
		return &Show{Kind: "criterion", Criterion: c, SupersededBy: r.SupersededBy(c.ID), Groups: groupsOf([]string{c.ID})}, nil
	case r.Theme(id) != nil:
		var ids []string
		for _, c := range r.Criteria {
			if c.Theme == id {
				ids = append(ids, c.ID)
			}
		}
		return &Show{Kind: "theme", Theme: r.Theme(id), Criteria: crit(ids)}, nil
	}
	return nil, fmt.Errorf("no level, specialty, group, criterion or theme %q in rubric %q (ladder rubric list shows the ids)", id, r.ID)
}

// RenderShow writes an element for people.
func RenderShow(w io.Writer, r *rubric.Rubric, s *Show, style Style) error {
	p := &printer{w: w, width: style.lineWidth()}
	switch s.Kind {
	case "level":
		l := s.Level
		p.line("%s  %s", style.Bold(l.Title), style.Dim("(level "+l.ID+")"))
		facts := []string{}
		if l.Grade != 0 {
			facts = append(facts, fmt.Sprintf("grade %d", l.Grade))
		}
		facts = append(facts, fmt.Sprintf("expects %d (%s)", l.Expect, r.ScaleLabel(l.Expect)))
		p.line("%s", strings.Join(facts, " · "))
		if l.Notes != "" {
			p.line("%s", style.wrap(l.Notes, "Note: ", "      "))
		}
		units := r.LevelUnits(l.ID)
		for li := 0; li <= r.LevelIndex(l.ID); li++ {
			rungLevel := r.Levels[li]
			var rung []rubric.Unit
			for _, u := range units {
				if u.Level == rungLevel.ID {
					rung = append(rung, u)
				}
			}
			if len(rung) == 0 {
				continue
			}
			p.line("")
			p.line("%s", style.Bold(fmt.Sprintf("Rung %s: introduced by %s", rungLevel.ID, rungLevel.Title)))
			for _, u := range rung {
				p.unit(r, style, u)
			}
		}
		p.bonus(r, style, r.LevelBonus(l.ID))
	case "specialty":
		sp := s.Specialty
		p.line("%s  %s", style.Bold(sp.Title), style.Dim("(specialty "+sp.ID+")"))
		if sp.Summary != "" {
			p.line("%s", sp.Summary)
		}
		p.line("expects %d (%s) unless a criterion says otherwise", r.SpecialtyExpect, r.ScaleLabel(r.SpecialtyExpect))
		if sp.Notes != "" {
			p.line("%s", style.wrap(sp.Notes, "Note: ", "      "))
		}
		p.line("")
		for _, u := range r.SpecialtyUnits(sp.ID) {
			p.unit(r, style, u)
		}
		p.bonus(r, style, r.SpecialtyBonus(sp.ID))
	case "group":
		top := r.GroupOf(s.Criteria[0].ID)
		suffix := "(group " + s.Group.ID + ")"
		p.line("%s  %s", style.boldText(style.narrower(2+len(suffix)).wrap(s.Group.Title, "", "")), style.Dim(suffix))
		if top != s.Group.ID {
			p.line("part of group %s", top)
		}
		if len(s.Group.Sources) > 0 {
			p.line("%s", style.wrap(strings.Join(s.Group.Sources, "; "), "source: ", "        "))
		}
		p.line("")
		p.group(r, style, s.Group.ID, "  ")
	case "criterion":
		c := s.Criterion
		p.line("%s  %s", style.Bold(c.ID), style.Dim("("+string(c.Kind)+", "+string(c.Strength)+")"))
		p.line("%s", style.wrap(c.Prompt, "", ""))
		if c.Help != "" {
			p.line("%s", style.dimText(style.wrap(c.Help, "", "")))
		}
		p.line("")
		if c.General() {
			p.line("level:        %s (and every level above it)", c.Level)
		} else {
			p.line("specialties:  %s", strings.Join(c.Specialties, ", "))
		}
		answer := fmt.Sprintf("on the scale 0..%d", r.MaxRating())
		if c.Answer == rubric.YesNo {
			answer = "yes or no"
		}
		p.line("answered:     %s", answer)
		if c.Expect > 0 {
			p.line("expects:      %d (%s) at every level", c.Expect, r.ScaleLabel(c.Expect))
		}
		if c.Theme != "" {
			p.line("theme:        %s", r.Theme(c.Theme).Title)
		}
		if c.Group != "" {
			p.line("group:        %s (%s)", c.Group, r.GroupByID(c.Group).Title)
		}
		if len(c.Supersedes) > 0 {
			p.line("supersedes:   %s", strings.Join(c.Supersedes, ", "))
		}
		if len(s.SupersededBy) > 0 {
			p.line("superseded by: %s", strings.Join(s.SupersededBy, ", "))
		}
		if len(c.Sources) > 0 {
			p.line("%s", style.wrap(strings.Join(c.Sources, "; "), "source:       ", "              "))
		}
		if c.Notes != "" {
			p.line("%s", style.wrap(c.Notes, "note:         ", "              "))
		}
	case "theme":
		p.line("%s  %s", style.Bold(s.Theme.Title), style.Dim("(theme "+s.Theme.ID+")"))
		p.line("")
		for _, c := range s.Criteria {
			p.line("  %s", c.ID)
			p.line("%s", style.dimText(style.wrap(c.Prompt, "      ", "      ")))
		}
	}
	return p.err
}

func (p *printer) unit(r *rubric.Rubric, style Style, u rubric.Unit) {
	if u.Group != "" {
		p.group(r, style, u.Group, "  ")
		return
	}
	p.criterion(r, style, r.Criterion(u.Criterion), "  ")
}

func (p *printer) group(r *rubric.Rubric, style Style, gid, indent string) {
	g := r.GroupByID(gid)
	crit, groups := r.Members(gid)
	n := len(crit) + len(groups)
	need := fmt.Sprintf("all %d", n)
	if g.Min < n {
		need = fmt.Sprintf("%d of %d", g.Min, n)
	}
	p.line("%s%s %s %s", indent, strengthTag(style, g.Strength), gid, style.Dim("("+need+")"))
	p.line("%s", style.boldText(style.wrap(g.Title, indent+"    ", indent+"    ")))
	for _, cid := range crit {
		p.criterion(r, style, r.Criterion(cid), indent+"    ")
	}
	for _, sub := range groups {
		p.group(r, style, sub, indent+"    ")
	}
}

func (p *printer) criterion(r *rubric.Rubric, style Style, c *rubric.Criterion, indent string) {
	extra := ""
	if c.Answer == rubric.YesNo {
		extra += " (yes/no)"
	}
	if c.Expect > 0 {
		extra += fmt.Sprintf(" (expects %d)", c.Expect)
	}
	if len(c.Supersedes) > 0 {
		extra += " (supersedes " + strings.Join(c.Supersedes, ", ") + ")"
	}
	tag := Styled("")
	if c.Group == "" {
		tag = strengthTag(style, c.Strength) + " "
	}
	p.line("%s%s%s%s", indent, tag, c.ID, style.Dim(extra))
	p.line("%s", style.dimText(style.wrap(c.Prompt, indent+"    ", indent+"    ")))
}

func (p *printer) bonus(r *rubric.Rubric, style Style, ids []string) {
	if len(ids) == 0 {
		return
	}
	p.line("")
	p.line("%s", style.Bold("Bonus: reported apart, never part of a score"))
	for _, id := range ids {
		p.criterion(r, style, r.Criterion(id), "  ")
	}
}

func strengthTag(style Style, s rubric.Strength) Styled {
	tag := safe("[" + string(s) + "]")
	if s == rubric.Required {
		return style.paint(sgrRed, tag)
	}
	return tag
}
