package rubric

import _ "embed"

//go:embed schema.json
var schema []byte

// Schema is the JSON Schema of the rubric file format, for editors and
// other tools. ladder rubric validate checks more than a schema can (ids
// that must exist, cycles, group scopes).
func Schema() []byte { return schema }
