package rubric

import (
	"math/rand/v2"
	"testing"
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
