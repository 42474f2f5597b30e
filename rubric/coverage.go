package rubric

import (
	"sort"

	"github.com/ladderhq/ladder/rubric/sourceref"
)

// Coverage compares a rubric with the page it was written from.
type Coverage struct {
	// Missing are the list items of the page no criterion, group or
	// not_assessed entry cites.
	Missing []sourceref.Item
	// Unknown are the references that name nothing on the page, each with
	// who cites it ("criterion x", "group y", "not_assessed"), sorted.
	Unknown []UnknownRef
}

// UnknownRef is a reference to nothing on the page.
type UnknownRef struct {
	Ref     string
	CitedBy []string
}

// CheckCoverage reports what of page the rubric leaves unaccounted for, and
// what it cites that the page does not have.
func CheckCoverage(r *Rubric, page *sourceref.Page) Coverage {
	citedBy := map[string][]string{}
	cite := func(who string, refs []string) {
		for _, ref := range refs {
			citedBy[ref] = append(citedBy[ref], who)
		}
	}
	for _, c := range r.Criteria {
		cite("criterion "+c.ID, c.Sources)
	}
	for _, g := range r.Groups {
		cite("group "+g.ID, g.Sources)
	}
	for _, na := range r.NotAssessed {
		cite("not_assessed", na.Sources)
	}
	var cov Coverage
	for _, it := range page.Items {
		if len(citedBy[it.Ref]) == 0 {
			cov.Missing = append(cov.Missing, it)
		}
	}
	for ref, who := range citedBy {
		if !page.Has(ref) {
			cov.Unknown = append(cov.Unknown, UnknownRef{Ref: ref, CitedBy: who})
		}
	}
	sort.Slice(cov.Unknown, func(i, j int) bool { return cov.Unknown[i].Ref < cov.Unknown[j].Ref })
	return cov
}
