package cmd

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ladderhq/ladder/rubric"
	"github.com/spf13/cobra"
)

// score, plan and report take an assessment file; without one, they take
// the latest assessment in the data folder (where ladder assess saves
// them): of the person --person names, or of the only person there. Which
// file it is goes to standard error, so that the output stays the
// result's alone.

// personFlag adds --person, for a command that takes the latest stored
// assessment when it is given no file.
func (g *globals) personFlag(c *cobra.Command, person *string) {
	c.Flags().StringVar(person, "person", "", "without a file: the latest stored assessment of this `person` (name or folder)")
	g.completeFlag(c, "person", g.completePeople)
}

// assessmentFile is the file a command works on: the one given, or the
// latest stored one (see latestFile).
func (g *globals) assessmentFile(args []string, person string) (string, error) {
	switch {
	case len(args) > 0 && person != "":
		return "", usageErrorf("give an assessment file or --person, not both")
	case len(args) > 0:
		return args[0], nil
	}
	r, err := g.rubric()
	if err != nil {
		return "", err
	}
	return g.latestFile(r, person)
}

// latestFile finds the latest stored assessment of person, or of the only
// person stored when person is "", and says on standard error which file
// it is, and how to finish it when it is unfinished.
func (g *globals) latestFile(r *rubric.Rubric, person string) (string, error) {
	stored, err := g.env.AssessmentStore()
	if err != nil {
		return "", err
	}
	folder := ""
	if person != "" {
		f, ok := stored.Lookup(person)
		if !ok {
			return "", &InputError{Err: fmt.Errorf("no stored assessments of %q in %s (%s history lists the people stored)", person, stored.Dir, g.program())}
		}
		folder = f
	} else {
		people, _, err := stored.People()
		if err != nil {
			return "", err
		}
		switch len(people) {
		case 0:
			return "", usageErrorf("no assessment file given, and none stored in %s yet (%s assess saves them there)", stored.Dir, g.program())
		case 1:
			folder = people[0]
		default:
			sort.Strings(people)
			return "", usageErrorf("no assessment file given, and %d people stored in %s (%s): give a file, or --person NAME",
				len(people), stored.Dir, strings.Join(people, ", "))
		}
	}
	h, err := stored.History(folder, r)
	if err != nil {
		return "", err
	}
	latest := h.Latest()
	if latest == nil {
		why := "none"
		if len(h.Invalid) > 0 {
			why = fmt.Sprintf("none that can be read (%d invalid; %s history %s lists them)", len(h.Invalid), g.program(), shellQuote(folder))
		}
		return "", &InputError{Err: fmt.Errorf("no assessment file given, and %s in %s", why, filepath.Join(stored.Dir, folder))}
	}
	a := latest.Result.Assessment
	g.say(fmt.Sprintf("the latest assessment of %s (%s, %s): %s", a.Person, raterWords(a.Rater, a.Person, string(a.Role)), dateWords(a.Updated.IsZero(), a.Updated.UTC().Format("2006-01-02")), latest.File))
	if c := latest.Completion; c.Unfinished() {
		resume := g.resumeCommand(latest.File)
		g.say(fmt.Sprintf("it is unfinished: %d of %d questions answered; resume it with: %s", c.Answered, c.Answered+c.Open, resume))
	}
	return latest.File, nil
}

func raterWords(rater, person, role string) string {
	if role == "self" && rater == person {
		return "self-assessment"
	}
	return "rated by " + rater + ", " + role
}

func dateWords(zero bool, date string) string {
	if zero {
		return "undated"
	}
	return date
}
