package report

import (
	"fmt"
	"strings"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/rubric"
)

// Words of a calibration shared by its tables, Markdown and page.

// raterName is how one rater of a person reads: "self" for the person's own
// assessment, the label of an anonymized rater ("Peer 2"), or the name
// with the role: "Eli Haddad (manager)".
func raterName(rf assess.RaterFit, anonymized bool) string {
	switch {
	case rf.Own && (anonymized || rf.Role == assess.Self):
		return "self"
	case anonymized:
		return rf.Rater
	}
	return rf.Rater + " (" + string(rf.Role) + ")"
}

// raterFits lists what each rater of a person fits: "self: Senior Backend
// Engineer; Eli Haddad (manager): Staff Backend Engineer".
func raterFits(r *rubric.Rubric, p assess.PersonCalibration, anonymized bool) string {
	parts := make([]string, len(p.Raters))
	for i, rf := range p.Raters {
		parts[i] = raterName(rf, anonymized) + ": " + LevelTitle(r, rf.FitLevel)
	}
	return strings.Join(parts, "; ")
}

// NextLevelText explains the level above the consensus fit: what share of
// the rung it adds the consensus meets, and what that means.
func NextLevelText(r *rubric.Rubric, p assess.PersonCalibration) string {
	n := p.Next
	if n == nil {
		return "none: the consensus fits the top level of the ladder"
	}
	title := LevelTitle(r, n.Level)
	text := fmt.Sprintf("%s: the consensus earns %s of the weighted credit of the %d %s this level adds, and fully meets %d of them",
		title, Percent(n.Rung), n.Units, plural(n.Units, "item", "items"), n.Met)
	if n.RequiredUnmet > 0 {
		text += fmt.Sprintf("; %d required %s not met", n.RequiredUnmet, plural(n.RequiredUnmet, "item is", "items are"))
	}
	meets := Percent(r.Thresholds.Meets)
	switch {
	case n.Rung >= r.Thresholds.Meets-1e-9 && n.RequiredUnmet > 0:
		text += fmt.Sprintf(". Enough weight (%s needed), but every required item must be met too.", meets)
	case n.Rung >= r.Thresholds.Meets-1e-9:
		text += fmt.Sprintf(". That rung holds, but the rungs below, held to %s's expectations, do not (%s).", title, Percent(n.Score))
	default:
		text += fmt.Sprintf(". A level needs %s and every required item.", meets)
	}
	return text
}

// move is how far the consensus fit is from the current level, in levels:
// positive up, negative down; ok is false when there is no current level.
func move(r *rubric.Rubric, p assess.PersonCalibration) (levels int, ok bool) {
	if p.CurrentLevel == "" {
		return 0, false
	}
	return r.LevelIndex(p.ConsensusFit) - r.LevelIndex(p.CurrentLevel), true
}

// moveText is the movement in words: "up 1", "down 2", "same", or "-"
// without a current level.
func moveText(r *rubric.Rubric, p assess.PersonCalibration) string {
	d, ok := move(r, p)
	switch {
	case !ok:
		return noLevel
	case d > 0:
		return fmt.Sprintf("up %d", d)
	case d < 0:
		return fmt.Sprintf("down %d", -d)
	}
	return "same"
}

// KappaReading reads a kappa on the usual scale of Landis and Koch.
func KappaReading(k float64) string {
	switch {
	case k < 0:
		return "worse than chance"
	case k <= 0.20:
		return "slight"
	case k <= 0.40:
		return "fair"
	case k <= 0.60:
		return "moderate"
	case k <= 0.80:
		return "substantial"
	}
	return "almost perfect"
}

// kappaGuide says how to read kappa.
const kappaGuide = "Kappa is agreement beyond what chance alone would give: 1 is full agreement, " +
	"0 no better than chance, below 0 worse. Quadratic weights count a gap of two steps four times a gap of one. " +
	"A common reading (Landis and Koch): up to 0.20 slight, 0.21-0.40 fair, 0.41-0.60 moderate, " +
	"0.61-0.80 substantial, above 0.80 almost perfect."

// roleName reads a role in a sentence.
func roleName(r assess.Role) string { return string(r) }

// rolesText is what a rater assessed as: "manager of 4", "self, peer of 1".
func rolesText(rc assess.RaterCalibration) string {
	var parts []string
	if rc.AsSelf > 0 {
		parts = append(parts, "self")
	}
	if rc.AsManager > 0 {
		parts = append(parts, fmt.Sprintf("manager of %d", rc.AsManager))
	}
	if rc.AsPeer > 0 {
		parts = append(parts, fmt.Sprintf("peer of %d", rc.AsPeer))
	}
	return strings.Join(parts, ", ")
}
