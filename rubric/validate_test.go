package rubric

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/internal/doc"
	"go.yaml.in/yaml/v3"
)

// base is a valid rubric; each case below breaks one thing in it.
const base = `format: ladder/rubric/v1
id: tiny
version: "1"
title: Tiny
scale:
  - {value: 0, label: No}
  - {value: 1, label: Some}
  - {value: 2, label: Yes}
levels:
  - {id: low, title: Low, grade: 1, expect: 1}
  - {id: high, title: High, grade: 2, expect: 2}
themes:
  - {id: craft, title: Craft}
specialties:
  - {id: ops, title: Operations}
  - {id: web, title: Web}
groups:
  - {id: lang, title: A language, min: 1}
criteria:
  - {id: go, prompt: "Go?", level: low, group: lang}
  - {id: ruby, prompt: "Ruby?", level: low, group: lang, theme: craft}
  - {id: small, prompt: "Small?", level: low, kind: responsibility}
  - {id: big, prompt: "Big?", level: high, supersedes: [small]}
  - {id: pager, prompt: "Pager?", specialty: ops, answer: yesno}
  - {id: css, prompt: "CSS?", specialty: web, expect: 1}
not_assessed:
  - {source: "Hiring/1", reason: A hiring step.}
`

func TestBaseIsValid(t *testing.T) {
	r, err := Parse("tiny.yaml", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	if r.Thresholds != DefaultThresholds {
		t.Errorf("thresholds = %+v, want the defaults", r.Thresholds)
	}
	if r.SpecialtyExpect != 2 {
		t.Errorf("specialty_expect = %d, want the highest level's expect (2)", r.SpecialtyExpect)
	}
	if c := r.Criterion("small"); c.Strength != Desirable || c.Answer != ScaleAnswer {
		t.Errorf("small = %s/%s, want the defaults desirable/scale", c.Strength, c.Answer)
	}
	if c := r.Criterion("go"); c.Kind != Requirement || c.Strength != Strong {
		t.Errorf("go = %s/%s, want the defaults requirement/strong", c.Kind, c.Strength)
	}
	if g := r.GroupByID("lang"); g.Strength != Strong {
		t.Errorf("lang strength = %s, want its strongest member's (strong)", g.Strength)
	}
}

func TestInvalidRubrics(t *testing.T) {
	cases := []struct {
		name     string
		old, new string
		want     string // the whole first problem, file:line:col: message
	}{
		{"unknown format", "format: ladder/rubric/v1", "format: ladder/rubric/v9",
			`tiny.yaml:1:9: unknown format "ladder/rubric/v9" (expected "ladder/rubric/v1")`},
		{"missing format", "format: ladder/rubric/v1\n", "",
			`tiny.yaml:1:1: missing format (expected "ladder/rubric/v1")`},
		{"duplicate criterion id", `{id: css, prompt: "CSS?"`, `{id: pager, prompt: "CSS?"`,
			`tiny.yaml:25:10: duplicate criterion id "pager"`},
		{"duplicate level id", "{id: high, title: High", "{id: low, title: High",
			`tiny.yaml:11:10: duplicate level id "low"`},
		{"duplicate specialty id", "{id: web, title: Web}", "{id: ops, title: Web}",
			`tiny.yaml:16:10: duplicate specialty id "ops"`},
		{"duplicate group id", "groups:\n", "groups:\n  - {id: lang, title: Again, min: 1}\n",
			`tiny.yaml:19:10: duplicate group id "lang"`},
		{"bad id", "{id: go,", "{id: Go_Lang,",
			`tiny.yaml:20:10: criterion id "Go_Lang" must be lower-case letters, digits and dashes`},
		{"unknown level", `level: high, supersedes`, `level: top, supersedes`,
			`tiny.yaml:23:38: criterion "big" names unknown level "top"`},
		{"unknown specialty", "specialty: web", "specialty: mobile",
			`tiny.yaml:25:42: criterion "css" names unknown specialty "mobile"`},
		{"unknown theme", "theme: craft", "theme: art",
			`tiny.yaml:21:65: criterion "ruby" names unknown theme "art"`},
		{"unknown group", `level: low, group: lang, theme`, `level: low, group: langs, theme`,
			`tiny.yaml:21:52: criterion "ruby" names unknown group "langs"`},
		{"both level and specialty", `specialty: ops,`, `specialty: ops, level: low,`,
			`tiny.yaml:24:46: criterion "pager" has both a level and a specialty; give one`},
		{"neither level nor specialty", `prompt: "Pager?", specialty: ops,`, `prompt: "Pager?",`,
			`tiny.yaml:24:5: criterion "pager" has neither a level nor a specialty; give one`},
		{"criterion expect outside the scale", "specialty: web, expect: 1}", "specialty: web, expect: 3}",
			`tiny.yaml:25:55: criterion "css": expect 3 is outside the scale (1..2)`},
		{"level expect outside the scale", "grade: 2, expect: 2", "grade: 2, expect: 5",
			`tiny.yaml:11:47: level "high": expect 5 is outside the scale (1..2)`},
		{"specialty_expect outside the scale", "themes:\n", "specialty_expect: 0\nthemes:\n",
			`tiny.yaml:12:19: specialty_expect 0 is outside the scale (1..2)`},
		{"supersedes unknown id", "supersedes: [small]", "supersedes: [tiny]",
			`tiny.yaml:23:56: criterion "big" supersedes unknown criterion "tiny"`},
		{"supersedes cycle", `{id: small, prompt: "Small?", level: low,`, `{id: small, prompt: "Small?", level: low, supersedes: [big],`,
			`tiny.yaml:22:59: criterion "small" is part of a supersedes cycle`},
		{"supersedes a higher level", "supersedes: [small]", "supersedes: [small]}\n  - {id: x, prompt: X, level: low, supersedes: [big]",
			`tiny.yaml:24:48: criterion "x" (level low) supersedes "big" (level high): it must come from a higher level`},
		{"empty scale", "scale:\n  - {value: 0, label: No}\n  - {value: 1, label: Some}\n  - {value: 2, label: Yes}\n", "scale: []\n",
			`tiny.yaml:5:8: the scale is empty: give the ratings 0..N in order`},
		{"scale out of order", "{value: 1, label: Some}", "{value: 7, label: Some}",
			`tiny.yaml:7:13: scale value 7 is out of order: the scale must list 0, 1, 2, ... in order (expected 1)`},
		{"unordered levels", "grade: 2, expect: 2", "grade: 1, expect: 2",
			`tiny.yaml:11:36: levels are not in order: "high" (grade 1) comes after "low" (grade 1); list levels lowest first`},
		{"group min above its members", "min: 1}", "min: 3}",
			`tiny.yaml:18:40: group "lang": min 3 must be between 1 and its 2 members`},
		{"group min zero", "min: 1}", "min: 0}",
			`tiny.yaml:18:40: group "lang": min 0 must be between 1 and its 2 members`},
		{"group without members", "groups:\n", "groups:\n  - {id: empty, title: Nothing, min: 1}\n",
			`tiny.yaml:18:5: group "empty" has no members`},
		{"group cycle", "{id: lang, title: A language, min: 1}", "{id: lang, title: A language, min: 1, group: outer}\n  - {id: outer, title: Outer, min: 1, group: lang}",
			`tiny.yaml:18:50: group "lang" is nested in itself (a group cycle)`},
		{"group across levels", `{id: ruby, prompt: "Ruby?", level: low,`, `{id: ruby, prompt: "Ruby?", level: high,`,
			`tiny.yaml:18:5: group "lang" mixes members of different levels or specialties: "go" is in level low, "ruby" in level high`},
		{"unknown field", "{id: css, prompt:", "{id: css, colour: red, prompt:",
			`tiny.yaml:25:15: unknown field "colour" in a criterion (known: id, prompt, prompt_other, help, kind, strength, level, specialty, specialties, answer, same_as, notes, theme, expect, group, supersedes, source, sources, aliases)`},
		{"unknown top-level field", "title: Tiny\n", "title: Tiny\nauthor: me\n",
			`tiny.yaml:5:1: unknown field "author" in the rubric (known: format, id, version, title, scale, thresholds, specialty_expect, levels, themes, specialties, groups, criteria, not_assessed)`},
		{"duplicate key", "title: Tiny\n", "title: Tiny\ntitle: Again\n",
			`tiny.yaml:5:1: duplicate key "title" in the rubric (first at line 4)`},
		{"wrong type", "min: 1}", "min: one}",
			`tiny.yaml:18:40: min must be a whole number, not "one"`},
		{"bonus in a group", `{id: go, prompt: "Go?", level: low, group: lang}`, `{id: go, prompt: "Go?", level: low, group: lang, strength: bonus}`,
			`tiny.yaml:20:48: criterion "go" is a bonus and cannot belong to group "lang": bonus criteria count apart from every score`},
		{"expect on yes/no", "answer: yesno}", "answer: yesno, expect: 1}",
			`tiny.yaml:24:74: criterion "pager" is answered yes or no and cannot set expect`},
		{"thresholds out of order", "themes:\n", "thresholds: {meets: 0.5, approaching: 0.7}\nthemes:\n",
			`tiny.yaml:12:39: thresholds.approaching must be above 0 and at most meets (0.5), not 0.7`},
		{"thresholds not a number", "themes:\n", "thresholds: {meets: !!float nan}\nthemes:\n",
			`tiny.yaml:12:21: thresholds.meets must be a finite number, not "nan"`},
		{"thresholds .nan", "themes:\n", "thresholds: {meets: 0.9, approaching: .nan}\nthemes:\n",
			`tiny.yaml:12:39: thresholds.approaching must be a finite number, not ".nan"`},
		{"thresholds infinite", "themes:\n", "thresholds: {meets: -.inf}\nthemes:\n",
			`tiny.yaml:12:21: thresholds.meets must be a finite number, not "-.inf"`},
		{"expect with a leading zero", "grade: 2, expect: 2", "grade: 2, expect: 02",
			`tiny.yaml:11:47: expect must be a whole number in decimal digits, not "02"`},
		{"not yaml", "title: Tiny\n", "title: [Tiny\n",
			`tiny.yaml:4: invalid YAML: did not find expected ',' or ']'`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(base, tc.old, tc.new, 1)
			if src == base {
				t.Fatalf("the case does not change the rubric: %q not found", tc.old)
			}
			_, err := Parse("tiny.yaml", []byte(src))
			if err == nil {
				t.Fatal("accepted")
			}
			var first string
			var ve *ValidationError
			if errors.As(err, &ve) {
				first = ve.Problems[0].Error()
			} else {
				first = err.Error()
			}
			if first != tc.want {
				t.Errorf("got  %s\nwant %s", first, tc.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("the error is not one line: %q", err.Error())
			}
		})
	}
}

func TestValidationErrorSaysHowManyMore(t *testing.T) {
	src := strings.Replace(base, "theme: craft", "theme: art", 1)
	src = strings.Replace(src, "specialty: web", "specialty: mobile", 1)
	_, err := Parse("tiny.yaml", []byte(src))
	if err == nil || !strings.HasSuffix(err.Error(), "(and 1 more problem; see ladder rubric validate)") {
		t.Errorf("got %v", err)
	}
}

// The same rubric in JSON gives the same rubric, and JSON errors are located
// too.
func TestJSONRubric(t *testing.T) {
	r, err := Parse("tiny.yaml", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent(Export(r), "", "\t")
	if err != nil {
		t.Fatal(err)
	}
	again, err := Parse("tiny.json", b)
	if err != nil {
		t.Fatalf("the exported JSON does not load back: %v", err)
	}
	if !reflect.DeepEqual(Export(again).Criteria[0].Sources, Export(r).Criteria[0].Sources) || len(again.Criteria) != len(r.Criteria) {
		t.Error("the JSON round trip changed the rubric")
	}
	bad := strings.Replace(string(b), `"id": "tiny"`, `"id": "tiny", "id": "twice"`, 1)
	_, err = Parse("tiny.json", []byte(bad))
	var de *doc.Error
	if !errors.As(err, &de) || de.Line != 3 || !strings.Contains(de.Msg, `duplicate key "id"`) {
		t.Errorf("duplicate JSON key: got %v", err)
	}
}

// Export fills every default and loads back to the same thing, in YAML and
// JSON.
func TestExportRoundTrip(t *testing.T) {
	r, err := Parse("tiny.yaml", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	out, err := yaml.Marshal(Export(r))
	if err != nil {
		t.Fatal(err)
	}
	again, err := Parse("export.yaml", out)
	if err != nil {
		t.Fatalf("export does not load back: %v\n%s", err, out)
	}
	out2, _ := yaml.Marshal(Export(again))
	if string(out) != string(out2) {
		t.Errorf("export is not stable:\n%s\n---\n%s", out, out2)
	}
	for _, want := range []string{"thresholds:\n    meets: 0.8", "specialty_expect: 2", "strength: desirable", "answer: scale", "- sources:\n        - Hiring/1"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("export lacks %q:\n%s", want, out)
		}
	}
}

// A rubric built in Go skips the decoder; validation still refuses
// thresholds that are not numbers, which no file could then hold.
func TestPrepareRefusesThresholdsThatAreNotNumbers(t *testing.T) {
	for _, th := range []Thresholds{{Meets: math.NaN(), Approaching: 0.5}, {Meets: 0.8, Approaching: math.NaN()}, {Meets: math.Inf(1), Approaching: 0.5}} {
		r, err := Parse("tiny.yaml", []byte(base))
		if err != nil {
			t.Fatal(err)
		}
		r.Thresholds, r.at = th, nil // as the built-in rubric comes: every default written out
		if _, err := Prepare("tiny", r); err == nil || !strings.Contains(err.Error(), "must be above 0") {
			t.Errorf("%+v: got %v", th, err)
		}
	}
}
