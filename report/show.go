package report

import (
	"fmt"

	"github.com/ladderhq/ladder/rubric"
)

// Show is one element of the rubric and what it contains.
type Show struct {
	Kind         string              `json:"kind" yaml:"kind"`
	Level        *rubric.Level       `json:"level,omitempty" yaml:"level,omitempty"`
	Specialty    *rubric.Specialty   `json:"specialty,omitempty" yaml:"specialty,omitempty"`
	Group        *rubric.Group       `json:"group,omitempty" yaml:"group,omitempty"`
	Criterion    *rubric.Criterion   `json:"criterion,omitempty" yaml:"criterion,omitempty"`
	Theme        *rubric.Theme       `json:"theme,omitempty" yaml:"theme,omitempty"`
	SupersededBy []string            `json:"superseded_by,omitempty" yaml:"superseded_by,omitempty"`
	Groups       []rubric.Group      `json:"groups,omitempty" yaml:"groups,omitempty"`
	Criteria     []*rubric.Criterion `json:"criteria,omitempty" yaml:"criteria,omitempty"`
}

// NewShow finds an element by id.
func NewShow(r *rubric.Rubric, id string) (*Show, error) {
	crit := func(ids []string) []*rubric.Criterion {
		out := []*rubric.Criterion{}
		for _, cid := range ids {
			out = append(out, r.Criterion(cid))
		}
		return out
	}
	groupsOf := func(ids []string) []rubric.Group {
		seen := map[string]bool{}
		var out []rubric.Group
		for _, cid := range ids {
			for g := r.Criterion(cid).Group; g != ""; g = r.GroupByID(g).Group {
				if !seen[g] {
					seen[g] = true
					out = append(out, *r.GroupByID(g))
				}
			}
		}
		return out
	}
	switch {
	case r.Level(id) != nil:
		ids := r.LevelCriteria(id)
		return &Show{Kind: "level", Level: r.Level(id), Criteria: crit(ids), Groups: groupsOf(ids)}, nil
	case r.Specialty(id) != nil:
		ids := r.SpecialtyCriteria(id)
		return &Show{Kind: "specialty", Specialty: r.Specialty(id), Criteria: crit(ids), Groups: groupsOf(ids)}, nil
	case r.GroupByID(id) != nil:
		ids := r.GroupCriteria(id)
		return &Show{Kind: "group", Group: r.GroupByID(id), Criteria: crit(ids), Groups: groupsOf(ids)}, nil
	case r.Resolve(id) != nil:
		c := r.Resolve(id)
		return &Show{Kind: "criterion", Criterion: c, SupersededBy: r.SupersededBy(c.ID), Groups: groupsOf([]string{c.ID})}, nil
	case r.Theme(id) != nil:
		var ids []string
		for _, c := range r.Criteria {
			if c.Theme == id {
				ids = append(ids, c.ID)
			}
		}
		return &Show{Kind: "theme", Theme: r.Theme(id), Criteria: crit(ids)}, nil
	}
	return nil, fmt.Errorf("no level, specialty, group, criterion or theme %q in rubric %q (ladder rubric list shows the ids)", id, r.ID)
}
