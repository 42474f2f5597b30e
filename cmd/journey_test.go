package cmd_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder/cmd"
)

// run runs ladder in-process with a fake environment: outTTY says whether
// standard output is a terminal; XDG_DATA_HOME points at data.
func run(t *testing.T, outTTY bool, data string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &cmd.Env{
		IO: cmd.IO{In: strings.NewReader(""), Out: &out, Err: &errb, OutTTY: outTTY},
		Getenv: func(k string) string {
			switch k {
			case "XDG_DATA_HOME":
				return data
			case "NO_COLOR":
				return "1"
			}
			return ""
		},
		Now: func() time.Time { return time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC) },
	}
	code = cmd.Run(env, args)
	return out.String(), errb.String(), code
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// On a terminal the trend is a sparkline; piped, the plain percentages.
func TestHistorySparklineOnATerminal(t *testing.T) {
	data := t.TempDir()
	dir := filepath.Join(data, "ladder", "assessments", "priya-raman")
	copyFile(t, "../examples/senior-gitaly.yaml", filepath.Join(dir, "2026-11-02T090000Z-priya-raman-self.yaml"))
	copyFile(t, "../examples/senior-gitaly-2027.yaml", filepath.Join(dir, "2027-05-17T083000Z-priya-raman-self.yaml"))

	out, errs, code := run(t, true, data, "history")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// Staff 63% -> 83%: ▆ (5/8 to 6/8) then ▇ (from 7/8 up is █).
	if !strings.Contains(out, "│ Staff Backend Engineer   │ ▆▇  63% → 83%   │") {
		t.Errorf("no sparkline for Staff on a terminal:\n%s", out)
	}
	out, _, _ = run(t, false, data, "history")
	if !strings.Contains(out, "Staff Backend Engineer    63 83\n") || strings.ContainsAny(out, "▁▂▃▄▅▆▇█│") {
		t.Errorf("piped output should be plain numbers:\n%s", out)
	}
}

// ladder report --out writes the page atomically with mode 0600 and
// replaces an older file.
func TestReportOutFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "reports", "priya.html")
	// Into a folder that does not exist: an error naming it, and no
	// folder made.
	out, errs, code := run(t, false, t.TempDir(), "report", "--out", path, "../examples/senior-gitaly.yaml")
	if want := "ladder: --out " + path + ": the folder " + filepath.Dir(path) + " does not exist"; code != 2 || out != "" || !strings.HasPrefix(errs, want) {
		t.Fatalf("exit %d, stdout %q, stderr %q; want 2 and %q", code, out, errs, want)
	}
	if _, err := os.Stat(filepath.Dir(path)); !os.IsNotExist(err) {
		t.Fatalf("the folder was made: %v", err)
	}
	if err := os.Mkdir(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		out, errs, code := run(t, false, t.TempDir(), "report", "--out", path, "../examples/senior-gitaly.yaml")
		if code != 0 || out != "" || errs != "ladder: wrote "+path+"\n" {
			t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
		}
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	b, _ := os.ReadFile(path)
	if !bytes.HasPrefix(b, []byte("<!DOCTYPE html>")) || !bytes.HasSuffix(b, []byte("</html>\n")) {
		t.Error("the file is not a whole page")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("%d files in the folder, want only the report (no temporary file left)", len(entries))
	}
}
