package data

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/rubric"
	"github.com/ladderhq/ladder/rubric/sourceref"
)

// The embedded rubric passes the same validation as a user's rubric, and
// Rubric, which does not validate it again, gives what validation gives.
func TestEmbeddedRubricIsValid(t *testing.T) {
	validated, err := rubric.Prepare(RubricFile, builtin())
	if err != nil {
		t.Fatal(err)
	}
	r, err := Rubric()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r, validated) {
		t.Fatal("the built-in rubric, indexed without validation, differs from the validated one")
	}
	if got := len(r.Levels); got != 4 {
		t.Errorf("levels = %d, want 4 (Intern, Backend Engineer, Senior, Staff)", got)
	}
	if got := len(r.Specialties); got != 19 {
		t.Errorf("specialties = %d, want the 19 of the page", got)
	}
}

// Every list item of the source page is accounted for by a criterion, a
// group or a not_assessed entry, and every reference the rubric makes points
// at a real item or section of the page.
func TestEverySourceItemIsAccountedFor(t *testing.T) {
	r, err := Rubric()
	if err != nil {
		t.Fatal(err)
	}
	page, err := sourceref.Parse(SourcePage())
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) < 250 {
		t.Fatalf("parsed only %d list items from the page; the parser is broken", len(page.Items))
	}
	cov := rubric.CheckCoverage(r, page)
	var missing []string
	for _, it := range cov.Missing {
		missing = append(missing, it.Ref+" (line "+strconv.Itoa(it.Line)+"): "+it.Text)
	}
	if len(missing) > 0 {
		t.Errorf("%d list items of the page are not accounted for:\n  %s", len(missing), strings.Join(missing, "\n  "))
	}
	for _, u := range cov.Unknown {
		t.Errorf("%s is not on the page (cited by %s)", u.Ref, strings.Join(u.CitedBy, ", "))
	}
}

// A not_assessed entry must not hide an item that a criterion also uses:
// either it is assessed or it is not.
func TestNotAssessedItemsAreNotAssessed(t *testing.T) {
	r, err := Rubric()
	if err != nil {
		t.Fatal(err)
	}
	cited := map[string]bool{}
	for _, c := range r.Criteria {
		for _, s := range c.Sources {
			cited[s] = true
		}
	}
	for _, g := range r.Groups {
		for _, s := range g.Sources {
			cited[s] = true
		}
	}
	for _, na := range r.NotAssessed {
		for _, s := range na.Sources {
			if cited[s] {
				t.Errorf("%s is both assessed and listed as not assessed", s)
			}
		}
	}
}

// Every specialty heading of the page is a specialty of the rubric, under
// the same title.
func TestSpecialtiesMatchThePage(t *testing.T) {
	r, err := Rubric()
	if err != nil {
		t.Fatal(err)
	}
	page, err := sourceref.Parse(SourcePage())
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]bool{}
	for _, s := range r.Specialties {
		titles[s.Title] = true
	}
	afterHiring := false
	for _, s := range page.Sections {
		if s == "Hiring Process" {
			afterHiring = true
			continue
		}
		if afterHiring && !strings.Contains(s, "/") && !titles[s] {
			t.Errorf("section %q of the page has no specialty in the rubric", s)
		}
	}
}

// The rubric compiled into the binary is the YAML file, parsed: a change to
// the YAML without go generate fails here.
func TestCompiledRubricMatchesTheYAML(t *testing.T) {
	parsed, err := ParseYAML()
	if err != nil {
		t.Fatal(err)
	}
	compiled, err := Rubric()
	if err != nil {
		t.Fatal(err)
	}
	a, err := json.Marshal(rubric.Export(parsed))
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(rubric.Export(compiled))
	if err != nil {
		t.Fatal(err)
	}
	if string(a) != string(b) {
		t.Fatal("builtin_gen.go is out of date: run go generate ./data")
	}
}
