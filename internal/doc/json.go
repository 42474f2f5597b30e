package doc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"
)

// parseJSON builds the same node tree as the YAML parser from a JSON text, so
// that one decoder serves both formats. The standard library's JSON decoder
// would keep the last of two duplicate keys silently and cannot say where a
// value stands; walking its tokens and their offsets can.
func parseJSON(data []byte) (*Node, error) {
	p := &jsonParser{data: data, dec: json.NewDecoder(bytes.NewReader(data)), line: 1}
	p.dec.UseNumber()
	root, err := p.value()
	if err != nil {
		return nil, err
	}
	line, col := p.position(p.start())
	if _, err := p.dec.Token(); err != io.EOF {
		return nil, &Error{Line: line, Col: col, Msg: "invalid JSON: unexpected content after the top-level value"}
	}
	return root, nil
}

type jsonParser struct {
	data  []byte
	dec   *json.Decoder
	depth int
	// where position last counted to: its offset, line and line start
	lastOff, line, lineStart int
}

// maxDepth bounds nesting, as the YAML parser does, so that a file of ten
// million opening brackets is an error and not a stack overflow.
const maxDepth = 1000

// start is the offset where the next token begins: the decoder's offset is
// just past the previous token, before any white space and separators.
func (p *jsonParser) start() int {
	off := int(p.dec.InputOffset())
	for off < len(p.data) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

// position turns a byte offset into a line and column. Offsets come in
// increasing order as the parser walks the file, so it counts lines from the
// last offset asked for instead of from the start each time.
func (p *jsonParser) position(off int) (line, col int) {
	if off > len(p.data) {
		off = len(p.data)
	}
	if off < p.lastOff {
		p.lastOff, p.line, p.lineStart = 0, 1, 0
	}
	for i := p.lastOff; i < off; i++ {
		if p.data[i] == '\n' {
			p.line++
			p.lineStart = i + 1
		}
	}
	p.lastOff = off
	return p.line, off - p.lineStart + 1
}

func (p *jsonParser) token() (json.Token, int, int, error) {
	line, col := p.position(p.start())
	tok, err := p.dec.Token()
	if err != nil {
		if err == io.EOF {
			return nil, line, col, &Error{Line: line, Col: col, Msg: "invalid JSON: unexpected end of file"}
		}
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col = p.position(int(se.Offset))
		}
		return nil, line, col, &Error{Line: line, Col: col, Msg: "invalid JSON: " + strings.TrimPrefix(err.Error(), "json: ")}
	}
	return tok, line, col, nil
}

func (p *jsonParser) value() (*Node, error) {
	tok, line, col, err := p.token()
	if err != nil {
		return nil, err
	}
	return p.build(tok, line, col)
}

func (p *jsonParser) build(tok json.Token, line, col int) (*Node, error) {
	n := &Node{Line: line, Column: col}
	switch t := tok.(type) {
	case json.Delim:
		p.depth++
		defer func() { p.depth-- }()
		if p.depth > maxDepth {
			return nil, &Error{Line: line, Col: col, Msg: fmt.Sprintf("invalid JSON: nested deeper than %d levels", maxDepth)}
		}
		switch t {
		case '{':
			n.Kind, n.Tag = yaml.MappingNode, "!!map"
			for p.dec.More() {
				ktok, kl, kc, err := p.token()
				if err != nil {
					return nil, err
				}
				key, ok := ktok.(string)
				if !ok {
					return nil, &Error{Line: kl, Col: kc, Msg: "invalid JSON: object keys must be strings"}
				}
				v, err := p.value()
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, &Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: kl, Column: kc}, v)
			}
		case '[':
			n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
			for p.dec.More() {
				v, err := p.value()
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, v)
			}
		default:
			return nil, &Error{Line: line, Col: col, Msg: fmt.Sprintf("invalid JSON: unexpected %q", rune(t))}
		}
		if _, _, _, err := p.token(); err != nil { // the closing delimiter
			return nil, err
		}
	case string:
		n.Kind, n.Tag, n.Value, n.Style = yaml.ScalarNode, "!!str", t, yaml.DoubleQuotedStyle
	case json.Number:
		n.Kind, n.Value = yaml.ScalarNode, t.String()
		n.Tag = "!!int"
		if strings.ContainsAny(n.Value, ".eE") {
			n.Tag = "!!float"
		}
	case bool:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", fmt.Sprint(t)
	case nil:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!null", "null"
	}
	return n, nil
}
