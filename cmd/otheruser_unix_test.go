//go:build unix

package cmd_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// These tests need file permissions to apply: they run ladder as another
// user (nobody) when the tests run as root, who reads everything.

const nobody = 65534

// asOther runs ladder (this test binary) as nobody, with XDG_DATA_HOME at
// data; the test is skipped unless it runs as root.
func asOther(t *testing.T, dir, data string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root to act as another user")
	}
	bin := filepath.Join(dir, "ladder")
	if _, err := os.Stat(bin); err != nil {
		copyExecutable(t, os.Args[0], bin)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "LADDER_TEST_MAIN=1", "NO_COLOR=1", "XDG_DATA_HOME="+data, "HOME="+dir)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

// sharedDir is a folder every user may walk and write.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for p := dir; p != os.TempDir() && p != filepath.Dir(p); p = filepath.Dir(p) {
		if err := os.Chmod(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	return dir
}

func copyExecutable(t *testing.T, from, to string) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}

// One person's folder that cannot be read is named; the others are
// listed; exit 2.
func TestHistoryNamesAnUnreadableFolder(t *testing.T) {
	dir := sharedDir(t)
	data := filepath.Join(dir, "data")
	store := filepath.Join(data, "ladder", "assessments")
	copyFile(t, "../examples/senior-gitaly.yaml", filepath.Join(store, "priya-raman", "2026-11-02T090000Z-priya-raman-self.yaml"))
	copyFile(t, "../examples/go-only.yaml", filepath.Join(store, "lena-fischer", "2026-11-12T140000Z-lena-fischer-self.yaml"))
	for _, p := range []string{data, filepath.Join(data, "ladder"), store, filepath.Join(store, "priya-raman")} {
		if err := os.Chmod(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(filepath.Join(store, "priya-raman", "2026-11-02T090000Z-priya-raman-self.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(store, "lena-fischer"), 0o700); err != nil { // root's own: nobody cannot read it
		t.Fatal(err)
	}
	stdout, stderr, code := asOther(t, dir, data, "history")
	if code != 2 {
		t.Errorf("exit %d, want 2; stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "Priya Raman") {
		t.Errorf("the readable person is not listed:\n%s", stdout)
	}
	if want := "ladder: " + filepath.Join(store, "lena-fischer") + ": cannot read: permission denied\n"; stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}

	_, stderr, code = asOther(t, dir, data, "history", "lena-fischer")
	if want := "ladder: " + filepath.Join(store, "lena-fischer") + ": cannot read: permission denied\n"; code != 2 || stderr != want {
		t.Errorf("one unreadable person: exit %d, stderr %q, want 2 and %q", code, stderr, want)
	}
}

// migrate run by someone who may write another's file rewrites it in
// place: it stays its owner's, with its permissions; one who may not write
// it cannot take it over through the folder.
func TestMigrateByAnotherUserKeepsTheOwner(t *testing.T) {
	dir := sharedDir(t)
	rubric := filepath.Join(dir, "v2.yaml")
	if err := os.WriteFile(rubric, []byte("format: ladder/rubric/v1\nid: team\nversion: \"2\"\ntitle: Team\nscale: [{value: 0, label: No}, {value: 1, label: Yes}]\nlevels: [{id: junior, title: Junior, expect: 1}]\ncriteria: [{id: comms, level: junior, prompt: \"Communicate?\"}]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	old := "format: ladder/assessment/v1\nrubric: {id: team, version: \"1\"}\nperson: Ada\nratings: {comms: 1}\n"
	shared := filepath.Join(dir, "shared.yaml")
	mine := filepath.Join(dir, "mine.yaml")
	for path, mode := range map[string]os.FileMode{shared: 0o666, mine: 0o644} {
		if err := os.WriteFile(path, []byte(old), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(path, 4242, 4242); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
	}
	_, stderr, code := asOther(t, dir, dir, "--rubric", rubric, "migrate", shared)
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	fi, err := os.Stat(shared)
	if err != nil {
		t.Fatal(err)
	}
	if st := fi.Sys().(*syscall.Stat_t); st.Uid != 4242 || st.Gid != 4242 || fi.Mode().Perm() != 0o666 {
		t.Errorf("after migrate: owner %d:%d, mode %v; want 4242:4242 and 0666 kept", st.Uid, st.Gid, fi.Mode().Perm())
	}
	if b, _ := os.ReadFile(shared); !strings.Contains(string(b), `version: "2"`) {
		t.Errorf("not migrated:\n%s", b)
	}

	_, stderr, code = asOther(t, dir, dir, "--rubric", rubric, "migrate", mine)
	if code == 0 || !strings.Contains(stderr, "permission denied") {
		t.Errorf("migrating a file one may not write: exit %d, stderr %q", code, stderr)
	}
	if b, _ := os.ReadFile(mine); string(b) != old {
		t.Errorf("the owner's file changed:\n%s", b)
	}
	if fi, _ := os.Stat(mine); fi.Sys().(*syscall.Stat_t).Uid != 4242 {
		t.Error("the file changed hands")
	}
}
