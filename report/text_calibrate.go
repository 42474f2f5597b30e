package report

import (
	"io"
	"slices"
	"strings"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/rubric"
)

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
		t := newTable(style, peopleHeader[:n]...)
		for _, pc := range c.People {
			t.row(peopleRow(style, pc)[:n]...)
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
				reason := strings.Split(string(style.wrap(flagReason(pc, f), indent, indent)), "\n")
				p.line("    %s  %s", padRight(flagPaint(style, f), len(f), len(assess.RaterDisagreement)), Styled(strings.TrimPrefix(reason[0], indent)))
				for _, more := range reason[1:] {
					p.line("%s", Styled(more))
				}
				if f == assess.RaterDisagreement {
					for _, d := range pc.Disagreements {
						p.line("%s", style.wrap(disagreementText(d), indent, indent+"  "))
					}
				}
			}
		}
	}
	if slices.Contains(views, viewRaters) {
		p.line("")
		p.line("%s", style.Bold("Raters"))
		t := newTable(style, ratersHeader...).alignRight(1, 2, 3)
		for _, rc := range c.Raters {
			t.row(raterRow(style, rc)...)
		}
		p.table(t)
		p.line("%s", style.dimText(style.wrap(ratersLegend, "", "")))
	}
	if slices.Contains(views, viewAgreement) {
		p.line("")
		p.line("%s", style.Bold("Agreement"))
		t := newTable(style, agreementHeader...).alignRight(0, 1, 2, 3)
		t.row(agreementRow(c.Agreement)...)
		p.table(t)
		p.line("%s", style.dimText(style.wrap(agreementLegend, "", "")))
	}
	if slices.Contains(views, viewLevels) {
		p.line("")
		p.line("%s", style.Bold("Levels"))
		t := newTable(style, levelsHeader...).alignRight(2, 3)
		for _, l := range c.Levels {
			t.row(levelRow(r, l)...)
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
