package cmd

import (
	"os"

	"github.com/ladderhq/ladder/internal/doc"
	"github.com/ladderhq/ladder/report"
	"github.com/ladderhq/ladder/rubric"
	"github.com/ladderhq/ladder/rubric/rubricdiff"
	"github.com/spf13/cobra"
)

type rubricDiffOptions struct {
	*globals
	a, b   string
	format string
}

func newRubricDiffCmd(g *globals) *cobra.Command {
	opts := &rubricDiffOptions{globals: g}
	c := &cobra.Command{
		Use:   "diff A B",
		Short: "What one level asks beyond another, or what changed between two rubric files",
		Long: `With two level ids of the rubric in use (the built-in one, or --rubric
FILE), show what level B asks beyond level A: the criteria B counts that A
does not, the rungs where B replaces one of A's criteria with a stricter
one, and the criteria B expects at a higher rating.

With two rubric files, show what changed from the first version to the
second: criteria added, removed, renamed (paired by their sources and
words), reworded, re-levelled, or changed in strength, expectation, answer
or group; and the aliases to add to the new rubric so that 'ladder
migrate' carries the ratings of renamed criteria over.`,
		Example: `  ladder rubric diff senior staff
  ladder --rubric my-ladder.yaml rubric diff intern intermediate -o markdown
  ladder rubric diff ladder-v1.yaml ladder-v2.yaml`,
		Args:              exactArgs(2, "two level ids, or two rubric files"),
		ValidArgsFunction: g.completeFrom(levelIDs),
		RunE: func(c *cobra.Command, args []string) error {
			opts.a, opts.b = args[0], args[1]
			var err error
			if opts.format, err = g.format(c); err != nil {
				return err
			}
			return rubricDiffRun(opts)
		},
	}
	return withFormats(c, "table", "json", "markdown")
}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && !fi.IsDir()
}

func rubricDiffRun(opts *rubricDiffOptions) error {
	w := opts.env.IO.Out
	if isFile(opts.a) || isFile(opts.b) {
		oldR, err := loadRubricFile(opts.a)
		if err != nil {
			return err
		}
		newR, err := loadRubricFile(opts.b)
		if err != nil {
			return err
		}
		d := rubricdiff.Files(oldR, newR, opts.a, opts.b)
		switch opts.format {
		case "json":
			return opts.writeData("json", report.NewRubricDiffJSON(d))
		case "markdown":
			return report.RenderRubricDiffMarkdown(w, oldR, newR, d)
		}
		return report.RenderRubricDiff(w, oldR, newR, d, opts.style())
	}
	r, err := opts.rubric()
	if err != nil {
		return err
	}
	d, err := rubricdiff.Levels(r, opts.a, opts.b)
	if err != nil {
		return &InputError{Err: err}
	}
	switch opts.format {
	case "json":
		return opts.writeData("json", report.NewLevelDiffJSON(r, d))
	case "markdown":
		return report.RenderLevelDiffMarkdown(w, r, d)
	}
	return report.RenderLevelDiff(w, r, d, opts.style())
}

func loadRubricFile(path string) (*rubric.Rubric, error) {
	data, err := doc.ReadFile(path, doc.MaxFileSize)
	if err != nil {
		return nil, err
	}
	return rubric.Parse(path, data)
}
