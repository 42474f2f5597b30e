package assess

import (
	"sort"

	"github.com/ladderhq/ladder/rubric"
)

// Change is how one criterion's answer moved between two assessments.
type Change string

// The changes a criterion can show.
const (
	Rose          Change = "rose"       // rated higher (a yes where there was a no)
	Fell          Change = "fell"       // rated lower
	NewlyRated    Change = "answered"   // newly answered
	NoLongerRated Change = "unanswered" // answered before, no longer
)

// Diff is the progress between two assessments of one person.
type Diff struct {
	Old, New *Result
	// Levels has one entry per level of the rubric, lowest first.
	Levels []TargetChange
	// Specialties are those scored in either assessment: the new one's in
	// its order (best first), then those only the old one scored.
	Specialties []TargetChange
	// Criteria are the criteria whose answer changed, in rubric order.
	Criteria []CriterionChange
}

// TargetChange is a level or specialty before and after.
type TargetChange struct {
	ID        string
	Specialty bool
	Before    *TargetScore // nil when the old assessment did not score it
	After     *TargetScore // nil when the new one does not
}

// CriterionChange is one criterion whose answer changed.
type CriterionChange struct {
	ID     string
	Change Change
	Before *Rating // nil when unanswered
	After  *Rating
}

// NewDiff compares two scored assessments, old first. Both must have been
// scored against r.
func NewDiff(r *rubric.Rubric, old, new *Result) *Diff {
	d := &Diff{Old: old, New: new}
	for i := range r.Levels {
		d.Levels = append(d.Levels, TargetChange{ID: r.Levels[i].ID, Before: &old.Levels[i], After: &new.Levels[i]})
	}
	seen := map[string]bool{}
	for i := range new.Specialties {
		t := &new.Specialties[i]
		seen[t.ID] = true
		d.Specialties = append(d.Specialties, TargetChange{ID: t.ID, Specialty: true, Before: findScore(old.Specialties, t.ID), After: t})
	}
	var gone []TargetChange
	for i := range old.Specialties {
		t := &old.Specialties[i]
		if !seen[t.ID] {
			gone = append(gone, TargetChange{ID: t.ID, Specialty: true, Before: t})
		}
	}
	sort.SliceStable(gone, func(i, j int) bool { return r.SpecialtyIndex(gone[i].ID) < r.SpecialtyIndex(gone[j].ID) })
	d.Specialties = append(d.Specialties, gone...)

	for i := range r.Criteria {
		id := r.Criteria[i].ID
		before, hadBefore := old.Assessment.Ratings[id]
		after, hasAfter := new.Assessment.Ratings[id]
		c := CriterionChange{ID: id}
		switch {
		case !hadBefore && !hasAfter:
			continue
		case !hadBefore:
			c.Change = NewlyRated
		case !hasAfter:
			c.Change = NoLongerRated
		case after.Value > before.Value:
			c.Change = Rose
		case after.Value < before.Value:
			c.Change = Fell
		default:
			continue
		}
		if hadBefore {
			c.Before = &before
		}
		if hasAfter {
			c.After = &after
		}
		d.Criteria = append(d.Criteria, c)
	}
	return d
}

func findScore(list []TargetScore, id string) *TargetScore {
	for i := range list {
		if list[i].ID == id {
			return &list[i]
		}
	}
	return nil
}

// Count is the number of criteria with this change.
func (d *Diff) Count(c Change) int {
	n := 0
	for _, x := range d.Criteria {
		if x.Change == c {
			n++
		}
	}
	return n
}
