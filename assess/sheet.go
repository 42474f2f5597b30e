package assess

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ladderhq/ladder/internal/doc"
	"github.com/ladderhq/ladder/rubric"
)

// Sheet is what calibration keeps of one assessment file: who rated whom and
// as what, the rater's fit level, and the ratings as small numbers indexed
// like the rubric's criteria. Notes and the document itself are dropped, so
// the memory a team takes grows with its ratings, not with its files.
type Sheet struct {
	File         string
	Person       string
	Rater        string
	Role         Role
	CurrentLevel string
	Updated      time.Time
	FitLevel     string  // "" when not even the first level is met
	Ratings      []int16 // by criterion index: Unrated, a scale value, or 0 (no) / 1 (yes)
}

// Unrated marks a criterion a sheet has no rating for.
const Unrated int16 = -1

// NewSheet keeps what calibration needs of a; s scores its fit level.
func NewSheet(file string, a *Assessment, s *Scorer) Sheet {
	r := s.r
	sh := Sheet{
		File:         file,
		Person:       a.Person,
		Rater:        a.Rater,
		Role:         a.Role,
		CurrentLevel: a.CurrentLevel,
		Updated:      a.Updated,
		FitLevel:     s.FitLevel(a),
		Ratings:      make([]int16, len(r.Criteria)),
	}
	for i := range sh.Ratings {
		sh.Ratings[i] = Unrated
	}
	for id, rt := range a.Ratings {
		if i := r.CriterionIndex(id); i >= 0 {
			sh.Ratings[i] = int16(rt.Value)
		}
	}
	return sh
}

// FindFiles lists the assessment files under paths, in argument order and,
// within a folder, in lexical order. A file named on the command line is
// read whatever its extension; in a folder (searched recursively) only
// .yaml, .yml and .json files are, and hidden files and folders (".git") are
// skipped, as are symbolic links to folders. A path that does not exist is
// an error; a folder inside that cannot be read is one of the problems.
func FindFiles(paths []string) (files []string, problems []error, err error) {
	seen := map[string]bool{}
	add := func(path string) {
		if clean := filepath.Clean(path); !seen[clean] {
			seen[clean] = true
			files = append(files, path)
		}
	}
	for _, root := range paths {
		fi, err := os.Stat(root)
		if err != nil {
			return nil, nil, &doc.Error{File: root, Msg: describePathError(err)}
		}
		if !fi.IsDir() {
			add(root)
			continue
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				problems = append(problems, &doc.Error{File: path, Msg: "cannot read: " + describePathError(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			hidden := path != root && strings.HasPrefix(d.Name(), ".")
			switch {
			case d.IsDir() && hidden:
				return fs.SkipDir
			case d.IsDir() || hidden || !IsAssessmentFile(d.Name()):
				return nil
			case d.Type()&fs.ModeSymlink != 0:
				if target, err := os.Stat(path); err == nil && target.IsDir() {
					return nil
				}
			}
			add(path)
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	return files, problems, nil
}

// describePathError is doc.DescribeOSError for a path that may name a
// folder as well as a file.
func describePathError(err error) string {
	if errors.Is(err, fs.ErrNotExist) {
		return "no such file or folder"
	}
	return doc.DescribeOSError(err)
}

// Sheets is what ReadSheets read, each list in the order of the files.
type Sheets struct {
	Sheets   []Sheet   // the valid files
	Problems []error   // one per invalid file, located in it
	Warnings []Warning // about valid files
}

// MaxSheetRating is the highest rating a sheet can hold.
const MaxSheetRating = math.MaxInt16

// ReadSheets reads and checks files against r with up to workers goroutines
// (GOMAXPROCS when workers < 1). It fails only when r's scale is too long
// for a sheet; anything wrong with a file is one of the Problems.
func ReadSheets(files []string, r *rubric.Rubric, workers int) (*Sheets, error) {
	if r.MaxRating() > MaxSheetRating {
		return nil, fmt.Errorf("rubric %q: a scale of %d ratings is too long to calibrate (at most %d)", r.ID, len(r.Scale), MaxSheetRating+1)
	}
	type result struct {
		sheet    Sheet
		err      error
		warnings []Warning
	}
	results := make([]result, len(files))
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(files))
	var (
		next atomic.Int64
		wg   sync.WaitGroup
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			scorer := NewScorer(r) // a scorer has scratch space: one per goroutine
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				a, warns, err := Load(files[i], r)
				if err != nil {
					results[i].err = err
					continue
				}
				results[i] = result{sheet: NewSheet(files[i], a, scorer), warnings: warns}
			}
		}()
	}
	wg.Wait()
	out := &Sheets{}
	for _, res := range results {
		if res.err != nil {
			out.Problems = append(out.Problems, res.err)
			continue
		}
		out.Sheets = append(out.Sheets, res.sheet)
		out.Warnings = append(out.Warnings, res.warnings...)
	}
	return out, nil
}
