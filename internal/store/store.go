// Package store keeps assessments on disk: reading and writing assessment
// files (each in its own format, atomically, one interactive session at a
// time), finding them under folders, and the data folder with one
// sub-folder per person that ladder assess writes and ladder history reads.
//
// Package assess holds the model and everything computed from it; it never
// touches a file. This package is the only one that does.
package store

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/atomicfile"
	"github.com/ladderhq/ladder/internal/doc"
)

// Folder is a folder of assessments with one sub-folder per person:
//
//	<dir>/<person>/<created>-<rater>-<role>.yaml
//
// ladder assess writes there by default and ladder history reads it.
type Folder struct {
	Dir string
}

// maxNamePart bounds the bytes a person's or a rater's name takes in a
// file or folder name, so that a long name still makes a name every file
// system takes (255 bytes at most), with room for the date and role.
const maxNamePart = 64

// NamePart is a name as a part of a file or folder name: its
// assess.PersonKey ("Ada Okafor" -> "ada-okafor"), so that the names of
// one person share a folder. Where the key cannot serve (no letter or
// digit in it, longer than maxNamePart bytes, or a name Windows keeps for a
// device), it is a prefix and a hash of the key joined by "_", which no
// key has: names of different people never share a folder.
func NamePart(name string) string {
	key := assess.PersonKey(name)
	plain := strings.IndexFunc(key, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
	if plain && len(key) <= maxNamePart && !windowsDevice[key] {
		return key
	}
	sum := sha256.Sum256([]byte(key))
	suffix := "_" + hex.EncodeToString(sum[:6])
	prefix := "unnamed"
	if plain {
		prefix = strings.TrimRight(truncate(key, maxNamePart-len(suffix)), "-")
	}
	return prefix + suffix
}

// truncate cuts s to at most n bytes, at a character boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// windowsDevice are the names Windows refuses for a file or folder.
var windowsDevice = map[string]bool{
	"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true, "com6": true, "com7": true, "com8": true, "com9": true,
	"lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true, "lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true,
}

// PersonDir is the folder of one person's assessments.
func (s Folder) PersonDir(person string) string {
	return filepath.Join(s.Dir, NamePart(person))
}

// NewPath is where a new assessment goes: named by its creation time (UTC,
// to the second), rater and role, so that a person's files sort in time
// order and never collide between raters.
func (s Folder) NewPath(a *assess.Assessment) string {
	name := a.Created.UTC().Format("2006-01-02T150405Z") + "-" + NamePart(a.Rater) + "-" + string(a.Role) + ".yaml"
	return filepath.Join(s.PersonDir(a.Person), name)
}

// FreePath is where Start would save a new assessment now: NewPath, moved
// on by a second (a.Created changes) while a file is there.
func (s Folder) FreePath(a *assess.Assessment) string {
	for range 1000 {
		path := s.NewPath(a)
		if _, err := os.Lstat(path); err != nil {
			return path
		}
		a.Created = a.Created.Add(time.Second)
	}
	return s.NewPath(a)
}

// People lists the folders of the people with stored assessments: every
// sub-folder, or symbolic link to one, whose name does not start with ".".
// A link that leads nowhere is one of the problems, named; err is for a
// store folder that exists but cannot be read.
func (s Folder) People() (folders []string, problems []error, err error) {
	entries, err := os.ReadDir(s.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, &doc.Error{File: s.Dir, Msg: "cannot read: " + describePathError(err)}
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		isDir := e.IsDir()
		if e.Type()&fs.ModeSymlink != 0 {
			fi, err := os.Stat(filepath.Join(s.Dir, e.Name()))
			if err != nil {
				problems = append(problems, linkProblem(filepath.Join(s.Dir, e.Name()), err))
				continue
			}
			isDir = fi.IsDir()
		}
		if isDir {
			folders = append(folders, e.Name())
		}
	}
	return folders, problems, nil
}

// Lookup finds the folder of a person, given by name ("Ada Lovelace") or
// by the name of their folder ("ada-lovelace"); ok is false when the store
// has none.
func (s Folder) Lookup(person string) (folder string, ok bool) {
	for _, name := range []string{person, NamePart(person)} {
		if name == "" || name == "." || name == ".." || strings.HasPrefix(name, ".") || strings.ContainsAny(name, `/\`) {
			continue
		}
		if fi, err := os.Stat(filepath.Join(s.Dir, name)); err == nil && fi.IsDir() {
			return name, true
		}
	}
	return "", false
}

// Files lists the assessment files in a person's folder (a name People
// returns) in name order, which is time order for the files ladder writes.
// Hidden files (ladder's own temporary and lock files among them) and files
// without an assessment extension are not assessments; an assessment name
// that is not a readable regular file (a fifo, a folder, a link that leads
// nowhere) is one of the problems, named, never skipped silently. A
// symbolic link to a file is read through. err is for a folder that cannot
// be read.
func (s Folder) Files(folder string) (files []string, problems []error, err error) {
	dir := filepath.Join(s.Dir, folder)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, &doc.Error{File: dir, Msg: "cannot read: " + describePathError(err)}
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || !IsAssessmentFile(e.Name()) {
			continue
		}
		path := filepath.Join(dir, e.Name())
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			fi, err := os.Stat(path)
			if err != nil {
				problems = append(problems, linkProblem(path, err))
				continue
			}
			mode = fi.Mode().Type()
		}
		switch {
		case mode.IsRegular():
			files = append(files, path)
		case mode.IsDir():
			problems = append(problems, &doc.Error{File: path, Msg: "is a folder, not a file"})
		default:
			problems = append(problems, &doc.Error{File: path, Msg: "is not a regular file (" + atomicfile.Kind(mode) + ")"})
		}
	}
	sort.Strings(files)
	return files, problems, nil
}

// linkProblem says why a symbolic link cannot be followed.
func linkProblem(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return &doc.Error{File: path, Msg: "is a symbolic link to nothing"}
	}
	return &doc.Error{File: path, Msg: "cannot follow the symbolic link: " + describePathError(err)}
}

// IsAssessmentFile reports whether a file name has an extension ladder reads
// assessments from.
func IsAssessmentFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}
