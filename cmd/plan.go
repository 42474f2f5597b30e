package cmd

import (
	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/report"
	"github.com/ladderhq/ladder/rubric"
	"github.com/spf13/cobra"
)

type planOptions struct {
	*globals
	file        string
	format      string
	target      string
	specialties []string
}

func newPlanCmd(g *globals) *cobra.Command {
	opts := &planOptions{globals: g}
	c := &cobra.Command{
		Use:   "plan FILE",
		Short: "What stands between an assessment and the next level: a growth plan",
		Long: `List what stands between an assessment and a target level: every unmet
criterion and group of every rung up to the target, required first, then by
how much each would add to its rung's score. Each item shows the question,
the rating now and the one expected, the job-family page reference, and the
person's note where the assessment has one.

The target is --target, else the assessment's target_level while it is not
met, else the level above the fit level (or above the current level, when
that is higher). --specialty adds a specialty's gaps (repeat it, or give a
comma-separated list).

-o markdown writes a growth plan to paste into an issue: one checkbox per
item, grouped by rung and specialty, each with an "Evidence:" line to fill in.
A target that is met already is said plainly, with exit code 0.`,
		Example: `  ladder plan examples/senior-gitaly.yaml
  ladder plan --target senior --specialty gitaly examples/go-only.yaml
  ladder plan -o markdown examples/senior-gitaly.yaml > plan.md`,
		Args: exactArgs(1, "one assessment file"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.file = args[0]
			var err error
			if opts.format, err = g.format(c); err != nil {
				return err
			}
			return planRun(opts)
		},
	}
	c.Flags().StringVar(&opts.target, "target", "", "the target `level` id (default: see above)")
	c.Flags().StringSliceVar(&opts.specialties, "specialty", nil, "also plan for this specialty `id` (repeatable)")
	g.completeFlag(c, "target", g.completeFrom(levelIDs))
	g.completeFlag(c, "specialty", g.completeFrom(specialtyIDs))
	c.ValidArgsFunction = onlyFirstArg(assessmentFiles)
	return withFormats(c, "table", "markdown", "json", "yaml")
}

func planRun(opts *planOptions) error {
	r, p, err := opts.planFor(opts.file, opts.target, opts.specialties)
	if err != nil {
		return err
	}
	w := opts.env.IO.Out
	switch opts.format {
	case "json", "yaml":
		return opts.writeData(opts.format, report.NewPlanJSON(r, p))
	case "markdown":
		return report.RenderPlanMarkdown(w, r, p)
	}
	return report.RenderPlan(w, r, p, opts.style())
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

// readAssessment loads one assessment file against r and prints its
// warnings (another version of the rubric, old criterion ids) on stderr.
func (g *globals) readAssessment(path string, r *rubric.Rubric) (*assess.Assessment, error) {
	a, warnings, err := assess.Load(path, r)
	if err != nil {
		return nil, err
	}
	for _, w := range warnings {
		g.warn(w.String())
	}
	return a, nil
}
