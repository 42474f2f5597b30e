package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// The tests start this test binary again as a helper process that holds a
// lock or writes a file, to see what another process, or another user,
// meets.
func TestMain(m *testing.M) {
	switch os.Getenv("ATOMICFILE_HELPER") {
	case "":
		os.Exit(m.Run())
	case "hold":
		// Take the lock, say so, then wait to be killed.
		l, err := Lock(os.Args[1])
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		fmt.Println("locked", l.Path())
		time.Sleep(time.Minute)
		os.Exit(3)
	case "write-limited":
		// A file-size limit makes writes fail part-way, as a full disk
		// does.
		limitFileSize(16)
		fallthrough
	case "write":
		if err := Write(os.Args[1], []byte(os.Args[2]), 0o600); err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
}

// helper starts this binary as a helper process.
func helper(t *testing.T, mode string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "ATOMICFILE_HELPER="+mode)
	return cmd
}

func TestWriteReplacesWithMode0600(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "nested", "a.yaml")
	for _, content := range []string{"first\n", "second\n"} {
		if err := Write(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != content {
			t.Fatalf("content = %q (%v), want %q", got, err, content)
		}
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", fi.Mode().Perm())
	}
	if fi, _ := os.Stat(filepath.Dir(path)); fi.Mode().Perm() != 0o700 {
		t.Errorf("new folder mode = %v, want 0700", fi.Mode().Perm())
	}
	onlyFiles(t, filepath.Dir(path), "a.yaml")
}

// onlyFiles fails unless dir holds exactly these names: no temporary or
// lock file left behind.
func onlyFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("%s holds %q, want %q", dir, got, names)
	}
}

func TestAFolderIsNeverReplaced(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.yaml")
	if err := os.Mkdir(path, 0o700); err != nil {
		t.Fatal(err)
	}
	var notRegular *NotRegularError
	if err := Write(path, []byte("new"), 0o600); !errors.As(err, &notRegular) || !strings.HasSuffix(err.Error(), "a.yaml: is a folder, not a file") {
		t.Fatalf("writing over a folder: %v", err)
	}
	onlyFiles(t, dir, "a.yaml")
}

// A rewritten file keeps the permissions its owner gave it.
func TestRewriteKeepsPermissions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.json")
	if err := os.WriteFile(path, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o640); err != nil { // whatever the umask
		t.Fatal(err)
	}
	if err := Write(path, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v (%v), want 0640 kept", fi.Mode().Perm(), err)
	}
}

// A symbolic link is followed: its target gets the content, the link
// stays a link; a link to a file not there yet creates it.
func TestSymlinkIsFollowed(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "a.yaml")
	if err := os.MkdirAll(filepath.Dir(real), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(real, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(filepath.Join("real", "a.yaml"), link); err != nil {
		t.Skip("no symbolic links:", err)
	}
	if err := Write(link, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi.Mode(), err)
	}
	if b, _ := os.ReadFile(real); string(b) != "new" {
		t.Errorf("target holds %q, want the new content", b)
	}
	onlyFiles(t, filepath.Dir(real), "a.yaml")

	dangling := filepath.Join(dir, "dangling.yaml")
	if err := os.Symlink("later.yaml", dangling); err != nil {
		t.Fatal(err)
	}
	if err := Write(dangling, []byte("born"), 0o600); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "later.yaml")); string(b) != "born" {
		t.Errorf("the link's target holds %q", b)
	}
}

// A character device is written through, never replaced: as root,
// replacing /dev/null would break the whole system.
func TestDeviceIsWrittenThrough(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no /dev/null")
	}
	before, err := os.Stat(os.DevNull)
	if err != nil {
		t.Skip(err)
	}
	if err := Write(os.DevNull, []byte("gone"), 0o600); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(os.DevNull)
	if err != nil || !os.SameFile(before, after) || after.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("%s was replaced: %v %v", os.DevNull, after.Mode(), err)
	}
	if _, err := os.Stat("/dev/.null" + lockSuffix); err == nil {
		t.Errorf("a lock file was left in /dev")
	}
}

// A socket is refused.
func TestSocketIsRefused(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no unix sockets")
	}
	dir, err := os.MkdirTemp("", "sock") // short: socket paths are limited
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "s.yaml")
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Skip(err)
	}
	defer ln.Close()
	var notRegular *NotRegularError
	if err := Write(path, []byte("x"), 0o600); !errors.As(err, &notRegular) || !strings.Contains(err.Error(), "is a socket, not a regular file") {
		t.Fatalf("writing over a socket: %v", err)
	}
	if fi, err := os.Lstat(path); err != nil || fi.Mode()&fs.ModeSocket == 0 {
		t.Errorf("the socket was replaced")
	}
}

func TestLockIsExclusive(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.yaml")
	l, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	var busy *BusyError
	if _, err := Lock(path); !errors.As(err, &busy) {
		t.Fatalf("a second lock in this process: %v, want busy", err)
	}
	if err := Write(path, []byte("x"), 0o600); !errors.As(err, &busy) {
		t.Fatalf("a write while locked: %v, want busy", err)
	}
	if err := l.Write([]byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := l.Unlock(); err != nil {
		t.Fatal(err)
	}
	onlyFiles(t, filepath.Dir(path), "a.yaml")
	l2, err := Lock(path)
	if err != nil {
		t.Fatalf("after unlock: %v", err)
	}
	l2.Unlock()
}

// Another process holding the lock is named by its process id; when it
// dies, even killed so that its lock file stays, the lock is free again.
func TestStaleLockOfAKilledProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.yaml")
	h := helper(t, "hold", path)
	out, err := h.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	if !strings.HasPrefix(line, "locked") {
		h.Process.Kill()
		t.Fatalf("helper: %q", line)
	}
	_, err = Lock(path)
	var busy *BusyError
	if !errors.As(err, &busy) || busy.PID != h.Process.Pid {
		t.Errorf("while the helper holds it: %v, want busy naming process %d", err, h.Process.Pid)
	}
	if busy != nil && !strings.Contains(busy.Error(), fmt.Sprintf("a.yaml: is open in another ladder (process %d)", h.Process.Pid)) {
		t.Errorf("message %q", busy.Error())
	}
	if err := h.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = h.Wait()
	if _, err := os.Stat(lockPath(path)); err != nil {
		t.Fatalf("the killed helper's lock file is gone (%v): this test needs it stale", err)
	}
	l, err := Lock(path)
	if err != nil {
		t.Fatalf("a stale lock blocks: %v", err)
	}
	if err := l.Write([]byte("after"), 0o600); err != nil {
		t.Fatal(err)
	}
	l.Unlock()
	onlyFiles(t, filepath.Dir(path), "a.yaml")
}

// The temporary file of a writer that was killed is removed by the next
// writer of the same file, and by Clean, but never while a live writer
// holds the file's lock, and Clean touches nothing else.
func TestStaleTemporaryFilesAreCleaned(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.yaml")
	leftover := tempPath(path)
	write := func(p, s string) {
		t.Helper()
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(leftover, "half")
	if err := Write(path, []byte("whole"), 0o600); err != nil {
		t.Fatal(err)
	}
	onlyFiles(t, dir, "a.yaml")

	other := filepath.Join(dir, "b.yaml")
	write(tempPath(other), "half")       // a dead writer's
	write(tempPath(path), "in progress") // a live one's: it holds the lock
	write(filepath.Join(dir, ".notes.tmp"), "someone else's")
	write(filepath.Join(dir, "c"+tempSuffix), "not hidden: not ours")
	l, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	write(tempPath(path), "in progress")
	if err := Clean(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tempPath(path)); err != nil {
		t.Errorf("Clean removed a live writer's file: %v", err)
	}
	if _, err := os.Stat(tempPath(other)); err == nil {
		t.Errorf("Clean left a dead writer's file")
	}
	l.Unlock()
	os.Remove(tempPath(path))
	onlyFiles(t, dir, ".notes.tmp", "a.yaml", "c"+tempSuffix)
}

// A target whose name is as long as file systems allow still gets its
// lock and temporary files, each unique.
func TestLongNames(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, strings.Repeat("a", 250)+".yaml")
	b := filepath.Join(dir, strings.Repeat("a", 250)+".json")
	c := filepath.Join(dir, strings.Repeat("é", 120)+".yaml") // 245 bytes
	for _, p := range []string{a, b, c} {
		if n := len(filepath.Base(lockPath(p))); n > maxName {
			t.Errorf("lock name of %d bytes", n)
		}
		if err := Write(p, []byte(filepath.Ext(p)), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if lockPath(a) == lockPath(b) || tempPath(a) == tempPath(b) {
		t.Error("two long names share a lock or temporary file")
	}
	onlyFiles(t, dir, filepath.Base(b), filepath.Base(a), filepath.Base(c))
}

// Create never replaces a file that is there, and puts a new one in place
// whole.
func TestCreateIsExclusive(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.yaml")
	l, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("someone else's"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := l.Create([]byte("mine"), 0o600); !errors.Is(err, fs.ErrExist) {
		t.Errorf("Create over an existing file: %v, want ErrExist", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "someone else's" {
		t.Errorf("the existing file was replaced: %q", b)
	}
	os.Remove(path)
	if err := l.Create([]byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "mine" {
		t.Errorf("content %q", b)
	}
	l.Unlock()
	onlyFiles(t, dir, "a.yaml")
}

// A lock that creates a person's folder, with nothing written in it,
// leaves no empty folder behind.
func TestUnlockRemovesTheFoldersItMade(t *testing.T) {
	dir := t.TempDir()
	l, err := Lock(filepath.Join(dir, "a", "b", "c.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	l.Unlock()
	onlyFiles(t, dir)
}

// A fifo is written through, not replaced.
func TestFifoIsWrittenThrough(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.yaml")
	if !mkfifo(path) {
		t.Skip("no fifos here")
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(path)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	if err := Write(path, []byte("through"), 0o600); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through" {
		t.Errorf("the reader got %q", s)
	}
	if fi, err := os.Lstat(path); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the fifo was replaced: %v", fi.Mode())
	}
	onlyFiles(t, filepath.Dir(path), "out.yaml")
}

// A write that fails part-way (here a file-size limit, as a full disk
// would) leaves the old file as it was and no temporary file behind.
func TestFailedWriteLeavesTheOldFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no file-size limit")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := helper(t, "write-limited", path, strings.Repeat("new ", 100)).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "file too large") {
		t.Fatalf("the write did not fail: %v %s", err, out)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("the old file now holds %q", b)
	}
	onlyFiles(t, dir, "a.yaml")
}
