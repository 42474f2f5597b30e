package rubric

import "math/bits"

// Questions. A criterion is what a score counts; a question is what a person
// is asked. Most criteria ask their own question, but a ladder often asks
// for the same thing in several places: "How strong is your Go?" is part of
// five specialties, each grouping it its own way (alone, "Go and Ruby",
// "Go or Ruby"), each expecting its own rating. Those criteria share one
// question, so that a person choosing several specialties answers it once:
//
//   - same_as: ID on a criterion makes it ask the question of criterion ID,
//     whose prompt, help and answer type it takes;
//   - criteria whose prompts are the very same words (and answer type) ask
//     one question too: asking them twice would only ask for the answer
//     again.
//
// One answer rates every criterion of a question; each keeps its own
// strength, group, expectation and specialty.

// questions is the part of the index about asking.
type questions struct {
	root      map[string]string   // criterion -> the first criterion (rubric order) of its question
	members   map[string][]string // root -> the criteria of its question, rubric order
	topExpect map[string]int      // criterion -> the highest rating it is expected at
}

func newQuestions(r *Rubric, x *index) questions {
	n := len(r.Criteria)
	q := questions{root: make(map[string]string, n), members: make(map[string][]string, n), topExpect: make(map[string]int, n)}

	// Union-find over rubric positions; the root of a set is its smallest
	// position, so that a question is named by its first criterion.
	parent := make([]int, len(r.Criteria))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(i, j int) {
		a, b := find(i), find(j)
		if a > b {
			a, b = b, a
		}
		parent[b] = a
	}
	type wording struct {
		prompt string
		answer Answer
	}
	first := make(map[wording]int, n)
	for i := range r.Criteria {
		c := &r.Criteria[i]
		if c.SameAs != "" {
			union(i, x.criterion[c.SameAs])
		}
		w := wording{c.Prompt, c.Answer}
		if j, ok := first[w]; ok {
			union(i, j)
		} else {
			first[w] = i
		}
	}
	for i := range r.Criteria {
		root := r.Criteria[find(i)].ID
		q.root[r.Criteria[i].ID] = root
		q.members[root] = append(q.members[root], r.Criteria[i].ID)
	}

	// The highest expectation over the run of levels that hold a
	// criterion: a range maximum, answered in constant time from a sparse
	// table, so that a rubric of many levels costs n log n, not n².
	top := newRangeMax(len(r.Levels), func(li int) int { return r.Levels[li].Expect })
	for i, run := range x.levelRun {
		if run.from >= run.to {
			continue
		}
		c := &r.Criteria[i]
		if c.Expect > 0 {
			q.topExpect[c.ID] = c.Expect
		} else {
			q.topExpect[c.ID] = top.max(run.from, run.to)
		}
	}
	for i := range r.Criteria {
		c := &r.Criteria[i]
		switch {
		case c.Answer == YesNo:
			q.topExpect[c.ID] = 1
		case !c.General():
			q.topExpect[c.ID] = r.Expect(c, "")
		}
	}
	return q
}

// Question names the question criterion id asks: the first criterion, in
// rubric order, that asks it. A criterion with a question of its own names
// itself.
func (r *Rubric) Question(id string) string { return r.idx.questions.root[id] }

// SameQuestion lists every criterion that asks the question criterion id
// asks, itself included, in rubric order.
func (r *Rubric) SameQuestion(id string) []string {
	return r.idx.questions.members[r.idx.questions.root[id]]
}

// TopExpect is the highest rating criterion id is expected at anywhere it
// counts (every level whose set holds it, or its specialties): a rating at
// least this high meets it wherever it is scored. 1 (yes) for a yes/no
// criterion.
func (r *Rubric) TopExpect(id string) int { return r.idx.questions.topExpect[id] }

// checkSameAs checks each same_as and gives the criterion the question it
// names: its prompt, help and answer type. A criterion may repeat them, as
// an export does, but not change them.
func (r *Rubric) checkSameAs(p *problems) {
	for i := range r.Criteria {
		c := &r.Criteria[i]
		if c.SameAs == "" {
			continue
		}
		o := r.Criterion(c.SameAs)
		switch {
		case o == nil:
			p.add(c.at.of("same_as"), "criterion %q: same_as names unknown criterion %q", c.ID, c.SameAs)
			continue
		case o.ID == c.ID:
			p.add(c.at.of("same_as"), "criterion %q: same_as names itself", c.ID)
			continue
		case o.SameAs != "":
			p.add(c.at.of("same_as"), "criterion %q: same_as names %q, which asks the question of %q itself; name %q", c.ID, o.ID, o.SameAs, o.SameAs)
			continue
		}
		if c.Prompt != "" && c.Prompt != o.Prompt {
			p.add(c.at.of("prompt"), "criterion %q asks the question of %q (same_as), so it takes that prompt; leave its own out", c.ID, o.ID)
		}
		if c.Help != "" && c.Help != o.Help {
			p.add(c.at.of("help"), "criterion %q asks the question of %q (same_as), so it takes that help; leave its own out", c.ID, o.ID)
		}
		if c.PromptOther != "" && c.PromptOther != o.PromptOther {
			p.add(c.at.of("prompt_other"), "criterion %q asks the question of %q (same_as), so it takes that prompt_other; leave its own out", c.ID, o.ID)
		}
		if _, given := c.at["answer"]; given && c.Answer != o.Answer {
			p.add(c.at.of("answer"), "criterion %q is answered %s, but %q, whose question it asks (same_as), is answered %s", c.ID, c.Answer, o.ID, o.Answer)
		}
		c.Prompt, c.PromptOther, c.Help, c.Answer = o.Prompt, o.PromptOther, o.Help, o.Answer
	}
	r.shareOtherPrompts(p)
}

// shareOtherPrompts gives criteria that ask one question in the very same
// words one prompt_other too: the one some of them give (they may not give
// two), so that a manager or peer is asked it the same way wherever it is
// asked.
func (r *Rubric) shareOtherPrompts(p *problems) {
	type wording struct {
		prompt string
		answer Answer
	}
	given := map[wording]*Criterion{}
	for i := range r.Criteria {
		c := &r.Criteria[i]
		w := wording{c.Prompt, c.Answer}
		if c.PromptOther == "" || c.Prompt == "" {
			continue
		}
		switch first := given[w]; {
		case first == nil:
			given[w] = c
		case first.PromptOther != c.PromptOther:
			p.add(c.at.of("prompt_other"), "criterion %q asks the question of %q (the same prompt), but gives another prompt_other; give the same one or leave it out", c.ID, first.ID)
		}
	}
	for i := range r.Criteria {
		c := &r.Criteria[i]
		if first := given[wording{c.Prompt, c.Answer}]; c.PromptOther == "" && first != nil {
			c.PromptOther = first.PromptOther
		}
	}
}

// Outranks reports whether criterion higher supersedes criterion lower,
// directly or through a chain of rungs between them.
func (r *Rubric) Outranks(higher, lower string) bool {
	c := r.Criterion(higher)
	if c == nil {
		return false
	}
	for _, old := range c.Supersedes {
		if old == lower || r.Outranks(old, lower) {
			return true
		}
	}
	return false
}

// rangeMax answers the maximum of a fixed list over any range [from, to)
// in constant time, after n log n work: level k of the table holds the
// maxima of the ranges of length 2^k.
type rangeMax [][]int

func newRangeMax(n int, value func(int) int) rangeMax {
	if n == 0 {
		return nil
	}
	t := rangeMax{make([]int, n)}
	for i := range n {
		t[0][i] = value(i)
	}
	for k := 1; 1<<k <= n; k++ {
		prev, half := t[k-1], 1<<(k-1)
		row := make([]int, n-(1<<k)+1)
		for i := range row {
			row[i] = max(prev[i], prev[i+half])
		}
		t = append(t, row)
	}
	return t
}

// max is the largest value in [from, to); to > from.
func (t rangeMax) max(from, to int) int {
	k := bits.Len(uint(to-from)) - 1
	return max(t[k][from], t[k][to-(1<<k)])
}
