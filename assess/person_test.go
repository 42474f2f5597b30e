package assess

import (
	"testing"
)

// One rule says who is who; these pairs are one person or two everywhere
// ladder compares people.
func TestPersonKey(t *testing.T) {
	same := [][2]string{
		{"Ada Okafor", "Ada-Okafor"},
		{"Ada Okafor", "  ada   OKAFOR. "},
		{"Ada Okafor", "ada_okafor"},
		{"Zo\u00eb Quinn", "Zoe\u0308 Quinn"}, // NFC and NFD
		{"ZOË", "zoë"},
		{"Straße", "STRASSE"},
		{"José Núñez", "jose\u0301 nu\u0301n\u0303ez"},
		{"🙂", " 🙂 "},
		{"a 🙂 b", "A B"}, // an emoji among words is punctuation
	}
	for _, p := range same {
		if !SameName(p[0], p[1]) {
			t.Errorf("%q and %q are two people (%q, %q), want one", p[0], p[1], PersonKey(p[0]), PersonKey(p[1]))
		}
	}
	different := [][2]string{
		{"Ada Okafor", "Ada Okafor-Ng"},
		{"Zoe", "Zoë"},
		{"..", "..."},
		{"🙂", "🙃"},
		{"..", "🙂"},
		{"-", "—"},
		{"Ada", "Ada 2"},
	}
	for _, p := range different {
		if SameName(p[0], p[1]) {
			t.Errorf("%q and %q are one person (%q), want two", p[0], p[1], PersonKey(p[0]))
		}
	}
	if got := PersonKey("  José  Núñez-García "); got != "josé-núñez-garcía" {
		t.Errorf("PersonKey = %q", got)
	}
}

// Calibration groups people and raters by the same rule as ladder diff and
// the data folder: "Ada Okafor" and "Ada-Okafor" are one person, and so
// are NFC and NFD spellings of "Zoë"; ".." and "..." are not.
func TestCalibrateGroupsByPersonKey(t *testing.T) {
	r := loadCalib(t)
	sheets := []Sheet{
		sheetOf(t, r, "1.yaml", "Ada Okafor", "Ada Okafor", Self, "", 1, "code=3"),
		sheetOf(t, r, "2.yaml", "Ada-Okafor", "Max Mu", Manager, "", 2, "code=4"),
		sheetOf(t, r, "3.yaml", "Zo\u00eb", "Zo\u00eb", Self, "", 3, "code=2"),
		sheetOf(t, r, "4.yaml", "Zoe\u0308", "max-mu", Manager, "", 4, "code=2"),
		sheetOf(t, r, "5.yaml", "..", "..", Self, "", 5, "code=1"),
		sheetOf(t, r, "6.yaml", "...", "...", Self, "", 6, "code=1"),
	}
	c := Calibrate(r, sheets)
	var people []string
	for _, p := range c.People {
		people = append(people, p.Person)
		if p.Person == "Ada Okafor" || p.Person == "Zo\u00eb" {
			if len(p.Raters) != 2 {
				t.Errorf("%s has %d raters, want 2", p.Person, len(p.Raters))
			}
		}
	}
	if len(c.People) != 4 {
		t.Errorf("people = %q, want Ada Okafor, Zoë, .. and ...", people)
	}
	var raters []string
	for _, rc := range c.Raters {
		raters = append(raters, rc.Rater)
		if rc.Rater == "Max Mu" && rc.Assessments != 2 {
			t.Errorf("Max Mu rated %d, want 2 (\"max-mu\" is Max Mu)", rc.Assessments)
		}
	}
	if len(raters) != 5 {
		t.Errorf("raters = %q, want 5", raters)
	}
}
