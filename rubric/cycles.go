package rubric

// components numbers the strongly connected components of a directed graph
// of n nodes (Tarjan's algorithm, with an explicit stack so that a chain of
// a hundred thousand nodes needs no deep recursion). Two nodes share a
// component exactly when each can reach the other, so an edge u -> w lies
// on a cycle exactly when u and w share a component. It runs in time
// proportional to the nodes and edges.
func components(n int, edges [][]int) []int {
	const unvisited = -1
	var (
		order   = make([]int, n) // visit number, or unvisited
		low     = make([]int, n)
		comp    = make([]int, n)
		onStack = make([]bool, n)
		stack   []int
		next    int
		ncomp   int
	)
	for v := range order {
		order[v] = unvisited
	}
	type frame struct{ v, edge int }
	for root := range n {
		if order[root] != unvisited {
			continue
		}
		calls := []frame{{v: root}}
		order[root], low[root] = next, next
		next++
		stack = append(stack, root)
		onStack[root] = true
		for len(calls) > 0 {
			f := &calls[len(calls)-1]
			v := f.v
			if f.edge < len(edges[v]) {
				w := edges[v][f.edge]
				f.edge++
				switch {
				case order[w] == unvisited:
					order[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					calls = append(calls, frame{v: w})
				case onStack[w]:
					low[v] = min(low[v], order[w])
				}
				continue
			}
			calls = calls[:len(calls)-1]
			if len(calls) > 0 {
				parent := calls[len(calls)-1].v
				low[parent] = min(low[parent], low[v])
			}
			if low[v] == order[v] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp[w] = ncomp
					if w == v {
						break
					}
				}
				ncomp++
			}
		}
	}
	return comp
}
