package doc

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

func TestPositionsAreTheSameInYAMLAndJSON(t *testing.T) {
	for _, tc := range []struct{ file, src string }{
		{"a.yaml", "name: Ada\nratings:\n  english: 3\n"},
		{"a.json", "{\"name\": \"Ada\",\n\t\"ratings\": {\n\t\t\"english\": 3}}"},
	} {
		d, err := Parse(tc.file, []byte(tc.src))
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		var line int
		err = d.Map(d.Root, "doc", nil, func(key string, f Field) error {
			if key == "ratings" {
				return d.Map(f.Value, "ratings", nil, func(k string, f Field) error {
					line = f.Key.Line
					_, err := d.Int(f.Value, "rating")
					return err
				})
			}
			return nil
		})
		if err != nil || line != 3 {
			t.Errorf("%s: english key at line %d (err %v), want 3", tc.file, line, err)
		}
	}
}

func TestJSONKeepsItsEscapes(t *testing.T) {
	d, err := Parse("a.json", []byte(`{"url": "a\/b", "n": "\u00e9"}`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	_ = d.Map(d.Root, "doc", nil, func(_ string, f Field) error {
		s, _ := d.String(f.Value, "v")
		got = append(got, s)
		return nil
	})
	if strings.Join(got, ",") != "a/b,é" {
		t.Errorf("got %v", got)
	}
}

func TestBadDocuments(t *testing.T) {
	for _, tc := range []struct{ name, file, src, want string }{
		{"empty", "a.yaml", "  \n", "a.yaml: the file is empty"},
		{"binary", "a.yaml", "a: \x00\x01", "a.yaml: not a text file (it contains NUL bytes)"},
		{"two documents", "a.yaml", "a: 1\n---\nb: 2\n", "a.yaml:2:1: more than one YAML document in the file"},
		{"truncated JSON", "a.json", "{\"a\": [1, 2", "a.json:1:12: invalid JSON: unexpected end of file"},
		{"JSON trailing data", "a.json", "{} {}", "a.json:1:4: invalid JSON: unexpected content after the top-level value"},
		{"deep JSON", "a.json", strings.Repeat("[", 5000), "a.json:1:1001: invalid JSON: nested deeper than 1000 levels"},
		{"YAML scanner error", "a.yaml", "a: 1\n  b: 2\n", "a.yaml:2: invalid YAML: mapping values are not allowed in this context"},
		{"YAML parser error", "a.yaml", "a: 1\nb: 2\nc: [1, 2\n", "a.yaml:3: invalid YAML: did not find expected ',' or ']'"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.file, []byte(tc.src))
			if err == nil || err.Error() != tc.want {
				t.Errorf("got %v, want %s", err, tc.want)
			}
		})
	}
}

func TestDuplicateKeysAndUnknownFields(t *testing.T) {
	d, err := Parse("a.yaml", []byte("a: 1\nb: 2\na: 3\n"))
	if err != nil {
		t.Fatal(err)
	}
	err = d.Map(d.Root, "the thing", nil, func(string, Field) error { return nil })
	if err == nil || err.Error() != `a.yaml:3:1: duplicate key "a" in the thing (first at line 1)` {
		t.Errorf("got %v", err)
	}
	d, _ = Parse("a.yaml", []byte("a: 1\nc: 2\n"))
	err = d.Map(d.Root, "the thing", []string{"a", "b"}, func(string, Field) error { return nil })
	if err == nil || err.Error() != `a.yaml:2:1: unknown field "c" in the thing (known: a, b)` {
		t.Errorf("got %v", err)
	}
}

// A "billion laughs" document is small but expands without end; the decoder
// stops counting at MaxNodes.
func TestAliasBombIsStopped(t *testing.T) {
	src := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h"} {
		src += name + ": &" + name + " [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]\n"
		prev = name
	}
	d, err := Parse("bomb.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(n *Node) error
	walk = func(n *Node) error {
		r, err := d.resolve(n)
		if err != nil {
			return err
		}
		for _, c := range r.Content {
			if err := walk(c); err != nil {
				return err
			}
		}
		return nil
	}
	err = walk(d.Root)
	if err == nil || !strings.Contains(err.Error(), "expands to more than 1000000 values") {
		t.Errorf("got %v", err)
	}
}

func TestReadFileRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, make([]byte, 2048), 0o600); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for _, tc := range []struct{ path, want string }{
		{dir, "is a folder, not a file"},
		{fifo, "is not a regular file"},
		{big, "is 2048 bytes, larger than the 1024 bytes limit"},
		{filepath.Join(dir, "missing.yaml"), "no such file"},
	} {
		_, err := ReadFile(tc.path, 1024)
		var de *Error
		if !errors.As(err, &de) || de.Msg != tc.want || de.File != tc.path {
			t.Errorf("%s: got %v, want %s", tc.path, err, tc.want)
		}
	}
}

// Positions in JSON are found in one pass: a large file parses in time
// proportional to its size.
func BenchmarkParseLargeJSON(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("{\"ratings\": {\n")
	for i := 0; i < 50000; i++ {
		if i > 0 {
			sb.WriteString(",\n")
		}
		sb.WriteString("  \"c" + strconv.Itoa(i) + "\": 3")
	}
	sb.WriteString("\n}}\n")
	src := []byte(sb.String())
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Parse("big.json", src); err != nil {
			b.Fatal(err)
		}
	}
}
