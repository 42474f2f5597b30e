package rubric

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// shared is a rubric where one question is shared three ways: by same_as
// across two specialties that group it differently, and by identical
// wording between a level and a specialty.
const shared = `format: ladder/rubric/v1
id: shared
version: "1"
title: Shared
scale:
  - {value: 0, label: No}
  - {value: 1, label: Some}
  - {value: 2, label: Yes}
  - {value: 3, label: Lots}
levels:
  - {id: low, title: Low, grade: 1, expect: 1}
  - {id: high, title: High, grade: 2, expect: 2}
specialties:
  - {id: ops, title: Operations}
  - {id: web, title: Web}
groups:
  - {id: web-lang, title: Go or Ruby, min: 1}
criteria:
  - {id: small, prompt: "Small?", level: low, kind: responsibility}
  - {id: big, prompt: "Big?", level: high, supersedes: [small]}
  - {id: tests, prompt: "How well do you test?", level: low, answer: scale}
  - {id: ops-go, prompt: "How strong is your Go?", help: "Code you shipped.", specialty: ops, expect: 3}
  - {id: web-go, same_as: ops-go, specialty: web, group: web-lang}
  - {id: web-ruby, prompt: "How strong is your Ruby?", specialty: web, group: web-lang}
  - {id: ops-tests, prompt: "How well do you test?", specialty: ops}
`

func TestSharedQuestions(t *testing.T) {
	r, err := Parse("shared.yaml", []byte(shared))
	if err != nil {
		t.Fatal(err)
	}
	web := r.Criterion("web-go")
	if web.Prompt != "How strong is your Go?" || web.Help != "Code you shipped." || web.Answer != ScaleAnswer {
		t.Errorf("web-go takes its question from ops-go; got %q, %q, %s", web.Prompt, web.Help, web.Answer)
	}
	for id, want := range map[string][]string{
		"ops-go":    {"ops-go", "web-go"},
		"web-go":    {"ops-go", "web-go"},
		"tests":     {"tests", "ops-tests"},
		"ops-tests": {"tests", "ops-tests"},
		"small":     {"small"},
	} {
		if got := r.SameQuestion(id); !reflect.DeepEqual(got, want) {
			t.Errorf("SameQuestion(%s) = %v, want %v", id, got, want)
		}
		if got := r.Question(id); got != want[0] {
			t.Errorf("Question(%s) = %s, want the first criterion that asks it, %s", id, got, want[0])
		}
	}
	// Each keeps its own expectation: the top rating it is expected at.
	for id, want := range map[string]int{"ops-go": 3, "web-go": 2, "small": 1, "big": 2, "tests": 2} {
		if got := r.TopExpect(id); got != want {
			t.Errorf("TopExpect(%s) = %d, want %d", id, got, want)
		}
	}
	// The export writes the question out in full and loads back the same.
	out, err := yaml.Marshal(Export(r))
	if err != nil {
		t.Fatal(err)
	}
	again, err := Parse("export.yaml", out)
	if err != nil {
		t.Fatalf("export does not load back: %v\n%s", err, out)
	}
	if got := again.SameQuestion("web-go"); !reflect.DeepEqual(got, []string{"ops-go", "web-go"}) {
		t.Errorf("after export, SameQuestion(web-go) = %v", got)
	}
	if !strings.Contains(string(out), "same_as: ops-go") {
		t.Errorf("the export lost same_as:\n%s", out)
	}
}

func TestSharedQuestionErrors(t *testing.T) {
	for _, tc := range []struct{ name, old, new, want string }{
		{"unknown", "same_as: ops-go", "same_as: ops-golang",
			`shared.yaml:23:27: criterion "web-go": same_as names unknown criterion "ops-golang"`},
		{"itself", "same_as: ops-go", "same_as: web-go",
			`shared.yaml:23:27: criterion "web-go": same_as names itself`},
		{"a chain", `{id: ops-tests, prompt: "How well do you test?"`, `{id: ops-tests, same_as: web-go`,
			`shared.yaml:25:30: criterion "ops-tests": same_as names "web-go", which asks the question of "ops-go" itself; name "ops-go"`},
		{"another prompt", "{id: web-go, same_as: ops-go,", `{id: web-go, prompt: "Go?", same_as: ops-go,`,
			`shared.yaml:23:26: criterion "web-go" asks the question of "ops-go" (same_as), so it takes that prompt; leave its own out`},
		{"another answer", "{id: web-go, same_as: ops-go,", `{id: web-go, answer: yesno, same_as: ops-go,`,
			`shared.yaml:23:26: criterion "web-go" is answered yesno, but "ops-go", whose question it asks (same_as), is answered scale`},
		{"a grouped criterion superseded", "supersedes: [small]", "supersedes: [web-ruby]",
			`shared.yaml:20:56: criterion "big" supersedes "web-ruby", but only criteria of levels can supersede one another`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(shared, tc.old, tc.new, 1)
			if src == shared {
				t.Fatalf("%q not found", tc.old)
			}
			_, err := Parse("shared.yaml", []byte(src))
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("got %v, want a validation error", err)
			}
			if got := ve.Problems[0].Error(); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// A rung in a group may replace a lone lower rung (Staff's "Tier 2 or 3,
// or Incident Management" replaces Tier 2 or 3); a grouped criterion
// cannot be replaced.
func TestGroupedRungSupersedesALoneOne(t *testing.T) {
	src := strings.Replace(base, "groups:\n", "groups:\n  - {id: rota, title: A rotation, min: 1}\n", 1)
	src = strings.Replace(src, `  - {id: pager,`, `  - {id: tier, prompt: "Tier?", level: high, group: rota, supersedes: [small]}
  - {id: incident, prompt: "Incident?", level: high, group: rota}
  - {id: pager,`, 1)
	r, err := Parse("tiny.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := r.LevelCriteria("high"); strings.Contains(strings.Join(got, " "), "small") {
		t.Errorf("high still counts small: %v", got)
	}
	src = strings.Replace(src, "supersedes: [small]}\n  - {id: incident", "supersedes: [go]}\n  - {id: incident", 1)
	if _, err := Parse("tiny.yaml", []byte(src)); err == nil || !strings.Contains(err.Error(), `a criterion in a group cannot be superseded`) {
		t.Errorf("superseding a grouped criterion: %v", err)
	}
}
