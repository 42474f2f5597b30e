package rubricdiff

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ladderhq/ladder/rubric"
)

func parse(t *testing.T, src string) *rubric.Rubric {
	t.Helper()
	r, err := rubric.Parse("r.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

const head = `format: ladder/rubric/v1
id: demo
version: "1"
title: Demo
scale: [{value: 0, label: No}, {value: 1, label: Some}, {value: 2, label: Yes}]
`

func TestLevels(t *testing.T) {
	r := parse(t, head+`levels:
  - {id: one, title: One, expect: 1}
  - {id: two, title: Two, expect: 2}
  - {id: three, title: Three, expect: 2, notes: "Rarely hired."}
criteria:
  - {id: small, prompt: "Ship small?", level: one}
  - {id: debt, prompt: "Debt?", level: one}
  - {id: told, prompt: "Told?", level: one, expect: 1}
  - {id: moderate, prompt: "Ship moderate?", level: two, supersedes: [small]}
  - {id: large, prompt: "Ship large?", level: three, supersedes: [moderate]}
  - {id: debt-hard, prompt: "Hard debt?", level: three, supersedes: [debt]}
  - {id: lead, prompt: "Lead?", level: three}
`)
	d, err := Levels(r, "one", "three")
	if err != nil {
		t.Fatal(err)
	}
	want := &LevelDiff{From: "one", To: "three",
		New:      []LevelItem{{Criterion: "lead"}},
		Stricter: []LevelItem{{Criterion: "large", Replaces: []string{"small"}}, {Criterion: "debt-hard", Replaces: []string{"debt"}}},
		Notes:    []string{"Rarely hired."},
	}
	if diff := cmp.Diff(want, d); diff != "" {
		t.Errorf("one -> three (-want +got):\n%s", diff)
	}
	d, _ = Levels(r, "one", "two")
	if diff := cmp.Diff([]LevelItem{{Criterion: "debt", From: 1, To: 2}}, d.Higher); diff != "" {
		t.Errorf("higher expectations (-want +got):\n%s", diff)
	}
	for _, pair := range [][2]string{{"two", "one"}, {"two", "two"}, {"one", "four"}} {
		if _, err := Levels(r, pair[0], pair[1]); err == nil {
			t.Errorf("Levels(%s, %s) = nil error", pair[0], pair[1])
		}
	}
}

func TestFiles(t *testing.T) {
	old := parse(t, head+`levels: [{id: one, title: One, expect: 2}, {id: two, title: Two, expect: 2}]
criteria:
  - {id: a, prompt: "How well do you review code?", level: one, source: "R/1"}
  - {id: b, prompt: "How well do you test code?", level: one, source: "R/2"}
  - {id: c, prompt: "Anything else?", level: one, source: "R/3"}
`)
	new := parse(t, head+`levels: [{id: one, title: One, expect: 2}, {id: two, title: Two, expect: 2}]
criteria:
  - {id: review-code, prompt: "How thoroughly do you review code?", level: two, source: "R/1"}
  - {id: testing, prompt: "How well do you test code?", level: one, source: "R/2", aliases: [b]}
  - {id: d, prompt: "Something new?", level: one, source: "R/4"}
`)
	d := Files(old, new, "old.yaml", "new.yaml")
	if diff := cmp.Diff([]string{"d"}, d.Added); diff != "" {
		t.Errorf("added (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"c"}, d.Removed); diff != "" {
		t.Errorf("removed (-want +got):\n%s", diff)
	}
	if len(d.Renamed) != 2 || d.Renamed[0].Old != "a" || d.Renamed[0].Alias || d.Renamed[1].Old != "b" || !d.Renamed[1].Alias {
		t.Errorf("renamed %+v", d.Renamed)
	}
	if len(d.Aliases) != 1 || d.Aliases[0].New != "review-code" || d.Aliases[0].Old != "a" {
		t.Errorf("suggested aliases %+v", d.Aliases)
	}
	var fields []string
	for _, c := range d.Changes {
		fields = append(fields, c.Criterion+" "+c.Field)
	}
	if diff := cmp.Diff([]string{"review-code prompt", "review-code scope"}, fields); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
}
