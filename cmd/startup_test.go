package cmd_test

import (
	"os/exec"
	"path/filepath"
	"testing"
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
	for b.Loop() {
		if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
			b.Fatalf("%s %v: %v\n%s", bin, args, err, out)
		}
	}
}

// BenchmarkStartupBareCobra is the baseline of the start-up benchmarks: a
// cobra program with one subcommand that prints a line (testdata/barecobra).
func BenchmarkStartupBareCobra(b *testing.B) {
	runBinary(b, buildBinary(b, "./testdata/barecobra", "barecobra"), "list")
}

// BenchmarkStartupRubricList starts ladder on the built-in rubric.
func BenchmarkStartupRubricList(b *testing.B) {
	runBinary(b, buildBinary(b, "..", "ladder"), "rubric", "list")
}

// BenchmarkStartupScore starts ladder to score one file.
func BenchmarkStartupScore(b *testing.B) {
	runBinary(b, buildBinary(b, "..", "ladder"), "score", "../examples/senior-gitaly.yaml")
}
