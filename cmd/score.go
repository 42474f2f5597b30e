package cmd

import (
	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/report"
	"github.com/spf13/cobra"
)

type scoreOptions struct {
	*globals
	files  []string
	format string
	gaps   int
}

func newScoreCmd(g *globals) *cobra.Command {
	opts := &scoreOptions{globals: g}
	c := &cobra.Command{
		Use:   "score FILE...",
		Short: "Score assessment files against every level and specialty",
		Long: `Score assessment files against every level of the rubric and against the
specialties each one names or rates. For every verdict short of "meets",
the table lists the gaps: the unmet criteria and groups, required first.

Verdicts: meets; incomplete (answering the unanswered criteria as expected
would meet); approaching; not-yet. The fit level is the highest level such
that it and every level below it meet.`,
		Example: `  ladder score examples/senior-gitaly.yaml
  ladder score -o json examples/*.yaml
  ladder score --rubric my-ladder.yaml alice.yaml`,
		Args:              minArgs(1, "at least one assessment file"),
		ValidArgsFunction: assessmentFiles,
		RunE: func(c *cobra.Command, args []string) error {
			opts.files = args
			var err error
			if opts.format, err = g.format(c); err != nil {
				return err
			}
			if opts.gaps < 0 {
				return usageErrorf("--gaps must be 0 (all) or more, not %d", opts.gaps)
			}
			return scoreRun(opts)
		},
	}
	c.Flags().IntVar(&opts.gaps, "gaps", 3, "gaps to show per target in the table (0 shows all)")
	return withFormats(c, "table", "json", "yaml")
}

func scoreRun(opts *scoreOptions) error {
	r, err := opts.rubric()
	if err != nil {
		return err
	}
	w := opts.env.IO.Out
	scorer := assess.NewScorer(r)
	var results []*assess.Result
	for _, f := range opts.files {
		a, err := opts.readAssessment(f, r)
		if err != nil {
			return err
		}
		results = append(results, scorer.Score(a))
	}
	switch opts.format {
	case "json", "yaml":
		var v any
		if len(results) == 1 {
			v = report.NewScoreJSON(results[0])
		} else {
			list := make([]report.ScoreJSON, len(results))
			for i, res := range results {
				list[i] = report.NewScoreJSON(res)
			}
			v = list
		}
		return opts.writeData(opts.format, v)
	}
	for i, res := range results {
		if i > 0 {
			report.Printf(w, opts.style(), "")
		}
		if len(results) > 1 {
			report.Printf(w, opts.style(), "%s", opts.style().Dim("── "+opts.files[i]))
		}
		if err := report.RenderScore(w, r, res, opts.style(), report.ScoreOptions{Gaps: opts.gaps}); err != nil {
			return err
		}
	}
	return nil
}
