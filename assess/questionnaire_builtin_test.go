package assess_test

import (
	"strings"
	"testing"

	"github.com/ladderhq/ladder/assess"
)

// A question several specialties share is asked once, however each groups
// it: with every specialty chosen, each of these topics is one question.
func TestSharedTopicsAreAskedOnce(t *testing.T) {
	r := builtin(t)
	var all []string
	for _, s := range r.Specialties {
		all = append(all, s.ID)
	}
	q := assess.NewQuestionnaire(r, assess.QuestionnaireOptions{Specialties: all})
	questionOf := map[string]*assess.Question{}
	for _, st := range q.Steps {
		for _, qu := range st.Questions {
			for _, c := range qu.Criteria() {
				if prev := questionOf[c.ID]; prev != nil {
					t.Errorf("%s is asked twice", c.ID)
				}
				questionOf[c.ID] = qu
			}
		}
	}
	if len(questionOf) != len(r.Criteria) {
		t.Errorf("%d criteria asked, want all %d", len(questionOf), len(r.Criteria))
	}
	for topic, ids := range map[string][]string{
		"Ruby": {"sscs-ruby", "secure-ruby", "config-ruby", "ep-ruby", "appperf-ruby", "ecosystem-ruby", "scal-ruby",
			"infra-ruby", "gitaly-ruby", "db-ruby"},
		"Go": {"sscs-go", "secure-go", "config-go", "cicd-go", "geo-go", "appperf-go", "git-go", "gitaly-go", "infra-go",
			"scal-go", "search-go"},
		"Ruby on Rails":            {"base-rails-experience", "base-ruby-knowledge", "geo-rails", "search-ruby-rails", "appperf-rails-expert"},
		"Git internals":            {"git-internals", "gitaly-git-internals", "geo-git"},
		"running Git servers":      {"git-servers", "gitaly-git-servers"},
		"performance testing":      {"appperf-performance-testing", "scal-perf-testing"},
		"profiling":                {"infra-profiling", "scal-profiling"},
		"database principles":      {"appperf-db-principles", "scal-db-basics", "db-relational-expertise"},
		"methodical problems":      {"appperf-problem-solving", "scal-methodical"},
		"memory leaks":             {"appperf-memory-leaks", "appperf-memory-leaks-any"},
		"high availability":        {"geo-high-availability", "gitaly-ha-production"},
		"observability":            {"gitaly-observable-systems", "scal-observability"},
		"monitoring and alerting":  {"package-feature-observability", "config-monitoring-alerting", "gitaly-dashboards-alerts"},
		"Elasticsearch":            {"gitter-elasticsearch", "search-elasticsearch"},
		"PostgreSQL":               {"db-postgresql-deep", "search-postgresql"},
		"Kubernetes in production": {"distribution-kubernetes-production", "cicd-kubernetes-production"},
		"using GitLab":             {"base-use-gitlab", "nice-gitlab-product", "sscs-secure-gitlab-ci"},
		"communication":            {"base-english", "ep-communication"},
		"self-direction":           {"base-self-managing", "growth-self-direction"},
		"ownership":                {"base-project-ownership", "geo-feature-ownership"},
		"Tier 2 or 3 on-call":      {"resp-on-call", "staff-on-call-tier"},
	} {
		first := questionOf[ids[0]]
		for _, id := range ids {
			if qu := questionOf[id]; qu == nil || qu != first {
				t.Errorf("%s: %s is not asked with %s", topic, id, ids[0])
			}
		}
	}
	// And no two questions in the same words.
	seen := map[string]string{}
	for _, st := range q.Steps {
		for _, qu := range st.Questions {
			if prev, dup := seen[qu.Criterion.Prompt]; dup {
				t.Errorf("%s and %s ask %q", prev, qu.Criterion.ID, qu.Criterion.Prompt)
			}
			seen[qu.Criterion.Prompt] = qu.Criterion.ID
		}
	}
}

// A Senior Gitaly assessment asks each line of rungs where its lowest rung
// would be, Senior rung first, and nothing above the target.
func TestBuiltinQuestionnaireForASeniorGitalyCandidate(t *testing.T) {
	r := builtin(t)
	q := assess.NewQuestionnaire(r, assess.QuestionnaireOptions{Target: "senior", Specialties: []string{"gitaly"}})
	var order []string
	for _, st := range q.Steps {
		for _, qu := range st.Questions {
			if qu.Criterion.Level == "staff" {
				t.Errorf("%s: a Staff criterion is asked for target Senior", qu.Criterion.ID)
			}
			order = append(order, qu.Criterion.ID)
		}
	}
	joined := " " + strings.Join(order, " ") + " "
	for _, pair := range [][2]string{
		{"senior-ship-moderate", "resp-ship-small"},
		{"senior-solve-high", "resp-solve-moderate"},
		{"senior-performance-at-scale", "base-performance"},
	} {
		if !strings.Contains(joined, " "+pair[0]+" "+pair[1]+" ") {
			t.Errorf("%s is not asked just before %s: %s", pair[0], pair[1], joined)
		}
	}
	var titles []string
	for _, s := range q.Sections {
		titles = append(titles, s.Title)
	}
	if got := strings.Join(titles, " | "); got != "General requirements | Responsibilities | Senior Backend Engineer | Nice-to-haves | Gitaly (specialty)" {
		t.Errorf("sections: %s", got)
	}
	if n := len(q.Sections[3].Steps); n != 1 || !q.Sections[3].Steps[0].Checklist() {
		t.Errorf("the nice-to-haves are %d steps, want one checklist", n)
	}
}
