package rubric

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder/internal/shapes"
)

// groupCycle is n groups each nested in the next, the last in the first.
func groupCycle(n int) string {
	var b strings.Builder
	b.WriteString(strings.Split(shapes.ManyLevels(1), "criteria:")[0])
	b.WriteString("groups:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {id: g%d, title: G, min: 1, group: g%d}\n", i, (i+1)%n)
	}
	b.WriteString("criteria:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {id: c%d, level: l0, group: g%d, prompt: P}\n", i, i)
	}
	return b.String()
}

// Rubrics of extreme shapes validate in time that grows with their size,
// not with its square (validating some of these at their size in the
// benchmarks took from seconds to hours), and every problem is reported.
func TestExtremeRubricsValidateInLinearTime(t *testing.T) {
	for _, tc := range []struct {
		name     string
		shape    func(n int) string
		n        int // measured at n and 4n
		problems int // at 4n
		first    string
	}{
		{"supersedes chain", shapes.SupersedesChain, 1_000, 0, ""},
		{"supersedes chain in one level", shapes.FlatSupersedesChain, 1_000, 3_999,
			`shape.yaml:15:56: criterion "c1" (level l0) supersedes "c0" (level l0): it must come from a higher level`},
		{"levels", shapes.ManyLevels, 750, 0, ""},
		{"nested groups", shapes.NestedGroups, 1_000, 0, ""},
		{"a cycle of groups", groupCycle, 1_000, 4_000,
			`shape.yaml:14:39: group "g0" is nested in itself (a group cycle)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := map[int][]byte{tc.n: []byte(tc.shape(tc.n)), 4 * tc.n: []byte(tc.shape(4 * tc.n))}
			var err error
			growth := make(chan float64, 1)
			go func() {
				growth <- shapes.Growth(func(n int) { _, err = Parse("shape.yaml", src[n]) }, tc.n)
			}()
			select {
			case g := <-growth:
				// Linear work measures 3 to 6, with or without the race
				// detector, and up to 9 on a loaded machine; quadratic work
				// measures 16.
				if g > 10 {
					t.Errorf("4 times the size took %.1f times as long", g)
				}
			case <-time.After(60 * time.Second): // measured at a second or two
				t.Fatal("not done after 60s")
			}
			var ve *ValidationError
			switch {
			case tc.problems == 0 && err != nil:
				t.Fatal(err)
			case tc.problems == 0:
			case !errors.As(err, &ve):
				t.Fatalf("got %v, want %d problems", err, tc.problems)
			case len(ve.Problems) != tc.problems || ve.Problems[0].Error() != tc.first:
				t.Errorf("%d problems, the first %s; want %d, the first %s", len(ve.Problems), ve.Problems[0], tc.problems, tc.first)
			}
		})
	}
}

// BenchmarkValidate loads and validates rubrics of extreme shapes beside the
// built-in rubric, the baseline: compare each shape's time per run with the
// baseline's from the same run.
func BenchmarkValidate(b *testing.B) {
	builtin, err := os.ReadFile("../data/gitlab-backend-engineer.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		src  string
	}{
		{"baseline", string(builtin)},
		{"supersedes-chain-10000", shapes.SupersedesChain(10_000)},
		{"supersedes-chain-10000-in-one-level", shapes.FlatSupersedesChain(10_000)},
		{"levels-3000", shapes.ManyLevels(3_000)},
		{"nested-groups-10000", shapes.NestedGroups(10_000)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			src := []byte(bc.src)
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				_, _ = Parse("shape.yaml", src)
			}
		})
	}
}
