package report

import (
	"reflect"
	"strings"
	"testing"
)

// A command too wide for the terminal continues after " \", so that its
// lines copied together are the one command; quoted words and a flag
// with its value stay whole.
func TestCommandLines(t *testing.T) {
	cmd := "ladder assess --resume '/home/ada/my files/2026-12-03T094933Z-ada-self.yaml' --rubric r.yaml --target staff"
	got := commandLines(cmd, 60, "  ")
	want := []string{
		"  ladder assess \\",
		"    --resume '/home/ada/my files/2026-12-03T094933Z-ada-self.yaml' \\",
		"    --rubric r.yaml --target staff",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := commandLines(cmd, 0, ""); !reflect.DeepEqual(got, []string{cmd}) {
		t.Errorf("no width: %q", got)
	}
	// The words, joined again, are the command.
	var words []string
	for _, line := range got {
		words = append(words, strings.Fields(strings.TrimSuffix(line, " \\"))...)
	}
	if strings.Join(words, " ") != cmd {
		t.Errorf("the lines do not make the command: %q", words)
	}
	if got := shellWords(`a 'b c' $'d\'e f' g\ h`); !reflect.DeepEqual(got, []string{"a", "'b c'", `$'d\'e f'`, `g\ h`}) {
		t.Errorf("shellWords = %q", got)
	}
}

func TestAndList(t *testing.T) {
	for _, tc := range []struct {
		items []string
		want  string
	}{
		{nil, ""},
		{[]string{"a"}, "a"},
		{[]string{"a", "b"}, "a and b"},
		{[]string{"a", "b", "c"}, "a, b and c"},
		// A title holding a comma is quoted among others.
		{[]string{"Intern, Backend Engineer", "Backend Engineer"}, "“Intern, Backend Engineer” and Backend Engineer"},
		{[]string{"Intern, Backend Engineer"}, "Intern, Backend Engineer"},
	} {
		if got := andList(tc.items); got != tc.want {
			t.Errorf("andList(%q) = %q, want %q", tc.items, got, tc.want)
		}
	}
}
