package cmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/report"
	"github.com/ladderhq/ladder/rubric"
	"github.com/spf13/cobra"
)

type calibrateOptions struct {
	*globals
	paths       []string
	skipInvalid bool
	views       []string
}

// calibrated is what ladder calibrate finds, and the views to show.
type calibrated struct {
	r     *rubric.Rubric
	cal   *assess.Calibration
	views []string
}

func newCalibrateCmd(g *globals) *cobra.Command {
	opts := &calibrateOptions{globals: g}
	c := &cobra.Command{
		Use:   "calibrate PATH...",
		Short: "Put a team's self, manager and peer assessments side by side",
		Long: `Calibrate reads every assessment file under the paths (files, or folders
searched recursively for .yaml, .yml and .json, hidden ones skipped), groups
them by person and compares the raters.

People: each rater's fit level; the consensus, an assessment whose every
rating is the lower median of the raters' ratings (yes/no: yes only when
more than half say yes), and its fit level; flags promotion-ready and
below-level (consensus fit against the current level), self-higher and
self-lower (self minus the others' mean, averaged over shared criteria, at
+0.5 / -0.5), rater-disagreement (ratings two or more apart, or yes against
no, on a criterion; each one listed).

Raters: assessments, mean rating, and offset, the mean of each rating minus
the other raters' mean for the same person and criterion; lenient at +0.5
or more, severe at -0.5 or less.

Agreement: over every pair of raters of one person on one scale criterion,
the share of exact and within-one pairs and quadratic-weighted Cohen's
kappa. Levels: people per consensus fit level beside their current level.

One assessment per rater and person counts: the latest by its updated time.
Every invalid file, or one written for another rubric, is reported with its
position, and the command exits 2; --skip-invalid leaves them out instead,
naming each one.`,
		Example: `  ladder calibrate examples/team
  ladder calibrate -o json team/ > calibration.json
  ladder calibrate -o csv --view raters team/
  ladder calibrate --skip-invalid --view people,levels team/`,
		Args: minArgs(1, "at least one assessment file or folder"),
	}
	c.Flags().BoolVar(&opts.skipInvalid, "skip-invalid", false, "leave invalid files out (each is named on stderr) instead of stopping")
	c.Flags().StringSliceVar(&opts.views, "view", nil, "views to show: "+strings.Join(report.CalibrationViews, ", ")+" (csv: one, default people)")
	g.completeFlag(c, "view", cobra.FixedCompletions(report.CalibrationViews, cobra.ShellCompDirectiveNoFileComp))
	return output(g, c, func(c *cobra.Command, args []string, format string) (*calibrated, error) {
		opts.paths = args
		var err error
		if opts.views, err = calibrateViews(format, opts.views, c.Flags().Changed("view")); err != nil {
			return nil, err
		}
		return calibrateRun(opts)
	},
		writeAs(formatTable, func(w io.Writer, style report.Style, c *calibrated) error {
			return report.RenderCalibration(w, c.r, c.cal, style, c.views)
		}),
		asData(formatJSON, func(c *calibrated) any { return report.CalibrationData(c.cal) }),
		writeAs(formatCSV, func(w io.Writer, _ report.Style, c *calibrated) error {
			return report.WriteCalibrationCSV(w, c.r, c.cal, c.views[0])
		}),
		writeAs(formatMarkdown, func(w io.Writer, _ report.Style, c *calibrated) error {
			return report.WriteCalibrationMarkdown(w, c.r, c.cal, c.views)
		}),
	)
}

// calibrateViews checks --view against the output format: tables and
// Markdown show any views (all by default), CSV one (people by default),
// JSON always the whole calibration.
func calibrateViews(format string, views []string, given bool) ([]string, error) {
	for _, v := range views {
		known := false
		for _, k := range report.CalibrationViews {
			known = known || v == k
		}
		if !known {
			return nil, usageErrorf("unknown view %q (use %s)", v, strings.Join(report.CalibrationViews, ", "))
		}
	}
	switch {
	case format == "json" && given:
		return nil, usageErrorf("--view does not apply to JSON, which holds every view")
	case format == "csv" && len(views) > 1:
		return nil, usageErrorf("CSV holds one view: choose one of %s with --view", strings.Join(report.CalibrationViews, ", "))
	case format == "csv" && len(views) == 0:
		return []string{report.ViewPeople}, nil
	case len(views) == 0:
		return report.CalibrationViews, nil
	}
	return views, nil
}

func calibrateRun(opts *calibrateOptions) (*calibrated, error) {
	r, err := opts.rubric()
	if err != nil {
		return nil, err
	}
	files, problems, err := assess.FindFiles(opts.paths)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 && len(problems) == 0 {
		return nil, &InputError{Err: fmt.Errorf("no assessment files (.yaml, .yml, .json) under %s", strings.Join(opts.paths, ", "))}
	}
	read, err := assess.ReadSheets(files, r, 0)
	if err != nil {
		return nil, &InputError{Err: err}
	}
	problems = append(problems, read.Problems...)
	if len(problems) > 0 && !opts.skipInvalid {
		for _, p := range problems {
			opts.say(p.Error())
		}
		them := pluralWord(len(problems), "it", "them")
		opts.say(fmt.Sprintf("%d of %d files invalid; fix %s or leave %s out with --skip-invalid",
			len(problems), len(files), them, them))
		return nil, &SilentError{Code: ExitUsage}
	}
	for _, p := range problems {
		opts.warn("skipped " + p.Error())
	}
	printFileWarnings(opts.globals, read.Warnings)
	if len(read.Sheets) == 0 {
		return nil, &InputError{Err: fmt.Errorf("no valid assessments left to calibrate under %s", strings.Join(opts.paths, ", "))}
	}
	cal := assess.Calibrate(r, read.Sheets)
	for _, n := range cal.Notices {
		opts.warn(n.String())
	}
	return &calibrated{r: r, cal: cal, views: opts.views}, nil
}

// printFileWarnings prints warnings about many files without drowning the
// rest: after a few files written for another version of the rubric, the
// others are counted on one line.
func printFileWarnings(g *globals, warnings []assess.Warning) {
	const shown = 3
	otherVersion := 0
	for _, w := range warnings {
		if w.Kind == assess.OtherVersion {
			otherVersion++
			if otherVersion > shown {
				continue
			}
		}
		g.warn(w.String())
	}
	if more := otherVersion - shown; more > 0 {
		g.warn(fmt.Sprintf("%d more %s written for another version of the rubric", more, pluralWord(more, "file", "files")))
	}
}
