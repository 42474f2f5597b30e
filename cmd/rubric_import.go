package cmd

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/ladderhq/ladder/internal/doc"
	"github.com/ladderhq/ladder/report"
	"github.com/ladderhq/ladder/rubric/importer"
	"github.com/ladderhq/ladder/rubric/importer/draft"
	"github.com/spf13/cobra"
)

type importOptions struct {
	*globals
	file  string
	out   string
	track string
}

// imported is a draft rubric, and the format it is written in: -o's, else
// JSON for a .json --out, else YAML.
type imported struct {
	res    *importer.Result
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
	}
	c.Flags().StringVar(&opts.out, "out", "", "write the draft rubric to this `file` instead of standard output")
	c.Flags().StringVar(&opts.track, "track", "", "the `track` to import from a ladder whose levels branch (FT: ic, pm)")
	return output(g, c, func(_ *cobra.Command, args []string, format string) (*imported, error) {
		opts.file = args[0]
		if g.output == "" && strings.EqualFold(filepath.Ext(opts.out), ".json") {
			format = formatJSON
		}
		return importRun(opts, format)
	},
		writeAs(formatYAML, opts.write),
		writeAs(formatJSON, opts.write),
	)
}

// importRun imports the file and says on standard error what it found and
// what deserves review.
func importRun(opts *importOptions, format string) (*imported, error) {
	data, err := doc.ReadFile(opts.file, doc.MaxFileSize)
	if err != nil {
		return nil, err
	}
	res, err := importer.Import(opts.file, data, importer.Options{Track: opts.track})
	if err != nil {
		return nil, err
	}
	r := res.Rubric
	opts.say(fmt.Sprintf("imported %s (%s): %d levels, %d specialties, %d criteria, %d groups, %d %s not assessed",
		opts.file, res.Kind, len(r.Levels), len(r.Specialties), len(r.Criteria), len(r.Groups), notAssessed(res),
		pluralWord(notAssessed(res), "item", "items")))
	for _, n := range res.Notes {
		opts.say("review: " + n)
	}
	return &imported{res: res, format: format}, nil
}

// write writes the draft to standard output, or to --out.
func (opts *importOptions) write(w io.Writer, _ report.Style, im *imported) error {
	draftText := func(w io.Writer) error {
		body, err := importer.Encode(im.res.Rubric, im.format)
		if err != nil {
			return err
		}
		if im.format == formatYAML {
			source := draft.Clean(filepath.Base(opts.file))
			fmt.Fprintf(w, "# Draft rubric imported by 'ladder rubric import' from %s (%s).\n", source, im.res.Kind)
			fmt.Fprintf(w, "# Review the prompts, strengths, groups and supersedes before use.\n")
		}
		_, err = w.Write(body)
		return err
	}
	if opts.out == "" {
		return draftText(w)
	}
	if err := opts.writeFile(opts.out, draftText); err != nil {
		return err
	}
	args := []string{"rubric", "validate", opts.out}
	if im.res.Kind == importer.JobFamily {
		args = append(args, "--source", opts.file)
	}
	opts.say(fmt.Sprintf("wrote %s; check it with: %s", opts.out, opts.command(args...)))
	return nil
}

func notAssessed(res *importer.Result) int {
	n := 0
	for _, na := range res.Rubric.NotAssessed {
		n += len(na.Sources)
	}
	return n
}
