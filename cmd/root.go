// Package cmd is ladder's command line: one constructor per command, each
// parsing flags into an options struct and handing the work to a run
// function that tests can call directly.
package cmd

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/ladderhq/ladder/data"
	"github.com/ladderhq/ladder/internal/doc"
	"github.com/ladderhq/ladder/report"
	"github.com/ladderhq/ladder/rubric"
	"github.com/spf13/cobra"
)

// Main runs ladder in this process and returns its exit code.
func Main() int {
	return Run(SystemEnv(), os.Args[1:])
}

// Run runs ladder with these arguments and returns the exit code. All the
// mapping from errors to exit codes and messages happens here.
func Run(env *Env, args []string) int {
	g := &globals{env: env, out: newOutput(env.IO.Out)}
	root := newRoot(g)
	root.SetArgs(args)
	root.SetIn(env.IO.In)
	root.SetOut(g.out)
	root.SetErr(env.IO.Err)
	cmd, err := root.ExecuteC()
	// Standard output is written once, before any error line.
	if flushErr := g.out.Flush(); flushErr != nil && err == nil {
		err = fmt.Errorf("cannot write the output: %w", flushErr)
	}
	if err == nil {
		return ExitOK
	}
	code := exitCode(err)
	var lines []string
	if multi, ok := err.(interface{ Lines() []string }); ok {
		lines = multi.Lines()
	} else if msg := strings.TrimSpace(err.Error()); msg != "" {
		var usage *UsageError
		if (errors.As(err, &usage) || isCobraUsageError(err)) && cmd != nil {
			msg += fmt.Sprintf(" (see '%s --help')", cmd.CommandPath())
		}
		lines = []string{"ladder: " + msg}
	}
	for _, line := range lines {
		printErrLine(env.IO.Err, line)
	}
	return code
}

// globals are the flags every command shares, and what they lead to.
type globals struct {
	env *Env
	// out is standard output, buffered: commands write their output here
	// and Run flushes it once.
	out        *bufio.Writer
	rubricPath string
	output     string
	noColor    bool

	loaded *rubric.Rubric
	// setupErrors are mistakes made while building the command tree
	// (a flag completed twice); tests check there are none.
	setupErrors []error
}

// NewRootCmd builds the whole command tree.
func NewRootCmd(env *Env) *cobra.Command {
	return newRoot(&globals{env: env, out: newOutput(env.IO.Out)})
}

func newRoot(g *globals) *cobra.Command {
	root := &cobra.Command{
		Use:   "ladder",
		Short: "Career-ladder self-assessment: which level, which specialties, what is missing",
		Long: `ladder asks about each criterion of a career ladder, then scores the answers
against every level and specialty and explains each verdict with its gaps.

Its built-in rubric is GitLab's Backend Engineering job family; --rubric
loads any other ladder written as a rubric file.` + "\n" + exitCodesHelp,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &UsageError{Err: err} })
	// -o is checked here, once for every command, against the formats the
	// command declares; a command that declares none takes no -o.
	root.PersistentPreRunE = func(c *cobra.Command, _ []string) error {
		_, err := g.format(c)
		return err
	}
	// Every command's help ends with the exit codes; the root's Long holds
	// them already, so that the man pages carry them too.
	root.SetHelpTemplate(root.HelpTemplate() + `{{if .HasParent}}` + exitCodesHelp + `{{end}}`)

	pf := root.PersistentFlags()
	pf.StringVar(&g.rubricPath, "rubric", "", "use this rubric `file` instead of the built-in one")
	pf.StringVarP(&g.output, "output", "o", "", "output `format`: table, json, yaml, ... (each command lists its own)")
	pf.BoolVar(&g.noColor, "no-color", false, "no colour in the output (NO_COLOR is honoured too)")
	g.registerGlobalCompletions(root)

	root.AddCommand(
		newAssessCmd(g),
		newScoreCmd(g),
		newPlanCmd(g),
		newDiffCmd(g),
		newHistoryCmd(g),
		newReportCmd(g),
		newCalibrateCmd(g),
		newRubricCmd(g),
		newMigrateCmd(g),
		newSchemaCmd(g),
		newVersionCmd(g),
	)
	return root
}

// rubric loads the rubric in use: --rubric, or the embedded one.
func (g *globals) rubric() (*rubric.Rubric, error) {
	if g.loaded != nil {
		return g.loaded, nil
	}
	var (
		r   *rubric.Rubric
		err error
	)
	if g.rubricPath != "" {
		var b []byte
		if b, err = doc.ReadFile(g.rubricPath, doc.MaxFileSize); err == nil {
			r, err = rubric.Parse(g.rubricPath, b)
		}
	} else {
		r, err = data.Rubric()
	}
	if err != nil {
		return nil, err
	}
	g.loaded = r
	return r, nil
}

// style is how tables look on this output.
func (g *globals) style() report.Style {
	color := g.env.IO.OutTTY && !g.noColor && g.env.Getenv("NO_COLOR") == "" && g.env.Getenv("TERM") != "dumb"
	return report.Style{Color: color, Borders: g.env.IO.OutTTY, Width: g.env.Width(), Program: g.program()}
}

// exactArgs is cobra.ExactArgs with a usage error that names what is missing.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) != n {
			return usageErrorf("expected %s, got %d %s", what, len(args), pluralWord(len(args), "argument", "arguments"))
		}
		return nil
	}
}

// maxArgs is cobra.MaximumNArgs with a usage error that names what is
// expected.
func maxArgs(n int, what string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) > n {
			return usageErrorf("expected at most %s, got %d arguments", what, len(args))
		}
		return nil
	}
}

// minArgs is cobra.MinimumNArgs with a usage error.
func minArgs(n int, what string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) < n {
			return usageErrorf("expected %s", what)
		}
		return nil
	}
}
