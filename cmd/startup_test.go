package cmd_test

import (
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// buildBinary builds a main package the way the Makefile does and returns
// the binary's path.
func buildBinary(b *testing.B, pkg, name string) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), name)
	out, err := exec.Command("go", "build", "-o", bin, pkg).CombinedOutput()
	if err != nil {
		b.Fatalf("go build %s: %v\n%s", pkg, err, out)
	}
	return bin
}

func runBinary(b *testing.B, bin string, args ...string) {
	b.Helper()
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		b.Fatalf("%s %v: %v\n%s", bin, args, err, out)
	}
}

// BenchmarkStartup starts ladder for short commands beside two baselines
// built the same way: a cobra program with one subcommand that prints a
// line (bare-cobra, testdata/barecobra), and the same with the libraries
// ladder cannot do without linked in and one table drawn (deps-floor,
// testdata/depfloor). Each of ladder's reports x-bare and x-deps, the
// ratio of its median to each baseline's over turns timed alternately, so
// that a shared machine's load weighs on all alike.
func BenchmarkStartup(b *testing.B) {
	bare := buildBinary(b, "./testdata/barecobra", "barecobra")
	deps := buildBinary(b, "./testdata/depfloor", "depfloor")
	ladder := buildBinary(b, "..", "ladder")
	for _, tc := range []struct {
		name string
		bin  string
		args []string
	}{
		{"bare-cobra", bare, []string{"list"}},
		{"deps-floor", deps, []string{"list"}},
		{"rubric-list", ladder, []string{"rubric", "list"}},
		{"score", ladder, []string{"score", "../examples/senior-gitaly.yaml"}},
		{"complete", ladder, []string{"__complete", "calibrate", "--view", ""}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				runBinary(b, tc.bin, tc.args...)
			}
			if tc.bin != ladder {
				return
			}
			const turns = 41
			var bareT, depsT, this []time.Duration
			for range turns {
				bareT = append(bareT, timed(func() { runBinary(b, bare, "list") }))
				depsT = append(depsT, timed(func() { runBinary(b, deps, "list") }))
				this = append(this, timed(func() { runBinary(b, tc.bin, tc.args...) }))
			}
			b.ReportMetric(float64(median(this))/float64(median(bareT)), "x-bare")
			b.ReportMetric(float64(median(this))/float64(median(depsT)), "x-deps")
		})
	}
}
