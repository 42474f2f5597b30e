package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/rubric"
	"github.com/ladderhq/ladder/rubric/rubricdiff"
)

func TestLevelDiffGolden(t *testing.T) {
	r := builtin(t)
	d, err := rubricdiff.Levels(r, "senior", "staff")
	if err != nil {
		t.Fatal(err)
	}
	for name, style := range styles {
		var b bytes.Buffer
		if err := RenderLevelDiff(&b, r, d, style); err != nil {
			t.Fatal(err)
		}
		golden(t, "rubric-diff-senior-staff."+name+".txt", b.Bytes())
	}
	var md, js bytes.Buffer
	if err := RenderLevelDiffMarkdown(&md, r, d); err != nil {
		t.Fatal(err)
	}
	golden(t, "rubric-diff-senior-staff.md", md.Bytes())
	if err := WriteJSON(&js, LevelDiffData(r, d)); err != nil {
		t.Fatal(err)
	}
	golden(t, "rubric-diff-senior-staff.json", js.Bytes())
}

// A rubric whose text carries terminal escapes shows them neutralised.
func TestRubricDiffNeutralisesText(t *testing.T) {
	src := "format: ladder/rubric/v1\nid: x\nversion: \"1\"\ntitle: X\nscale: [{value: 0, label: No}, {value: 1, label: Yes}]\n" +
		"levels: [{id: one, title: One, expect: 1}]\ncriteria:\n"
	old, err := rubric.Parse("old.yaml", []byte(src+"  - {id: a, prompt: \"A?\", level: one}\n"))
	if err != nil {
		t.Fatal(err)
	}
	new, err := rubric.Parse("new.yaml", []byte(src+"  - {id: a, prompt: \"\\e[31mRed\\e[0m?\", level: one}\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := rubricdiff.Files(old, new, "old.yaml", "new.yaml")
	var b bytes.Buffer
	if err := RenderRubricDiff(&b, old, new, d, Style{}); err != nil {
		t.Fatal(err)
	}
	// ESC shows as its visible symbol, as everywhere (termtext.Safe).
	if strings.Contains(b.String(), "\x1b") || !strings.Contains(b.String(), "␛[31mRed␛[0m?") {
		t.Errorf("escape sequences reached the output:\n%q", b.String())
	}
}
