package cmd

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/ladderhq/ladder/internal/atomicfile"
	"github.com/ladderhq/ladder/internal/doc"
	"github.com/ladderhq/ladder/rubric/importer"
	"github.com/ladderhq/ladder/rubric/importer/draft"
	"github.com/spf13/cobra"
)

type importOptions struct {
	*globals
	file   string
	out    string
	track  string
	format string
}

func newRubricImportCmd(g *globals) *cobra.Command {
	opts := &importOptions{globals: g}
	c := &cobra.Command{
		Use:   "import FILE",
		Short: "Turn a published ladder into a draft rubric",
		Long: `Read a published career ladder and write a draft rubric that
'ladder rubric validate' accepts as it is. The kind of file is recognised
from its content:

  - a job-family page in Markdown, as GitLab's handbook publishes them:
    every list item becomes a criterion, a group or a not_assessed entry,
    cited by the same reference 'rubric validate --source' checks;
  - a competency file in the Financial Times' engineering-progression
    format (levels, themes, competencies); where its levels branch into
    tracks (individual contributor, people manager), --track chooses one;
  - a page of Monzo's progression framework (front matter with levels and
    topics).

Prompts, strengths, groups and supersede chains are drawn from the words of
the source: review them before use. The draft goes to standard output, or
to --out (YAML, or JSON for a .json file or -o json); what deserves review
is listed on standard error.`,
		Example: `  ladder rubric import backend-engineer.md --out backend.yaml
  ladder rubric validate backend.yaml --source backend-engineer.md
  ladder rubric import engineering.yml --track pm --out ft-pm.yaml
  ladder --rubric backend.yaml assess`,
		Args: exactArgs(1, "one file: a job-family page, an FT competency file or a Monzo framework page"),
		ValidArgsFunction: onlyFirstArg(func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return []string{"md", "markdown", "yml", "yaml"}, cobra.ShellCompDirectiveFilterFileExt
		}),
		RunE: func(c *cobra.Command, args []string) error {
			opts.file = args[0]
			var err error
			if opts.format, err = g.format(c); err != nil {
				return err
			}
			if g.output == "" && strings.EqualFold(filepath.Ext(opts.out), ".json") {
				opts.format = "json"
			}
			return importRun(opts)
		},
	}
	c.Flags().StringVar(&opts.out, "out", "", "write the draft rubric to this `file` instead of standard output")
	c.Flags().StringVar(&opts.track, "track", "", "the `track` to import from a ladder whose levels branch (FT: ic, pm)")
	return withFormats(c, "yaml", "json")
}

func importRun(opts *importOptions) error {
	data, err := doc.ReadFile(opts.file, doc.MaxFileSize)
	if err != nil {
		return err
	}
	res, err := importer.Import(opts.file, data, importer.Options{Track: opts.track})
	if err != nil {
		return err
	}
	body, err := importer.Encode(res.Rubric, opts.format)
	if err != nil {
		return err
	}
	source := draft.Clean(filepath.Base(opts.file))
	var out bytes.Buffer
	if opts.format == "yaml" {
		fmt.Fprintf(&out, "# Draft rubric imported by 'ladder rubric import' from %s (%s).\n", source, res.Kind)
		fmt.Fprintf(&out, "# Review the prompts, strengths, groups and supersedes before use.\n")
	}
	out.Write(body)
	r := res.Rubric
	errw := opts.env.IO.Err
	fmt.Fprintf(errw, "ladder: imported %s (%s): %d levels, %d specialties, %d criteria, %d groups, %d %s not assessed\n",
		opts.file, res.Kind, len(r.Levels), len(r.Specialties), len(r.Criteria), len(r.Groups), notAssessed(res),
		pluralWord(notAssessed(res), "item", "items"))
	for _, n := range res.Notes {
		fmt.Fprintf(errw, "ladder: review: %s\n", n)
	}
	if opts.out == "" {
		_, err = opts.env.IO.Out.Write(out.Bytes())
		return err
	}
	if err := atomicfile.Write(opts.out, out.Bytes(), 0o600); err != nil {
		return fmt.Errorf("cannot write %s: %w", opts.out, err)
	}
	next := "ladder rubric validate " + opts.out
	if res.Kind == importer.JobFamily {
		next += " --source " + opts.file
	}
	fmt.Fprintf(errw, "ladder: wrote %s; check it with: %s\n", opts.out, next)
	return nil
}

func notAssessed(res *importer.Result) int {
	n := 0
	for _, na := range res.Rubric.NotAssessed {
		n += len(na.Sources)
	}
	return n
}
