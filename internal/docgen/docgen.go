// Package docgen writes ladder's reference documentation from its command
// tree: a man page and a Markdown page per command. The pages are checked
// in (docs/), and a test regenerates them to catch drift.
package docgen

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ladderhq/ladder/cmd"
	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// date is fixed so that the pages do not change with the day they are made.
var date = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// Write generates the pages into dir/man and dir/reference, replacing what
// was there.
func Write(dir string) error {
	root := cmd.NewRootCmd(&cmd.Env{
		IO:     cmd.IO{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &bytes.Buffer{}},
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return date },
	})
	root.DisableAutoGenTag = true
	root.InitDefaultCompletionCmd()
	hideHelpCommands(root)
	man, ref := filepath.Join(dir, "man"), filepath.Join(dir, "reference")
	for _, d := range []string{man, ref} {
		if err := os.RemoveAll(d); err != nil {
			return err
		}
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	header := &doc.GenManHeader{Title: "LADDER", Section: "1", Date: &date, Source: "ladder", Manual: "ladder manual"}
	if err := doc.GenManTree(root, header, man); err != nil {
		return err
	}
	return doc.GenMarkdownTree(root, ref)
}

// hideHelpCommands leaves cobra's own help command out of the pages.
func hideHelpCommands(c *cobra.Command) {
	c.InitDefaultHelpCmd()
	for _, sub := range c.Commands() {
		if sub.Name() == "help" {
			sub.Hidden = true
		}
		hideHelpCommands(sub)
	}
}
