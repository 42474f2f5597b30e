package cmd

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder/internal/prompt"
	pt "github.com/ladderhq/ladder/internal/prompt/prompttest"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// hostile is what an attacker writes in a name, a note, a rubric's text or
// a file name: an OSC that sets the window title, a clear screen, a colour,
// bidirectional overrides and isolates, a C1 CSI, a line break that starts
// a fake line, a Markdown heading and table pipe, a spreadsheet formula.
// It is YAML double-quoted text (\e is ESC, \a BEL).
const hostile = `Eve\e]0;pwned\a\e[2J\e[31m\u202eevil\u2066x\x9b31m\r\nINJECTED\n# INJECTED | =1+1`

// hostileName is the same in a file name.
const hostileName = "eve\x1b]0;pwned\x07\x1b[2J\u202e"

func writeHostileFixtures(t *testing.T) (dir, rubricFile, old, new string) {
	t.Helper()
	dir = t.TempDir()
	h := hostile
	rubricFile = filepath.Join(dir, "rubric"+hostileName+".yaml")
	write(t, rubricFile, `format: ladder/rubric/v1
id: tiny-backend
version: "1"
title: "Tiny `+h+`"
scale:
  - {value: 0, label: "Not yet `+h+`", description: "Never `+h+`"}
  - {value: 1, label: With help, description: Done it with someone guiding me.}
  - {value: 2, label: Alone, description: Do it on my own.}
  - {value: 3, label: Teaches, description: Teach it to others.}
levels:
  - {id: junior, title: "Junior `+h+`", grade: 1, expect: 1, notes: "Note `+h+`"}
  - {id: senior, title: Senior Engineer, grade: 2, expect: 2}
themes:
  - {id: craft, title: "Craft `+h+`"}
specialties:
  - {id: db, title: "Databases `+h+`", summary: "Schemas `+h+`", notes: "Specialty note `+h+`"}
groups:
  - {id: langs, title: "Languages `+h+`", min: 1, strength: required}
criteria:
  - id: go
    level: junior
    strength: required
    theme: craft
    group: langs
    prompt: "How proficient are you in Go? `+h+`"
    help: "Help `+h+`"
    notes: "Caveat `+h+`"
    source: "Requirements/1"
  - {id: ruby, level: junior, group: langs, prompt: "Ruby? `+h+`", source: Requirements/2}
  - {id: mentor, level: senior, kind: responsibility, strength: strong, prompt: "Mentor? `+h+`", source: Senior/1}
  - {id: oss, level: junior, kind: nice-to-have, answer: yesno, prompt: "OSS? `+h+`", source: Nice-to-have/1}
  - {id: db-sql, specialty: db, strength: required, prompt: "SQL? `+h+`", source: Databases/1}
`)
	sheet := func(name, rater, role, updated, goRating string) string {
		path := filepath.Join(dir, "team", name)
		write(t, path, `format: ladder/assessment/v1
rubric: {id: tiny-backend, version: "1"}
person: "`+h+`"
rater: "`+rater+`"
role: `+role+`
current_level: junior
target_level: senior
specialties: [db]
updated: `+updated+`
ratings:
  go: {rating: `+goRating+`, note: "Evidence `+h+`"}
  ruby: 1
  mentor: {rating: 0, note: "Mentor note `+h+`"}
  db-sql: 0
`)
		return path
	}
	old = sheet("old"+hostileName+".yaml", h, "self", "2026-01-10T10:00:00Z", "1")
	new = sheet("new"+hostileName+".yaml", h, "self", "2026-11-24T10:00:00Z", "3")
	sheet("manager.yaml", "Mallory "+h, "manager", "2026-11-24T10:00:00Z", "0")
	sheet("peer.yaml", "=HYPERLINK(\\\"x\\\") "+h, "peer", "2026-11-24T10:00:00Z", "3")
	return dir, rubricFile, old, new
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// ours are the only escape sequences ladder writes: its colours.
var ours = regexp.MustCompile(`\x1b\[(0|1|2|31|32|33|36)m`)

// checkInert fails when output holds anything that acts on a terminal
// instead of showing: an escape sequence other than ladder's colours, a
// control character other than a line break, a C1 control, a
// bidirectional override or isolate.
func checkInert(t *testing.T, what, out string) {
	t.Helper()
	rest := ours.ReplaceAllString(out, "")
	for i, r := range rest {
		bad := r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r <= 0x9f ||
			r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
		if bad {
			t.Errorf("%s: %U at byte %d: %q", what, r, i, rest[max(0, i-20):min(len(rest), i+20)])
			return
		}
	}
}

// Whatever a user wrote reaches the terminal inert, from every command,
// in tables, text, Markdown, CSV, data, prompts and error lines, with and
// without colour.
func TestHostileTextIsNeutralised(t *testing.T) {
	dir, rubricFile, old, new := writeHostileFixtures(t)
	data := filepath.Join(dir, "data")
	folder := filepath.Join(data, "ladder", "assessments", "eve-pwned")
	copyTo := func(from, name string) {
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(folder, name), string(b))
	}
	copyTo(old, "2026-01-10T100000Z-eve-self.yaml")
	copyTo(new, "2026-11-24T100000Z-eve-self.yaml")
	write(t, filepath.Join(folder, "broken"+hostileName+".yaml"), "format: [")

	// A second version of the rubric: one prompt reworded, one criterion
	// renamed, for ladder rubric diff OLD NEW.
	b, err := os.ReadFile(rubricFile)
	if err != nil {
		t.Fatal(err)
	}
	v2 := strings.NewReplacer(`version: "1"`, `version: "2"`, `prompt: "Ruby? `, `prompt: "Ruby on Rails? `, "id: mentor,", "id: mentor-all,").Replace(string(b))
	rubricV2 := filepath.Join(dir, "v2"+hostileName+".yaml")
	write(t, rubricV2, v2)

	rub := []string{"--rubric", rubricFile}
	cases := [][]string{
		{"score", "--gaps", "0", old, new},
		{"score", "-o", "yaml", old},
		{"score", "-o", "json", old},
		{"plan", "--specialty", "db", new},
		{"plan", "-o", "markdown", "--specialty", "db", new},
		{"diff", old, new},
		{"diff", "-o", "markdown", old, new},
		{"diff", "-o", "yaml", new, old},
		{"calibrate", filepath.Join(dir, "team")},
		{"calibrate", "-o", "markdown", filepath.Join(dir, "team")},
		{"calibrate", "-o", "json", filepath.Join(dir, "team")},
		{"calibrate", "-o", "html", filepath.Join(dir, "team")},
		{"calibrate", "--anonymize", filepath.Join(dir, "team")},
		{"calibrate", "-o", "csv", "--out", filepath.Join(dir, "views"+hostileName) + "/", filepath.Join(dir, "team")},
		{"calibrate", "--out", filepath.Join(dir, "out"+hostileName+".txt"), filepath.Join(dir, "team")},
		{"rubric", "diff", "junior", "senior"},
		{"rubric", "diff", "-o", "markdown", "junior", "senior"},
		{"rubric", "diff", "-o", "json", "junior", "senior"},
		{"rubric", "diff", rubricFile, rubricV2},
		{"rubric", "diff", "-o", "markdown", rubricFile, rubricV2},
		{"history"},
		{"history", "eve-pwned"},
		{"report", "-o", "markdown", new},
		{"report", "-o", "html", new},
		{"rubric", "list"},
		{"rubric", "show", "junior"},
		{"rubric", "show", "db"},
		{"rubric", "show", "langs"},
		{"rubric", "show", "go"},
		{"rubric", "show", "craft"},
		{"rubric", "validate", rubricFile},
		{"score", filepath.Join(dir, "missing"+hostileName+".yaml")},
		{"score", filepath.Join(folder, "broken"+hostileName+".yaml")},
		{"diff", old, filepath.Join(dir, "nope"+hostileName)},
		{"plan", "--target", hostileName, new},
		{"rubric", "show", hostileName},
		{hostileName},
		{"score", "--gaps=" + hostileName, new},
	}
	for _, args := range cases {
		for _, tty := range []bool{false, true} {
			var out, errb bytes.Buffer
			env := &Env{
				IO: IO{In: strings.NewReader(""), Out: &out, Err: &errb, OutTTY: tty},
				Getenv: func(k string) string {
					if k == "XDG_DATA_HOME" {
						return data
					}
					return ""
				},
				Now: func() time.Time { return time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC) },
			}
			all := append(append([]string{}, rub...), args...)
			Run(env, all)
			name := strings.Join(args[:min(2, len(args))], " ")
			if tty {
				name += " (terminal)"
			}
			checkInert(t, name+" stdout", out.String())
			checkInert(t, name+" stderr", errb.String())
			// The attacker's line break does not start a line: the
			// name stays whole on the first line.
			if first, _, _ := strings.Cut(ours.ReplaceAllString(out.String(), ""), "\n"); args[0] == "score" && out.Len() > 0 &&
				!strings.Contains(first, "Eve") == strings.Contains(first, "INJECTED") {
				t.Errorf("%s: the first line is %q", name, first)
			}
		}
	}
}

// Files written with --out are neutralised as standard output is: the
// calibration's CSV views and its table.
func TestHostileTextInFiles(t *testing.T) {
	dir, rubricFile, _, _ := writeHostileFixtures(t)
	views, table := filepath.Join(dir, "views"+hostileName)+"/", filepath.Join(dir, "out"+hostileName+".txt")
	for _, args := range [][]string{
		{"calibrate", "-o", "csv", "--out", views, filepath.Join(dir, "team")},
		{"calibrate", "--out", table, filepath.Join(dir, "team")},
	} {
		var out, errb bytes.Buffer
		env := &Env{IO: IO{In: strings.NewReader(""), Out: &out, Err: &errb}, Getenv: func(string) string { return "" }, Now: time.Now}
		if code := Run(env, append([]string{"--rubric", rubricFile}, args...)); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		checkInert(t, args[len(args)-3]+" stderr", errb.String())
	}
	files := []string{table}
	for _, view := range []string{"people", "raters", "agreement", "levels"} {
		files = append(files, filepath.Join(views, view+".csv"))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkInert(t, filepath.Base(f), string(b))
	}
}

// The interactive assessment shows rubric text and names inert too: the
// intro, the section headings and the result.
func TestHostileTextInAssess(t *testing.T) {
	_, rubricFile, _, _ := writeHostileFixtures(t)
	s := newSession(t,
		pt.Input("Who is being assessed?", "Eve\x1b]0;pwned\x07\u202e"),
		pt.Select("Who is giving the ratings?", 0),
		pt.Select("Current level:", 1),
		pt.Select("Target level:", 0),
		pt.MultiSelect("Specialties to assess (none is fine):", 0),
		pt.Interrupt(pt.SelectKind, ""),
	)
	s.env.Getenv = func(k string) string {
		if k == "XDG_DATA_HOME" {
			return s.data
		}
		return ""
	}
	s.run("assess", "--rubric", rubricFile)
	checkInert(t, "assess stdout", s.out.String())
	checkInert(t, "assess stderr", s.err.String())
	if !strings.Contains(s.out.String(), "Eve␛]0;pwned␇") {
		t.Errorf("the name does not show, neutralised:\n%s", s.out.String())
	}
}

// Markdown: names and notes cannot break a table, start a heading or
// slip in HTML, whatever they hold.
func TestHostileMarkdownStructure(t *testing.T) {
	dir, rubricFile, old, new := writeHostileFixtures(t)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	for _, args := range [][]string{
		{"calibrate", "-o", "markdown", filepath.Join(dir, "team")},
		{"plan", "-o", "markdown", "--specialty", "db", new},
		{"diff", "-o", "markdown", old, new},
		{"report", "-o", "markdown", new},
		{"rubric", "diff", "-o", "markdown", "junior", "senior"},
	} {
		var out, errb bytes.Buffer
		env := &Env{IO: IO{In: strings.NewReader(""), Out: &out, Err: &errb}, Getenv: func(string) string { return "" }, Now: time.Now}
		if code := Run(env, append([]string{"--rubric", rubricFile}, args...)); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		src := out.Bytes()
		doc := md.Parser().Parse(text.NewReader(src))
		err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *ast.Heading:
				if strings.Contains(string(n.Lines().Value(src)), "INJECTED") && !strings.Contains(string(n.Lines().Value(src)), "Eve") {
					t.Errorf("%v: an injected heading: %q", args, n.Lines().Value(src))
				}
			case *ast.HTMLBlock, *ast.RawHTML:
				t.Errorf("%v: raw HTML in the Markdown", args)
			case *extast.TableRow, *extast.TableHeader:
				if want := n.Parent().FirstChild().ChildCount(); n.ChildCount() != want {
					t.Errorf("%v: a table row of %d cells, the header has %d", args, n.ChildCount(), want)
				}
			}
			return ast.WalkContinue, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(out.String(), "\n") {
			if strings.HasPrefix(line, "#") && strings.Contains(line, "INJECTED") && !strings.Contains(line, "Eve") {
				t.Errorf("%v: a heading line of the attacker's: %q", args, line)
			}
		}
	}
}

// CSV: no cell that a spreadsheet would run as a formula, numbers kept.
func TestHostileCSV(t *testing.T) {
	dir, rubricFile, _, _ := writeHostileFixtures(t)
	for _, view := range []string{"people", "raters", "agreement", "levels"} {
		var out, errb bytes.Buffer
		env := &Env{IO: IO{In: strings.NewReader(""), Out: &out, Err: &errb}, Getenv: func(string) string { return "" }, Now: time.Now}
		if code := Run(env, []string{"--rubric", rubricFile, "calibrate", "-o", "csv", "--view", view, filepath.Join(dir, "team")}); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		checkInert(t, "csv "+view, out.String())
		rows, err := csv.NewReader(&out).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			for _, cell := range row {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(strings.TrimLeft(cell, " ")[0])) && !number.MatchString(cell) && cell != "-" {
					t.Errorf("%s: a cell a spreadsheet would run: %q", view, cell)
				}
			}
		}
	}
}

var number = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

var _ prompt.Prompter = (*pt.Script)(nil)
