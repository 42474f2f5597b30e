package cmd

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/ladderhq/ladder/internal/atomicfile"
	"github.com/ladderhq/ladder/report"
	"github.com/spf13/cobra"
)

// The output formats, as -o names them.
const (
	formatTable    = "table"
	formatJSON     = "json"
	formatYAML     = "yaml"
	formatMarkdown = "markdown"
	formatCSV      = "csv"
	formatHTML     = "html"
)

// A writer writes what a command found, a T, in one format, into the
// command's standard output.
type writer[T any] struct {
	format string
	write  func(w io.Writer, style report.Style, v T) error
}

// writeAs is a writer of format.
func writeAs[T any](format string, write func(w io.Writer, style report.Style, v T) error) writer[T] {
	return writer[T]{format: format, write: write}
}

// asData writes the data form of v, which data makes, as JSON or YAML.
func asData[T any](format string, data func(v T) any) writer[T] {
	return writer[T]{format: format, write: func(w io.Writer, _ report.Style, v T) error {
		if format == formatYAML {
			return report.WriteYAML(w, data(v))
		}
		return report.WriteJSON(w, data(v))
	}}
}

// intoFile makes w write into the file that *path names (--out), when it
// names one, instead of standard output, and say so on standard error. A
// file gets what a pipe gets: no colour, no borders, prose at a page's
// width.
func intoFile[T any](g *globals, path *string, w writer[T]) writer[T] {
	write := w.write
	w.write = func(stdout io.Writer, style report.Style, v T) error {
		if *path == "" {
			return write(stdout, style, v)
		}
		if err := checkOutFolder(*path); err != nil {
			return err
		}
		if err := g.writeFile(*path, func(f io.Writer) error { return write(f, report.Style{Width: pageWidth}, v) }); err != nil {
			return err
		}
		g.say("wrote " + *path)
		return nil
	}
	return w
}

// checkOutFolder refuses an --out file whose folder does not exist, naming
// it: a mistyped folder is a mistake to report, not a tree of folders to
// make.
func checkOutFolder(path string) error {
	if path == "" {
		return nil
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return usageErrorf("--out %s: the folder %s does not exist", path, dir)
	case err == nil && !fi.IsDir():
		return usageErrorf("--out %s: %s is not a folder", path, dir)
	}
	return nil
}

// writeFile writes what write makes into the file path: whole, then
// atomically in place of any file there (see atomicfile), never half of
// it. Every file a command writes as its output goes through here.
func (g *globals) writeFile(path string, write func(w io.Writer) error) error {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	if err := atomicfile.Write(path, b.Bytes(), 0o600); err != nil {
		return fmt.Errorf("cannot write %s: %s", path, saveCause(err))
	}
	return nil
}

// outcome is a result that ends in an error after it is written: files
// that could not be read, reported once everything else is shown.
type outcome interface{ afterwards() error }

// output is the one place where a command's output is declared and
// written. c finds its result with run and writes it with the writer of
// the format -o names (the first writer's by default). The formats
// declared here are the ones -o accepts (checked for every command before
// it runs, see newRoot) and completes; the result goes into the one
// buffered standard output, flushed once when the command ends.
func output[T any](g *globals, c *cobra.Command, run func(c *cobra.Command, args []string, format string) (T, error), writers ...writer[T]) *cobra.Command {
	names := make([]string, len(writers))
	for i, w := range writers {
		names[i] = w.format
	}
	withFormats(c, names...)
	c.RunE = func(c *cobra.Command, args []string) error {
		format, err := g.format(c)
		if err != nil {
			return err
		}
		v, err := run(c, args, format)
		if err != nil {
			return err
		}
		for _, w := range writers {
			if w.format == format {
				if err := w.write(g.out, g.style(), v); err != nil {
					return err
				}
			}
		}
		if o, ok := any(v).(outcome); ok {
			return o.afterwards()
		}
		return nil
	}
	return c
}

// formatsAnnotation lists a command's output formats, first the default;
// shell completion of -o reads it too.
const formatsAnnotation = "ladder/formats"

func withFormats(c *cobra.Command, formats ...string) *cobra.Command {
	if c.Annotations == nil {
		c.Annotations = map[string]string{}
	}
	c.Annotations[formatsAnnotation] = strings.Join(formats, ",")
	return c
}

// formatsOf are the formats c declares, the default first; none for a
// command that writes no result (help, completion, a parent).
func formatsOf(c *cobra.Command) []string {
	if f := c.Annotations[formatsAnnotation]; f != "" {
		return strings.Split(f, ",")
	}
	return nil
}

// format is the output format chosen for c, checked against the formats
// it declares.
func (g *globals) format(c *cobra.Command) (string, error) {
	formats := formatsOf(c)
	switch {
	case len(formats) == 0 && g.output != "":
		return "", usageErrorf("%s has no output formats; -o does not apply to it", c.CommandPath())
	case len(formats) == 0:
		return "", nil
	case g.output == "":
		return formats[0], nil
	}
	for _, f := range formats {
		if f == g.output {
			return f, nil
		}
	}
	return "", usageErrorf("%s cannot write %q output (use %s)", c.CommandPath(), g.output, strings.Join(formats, ", "))
}

// completeFormats completes -o with the formats of the command at hand.
func completeFormats(c *cobra.Command, _ []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return formatsOf(c), cobra.ShellCompDirectiveNoFileComp
}

// newOutput buffers w: a table is one write, not one per line.
func newOutput(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, 64<<10) }

// live is standard output for an interactive command: what it writes
// shows at once, before the next question.
type live struct{ w *bufio.Writer }

func (l live) Write(p []byte) (int, error) {
	n, err := l.w.Write(p)
	if err == nil {
		err = l.w.Flush()
	}
	return n, err
}
