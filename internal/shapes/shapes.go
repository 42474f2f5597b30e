// Package shapes writes rubric files of extreme shapes for the tests and
// benchmarks that bound the work ladder does on them: a small file must
// never cost minutes to validate or score.
package shapes

import (
	"fmt"
	"math"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

// head is a rubric's opening, up to and including its levels: levels l0,
// l1, ... each expecting 3 on a 0..4 scale.
func head(levels int) *strings.Builder {
	var b strings.Builder
	b.WriteString("format: ladder/rubric/v1\nid: shape\nversion: \"1\"\ntitle: A rubric of an extreme shape\n")
	b.WriteString("scale:\n")
	for v, label := range []string{"Not yet", "Beginning", "Developing", "Consistent", "Leading"} {
		fmt.Fprintf(&b, "  - {value: %d, label: %s}\n", v, label)
	}
	b.WriteString("levels:\n")
	for i := range levels {
		fmt.Fprintf(&b, "  - {id: l%d, title: Level %d, grade: %d, expect: 3}\n", i, i, i+1)
	}
	return &b
}

// SupersedesChain is a valid rubric of n levels whose criteria form one
// supersedes chain: c<i>, of level l<i>, supersedes c<i-1>.
func SupersedesChain(n int) string {
	b := head(n)
	b.WriteString("criteria:\n")
	for i := range n {
		fmt.Fprintf(b, "  - {id: c%d, level: l%d, prompt: \"Rung %d?\"", i, i, i)
		if i > 0 {
			fmt.Fprintf(b, ", supersedes: [c%d]", i-1)
		}
		b.WriteString("}\n")
	}
	return b.String()
}

// FlatSupersedesChain is the same chain of n criteria written within one
// level: invalid, with one problem per link (a criterion must supersede one
// of a lower level), all of which validation reports.
func FlatSupersedesChain(n int) string {
	b := head(1)
	b.WriteString("criteria:\n")
	for i := range n {
		fmt.Fprintf(b, "  - {id: c%d, level: l0, prompt: \"Rung %d?\"", i, i)
		if i > 0 {
			fmt.Fprintf(b, ", supersedes: [c%d]", i-1)
		}
		b.WriteString("}\n")
	}
	return b.String()
}

// ManyLevels is a valid rubric of n levels with one criterion each: every
// level scores every criterion of the levels below it.
func ManyLevels(n int) string {
	b := head(n)
	b.WriteString("criteria:\n")
	for i := range n {
		fmt.Fprintf(b, "  - {id: c%d, level: l%d, prompt: \"Skill %d?\"}\n", i, i, i)
	}
	return b.String()
}

// NestedGroups is a valid rubric of one level whose n groups nest each in
// the one before, each with one criterion of its own.
func NestedGroups(n int) string {
	b := head(1)
	b.WriteString("groups:\n")
	for i := range n {
		fmt.Fprintf(b, "  - {id: g%d, title: Group %d, min: 1", i, i)
		if i > 0 {
			fmt.Fprintf(b, ", group: g%d", i-1)
		}
		b.WriteString("}\n")
	}
	b.WriteString("criteria:\n")
	for i := range n {
		fmt.Fprintf(b, "  - {id: c%d, level: l0, group: g%d, prompt: \"Skill %d?\"}\n", i, i, i)
	}
	return b.String()
}

// Growth is how much longer f takes on a shape four times as large: the
// time of f(4n) over the time of f(n), each the fastest of seven runs with
// the garbage collector held off, so that neither a busy machine nor the
// size of the heap disturbs it much. Work that grows linearly gives about
// 4 (n log n a little more); work that grows with the square, 16.
func Growth(f func(n int), n int) float64 {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	fastest := func(n int) time.Duration {
		best := time.Duration(math.MaxInt64)
		for range 7 {
			runtime.GC()
			start := time.Now()
			f(n)
			best = min(best, time.Since(start))
		}
		return best
	}
	small := fastest(n)
	return float64(fastest(4*n)) / float64(max(small, time.Microsecond))
}
