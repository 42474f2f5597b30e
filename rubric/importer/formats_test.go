package importer

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/rubric"
)

func TestFTTracks(t *testing.T) {
	res, r := load(t, "testdata/ft-engineering.yml", Options{})
	if res.Kind != FTProgression {
		t.Errorf("kind %q", res.Kind)
	}
	if diff := cmp.Diff([]string{"junior", "engineer", "senior-1", "senior-2-ic", "principal-ic", "director"}, levelIDs(r)); diff != "" {
		t.Errorf("individual contributor track (-want +got):\n%s", diff)
	}
	if r.ID != "platform-engineering-ic" {
		t.Errorf("id %q", r.ID)
	}
	if !strings.Contains(strings.Join(res.Notes, "\n"), "--track pm") {
		t.Errorf("notes do not say how to get the other track: %q", res.Notes)
	}
	_, pm := load(t, "testdata/ft-engineering.yml", Options{Track: "People Manager"})
	if diff := cmp.Diff([]string{"junior", "engineer", "senior-1", "senior-2-pm", "principal-pm", "director"}, levelIDs(pm)); diff != "" {
		t.Errorf("people manager track (-want +got):\n%s", diff)
	}
	// The scale is the format's proficiencies; each level expects the
	// proficiency most of its competencies name.
	if r.Scale[3].Label != "Working knowledge" || r.Level("senior-1").Expect != 3 || r.Level("director").Expect != 5 {
		t.Errorf("scale %v, senior-1 expects %d", r.Scale, r.Level("senior-1").Expect)
	}
	// One competency per theme and level: a chain, rung by rung.
	deliv := map[string]*rubric.Criterion{}
	for i := range r.Criteria {
		if r.Criteria[i].Theme == "delivery" {
			deliv[r.Criteria[i].Level] = &r.Criteria[i]
		}
	}
	if got := deliv["engineer"].Supersedes; len(got) != 1 || got[0] != deliv["junior"].ID {
		t.Errorf("engineer delivery supersedes %v", got)
	}
	// A numbered summary is several criteria.
	if n := len(r.LevelCriteria("junior")); n != 4 {
		t.Errorf("junior has %d criteria, want 4", n)
	}
	res2 := assess.Score(r, topAssessment(r))
	if res2.FitLevel != "director" {
		t.Errorf("top assessment fits %q", res2.FitLevel)
	}
	src, _ := os.ReadFile("testdata/ft-engineering.yml")
	if _, err := Import("x.yml", src, Options{Track: "chef"}); err == nil || !strings.Contains(err.Error(), "ic (Individual Contributor), pm (People Manager)") {
		t.Errorf("unknown track: %v", err)
	}
}

func TestFTLegacy(t *testing.T) {
	_, r := load(t, "testdata/ft-legacy.yml", Options{})
	c := r.Criteria[3] // engineer: "Uses version control ... including rebases"
	if len(c.Supersedes) != 1 || c.Supersedes[0] != r.Criteria[0].ID {
		t.Errorf("restated competency supersedes %v, want %s", c.Supersedes, r.Criteria[0].ID)
	}
	if !strings.Contains(r.Criteria[0].Help, "For example: Clones a repository") {
		t.Errorf("help %q", r.Criteria[0].Help)
	}
	if fit := assess.Score(r, topAssessment(r)).FitLevel; fit != "engineer" {
		t.Errorf("fit %q", fit)
	}
}

func TestMonzo(t *testing.T) {
	res, r := load(t, "testdata/monzo-backend.md", Options{})
	if res.Kind != Monzo {
		t.Errorf("kind %q", res.Kind)
	}
	if r.ID != "engineering-platform" || r.Title != "Platform Engineering Framework" {
		t.Errorf("id %q title %q", r.ID, r.Title)
	}
	if diff := cmp.Diff([]string{"level-1", "level-2", "level-3", "level-4"}, levelIDs(r)); diff != "" {
		t.Errorf("levels (-want +got):\n%s", diff)
	}
	var titles []string
	for _, th := range r.Themes {
		titles = append(titles, th.Title)
	}
	if diff := cmp.Diff([]string{"Impact", "Communication", "Mastery"}, titles); diff != "" {
		t.Errorf("themes (-want +got):\n%s", diff)
	}
	n := 0
	for _, c := range r.Criteria {
		if strings.Contains(c.Help, "For example: Links the issue") {
			n++
		}
		if strings.Contains(c.Prompt, "Nothing in this body") {
			t.Errorf("the body was imported: %s", c.Prompt)
		}
	}
	if n != 1 || len(r.Criteria) != 15 {
		t.Errorf("%d criteria, %d with examples", len(r.Criteria), n)
	}
	if fit := assess.Score(r, topAssessment(r)).FitLevel; fit != "level-4" {
		t.Errorf("fit %q", fit)
	}
}

func TestDetect(t *testing.T) {
	for src, want := range map[string]string{
		"## Requirements\n\n- Go\n":                             string(JobFamily),
		"---\nlevels: 2\ntopics: []\n---\nbody\n":               string(Monzo),
		"name: x\nlevels: []\ncompetencies: []\n":               string(FTProgression),
		"format: ladder/rubric/v1\nid: x\n":                     "already a ladder rubric",
		"just some words\n":                                     "not a ladder",
		"{\"competencies\": [], \"levels\": [{\"id\": \"a\"}]}": string(FTProgression),
	} {
		kind, err := Detect([]byte(src))
		got := string(kind)
		if err != nil {
			got = err.Error()
		}
		if !strings.Contains(got, want) {
			t.Errorf("Detect(%q) = %q, want %q", src, got, want)
		}
	}
}
