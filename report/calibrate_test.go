package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"sort"
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/store"
	"github.com/ladderhq/ladder/rubric"
)

func exampleTeam(t *testing.T, r *rubric.Rubric) *assess.Calibration {
	t.Helper()
	files, problems, err := store.FindFiles([]string{"../examples/team"})
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	read, err := store.ReadSheets(files, r, 0)
	if err != nil || len(read.Problems) > 0 {
		t.Fatal(err, read.Problems)
	}
	return assess.Calibrate(r, read.Sheets)
}

// sparse is a calibration with every value missing that can be: a person
// with no current level and no fit, a rater never compared, no pairs.
func sparse() *assess.Calibration {
	return &assess.Calibration{
		People: []assess.PersonCalibration{{
			Person: "Lone | Wolf",
			ConsensusLevels: []assess.LevelScore{
				{Level: "intern", Score: 0.42}, {Level: "intermediate", Score: 0.3},
				{Level: "senior", Score: 0.2}, {Level: "staff", Score: 0}},
			Raters:        []assess.RaterFit{{Rater: "Lone | Wolf", Role: assess.Self}},
			Flags:         []assess.Flag{},
			Disagreements: []assess.Disagreement{},
		}},
		Raters: []assess.RaterCalibration{{Rater: "Lone | Wolf", Assessments: 1}},
		Levels: []assess.LevelCount{{Level: "intern"}, {Level: "", Current: 1, Consensus: 1}},
		Sheets: 1,
	}
}

func TestCalibrationGolden(t *testing.T) {
	r := builtin(t)
	c := exampleTeam(t, r)
	for name, style := range styles {
		var b bytes.Buffer
		if err := RenderCalibration(&b, r, c, style, CalibrationViews); err != nil {
			t.Fatal(err)
		}
		golden(t, "calibrate-team."+name+".txt", b.Bytes())
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, CalibrationData(r, c)); err != nil {
		t.Fatal(err)
	}
	golden(t, "calibrate-team.json", b.Bytes())
	b.Reset()
	if err := WriteCalibrationMarkdown(&b, r, c, CalibrationViews); err != nil {
		t.Fatal(err)
	}
	golden(t, "calibrate-team.md", b.Bytes())
	for _, view := range CalibrationViews {
		b.Reset()
		if err := WriteCalibrationCSV(&b, r, c, view); err != nil {
			t.Fatal(err)
		}
		golden(t, "calibrate-team-"+view+".csv", b.Bytes())
	}
}

func TestCalibrationMissingValuesGolden(t *testing.T) {
	r := builtin(t)
	c := sparse()
	var out bytes.Buffer
	if err := RenderCalibration(&out, r, c, Style{Width: 80}, CalibrationViews); err != nil {
		t.Fatal(err)
	}
	out.WriteString("\n== json\n")
	if err := WriteJSON(&out, CalibrationData(r, c)); err != nil {
		t.Fatal(err)
	}
	out.WriteString("\n== markdown\n")
	if err := WriteCalibrationMarkdown(&out, r, c, CalibrationViews); err != nil {
		t.Fatal(err)
	}
	for _, view := range CalibrationViews {
		out.WriteString("\n== csv " + view + "\n")
		if err := WriteCalibrationCSV(&out, r, c, view); err != nil {
			t.Fatal(err)
		}
	}
	golden(t, "calibrate-missing.txt", out.Bytes())
}

// TestCalibrationJSONKeys: exactly the keys of SPEC section 5, at every
// depth.
func TestCalibrationJSONKeys(t *testing.T) {
	r := builtin(t)
	var b bytes.Buffer
	if err := WriteJSON(&b, CalibrationData(r, exampleTeam(t, r))); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		People    []map[string]json.RawMessage
		Raters    []map[string]json.RawMessage
		Agreement map[string]json.RawMessage
		Levels    []map[string]json.RawMessage
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b.Bytes(), &top); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]json.RawMessage) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	check := func(what string, got, want []string) {
		t.Helper()
		sort.Strings(want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s keys = %v, want %v", what, got, want)
		}
	}
	check("top", keys(top), []string{"people", "raters", "agreement", "levels", "moves", "agenda", "anonymized"})
	check("person", keys(doc.People[0]), []string{"person", "current_level", "consensus_fit_level", "raters", "flags", "disagreements",
		"consensus", "next_level", "self_gap"})
	var flags []map[string]json.RawMessage
	if err := json.Unmarshal(doc.People[1]["flags"], &flags); err != nil || len(flags) == 0 {
		t.Fatalf("Ben's flags: %v %v", flags, err)
	}
	check("self-higher flag", keys(flags[0]), []string{"flag", "value", "criteria"})
	var caraFlags []map[string]json.RawMessage
	if err := json.Unmarshal(doc.People[2]["flags"], &caraFlags); err != nil || len(caraFlags) == 0 {
		t.Fatalf("Cara's flags: %v %v", caraFlags, err)
	}
	check("promotion-ready flag", keys(caraFlags[0]), []string{"flag", "value", "level", "score"})
	var raters []map[string]json.RawMessage
	if err := json.Unmarshal(doc.People[0]["raters"], &raters); err != nil {
		t.Fatal(err)
	}
	check("person rater", keys(raters[0]), []string{"rater", "role", "fit_level"})
	var dis []map[string]json.RawMessage
	if err := json.Unmarshal(doc.People[2]["disagreements"], &dis); err != nil || len(dis) == 0 {
		t.Fatalf("Cara's disagreements: %v %v", dis, err)
	}
	check("disagreement", keys(dis[0]), []string{"criterion", "ratings"})
	check("rater", keys(doc.Raters[0]), []string{"rater", "assessments", "mean_rating", "offset", "flag", "compared", "roles"})
	check("agreement", keys(doc.Agreement), []string{"pairs", "exact", "within_one", "kappa", "by_roles"})
	check("level", keys(doc.Levels[0]), []string{"level", "current", "consensus", "up", "down"})
}

func TestCut2(t *testing.T) {
	for _, tc := range []struct{ in, want float64 }{
		{0.4999, 0.49}, {0.5, 0.5}, {-0.4999, -0.49}, {-0.5, -0.5}, {0.53125, 0.53}, {-0.5625, -0.56}, {2.0 / 3, 0.66}, {1, 1}, {0, 0},
	} {
		if got := cut2(tc.in); got != tc.want {
			t.Errorf("Cut2(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestCalibrationCSVParses(t *testing.T) {
	r := builtin(t)
	c := exampleTeam(t, r)
	var b bytes.Buffer
	if err := WriteCalibrationCSV(&b, r, c, ViewPeople); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(c.People) {
		t.Fatalf("%d rows for %d people", len(rows), len(c.People))
	}
	for _, row := range rows {
		if len(row) != 12+len(r.Levels) {
			t.Errorf("row of %d cells: %v", len(row), row)
		}
	}
	if err := WriteCalibrationCSV(&b, r, c, "everything"); err == nil {
		t.Error("an unknown view is not an error")
	}
}
