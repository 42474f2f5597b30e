package store

import (
	"strconv"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/rubric"
	"golang.org/x/text/unicode/norm"
)

// History loads and scores every assessment in a person's folder (a name
// People returns), in time order: by the date of the last answer
// (updated), then by file name. A file that does not load, or that is not
// a regular file, is listed in Invalid, not dropped silently; the error
// returned is only for a folder that cannot be read.
//
// The person's name is the one in the newest assessment that belongs in
// the folder; a file about someone else is listed with a warning.
func (s Folder) History(folder string, r *rubric.Rubric) (*assess.History, error) {
	files, problems, err := s.Files(folder)
	if err != nil {
		return nil, err
	}
	h := &assess.History{Person: folder, Invalid: problems}
	scorer := assess.NewScorer(r)
	for _, f := range files {
		a, warnings, err := Load(f, r)
		if err != nil {
			h.Invalid = append(h.Invalid, err)
			continue
		}
		h.Warnings = append(h.Warnings, warnings...)
		h.Entries = append(h.Entries, assess.HistoryEntry{File: f, Result: scorer.Score(a), Completion: assess.CompletionOf(r, a)})
	}
	h.Sort()
	// A file system may hand back a folder name in another normal form
	// than the one it was created with (macOS does).
	folderNFC := norm.NFC.String(folder)
	belongs := func(e assess.HistoryEntry) bool { return NamePart(e.Result.Assessment.Person) == folderNFC }
	for i := len(h.Entries) - 1; i >= 0; i-- {
		if belongs(h.Entries[i]) {
			h.Person = h.Entries[i].Result.Assessment.Person
			break
		}
	}
	for _, e := range h.Entries {
		if !belongs(e) {
			h.Warnings = append(h.Warnings, assess.Warning{File: e.File, Msg: "is about " + strconv.Quote(e.Result.Assessment.Person) + ", not " + strconv.Quote(h.Person) + " (listed anyway)"})
		}
	}
	return h, nil
}
