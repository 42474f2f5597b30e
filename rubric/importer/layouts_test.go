package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/rubric"
	"github.com/ladderhq/ladder/rubric/sourceref"
)

// load imports a test file and loads the result back the way a user's
// rubric file is loaded.
func load(t *testing.T, path string, opt Options) (*Result, *rubric.Rubric) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Import(filepath.Base(path), src, opt)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Encode(res.Rubric, "yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := rubric.Parse("imported.yaml", out)
	if err != nil {
		t.Fatal(err)
	}
	return res, r
}

// covered checks that the rubric accounts for every list item of the page
// and cites nothing else.
func covered(t *testing.T, r *rubric.Rubric, path string) {
	t.Helper()
	src, _ := os.ReadFile(path)
	page, err := sourceref.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	cov := rubric.CheckCoverage(r, page)
	for _, m := range cov.Missing {
		t.Errorf("%s: item %s not accounted for", path, m.Ref)
	}
	for _, u := range cov.Unknown {
		t.Errorf("%s: %v cite %q, which the page does not have", path, u.CitedBy, u.Ref)
	}
}

// topAssessment rates every criterion at the top of the scale (yes for
// yes/no) and names every specialty.
func topAssessment(r *rubric.Rubric) *assess.Assessment {
	a := assess.New(r, "Top", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	for _, c := range r.Criteria {
		if c.Answer == rubric.YesNo {
			a.Ratings[c.ID] = assess.Rating{Value: 1, YesNo: true}
		} else {
			a.Ratings[c.ID] = assess.Rating{Value: r.MaxRating()}
		}
	}
	for _, s := range r.Specialties {
		a.Specialties = append(a.Specialties, s.ID)
	}
	return a
}

// Every layout imports, validates, accounts for its page, and an
// assessment at the top of the scale fits the top level and meets every
// specialty.
func TestLayoutsEndToEnd(t *testing.T) {
	pages := []string{"../../data/gitlab-backend-engineer.source.md", "testdata/levels-areas.md", "testdata/base-labels.md", "testdata/extends.md"}
	for _, path := range pages {
		t.Run(filepath.Base(path), func(t *testing.T) {
			_, r := load(t, path, Options{})
			covered(t, r, path)
			res := assess.Score(r, topAssessment(r))
			if top := r.Levels[len(r.Levels)-1].ID; res.FitLevel != top {
				t.Errorf("fit level %q, want %q", res.FitLevel, top)
			}
			for _, s := range res.Specialties {
				if s.Verdict != assess.Meets {
					t.Errorf("specialty %s: %s", s.ID, s.Verdict)
				}
			}
		})
	}
}

func levelIDs(r *rubric.Rubric) []string {
	var ids []string
	for _, l := range r.Levels {
		ids = append(ids, l.ID)
	}
	return ids
}

func TestSeedPage(t *testing.T) {
	res, r := load(t, "../../data/gitlab-backend-engineer.source.md", Options{})
	if res.Kind != JobFamily {
		t.Errorf("kind %q", res.Kind)
	}
	if diff := cmp.Diff([]string{"intern", "intermediate", "senior", "staff"}, levelIDs(r)); diff != "" {
		t.Errorf("levels (-want +got):\n%s", diff)
	}
	if len(r.Specialties) != 19 {
		t.Errorf("%d specialties, want 19", len(r.Specialties))
	}
	bySource := map[string]*rubric.Criterion{}
	for i := range r.Criteria {
		for _, s := range r.Criteria[i].Sources {
			bySource[s] = &r.Criteria[i]
		}
	}
	for src, want := range map[string]rubric.Strength{
		"Git/Requirements/1":                        rubric.Required, // Mandatory
		"Git/Requirements/3":                        rubric.Strong,   // Highly desirable
		"Gitter/Requirements/5":                     rubric.Desirable,
		"Requirements/3":                            rubric.Required, // the general requirements
		"Nice-to-haves/1":                           rubric.Bonus,
		"Geo/Requirements/5":                        rubric.Bonus, // beneficial but not essential
		"CI/CD/Requirements/1":                      rubric.Bonus, // is a plus
		"Database/Requirements/3":                   rubric.Strong,
		"Responsibilities/1":                        rubric.Desirable,
		"Staff Backend Engineer/Responsibilities/2": rubric.Strong,
	} {
		c := bySource[src]
		if c == nil {
			t.Errorf("no criterion cites %s", src)
			continue
		}
		if c.Strength != want {
			t.Errorf("%s (%s): strength %s, want %s", src, c.ID, c.Strength, want)
		}
	}
	// Scope ladders: small -> moderately sized -> large, and moderate ->
	// high -> highest scope.
	for src, lower := range map[string]string{
		"Senior Backend Engineer/Responsibilities/8": "Responsibilities/8",
		"Staff Backend Engineer/Responsibilities/9":  "Senior Backend Engineer/Responsibilities/8",
		"Senior Backend Engineer/Responsibilities/2": "Responsibilities/4",
		"Staff Backend Engineer/Responsibilities/2":  "Senior Backend Engineer/Responsibilities/2",
		"Staff Backend Engineer/Responsibilities/6":  "Responsibilities/6",
	} {
		if got := bySource[src].Supersedes; len(got) != 1 || got[0] != bySource[lower].ID {
			t.Errorf("%s supersedes %v, want %s", src, got, bySource[lower].ID)
		}
	}
	// Alternative profiles of Application Performance: one of two paths.
	paths := r.GroupByID("application-profiles")
	if paths == nil || paths.Min != 1 {
		t.Fatalf("application-profiles = %+v", paths)
	}
	if _, groups := r.Members(paths.ID); len(groups) != 2 {
		t.Errorf("paths %v", groups)
	}
	if c := bySource["Secure/Responsibilities/7"]; c.Answer != rubric.YesNo {
		t.Errorf("willingness asked as %s", c.Answer)
	}
}

func TestLevelsAreasLayout(t *testing.T) {
	_, r := load(t, "testdata/levels-areas.md", Options{})
	if diff := cmp.Diff([]string{"associate", "platform-reliability", "senior"}, levelIDs(r)); diff != "" {
		t.Errorf("levels (-want +got):\n%s", diff)
	}
	var themes []string
	for _, th := range r.Themes {
		themes = append(themes, th.Title)
	}
	if diff := cmp.Diff([]string{"Technical", "Execution", "Communication", "Communication and Maturity"}, themes); diff != "" {
		t.Errorf("themes (-want +got):\n%s", diff)
	}
	// "Basic knowledge of 3 of these areas" is a group needing 3 of 4.
	var g *rubric.Group
	for i := range r.Groups {
		if strings.HasPrefix(r.Groups[i].Title, "Basic knowledge of 3") {
			g = &r.Groups[i]
		}
	}
	if g == nil {
		t.Fatal("no group for the areas")
	}
	if crit, groups := r.Members(g.ID); g.Min != 3 || len(crit)+len(groups) != 4 {
		t.Errorf("areas group = %+v", g)
	}
	// The on-call duty is a willingness; the projects are not assessed.
	var projects, onCall int
	for _, na := range r.NotAssessed {
		for _, s := range na.Sources {
			if strings.HasPrefix(s, "Projects you could work on/") {
				projects++
			}
		}
	}
	for _, c := range r.Criteria {
		if c.Answer == rubric.YesNo && strings.Contains(c.Prompt, "on-call") {
			onCall++
		}
	}
	if projects != 2 || onCall != 1 {
		t.Errorf("projects not assessed %d, on-call willingness %d", projects, onCall)
	}
	if r.Specialty("edge") == nil || len(r.SpecialtyCriteria("edge")) != 1 {
		t.Errorf("a specialty in prose only gets one criterion: %v", r.SpecialtyCriteria("edge"))
	}
}

func TestBaseLabelsLayout(t *testing.T) {
	_, r := load(t, "testdata/base-labels.md", Options{})
	if diff := cmp.Diff([]string{"mobile", "senior", "staff"}, levelIDs(r)); diff != "" {
		t.Errorf("levels (-want +got):\n%s", diff)
	}
	// "**Delivery**: Ship small/moderately sized/large features" is one
	// theme and one supersede chain.
	delivery := r.Theme("delivery")
	if delivery == nil {
		t.Fatalf("no delivery theme in %v", r.Themes)
	}
	var chain []string
	for _, c := range r.Criteria {
		if c.Theme == "delivery" {
			chain = append(chain, c.ID+"<"+strings.Join(c.Supersedes, ","))
		}
	}
	if len(chain) != 3 || !strings.HasSuffix(chain[1], "<"+strings.SplitN(chain[0], "<", 2)[0]) || !strings.HasSuffix(chain[2], "<"+strings.SplitN(chain[1], "<", 2)[0]) {
		t.Errorf("delivery chain %v", chain)
	}
	if g := r.GroupByID("req-swift-kotlin"); g == nil || len(r.GroupCriteria(g.ID)) != 2 {
		t.Errorf("Swift **or** Kotlin: %v", r.Groups)
	}
}

func TestExtendsLayout(t *testing.T) {
	_, r := load(t, "testdata/extends.md", Options{})
	// No grades: the "extends" lines order the levels.
	if diff := cmp.Diff([]string{"data", "senior", "staff"}, levelIDs(r)); diff != "" {
		t.Errorf("levels (-want +got):\n%s", diff)
	}
	for _, c := range r.Criteria {
		if strings.Contains(c.Prompt, "daily-orders") {
			t.Errorf("code block imported: %s", c.Prompt)
		}
	}
	var bonus, required int
	for _, c := range r.Criteria {
		if c.Level != "" && c.Strength == rubric.Bonus {
			bonus++
		}
		if c.Strength == rubric.Required {
			required++
		}
	}
	if bonus != 2 || required < 1 {
		t.Errorf("bonus %d required %d", bonus, required)
	}
	if len(r.SpecialtyCriteria("machine-learning-platform")) != 1 {
		t.Errorf("prose-only specialty: %v", r.SpecialtyCriteria("machine-learning-platform"))
	}
}
