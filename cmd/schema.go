package cmd

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/report"
	"github.com/ladderhq/ladder/rubric"
	"github.com/spf13/cobra"
)

func newSchemaCmd(g *globals) *cobra.Command {
	c := &cobra.Command{
		Use:   "schema rubric|assessment",
		Short: "Print the JSON Schema of rubric or assessment files",
		Long: `Print a JSON Schema (draft 2020-12) for editors and other tools.

The rubric schema describes the format. The assessment schema is made for
the rubric in use (--rubric, or the built-in one): it lists that rubric's
levels, specialties and criteria, each with its question and the ratings it
takes, so an editor can complete ids and check every rating.

ladder rubric validate and ladder score check more than a schema can (ids
that must exist, cycles, a rating's criterion), so use them as the judge.`,
		Example: `  ladder schema assessment > assessment.schema.json
  # then, in a YAML file edited with a YAML language server:
  # yaml-language-server: $schema=assessment.schema.json`,
		ValidArgs: []string{"rubric", "assessment"},
		Args: func(c *cobra.Command, args []string) error {
			if len(args) != 1 || (args[0] != "rubric" && args[0] != "assessment") {
				return usageErrorf("expected rubric or assessment")
			}
			return nil
		},
	}
	// JSON Schema is JSON; -o yaml and the others are refused.
	return output(g, c, func(_ *cobra.Command, args []string, _ string) (any, error) {
		if args[0] == "rubric" {
			return json.RawMessage(rubric.Schema()), nil
		}
		r, err := g.rubric()
		if err != nil {
			return nil, err
		}
		return assess.Schema(r), nil
	},
		writeAs(formatJSON, func(w io.Writer, _ report.Style, schema any) error {
			if raw, ok := schema.(json.RawMessage); ok {
				// The rubric's schema is written as it is kept, indented.
				var b bytes.Buffer
				if err := json.Indent(&b, raw, "", "  "); err != nil {
					return err
				}
				_, err := w.Write(b.Bytes())
				return err
			}
			return report.WriteJSON(w, schema)
		}),
	)
}
