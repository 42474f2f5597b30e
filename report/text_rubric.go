package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/ladderhq/ladder/rubric"
)

// RenderRubricList writes the levels and specialties as tables.
func RenderRubricList(w io.Writer, r *rubric.Rubric, style Style) error {
	s := rubricSummaryOf(r)
	p := &printer{w: w, width: style.lineWidth()}
	p.line("%s  %s", style.Bold(r.Title), style.Dim(fmt.Sprintf("(%s, version %s)", r.ID, r.Version)))
	p.line("")
	lt := newTable(style, "Level", "Title", "Grade", "Expects", "Criteria", "Bonus").alignRight(2, 4, 5)
	for _, l := range s.Levels {
		grade := ""
		if l.Grade != 0 {
			grade = fmt.Sprint(l.Grade)
		}
		lt.row(l.ID, l.Title, grade, fmt.Sprintf("%d %s", l.Expect, r.ScaleLabel(l.Expect)), fmt.Sprint(l.Criteria), fmt.Sprint(l.Bonus))
	}
	p.table(lt)
	if len(s.Specialties) > 0 {
		p.line("")
		// Summaries would crowd ids and titles on a narrow terminal; rubric
		// show ID and the data formats have them.
		st := newTable(style, "Specialty", "Title", "Criteria", "Bonus").alignRight(2, 3)
		for _, sp := range s.Specialties {
			st.row(sp.ID, sp.Title, fmt.Sprint(sp.Criteria), fmt.Sprint(sp.Bonus))
		}
		p.table(st)
	}
	p.line("")
	p.line("%s", style.Dim("ladder rubric show ID shows what a level or specialty asks."))
	return p.err
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
			heading := "What " + rungLevel.Title + " adds"
			if isGeneralRung(r, rungLevel.ID) {
				heading = "General requirements, every level from " + rungLevel.Title + " up"
			}
			p.line("%s", style.Bold(heading))
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
		// How a manager or peer is asked it: an author checks the derived
		// wording here, and writes prompt_other where it reads wrong.
		p.line("%s", style.wrap(c.PromptAbout(rubric.PersonPlaceholder), "of others:    ", "              "))
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
		if same := r.SameQuestion(c.ID); len(same) > 1 {
			var others []string
			for _, id := range same {
				if id != c.ID {
					others = append(others, id)
				}
			}
			p.line("%s", style.wrap(strings.Join(others, ", "), "asked with:   ", "              "))
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
