package cmd

import (
	"github.com/ladderhq/ladder/internal/buildinfo"
	"github.com/ladderhq/ladder/report"
	"github.com/spf13/cobra"
)

func newVersionCmd(g *globals) *cobra.Command {
	c := &cobra.Command{
		Use:   "version",
		Short: "Show ladder's version, VCS revision and Go version",
		Args:  exactArgs(0, "no arguments"),
		RunE: func(c *cobra.Command, _ []string) error {
			format, err := g.format(c)
			if err != nil {
				return err
			}
			info := buildinfo.Read()
			if format == "json" {
				return report.WriteJSON(g.env.IO.Out, info)
			}
			err = report.Printf(g.env.IO.Out, g.style(), "%s", info.String())
			return err
		},
	}
	return withFormats(c, "table", "json")
}
