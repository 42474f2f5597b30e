//go:build unix

package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func mkfifo(path string) bool { return syscall.Mkfifo(path, 0o600) == nil }

// limitFileSize makes writes past n bytes fail with EFBIG (Go ignores the
// SIGXFSZ that comes with them).
func limitFileSize(n uint64) {
	_ = syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: n, Max: n})
}

func owner(t *testing.T, path string) (uid, gid uint32, ino uint64) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	st := fi.Sys().(*syscall.Stat_t)
	return st.Uid, st.Gid, uint64(st.Ino)
}

// Root rewriting another user's file keeps it theirs.
func TestRootKeepsTheOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to make a file of another user")
	}
	path := filepath.Join(t.TempDir(), "a.yaml")
	if err := os.WriteFile(path, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(path, 12345, 23456); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	if uid, gid, _ := owner(t, path); uid != 12345 || gid != 23456 {
		t.Errorf("owner %d:%d, want 12345:23456 kept", uid, gid)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("content %q", b)
	}
}

// Another user who may write a file, but cannot keep its owner, rewrites it
// in place: it stays its owner's. One who may not write it cannot take it
// over by replacing it, even in a folder they may write.
func TestAnotherUserCannotTakeAFileAway(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to act as another user")
	}
	dir := sharedDir(t)
	bin := filepath.Join(dir, "helper")
	copyExecutable(t, os.Args[0], bin)

	writable := filepath.Join(dir, "shared.yaml")
	readOnly := filepath.Join(dir, "mine.yaml")
	for path, mode := range map[string]os.FileMode{writable: 0o666, readOnly: 0o644} {
		if err := os.WriteFile(path, []byte("the owner's words"), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
	}
	asNobody := func(path, content string) (string, error) {
		cmd := helper(t, "write", path, content)
		cmd.Path = bin
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		out, err := cmd.CombinedOutput()
		return string(out), err
	}

	_, _, inode := owner(t, writable)
	if out, err := asNobody(writable, "nobody's words"); err != nil {
		t.Fatalf("writing a shared file: %v %s", err, out)
	}
	uid, gid, after := owner(t, writable)
	if uid != 0 || gid != 0 || after != inode {
		t.Errorf("owner %d:%d (inode %d, was %d), want root's file rewritten in place", uid, gid, after, inode)
	}
	if b, _ := os.ReadFile(writable); string(b) != "nobody's words" {
		t.Errorf("content %q", b)
	}
	if fi, _ := os.Stat(writable); fi.Mode().Perm() != 0o666 {
		t.Errorf("mode %v, want 0666 kept", fi.Mode().Perm())
	}

	out, err := asNobody(readOnly, "taken")
	if err == nil || !strings.Contains(out, "permission denied") {
		t.Errorf("writing a file one may not write: %v %s", err, out)
	}
	if b, _ := os.ReadFile(readOnly); string(b) != "the owner's words" {
		t.Errorf("the owner's file now says %q", b)
	}
	if uid, _, _ := owner(t, readOnly); uid != 0 {
		t.Errorf("the file now belongs to %d", uid)
	}
	onlyFiles(t, dir, "helper", "mine.yaml", "shared.yaml")
}

// sharedDir is a folder every user may write, on a path every user may
// walk.
func sharedDir(t *testing.T) string {
	dir := t.TempDir()
	for p := dir; p != filepath.Dir(p) && strings.HasPrefix(p, os.TempDir()); p = filepath.Dir(p) {
		if p == os.TempDir() {
			break
		}
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
