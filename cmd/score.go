package cmd

import (
	"io"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/report"
	"github.com/ladderhq/ladder/rubric"
	"github.com/spf13/cobra"
)

type scoreOptions struct {
	*globals
	gaps   int
	person string
}

// scored is what ladder score finds: each file's result.
type scored struct {
	r       *rubric.Rubric
	files   []string
	results []*assess.Result
}

func newScoreCmd(g *globals) *cobra.Command {
	opts := &scoreOptions{globals: g}
	c := &cobra.Command{
		Use:   "score [FILE...]",
		Short: "Score assessment files against every level and specialty",
		Long: `Score assessment files against every level of the rubric and against the
specialties each one names or rates. For every verdict short of "meets",
the table lists the gaps: the unmet criteria and groups, required first.

The result leads with where the assessment stands: its target level (the
assessment's own, else the level above the fit level), its verdict and
score and what holds it back; the fit level and why it is not higher; the
levels not asked because the questions stopped at the target. Each gap is
shown once, with the levels and specialties it holds back (its verdict
cannot be "meets" until it is met) or only lowers the score of.

Verdicts: meets; incomplete (answering the unanswered criteria as expected
would meet); approaching; not-yet. The fit level is the highest level such
that it and every level below it meet.

Without a file, ladder score takes the latest assessment in the data
folder: of the person --person names, or of the only person there; which
file it is goes to standard error.`,
		Example: `  ladder score
  ladder score --person "Priya Raman"
  ladder score examples/senior-gitaly.yaml
  ladder score -o json examples/*.yaml
  ladder score --rubric my-ladder.yaml alice.yaml`,
		ValidArgsFunction: assessmentFiles,
	}
	c.Flags().IntVar(&opts.gaps, "gaps", report.DefaultScoreGaps, "gaps to show in the table (0 shows all)")
	g.personFlag(c, &opts.person)
	return output(g, c, func(_ *cobra.Command, args []string, _ string) (*scored, error) {
		if opts.gaps < 0 {
			return nil, usageErrorf("--gaps must be 0 (all) or more, not %d", opts.gaps)
		}
		if len(args) == 0 || opts.person != "" {
			file, err := opts.assessmentFile(args, opts.person)
			if err != nil {
				return nil, err
			}
			args = []string{file}
		}
		return scoreRun(opts, args)
	},
		writeAs(formatTable, opts.writeTables),
		asData(formatJSON, scoreData),
		asData(formatYAML, scoreData),
	)
}

func scoreRun(opts *scoreOptions, files []string) (*scored, error) {
	r, err := opts.rubric()
	if err != nil {
		return nil, err
	}
	scorer := assess.NewScorer(r)
	out := &scored{r: r, files: files}
	for _, f := range files {
		a, err := opts.readAssessment(f, r)
		if err != nil {
			return nil, err
		}
		out.results = append(out.results, scorer.Score(a))
	}
	return out, nil
}

// writeTables writes each result as tables, under its file's name when
// there are several.
func (opts *scoreOptions) writeTables(w io.Writer, style report.Style, s *scored) error {
	for i, res := range s.results {
		if len(s.results) > 1 {
			if err := report.FileHeading(w, style, s.files[i], i == 0); err != nil {
				return err
			}
		}
		more, count := askMore(s.r, res.Assessment, opts.resumeCommand(s.files[i]), false)
		if err := report.RenderScore(w, s.r, res, style, report.ScoreOptions{Gaps: opts.gaps, AskMore: more, AskMoreCount: count}); err != nil {
			return err
		}
	}
	return nil
}

// scoreData is one object for one file, an array for several.
func scoreData(s *scored) any {
	if len(s.results) == 1 {
		return report.ScoreData(s.r, s.results[0])
	}
	list := make([]any, len(s.results))
	for i, res := range s.results {
		list[i] = report.ScoreData(s.r, res)
	}
	return list
}
