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
		{"malformed second document", "a.yaml", "a: 1\n---\nb: [\n", "a.yaml:4: more than one YAML document in the file, and the next one is invalid YAML: did not find expected node content"},
		{"malformed second document after an end marker", "a.yaml", "a: 1\n...\nb: 2\n  c: 3\n", "a.yaml:3: invalid YAML: did not find expected <document start>"},
		{"empty second document", "a.yaml", "a: 1\n---\n", "a.yaml:2:1: more than one YAML document in the file"},
		{"YAML flow mapping read as JSON", "a.yaml", "{a: 1, b: [x, 010]} {", "a.yaml:1: invalid YAML: did not find expected <document start>"},
		{"JSON after a byte order mark", "a.json", "\ufeff{\"a\": }", "a.json:1:7: invalid JSON: invalid character '}' looking for beginning of value"},
		{"unnamed JSON", "a", "{\"a\": 1,}", "a:1:9: invalid JSON: invalid character '}' looking for beginning of object key string"},
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

// The extension names the format when it can; the content decides only
// for other names.
func TestFormatFollowsTheExtension(t *testing.T) {
	for _, tc := range []struct {
		file, src string
		json      bool
	}{
		{"a.json", "a: 1", true},
		{"a.JSON", "{}", true},
		{"a.yaml", "{a: 1}", false},
		{"a.yml", "[1, 2]", false},
		{"a.YAML", "{\"a\": 1}", false},
		{"a", "  \n{\"a\": 1}", true},
		{"a.txt", "[1]", true},
		{"a.txt", "\ufeff[1]", true},
		{"a.txt", "a: 1", false},
		{"-", "", false},
	} {
		if got := IsJSON(tc.file, []byte(tc.src)); got != tc.json {
			t.Errorf("IsJSON(%q, %q) = %v, want %v", tc.file, tc.src, got, tc.json)
		}
	}
}

// A YAML file that opens with a flow mapping is YAML: its unquoted keys and
// values are fine.
func TestYAMLFlowMappingIsYAML(t *testing.T) {
	d, err := Parse("a.yaml", []byte("{person: Ada, ratings: {english: 3}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	err = d.Map(d.Root, "doc", nil, func(key string, _ Field) error {
		got = append(got, key)
		return nil
	})
	if err != nil || strings.Join(got, ",") != "person,ratings" {
		t.Errorf("keys %v, err %v", got, err)
	}
}

// A byte order mark is skipped in both formats, and positions on the first
// line do not count it.
func TestByteOrderMarkIsSkipped(t *testing.T) {
	for _, tc := range []struct {
		file, src string
		col       int // of the key
	}{
		{"a.json", "\ufeff{\"a\": \"x\"}", 2},
		{"a.yaml", "\ufeffa: x\n", 1},
		{"a", "\ufeff {\"a\": \"x\"}", 3},
	} {
		d, err := Parse(tc.file, []byte(tc.src))
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		_ = d.Map(d.Root, "doc", nil, func(_ string, f Field) error {
			if f.Key.Line != 1 || f.Key.Column != tc.col {
				t.Errorf("%s: key at %d:%d, want 1:%d", tc.file, f.Key.Line, f.Key.Column, tc.col)
			}
			return nil
		})
	}
}

// Numbers are read as written, in decimal, or refused with the reason.
func TestNumbersAreReadAsWritten(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want string // the value, or the error
	}{
		{"v: 3", "3"},
		{"v: +3", "3"},
		{"v: -2", "-2"},
		{"v: 0", "0"},
		{"v: 010", `a.yaml:1:4: v must be a whole number in decimal digits, not "010"`},
		{"v: 0o10", `a.yaml:1:4: v must be a whole number in decimal digits, not "0o10"`},
		{"v: 0x1F", `a.yaml:1:4: v must be a whole number in decimal digits, not "0x1F"`},
		{"v: 0b11", `a.yaml:1:4: v must be a whole number in decimal digits, not "0b11"`},
		{"v: 1_0", `a.yaml:1:4: v must be a whole number in decimal digits, not "1_0"`},
		{"v: !!int maybe", `a.yaml:1:4: v must be a whole number, not "maybe"`},
		{"v: 3.0", `a.yaml:1:4: v must be a whole number, not "3.0"`},
		{"v: \"3\"", `a.yaml:1:4: v must be a whole number, not "3"`},
		{"v: 99999999999", `a.yaml:1:4: v must be a whole number, not "99999999999"`},
	} {
		d, err := Parse("a.yaml", []byte(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		_ = d.Map(d.Root, "doc", nil, func(_ string, f Field) error {
			v, err := d.Int(f.Value, "v")
			if got = strconv.Itoa(v); err != nil {
				got = err.Error()
			}
			return nil
		})
		if got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.src, got, tc.want)
		}
	}
}

func TestFloatsAreFinite(t *testing.T) {
	for _, tc := range []struct{ file, src, want string }{
		{"a.yaml", "v: 0.8", "0.8"},
		{"a.yaml", "v: 1", "1"},
		{"a.yaml", "v: .5", "0.5"},
		{"a.yaml", "v: 5e-1", "0.5"},
		{"a.json", `{"v": 8E-1}`, "0.8"},
		{"a.yaml", "v: .nan", `a.yaml:1:4: v must be a finite number, not ".nan"`},
		{"a.yaml", "v: !!float nan", `a.yaml:1:4: v must be a finite number, not "nan"`},
		{"a.yaml", "v: !!float NaN", `a.yaml:1:4: v must be a finite number, not "NaN"`},
		{"a.yaml", "v: .inf", `a.yaml:1:4: v must be a finite number, not ".inf"`},
		{"a.yaml", "v: -.Inf", `a.yaml:1:4: v must be a finite number, not "-.Inf"`},
		{"a.yaml", "v: !!float +Inf", `a.yaml:1:4: v must be a finite number, not "+Inf"`},
		{"a.yaml", "v: 1e400", `a.yaml:1:4: v must be a number, not "1e400"`},
		{"a.json", `{"v": 1e999}`, `a.json:1:7: v must be a finite number, not "1e999"`},
		{"a.yaml", "v: !!float 0x1p-1", `a.yaml:1:4: v must be a number, not "0x1p-1"`},
		{"a.yaml", "v: high", `a.yaml:1:4: v must be a number, not "high"`},
	} {
		d, err := Parse(tc.file, []byte(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		_ = d.Map(d.Root, "doc", nil, func(_ string, f Field) error {
			v, err := d.Float(f.Value, "v")
			if got = strconv.FormatFloat(v, 'g', -1, 64); err != nil {
				got = err.Error()
			}
			return nil
		})
		if got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.src, got, tc.want)
		}
	}
}

func TestYesNo(t *testing.T) {
	for _, tc := range []struct {
		file, src string
		yes, ok   bool
	}{
		{"a.yaml", "v: yes", true, true},
		{"a.yaml", "v: No", false, true},
		{"a.yaml", "v: \"YES\"", true, true},
		{"a.yaml", "v: true", true, true},
		{"a.yaml", "v: FALSE", false, true},
		{"a.yaml", "v: !!bool yes", true, true},
		{"a.json", `{"v": true}`, true, true},
		{"a.json", `{"v": "no"}`, false, true},
		{"a.yaml", "v: !!bool maybe", false, false},
		{"a.yaml", "v: !!bool 1", false, false},
		{"a.yaml", "v: \"true\"", false, false},
		{"a.yaml", "v: maybe", false, false},
		{"a.yaml", "v: 1", false, false},
		{"a.yaml", "v: [yes]", false, false},
		{"a.yaml", "v: !!str no", false, true},
		{"a.yaml", "v: !custom yes", false, false},
	} {
		d, err := Parse(tc.file, []byte(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		_ = d.Map(d.Root, "doc", nil, func(_ string, f Field) error {
			if yes, ok := d.YesNo(f.Value); ok != tc.ok || (ok && yes != tc.yes) {
				t.Errorf("%s: got %v, %v; want %v, %v", tc.src, yes, ok, tc.yes, tc.ok)
			}
			return nil
		})
	}
}
