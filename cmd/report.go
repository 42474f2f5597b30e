package cmd

import (
	"bytes"
	"fmt"

	"github.com/ladderhq/ladder/internal/atomicfile"
	"github.com/ladderhq/ladder/report"
	"github.com/spf13/cobra"
)

type reportOptions struct {
	*globals
	file        string
	format      string
	out         string
	target      string
	specialties []string
	gaps        int
}

func newReportCmd(g *globals) *cobra.Command {
	opts := &reportOptions{globals: g}
	c := &cobra.Command{
		Use:   "report FILE",
		Short: "A full, shareable report of one assessment, with charts",
		Long: `Write one page about an assessment, to share with a manager or keep: a
summary, the fit level, a bar for every level split into its rungs, a radar
chart of the rubric's themes (or of the specialties when it has none), the
specialties ranked, what stands between the person and the target level,
the nice-to-haves, and the rubric's notes.

-o html (the default) is one self-contained page: inline CSS and SVG, no
script and nothing fetched from elsewhere; it prints well. -o markdown gives
the same content as text. --out writes to a file (replaced atomically)
instead of standard output.

The target is the one ladder plan picks (--target to choose it); the radar
charts the themes over the target level's items and the specialties shown
(those the assessment names or rates, and any --specialty).`,
		Example: `  ladder report examples/senior-gitaly.yaml --out priya.html
  ladder report -o markdown examples/go-only.yaml`,
		Args: exactArgs(1, "one assessment file"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.file = args[0]
			var err error
			if opts.format, err = g.format(c); err != nil {
				return err
			}
			if opts.gaps < 1 {
				return usageErrorf("--gaps must be 1 or more, not %d", opts.gaps)
			}
			return reportRun(opts)
		},
	}
	c.Flags().StringVar(&opts.out, "out", "", "write the report to this `file` instead of standard output")
	c.Flags().StringVar(&opts.target, "target", "", "the target `level` id (default: as ladder plan)")
	c.Flags().StringSliceVar(&opts.specialties, "specialty", nil, "also show this specialty `id` (repeatable)")
	g.completeFlag(c, "target", g.completeFrom(levelIDs))
	g.completeFlag(c, "specialty", g.completeFrom(specialtyIDs))
	c.ValidArgsFunction = onlyFirstArg(assessmentFiles)
	c.Flags().IntVar(&opts.gaps, "gaps", report.DefaultPageGaps, "plan items to show")
	return withFormats(c, "html", "markdown")
}

func reportRun(opts *reportOptions) error {
	r, p, err := opts.planFor(opts.file, opts.target, opts.specialties)
	if err != nil {
		return err
	}
	page := report.NewPage(r, p, report.PageOptions{File: opts.file, Gaps: opts.gaps})
	var b bytes.Buffer
	if opts.format == "markdown" {
		err = report.RenderMarkdown(&b, page)
	} else {
		err = report.RenderHTML(&b, page)
	}
	if err != nil {
		return err
	}
	if opts.out == "" {
		_, err = opts.env.IO.Out.Write(b.Bytes())
		return err
	}
	if err := atomicfile.Write(opts.out, b.Bytes(), 0o600); err != nil {
		return fmt.Errorf("cannot write the report: %w", err)
	}
	opts.say("wrote " + opts.out)
	return nil
}
