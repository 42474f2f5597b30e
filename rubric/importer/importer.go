// Package importer turns a published career ladder into a draft rubric: a
// job-family page in Markdown (GitLab's handbook), a competency file in the
// Financial Times' engineering-progression format, or a progression
// framework page in Monzo's format. It recognises which from the content.
//
// The draft is valid as it is (every import is checked by loading it back
// as a rubric file), but its prompts, strengths and groups are guesses
// drawn from the words of the source: a person reviews them.
package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/ladderhq/ladder/internal/doc"
	"github.com/ladderhq/ladder/rubric"
	"github.com/ladderhq/ladder/rubric/importer/draft"
	"github.com/ladderhq/ladder/rubric/importer/ftprogression"
	"github.com/ladderhq/ladder/rubric/importer/jobfamily"
	"github.com/ladderhq/ladder/rubric/importer/monzo"
	"github.com/ladderhq/ladder/rubric/sourceref"
	"go.yaml.in/yaml/v3"
)

// Kind is a kind of source the importer reads.
type Kind string

// The kinds of sources.
const (
	JobFamily     Kind = "job-family page"
	FTProgression Kind = "FT engineering-progression competencies"
	Monzo         Kind = "Monzo progression framework"
)

// Options tune an import.
type Options struct {
	// Track chooses one track of a ladder that branches (FT's individual
	// contributor and people manager levels); "" takes the first.
	Track string
}

// Result is a draft rubric and what its author should know about it.
type Result struct {
	Kind   Kind
	Rubric *rubric.Rubric
	// Notes are decisions of the import worth reviewing, one line each.
	Notes []string
}

// ErrUnknownKind is returned for a file that is none of the known kinds.
var ErrUnknownKind = errors.New("not a ladder ladder can import: expected a job-family page in Markdown, an FT engineering-progression competency file (levels, themes, competencies) or a Monzo progression-framework page (front matter with levels and topics)")

// Detect tells what kind of source data is.
func Detect(data []byte) (Kind, error) {
	if bytes.IndexByte(data, 0) >= 0 {
		return "", errors.New("not a text file (it contains NUL bytes)")
	}
	front, _ := sourceref.SplitFrontMatter(bytes.TrimLeft(data, "\ufeff"))
	if front != nil {
		var fm map[string]any
		if yaml.Unmarshal(front, &fm) == nil && fm["topics"] != nil && fm["levels"] != nil {
			return Monzo, nil
		}
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if front == nil {
		var m map[string]any
		if yaml.Unmarshal(data, &m) == nil && m != nil {
			switch {
			case m["format"] == rubric.Format:
				return "", errors.New("already a ladder rubric: check it with ladder rubric validate")
			case m["competencies"] != nil:
				return FTProgression, nil
			}
		}
	}
	if bytes.Contains(data, []byte("\n#")) || bytes.HasPrefix(trimmed, []byte("#")) {
		return JobFamily, nil
	}
	return "", ErrUnknownKind
}

// Import reads a source file (name is its file name, for messages and as
// a last resort for the rubric's id) and returns a valid draft rubric.
func Import(name string, data []byte, opt Options) (*Result, error) {
	kind, err := Detect(data)
	if err != nil {
		return nil, &doc.Error{File: name, Msg: err.Error()}
	}
	if opt.Track != "" && kind != FTProgression {
		return nil, &doc.Error{File: name, Msg: fmt.Sprintf("--track applies to ladders with tracks (FT competency files), not to a %s", kind)}
	}
	var b *draft.Builder
	switch kind {
	case JobFamily:
		b, err = jobfamily.Import(name, data)
		var le *sourceref.LineError
		if errors.As(err, &le) {
			return nil, &doc.Error{File: name, Line: le.Line, Msg: le.Err.Error()}
		}
	case FTProgression:
		b, err = ftprogression.Import(name, data, opt.Track)
	case Monzo:
		b, err = monzo.Import(name, data)
	}
	if err != nil {
		var de *doc.Error
		if errors.As(err, &de) {
			return nil, err
		}
		return nil, &doc.Error{File: name, Msg: err.Error()}
	}
	r := b.Finish()
	// The draft must load as it is: check it the way a user's file is.
	out, err := Encode(r, "yaml")
	if err == nil {
		_, err = rubric.Parse(strings.TrimSuffix(name, ".md")+".yaml", out)
	}
	if err != nil {
		return nil, fmt.Errorf("the imported rubric does not validate (please report this with the file): %w", err)
	}
	return &Result{Kind: kind, Rubric: rubric.Export(r), Notes: b.Notes()}, nil
}

// Encode writes a rubric as a file: YAML, or JSON for format "json".
func Encode(r *rubric.Rubric, format string) ([]byte, error) {
	var buf bytes.Buffer
	if format == "json" {
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rubric.Export(r)); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(rubric.Export(r)); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
