package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/doc"
	"github.com/ladderhq/ladder/rubric"
)

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
	Sheets   []assess.Sheet   // the valid files
	Problems []error          // one per invalid file, located in it
	Warnings []assess.Warning // about valid files
}

// ReadSheets reads and checks files against r with up to workers goroutines
// (GOMAXPROCS when workers < 1). It fails only when r's scale is too long
// for a sheet; anything wrong with a file is one of the Problems.
func ReadSheets(files []string, r *rubric.Rubric, workers int) (*Sheets, error) {
	if r.MaxRating() > assess.MaxSheetRating {
		return nil, fmt.Errorf("rubric %q: a scale of %d ratings is too long to calibrate (at most %d)", r.ID, len(r.Scale), assess.MaxSheetRating+1)
	}
	type result struct {
		sheet    assess.Sheet
		err      error
		warnings []assess.Warning
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
			scorer := assess.NewScorer(r) // a scorer has scratch space: one per goroutine
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				data, err := doc.ReadFile(files[i], doc.MaxFileSize)
				if err != nil {
					results[i].err = err
					continue
				}
				sheet, warns, err := assess.ReadSheet(files[i], data, scorer)
				if err != nil {
					results[i].err = err
					continue
				}
				results[i] = result{sheet: sheet, warnings: warns}
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
