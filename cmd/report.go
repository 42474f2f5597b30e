package cmd

import (
	"io"

	"github.com/ladderhq/ladder/report"
	"github.com/spf13/cobra"
)

type reportOptions struct {
	*globals
	out         string
	target      string
	specialties []string
	gaps        int
	person      string
}

func newReportCmd(g *globals) *cobra.Command {
	opts := &reportOptions{globals: g}
	c := &cobra.Command{
		Use:   "report [FILE]",
		Short: "A full, shareable report of one assessment, with charts",
		Long: `Write one page about an assessment, to share with a manager or keep: a
summary, the fit level, a bar for every level split into its rungs, a radar
chart of the rubric's themes (or of the specialties when it has none), the
specialties ranked, what stands between the person and the target level,
the nice-to-haves, and the rubric's notes.

-o html (the default) is one self-contained page: inline CSS and SVG, no
script and nothing fetched from elsewhere; it prints well. -o markdown gives
the same content as text. --out writes to a file (replaced atomically)
instead of standard output; its folder must exist.

The target is the one ladder plan picks (--target to choose it); the radar
charts the themes over the target level's items and the specialties shown
(those the assessment names or rates, and any --specialty).

Without a file, ladder report takes the latest assessment in the data
folder: of the person --person names, or of the only person there; which
file it is goes to standard error.`,
		Example: `  ladder report examples/senior-gitaly.yaml --out priya.html
  ladder report -o markdown examples/go-only.yaml`,
		Args: maxArgs(1, "one assessment file"),
	}
	g.personFlag(c, &opts.person)
	c.Flags().StringVar(&opts.out, "out", "", "write the report to this `file` instead of standard output")
	g.targetFlags(c, &opts.target, &opts.specialties,
		"the target `level` id (default: as ladder plan)", "also show this specialty `id` (repeatable)")
	c.ValidArgsFunction = onlyFirstArg(assessmentFiles)
	c.Flags().IntVar(&opts.gaps, "gaps", report.DefaultPageGaps, "plan items to show")
	return output(g, c, func(_ *cobra.Command, args []string, _ string) (*report.Page, error) {
		if opts.gaps < 1 {
			return nil, usageErrorf("--gaps must be 1 or more, not %d", opts.gaps)
		}
		if err := checkOutFolder(opts.out); err != nil {
			return nil, err
		}
		file, err := opts.assessmentFile(args, opts.person)
		if err != nil {
			return nil, err
		}
		r, p, err := opts.planFor(file, opts.target, opts.specialties)
		if err != nil {
			return nil, err
		}
		return report.NewPage(r, p, report.PageOptions{File: file, Gaps: opts.gaps}), nil
	},
		intoFile(g, &opts.out, writeAs(formatHTML, func(w io.Writer, _ report.Style, pg *report.Page) error { return report.RenderHTML(w, pg) })),
		intoFile(g, &opts.out, writeAs(formatMarkdown, func(w io.Writer, _ report.Style, pg *report.Page) error { return report.RenderMarkdown(w, pg) })),
	)
}
