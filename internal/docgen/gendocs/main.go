// Command gendocs writes ladder's man pages and Markdown reference:
//
//	go run ./internal/docgen/gendocs docs
package main

import (
	"fmt"
	"os"

	"github.com/ladderhq/ladder/internal/docgen"
)

func main() {
	dir := "docs"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if err := docgen.Write(dir); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}
