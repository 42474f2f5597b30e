package cmd

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/store"
	"github.com/ladderhq/ladder/report"
	"github.com/ladderhq/ladder/rubric"
	"github.com/spf13/cobra"
)

type calibrateOptions struct {
	*globals
	paths       []string
	skipInvalid bool
	views       []string
	out         string
	anonymize   bool
	outDir      bool // --out names a folder: CSV writes a file per view there
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
them by person and compares the raters. People and raters are matched by
name whatever its case, spacing, punctuation and Unicode normal form ("Ada
Okafor" is "ada-okafor"): the rule of every command, in docs/files.md.

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
kappa, for all raters and by pair of roles. Levels: people per consensus
fit level beside their current level, and who moves up or down.

-o html writes one self-contained page for a calibration meeting (inline
CSS and SVG, nothing fetched from elsewhere, printable on A4): who stands
where, an agenda of the people and criteria to discuss first, each
person's self, manager and peer ratings side by side by theme and by
criterion, the raters' offsets and the team's agreement. --out FILE writes
any format to a file instead of standard output; with -o csv, --out DIR
(an existing folder, or a path ending in /) writes one file per view.

--anonymize replaces rater names by their role and a number ("Manager 1",
"Peer 2") in every format, the same label for one rater throughout the
output, numbered in a random order on each run; a person's own
assessment shows as "Self".

One assessment per rater and person counts: the latest by its updated time.
Every invalid file, or one written for another rubric, is reported with its
position, and the command exits 2; --skip-invalid leaves them out instead,
naming each one.`,
		Example: `  ladder calibrate examples/team
  ladder calibrate -o html --out calibration.html team/
  ladder calibrate -o html --anonymize --out shared.html team/
  ladder calibrate -o json team/ > calibration.json
  ladder calibrate -o csv --view raters team/
  ladder calibrate -o csv --out calibration/ team/
  ladder calibrate --skip-invalid --view people,levels team/`,
		Args: minArgs(1, "at least one assessment file or folder"),
	}
	c.Flags().BoolVar(&opts.skipInvalid, "skip-invalid", false, "leave invalid files out (each is named on stderr) instead of stopping")
	c.Flags().StringSliceVar(&opts.views, "view", nil, "views to show: "+strings.Join(report.CalibrationViews, ", ")+" (csv: one, default people; all with --out DIR)")
	c.Flags().StringVar(&opts.out, "out", "", "write to this `file` instead of standard output (csv: a folder, for a file per view)")
	c.Flags().BoolVar(&opts.anonymize, "anonymize", false, "name raters by role and number (\"Peer 2\") instead of by name")
	g.completeFlag(c, "view", cobra.FixedCompletions(report.CalibrationViews, cobra.ShellCompDirectiveNoFileComp))
	return output(g, c, func(c *cobra.Command, args []string, format string) (*calibrated, error) {
		opts.paths = args
		opts.outDir = format == formatCSV && isFolder(opts.out)
		var err error
		if opts.views, err = calibrateViews(format, opts.views, c.Flags().Changed("view"), opts.outDir); err != nil {
			return nil, err
		}
		return calibrateRun(opts)
	},
		intoFile(g, &opts.out, writeAs(formatTable, func(w io.Writer, style report.Style, c *calibrated) error {
			return report.RenderCalibration(w, c.r, c.cal, style, c.views)
		})),
		intoFile(g, &opts.out, writeAs(formatJSON, func(w io.Writer, _ report.Style, c *calibrated) error {
			return report.WriteCalibrationJSON(w, c.r, c.cal)
		})),
		writeAs(formatCSV, opts.writeCSV),
		intoFile(g, &opts.out, writeAs(formatMarkdown, func(w io.Writer, _ report.Style, c *calibrated) error {
			return report.WriteCalibrationMarkdown(w, c.r, c.cal, c.views)
		})),
		intoFile(g, &opts.out, writeAs(formatHTML, func(w io.Writer, _ report.Style, c *calibrated) error {
			return report.RenderCalibrationHTML(w, report.NewCalibrationPage(c.r, c.cal))
		})),
	)
}

// writeCSV writes the CSV view to standard output or to --out FILE, or,
// when --out names a folder, each view to a file of its own there
// (people.csv, raters.csv, ...).
func (opts *calibrateOptions) writeCSV(w io.Writer, _ report.Style, c *calibrated) error {
	for _, view := range c.views {
		write := func(w io.Writer) error { return report.WriteCalibrationCSV(w, c.r, c.cal, view) }
		path := opts.out
		if opts.outDir {
			path = filepath.Join(opts.out, view+".csv")
		}
		if path == "" {
			if err := write(w); err != nil {
				return err
			}
			continue
		}
		if err := opts.writeFile(path, write); err != nil {
			return err
		}
		opts.say("wrote " + path)
	}
	return nil
}

// calibrateViews checks --view against the output format: tables and
// Markdown show any views (all by default), CSV one (people by default) or,
// into a folder, any (all by default), JSON and HTML always the whole
// calibration.
func calibrateViews(format string, views []string, given, outDir bool) ([]string, error) {
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
	case format == "html" && given:
		return nil, usageErrorf("--view does not apply to HTML: the page holds every view")
	case format == "csv" && outDir && len(views) == 0:
		return report.CalibrationViews, nil
	case format == "csv" && !outDir && len(views) > 1:
		return nil, usageErrorf("CSV holds one view: choose one of %s with --view, or write a file per view with --out DIR/", strings.Join(report.CalibrationViews, ", "))
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
	files, problems, err := store.FindFiles(opts.paths)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 && len(problems) == 0 {
		return nil, &InputError{Err: fmt.Errorf("no assessment files (.yaml, .yml, .json) under %s", strings.Join(opts.paths, ", "))}
	}
	read, err := store.ReadSheets(files, r, 0)
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
	if opts.anonymize {
		cal.Anonymize(opts.env.seed())
	}
	return &calibrated{r: r, cal: cal, views: opts.views}, nil
}

// isFolder reports whether an --out path names a folder: one that exists,
// or a path ending in a separator.
func isFolder(path string) bool {
	if path == "" {
		return false
	}
	if strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator)) {
		return true
	}
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// seed is a random number for --anonymize: Env.Seed when set (tests),
// else one from the system's random source.
func (e *Env) seed() uint64 {
	if e.Seed != nil {
		return e.Seed()
	}
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported systems
	return binary.LittleEndian.Uint64(b[:])
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
