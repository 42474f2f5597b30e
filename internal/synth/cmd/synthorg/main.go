// Command synthorg writes a synthetic organisation of assessment files
// against the built-in rubric, for measuring ladder calibrate at the scale
// of a real organisation:
//
//	go run ./internal/synth/cmd/synthorg -files 10000 DIR
//
// Each person has four real-size files (every criterion of their level and
// specialty rated): their own, their manager's and two peers'. The planted
// traits are those of synth.Planted; the same -files and -seed write the
// same bytes.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"github.com/ladderhq/ladder/data"
	"github.com/ladderhq/ladder/internal/synth"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "synthorg: "+err.Error())
		os.Exit(2)
	}
}

func run(args []string) error {
	flags := flag.NewFlagSet("synthorg", flag.ContinueOnError)
	files := flags.Int("files", 1000, "assessment files to write (four a person, so rounded down to a multiple of 4; at least 96)")
	seed := flags.Uint64("seed", 1, "seed of the random choices")
	disagree := flags.Float64("disagree", synth.RealSize(24, 1).Disagree, "chance that a fair rater is far off on a criterion (two steps, or the other yes/no answer)")
	flags.Usage = func() {
		fmt.Fprintln(flags.Output(), "usage: synthorg [-files N] [-seed S] [-disagree P] DIR")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return err
	}
	if flags.NArg() != 1 {
		flags.Usage()
		return errors.New("expected one folder")
	}
	dir := flags.Arg(0)
	people := *files / 4
	if people < 24 {
		return fmt.Errorf("-files %d: at least 96 files (24 people) are needed to plant the traits", *files)
	}
	if err := emptyOrMissing(dir); err != nil {
		return err
	}
	r, err := data.Rubric()
	if err != nil {
		return err
	}
	cfg := synth.RealSize(people, *seed)
	cfg.Disagree = *disagree
	paths, truth, err := synth.Write(dir, r, cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "synthorg: wrote %d files of %d people under %s\n", len(paths), people, dir)
	fmt.Fprintf(os.Stderr, "synthorg: planted lenient manager %v, self-overrater %v, promotion-ready %v\n",
		truth.LenientManagers, truth.SelfOverraters, truth.PromotionReady)
	return nil
}

// emptyOrMissing refuses a folder with anything in it: files of two
// organisations would mix.
func emptyOrMissing(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case len(entries) > 0:
		return fmt.Errorf("%s is not empty", dir)
	}
	return nil
}
