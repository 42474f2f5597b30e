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
}

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
// oldest first.
func (h *History) LevelTrend(level int) []float64 {
	out := make([]float64, len(h.Entries))
	for i, e := range h.Entries {
		out[i] = e.Result.Levels[level].Score
	}
	return out
}
