package cmd

import (
	"errors"
	"fmt"
	"io"

	"github.com/ladderhq/ladder/internal/doc"
	"github.com/ladderhq/ladder/report"
	"github.com/ladderhq/ladder/rubric"
	"github.com/ladderhq/ladder/rubric/sourceref"
	"github.com/spf13/cobra"
)

func newRubricCmd(g *globals) *cobra.Command {
	c := &cobra.Command{
		Use:   "rubric",
		Short: "Inspect, export, validate, import and compare rubrics",
		Long: `Inspect the rubric in use (the built-in one, or --rubric FILE), export it
with every default filled in, or validate a rubric file of your own.`,
		Args: exactArgs(0, "a subcommand: list, show, export, validate, import or diff"),
		RunE: func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	c.AddCommand(newRubricListCmd(g), newRubricShowCmd(g), newRubricExportCmd(g), newRubricValidateCmd(g), newRubricImportCmd(g), newRubricDiffCmd(g))
	return c
}

func newRubricListCmd(g *globals) *cobra.Command {
	c := &cobra.Command{
		Use:   "list",
		Short: "List the levels and specialties of the rubric",
		Args:  exactArgs(0, "no arguments"),
	}
	data := func(r *rubric.Rubric) any { return report.RubricData(r) }
	return output(g, c, func(*cobra.Command, []string, string) (*rubric.Rubric, error) { return g.rubric() },
		writeAs(formatTable, func(w io.Writer, style report.Style, r *rubric.Rubric) error {
			return report.RenderRubricList(w, r, style)
		}),
		asData(formatJSON, data),
		asData(formatYAML, data),
	)
}

// shown is an element of the rubric, found by ladder rubric show.
type shown struct {
	r *rubric.Rubric
	s *report.Show
}

func newRubricShowCmd(g *globals) *cobra.Command {
	c := &cobra.Command{
		Use:   "show ID",
		Short: "Show a level, specialty, group, criterion or theme",
		Long: `Show one element of the rubric by its id: a level (with every criterion it
counts, rung by rung), a specialty (its criteria and groups), a group, a
criterion (with its source references) or a theme.`,
		Example: `  ladder rubric show senior
  ladder rubric show gitaly
  ladder rubric show base-language`,
		Args:              exactArgs(1, "one id"),
		ValidArgsFunction: onlyFirstArg(g.completeFrom(elementIDs)),
	}
	data := func(s *shown) any { return s.s }
	return output(g, c, func(_ *cobra.Command, args []string, _ string) (*shown, error) {
		r, err := g.rubric()
		if err != nil {
			return nil, err
		}
		v, err := report.NewShow(r, args[0])
		if err != nil {
			return nil, &InputError{Err: err}
		}
		return &shown{r: r, s: v}, nil
	},
		writeAs(formatTable, func(w io.Writer, style report.Style, s *shown) error {
			return report.RenderShow(w, s.r, s.s, style)
		}),
		asData(formatJSON, data),
		asData(formatYAML, data),
	)
}

func newRubricExportCmd(g *globals) *cobra.Command {
	c := &cobra.Command{
		Use:   "export",
		Short: "Print the rubric normalized, every default filled in",
		Long: `Print the rubric in use with every default filled in, source and specialty
always as lists (sources, specialties). The output is itself a valid rubric:
a good start for a ladder of your own.`,
		Args: exactArgs(0, "no arguments"),
	}
	data := func(r *rubric.Rubric) any { return rubric.Export(r) }
	return output(g, c, func(*cobra.Command, []string, string) (*rubric.Rubric, error) { return g.rubric() },
		asData(formatYAML, data),
		asData(formatJSON, data),
	)
}

type validateOptions struct {
	*globals
	file   string
	source string
}

func newRubricValidateCmd(g *globals) *cobra.Command {
	opts := &validateOptions{globals: g}
	c := &cobra.Command{
		Use:   "validate FILE",
		Short: "Check a rubric file; report every problem with its line and column",
		Long: `Check a rubric file: the format, ids, references between levels,
specialties, themes and groups, expectations within the scale, supersedes
and group cycles, unknown fields. Every problem is reported on its own line
with the file, line and column; the exit code is 2 when there is any.

With --source, also check that the rubric accounts for every list item of
the Markdown page it was written from (docs/formats.md gives the reference
rule), and that every reference it makes exists on the page.`,
		Example: `  ladder rubric validate my-ladder.yaml
  ladder rubric validate my-ladder.yaml --source job-family.md`,
		Args:              exactArgs(1, "one rubric file"),
		ValidArgsFunction: onlyFirstArg(assessmentFiles),
	}
	c.Flags().StringVar(&opts.source, "source", "", "Markdown `page` the rubric must account for, item by item")
	g.completeFlag(c, "source", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"md", "markdown", "txt"}, cobra.ShellCompDirectiveFilterFileExt
	})
	// Problems are lines on stderr, the verdict a line for people.
	return output(g, c, func(_ *cobra.Command, args []string, _ string) (*rubric.Rubric, error) {
		opts.file = args[0]
		return validateRun(opts)
	},
		writeAs(formatTable, func(w io.Writer, style report.Style, r *rubric.Rubric) error {
			return report.Printf(w, style, "%s: valid rubric %q version %s: %d levels, %d specialties, %d criteria, %d groups",
				opts.file, r.ID, r.Version, len(r.Levels), len(r.Specialties), len(r.Criteria), len(r.Groups))
		}),
	)
}

func validateRun(opts *validateOptions) (*rubric.Rubric, error) {
	data, err := doc.ReadFile(opts.file, doc.MaxFileSize)
	if err != nil {
		return nil, err
	}
	r, err := rubric.Parse(opts.file, data)
	var invalid *rubric.ValidationError
	if errors.As(err, &invalid) {
		for _, p := range invalid.Problems {
			printErrLine(opts.env.IO.Err, p.Error())
		}
		return nil, &SilentError{Code: ExitUsage}
	}
	if err != nil {
		return nil, err
	}
	if opts.source != "" {
		if err := checkSource(opts, r); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// checkSource reports the list items of the source page the rubric leaves
// unaccounted for, and the references that point at nothing.
func checkSource(opts *validateOptions, r *rubric.Rubric) error {
	data, err := doc.ReadFile(opts.source, doc.MaxFileSize)
	if err != nil {
		return err
	}
	page, err := sourceref.Parse(data)
	if err != nil {
		return sourceError(opts.source, err)
	}
	cov := rubric.CheckCoverage(r, page)
	var bad []string
	for _, u := range cov.Unknown {
		for _, who := range u.CitedBy {
			bad = append(bad, fmt.Sprintf("%s: %s cites %q, which is not a list item or section of %s", opts.file, who, u.Ref, opts.source))
		}
	}
	for _, it := range cov.Missing {
		bad = append(bad, fmt.Sprintf("%s:%d: list item %q is not accounted for (cite it on a criterion or group, or list it in not_assessed)", opts.source, it.Line, it.Ref))
	}
	for _, line := range bad {
		printErrLine(opts.env.IO.Err, line)
	}
	if len(bad) > 0 {
		return &SilentError{Code: ExitUsage}
	}
	return nil
}

// sourceError locates an error of a Markdown page in its file.
func sourceError(file string, err error) error {
	var le *sourceref.LineError
	if errors.As(err, &le) {
		return &doc.Error{File: file, Line: le.Line, Msg: le.Err.Error()}
	}
	return &doc.Error{File: file, Msg: err.Error()}
}
