package assess

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/ladderhq/ladder/internal/atomicfile"
	"github.com/ladderhq/ladder/rubric"
)

// Store is a folder of assessments with one sub-folder per person:
//
//	<dir>/<person>/<created>-<rater>-<role>.yaml
//
// ladder assess writes there by default and ladder history reads it.
type Store struct {
	Dir string
}

// Slug turns a name into a file-name part: lower-case letters and digits
// joined by single dashes ("Ada Lovelace" -> "ada-lovelace"). Letters of
// every script are kept.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "unnamed"
	}
	return b.String()
}

// PersonDir is the folder of one person's assessments.
func (s Store) PersonDir(person string) string {
	return filepath.Join(s.Dir, Slug(person))
}

// NewPath is where a new assessment goes: named by its creation time (UTC,
// to the second), rater and role, so that a person's files sort in time
// order and never collide between raters.
func (s Store) NewPath(a *Assessment) string {
	name := a.Created.UTC().Format("2006-01-02T150405Z") + "-" + Slug(a.Rater) + "-" + string(a.Role) + ".yaml"
	return filepath.Join(s.PersonDir(a.Person), name)
}

// People lists the people with stored assessments (their folder names).
func (s Store) People() ([]string, error) {
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
func (s Store) Files(person string) ([]string, error) {
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

// Save writes an assessment to path atomically, with mode 0600: a crash or
// an interrupt leaves either the previous version or the new one.
func Save(path string, a *Assessment, r *rubric.Rubric) error {
	data, err := Encode(a, r)
	if err != nil {
		return err
	}
	return atomicfile.Write(path, data, 0o600)
}
