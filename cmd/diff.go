package cmd

import (
	"fmt"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/report"
	"github.com/spf13/cobra"
)

type diffOptions struct {
	*globals
	old, new string
	format   string
	force    bool
}

func newDiffCmd(g *globals) *cobra.Command {
	opts := &diffOptions{globals: g}
	c := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Progress between two assessments of one person",
		Long: `Compare two assessments of the same person, older first: the fit level,
every level's and specialty's score and verdict before and after, and the
criteria whose rating rose or fell, or that were answered for the first time
or no longer.

Two assessments of different people are refused (exit code 2) unless
--force is given; names match whatever their case and punctuation.`,
		Example: `  ladder diff examples/senior-gitaly.yaml examples/senior-gitaly-2027.yaml
  ladder diff -o markdown before.yaml after.yaml`,
		Args: exactArgs(2, "two assessment files, OLD and NEW"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.old, opts.new = args[0], args[1]
			var err error
			if opts.format, err = g.format(c); err != nil {
				return err
			}
			return diffRun(opts)
		},
	}
	c.Flags().BoolVar(&opts.force, "force", false, "compare assessments of two different people")
	c.ValidArgsFunction = assessmentFiles
	return withFormats(c, "table", "markdown", "json", "yaml")
}

func diffRun(opts *diffOptions) error {
	r, err := opts.rubric()
	if err != nil {
		return err
	}
	old, err := opts.readAssessment(opts.old, r)
	if err != nil {
		return err
	}
	new, err := opts.readAssessment(opts.new, r)
	if err != nil {
		return err
	}
	if !assess.SamePerson(old, new) && !opts.force {
		return &InputError{Err: fmt.Errorf("%s is about %q and %s about %q; use --force to compare two people", opts.old, old.Person, opts.new, new.Person)}
	}
	if !old.Updated.IsZero() && !new.Updated.IsZero() && new.Updated.Before(old.Updated) {
		opts.warn(fmt.Sprintf("%s (%s) is older than %s (%s); the diff reads from the first to the second",
			opts.new, new.Updated.UTC().Format("2006-01-02"), opts.old, old.Updated.UTC().Format("2006-01-02")))
	}
	scorer := assess.NewScorer(r)
	d := assess.NewDiff(r, scorer.Score(old), scorer.Score(new))
	files := report.DiffFiles{Old: opts.old, New: opts.new}
	w := opts.env.IO.Out
	switch opts.format {
	case "json", "yaml":
		return opts.writeData(opts.format, report.NewDiffJSON(d, files))
	case "markdown":
		return report.RenderDiffMarkdown(w, r, d, files)
	}
	return report.RenderDiff(w, r, d, files, opts.style())
}
