package draft

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ladderhq/ladder/rubric"
)

func TestFindAlternatives(t *testing.T) {
	for _, tc := range []struct {
		text     string
		emphasis []string
		want     []string // the statement of each option; nil for none
	}{
		{"Significant professional experience with Ruby on Rails or language required by the specialty", []string{"or"},
			[]string{"Significant professional experience with Ruby on Rails", "Significant professional experience with language required by the specialty"}},
		{"Strong Go and/or Ruby engineer with security expertise or proven security interest", nil,
			[]string{"Strong Go engineer with security expertise or proven security interest", "Strong Ruby engineer with security expertise or proven security interest"}},
		{"In-depth experience with Ruby on Rails, Go, and/or Git", nil,
			[]string{"In-depth experience with Ruby on Rails", "In-depth experience with Go", "In-depth experience with Git"}},
		{"Some Java, Objective-C or Swift experience building mobile apps", nil,
			[]string{"Some Java experience building mobile apps", "Some Objective-C experience building mobile apps", "Some Swift experience building mobile apps"}},
		{"High proficiency in Ruby or Go", nil, []string{"High proficiency in Ruby", "High proficiency in Go"}},
		{"Proficient in Go (Golang) and/or Ruby, Ruby on Rails", nil,
			[]string{"Proficient in Go (Golang), Ruby on Rails", "Proficient in Ruby, Ruby on Rails"}},
		{"Proficient or fluent with one or more of other common languages: Go, Python, Java, Node, JavaScript, etc", nil,
			[]string{"Proficient or fluent with Go", "Proficient or fluent with Python", "Proficient or fluent with Java", "Proficient or fluent with Node", "Proficient or fluent with JavaScript"}},
		{"Experience or interest in functions-as-a-service", nil,
			[]string{"Experience in functions-as-a-service", "Interest in functions-as-a-service"}},
		{"Experience of performance tuning and/or architecture", nil, nil},
		{"Demonstrated capacity to communicate about complex technical, architectural, and/or organizational problems", nil, nil},
		{"DevOps experience, working with Linux, Ansible, AWS or similar products", nil, nil},
		{"Experience with A/B, multivariate, or other data-driven methods of testing", nil, nil},
	} {
		var got []string
		if a, ok := FindAlternatives(tc.text, tc.emphasis); ok {
			for i := range a.Options {
				got = append(got, a.Option(i))
			}
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tc.text, diff)
		}
	}
}

func TestStatements(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []Statement
	}{
		{"Mandatory: Solid production C and Shell scripting experience.", []Statement{{"Solid production C and Shell scripting experience", rubric.Required}}},
		{"Highly desirable: Experience working with Go. It's important that candidates must be willing to learn and work in both Go and Ruby.",
			[]Statement{{"Experience working with Go", rubric.Strong}, {"It's important that candidates must be willing to learn and work in both Go and Ruby", rubric.Required}}},
		{"For this position, a significant amount of experience with Ruby is a strict requirement. Experience with Go is a plus as we expect that you will likely work on Go.",
			[]Statement{{"A significant amount of experience with Ruby", rubric.Required}, {"Experience with Go", rubric.Bonus}}},
		{"Strong experience with observability tools, including metrics (Prometheus is a plus), structured logging and distributed tracing",
			[]Statement{{"Strong experience with observability tools, including metrics (Prometheus is a plus), structured logging and distributed tracing", ""}}},
		{"Experience with provisioning tools is beneficial but not essential", []Statement{{"Experience with provisioning tools", rubric.Bonus}}},
		{"Strong Ruby and Golang experience required", []Statement{{"Strong Ruby and Golang experience", rubric.Required}}},
		{"Experience developing in Ruby (this is a strict requirement).", []Statement{{"Experience developing in Ruby", rubric.Required}}},
		{"Professional experience with any other technologies that may be required by the specialty", []Statement{{"Professional experience with any other technologies that may be required by the specialty", ""}}},
		{"Craft code that meets our standards. Maintain and advocate for these standards through code review.",
			[]Statement{{"Craft code that meets our standards. Maintain and advocate for these standards through code review", ""}}},
		{"Improves the projects via the maintainer program. For more information regarding timelines, see this page.",
			[]Statement{{"Improves the projects via the maintainer program", ""}}},
		{"Must be a proven fast-learner and self-starter.", []Statement{{"Be a proven fast-learner and self-starter", rubric.Required}}},
	} {
		if diff := cmp.Diff(tc.want, Statements(tc.text)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tc.text, diff)
		}
	}
}

func TestAsk(t *testing.T) {
	for _, tc := range []struct {
		text  string
		voice Voice
		want  Question
	}{
		{"Experience with Docker and Kubernetes in production use cases", Described, Question{Prompt: "How much experience do you have with Docker and Kubernetes in production use cases?"}},
		{"Significant professional experience with Ruby on Rails", Described, Question{Prompt: "How much significant professional experience do you have with Ruby on Rails?"}},
		{"Chef experience (writing complex cookbooks from scratch)", Described, Question{Prompt: "How much Chef experience do you have (writing complex cookbooks from scratch)?"}},
		{"Demonstrated ability to onboard and integrate with an organization long-term", Described, Question{Prompt: "How well can you onboard and integrate with an organization long-term?"}},
		{"Proficiency in the English language, both written and verbal", Described, Question{Prompt: "How proficient are you in the English language, both written and verbal?"}},
		{"Positive and solution-oriented mindset", Described, Question{Prompt: "How well does this describe you: positive and solution-oriented mindset?"}},
		{"Develop features and improvements to the product", Duties, Question{Prompt: "How well do you develop features and improvements to the product?"}},
		{"Confidently ship small features with minimal guidance", Duties, Question{Prompt: "How confidently do you ship small features with minimal guidance?"}},
		{"Improves the engineering projects", Duties, Question{Prompt: "How well do you improve the engineering projects?"}},
		{"Identifies issues in daily tasks and takes care of their own tests", Duties, Question{Prompt: "How well do you identify issues in daily tasks and takes care of your own tests?"}},
		{"Setting standards for memory use", Duties, Question{Prompt: "How much of your work involves setting standards for memory use?"}},
		{"Be a proven fast-learner and self-starter", Described, Question{Prompt: "To what extent are you a proven fast-learner and self-starter?"}},
		{"Have strong programming skills: Shell, and Ruby and/or Go", Described, Question{Prompt: "To what extent do you have strong programming skills: Shell, and Ruby and/or Go?"}},
		{"Participate in Tier 2 or Tier 3 on-call rotations to assist troubleshooting", Duties, Question{Prompt: "Are you willing to participate in Tier 2 or Tier 3 on-call rotations to assist troubleshooting?", YesNo: true}},
		{"If you are willing to stick to working on these features for at least a year, then this role is for you.", Duties, Question{Prompt: "Are you willing to stick to working on these features for at least a year?", YesNo: true}},
		{"Understanding of vulnerability lifecycle (including CVE)", Described, Question{Prompt: "How well do you understand vulnerability lifecycle (including CVE)?"}},
		{"Self-managed installation mechanisms", Duties, Question{Prompt: "How well does this describe your work: Self-managed installation mechanisms?"}},
	} {
		if diff := cmp.Diff(tc.want, Ask(tc.text, tc.voice)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tc.text, diff)
		}
	}
}

func TestSlug(t *testing.T) {
	for text, want := range map[string]string{
		"Experience with Docker and Kubernetes in production use cases": "docker-kubernetes-cases",
		"Proficiency in the English language":                           "english-language",
		"Strong experience":                                             "strong-experience",
		"???":                                                           "",
	} {
		if got := Slug(text, 3); got != want {
			t.Errorf("Slug(%q) = %q, want %q", text, got, want)
		}
	}
	var ids IDs
	if a, b := ids.New("req", "go"), ids.New("req", "go"); a != "req-go" || b != "req-go-2" {
		t.Errorf("ids %q %q", a, b)
	}
}
