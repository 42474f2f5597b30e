package cmd_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/ladderhq/ladder/cmd"
	"github.com/rogpeppe/go-internal/txtar"
)

// The samples of output in README.md and docs/*.md cannot drift: every
// ```console block is a sample, and each of its "$ ladder ..." lines is
// run and its output (standard output and error, as a terminal shows them)
// compared with the lines that follow it. Any section that anyone adds is
// checked the same way.
//
//   - A block whose last line is "..." shows the beginning of the output
//     only; that beginning is compared.
//   - "```console terminal=100" runs the block's commands as on a terminal
//     100 columns wide (with NO_COLOR): bordered tables fitted to it.
//   - NAME=value before ladder sets an environment variable.
//   - "```console session" is an interactive session (ladder assess), run
//     in a pseudo-terminal by TestDocSessions instead.
//
// The commands run in a folder holding a copy of examples/, the files of
// docs/samples.txtar and the published ladders that docs/authoring.md
// imports, with the data folder holding Priya Raman's two assessments and
// Lena Fischer's one. go test ./cmd -run TestDocSamples
// -update rewrites the samples from the real output: review the diff.
func TestDocSamples(t *testing.T) {
	docs := sampleDocs(t)
	work := sampleFolder(t)
	for _, path := range docs {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		blocks := consoleBlocks(string(src))
		changed := false
		for _, b := range blocks {
			if b.session {
				continue
			}
			got := b.run(t, work, path)
			want := b.expected()
			if b.truncated() {
				lines := strings.SplitAfter(got, "\n")
				got = strings.Join(lines[:min(len(lines), strings.Count(want, "\n")-1)], "") + "...\n"
			}
			if got == want {
				continue
			}
			if *update {
				b.replace(got)
				changed = true
				continue
			}
			t.Errorf("%s:%d: the sample differs from the real output (-sample +real); if the change is intended, run go test ./cmd -run TestDocSamples -update and review the diff.\n%s",
				path, b.line, cmp.Diff(want, got))
		}
		if changed {
			rewriteBlocks(t, path, string(src), blocks)
		}
	}
}

// rewriteBlocks writes the document at path, whose text was src, with
// its blocks' new bodies (-update).
func rewriteBlocks(t *testing.T, path, src string, blocks []*consoleBlock) {
	t.Helper()
	var out strings.Builder
	last := 0
	for _, b := range blocks {
		out.WriteString(src[last:b.start])
		out.WriteString(b.body)
		last = b.end
	}
	out.WriteString(src[last:])
	if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// sampleDocs are the Markdown files that hold samples: the README and
// docs/, but not the reference generated from the command tree.
func sampleDocs(t *testing.T) []string {
	t.Helper()
	docs, err := filepath.Glob("../docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	docs = append([]string{"../README.md"}, docs...)
	for i, d := range docs {
		if docs[i], err = filepath.Abs(d); err != nil {
			t.Fatal(err)
		}
	}
	return docs
}

// sampleFolder lays out where the samples run.
func sampleFolder(t *testing.T) string {
	t.Helper()
	work := t.TempDir()
	if err := os.CopyFS(filepath.Join(work, "examples"), os.DirFS("../examples")); err != nil {
		t.Fatal(err)
	}
	a, err := txtar.ParseFile("../docs/samples.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range a.Files {
		path := filepath.Join(work, f.Name)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, f.Data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// The published ladders docs/authoring.md imports: GitLab's page, which
	// the built-in rubric was written from, and the importer's test pages.
	for from, to := range map[string]string{
		"../data/gitlab-backend-engineer.source.md":      "backend-engineer.md",
		"../rubric/importer/testdata/ft-engineering.yml": "engineering.yml",
		"../rubric/importer/testdata/monzo-backend.md":   "platform.md",
	} {
		copyFile(t, from, filepath.Join(work, to))
	}
	store := filepath.Join(work, "data", "ladder", "assessments")
	for from, to := range map[string]string{
		"senior-gitaly.yaml":      "priya-raman/2026-11-02T090000Z-priya-raman-self.yaml",
		"senior-gitaly-2027.yaml": "priya-raman/2027-05-17T083000Z-priya-raman-self.yaml",
		"go-only.yaml":            "lena-fischer/2026-11-12T140000Z-lena-fischer-self.yaml",
	} {
		copyFile(t, filepath.Join("../examples", from), filepath.Join(store, to))
	}
	return work
}

// A consoleBlock is one ```console block of a Markdown file.
type consoleBlock struct {
	start, end int    // the block's body in the file
	body       string // its lines, each ending in a line break
	line       int    // the line of its opening fence
	width      int    // terminal=N: run as on a terminal N columns wide
	session    bool
}

var fence = regexp.MustCompile("(?m)^```console([^\n]*)\n")

func consoleBlocks(src string) []*consoleBlock {
	var out []*consoleBlock
	for _, m := range fence.FindAllStringSubmatchIndex(src, -1) {
		start := m[1]
		end := strings.Index(src[start:], "\n```")
		if end < 0 {
			continue
		}
		end += start + 1
		b := &consoleBlock{start: start, end: end, body: src[start:end], line: strings.Count(src[:m[0]], "\n") + 1}
		for _, attr := range strings.Fields(src[m[2]:m[3]]) {
			switch {
			case attr == "session":
				b.session = true
			case strings.HasPrefix(attr, "terminal="):
				b.width, _ = strconv.Atoi(strings.TrimPrefix(attr, "terminal="))
			}
		}
		out = append(out, b)
	}
	return out
}

// commands are the block's "$ " lines, each with the output shown after it.
func (b *consoleBlock) commands() (cmds []string, outputs []string) {
	for _, line := range strings.SplitAfter(b.body, "\n") {
		if cmd, ok := strings.CutPrefix(line, "$ "); ok {
			cmds = append(cmds, strings.TrimSpace(cmd))
			outputs = append(outputs, "")
			continue
		}
		if len(outputs) > 0 {
			outputs[len(outputs)-1] += line
		}
	}
	return cmds, outputs
}

func (b *consoleBlock) expected() string { return b.body }

func (b *consoleBlock) truncated() bool { return strings.HasSuffix(b.body, "...\n") }

// run runs the block's commands and returns the block as they write it.
func (b *consoleBlock) run(t *testing.T, work, doc string) string {
	t.Helper()
	cmds, _ := b.commands()
	if len(cmds) == 0 {
		t.Errorf("%s:%d: a console block without a \"$ ladder\" line", doc, b.line)
		return b.body
	}
	t.Chdir(work)
	var out strings.Builder
	for _, line := range cmds {
		out.WriteString("$ " + line + "\n")
		args, err := shellWords(line)
		if err != nil {
			t.Errorf("%s:%d: %v", doc, b.line, err)
			continue
		}
		vars := map[string]string{"HOME": filepath.Join(work, "home"), "XDG_DATA_HOME": filepath.Join(work, "data")}
		for len(args) > 0 && strings.Contains(args[0], "=") {
			k, v, _ := strings.Cut(args[0], "=")
			vars[k] = v
			args = args[1:]
		}
		if len(args) == 0 || args[0] != "ladder" {
			t.Errorf("%s:%d: a sample runs ladder, not %q", doc, b.line, line)
			continue
		}
		var both bytes.Buffer
		io := cmd.IO{In: strings.NewReader(""), Out: &both, Err: &both}
		if b.width > 0 {
			io.OutTTY, io.Width = true, b.width
			vars["NO_COLOR"] = "1"
		}
		env := &cmd.Env{
			IO:     io,
			Getenv: func(k string) string { return vars[k] },
			Now:    func() time.Time { return time.Date(2027, 6, 1, 9, 0, 0, 0, time.UTC) },
			// --anonymize numbers raters in a random order: a fixed one here.
			Seed: func() uint64 { return 1 },
		}
		cmd.Run(env, args[1:])
		out.WriteString(both.String())
	}
	return out.String()
}

func (b *consoleBlock) replace(got string) { b.body = got }

// shellWords splits a command line the way a POSIX shell does for the
// simple lines of samples: words, 'single' and "double" quotes.
func shellWords(line string) ([]string, error) {
	var words []string
	var word strings.Builder
	inWord := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == ' ' || c == '\t':
			if inWord {
				words = append(words, word.String())
				word.Reset()
				inWord = false
			}
		case c == '\'' || c == '"':
			end := strings.IndexByte(line[i+1:], c)
			if end < 0 {
				return nil, fmt.Errorf("unclosed quote in %q", line)
			}
			word.WriteString(line[i+1 : i+1+end])
			i += end + 1
			inWord = true
		case c == '>' || c == '|' || c == '<' || c == ';' || c == '&':
			return nil, fmt.Errorf("a sample runs one command, with no redirection or pipe: %q", line)
		default:
			word.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, word.String())
	}
	return words, nil
}
