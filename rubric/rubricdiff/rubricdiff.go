// Package rubricdiff compares within and between rubrics: what one level
// asks beyond another ("what changes from Senior to Staff?"), and what
// changed between two versions of a rubric file, with the aliases that let
// old assessments follow renamed criteria.
package rubricdiff

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ladderhq/ladder/rubric"
	"github.com/ladderhq/ladder/rubric/importer/draft"
)

// LevelItem is one criterion that level B asks beyond level A.
type LevelItem struct {
	Criterion string
	// Replaces are the criteria of A's set that this one supersedes,
	// directly or through a chain: a stricter rung of the same line.
	Replaces []string
	// From and To are the ratings expected at A and at B, for a criterion
	// both levels count whose expectation rises.
	From, To int
}

// LevelDiff is what level To asks beyond level From.
type LevelDiff struct {
	From, To string
	New      []LevelItem // criteria B counts and A does not, replacing nothing
	Stricter []LevelItem // criteria that replace a rung of A with a stricter one
	Higher   []LevelItem // criteria both count, expected higher at B
	Notes    []string    // what the rubric notes about B
}

// Levels compares two levels of r: from must be below to.
func Levels(r *rubric.Rubric, from, to string) (*LevelDiff, error) {
	fi, ti := r.LevelIndex(from), r.LevelIndex(to)
	for _, id := range []string{from, to} {
		if r.LevelIndex(id) < 0 {
			var ids []string
			for _, l := range r.Levels {
				ids = append(ids, l.ID)
			}
			return nil, fmt.Errorf("no level %q in rubric %q (levels: %s)", id, r.ID, strings.Join(ids, ", "))
		}
	}
	if fi >= ti {
		return nil, fmt.Errorf("level %q is not above %q: give the lower level first", to, from)
	}
	d := &LevelDiff{From: from, To: to}
	inA := map[string]bool{}
	for _, id := range r.LevelCriteria(from) {
		inA[id] = true
	}
	for _, id := range r.LevelCriteria(to) {
		c := r.Criterion(id)
		if inA[id] {
			if a, b := r.Expect(c, from), r.Expect(c, to); b > a && c.Answer == rubric.ScaleAnswer {
				d.Higher = append(d.Higher, LevelItem{Criterion: id, From: a, To: b})
			}
			continue
		}
		if replaced := replacedIn(r, c, inA); len(replaced) > 0 {
			d.Stricter = append(d.Stricter, LevelItem{Criterion: id, Replaces: replaced})
			continue
		}
		d.New = append(d.New, LevelItem{Criterion: id})
	}
	for i := fi + 1; i <= ti; i++ {
		if n := r.Levels[i].Notes; n != "" {
			d.Notes = append(d.Notes, n)
		}
	}
	return d, nil
}

// replacedIn follows c's supersedes chain down to the criteria of set.
func replacedIn(r *rubric.Rubric, c *rubric.Criterion, set map[string]bool) []string {
	var out []string
	seen := map[string]bool{}
	var walk func(id string)
	walk = func(id string) {
		for _, old := range r.Criterion(id).Supersedes {
			if seen[old] || r.Criterion(old) == nil {
				continue
			}
			seen[old] = true
			if set[old] {
				out = append(out, old)
				continue
			}
			walk(old)
		}
	}
	walk(c.ID)
	return out
}

// Side names one of the two rubrics of a file diff.
type Side struct {
	File    string `json:"file"`
	ID      string `json:"id"`
	Version string `json:"version"`
}

// Rename pairs a criterion of the old rubric with its counterpart in the
// new one.
type Rename struct {
	Old, New string
	// Alias tells whether the new rubric lists the old id in its aliases
	// already.
	Alias bool
	// Score is how sure the pairing is (0..1): shared sources and words.
	Score float64
}

// Change is one field of a criterion that differs between the versions.
type Change struct {
	Criterion string // the new id
	Field     string // prompt, scope, strength, kind, answer, expect, group
	Old, New  string
}

// Elements lists the ids of one kind of element added or removed.
type Elements struct {
	Added   []string
	Removed []string
}

// FileDiff is what changed between two versions of a rubric.
type FileDiff struct {
	Old, New    Side
	Added       []string // criteria of the new rubric with no counterpart
	Removed     []string // criteria of the old rubric with no counterpart
	Renamed     []Rename
	Changes     []Change
	Levels      Elements
	Specialties Elements
	Groups      Elements
	Themes      Elements
	// Aliases suggests, per new criterion, the old id to list in its
	// aliases so that ladder migrate carries old ratings over.
	Aliases []Rename
}

// minScore is the least a pairing of two differently named criteria needs
// to count as a rename.
const minScore = 0.5

// Files compares two versions of a rubric.
func Files(old, new *rubric.Rubric, oldFile, newFile string) *FileDiff {
	d := &FileDiff{
		Old: Side{File: oldFile, ID: old.ID, Version: old.Version},
		New: Side{File: newFile, ID: new.ID, Version: new.Version},
	}
	pairs := map[string]string{} // old id -> new id
	for _, c := range old.Criteria {
		if new.Criterion(c.ID) != nil {
			pairs[c.ID] = c.ID
		} else if n := new.Resolve(c.ID); n != nil {
			pairs[c.ID] = n.ID
			d.Renamed = append(d.Renamed, Rename{Old: c.ID, New: n.ID, Alias: true, Score: 1})
		}
	}
	taken := map[string]bool{}
	for _, n := range pairs {
		taken[n] = true
	}
	// Renames: the best pairs of an unmatched old and an unmatched new
	// criterion, one to one.
	type cand struct {
		o, n  string
		score float64
	}
	var cands []cand
	for i := range old.Criteria {
		o := &old.Criteria[i]
		if _, ok := pairs[o.ID]; ok {
			continue
		}
		for j := range new.Criteria {
			n := &new.Criteria[j]
			if taken[n.ID] {
				continue
			}
			if s := likeness(o, n); s >= minScore {
				cands = append(cands, cand{o.ID, n.ID, s})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	for _, c := range cands {
		if _, ok := pairs[c.o]; ok || taken[c.n] {
			continue
		}
		pairs[c.o], taken[c.n] = c.n, true
		r := Rename{Old: c.o, New: c.n, Score: c.score}
		d.Renamed = append(d.Renamed, r)
		d.Aliases = append(d.Aliases, r)
	}
	sort.SliceStable(d.Renamed, func(i, j int) bool {
		return new.CriterionIndex(d.Renamed[i].New) < new.CriterionIndex(d.Renamed[j].New)
	})
	sort.SliceStable(d.Aliases, func(i, j int) bool {
		return new.CriterionIndex(d.Aliases[i].New) < new.CriterionIndex(d.Aliases[j].New)
	})
	for _, c := range old.Criteria {
		if _, ok := pairs[c.ID]; !ok {
			d.Removed = append(d.Removed, c.ID)
		}
	}
	for _, c := range new.Criteria {
		if !taken[c.ID] {
			d.Added = append(d.Added, c.ID)
		}
	}
	for _, c := range old.Criteria {
		if n, ok := pairs[c.ID]; ok {
			d.Changes = append(d.Changes, changes(old, new, &c, new.Criterion(n))...)
		}
	}
	sort.SliceStable(d.Changes, func(i, j int) bool {
		return new.CriterionIndex(d.Changes[i].Criterion) < new.CriterionIndex(d.Changes[j].Criterion)
	})
	d.Levels = elements(ids(old.Levels, func(l rubric.Level) string { return l.ID }), ids(new.Levels, func(l rubric.Level) string { return l.ID }))
	d.Specialties = elements(ids(old.Specialties, func(s rubric.Specialty) string { return s.ID }), ids(new.Specialties, func(s rubric.Specialty) string { return s.ID }))
	d.Groups = elements(ids(old.Groups, func(g rubric.Group) string { return g.ID }), ids(new.Groups, func(g rubric.Group) string { return g.ID }))
	d.Themes = elements(ids(old.Themes, func(t rubric.Theme) string { return t.ID }), ids(new.Themes, func(t rubric.Theme) string { return t.ID }))
	return d
}

// likeness scores how much two criteria look like one: the sources they
// share weigh most (a rename keeps its place in the ladder), then the words
// of their prompts, then their place in the rubric.
func likeness(o, n *rubric.Criterion) float64 {
	words := draft.Jaccard(draft.Content(o.Prompt), draft.Content(n.Prompt))
	score := words
	if len(o.Sources) > 0 && len(n.Sources) > 0 {
		src := draft.Jaccard(toSet(o.Sources), toSet(n.Sources))
		score = max(score, 0.7*src+0.3*words)
	}
	if scope(o) == scope(n) {
		score += 0.05
	}
	return min(score, 1)
}

func toSet(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[s] = true
	}
	return m
}

// scope is where a criterion counts: its level, or its specialties.
func scope(c *rubric.Criterion) string {
	if c.Level != "" {
		return "level " + c.Level
	}
	sp := append([]string(nil), c.Specialties...)
	sort.Strings(sp)
	return "specialty " + strings.Join(sp, ", ")
}

func changes(oldR, newR *rubric.Rubric, o, n *rubric.Criterion) []Change {
	var out []Change
	add := func(field, a, b string) {
		if a != b {
			out = append(out, Change{Criterion: n.ID, Field: field, Old: a, New: b})
		}
	}
	add("prompt", o.Prompt, n.Prompt)
	add("scope", scope(o), scope(n))
	add("strength", string(o.Strength), string(n.Strength))
	add("kind", string(o.Kind), string(n.Kind))
	add("answer", string(o.Answer), string(n.Answer))
	add("expect", expectText(oldR, o), expectText(newR, n))
	add("group", o.Group, n.Group)
	return out
}

func expectText(r *rubric.Rubric, c *rubric.Criterion) string {
	if c.Expect > 0 {
		return fmt.Sprint(c.Expect)
	}
	return "the level's"
}

func ids[T any](list []T, id func(T) string) []string {
	out := make([]string, len(list))
	for i, x := range list {
		out[i] = id(x)
	}
	return out
}

func elements(old, new []string) Elements {
	var e Elements
	inOld, inNew := toSet(old), toSet(new)
	for _, id := range new {
		if !inOld[id] {
			e.Added = append(e.Added, id)
		}
	}
	for _, id := range old {
		if !inNew[id] {
			e.Removed = append(e.Removed, id)
		}
	}
	return e
}

// Count is the number of criteria that changed in any way.
func (d *FileDiff) Count() int {
	touched := map[string]bool{}
	for _, c := range d.Changes {
		touched[c.Criterion] = true
	}
	for _, r := range d.Renamed {
		touched[r.New] = true
	}
	return len(d.Added) + len(d.Removed) + len(touched)
}
