package cmd

import (
	"fmt"
	"io"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/store"
	"github.com/ladderhq/ladder/report"
	"github.com/ladderhq/ladder/rubric"
	"github.com/spf13/cobra"
)

type historyOptions struct {
	*globals
	person string
	role   string
}

// histories is what ladder history finds: one person's history, or the
// list of the people stored (people is nil then only for one person).
type histories struct {
	r       *rubric.Rubric
	history *assess.History
	empty   string // why the history shows nothing, when --role left nothing
	people  []report.PersonSummary
	dir     string
	invalid []error
}

// afterwards reports the files that could not be read, after the rest.
func (h *histories) afterwards() error { return invalidFiles(h.invalid) }

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
there is only one. Names that differ only in case, spacing, punctuation or
Unicode normal form are one person (see docs/files.md).

A file in the folder that cannot be read (invalid, unreadable, a fifo, a
symbolic link to nothing) and a person folder that cannot be read are each
reported on a line of their own, after the rest is shown; the exit code is
then 2.`,
		Example: `  ladder history
  ladder history "Priya Raman"
  ladder history --role manager -o json priya-raman`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageErrorf("expected at most one person, got %d arguments", len(args))
			}
			return nil
		},
	}
	c.Flags().StringVar(&opts.role, "role", "", "only the assessments by raters in this `role`: self, manager or peer")
	g.completeFlag(c, "role", completeRoles)
	c.ValidArgsFunction = onlyFirstArg(g.completePeople)
	data := func(h *histories) any {
		if h.history != nil {
			return report.HistoryData(h.r, h.history)
		}
		return map[string]any{"people": h.people}
	}
	return output(g, c, func(_ *cobra.Command, args []string, _ string) (*histories, error) {
		if len(args) == 1 {
			opts.person = args[0]
		}
		if opts.role != "" {
			if _, err := parseRole("role", opts.role); err != nil {
				return nil, err
			}
		}
		return historyRun(opts)
	},
		writeAs(formatTable, func(w io.Writer, style report.Style, h *histories) error {
			switch {
			case h.history != nil:
				return report.RenderHistory(w, h.r, h.history, style, report.HistoryOptions{Sparkline: opts.env.IO.OutTTY, Empty: h.empty})
			case len(h.people) == 0 && len(h.invalid) == 0:
				return report.Printf(w, style, "No assessments stored yet in %s.\n%s assess saves them there.", h.dir, opts.program())
			}
			return report.RenderPeople(w, h.people, style)
		}),
		asData(formatJSON, data),
		asData(formatYAML, data),
	)
}

func historyRun(opts *historyOptions) (*histories, error) {
	r, err := opts.rubric()
	if err != nil {
		return nil, err
	}
	stored, err := opts.env.AssessmentStore()
	if err != nil {
		return nil, err
	}
	people, problems, err := stored.People()
	if err != nil {
		return nil, err
	}
	if opts.person == "" && len(people) != 1 {
		return listPeople(r, stored, people, problems), nil
	}
	folder := ""
	if opts.person == "" {
		folder = people[0]
	} else if f, ok := stored.Lookup(opts.person); ok {
		folder = f
	} else {
		return nil, &InputError{Err: fmt.Errorf("no stored assessments of %q in %s (%s history lists the people stored)", opts.person, stored.Dir, opts.program())}
	}
	h, err := stored.History(folder, r)
	if err != nil {
		return nil, err
	}
	if opts.person == "" {
		h.Invalid = append(problems, h.Invalid...)
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
	return &histories{r: r, history: h, empty: empty, invalid: h.Invalid}, nil
}

// listPeople lists everyone in the store with their latest fit level. A
// folder that cannot be read is named after the others are listed.
func listPeople(r *rubric.Rubric, stored store.Folder, people []string, problems []error) *histories {
	out := &histories{r: r, people: []report.PersonSummary{}, dir: stored.Dir, invalid: problems}
	for _, folder := range people {
		h, err := stored.History(folder, r)
		if err != nil {
			out.invalid = append(out.invalid, err)
			continue
		}
		out.invalid = append(out.invalid, h.Invalid...)
		out.people = append(out.people, report.NewPersonSummary(r, folder, h))
	}
	return out
}
