package cmd_test

import (
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ladderhq/ladder/internal/shapes"
	"github.com/ladderhq/ladder/internal/store"
)

// aliasBomb is a "billion laughs" document: small, but it expands to 10^8
// values for a decoder that follows every alias.
func aliasBomb(field string) string {
	var b strings.Builder
	b.WriteString("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= 8; i++ {
		prev := "*l" + string(rune('0'+i-1))
		b.WriteString("l" + string(rune('0'+i)) + ": &l" + string(rune('0'+i)) + " [" + strings.Repeat(prev+", ", 9) + prev + "]\n")
	}
	return strings.Replace(b.String(), "l8: ", field+": ", 1)
}

// inlineBomb is the same bomb as one flow list whose items define and use
// the anchors, so that it sits inside a field the decoder reads.
func inlineBomb() string {
	items := []string{"&l0 [x, x, x, x, x, x, x, x, x, x]"}
	for i := 1; i <= 8; i++ {
		prev := "*l" + string(rune('0'+i-1))
		items = append(items, "&l"+string(rune('0'+i))+" ["+strings.Repeat(prev+", ", 9)+prev+"]")
	}
	return "[" + strings.Join(items, ", ") + "]\n"
}

// nanRubric is a valid rubric but for a threshold that is not a number.
var nanRubric = `format: ladder/rubric/v1
id: nan
version: "1"
title: Not a number
scale:
  - {value: 0, label: No}
  - {value: 1, label: Yes}
levels:
  - {id: one, title: One, expect: 1}
criteria:
  - {id: c, level: one, prompt: "C?"}
thresholds: {meets: !!float nan}
`

// Every bad input: exit 2, one line on stderr naming the file (and line and
// column when there is one), no panic, and quickly.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	head := "format: ladder/assessment/v1\nrubric: {id: gitlab-backend-engineer, version: \"1\"}\nperson: Ada\n"
	big := filepath.Join(dir, "big.yaml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	unreadable := write("unreadable.yaml", head)
	if err := os.Chmod(unreadable, 0); err != nil {
		t.Fatal(err)
	}

	// A file that a ladder assess session has open.
	open := write("open.yaml", head+"ratings: {base-english: 3}\n")
	held, err := store.Resume(open)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	sock := filepath.Join(t.TempDir(), "s.yaml")
	if ln, err := net.Listen("unix", sock); err == nil {
		defer ln.Close()
	}

	type tc struct {
		name string
		args []string
		want string // a regexp the single stderr line must match
	}
	cases := []tc{
		{"empty", []string{"score", write("empty.yaml", "")}, `empty.yaml: the file is empty$`},
		{"binary", []string{"score", write("binary.yaml", "\x7fELF\x02\x01\x01\x00\x00")}, `binary.yaml: not a text file`},
		{"truncated yaml", []string{"score", write("truncated.yaml", head+"ratings: {base-english: 3, base-iteration")}, `truncated.yaml:4: invalid YAML: `},
		{"truncated json", []string{"score", write("truncated.json", `{"format": "ladder/assessment/v1", "ratings": {"base-english": 3`)}, `truncated.json:1:\d+: invalid JSON: unexpected end of file$`},
		{"wrong type", []string{"score", write("wrongtype.yaml", head+"specialties: gitaly\n")}, `wrongtype.yaml:4:14: specialties must be a list, not "gitaly"$`},
		{"wrong type in rating", []string{"score", write("wrongrating.yaml", head+"ratings:\n  base-english: [3]\n")}, `wrongrating.yaml:5:17: rating of base-english must be a single value, not a list$`},
		{"out of scale", []string{"score", write("scale.yaml", head+"ratings:\n  base-english: 5\n")}, `scale.yaml:5:17: rating 5 of "base-english" is outside the scale 0..4$`},
		{"unknown id", []string{"score", write("unknown.yaml", head+"ratings:\n  base-englsh: 3\n")}, `unknown.yaml:5:3: unknown criterion "base-englsh"`},
		{"unknown field", []string{"score", write("field.yaml", head+"persons: [Bo]\n")}, `field.yaml:4:1: unknown field "persons" in the assessment`},
		{"duplicate key", []string{"score", write("dup.yaml", head+"person: Bo\n")}, `dup.yaml:4:1: duplicate key "person" in the assessment \(first at line 3\)$`},
		{"alias bomb", []string{"score", write("bomb.yaml", head+aliasBomb("specialties"))}, `bomb.yaml:4:1: unknown field "l0" in the assessment`},
		{"alias bomb in a value", []string{"score", write("bomb2.yaml", head+"specialties: "+inlineBomb())}, `bomb2.yaml:4:15: a specialty must be a single value, not a list$`},
		{"50 MB", []string{"score", big}, `big.yaml: is 50 MiB, larger than the 10 MiB limit$`},
		{"folder", []string{"score", dir}, `: is a folder, not a file$`},
		{"fifo", []string{"score", fifo}, `fifo.yaml: is not a regular file$`},
		{"missing", []string{"score", filepath.Join(dir, "nope.yaml")}, `nope.yaml: no such file$`},
		{"rubric: empty", []string{"--rubric", write("r-empty.yaml", ""), "rubric", "list"}, `r-empty.yaml: the file is empty$`},
		{"rubric: binary", []string{"--rubric", write("r-bin.yaml", "\x00\x01"), "rubric", "list"}, `r-bin.yaml: not a text file`},
		{"rubric: wrong type", []string{"--rubric", write("r-type.yaml", "format: ladder/rubric/v1\nlevels: 3\n"), "rubric", "list"}, `r-type.yaml:2:9: levels must be a list, not "3"$`},
		{"rubric: alias bomb", []string{"--rubric", write("r-bomb.yaml", "format: ladder/rubric/v1\n"+aliasBomb("themes")), "rubric", "list"}, `r-bomb.yaml:2:1: unknown field "l0" in the rubric`},
		{"rubric: 50 MB", []string{"--rubric", big, "rubric", "list"}, `big.yaml: is 50 MiB, larger than the 10 MiB limit$`},
		{"rubric: fifo", []string{"rubric", "validate", fifo}, `fifo.yaml: is not a regular file$`},
		{"rubric: folder", []string{"rubric", "validate", dir}, `: is a folder, not a file$`},
		{"assess: resume a fifo", []string{"assess", "--resume", fifo}, `fifo.yaml: is a fifo, not a regular file; ladder does not write over it$`},
		{"assess: resume a folder", []string{"assess", "--resume", dir}, `: is a folder, not a file$`},
		{"assess: resume a file in use", []string{"assess", "--resume", open}, `open.yaml: is open in another ladder \(process \d+\); finish or stop that one first$`},
		{"migrate: a file in use", []string{"migrate", open}, `open.yaml: is open in another ladder \(process \d+\); finish or stop that one first$`},
		{"migrate: a fifo in place", []string{"migrate", fifo}, `fifo.yaml: is a fifo, not a regular file; ladder does not write over it$`},
		{"migrate: out a folder", []string{"migrate", write("m.yaml", head), "--out", dir}, `: is a folder, not a file$`},
		{"migrate: out a socket", []string{"migrate", write("m2.yaml", head), "--out", sock}, `s.yaml: is a socket, not a regular file; ladder does not write over it$`},
		{"a word tagged as a boolean", []string{"score", write("maybe.yaml", head+"ratings:\n  base-values: !!bool maybe\n")}, `maybe.yaml:5:16: "base-values" is answered yes or no, not "maybe"$`},
		{"migrate: a word tagged as a boolean", []string{"migrate", write("maybe2.yaml", head+"ratings:\n  base-values: !!bool maybe\n")}, `maybe2.yaml:5:16: "base-values" is answered yes or no, not "maybe"$`},
		{"a leading zero", []string{"score", write("octal.yaml", head+"ratings:\n  base-english: 010\n")}, `octal.yaml:5:17: rating of base-english must be a whole number in decimal digits, not "010"$`},
		{"migrate: a leading zero", []string{"migrate", write("octal2.yaml", head+"ratings:\n  base-english: 04\n")}, `octal2.yaml:5:17: rating of base-english must be a whole number in decimal digits, not "04"$`},
		{"malformed second document", []string{"score", write("twodocs.yaml", head+"---\nratings: {base-english: [\n")}, `twodocs.yaml:6: more than one YAML document in the file, and the next one is invalid YAML: did not find expected node content$`},
		{"content after a flow mapping", []string{"score", write("flow.yaml", "{format: ladder/assessment/v1} {\n")}, `flow.yaml:1: invalid YAML: did not find expected <document start>$`},
		{"YAML flow mapping, errors as YAML", []string{"score", write("flow2.yaml", "{format: ladder/assessment/v1, person: [Ada}\n")}, `flow2.yaml:1: invalid YAML: did not find expected ',' or '\]'$`},
		{"rubric: threshold not a number", []string{"rubric", "validate", write("r-nan.yaml", nanRubric)}, `r-nan.yaml:12:21: thresholds.meets must be a finite number, not "nan"$`},
		{"rubric: export of a threshold not a number", []string{"--rubric", write("r-nan2.yaml", nanRubric), "rubric", "export", "-o", "json"}, `r-nan2.yaml:12:21: thresholds.meets must be a finite number, not "nan"$`},
		{"rubric: infinite threshold", []string{"rubric", "validate", write("r-inf.yaml", strings.Replace(nanRubric, "!!float nan", ".inf", 1))}, `r-inf.yaml:12:21: thresholds.meets must be a finite number, not ".inf"$`},
		{"rubric: 5,000-long supersedes chain in one level", []string{"--rubric", write("r-chain.yaml", shapes.FlatSupersedesChain(5_000)), "rubric", "list"},
			`r-chain.yaml:15:56: criterion "c1" \(level l0\) supersedes "c0" \(level l0\): it must come from a higher level \(and 4998 more problems; see ladder rubric validate\)$`},
	}
	if os.Geteuid() != 0 { // root reads any file, so this case needs a normal user
		cases = append(cases, tc{"unreadable", []string{"score", unreadable}, `unreadable.yaml: permission denied$`})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			stdout, stderr, code := runLadder(t, c.args...)
			if took := time.Since(start); took > 2*time.Second {
				t.Errorf("took %v", took)
			}
			if code != 2 {
				t.Errorf("exit %d, want 2; stderr %q", code, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
			if len(lines) != 1 {
				t.Fatalf("stderr has %d lines, want 1:\n%s", len(lines), stderr)
			}
			if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine") {
				t.Fatalf("a panic: %s", stderr)
			}
			if !regexp.MustCompile(c.want).MatchString(lines[0]) {
				t.Errorf("stderr %q does not match %q", lines[0], c.want)
			}
		})
	}
}

// Unusual but valid inputs are read as their authors meant, and rubrics of
// extreme shapes are validated and scored in a moment (they took minutes).
func TestUnusualValidInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	assessment := `{"format": "ladder/assessment/v1", "rubric": {"id": "gitlab-backend-engineer", "version": "1"}, "person": "Ada", "ratings": {"base-english": 4}}`
	shape := "{\"format\": \"ladder/assessment/v1\", \"rubric\": {\"id\": \"shape\", \"version\": \"1\"}, \"person\": \"Ada\", \"ratings\": {\"c0\": 3}}"
	for _, c := range []struct {
		name string
		args []string
		want string // a regexp stdout must match
	}{
		{"JSON after a byte order mark", []string{"score", write("bom.json", "\ufeff"+assessment)}, `(?m)^Fit level: `},
		{"YAML after a byte order mark", []string{"score", write("bom.yaml", "\ufeff"+assessment)}, `(?m)^Fit level: `},
		{"YAML that opens with a flow mapping", []string{"score", write("flow.yaml", "{format: ladder/assessment/v1, rubric: {id: gitlab-backend-engineer, version: '1'}, person: Ada, ratings: {base-values: yes}}\n")}, `(?m)^Fit level: `},
		{"JSON in a file without extension", []string{"score", write("assessment", assessment)}, `(?m)^Fit level: `},
		// Smaller than the shapes of the package tests, as the race
		// detector slows YAML parsing most; these took minutes all the same.
		{"3,000-long supersedes chain", []string{"rubric", "validate", write("chain.yaml", shapes.SupersedesChain(3_000))}, `valid rubric "shape" version 1: 3000 levels, 0 specialties, 3000 criteria, 0 groups`},
		{"scored against a 3,000-long supersedes chain", []string{"--rubric", filepath.Join(dir, "chain.yaml"), "score", "-o", "json", write("chain-a.json", shape)}, `"fit_level": "l0"`},
		{"3,000 levels", []string{"rubric", "validate", write("levels.yaml", shapes.ManyLevels(3_000))}, `valid rubric "shape" version 1: 3000 levels`},
		{"3,000 nested groups", []string{"rubric", "validate", write("groups.yaml", shapes.NestedGroups(3_000))}, `valid rubric "shape" version 1: 1 levels, 0 specialties, 3000 criteria, 3000 groups`},
		{"scored against 3,000 nested groups", []string{"--rubric", filepath.Join(dir, "groups.yaml"), "score", write("groups-a.json", shape)}, `(?m)^Fit level: Level 0$`},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			stdout, stderr, code := runLadder(t, c.args...)
			// Measured well under a second; the bound leaves room for the
			// race detector on a busy machine.
			if took := time.Since(start); took > 20*time.Second {
				t.Errorf("took %v", took)
			}
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			if !regexp.MustCompile(c.want).MatchString(stdout) {
				t.Errorf("stdout does not match %q:\n%.2000s", c.want, stdout)
			}
		})
	}
}
