package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/atomicfile"
	"github.com/ladderhq/ladder/internal/doc"
	"github.com/ladderhq/ladder/rubric"
)

// Load reads an assessment file from disk and checks it against r.
func Load(path string, r *rubric.Rubric) (*assess.Assessment, []assess.Warning, error) {
	data, err := doc.ReadFile(path, doc.MaxFileSize)
	if err != nil {
		return nil, nil, err
	}
	return assess.Parse(path, data, r, assess.Options{})
}

// IsJSON reports whether the file at path is written as JSON: its name
// ends in .json, in any case. Any other file is written as YAML.
func IsJSON(path string) bool { return strings.EqualFold(filepath.Ext(path), ".json") }

// Encode is an assessment as the file at path holds it: JSON for a .json
// file, YAML for any other.
func Encode(path string, a *assess.Assessment, r *rubric.Rubric) ([]byte, error) {
	if IsJSON(path) {
		return assess.EncodeJSON(a, r)
	}
	return assess.Encode(a, r)
}

// BusyError is an assessment file that another ladder has open.
type BusyError = atomicfile.BusyError

// NotRegularError is a path that is not a regular file, where one is
// needed, or that ladder never writes over (a folder, a socket).
type NotRegularError = atomicfile.NotRegularError

// Save writes an assessment to path, in the file's format (Encode), by the
// rules of package atomicfile: atomically, a new file with mode 0600, an
// existing one keeping its permissions and owner, through a symbolic link,
// never replacing a fifo or a device; and never while another ladder has
// the file open (a *BusyError).
func Save(path string, a *assess.Assessment, r *rubric.Rubric) error {
	l, err := atomicfile.Lock(path)
	if err != nil {
		return err
	}
	data, err := Encode(l.Path(), a, r)
	if err == nil {
		err = l.Write(data, 0o600)
	}
	return errors.Join(err, l.Unlock())
}

// Session is an assessment file held open for one interactive session:
// until Close, no other ladder saves it or opens a session on it, and a
// session whose process dies leaves nothing that blocks the next one.
type Session struct {
	path    string // as given
	lock    *atomicfile.Locked
	created bool // the file exists: the first save of a new file creates it
}

// Path is the assessment file, as it was given.
func (s *Session) Path() string { return s.path }

// Resume opens a session on an existing assessment file, to be loaded
// (after Resume, so that no one else changes it meanwhile) and saved
// again.
func Resume(path string) (*Session, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, &doc.Error{File: path, Msg: doc.DescribeOSError(err)}
	}
	if !fi.Mode().IsRegular() {
		return nil, &NotRegularError{Path: path, Mode: fi.Mode()}
	}
	l, err := atomicfile.Lock(path)
	if err != nil {
		return nil, err
	}
	return &Session{path: path, lock: l, created: true}, nil
}

// StartNew opens a session on a file that does not exist yet; the first
// Save creates it, and fails rather than replace a file that appeared
// meanwhile. A path that exists fails with an error matching fs.ErrExist.
func StartNew(path string) (*Session, error) {
	if _, err := os.Lstat(path); err == nil {
		return nil, &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
	}
	l, err := atomicfile.Lock(path)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(l.Path()); err == nil {
		l.Unlock()
		return nil, &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
	}
	return &Session{path: path, lock: l}, nil
}

// Start saves a new assessment in the store, at NewPath, and opens a
// session on it. A file of the same name, or a session starting on it at
// the same moment, moves the new one on by a second (a.Created changes),
// so that no assessment is ever written over another. Temporary files of
// saves that died in the person's folder are removed.
func (s Folder) Start(a *assess.Assessment, r *rubric.Rubric) (*Session, error) {
	for range 1000 {
		path := s.NewPath(a)
		sess, err := StartNew(path)
		var busy *BusyError
		switch {
		case errors.Is(err, fs.ErrExist), errors.As(err, &busy):
			a.Created = a.Created.Add(time.Second)
			continue
		case err != nil:
			return nil, err
		}
		_ = atomicfile.Clean(filepath.Dir(sess.lock.Path()))
		err = sess.Save(a, r)
		if errors.Is(err, fs.ErrExist) {
			sess.Close()
			a.Created = a.Created.Add(time.Second)
			continue
		}
		if err != nil {
			sess.Close()
			return nil, err
		}
		return sess, nil
	}
	return nil, fmt.Errorf("%s: no free name for a new assessment", s.PersonDir(a.Person))
}

// Save writes the assessment, in the file's format, atomically.
func (s *Session) Save(a *assess.Assessment, r *rubric.Rubric) error {
	data, err := Encode(s.lock.Path(), a, r)
	if err != nil {
		return err
	}
	if s.created {
		return s.lock.Write(data, 0o600)
	}
	if err := s.lock.Create(data, 0o600); err != nil {
		return err
	}
	s.created = true
	return nil
}

// Close ends the session: another one may open the file.
func (s *Session) Close() error { return s.lock.Unlock() }
