package cmd

import (
	"io"

	"github.com/ladderhq/ladder/internal/buildinfo"
	"github.com/ladderhq/ladder/report"
	"github.com/spf13/cobra"
)

func newVersionCmd(g *globals) *cobra.Command {
	c := &cobra.Command{
		Use:   "version",
		Short: "Show ladder's version, VCS revision and Go version",
		Args:  exactArgs(0, "no arguments"),
	}
	return output(g, c, func(*cobra.Command, []string, string) (buildinfo.Info, error) { return buildinfo.Read(), nil },
		writeAs(formatTable, func(w io.Writer, style report.Style, info buildinfo.Info) error {
			return report.Printf(w, style, "%s", info.String())
		}),
		asData(formatJSON, func(info buildinfo.Info) any { return info }),
	)
}
