package data_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/data"
	"github.com/ladderhq/ladder/rubric"
	"github.com/ladderhq/ladder/rubric/sourceref"
)

// How faithfully the built-in rubric reads the job-family page: each test
// here pins a reading that a careful review of the rubric against the page
// found wrong once.

func builtin(t *testing.T) *rubric.Rubric {
	t.Helper()
	r, err := data.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// everyone rates every criterion at its expectation, or yes; then the
// changes apply ("no", or a number).
func everyone(r *rubric.Rubric, changes map[string]string, specialties ...string) *assess.Assessment {
	a := &assess.Assessment{Rubric: assess.RubricRef{ID: r.ID, Version: r.Version}, Person: "Ada", Rater: "Ada",
		Role: assess.Self, Specialties: specialties, Ratings: map[string]assess.Rating{}}
	for i := range r.Criteria {
		c := &r.Criteria[i]
		if c.Answer == rubric.YesNo {
			a.Ratings[c.ID] = assess.Rating{Value: 1, YesNo: true}
		} else {
			a.Ratings[c.ID] = assess.Rating{Value: r.TopExpect(c.ID)}
		}
	}
	for id, v := range changes {
		switch v {
		case "":
			delete(a.Ratings, id)
		case "no":
			a.Ratings[id] = assess.Rating{YesNo: true}
		default:
			a.Ratings[id] = assess.Rating{Value: int(v[0] - '0')}
		}
	}
	return a
}

func unitOf(t *testing.T, ts assess.TargetScore, id string) assess.UnitScore {
	t.Helper()
	for _, u := range ts.Units {
		for _, c := range u.Criteria {
			if c.ID == id {
				return u
			}
		}
	}
	t.Fatalf("%s: no unit holds %s", ts.ID, id)
	return assess.UnitScore{}
}

// Application Performance: "Alternatively, some of the following
// qualifications, may not necessarily be all". The alternative profile
// needs its two Musts (a language, a proven fast learner), and some of the
// rest, not all of them.
func TestApplicationPerformanceAlternativeProfile(t *testing.T) {
	r := builtin(t)
	pathA := map[string]string{"base-rails-experience": "", "appperf-rails-expert": "0", "appperf-perf-tuning": "0", "appperf-memory-leaks": "0"}
	qualifications := []string{"appperf-scalable-solutions", "appperf-db-principles", "appperf-rails-like-framework", "appperf-perf-testing-tools", "appperf-low-level-internals"}
	with := func(extra map[string]string) map[string]string {
		out := map[string]string{}
		for k, v := range pathA {
			out[k] = v
		}
		for _, id := range qualifications {
			out[id] = "0"
		}
		for k, v := range extra {
			out[k] = v
		}
		return out
	}
	for _, tc := range []struct {
		name    string
		changes map[string]string
		met     bool
	}{
		{"the musts and strong problem solving, no qualification", with(nil), true},
		{"the musts and one qualification", with(map[string]string{"appperf-problem-solving": "0", "appperf-low-level-internals": "3"}), true},
		{"the musts alone", with(map[string]string{"appperf-problem-solving": "0"}), false},
		{"no fast learner", with(map[string]string{"appperf-fast-learner": "1"}), false},
		{"no language", with(map[string]string{"appperf-ruby": "0", "appperf-go": "0", "appperf-oop-language": "0"}), false},
	} {
		a := everyone(r, tc.changes, "application-performance")
		u := unitOf(t, assess.NewScorer(r).Specialty(a, "application-performance"), "appperf-fast-learner")
		if !u.Required() || u.Met != tc.met {
			t.Errorf("%s: the candidate profiles are met %v (required %v), want %v", tc.name, u.Met, u.Required(), tc.met)
		}
	}
}

// Senior's "performance and optimization problems, particularly at large
// scale" replaces the general requirement on performance problems: it must
// not lose that requirement's gate.
func TestPerformanceGateHoldsAtSeniorAndStaff(t *testing.T) {
	r := builtin(t)
	a := everyone(r, map[string]string{"base-performance": "1", "senior-performance-at-scale": "1"})
	res := assess.Score(r, a)
	for _, l := range res.Levels {
		if (l.ID == "senior" || l.ID == "staff") && l.Verdict == assess.Meets {
			t.Errorf("%s meets with the performance requirement rated 1", l.ID)
		}
	}
	// And as a rule: a stricter rung of a required criterion is required.
	for _, c := range r.Criteria {
		for _, old := range c.Supersedes {
			if r.Criterion(old).Strength == rubric.Required && c.Strength != rubric.Required {
				t.Errorf("%s (%s) supersedes the required %s", c.ID, c.Strength, old)
			}
		}
	}
}

// Staff may take the Incident Management rotation instead of Tier 2 or 3;
// a yes to it alone says nothing of Tier 2 or 3, which the lower levels
// ask for.
func TestIncidentManagementDoesNotCountForTier2Or3(t *testing.T) {
	r := builtin(t)
	src := `format: ladder/assessment/v1
rubric: {id: gitlab-backend-engineer, version: "1"}
person: Ada
ratings:
  resp-on-call: no
  staff-on-call: yes
`
	a, _, err := assess.Parse("a.yaml", []byte(src), r, assess.Options{})
	if err != nil {
		t.Fatal(err)
	}
	scorer := assess.NewScorer(r)
	if u := unitOf(t, scorer.Level(a, "intermediate"), "resp-on-call"); u.Met {
		t.Error("Backend Engineer's Tier 2 or 3 rotation is met by a yes to Incident Management")
	}
	if u := unitOf(t, scorer.Level(a, "staff"), "staff-on-call-incident"); !u.Met {
		t.Error("Staff's on-call duty is not met by a yes to Incident Management")
	}
	a.Ratings = map[string]assess.Rating{"resp-on-call": {Value: 1, YesNo: true}, "staff-on-call-tier": {Value: 1, YesNo: true}}
	if u := unitOf(t, scorer.Level(a, "staff"), "staff-on-call-tier"); !u.Met {
		t.Error("Staff's on-call duty is not met by a yes to Tier 2 or 3")
	}
}

// Every prompt asks one question, answerable on the rubric's scale: one
// question mark, at the end; no second question joined on ("..., and how
// ..."); no frequency ("how often") asked on a scale of proficiency.
func TestEveryPromptIsOneQuestionOnTheScale(t *testing.T) {
	r := builtin(t)
	frequency := regexp.MustCompile(`(?i)\bhow (often|regularly|frequently)\b`)
	for _, c := range r.Criteria {
		p := c.Prompt
		if strings.Count(p, "?") != 1 || !strings.HasSuffix(p, "?") {
			t.Errorf("%s: not one question: %q", c.ID, p)
		}
		if strings.Contains(p, ", and how ") {
			t.Errorf("%s: two questions in one: %q", c.ID, p)
		}
		if c.Answer == rubric.ScaleAnswer && frequency.MatchString(p) {
			t.Errorf("%s: asks how often, on a scale of proficiency: %q", c.ID, p)
		}
	}
}

// The prompts a review found asking two things at once, each now asking
// one: the two sentences of the standards rungs are two criteria, and so
// are the two duties of Engineering Productivity's community work and the
// two pluses of CI/CD's Go developer with Kubernetes experience.
func TestDoubleBarrelledPromptsAreSplit(t *testing.T) {
	r := builtin(t)
	for _, id := range []string{"resp-code-standards", "senior-define-standards", "staff-shepherd-standards"} {
		if p := r.Criterion(id).Prompt; strings.Contains(p, "code review") {
			t.Errorf("%s asks about code review too: %q", id, p)
		}
	}
	review := r.Criterion("resp-review-standards")
	if review == nil || !strings.Contains(review.Prompt, "code review") || len(review.Sources) != 3 {
		t.Errorf("no criterion asks about upholding the standards in code review, at every level: %+v", review)
	}
	for _, tc := range []struct{ id, not string }{
		{"staff-influence-significant", "Do plans change"},
		{"nice-open-source", "experience and enthusiasm"},
		{"geo-customer-support", "quickly and effectively"},
		{"search-elasticsearch", "across data modelling"},
		{"gitter-infra-search-devops", "running Linux systems, using a cloud"},
	} {
		if c := r.Criterion(tc.id); strings.Contains(c.Prompt, tc.not) {
			t.Errorf("%s still asks two things: %q", tc.id, c.Prompt)
		}
	}
	for _, source := range []string{"Engineering Productivity/Requirements", "CI/CD/Requirements/1"} {
		n := 0
		for _, c := range r.Criteria {
			for _, s := range c.Sources {
				if s == source {
					n++
				}
			}
		}
		if n != 2 {
			t.Errorf("%s: %d criteria, want one for each of its two parts", source, n)
		}
	}
}

// Items the prompts once narrowed, now asked as the page states them.
func TestNarrowedItemsAreAskedInFull(t *testing.T) {
	r := builtin(t)
	leaks := r.Resolve("appperf-memory-leaks-ruby") // the old id
	if leaks == nil || strings.Contains(leaks.Prompt, "Ruby") {
		t.Errorf("the ideal profile's memory-leak item asks about Ruby only: %+v", leaks)
	}
	if p := r.Criterion("senior-represent-broader").Prompt; !strings.Contains(p, "specific projects") || !strings.Contains(p, "community contributions") || strings.Contains(p, "beyond") {
		t.Errorf("senior-represent-broader leaves out projects and contributions: %q", p)
	}
	attacks := r.Criterion("sscs-attack-detection")
	if !strings.Contains(attacks.Prompt, "understand") || strings.Contains(attacks.Help, "all four") {
		t.Errorf("sscs-attack-detection asks for more than understanding: %q / %q", attacks.Prompt, attacks.Help)
	}
}

// The examples of a specialty's main language name that specialty's
// required language, as its own requirements give it.
func TestSpecialtyLanguageExamples(t *testing.T) {
	r := builtin(t)
	primary := map[string]string{ // from each specialty's requirements on the page
		"Git":    "C",          // Mandatory: solid production C and shell
		"Gitaly": "Ruby",       // Mandatory: solid production Ruby
		"Gitter": "JavaScript", // strong client-side JavaScript, production Node.js
	}
	c := r.Criterion("base-specialty-language")
	pairs := regexp.MustCompile(`\b(C|Go|Ruby|JavaScript|Java|Python)\b for ([A-Z][a-z]+)`).FindAllStringSubmatch(c.Prompt+" "+c.Help, -1)
	if len(pairs) == 0 {
		t.Fatalf("no examples in %q", c.Prompt)
	}
	for _, p := range pairs {
		if want, ok := primary[p[2]]; !ok || want != p[1] {
			t.Errorf("%q: %s's language is %q on the page", p[0], p[2], want)
		}
	}
}

// The page's qualifiers set a specialty criterion's expectation evenly:
// superlatives (expert, expert-level, top notch, deep, extensive, excellent,
// high proficiency, in-depth, a lot of) expect Leading (4); "some", "basic",
// "familiar with" and "a working knowledge" expect Developing (2); the rest
// the specialty's default, Consistent (3).
func TestQualifiersSetEvenExpectations(t *testing.T) {
	r := builtin(t)
	page, err := sourceref.Parse(data.SourcePage())
	if err != nil {
		t.Fatal(err)
	}
	classes := []struct {
		expect int
		words  *regexp.Regexp
		ids    []string
	}{
		{4, regexp.MustCompile(`(?i)\b(expert|expert-level|top notch|deep|extensive|excellent|high proficiency|in-depth|a lot of)\b`), []string{
			"distribution-linux-debian", "distribution-linux-rhel", // Extensive Linux experience
			"cicd-kubernetes-production",     // a lot of Kubernetes production experience
			"geo-rails", "geo-go", "geo-git", // In-depth experience with Ruby on Rails, Go, and/or Git
			"ep-communication",                              // Excellent oral and written communication
			"appperf-rails-expert", "appperf-db-principles", // Expert of Ruby on Rails; Top notch understanding
			"db-postgresql-deep", "db-relational-expertise", // deep PostgreSQL knowledge; Expert-level understanding
			"scal-ruby", "scal-go", // High proficiency in Ruby or Go
		}},
		{2, regexp.MustCompile(`(?i)\b(some|basic|familiar|working knowledge)\b`), []string{
			"gitter-mobile-java", "gitter-mobile-objc", "gitter-mobile-swift", // Some Java, Objective-C or Swift
			"appperf-rails-like-framework", // Familiar with a framework similar to Rails
			"ecosystem-web-stack",          // Familiar with full web technology stack
			"scal-services-knowledge",      // Have working knowledge of one or more of the services
			"scal-db-basics",               // Understanding of basic database principles
		}},
	}
	// Criteria citing a qualified item whose qualifier is another part's.
	elsewhere := map[string]string{
		"cicd-go":                    "a lot of qualifies the Kubernetes experience, not the Go",
		"appperf-perf-testing-tools": "some qualifies the Ruby of the test automation, not the knowledge of the tools",
		"db-diagnose-prevent":        "expert-level qualifies the understanding, not the demonstrated ability",
		"scal-other-languages":       "high proficiency qualifies Ruby or Go, not the other languages",
	}
	text := map[string]string{}
	for _, it := range page.Items {
		text[it.Ref] = it.Text
	}
	listed := map[string]bool{}
	for _, cl := range classes {
		for _, id := range cl.ids {
			listed[id] = true
			c := r.Criterion(id)
			if c == nil {
				t.Errorf("no criterion %s", id)
				continue
			}
			if got := r.Expect(c, ""); got != cl.expect {
				t.Errorf("%s expects %d, want %d", id, got, cl.expect)
			}
		}
	}
	// Every specialty requirement item carrying a qualifier has its
	// criteria in the table; every other specialty criterion expects the
	// default.
	for _, c := range r.Criteria {
		if c.General() || c.Answer == rubric.YesNo || listed[c.ID] || elsewhere[c.ID] != "" {
			continue
		}
		for _, src := range c.Sources {
			for _, cl := range classes {
				if w := cl.words.FindString(text[src]); w != "" && strings.Contains(src, "Requirements") {
					t.Errorf("%s cites %s (%q), which says %q: add it to the table, or say why not", c.ID, src, text[src], w)
				}
			}
		}
		if c.Expect != 0 && c.Expect != r.SpecialtyExpect {
			t.Errorf("%s expects %d without a qualifier in the table", c.ID, c.Expect)
		}
	}
}
