package cmd

import (
	"fmt"
	"io/fs"
	"maps"
	"strconv"
	"strings"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/doc"
	"github.com/ladderhq/ladder/internal/prompt"
	"github.com/ladderhq/ladder/internal/store"
	"github.com/ladderhq/ladder/rubric"
)

// saver saves an assessment in progress after every answer, and never
// loses one: when a save fails (a full disk, a folder gone), the answers
// stay in memory and the person chooses to try again, to go on answering
// (the next save writes them all), or to stop, and is then shown the
// answers the file lacks and how to resume.
type saver struct {
	opts   *assessOptions
	r      *rubric.Rubric
	a      *assess.Assessment
	p      prompt.Prompter
	folder store.Folder   // where a new assessment goes, without --out or --resume
	sess   *store.Session // nil until a new assessment's first save
	// saved and savedCantSay are the answers the file holds: those of the
	// last save that worked.
	saved        map[string]assess.Rating
	savedCantSay map[string]string
	// last is set for the save at the end, after which there is nothing
	// to go on answering.
	last bool
	// exists says the file is on disk: a resumed one, or a new one once
	// a save wrote it.
	exists bool
}

// save writes the assessment once.
func (sv *saver) save() error {
	sv.a.Updated = sv.opts.env.Now().UTC()
	var err error
	if sv.sess == nil {
		sv.sess, err = sv.folder.Start(sv.a, sv.r)
	} else {
		err = sv.sess.Save(sv.a, sv.r)
	}
	if err != nil {
		return err
	}
	sv.exists = true
	sv.keep()
	return nil
}

// keep records the answers in memory as the file's.
func (sv *saver) keep() {
	sv.saved, sv.savedCantSay = maps.Clone(sv.a.Ratings), maps.Clone(sv.a.CantSay)
}

// pending reports whether the file lacks answers given in this session.
func (sv *saver) pending() bool { return len(sv.unsavedIDs()) > 0 }

// answered saves after an answer (the interview's Save). On a failure it
// asks what to do; it returns an error only when the person stops.
func (sv *saver) answered() error {
	for {
		err := sv.save()
		if err == nil {
			return nil
		}
		options := []prompt.Option{
			{Label: "Try again", Description: "after freeing space or fixing the folder"},
			{Label: "Go on answering", Description: "the next save writes all answers"},
			{Label: "Stop", Description: "list the unsaved answers and how to resume"},
		}
		if sv.last || !sv.exists {
			// Nothing left to answer, or no file yet to go on with.
			options = append(options[:1], options[2])
		}
		choice, perr := sv.p.Select(fmt.Sprintf("Could not save: %s. What now?", saveCause(err)),
			"No answer is lost: they are all kept here until a save works.", options, 0)
		switch {
		case perr != nil || options[choice].Label == "Stop":
			return sv.unsaved(err)
		case options[choice].Label == "Go on answering":
			return nil
		}
	}
}

// saveCause says in a few words why a save failed: the system's reason
// for a plain file operation ("no space left on device"), else the whole
// message, which says more.
func saveCause(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return doc.DescribeOSError(pe)
	}
	return err.Error()
}

// unsavedIDs are the criteria whose answer in memory differs from the
// file's, in rubric order.
func (sv *saver) unsavedIDs() []string {
	var ids []string
	for _, c := range sv.r.Criteria {
		rt, ok := sv.a.Ratings[c.ID]
		if old, was := sv.saved[c.ID]; ok && (!was || old != rt) {
			ids = append(ids, c.ID)
		}
		note, unsure := sv.a.CantSay[c.ID]
		if old, was := sv.savedCantSay[c.ID]; unsure && (!was || old != note) {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

// unsaved is the end of a session whose answers could not all be saved.
func (sv *saver) unsaved(cause error) error {
	e := &unsavedError{cause: cause}
	if sv.sess != nil {
		e.path = sv.sess.Path()
		e.resume = sv.opts.resumeCommand(e.path)
	}
	for _, id := range sv.unsavedIDs() {
		rt, note := sv.a.Ratings[id], sv.a.Ratings[id].Note
		value := rt.String()
		if n, ok := sv.a.CantSay[id]; ok {
			value, note = assess.CantSayText, n
		}
		if note != "" {
			value = fmt.Sprintf("{rating: %s, note: %s}", value, strconv.Quote(note))
		}
		e.answers = append(e.answers, id+": "+value)
	}
	return e
}

// unsavedError ends a session whose last save failed: it names the file
// and what it holds, lists every answer it lacks, so that none is lost,
// and says how to resume.
type unsavedError struct {
	cause   error
	path    string // "" when nothing was ever saved
	resume  string
	answers []string // "id: rating" lines, as a file's ratings hold them
}

func (e *unsavedError) Error() string {
	var b strings.Builder
	if e.path == "" {
		fmt.Fprintf(&b, "could not save the assessment: %s; nothing was saved", saveCause(e.cause))
	} else {
		fmt.Fprintf(&b, "could not save %s: %s", e.path, saveCause(e.cause))
	}
	switch len(e.answers) {
	case 0:
	case 1:
		b.WriteString("\nThis answer is not saved; keep it (it goes under ratings: in the file):")
	default:
		fmt.Fprintf(&b, "\nThese %d answers are not saved; keep them (they go under ratings: in the file):", len(e.answers))
	}
	if len(e.answers) > 0 {
		for _, line := range e.answers {
			b.WriteString("\n  " + line)
		}
	}
	if e.path != "" {
		fmt.Fprintf(&b, "\nThe earlier answers are saved in %s.\nResume with: %s", e.path, e.resume)
	}
	return b.String()
}

func (e *unsavedError) Unwrap() error { return e.cause }

// Lines are the message's lines, each printed on its own: the answers to
// keep, one a line.
func (e *unsavedError) Lines() []string { return messageLines(e.Error()) }

// close ends the session, so that another may open the file.
func (sv *saver) close() {
	if sv.sess != nil {
		sv.sess.Close()
	}
}
