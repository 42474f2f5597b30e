package cmd_test

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// Every command pays for the package initialisation of everything linked
// into the binary, so ladder's own packages keep theirs small: a regular
// expression compiled or a table built at start-up belongs behind a
// function that does it on first use (internal/lazy). The budgets are a few
// times what the packages allocate today, far below one compiled
// expression set (the report's labels once cost 275 KB here).
const (
	initBytesPerPackage = 64 << 10
	initBytesTotal      = 160 << 10
)

func TestPackageInitStaysSmall(t *testing.T) {
	c := exec.Command(os.Args[0], "rubric", "list")
	c.Env = append(os.Environ(), "LADDER_TEST_MAIN=1", "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	c.Stderr = &stderr
	if err := c.Run(); err != nil {
		t.Fatalf("ladder rubric list: %v\n%s", err, stderr.String())
	}
	total, seen := 0, 0
	sc := bufio.NewScanner(&stderr)
	for sc.Scan() {
		// init github.com/ladderhq/ladder/report @3.5 ms, 0.008 ms clock, 1752 bytes, 28 allocs
		f := strings.Fields(sc.Text())
		if len(f) < 9 || f[0] != "init" || !strings.HasPrefix(f[1], "github.com/ladderhq/ladder") || f[8] != "bytes," {
			continue
		}
		n, err := strconv.Atoi(f[7])
		if err != nil {
			t.Fatalf("reading %q: %v", sc.Text(), err)
		}
		seen++
		total += n
		if n > initBytesPerPackage {
			t.Errorf("%s allocates %d bytes at start-up, more than %d", f[1], n, initBytesPerPackage)
		}
	}
	if seen == 0 {
		t.Fatalf("no init trace of ladder's packages in:\n%s", stderr.String())
	}
	if total > initBytesTotal {
		t.Errorf("ladder's packages allocate %d bytes at start-up, more than %d", total, initBytesTotal)
	}
}
