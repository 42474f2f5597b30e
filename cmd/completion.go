package cmd

import (
	"fmt"
	"strings"

	"github.com/ladderhq/ladder/rubric"
	"github.com/spf13/cobra"
)

// Shell completion. cobra provides `ladder completion bash|zsh|fish|powershell`;
// the functions here complete values from the rubric in use (the built-in
// one, or --rubric FILE when it is already on the command line).

// completeFlag registers f to complete a flag of c. A flag registered twice
// is a mistake in the command tree, kept in g.setupErrors for the tests
// to catch.
func (g *globals) completeFlag(c *cobra.Command, flag string, f cobra.CompletionFunc) {
	if err := c.RegisterFlagCompletionFunc(flag, f); err != nil {
		g.setupErrors = append(g.setupErrors, fmt.Errorf("%s --%s: %w", c.CommandPath(), flag, err))
	}
}

// registerGlobalCompletions completes the flags every command shares.
func (g *globals) registerGlobalCompletions(root *cobra.Command) {
	g.completeFlag(root, "output", completeFormats)
	g.completeFlag(root, "rubric", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"yaml", "yml", "json"}, cobra.ShellCompDirectiveFilterFileExt
	})
}

// completeFrom turns a list of ids and titles from the rubric into a
// completion function; when the rubric cannot be loaded there is nothing to
// offer (the command itself will say why).
func (g *globals) completeFrom(list func(r *rubric.Rubric) []string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		r, err := g.rubric()
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []cobra.Completion
		for _, c := range list(r) {
			if strings.HasPrefix(c, toComplete) {
				out = append(out, c)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// levelIDs are the rubric's levels, each with its title as the description.
func levelIDs(r *rubric.Rubric) []string {
	var out []string
	for _, l := range r.Levels {
		out = append(out, cobra.CompletionWithDesc(l.ID, l.Title))
	}
	return out
}

// specialtyIDs are the rubric's specialties with their titles.
func specialtyIDs(r *rubric.Rubric) []string {
	var out []string
	for _, s := range r.Specialties {
		out = append(out, cobra.CompletionWithDesc(s.ID, s.Title))
	}
	return out
}

// elementIDs is everything ladder rubric show accepts.
func elementIDs(r *rubric.Rubric) []string {
	out := append(levelIDs(r), specialtyIDs(r)...)
	for _, g := range r.Groups {
		out = append(out, cobra.CompletionWithDesc(g.ID, g.Title))
	}
	for _, t := range r.Themes {
		out = append(out, cobra.CompletionWithDesc(t.ID, t.Title))
	}
	for _, c := range r.Criteria {
		out = append(out, cobra.CompletionWithDesc(c.ID, c.Prompt))
	}
	return out
}

// onlyFirstArg completes the first positional argument with f and nothing
// after it.
func onlyFirstArg(f cobra.CompletionFunc) cobra.CompletionFunc {
	return func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return f(c, args, toComplete)
	}
}

// assessmentFiles completes file arguments with the extensions assessments
// have.
func assessmentFiles(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return []string{"yaml", "yml", "json"}, cobra.ShellCompDirectiveFilterFileExt
}

// completePeople offers the people with stored assessments.
func (g *globals) completePeople(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	folder, err := g.env.AssessmentStore()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	people, _, err := folder.People()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []cobra.Completion
	for _, p := range people {
		if strings.HasPrefix(p, toComplete) {
			out = append(out, p)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
