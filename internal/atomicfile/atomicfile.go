// Package atomicfile writes the files ladder writes, by one set of rules:
//
//   - A regular file is replaced atomically: a temporary file in the same
//     folder is written, synced to disk and renamed over it, so that a
//     reader, or a crash, sees either the old content or the new one.
//   - A rewritten file keeps its permissions and its owner and group. When
//     the owner cannot be kept (another user's file, written by someone who
//     is not root), the file is rewritten in place instead, as editors do,
//     so that it stays its owner's.
//   - A symbolic link is followed to its target, which is written; the
//     link stays.
//   - What is not a regular file is never replaced: a fifo or a character
//     device (/dev/null) is written through; a folder, a socket or a block
//     device is refused.
//   - One writer at a time: a lock file beside the target, held with the
//     operating system's file lock, which dies with its process, so a lock
//     left by a killed writer never blocks the next one. The temporary file
//     of a writer that died is removed by the next one.
//   - The names of the lock and temporary files are bounded, so that a
//     target whose name is as long as a file system allows still gets them.
package atomicfile

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Write replaces path's content with data, by the rules of the package:
// it locks path for the time of the write, and fails with a *BusyError
// when another writer holds it. A new file gets mode perm (ladder uses
// 0600: assessments are personal); missing parent folders are created with
// mode 0700.
func Write(path string, data []byte, perm os.FileMode) error {
	l, err := Lock(path)
	if err != nil {
		return err
	}
	return errors.Join(l.Write(data, perm), l.Unlock())
}

// Suffixes of the files a writer keeps beside its target. They are hidden
// (their names start with "."), and readers of assessment folders skip
// hidden files.
const (
	lockSuffix = ".ladder-lock"
	tempSuffix = ".ladder-tmp"
)

// maxName is the longest file name, in bytes, of the common file systems.
const maxName = 255

// stem is the start of the names of target's lock and temporary files:
// "." and the target's name, or, when that would make a name too long, a
// cut of it and a hash of the whole name, so that two long names never
// share a stem.
func stem(target string) string {
	base := filepath.Base(target)
	room := maxName - max(len(lockSuffix), len(tempSuffix)) - 1 // "." + base
	if len(base) <= room {
		return "." + base
	}
	sum := sha256.Sum256([]byte(base))
	hash := "~" + hex.EncodeToString(sum[:8])
	cut := room - len(hash)
	for cut > 0 && !utf8.RuneStart(base[cut]) {
		cut--
	}
	return "." + base[:cut] + hash
}

func lockPath(target string) string {
	return filepath.Join(filepath.Dir(target), stem(target)+lockSuffix)
}

func tempPath(target string) string {
	return filepath.Join(filepath.Dir(target), stem(target)+tempSuffix)
}

// resolve finds what writing to path writes: info is nil when nothing is
// there yet; for a regular file, or nothing yet, target is the real path
// with every symbolic link followed (a link to a file that does not exist
// yet leads to where that file is to be created). For anything else,
// target is path itself, which is opened, never replaced.
func resolve(path string) (target string, info os.FileInfo, err error) {
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.Mode().IsRegular():
		real, err := filepath.EvalSymlinks(path)
		return real, fi, err
	case err == nil:
		return path, fi, nil
	case !errors.Is(err, fs.ErrNotExist):
		return "", nil, err
	}
	// Nothing there: follow a dangling link to the file it names.
	p := path
	for range 40 {
		lfi, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) || (err == nil && lfi.Mode()&fs.ModeSymlink == 0) {
			return p, nil, nil
		}
		if err != nil {
			return "", nil, err
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", nil, err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		p = link
	}
	return "", nil, &fs.PathError{Op: "open", Path: path, Err: errors.New("too many levels of symbolic links")}
}

// Kind names a file that is neither regular nor a folder, for messages.
func Kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a fifo"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m.IsDir():
		return "a folder"
	}
	return "a special file"
}

// writesThrough reports whether a file of this mode is written through
// rather than replaced: a fifo, a character device.
func writesThrough(m fs.FileMode) bool {
	return m&fs.ModeNamedPipe != 0 || m&fs.ModeCharDevice != 0
}

// NotRegularError is a target that is neither a regular file nor one
// written through, and so is never written.
type NotRegularError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	if e.Mode.IsDir() {
		return e.Path + ": is a folder, not a file"
	}
	return e.Path + ": is " + Kind(e.Mode) + ", not a regular file; ladder does not write over it"
}

// Locked is a target claimed for one writer until Unlock.
type Locked struct {
	target string
	lock   *os.File // nil for a target written through (a fifo, a device)
	// made is the topmost folder Lock created, removed again by Unlock if
	// nothing was written in it.
	made string
}

// Path is the file that is written: path with symbolic links followed.
func (l *Locked) Path() string { return l.target }

// Lock claims path's target for one writer. It fails with a *BusyError
// when another writer holds it: another process, or this one through
// another Lock. Missing parent folders are created (mode 0700). A fifo or a
// character device needs no claim; a folder, a socket or a block device is
// refused with a *NotRegularError.
func Lock(path string) (*Locked, error) {
	target, fi, err := resolve(path)
	if err != nil {
		return nil, err
	}
	if fi != nil && !fi.Mode().IsRegular() {
		if writesThrough(fi.Mode()) {
			return &Locked{target: target}, nil
		}
		return nil, &NotRegularError{Path: path, Mode: fi.Mode()}
	}
	l := &Locked{target: target}
	dir := filepath.Dir(target)
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		l.made = topmostMissing(dir)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, err
		}
	}
	if l.lock, err = acquire(lockPath(target)); err != nil {
		l.removeMade()
		var busy *BusyError
		if errors.As(err, &busy) {
			busy.Path = path
		}
		return nil, err
	}
	// Holding the lock, any temporary file of this target is a writer's
	// that died: no one else can be writing it.
	_ = os.Remove(tempPath(target))
	return l, nil
}

// topmostMissing is the highest folder of dir's ancestry that does not
// exist.
func topmostMissing(dir string) string {
	top := dir
	for p := filepath.Dir(dir); p != top; p = filepath.Dir(p) {
		if _, err := os.Stat(p); err == nil {
			break
		}
		top = p
	}
	return top
}

// Unlock releases the claim: the lock file goes, and so do the folders
// Lock created if they stayed empty.
func (l *Locked) Unlock() error {
	if l.lock == nil {
		return nil
	}
	err := release(l.lock, lockPath(l.target))
	l.lock = nil
	l.removeMade()
	return err
}

func (l *Locked) removeMade() {
	if l.made == "" {
		return
	}
	for p := filepath.Dir(l.target); ; p = filepath.Dir(p) {
		if os.Remove(p) != nil || p == l.made {
			return
		}
	}
}

// Write replaces the target's content with data. A new file gets mode
// perm; an existing one keeps its own.
func (l *Locked) Write(data []byte, perm os.FileMode) error {
	fi, err := os.Stat(l.target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return l.replace(data, perm, nil)
	case err != nil:
		return err
	case fi.Mode().IsRegular():
		return l.replace(data, fi.Mode().Perm(), fi)
	case writesThrough(fi.Mode()):
		return writeThrough(l.target, data)
	}
	return &NotRegularError{Path: l.target, Mode: fi.Mode()}
}

// Create writes data to the target only if it does not exist yet (mode
// perm), atomically; it fails with an error matching fs.ErrExist
// otherwise, never replacing what another program created meanwhile.
func (l *Locked) Create(data []byte, perm os.FileMode) error {
	if l.lock == nil {
		return &fs.PathError{Op: "create", Path: l.target, Err: fs.ErrExist}
	}
	tmp, _, err := l.writeTemp(data, perm, nil)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	// A hard link puts the whole file in place only if nothing is there.
	err = os.Link(tmp, l.target)
	if err != nil && !errors.Is(err, fs.ErrExist) {
		// A file system without hard links: claim the name exclusively,
		// then rename the content over it, which this lock allows.
		var f *os.File
		if f, err = os.OpenFile(l.target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm); err == nil {
			f.Close()
			err = os.Rename(tmp, l.target)
		}
	}
	if err != nil {
		return err
	}
	syncDir(filepath.Dir(l.target))
	return nil
}

// writeTemp writes data to the target's temporary file, synced, with mode
// perm and, when old is not nil, old's owner and group; keptOwner reports
// whether they could be kept.
func (l *Locked) writeTemp(data []byte, perm os.FileMode, old os.FileInfo) (path string, keptOwner bool, err error) {
	tmp := tempPath(l.target)
	_ = os.Remove(tmp)
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", false, err
	}
	fail := func(err error) (string, bool, error) {
		f.Close()
		os.Remove(tmp)
		return "", false, err
	}
	keptOwner = true
	if old != nil {
		keptOwner = keepOwner(f, old)
	}
	if err := f.Chmod(perm); err != nil {
		return fail(err)
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return "", false, err
	}
	return tmp, keptOwner, nil
}

// replace writes data over the regular file at the target (or where it
// is to be), atomically when its owner can be kept.
func (l *Locked) replace(data []byte, perm os.FileMode, old os.FileInfo) error {
	tmp, keptOwner, err := l.writeTemp(data, perm, old)
	if err != nil {
		return err
	}
	if !keptOwner {
		return l.overwrite(tmp, data)
	}
	if err := os.Rename(tmp, l.target); err != nil {
		os.Remove(tmp)
		return err
	}
	syncDir(filepath.Dir(l.target))
	return nil
}

// overwrite writes data into the existing target, which keeps its owner,
// group, permissions and links; the synced temporary file (which proved
// there is room for data) stays as a copy until the target is synced, and
// is named if that fails.
func (l *Locked) overwrite(tmp string, data []byte) error {
	f, err := os.OpenFile(l.target, os.O_WRONLY, 0)
	if err != nil {
		os.Remove(tmp)
		return err
	}
	_, err = f.WriteAt(data, 0)
	if err == nil {
		err = f.Truncate(int64(len(data)))
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%w (rewriting %s in place, to keep its owner; the new content is in %s)", err, l.target, tmp)
	}
	return os.Remove(tmp)
}

// writeThrough writes data into a fifo or a device without replacing it.
func writeThrough(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return errors.Join(err, f.Close())
}

// syncDir syncs a folder so that a rename in it survives a crash. Some
// file systems refuse to sync a folder; the file is in place by then, so
// that is not worth failing for.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// Clean removes, from dir, the temporary files of writers that died: those
// whose lock no one holds. It never touches a file it did not name itself.
func Clean(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, ".") || !strings.HasSuffix(name, tempSuffix) {
			continue
		}
		lock := filepath.Join(dir, strings.TrimSuffix(name, tempSuffix)+lockSuffix)
		f, err := acquire(lock)
		if err != nil {
			continue // a live writer's, or not ours to judge
		}
		os.Remove(filepath.Join(dir, name))
		_ = release(f, lock)
	}
	return nil
}
