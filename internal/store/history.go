package store

import (
	"strconv"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/rubric"
)

// History loads and scores every assessment of person in the store, in time
// order: by the date of the last answer (updated), then by file name. A
// file that does not load is listed in Invalid, not dropped silently; the
// error returned is only for a folder that cannot be read.
func (s Folder) History(person string, r *rubric.Rubric) (*assess.History, error) {
	files, err := s.Files(person)
	if err != nil {
		return nil, err
	}
	h := &assess.History{Person: Slug(person)}
	scorer := assess.NewScorer(r)
	for _, f := range files {
		a, warnings, err := Load(f, r)
		if err != nil {
			h.Invalid = append(h.Invalid, err)
			continue
		}
		h.Warnings = append(h.Warnings, warnings...)
		if Slug(a.Person) != Slug(person) {
			h.Warnings = append(h.Warnings, assess.Warning{File: f, Msg: "is about " + strconv.Quote(a.Person) + ", not " + strconv.Quote(person) + " (listed anyway)"})
		}
		h.Entries = append(h.Entries, assess.HistoryEntry{File: f, Result: scorer.Score(a)})
	}
	h.Sort()
	return h, nil
}
