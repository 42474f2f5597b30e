// Package doc reads YAML and JSON documents into one node tree that keeps the
// line and column of every value, and decodes it strictly: unknown fields,
// duplicate keys, wrong types and runaway aliases are errors that name the
// file, line and column.
//
// The rubric and assessment formats decode through it, so both formats give
// the same kind of error messages whether a person writes YAML or JSON.
package doc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/ladderhq/ladder/internal/lazy"
)

// MaxNodes bounds the number of values one document may expand to, aliases
// included, so that a small file full of nested aliases cannot exhaust memory.
const MaxNodes = 1_000_000

// Error is an input error located in a file. Line and Col are 1-based; zero
// when unknown.
type Error struct {
	File string
	Line int
	Col  int
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// Node is a value of the document with its position.
type Node = yaml.Node

// Document is a parsed file.
type Document struct {
	File  string
	Root  *Node // the top-level value
	nodes int   // values visited so far, aliases expanded
}

// Parse reads data as JSON or YAML. The file's extension decides when it
// names a format: .json is JSON and .yaml or .yml is YAML, whatever the
// content (a YAML file may well start with a flow mapping "{"). Any other
// name is read as JSON when its first character past white space is '{' or
// '[', and as YAML otherwise. A UTF-8 byte order mark at the start is
// skipped: editors on Windows write one.
func Parse(file string, data []byte) (*Document, error) {
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, &Error{File: file, Msg: "not a text file (it contains NUL bytes)"}
	}
	data = bytes.TrimPrefix(data, byteOrderMark)
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, &Error{File: file, Msg: "the file is empty"}
	}
	var (
		root *Node
		err  error
	)
	if IsJSON(file, trimmed) {
		root, err = parseJSON(data)
	} else {
		root, err = parseYAML(data)
	}
	if err != nil {
		var de *Error
		if errors.As(err, &de) {
			de.File = file
			return nil, de
		}
		return nil, &Error{File: file, Msg: err.Error()}
	}
	return &Document{File: file, Root: root}, nil
}

var byteOrderMark = []byte("\ufeff")

// IsJSON is the rule Parse follows to choose between JSON and YAML: by the
// file's extension when it is .json, .yaml or .yml, else by whether the
// content (past a byte order mark and white space) opens an object or an
// array.
func IsJSON[T string | []byte](file string, content T) bool {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".json":
		return true
	case ".yaml", ".yml":
		return false
	}
	i := 0
	if len(content) >= len(byteOrderMark) && string(content[:len(byteOrderMark)]) == string(byteOrderMark) {
		i = len(byteOrderMark)
	}
	for i < len(content) && (content[i] == ' ' || content[i] == '\t' || content[i] == '\r' || content[i] == '\n') {
		i++
	}
	return i < len(content) && (content[i] == '{' || content[i] == '[')
}

const noDocumentStart = "did not find expected <document start>"

var yamlLine = lazy.Regexp(`^yaml: line (\d+): (.*)$`)

// parserProblems are the problems yaml.v3's parser (as opposed to its
// scanner) reports. For those it prints the 0-based line of the construct it
// was parsing; every other error carries a 1-based line.
var parserProblems = map[string]bool{
	"did not find expected <stream-start>": true,
	noDocumentStart:                        true,
	"found undefined tag handle":           true,
	"did not find expected node content":   true,
	"did not find expected '-' indicator":  true,
	"did not find expected key":            true,
	"did not find expected ',' or ']'":     true,
	"did not find expected ',' or '}'":     true,
	"found duplicate %YAML directive":      true,
	"found incompatible YAML document":     true,
	"found duplicate %TAG directive":       true,
}

// yamlProblem splits an error of the YAML library into the 1-based line it
// names (0 when none) and the problem.
func yamlProblem(err error) (line int, problem string) {
	msg := err.Error()
	if m := yamlLine().FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		if parserProblems[m[2]] {
			line++
		}
		return line, m[2]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	if parserProblems[msg] { // no line given: the problem is on the first
		return 1, msg
	}
	return 0, msg
}

func parseYAML(data []byte) (*Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var n Node
	if err := dec.Decode(&n); err != nil {
		line, msg := yamlProblem(err)
		return nil, &Error{Line: line, Msg: "invalid YAML: " + msg}
	}
	// A second document is refused whether or not it parses: ladder would
	// read only the first, and the rest of the file would be lost on the
	// next save.
	var extra Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		return nil, &Error{Line: extra.Line, Col: extra.Column, Msg: "more than one YAML document in the file"}
	case err != io.EOF:
		line, msg := yamlProblem(err)
		if msg == noDocumentStart { // not a document: stray content after the first
			return nil, &Error{Line: line, Msg: "invalid YAML: " + msg}
		}
		return nil, &Error{Line: line, Msg: "more than one YAML document in the file, and the next one is invalid YAML: " + msg}
	}
	if n.Kind != yaml.DocumentNode || len(n.Content) == 0 {
		return nil, &Error{Msg: "the file is empty"}
	}
	return n.Content[0], nil
}

// Errorf returns an error located at n.
func (d *Document) Errorf(n *Node, format string, args ...any) error {
	e := &Error{File: d.File, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Col = n.Line, n.Column
	}
	return e
}

// resolve follows aliases and counts the values a decoder visits.
func (d *Document) resolve(n *Node) (*Node, error) {
	for n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return nil, d.Errorf(n, "unknown alias")
		}
		n = n.Alias
	}
	d.nodes++
	if d.nodes > MaxNodes {
		return nil, d.Errorf(n, "the document expands to more than %d values (aliases included)", MaxNodes)
	}
	return n, nil
}

// Field is one key of a mapping: the key node and its value.
type Field struct {
	Key   *Node
	Value *Node
}

// Map walks a mapping: it calls fn for every key in order, rejects duplicate
// keys, and rejects keys that are not in known (when known is not nil) with a
// message that lists the known ones.
func (d *Document) Map(n *Node, what string, known []string, fn func(key string, f Field) error) error {
	n, err := d.resolve(n)
	if err != nil {
		return err
	}
	if n.Kind != yaml.MappingNode {
		return d.Errorf(n, "%s must be a mapping, not %s", what, describe(n))
	}
	seen := make(map[string]*Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, err := d.resolve(n.Content[i])
		if err != nil {
			return err
		}
		if k.Kind != yaml.ScalarNode {
			return d.Errorf(k, "%s: keys must be plain strings", what)
		}
		key := k.Value
		if prev, dup := seen[key]; dup {
			return d.Errorf(k, "duplicate key %q in %s (first at line %d)", key, what, prev.Line)
		}
		seen[key] = k
		if known != nil && !contains(known, key) {
			return d.Errorf(k, "unknown field %q in %s (known: %s)", key, what, strings.Join(known, ", "))
		}
		if err := fn(key, Field{Key: k, Value: n.Content[i+1]}); err != nil {
			return err
		}
	}
	return nil
}

// Seq walks a sequence.
func (d *Document) Seq(n *Node, what string, fn func(i int, item *Node) error) error {
	n, err := d.resolve(n)
	if err != nil {
		return err
	}
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		return d.Errorf(n, "%s must be a list, not %s", what, describe(n))
	}
	for i, item := range n.Content {
		if err := fn(i, item); err != nil {
			return err
		}
	}
	return nil
}

// Scalar returns the resolved scalar node, or an error naming what was
// expected.
func (d *Document) Scalar(n *Node, what string) (*Node, error) {
	n, err := d.resolve(n)
	if err != nil {
		return nil, err
	}
	if n.Kind != yaml.ScalarNode {
		return nil, d.Errorf(n, "%s must be a single value, not %s", what, describe(n))
	}
	return n, nil
}

// String decodes a string. Numbers and booleans written without quotes are
// accepted as their text ("version: 1" means "1").
func (d *Document) String(n *Node, what string) (string, error) {
	s, err := d.Scalar(n, what)
	if err != nil {
		return "", err
	}
	if isNull(s) {
		return "", nil
	}
	return s.Value, nil
}

// Int decodes a whole number written in decimal digits. YAML readers
// disagree on other spellings ("010" is 8 to some and 10 to others, "1_0"
// is 10 or a string), so those are refused rather than guessed.
func (d *Document) Int(n *Node, what string) (int, error) {
	s, err := d.Scalar(n, what)
	if err != nil {
		return 0, err
	}
	if s.Tag != "!!int" {
		return 0, d.Errorf(s, "%s must be a whole number, not %s", what, describe(s))
	}
	if !decimalInt().MatchString(s.Value) {
		if _, err := strconv.ParseInt(strings.ReplaceAll(s.Value, "_", ""), 0, 64); err == nil {
			return 0, d.Errorf(s, "%s must be a whole number in decimal digits, not %q", what, s.Value)
		}
		return 0, d.Errorf(s, "%s must be a whole number, not %q", what, s.Value)
	}
	v, err := strconv.ParseInt(s.Value, 10, 32)
	if err != nil {
		return 0, d.Errorf(s, "%s must be a whole number, not %q", what, s.Value)
	}
	return int(v), nil
}

// decimalInt is a whole number as every reader of YAML and JSON reads it
// alike: decimal digits without a leading zero, and an optional sign.
var decimalInt = lazy.Regexp(`^[-+]?(0|[1-9][0-9]*)$`)

// decimalFloat is a number in decimal notation, with an optional fraction
// and exponent: YAML 1.2's and JSON's numbers, without the special values.
var decimalFloat = lazy.Regexp(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// Float decodes a finite number written in decimal notation. Not a number
// and the infinities (.nan, .inf) are refused: no field takes them, and
// JSON cannot write them back.
func (d *Document) Float(n *Node, what string) (float64, error) {
	s, err := d.Scalar(n, what)
	if err != nil {
		return 0, err
	}
	if s.Tag != "!!int" && s.Tag != "!!float" {
		return 0, d.Errorf(s, "%s must be a number, not %s", what, describe(s))
	}
	if !decimalFloat().MatchString(s.Value) {
		if isSpecialFloat(s.Value) {
			return 0, d.Errorf(s, "%s must be a finite number, not %q", what, s.Value)
		}
		return 0, d.Errorf(s, "%s must be a number, not %q", what, s.Value)
	}
	v, err := strconv.ParseFloat(s.Value, 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, d.Errorf(s, "%s must be a finite number, not %q", what, s.Value)
	}
	return v, nil
}

// isSpecialFloat reports whether v spells not-a-number or an infinity, the
// YAML way (.nan, -.Inf) or under an explicit !!float tag (nan, inf).
func isSpecialFloat(v string) bool {
	v = strings.ToLower(strings.TrimLeft(v, "+-"))
	switch strings.TrimPrefix(v, ".") {
	case "nan", "inf", "infinity":
		return true
	}
	return false
}

// YesNo decodes a yes/no answer: yes or no in any case, plain or quoted
// (JSON writes "yes"), or a boolean (true, false). ok is false for anything
// else, including a word that merely carries a boolean tag (!!bool maybe):
// that is no answer, and reading it as "no" would put words in a person's
// mouth.
func (d *Document) YesNo(n *Node) (yes, ok bool) {
	s, err := d.Scalar(n, "")
	if err != nil {
		return false, false
	}
	if s.Tag != "!!str" && s.Tag != "!!bool" {
		return false, false
	}
	switch word := strings.ToLower(s.Value); word {
	case "yes", "no":
		return word == "yes", true
	case "true", "false":
		return word == "true", s.Tag == "!!bool"
	}
	return false, false
}

// Strings decodes a string or a list of strings.
func (d *Document) Strings(n *Node, what string) ([]string, error) {
	r, err := d.resolve(n)
	if err != nil {
		return nil, err
	}
	if r.Kind == yaml.ScalarNode {
		if isNull(r) {
			return nil, nil
		}
		return []string{r.Value}, nil
	}
	var out []string
	err = d.Seq(r, what, func(_ int, item *Node) error {
		s, err := d.String(item, what+" entries")
		if err != nil {
			return err
		}
		out = append(out, s)
		return nil
	})
	return out, err
}

// IsNull reports whether n is an explicit null (~, null or empty).
func IsNull(n *Node) bool { return isNull(n) }

func isNull(n *Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func describe(n *Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if isNull(n) {
			return "empty"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Pos is a position in a file.
type Pos struct{ Line, Col int }

// PosOf is the position of a node.
func PosOf(n *Node) Pos { return Pos{Line: n.Line, Col: n.Column} }

// At returns an error located at pos.
func (d *Document) At(pos Pos, format string, args ...any) error {
	return &Error{File: d.File, Line: pos.Line, Col: pos.Col, Msg: fmt.Sprintf(format, args...)}
}
