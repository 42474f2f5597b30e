// Package store keeps assessments on disk: reading and writing assessment
// files (each in its own format, atomically, one interactive session at a
// time), finding them under folders, and the data folder with one
// sub-folder per person that ladder assess writes and ladder history reads.
//
// Package assess holds the model and everything computed from it; it never
// touches a file. This package is the only one that does.
package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ladderhq/ladder/assess"
)

// Folder is a folder of assessments with one sub-folder per person:
//
//	<dir>/<person>/<created>-<rater>-<role>.yaml
//
// ladder assess writes there by default and ladder history reads it.
type Folder struct {
	Dir string
}

// Slug turns a name into a file-name part.
func Slug(name string) string { return assess.PersonKey(name) }

// PersonDir is the folder of one person's assessments.
func (s Folder) PersonDir(person string) string {
	return filepath.Join(s.Dir, Slug(person))
}

// NewPath is where a new assessment goes: named by its creation time (UTC,
// to the second), rater and role, so that a person's files sort in time
// order and never collide between raters.
func (s Folder) NewPath(a *assess.Assessment) string {
	name := a.Created.UTC().Format("2006-01-02T150405Z") + "-" + Slug(a.Rater) + "-" + string(a.Role) + ".yaml"
	return filepath.Join(s.PersonDir(a.Person), name)
}

// People lists the people with stored assessments (their folder names).
func (s Folder) People() ([]string, error) {
	entries, err := os.ReadDir(s.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	return out, nil
}

// Files lists a person's assessment files in name order, which is time order
// for the files ladder writes.
func (s Folder) Files(person string) ([]string, error) {
	dir := s.PersonDir(person)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if !e.Type().IsRegular() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if IsAssessmentFile(e.Name()) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	return out, nil
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
