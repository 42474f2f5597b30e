package assess

import (
	"sort"
	"strconv"

	"github.com/ladderhq/ladder/rubric"
)

// History is one person's stored assessments, scored, oldest first.
type History struct {
	Person  string // the name in the newest assessment; the folder name when none loads
	Entries []HistoryEntry
	// Invalid are the files that could not be read or failed their checks,
	// each error naming its file (and line and column where known).
	Invalid  []error
	Warnings []Warning
}

// HistoryEntry is one stored assessment and its score.
type HistoryEntry struct {
	File   string
	Result *Result
}

// History loads and scores every assessment of person in the store, in time
// order: by the date of the last answer (updated), then by file name. A
// file that does not load is listed in Invalid, not dropped silently; the
// error returned is only for a folder that cannot be read.
func (s Store) History(person string, r *rubric.Rubric) (*History, error) {
	files, err := s.Files(person)
	if err != nil {
		return nil, err
	}
	h := &History{Person: Slug(person)}
	scorer := NewScorer(r)
	for _, f := range files {
		a, warnings, err := Load(f, r)
		if err != nil {
			h.Invalid = append(h.Invalid, err)
			continue
		}
		h.Warnings = append(h.Warnings, warnings...)
		if Slug(a.Person) != Slug(person) {
			h.Warnings = append(h.Warnings, Warning{File: f, Msg: "is about " + strconv.Quote(a.Person) + ", not " + strconv.Quote(person) + " (listed anyway)"})
		}
		h.Entries = append(h.Entries, HistoryEntry{File: f, Result: scorer.Score(a)})
	}
	sort.SliceStable(h.Entries, func(i, j int) bool {
		a, b := h.Entries[i].Result.Assessment.Updated, h.Entries[j].Result.Assessment.Updated
		if !a.Equal(b) {
			return a.Before(b)
		}
		return h.Entries[i].File < h.Entries[j].File
	})
	if n := len(h.Entries); n > 0 {
		h.Person = h.Entries[n-1].Result.Assessment.Person
	}
	return h, nil
}

// LevelTrend is the score of one level (by its index) in every entry,
// oldest first.
func (h *History) LevelTrend(level int) []float64 {
	out := make([]float64, len(h.Entries))
	for i, e := range h.Entries {
		out[i] = e.Result.Levels[level].Score
	}
	return out
}
