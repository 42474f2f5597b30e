// Command depfloor is the second baseline of ladder's start-up benchmark:
// the bare cobra program (see barecobra) with the libraries ladder cannot
// do without linked in, so that their package initialisation runs, and
// with one table drawn by tablewriter, as ladder draws its tables. What
// ladder takes beyond this is its own.
package main

import (
	"fmt"
	"os"

	_ "github.com/AlecAivazis/survey/v2" // the interactive prompts
	"github.com/olekukonko/tablewriter"
	"github.com/spf13/cobra"
	_ "github.com/yuin/goldmark" // Markdown
	_ "go.yaml.in/yaml/v3"
)

func main() {
	root := &cobra.Command{Use: "depfloor", SilenceUsage: true}
	root.PersistentFlags().String("rubric", "", "a file")
	root.AddCommand(&cobra.Command{
		Use: "list",
		RunE: func(c *cobra.Command, _ []string) error {
			t := tablewriter.NewTable(c.OutOrStdout())
			t.Header("Level", "Title")
			if err := t.Append("one", "The first"); err != nil {
				return err
			}
			return t.Render()
		},
	})
	if err := root.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
