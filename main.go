// Command ladder is a career-ladder self-assessment tool: it asks about each
// criterion of a ladder, scores the answers against every level and
// specialty, and explains each verdict with its gaps.
package main

import (
	"os"

	"github.com/ladderhq/ladder/cmd"
)

func main() {
	os.Exit(cmd.Main())
}
