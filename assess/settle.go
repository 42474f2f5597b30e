package assess

import (
	"sort"

	"github.com/ladderhq/ladder/rubric"
)

// What an answer settles beyond its own criterion. Three things let an
// assessment ask fewer questions without knowing less:
//
//   - One question, several criteria: criteria that share a question
//     (rubric.Rubric.SameQuestion) take one answer.
//   - Rungs of a line: a criterion that supersedes another is the stricter
//     rung of the same line of the ladder ("ship large features" over "ship
//     moderately sized ones"). An answer that meets the stricter rung
//     wherever the lower one counts meets the lower one too: the lower one
//     is recorded as implied, with the same rating, and not asked. The
//     scorer already credits a lower rung at least what its superseder
//     earns (SPEC section 4), so the record changes no score; it says the
//     rung is settled, for ladder score and for --resume.
//   - Alternatives already met: once a group ("Ruby, or a desire to learn
//     it") has enough members met wherever it counts, its other members
//     cannot change any score. They are moot: not asked, and not counted
//     as unanswered.

// ratingCredit is what rating rt earns for criterion c against the rating
// expected: its share of it, capped at 1; a yes earns 1 and a no 0.
func ratingCredit(c *rubric.Criterion, rt Rating, expect int) float64 {
	if c.Answer == rubric.YesNo {
		return float64(rt.Value)
	}
	return ratingShare(rt.Value, expect)
}

// meetsEverywhere reports whether rating rt meets criterion c at every level
// and in every specialty that counts c.
func meetsEverywhere(r *rubric.Rubric, c *rubric.Criterion, rt Rating) bool {
	if rt.YesNo != (c.Answer == rubric.YesNo) {
		return false
	}
	return met(ratingCredit(c, rt, r.TopExpect(c.ID)))
}

// Moot returns the unanswered criteria whose answer cannot change any score
// (a "can't say" is an answer):
// those under a group (at any depth) that has enough members met wherever
// it counts, whatever the others would be rated. ladder assess does not ask
// them, and they are not counted as unanswered.
func Moot(r *rubric.Rubric, a *Assessment) map[string]bool {
	memo := map[string]bool{}
	var settled func(gid string) bool
	settled = func(gid string) bool {
		if v, ok := memo[gid]; ok {
			return v
		}
		crit, groups := r.Members(gid)
		n := 0
		for _, id := range crit {
			if rt, ok := a.Ratings[id]; ok && meetsEverywhere(r, r.Criterion(id), rt) {
				n++
			}
		}
		for _, sub := range groups {
			if settled(sub) {
				n++
			}
		}
		memo[gid] = n >= r.GroupByID(gid).Min
		return memo[gid]
	}
	var out map[string]bool
	for i := range r.Groups {
		if !settled(r.Groups[i].ID) {
			continue
		}
		for _, id := range r.GroupCriteria(r.Groups[i].ID) {
			if !a.Responded(id) {
				if out == nil {
					out = map[string]bool{}
				}
				out[id] = true
			}
		}
	}
	return out
}

// Settle brings the answers a's rater gave to the criteria they settle,
// within the questionnaire's scope: each answer to every criterion that
// shares its question and has none yet, and each rung an answer meets to
// the lower rungs, recorded as implied (Rating.Implied). Implied ratings
// that no answer implies any more (the rater went back and changed the
// stricter rung) are taken out and returned, so that their notes are not
// lost; changed says whether a's ratings changed.
func (q *Questionnaire) Settle(a *Assessment) (withdrawn map[string]Rating, changed bool) {
	r := q.r
	given := func(id string) (Rating, bool) {
		rt, ok := a.Ratings[id]
		return rt, ok && rt.Implied == ""
	}
	// answered: a rating the rater gave, or their "can't say".
	answered := func(id string) bool {
		_, ok := given(id)
		return ok || a.SaysCantSay(id)
	}

	// One question, one answer: copy to the criteria of the scope that share
	// it, from the criterion the questionnaire asks it for, else the first
	// that has one. A "can't say" is copied as such.
	for _, root := range q.roots {
		ids := q.sameInScope[root]
		src, ok := "", false
		if qu := q.byRoot[root]; qu != nil {
			ok = answered(qu.Criterion.ID)
			src = qu.Criterion.ID
		}
		for _, id := range ids {
			if ok {
				break
			}
			ok = answered(id)
			src = id
		}
		if !ok {
			continue
		}
		if note, cantSay := a.CantSay[src]; cantSay {
			for _, id := range ids {
				if answered(id) {
					continue
				}
				n := note
				if old, ok := a.Ratings[id]; ok && old.Note != "" {
					n = old.Note
				}
				a.MarkCantSay(id, n)
				changed = true
			}
			continue
		}
		from := a.Ratings[src]
		for _, id := range ids {
			if answered(id) {
				continue
			}
			rt := Rating{Value: from.Value, YesNo: from.YesNo, Note: from.Note}
			if old, ok := a.Ratings[id]; ok && old.Note != "" {
				rt.Note = old.Note
			}
			a.Ratings[id] = rt
			changed = true
		}
	}

	// Rungs: from the highest level down, so that an implied rung implies
	// the one below it in turn.
	implied := map[string]Rating{}
	current := func(id string) (Rating, bool) {
		if rt, ok := given(id); ok {
			return rt, true
		}
		rt, ok := implied[id]
		return rt, ok
	}
	for _, c := range q.byHeight {
		rt, ok := current(c.ID)
		if !ok {
			continue
		}
		by := c.ID
		if rt.Implied != "" {
			by = rt.Implied
		}
		for _, lower := range c.Supersedes {
			l := r.Criterion(lower)
			if !q.inScope[lower] || !meetsEverywhere(r, l, rt) {
				continue
			}
			// The rater's own answer to the lower rung stands, "can't
			// say" too.
			if _, has := current(lower); has || a.SaysCantSay(lower) {
				continue
			}
			implied[lower] = Rating{Value: rt.Value, YesNo: rt.YesNo, Implied: by}
		}
	}
	for _, c := range q.scope {
		old, ok := a.Ratings[c.ID]
		want, wanted := implied[c.ID]
		switch {
		case wanted && ok && old.Value == want.Value && old.YesNo == want.YesNo && old.Implied == want.Implied:
		case wanted:
			if ok {
				want.Note = old.Note
			}
			a.Ratings[c.ID] = want
			changed = true
		case ok && old.Implied != "":
			if withdrawn == nil {
				withdrawn = map[string]Rating{}
			}
			withdrawn[c.ID] = old
			delete(a.Ratings, c.ID)
			changed = true
		}
	}
	return withdrawn, changed
}

// byLevelDown orders general criteria from the highest level down, in
// rubric order within a level.
func byLevelDown(r *rubric.Rubric, cs []*rubric.Criterion) []*rubric.Criterion {
	var out []*rubric.Criterion
	for _, c := range cs {
		if c.General() && len(c.Supersedes) > 0 {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return r.LevelIndex(out[i].Level) > r.LevelIndex(out[j].Level) })
	return out
}
