package cmd

import (
	"errors"
	"fmt"
	"io"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/doc"
	"github.com/ladderhq/ladder/internal/store"
	"github.com/ladderhq/ladder/report"
	"github.com/spf13/cobra"
)

type migrateOptions struct {
	*globals
	file string
	out  string
}

func newMigrateCmd(g *globals) *cobra.Command {
	opts := &migrateOptions{globals: g}
	c := &cobra.Command{
		Use:   "migrate FILE",
		Short: "Rewrite an assessment for the current version of its rubric",
		Long: `Rewrite an assessment written against an older version of its rubric:
ratings under a criterion's old id (one of its aliases) move to the current
id, and every rating the rubric can no longer take (a criterion it dropped,
a rating outside its scale, yes/no where it now asks for a number) is kept
under "retired" in the file, never dropped. The file is rewritten in place,
atomically, in its own format (JSON for a .json file, YAML otherwise),
keeping its permissions and owner, unless --out names another file; a file
open in a ladder assess session is refused (exit 2).

An old file loads without migrating too: its ratings are mapped through the
aliases with a warning. Ratings the rubric cannot take stop other commands
until the file is migrated.`,
		Example: `  ladder migrate ~/.local/share/ladder/assessments/ada-lovelace/2025-03-01T090000Z-ada-lovelace-self.yaml
  ladder --rubric ladder-v2.yaml migrate old.yaml --out new.yaml`,
		Args:              exactArgs(1, "one assessment file"),
		ValidArgsFunction: onlyFirstArg(assessmentFiles),
	}
	c.Flags().StringVar(&opts.out, "out", "", "write the migrated assessment to this `file` instead of in place")
	// The assessment keeps its file's format; what migrate prints is a
	// line for people.
	return output(g, c, func(_ *cobra.Command, args []string, _ string) (string, error) {
		opts.file = args[0]
		if opts.out == "" {
			opts.out = opts.file
		}
		return migrateRun(opts)
	},
		writeAs(formatTable, func(w io.Writer, style report.Style, line string) error {
			return report.Printf(w, style, "%s", line)
		}),
	)
}

// migrateRun migrates the file and says what it did, in a line.
func migrateRun(opts *migrateOptions) (string, error) {
	r, err := opts.rubric()
	if err != nil {
		return "", err
	}
	inPlace := samePath(opts.out, opts.file)
	var sess *store.Session
	if inPlace {
		// Held from before it is read until it is written: never while an
		// assessment session has it open, never two migrations at once.
		if sess, err = store.Resume(opts.file); err != nil {
			return "", fileError(err)
		}
		defer sess.Close()
	}
	data, err := doc.ReadFile(opts.file, doc.MaxFileSize)
	if err != nil {
		return "", err
	}
	a, warnings, err := assess.Parse(opts.file, data, r, assess.Options{Migrate: true})
	if err != nil {
		return "", err
	}
	counts := map[assess.WarningKind]int{}
	for _, w := range warnings {
		counts[w.Kind]++
		if w.Kind != assess.OtherVersion {
			opts.say(w.WithoutHint())
		}
	}
	from := a.Rubric.Version
	changed := from != r.Version || counts[assess.Renamed] > 0 || counts[assess.Retired] > 0
	if !changed && inPlace {
		return fmt.Sprintf("%s: already up to date with rubric %q version %s", opts.file, r.ID, r.Version), nil
	}
	a.Rubric.Version = r.Version
	if inPlace {
		err = sess.Save(a, r)
	} else {
		err = store.Save(opts.out, a, r)
	}
	if err := fileError(err); err != nil {
		var input *InputError
		if errors.As(err, &input) {
			return "", err
		}
		return "", fmt.Errorf("cannot write %s: %s", opts.out, saveCause(err))
	}
	ratings := fmt.Sprintf("%d %s", len(a.Ratings), pluralWord(len(a.Ratings), "rating", "ratings"))
	changes := fmt.Sprintf("%s, %d renamed, %d kept under retired", ratings, counts[assess.Renamed], counts[assess.Retired])
	switch {
	case !changed:
		return fmt.Sprintf("%s: copied from %s, already up to date with rubric %q version %s: %s", opts.out, opts.file, r.ID, r.Version, ratings), nil
	case from == r.Version:
		return fmt.Sprintf("%s: updated for version %s of rubric %q: %s", opts.out, r.Version, r.ID, changes), nil
	}
	return fmt.Sprintf("%s: migrated from version %s to %s of rubric %q: %s", opts.out, from, r.Version, r.ID, changes), nil
}

// fileError makes a file that another ladder has open, or that is not a
// file ladder writes, invalid input (exit 2); other errors stay what they
// are.
func fileError(err error) error {
	var (
		busy       *store.BusyError
		notRegular *store.NotRegularError
	)
	if errors.As(err, &busy) || errors.As(err, &notRegular) {
		return &InputError{Err: err}
	}
	return err
}
