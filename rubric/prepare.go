package rubric

import "github.com/ladderhq/ladder/internal/doc"

// Prepare normalizes, validates and indexes a rubric built in Go rather than
// parsed from a file (the built-in rubric is compiled into the binary this
// way, to spare every start-up a YAML parse). Problems carry the name but no
// positions. Prepare takes ownership of r.
func Prepare(name string, r *Rubric) (*Rubric, error) {
	r.fromGo(name)
	if err := r.validate(&doc.Document{File: name}); err != nil {
		return nil, err
	}
	return r, nil
}

// PrepareValid indexes a rubric built in Go that Prepare has found valid
// before, as Prepare would, without validating it again: the built-in
// rubric is validated when it is compiled in, and a test holds what this
// returns for it to what Prepare returns. Validating it at every start-up
// cost more than the rest of a short command. PrepareValid takes ownership
// of r.
func PrepareValid(name string, r *Rubric) *Rubric {
	r.fromGo(name)
	r.idx = newIndex(r)
	r.idx.finish(r)
	return r
}

// fromGo readies a rubric built in Go for validation or indexing: its name,
// the positions validation asks for, and its defaults.
func (r *Rubric) fromGo(name string) {
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
}
