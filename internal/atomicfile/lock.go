package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// BusyError is a target another writer holds.
type BusyError struct {
	Path string
	PID  int // the holder's process id, when it could be read; 0 otherwise
}

func (e *BusyError) Error() string {
	holder := "another ladder"
	if e.PID > 0 {
		holder = fmt.Sprintf("another ladder (process %d)", e.PID)
	}
	return e.Path + ": is open in " + holder + "; finish or stop that one first"
}

// acquire opens the lock file at path, creating it, and takes the
// operating system's lock on it without waiting.
//
// A lock file outlives a holder that was killed, but its lock does not:
// the next acquire takes it. The holder removes the file when it is done;
// since another process may have opened the file just before, acquire
// checks that the file it locked is still the one at path, and starts
// again if not.
func acquire(path string) (*os.File, error) {
	for range 100 {
		// Readable by all, so that another user's ladder can tell who
		// holds it and take it once its holder is gone.
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if errors.Is(err, fs.ErrPermission) {
			f, err = os.Open(path)
		}
		if err != nil {
			return nil, err
		}
		locked, err := tryLock(f)
		if err != nil || !locked {
			f.Close()
			if err != nil {
				return nil, err
			}
			return nil, &BusyError{PID: holderPID(path)}
		}
		held, err1 := f.Stat()
		now, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			// Who holds it, for the message of the next one who tries.
			if err := f.Truncate(0); err == nil {
				_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
			}
			return f, nil
		}
		// The file was removed (or replaced) by the holder before us.
		_ = unlock(f)
		f.Close()
		if err2 != nil && !errors.Is(err2, fs.ErrNotExist) {
			return nil, err2
		}
	}
	return nil, &BusyError{}
}

// release removes the lock file and lets go of its lock. Where an open
// file can be removed, it is removed first, while locked: removed after,
// it could be another's lock file by then.
func release(f *os.File, path string) error {
	if !removeWhileOpen {
		err := errors.Join(unlock(f), f.Close())
		_ = os.Remove(path) // fails while another process has it open
		return err
	}
	err := os.Remove(path)
	if errors.Is(err, fs.ErrNotExist) {
		err = nil
	}
	return errors.Join(err, unlock(f), f.Close())
}

// holderPID reads the process id a holder wrote in its lock file.
func holderPID(path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 {
		return 0
	}
	return pid
}
