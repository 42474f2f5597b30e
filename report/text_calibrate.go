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
		p.line("%s", style.dimText(style.wrap("Promotion-ready and below-level first; details of each person below the table.", "", "")))
		t := newTable(style, peopleHeader...)
		standing := c.Standing(r)
		for _, i := range standing {
			t.row(peopleRow(r, style, c.People[i])...)
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
				text := strings.Split(string(style.wrap(l[1], indent, indent)), "\n")
				p.line("    %s  %s", padRight(label, len(l[0]), len(assess.RaterDisagreement)), Styled(strings.TrimPrefix(text[0], indent)))
				for _, more := range text[1:] {
					p.line("%s", Styled(more))
				}
				if assess.Flag(l[0]) == assess.RaterDisagreement {
					for _, d := range pc.Disagreements {
						p.line("%s", style.wrap(disagreementText(r, pc, d), indent, indent+"  "))
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
		t := newTable(style, agreementHeader...).alignRight(1, 2, 3, 4)
		for _, row := range agreementRows(c) {
			t.row(row...)
		}
		p.table(t)
		p.line("%s", style.dimText(style.wrap(agreementLegend, "", "")))
		p.line("%s", style.dimText(style.wrap(kappaGuide, "", "")))
	}
	if slices.Contains(views, viewLevels) {
		p.line("")
		p.line("%s", style.Bold("Levels"))
		t := newTable(style, levelsHeader...).alignRight(1, 2, 3, 4)
		for _, l := range c.Levels {
			t.row(levelRow(r, l)...)
		}
		p.table(t)
		p.line("%s", style.dimText(style.wrap(levelsLegend, "", "")))
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
func padRight(text Styled, width, n int) Styled {
	if width >= n {
		return text
	}
	return text + Styled(strings.Repeat(" ", n-width))
}
