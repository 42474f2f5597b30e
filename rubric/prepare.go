package rubric

import "github.com/ladderhq/ladder/internal/doc"

// Prepare normalizes, validates and indexes a rubric built in Go rather than
// parsed from a file (the built-in rubric is compiled into the binary this
// way, to spare every start-up a YAML parse). Problems carry the name but no
// positions. Prepare takes ownership of r.
func Prepare(name string, r *Rubric) (*Rubric, error) {
	r.file = name
	if r.at == nil {
		// Every default was filled in before the rubric was written as Go.
		r.at = positions{"thresholds.meets": {}, "thresholds.approaching": {}, "specialty_expect": {}}
		for i := range r.Levels {
			r.Levels[i].at = positions{"expect": {}}
		}
		for i := range r.Criteria {
			if r.Criteria[i].Expect != 0 {
				r.Criteria[i].at = positions{"expect": {}}
			}
		}
	}
	r.normalize()
	if err := r.validate(&doc.Document{File: name}); err != nil {
		return nil, err
	}
	return r, nil
}
