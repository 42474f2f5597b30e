package rubric

import (
	"math/rand/v2"
	"testing"
)

// rangeMax agrees with a plain scan on every range of random lists.
func TestRangeMaxAgreesWithAScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 1; n <= 40; n++ {
		vals := make([]int, n)
		for i := range vals {
			vals[i] = rng.IntN(9)
		}
		rm := newRangeMax(n, func(i int) int { return vals[i] })
		for from := 0; from < n; from++ {
			for to := from + 1; to <= n; to++ {
				want := vals[from]
				for _, v := range vals[from:to] {
					want = max(want, v)
				}
				if got := rm.max(from, to); got != want {
					t.Fatalf("n=%d: max[%d,%d) = %d, want %d", n, from, to, got, want)
				}
			}
		}
	}
}
