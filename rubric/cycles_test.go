package rubric

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/internal/doc"
	"github.com/ladderhq/ladder/internal/shapes"
)

// components agrees with the definition, each node reaching the other, on
// random graphs small enough to check by brute force.
func TestComponentsMatchMutualReachability(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		n := 1 + rng.IntN(9)
		edges := make([][]int, n)
		for range rng.IntN(2 * n) {
			u := rng.IntN(n)
			edges[u] = append(edges[u], rng.IntN(n))
		}
		reach := make([][]bool, n)
		for v := range n {
			reach[v] = make([]bool, n)
			stack := []int{v}
			reach[v][v] = true
			for len(stack) > 0 {
				u := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				for _, w := range edges[u] {
					if !reach[v][w] {
						reach[v][w] = true
						stack = append(stack, w)
					}
				}
			}
		}
		comp := components(n, edges)
		for u := range n {
			for w := range n {
				if same, mutual := comp[u] == comp[w], reach[u][w] && reach[w][u]; same != mutual {
					t.Fatalf("edges %v: %d and %d in one component %v, reach each other %v", edges, u, w, same, mutual)
				}
			}
		}
	}
}

// A chain long enough to overflow a recursive walk's patience is one
// component per node.
func TestComponentsOfALongChain(t *testing.T) {
	const n = 200_000
	edges := make([][]int, n)
	for i := 1; i < n; i++ {
		edges[i] = []int{i - 1}
	}
	comp := components(n, edges)
	seen := map[int]bool{}
	for _, c := range comp {
		seen[c] = true
	}
	if len(seen) != n {
		t.Errorf("%d components, want %d", len(seen), n)
	}
	edges[0] = []int{n - 1} // close the loop
	comp = components(n, edges)
	for _, c := range comp {
		if c != comp[0] {
			t.Fatal("a closed chain is not one component")
		}
	}
}

// naiveCycles reports, the slow way, the groups and criteria the validator
// calls part of a cycle: a group whose parents, followed up, come back to
// it; a criterion whose supersedes, followed down, come back to it. An id
// written twice (itself an error) leads wherever either entry leads.
func naiveCycles(r *Rubric) (groups, criteria []string) {
	reaches := func(from []string, to string, next func(id string) []string) bool {
		stack, seen := append([]string(nil), from...), map[string]bool{}
		for len(stack) > 0 {
			id := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if id == to {
				return true
			}
			if !seen[id] {
				seen[id] = true
				stack = append(stack, next(id)...)
			}
		}
		return false
	}
	parents := func(id string) (out []string) {
		for _, g := range r.Groups {
			if g.ID == id && g.Group != "" {
				out = append(out, g.Group)
			}
		}
		return out
	}
	superseded := func(id string) (out []string) {
		for _, c := range r.Criteria {
			if c.ID == id {
				out = append(out, c.Supersedes...)
			}
		}
		return out
	}
	for _, g := range r.Groups {
		if g.Group != "" && r.GroupByID(g.Group) != nil && reaches([]string{g.Group}, g.ID, parents) {
			groups = append(groups, g.ID)
		}
	}
	for _, c := range r.Criteria {
		var known []string
		for _, old := range c.Supersedes {
			if r.Criterion(old) != nil {
				known = append(known, old)
			}
		}
		if reaches(known, c.ID, superseded) {
			criteria = append(criteria, c.ID)
		}
	}
	return groups, criteria
}

// On random nestings and supersedes, with cycles, unknown ids and duplicate
// ids, the validator reports exactly the cycles the definition finds.
func TestCyclesMatchTheirDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for n := range 400 {
		var b strings.Builder
		b.WriteString(strings.Split(shapes.ManyLevels(1), "criteria:")[0])
		b.WriteString("groups:\n")
		ng, nc := 1+rng.IntN(6), 1+rng.IntN(6)
		for range ng {
			fmt.Fprintf(&b, "  - {id: g%d, title: G, min: 1", rng.IntN(ng))
			if p := rng.IntN(ng + 2); p < ng+1 {
				fmt.Fprintf(&b, ", group: g%d", p) // g<ng> is unknown
			}
			b.WriteString("}\n")
		}
		b.WriteString("criteria:\n")
		for range nc {
			fmt.Fprintf(&b, "  - {id: c%d, level: l0, prompt: P, supersedes: [", rng.IntN(nc))
			for k := range rng.IntN(3) {
				if k > 0 {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, "c%d", rng.IntN(nc+1))
			}
			b.WriteString("]}\n")
		}
		src := b.String()
		_, err := Parse("r.yaml", []byte(src))
		var ve *ValidationError
		if !errors.As(err, &ve) {
			continue // valid, or not even decoded
		}
		var gotG, gotC []string
		for _, p := range ve.Problems {
			var id string
			if _, err := fmt.Sscanf(p.Msg, "group %q is nested in itself", &id); err == nil {
				gotG = append(gotG, id)
			}
			if _, err := fmt.Sscanf(p.Msg, "criterion %q is part of a supersedes cycle", &id); err == nil {
				gotC = append(gotC, id)
			}
		}
		// Decode again to walk the same rubric the slow way.
		d, _ := doc.Parse("r.yaml", []byte(src))
		r, _ := decode(d)
		r.idx = newIndex(r)
		wantG, wantC := naiveCycles(r)
		sort.Strings(gotG)
		sort.Strings(gotC)
		sort.Strings(wantG)
		sort.Strings(wantC)
		if !reflect.DeepEqual(gotG, wantG) || !reflect.DeepEqual(gotC, wantC) {
			t.Fatalf("case %d: groups %v, want %v; criteria %v, want %v\n%s", n, gotG, wantG, gotC, wantC, src)
		}
	}
}
