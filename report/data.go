package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"
)

// WriteJSON writes v as indented JSON. Characters that could take over a
// terminal the JSON is shown in (C1 controls, bidirectional overrides)
// are written as \u escapes: the same string for a program, inert on a
// screen. encoding/json escapes the C0 controls itself.
func WriteJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, escapeInert(b.String()))
	return err
}

// WriteYAML writes v as YAML. A string holding characters that could take
// over a terminal is written double-quoted, with those characters as \u
// escapes (the YAML library escapes C0 controls, not these).
func WriteYAML(w io.Writer, v any) error {
	var n yaml.Node
	if err := n.Encode(v); err != nil {
		return err
	}
	quote := false
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode && strings.IndexFunc(n.Value, needsEscape) >= 0 {
			n.Style, quote = yaml.DoubleQuotedStyle, true
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&n)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&n); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	out := b.String()
	if quote {
		// Such characters only stand in double-quoted scalars now, where
		// a \u escape means the same character.
		out = escapeInert(out)
	}
	_, err := io.WriteString(w, out)
	return err
}

// needsEscape reports the characters data output escapes: C1 controls and
// bidirectional embeddings, overrides and isolates.
func needsEscape(r rune) bool {
	return r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// escapeInert writes the characters of needsEscape as \u escapes, valid in
// JSON strings and double-quoted YAML alike.
func escapeInert(s string) string {
	if strings.IndexFunc(s, needsEscape) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if needsEscape(r) {
			fmt.Fprintf(&b, `\u%04X`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
