package cmd_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder/cmd"
	"github.com/ladderhq/ladder/data"
	"github.com/ladderhq/ladder/internal/doc"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// runLadder runs the command line in-process, without a terminal.
func runLadder(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errw bytes.Buffer
	env := &cmd.Env{
		IO:     cmd.IO{In: strings.NewReader(""), Out: &out, Err: &errw},
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC) },
	}
	code = cmd.Run(env, args)
	return out.String(), errw.String(), code
}

// compile turns a schema printed by ladder schema into a validator.
func compile(t *testing.T, name, src string) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(name, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// instance reads a YAML or JSON file as the JSON value a schema validates,
// keeping YAML's types (a quoted "1" stays a string, 1 a number).
func instance(t *testing.T, name string, src []byte) any {
	t.Helper()
	d, err := doc.Parse(name, src)
	if err != nil {
		t.Fatal(err)
	}
	var conv func(n *yaml.Node) any
	conv = func(n *yaml.Node) any {
		for n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		switch n.Kind {
		case yaml.MappingNode:
			m := map[string]any{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				m[n.Content[i].Value] = conv(n.Content[i+1])
			}
			return m
		case yaml.SequenceNode:
			l := []any{}
			for _, c := range n.Content {
				l = append(l, conv(c))
			}
			return l
		}
		switch n.Tag {
		case "!!int", "!!float":
			f, err := strconv.ParseFloat(n.Value, 64)
			if err != nil {
				t.Fatal(err)
			}
			return json.Number(strconv.FormatFloat(f, 'f', -1, 64))
		case "!!bool":
			return n.Value == "true"
		case "!!null":
			return nil
		}
		return n.Value
	}
	return conv(d.Root)
}

func TestSchemasAcceptEveryExampleAndRejectBrokenFiles(t *testing.T) {
	rubricSchemaSrc, _, code := runLadder(t, "schema", "rubric")
	if code != 0 {
		t.Fatalf("ladder schema rubric exited %d", code)
	}
	rubricSchema := compile(t, "rubric.json", rubricSchemaSrc)
	exported, _, _ := runLadder(t, "rubric", "export")
	exportedJSON, _, _ := runLadder(t, "rubric", "export", "-o", "json")
	sre, err := os.ReadFile("../examples/sre/rubric.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string][]byte{
		"embedded.yaml":      data.RubricYAML(),
		"exported.yaml":      []byte(exported),
		"exported.json":      []byte(exportedJSON),
		"sre/rubric.yaml":    sre,
		"mini.yaml (assess)": mustRead(t, "../assess/testdata/mini.yaml"),
	} {
		if err := rubricSchema.Validate(instance(t, name, src)); err != nil {
			t.Errorf("%s does not match the rubric schema: %v", name, err)
		}
	}
	for name, src := range map[string]string{
		"unknown field":            strings.Replace(string(sre), "title: Site", "colour: red\ntitle: Site", 1),
		"both level and specialty": strings.Replace(string(sre), "{id: linux, level: sre1,", "{id: linux, level: sre1, specialty: databases,", 1),
		"bad strength":             strings.Replace(string(sre), "strength: required, theme: ops", "strength: vital, theme: ops", 1),
		"bad id":                   strings.Replace(string(sre), "id: acme-sre", "id: Acme SRE", 1),
		"no levels":                strings.Replace(string(sre), "levels:", "stages:", 1),
	} {
		if err := rubricSchema.Validate(instance(t, name+".yaml", []byte(name + "\n" + src)[len(name)+1:])); err == nil {
			t.Errorf("rubric schema accepts a rubric with %s", name)
		}
	}

	assessmentSchemaSrc, _, _ := runLadder(t, "schema", "assessment")
	gitlab := compile(t, "assessment.json", assessmentSchemaSrc)
	sreSchemaSrc, _, _ := runLadder(t, "--rubric", "../examples/sre/rubric.yaml", "schema", "assessment")
	sreSchema := compile(t, "sre-assessment.json", sreSchemaSrc)
	examples, _ := filepath.Glob("../examples/*.yaml")
	if len(examples) < 3 {
		t.Fatalf("found only %v", examples)
	}
	for _, f := range examples {
		if err := gitlab.Validate(instance(t, f, mustRead(t, f))); err != nil {
			t.Errorf("%s does not match the assessment schema: %v", f, err)
		}
	}
	if err := sreSchema.Validate(instance(t, "jo.json", mustRead(t, "../examples/sre/jo.json"))); err != nil {
		t.Errorf("jo.json does not match its rubric's assessment schema: %v", err)
	}
	good := string(mustRead(t, "../examples/senior-gitaly.yaml"))
	// A manager's or peer's "can't say", alone or with a note.
	byManager := strings.Replace(good, "role: self", "role: manager", 1)
	byManager = strings.Replace(byManager, "rater: Priya Raman", "rater: Grace Hopper", 1)
	byManager = strings.Replace(byManager, "  base-english: 4", "  base-english: can't say", 1)
	byManager = strings.Replace(byManager, "  base-values: yes", `  base-values: {rating: "Can’t say", note: not discussed}`, 1)
	if err := gitlab.Validate(instance(t, "manager.yaml", []byte(byManager))); err != nil {
		t.Errorf("a manager's can't say does not match the assessment schema: %v", err)
	}
	for name, src := range map[string]string{
		"unknown criterion": strings.Replace(good, "  base-english: 4", "  base-telepathy: 4", 1),
		"out of scale":      strings.Replace(good, "  base-english: 4", "  base-english: 7", 1),
		"yes for a scale":   strings.Replace(good, "  base-english: 4", "  base-english: yes", 1),
		"number for yes/no": strings.Replace(good, "  base-values: yes", "  base-values: 3", 1),
		"cant say":          strings.Replace(good, "  base-english: 4", "  base-english: cant say", 1),
		"unknown level":     strings.Replace(good, "current_level: intermediate", "current_level: principal", 1),
		"other rubric":      strings.Replace(good, "id: gitlab-backend-engineer", "id: acme-sre", 1),
	} {
		if src == good {
			t.Fatalf("%s: the change did not apply", name)
		}
		if err := gitlab.Validate(instance(t, name+".yaml", []byte(src))); err == nil {
			t.Errorf("assessment schema accepts an assessment with %s", name)
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
