package cmd

import (
	"io"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/report"
	"github.com/ladderhq/ladder/rubric"
	"github.com/spf13/cobra"
)

type planOptions struct {
	*globals
	target      string
	specialties []string
	person      string
}

// planned is what ladder plan finds.
type planned struct {
	r    *rubric.Rubric
	p    *assess.Plan
	file string
}

func newPlanCmd(g *globals) *cobra.Command {
	opts := &planOptions{globals: g}
	c := &cobra.Command{
		Use:   "plan [FILE]",
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
A target that is met already is said plainly, with exit code 0.

Without a file, ladder plan takes the latest assessment in the data folder:
of the person --person names, or of the only person there; which file it
is goes to standard error.`,
		Example: `  ladder plan
  ladder plan examples/senior-gitaly.yaml
  ladder plan --target senior --specialty gitaly examples/go-only.yaml
  ladder plan -o markdown examples/senior-gitaly.yaml > plan.md`,
		Args: maxArgs(1, "one assessment file"),
	}
	g.personFlag(c, &opts.person)
	g.targetFlags(c, &opts.target, &opts.specialties,
		"the target `level` id (default: see above)", "also plan for this specialty `id` (repeatable)")
	c.ValidArgsFunction = onlyFirstArg(assessmentFiles)
	planData := func(pl *planned) any { return report.PlanData(pl.r, pl.p) }
	return output(g, c, func(_ *cobra.Command, args []string, _ string) (*planned, error) {
		file, err := opts.assessmentFile(args, opts.person)
		if err != nil {
			return nil, err
		}
		r, p, err := opts.planFor(file, opts.target, opts.specialties)
		if err != nil {
			return nil, err
		}
		return &planned{r: r, p: p, file: file}, nil
	},
		writeAs(formatTable, func(w io.Writer, style report.Style, pl *planned) error {
			more, count := askMore(pl.r, pl.p.Result.Assessment, opts.resumeCommand(pl.file), false)
			return report.RenderPlan(w, pl.r, pl.p, style, report.PlanOptions{AskMore: more, AskMoreCount: count})
		}),
		writeAs(formatMarkdown, func(w io.Writer, _ report.Style, pl *planned) error {
			return report.RenderPlanMarkdown(w, pl.r, pl.p)
		}),
		asData(formatJSON, planData),
		asData(formatYAML, planData),
	)
}
