// Command barecobra is the baseline of ladder's start-up benchmark: a cobra
// program with a root and one subcommand that prints a line, built the same
// way as ladder.
package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

func main() {
	root := &cobra.Command{Use: "barecobra", SilenceUsage: true}
	root.PersistentFlags().String("rubric", "", "a file")
	root.AddCommand(&cobra.Command{
		Use: "list",
		RunE: func(c *cobra.Command, _ []string) error {
			_, err := fmt.Fprintln(c.OutOrStdout(), "list")
			return err
		},
	})
	if err := root.Execute(); err != nil {
		os.Exit(1)
	}
}
