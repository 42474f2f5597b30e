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

// Rubrics of extreme shapes validate in a moment, every problem reported:
// the checks grow with the rubric, not with its square (these took from
// seconds to hours).
func TestExtremeRubricsValidateQuickly(t *testing.T) {
	for _, tc := range []struct {
		name     string
		src      string
		problems int
		first    string
	}{
		{"10,000-long supersedes chain", shapes.SupersedesChain(10_000), 0, ""},
		{"10,000-long supersedes chain in one level", shapes.FlatSupersedesChain(10_000), 9_999,
			`shape.yaml:15:56: criterion "c1" (level l0) supersedes "c0" (level l0): it must come from a higher level`},
		{"3,000 levels", shapes.ManyLevels(3_000), 0, ""},
		{"10,000 nested groups", shapes.NestedGroups(10_000), 0, ""},
		{"a cycle of 10,000 groups", groupCycle(10_000), 10_000,
			`shape.yaml:14:39: group "g0" is nested in itself (a group cycle)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := Parse("shape.yaml", []byte(tc.src))
				done <- err
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(20 * time.Second): // measured well under a second
				t.Fatal("not done after 20s")
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
