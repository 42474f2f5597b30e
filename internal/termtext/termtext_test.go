package termtext

import (
	"reflect"
	"strings"
	"testing"
)

func TestSafe(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Ada Lovelace", "Ada Lovelace"},
		{"Zoë 日本", "Zoë 日本"},
		{"\x1b]0;pwned\x07Ada", "␛]0;pwned␇Ada"},
		{"\x1b[2J\x1b[HAda", "␛[2J␛[HAda"},
		{"line\nbreak\r\ttab", "line break  tab"},
		{"bell\x07 del\x7f bs\x08", "bell␇ del␡ bs␈"},
		{"c1 \u009b31m csi", "c1 \ufffd31m csi"},
		{"raw \x9b byte", "raw \ufffd byte"},
		{"evil\u202eexe.txt", "evil\ufffdexe.txt"},
		{"iso\u2066late\u2069", "iso\ufffdlate\ufffd"},
		{"mark\u200f ok", "mark\u200f ok"},
		{"ls\u2028ps\u2029nel\u0085", "ls ps nel "},
		{"emoji 👩‍💻 ok", "emoji 👩‍💻 ok"},
	} {
		if got := Safe(tc.in); got != tc.want {
			t.Errorf("Safe(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSafeLeavesNoControl(t *testing.T) {
	var all strings.Builder
	for r := rune(0); r < 0x3000; r++ {
		all.WriteRune(r)
	}
	all.WriteString("\xff\xfe\x80")
	for _, r := range Safe(all.String()) {
		if r < 0x20 || r >= 0x7f && r <= 0x9f || isBidiControl(r) {
			t.Fatalf("Safe left %U", r)
		}
	}
}

func TestWidth(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"abc", 3},
		{"日本語", 6},
		{"Zoë", 3},
		{"e\u0301", 1},
		{"\x1b[1mbold\x1b[0m", 4},
		{"████░░", 6},
		{"🚀x", 3},
	} {
		if got := Width(tc.in); got != tc.want {
			t.Errorf("Width(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		text        string
		width       int
		first, rest string
		want        string
	}{
		{"the quick brown fox jumps", 10, "", "", "the quick\nbrown fox\njumps"},
		{"the quick brown fox", 12, "  - ", "    ", "  - the\n    quick\n    brown\n    fox"},
		{"日本語の文字 列です", 8, "", "", "日本語の\n文字\n列です"},
		{"a supercalifragilistic word", 10, "", "", "a\nsupercalifragilistic\nword"},
		{"no limit at all here", 0, "> ", "", "> no limit at all here"},
		{"line\nbreaks\tand \x1b[2J", 40, "", "", "line breaks and ␛[2J"},
		{"", 10, "  ", "  ", ""},
	} {
		if got := Wrap(tc.text, tc.width, tc.first, tc.rest); got != tc.want {
			t.Errorf("Wrap(%q, %d) =\n%q\nwant\n%q", tc.text, tc.width, got, tc.want)
		}
		for _, line := range Lines(tc.text, tc.width, tc.first, tc.rest) {
			if tc.width > 0 && Width(line) > tc.width && strings.Contains(strings.TrimSpace(line), " ") {
				t.Errorf("Wrap(%q, %d): line %q is %d cells wide", tc.text, tc.width, line, Width(line))
			}
		}
	}
}

// A table cell is cut where a word is longer than its column.
func TestBreak(t *testing.T) {
	got := strings.Join(Break("a supercalifragilistic 日本語の文字 word", 10), "|")
	if want := "a|supercalif|ragilistic|日本語の文|字 word"; got != want {
		t.Errorf("Break = %q, want %q", got, want)
	}
}

func TestWrapItems(t *testing.T) {
	got := WrapItems([]string{"\x1b[31m[required]\x1b[0m", "senior rung", "now 1", "expected 3"}, " · ", 30, "  ", "  ")
	want := "  \x1b[31m[required]\x1b[0m · senior rung\n  now 1 · expected 3"
	if got != want {
		t.Errorf("WrapItems =\n%q\nwant\n%q", got, want)
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("the quick brown fox", 10)
	f.Add("日本語の文字列です", 3)
	f.Add("\x1b]0;x\x07 a\u202e", 1)
	f.Fuzz(func(t *testing.T, text string, width int) {
		width = width % 200
		lines := Break(Safe(text), width)
		for _, line := range lines {
			if width > 1 && Width(line) > width {
				t.Fatalf("line %q is %d cells, wider than %d", line, Width(line), width)
			}
			if strings.ContainsAny(line, "\x1b\n\r\x07") {
				t.Fatalf("line %q holds a control character", line)
			}
		}
		if strings.Join(strings.Fields(strings.Join(lines, "")), "") != strings.Join(strings.Fields(Safe(text)), "") {
			t.Fatalf("text lost or changed: %q -> %q", text, lines)
		}
	})
}

// TestWrapPlain: plain text is wrapped as fill wraps it, whatever its
// spaces, widths and prefixes.
func TestWrapPlain(t *testing.T) {
	texts := []string{"", " ", "a", "code: Ben 4, Max 3, Ada 2", "two  spaces", " lead", "trail ", "   ",
		"a very long line of words that goes on and on past the end of any line", "x", "averyveryverylongwordindeed and more",
		"tab\there", "ünï cödé"}
	for _, text := range texts {
		for _, width := range []int{0, 1, 5, 12, 20, 30, 80, 200} {
			for _, first := range []string{"", "  ", "       ", "> ", "→ "} {
				rest := first + "  "
				want := fill(strings.Fields(Safe(text)), width, first, rest, false)
				if got := Lines(text, width, first, rest); !reflect.DeepEqual(got, want) {
					t.Errorf("Lines(%q, %d, %q) = %q, want %q", text, width, first, got, want)
				}
				if got := Wrap(text, width, first, rest); got != strings.Join(want, "\n") {
					t.Errorf("Wrap(%q, %d, %q) = %q, want %q", text, width, first, got, strings.Join(want, "\n"))
				}
			}
		}
	}
}

// FuzzWrapPlain: for any text, width and prefix, Wrap's quick way with
// plain text makes the lines its general way makes.
func FuzzWrapPlain(f *testing.F) {
	f.Add("code: Ben 4, Max 3, Ada 2", 20, "  ")
	f.Add("  two  spaces  ", 3, "")
	f.Add("averyveryverylongword x", 8, "> ")
	f.Fuzz(func(t *testing.T, text string, width int, first string) {
		width %= 300
		rest := first + " "
		want := fill(strings.Fields(Safe(text)), width, first, rest, false)
		if got := Lines(text, width, first, rest); !reflect.DeepEqual(got, want) {
			t.Fatalf("Lines(%q, %d, %q) = %q, want %q", text, width, first, got, want)
		}
	})
}
