//go:build unix

package atomicfile

import (
	"os"
	"syscall"
)

// keepOwner gives the new file f the owner and group of old, the file it
// replaces, and reports whether f has them now. Root can always; another
// user can keep the group when they belong to it, never another's
// ownership.
func keepOwner(f *os.File, old os.FileInfo) bool {
	want, ok := old.Sys().(*syscall.Stat_t)
	if !ok {
		return true
	}
	if fi, err := f.Stat(); err == nil {
		if have, ok := fi.Sys().(*syscall.Stat_t); ok && have.Uid == want.Uid && have.Gid == want.Gid {
			return true
		}
	}
	return f.Chown(int(want.Uid), int(want.Gid)) == nil
}
