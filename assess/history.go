package assess

import "sort"

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
	// Completion says how far the assessment got through its questions:
	// an unfinished one scores its open questions as unanswered, so its
	// scores are not a trend's point.
	Completion Completion
}

// Unfinished reports whether the entry stopped before the questions that
// count most were answered (see Completion.Unfinished).
func (e HistoryEntry) Unfinished() bool { return e.Completion.Unfinished() }

// Sort puts the entries in time order: by the date of the last answer
// (updated), then by file name.
func (h *History) Sort() {
	sort.SliceStable(h.Entries, func(i, j int) bool {
		a, b := h.Entries[i].Result.Assessment.Updated, h.Entries[j].Result.Assessment.Updated
		if !a.Equal(b) {
			return a.Before(b)
		}
		return h.Entries[i].File < h.Entries[j].File
	})
}

// LevelTrend is the score of one level (by its index) in every entry,
// oldest first; nil for an unfinished entry, whose score is no point of
// the trend (its open questions count as unanswered: charted, it would
// look like a collapse).
func (h *History) LevelTrend(level int) []*float64 {
	out := make([]*float64, len(h.Entries))
	for i, e := range h.Entries {
		if !e.Unfinished() {
			score := e.Result.Levels[level].Score
			out[i] = &score
		}
	}
	return out
}

// Latest is the newest entry, nil for none.
func (h *History) Latest() *HistoryEntry {
	if len(h.Entries) == 0 {
		return nil
	}
	return &h.Entries[len(h.Entries)-1]
}
