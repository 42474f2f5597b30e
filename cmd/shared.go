package cmd

import (
	"strings"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/store"
	"github.com/ladderhq/ladder/rubric"
	"github.com/spf13/cobra"
)

// What several commands share: reading an assessment, planning from it,
// the --target and --specialty flags, roles.

// readAssessment loads one assessment file against r and prints its
// warnings (another version of the rubric, old criterion ids) on stderr.
func (g *globals) readAssessment(path string, r *rubric.Rubric) (*assess.Assessment, error) {
	a, warnings, err := store.Load(path, r)
	if err != nil {
		return nil, err
	}
	for _, w := range warnings {
		g.warn(w.String())
	}
	return a, nil
}

// planFor scores the assessment in path and plans towards target (a level
// id, or "" for the default) and the given specialties; plan and report
// both start here.
func (g *globals) planFor(path, target string, specialties []string) (*rubric.Rubric, *assess.Plan, error) {
	r, err := g.rubric()
	if err != nil {
		return nil, nil, err
	}
	a, err := g.readAssessment(path, r)
	if err != nil {
		return nil, nil, err
	}
	p, err := assess.NewPlan(r, assess.Score(r, a), assess.PlanOptions{Target: target, Specialties: specialties})
	if err != nil {
		return nil, nil, &InputError{Err: err}
	}
	return r, p, nil
}

// targetFlags adds --target and --specialty, completed from the rubric,
// as plan and report take them; the help texts say what each does there.
func (g *globals) targetFlags(c *cobra.Command, target *string, specialties *[]string, targetHelp, specialtyHelp string) {
	c.Flags().StringVar(target, "target", "", targetHelp)
	c.Flags().StringSliceVar(specialties, "specialty", nil, specialtyHelp)
	g.completeFlag(c, "target", g.completeFrom(levelIDs))
	g.completeFlag(c, "specialty", g.completeFrom(specialtyIDs))
}

// roleNames are the roles a rater can have, as flags take them.
var roleNames = func() []string {
	out := make([]string, len(assess.Roles))
	for i, r := range assess.Roles {
		out[i] = string(r)
	}
	return out
}()

// parseRole reads a --role value.
func parseRole(flag, s string) (assess.Role, error) {
	for _, r := range assess.Roles {
		if string(r) == s {
			return r, nil
		}
	}
	n := len(roleNames)
	return "", usageErrorf("--%s %q: use %s or %s", flag, s, strings.Join(roleNames[:n-1], ", "), roleNames[n-1])
}

// completeRoles completes a --role flag.
var completeRoles = cobra.FixedCompletions(roleNames, cobra.ShellCompDirectiveNoFileComp)

func levelList(r *rubric.Rubric) string {
	ids := make([]string, len(r.Levels))
	for i, l := range r.Levels {
		ids[i] = l.ID
	}
	return strings.Join(ids, ", ")
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
