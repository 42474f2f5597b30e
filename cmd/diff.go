package cmd

import (
	"fmt"
	"io"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/report"
	"github.com/ladderhq/ladder/rubric"
	"github.com/spf13/cobra"
)

type diffOptions struct {
	*globals
	old, new string
	force    bool
}

// diffed is what ladder diff finds.
type diffed struct {
	r     *rubric.Rubric
	d     *assess.Diff
	files report.DiffFiles
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
--force is given; names match whatever their case, punctuation and
Unicode normal form (one rule for every command: see docs/files.md).`,
		Example: `  ladder diff examples/senior-gitaly.yaml examples/senior-gitaly-2027.yaml
  ladder diff -o markdown before.yaml after.yaml`,
		Args: exactArgs(2, "two assessment files, OLD and NEW"),
	}
	c.Flags().BoolVar(&opts.force, "force", false, "compare assessments of two different people")
	c.ValidArgsFunction = assessmentFiles
	diffData := func(d *diffed) any { return report.DiffData(d.d, d.files) }
	return output(g, c, func(_ *cobra.Command, args []string, _ string) (*diffed, error) {
		opts.old, opts.new = args[0], args[1]
		return diffRun(opts)
	},
		writeAs(formatTable, func(w io.Writer, style report.Style, d *diffed) error {
			return report.RenderDiff(w, d.r, d.d, d.files, style)
		}),
		writeAs(formatMarkdown, func(w io.Writer, _ report.Style, d *diffed) error {
			return report.RenderDiffMarkdown(w, d.r, d.d, d.files)
		}),
		asData(formatJSON, diffData),
		asData(formatYAML, diffData),
	)
}

func diffRun(opts *diffOptions) (*diffed, error) {
	r, err := opts.rubric()
	if err != nil {
		return nil, err
	}
	old, err := opts.readAssessment(opts.old, r)
	if err != nil {
		return nil, err
	}
	new, err := opts.readAssessment(opts.new, r)
	if err != nil {
		return nil, err
	}
	if !assess.SamePerson(old, new) && !opts.force {
		return nil, &InputError{Err: fmt.Errorf("%s is about %q and %s about %q; use --force to compare two people", opts.old, old.Person, opts.new, new.Person)}
	}
	if !old.Updated.IsZero() && !new.Updated.IsZero() && new.Updated.Before(old.Updated) {
		opts.warn(fmt.Sprintf("%s (%s) is older than %s (%s); the diff reads from the first to the second",
			opts.new, new.Updated.UTC().Format("2006-01-02"), opts.old, old.Updated.UTC().Format("2006-01-02")))
	}
	scorer := assess.NewScorer(r)
	d := assess.NewDiff(r, scorer.Score(old), scorer.Score(new))
	return &diffed{r: r, d: d, files: report.DiffFiles{Old: opts.old, New: opts.new}}, nil
}
