package assess

import (
	"math"
	"time"
	"unsafe"
)

// Sheet is what calibration keeps of one assessment file: who rated whom and
// as what, the rater's fit level, and the ratings as small numbers indexed
// like the rubric's criteria. Notes and the document itself are dropped, so
// the memory a team takes grows with its ratings, not with its files.
type Sheet struct {
	File         string
	Person       string
	Rater        string
	Role         Role
	CurrentLevel string
	Specialties  []string // the specialties the assessment names
	Updated      time.Time
	FitLevel     string  // "" when not even the first level is met
	Ratings      []int16 // by criterion index: Unrated, a scale value, or 0 (no) / 1 (yes)
}

// Unrated marks a criterion a sheet has no rating for.
const Unrated int16 = -1

// NewSheet keeps what calibration needs of a; s scores its fit level.
func NewSheet(file string, a *Assessment, s *Scorer) Sheet {
	r := s.r
	ratings := make([]int16, len(r.Criteria))
	for i := range ratings {
		ratings[i] = Unrated
	}
	for id, rt := range a.Ratings {
		if i := r.CriterionIndex(id); i >= 0 {
			ratings[i] = int16(rt.Value)
		}
	}
	return newSheet(file, a, ratings, s)
}

func newSheet(file string, a *Assessment, ratings []int16, s *Scorer) Sheet {
	return Sheet{
		File:         file,
		Person:       a.Person,
		Rater:        a.Rater,
		Role:         a.Role,
		CurrentLevel: a.CurrentLevel,
		Specialties:  a.Specialties,
		Updated:      a.Updated,
		FitLevel:     s.fitLevelOf(ratings),
		Ratings:      ratings,
	}
}

// ReadSheet reads the content of an assessment file into a sheet against
// s's rubric: the sheet NewSheet would keep of what Parse reads, with its
// warnings, or Parse's error. A file in the shape ladder writes goes from
// its bytes to the sheet without an assessment's map of ratings in
// between.
func ReadSheet(file string, data []byte, s *Scorer) (Sheet, []Warning, error) {
	r := s.r
	ratings := make([]int16, len(r.Criteria))
	for i := range ratings {
		ratings[i] = Unrated
	}
	// The text is read in place, not copied: the sheet keeps no part of it
	// (readQuick keeps only notes, which the sheet leaves out), and data
	// is not changed meanwhile.
	text := unsafe.String(unsafe.SliceData(data), len(data))
	a, warnings, ok := readQuick(file, text, r, func(i int, rt Rating) { ratings[i] = int16(rt.Value) })
	if ok {
		return newSheet(file, a, ratings, s), warnings, nil
	}
	a, warnings, err := parseStrict(file, data, r, Options{})
	if err != nil {
		return Sheet{}, nil, err
	}
	return NewSheet(file, a, s), warnings, nil
}

// MaxSheetRating is the highest rating a sheet can hold.
const MaxSheetRating = math.MaxInt16
