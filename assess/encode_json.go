package assess

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/ladderhq/ladder/rubric"
	"go.yaml.in/yaml/v3"
)

// EncodeJSON writes an assessment as JSON: the same fields, order and
// values as Encode's YAML, so that a file keeps its format and its diffs
// stay clean whichever format it is in.
func EncodeJSON(a *Assessment, r *rubric.Rubric) ([]byte, error) {
	var b bytes.Buffer
	if err := writeJSON(&b, document(a, r), ""); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// writeJSON writes a document built by document: block mappings one key a
// line, flow mappings and sequences on one line, scalars by their tag.
func writeJSON(b *bytes.Buffer, n *yaml.Node, indent string) error {
	switch n.Kind {
	case yaml.MappingNode:
		if len(n.Content) == 0 {
			b.WriteString("{}")
			return nil
		}
		inner := indent + "  "
		start, sep, end := "{\n"+inner, ",\n"+inner, "\n"+indent+"}"
		if n.Style == yaml.FlowStyle {
			start, sep, end = "{", ", ", "}"
		}
		b.WriteString(start)
		for i := 0; i < len(n.Content); i += 2 {
			if i > 0 {
				b.WriteString(sep)
			}
			if err := writeJSONString(b, n.Content[i].Value); err != nil {
				return err
			}
			b.WriteString(": ")
			if err := writeJSON(b, n.Content[i+1], inner); err != nil {
				return err
			}
		}
		b.WriteString(end)
	case yaml.SequenceNode:
		b.WriteByte('[')
		for i, item := range n.Content {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := writeJSON(b, item, indent); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!str":
			return writeJSONString(b, n.Value)
		case "!!int":
			if !json.Valid([]byte(n.Value)) || strings.ContainsAny(n.Value, ".eE") {
				return fmt.Errorf("%q is not an integer", n.Value)
			}
			b.WriteString(n.Value)
		default:
			return fmt.Errorf("no JSON for a %s scalar", n.Tag)
		}
	default:
		return fmt.Errorf("no JSON for a YAML node of kind %d", n.Kind)
	}
	return nil
}

// writeJSONString writes s as a JSON string, leaving <, > and & as they
// are: the file is data, not a web page.
func writeJSONString(b *bytes.Buffer, s string) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return err
	}
	b.Truncate(b.Len() - 1) // the encoder's newline
	return nil
}
