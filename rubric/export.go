package rubric

// Export returns the rubric as it should be written out: every default filled
// in, empty lists as empty lists (never null), source and specialty always as
// the lists sources and specialties. Marshalled to YAML or JSON, the result
// is a valid rubric file that loads back to the same rubric.
func Export(r *Rubric) *Rubric {
	out := *r
	out.Scale = nonNil(r.Scale)
	out.Levels = nonNil(r.Levels)
	out.Themes = nonNil(r.Themes)
	out.Specialties = nonNil(r.Specialties)
	out.Groups = nonNil(r.Groups)
	out.NotAssessed = make([]NotAssessed, len(r.NotAssessed))
	for i, na := range r.NotAssessed {
		out.NotAssessed[i] = NotAssessed{Sources: nonNil(na.Sources), Reason: na.Reason}
	}
	out.Criteria = make([]Criterion, len(r.Criteria))
	copy(out.Criteria, r.Criteria)
	return &out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
