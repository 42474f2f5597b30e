// Package data holds the rubric built into ladder: GitLab's Backend
// Engineering job family, written by hand from the public job-family page
// that sits beside it.
package data

import (
	_ "embed"

	"github.com/ladderhq/ladder/rubric"
)

// RubricFile is the name the embedded rubric goes by in messages.
const RubricFile = "gitlab-backend-engineer.yaml"

//go:embed gitlab-backend-engineer.yaml
var rubricYAML []byte

//go:embed gitlab-backend-engineer.source.md
var sourcePage []byte

// RubricYAML is the embedded rubric file, as written.
func RubricYAML() []byte { return rubricYAML }

// SourcePage is the job-family page the embedded rubric is written from.
func SourcePage() []byte { return sourcePage }

//go:generate go run gen.go

// Rubric is the built-in rubric, indexed by the same code that indexes a
// user's rubric. It is compiled in from gitlab-backend-engineer.yaml by go
// generate (see gen.go), because parsing the YAML at every start-up cost
// more than everything else a command does, and it is not validated again
// at start-up, for the same reason: tests keep the compiled rubric equal
// to the YAML, valid, and indexed as validation would index it. The error
// is always nil; the signature is that of loading any rubric.
func Rubric() (*rubric.Rubric, error) {
	return rubric.PrepareValid(RubricFile, builtin()), nil
}

// ParseYAML parses the rubric's YAML source, as a user's rubric would be.
func ParseYAML() (*rubric.Rubric, error) {
	return rubric.Parse(RubricFile, rubricYAML)
}
