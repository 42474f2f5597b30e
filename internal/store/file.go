package store

import (
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

// Save writes an assessment to path atomically, with mode 0600: a crash or
// an interrupt leaves either the previous version or the new one.
func Save(path string, a *assess.Assessment, r *rubric.Rubric) error {
	data, err := assess.Encode(a, r)
	if err != nil {
		return err
	}
	return atomicfile.Write(path, data, 0o600)
}
