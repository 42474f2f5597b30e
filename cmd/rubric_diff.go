package cmd

import (
	"io"
	"os"

	"github.com/ladderhq/ladder/internal/doc"
	"github.com/ladderhq/ladder/report"
	"github.com/ladderhq/ladder/rubric"
	"github.com/ladderhq/ladder/rubric/rubricdiff"
	"github.com/spf13/cobra"
)

// rubricDiffed is what ladder rubric diff finds: what one level asks beyond
// another (levels), or what changed between two rubric files (files).
type rubricDiffed struct {
	r, oldR, newR *rubric.Rubric
	levels        *rubricdiff.LevelDiff
	files         *rubricdiff.FileDiff
}

func newRubricDiffCmd(g *globals) *cobra.Command {
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
	}
	return output(g, c, func(_ *cobra.Command, args []string, _ string) (*rubricDiffed, error) {
		return rubricDiffRun(g, args[0], args[1])
	},
		writeAs(formatTable, func(w io.Writer, style report.Style, d *rubricDiffed) error {
			if d.files != nil {
				return report.RenderRubricDiff(w, d.oldR, d.newR, d.files, style)
			}
			return report.RenderLevelDiff(w, d.r, d.levels, style)
		}),
		asData(formatJSON, func(d *rubricDiffed) any {
			if d.files != nil {
				return report.RubricDiffData(d.files)
			}
			return report.LevelDiffData(d.r, d.levels)
		}),
		writeAs(formatMarkdown, func(w io.Writer, _ report.Style, d *rubricDiffed) error {
			if d.files != nil {
				return report.RenderRubricDiffMarkdown(w, d.oldR, d.newR, d.files)
			}
			return report.RenderLevelDiffMarkdown(w, d.r, d.levels)
		}),
	)
}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && !fi.IsDir()
}

// rubricDiffRun compares two rubric files when either argument is one,
// else two levels of the rubric in use.
func rubricDiffRun(g *globals, a, b string) (*rubricDiffed, error) {
	if isFile(a) || isFile(b) {
		oldR, err := loadRubricFile(a)
		if err != nil {
			return nil, err
		}
		newR, err := loadRubricFile(b)
		if err != nil {
			return nil, err
		}
		return &rubricDiffed{oldR: oldR, newR: newR, files: rubricdiff.Files(oldR, newR, a, b)}, nil
	}
	r, err := g.rubric()
	if err != nil {
		return nil, err
	}
	d, err := rubricdiff.Levels(r, a, b)
	if err != nil {
		return nil, &InputError{Err: err}
	}
	return &rubricDiffed{r: r, levels: d}, nil
}

func loadRubricFile(path string) (*rubric.Rubric, error) {
	data, err := doc.ReadFile(path, doc.MaxFileSize)
	if err != nil {
		return nil, err
	}
	return rubric.Parse(path, data)
}
