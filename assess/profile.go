package assess

import "github.com/ladderhq/ladder/rubric"

// ThemeScore is how an assessment fares over one theme of the rubric.
type ThemeScore struct {
	Theme string
	Score float64 // weighted credit, 0..1
	Units int     // the units that count towards the theme
	// RequiredUnmet counts those units that are required and not met:
	// each keeps its target from "meets", however high the theme scores.
	RequiredUnmet int
}

// ThemeProfile charts a scored assessment by theme. Over the units of the
// given targets (a level's units, every rung, and those of specialties),
// each theme's score is sum(weight x credit) / sum(weight) over the units
// with a criterion in that theme: the same credits and weights as the
// target scores, so 1 means every such unit meets what its target expects.
// A unit counts towards every theme its criteria have; a unit that more
// than one target holds (a criterion shared by two specialties) counts
// once. Themes in rubric order; themes without any unit are left out.
func ThemeProfile(r *rubric.Rubric, targets ...TargetScore) []ThemeScore {
	type acc struct {
		sum, weight  float64
		units, unmet int
	}
	byTheme := map[string]*acc{}
	seen := map[string]bool{}
	for _, t := range targets {
		for _, u := range t.Units {
			key := "c:" + u.Criterion
			if u.Group != "" {
				key = "g:" + u.Group
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			themes := map[string]bool{}
			for _, cs := range u.Criteria {
				if th := r.Criterion(cs.ID).Theme; th != "" && !themes[th] {
					themes[th] = true
					a := byTheme[th]
					if a == nil {
						a = &acc{}
						byTheme[th] = a
					}
					a.sum += u.Weight() * u.Credit
					a.weight += u.Weight()
					a.units++
					if u.Required() && !u.Met {
						a.unmet++
					}
				}
			}
		}
	}
	var out []ThemeScore
	for _, th := range r.Themes {
		a := byTheme[th.ID]
		if a == nil || a.weight == 0 {
			continue
		}
		out = append(out, ThemeScore{Theme: th.ID, Score: a.sum / a.weight, Units: a.units, RequiredUnmet: a.unmet})
	}
	return out
}
