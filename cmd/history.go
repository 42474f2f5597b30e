package cmd

import (
	"fmt"
	"slices"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/report"
	"github.com/ladderhq/ladder/rubric"
	"github.com/spf13/cobra"
)

type historyOptions struct {
	*globals
	person string
	format string
	role   string
}

func newHistoryCmd(g *globals) *cobra.Command {
	opts := &historyOptions{globals: g}
	c := &cobra.Command{
		Use:   "history [PERSON]",
		Short: "A person's stored assessments over time, with score trends",
		Long: `Show the assessments of a person stored in the data folder
($XDG_DATA_HOME/ladder/assessments, where ladder assess saves them), oldest
first: date, rater and role, fit level and every level's score, then each
level's trend (a sparkline on a terminal, the percentages when piped).

PERSON is a name ("Ada Lovelace") or a folder name ("ada-lovelace"). Without
it, ladder history lists the people stored, or shows the one person when
there is only one.

A file in the folder that cannot be read is reported on its own line, with
file, line and column, after the rest; the exit code is then 2.`,
		Example: `  ladder history
  ladder history "Priya Raman"
  ladder history --role manager -o json priya-raman`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageErrorf("expected at most one person, got %d arguments", len(args))
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.person = args[0]
			}
			var err error
			if opts.format, err = g.format(c); err != nil {
				return err
			}
			if opts.role != "" && !validRoleName(opts.role) {
				return usageErrorf("--role must be self, manager or peer, not %q", opts.role)
			}
			return historyRun(opts)
		},
	}
	c.Flags().StringVar(&opts.role, "role", "", "only the assessments by raters in this `role`: self, manager or peer")
	g.completeFlag(c, "role", cobra.FixedCompletions([]string{"self", "manager", "peer"}, cobra.ShellCompDirectiveNoFileComp))
	c.ValidArgsFunction = onlyFirstArg(g.completePeople)
	return withFormats(c, "table", "json", "yaml")
}

func validRoleName(s string) bool {
	for _, r := range assess.Roles {
		if string(r) == s {
			return true
		}
	}
	return false
}

func historyRun(opts *historyOptions) error {
	r, err := opts.rubric()
	if err != nil {
		return err
	}
	store, err := opts.env.AssessmentStore()
	if err != nil {
		return err
	}
	people, err := store.People()
	if err != nil {
		return err
	}
	w := opts.env.IO.Out
	if opts.person == "" && len(people) != 1 {
		return listPeople(opts, r, store, people)
	}
	folder := assess.Slug(opts.person)
	if opts.person == "" {
		folder = people[0]
	}
	if !slices.Contains(people, folder) {
		return &InputError{Err: fmt.Errorf("no stored assessments of %q in %s (ladder history lists the people stored)", opts.person, store.Dir)}
	}
	h, err := store.History(folder, r)
	if err != nil {
		return err
	}
	empty := ""
	if opts.role != "" {
		empty = fmt.Sprintf("no assessment by a rater in the %s role (%d stored)", opts.role, len(h.Entries))
		kept := h.Entries[:0]
		for _, e := range h.Entries {
			if string(e.Result.Assessment.Role) == opts.role {
				kept = append(kept, e)
			}
		}
		h.Entries = kept
	}
	for _, warn := range h.Warnings {
		opts.warn(warn.String())
	}
	switch opts.format {
	case "json", "yaml":
		err = opts.writeData(opts.format, report.NewHistoryJSON(r, h))
	default:
		err = report.RenderHistory(w, r, h, opts.style(), report.HistoryOptions{Sparkline: opts.env.IO.OutTTY, Empty: empty})
	}
	if err != nil {
		return err
	}
	return reportInvalid(opts.globals, h.Invalid)
}

// listPeople lists everyone in the store with their latest fit level.
func listPeople(opts *historyOptions, r *rubric.Rubric, store assess.Store, people []string) error {
	w := opts.env.IO.Out
	summaries := []report.PersonSummary{}
	var invalid []error
	for _, folder := range people {
		h, err := store.History(folder, r)
		if err != nil {
			return err
		}
		invalid = append(invalid, h.Invalid...)
		summaries = append(summaries, report.NewPersonSummary(folder, h))
	}
	switch opts.format {
	case "json", "yaml":
		return joinErr(opts.writeData(opts.format, map[string]any{"people": summaries}), reportInvalid(opts.globals, invalid))
	}
	if len(people) == 0 {
		report.Printf(w, opts.style(), "No assessments stored yet in %s.\nladder assess saves them there.\n", store.Dir)
		return nil
	}
	return joinErr(report.RenderPeople(w, summaries, opts.style()), reportInvalid(opts.globals, invalid))
}

// reportInvalid prints one located line per file that could not be read;
// the command then exits 2, like any other invalid input, after showing
// everything that could be read.
func reportInvalid(g *globals, invalid []error) error {
	for _, err := range invalid {
		g.say(err.Error())
	}
	if len(invalid) > 0 {
		return &SilentError{Code: ExitUsage}
	}
	return nil
}

func joinErr(first, second error) error {
	if first != nil {
		return first
	}
	return second
}
