package rubric

import (
	"errors"
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestAboutPerson(t *testing.T) {
	for _, tc := range []struct{ text, name, want string }{
		// An asked subject takes the name, its verb agreeing.
		{"How well do you test your code?", "Ada", "How well does Ada test their code?"},
		{"Have you worked in a remote team?", "Ada", "Has Ada worked in a remote team?"},
		{"Are you willing to join the on-call rotation?", "Ada", "Is Ada willing to join the on-call rotation?"},
		{"How well can you use GitLab?", "Ada", "How well can Ada use GitLab?"},
		{"Were you on call?", "Bo", "Was Bo on call?"},
		// A possessive first.
		{"How strong is your Go, judged by code you have written?", "Ada Lovelace",
			"How strong is Ada Lovelace's Go, judged by code they have written?"},
		// A subject before a modal or an agreeing verb.
		{"When you can choose, how much do you seek out security work?", "Ada",
			"When Ada can choose, how much do they seek out security work?"},
		{"If you have time, do you review?", "Ada", "If Ada has time, do they review?"},
		// A subject before any other verb: a pronoun, and so is the rest.
		{"Thinking of the one you know best, how well do you know it?", "Ada",
			"Thinking of the one they know best, how well do they know it?"},
		// Objects, reflexives, contractions.
		{"How often do others come to you for advice?", "Ada", "How often do others come to them for advice?"},
		{"Do people ask you first?", "Ada", "Do people ask them first?"},
		{"How well do you organize yourself?", "Ada", "How well does Ada organize themselves?"},
		{"You're the owner; you've shipped it.", "", "They're the owner; they've shipped it."},
		// Capitals follow the sentence.
		{"Your team. You lead it.", "", "Their team. They lead it."},
		// A scale description, as the person would say it.
		{"Some exposure; I need guidance to do it.", "", "Some exposure; they need guidance to do it."},
		{"I do it with occasional help and am building depth.", "", "They do it with occasional help and are building depth."},
		{"I am learning it; I was shown once.", "", "They are learning it; they were shown once."},
		{"Others come to me for it: I teach it, on my own.", "", "Others come to them for it: they teach it, on their own."},
		{"It's mine, I'm sure, and I've done it myself.", "", "It's theirs, they're sure, and they've done it themselves."},
		// Not a mention.
		{"Asynchronous I/O and Part I of the book.", "Ada", "Asynchronous I/O and Part I of the book."},
		{"No real experience of this yet.", "Ada", "No real experience of this yet."},
		{"", "Ada", ""},
		// Curly apostrophes, as editors type them.
		{"You’re on call.", "", "They’re on call."},
	} {
		if got := AboutPerson(tc.text, tc.name); got != tc.want {
			t.Errorf("AboutPerson(%q, %q)\n got  %q\n want %q", tc.text, tc.name, got, tc.want)
		}
	}
}

// A rubric's own wording for a manager or peer wins over the derived one,
// with {person} standing for the name.
func TestOtherWording(t *testing.T) {
	src := strings.Replace(shared, "  - {value: 1, label: Some}", "  - {value: 1, label: Some, description: I need help., description_other: \"{person} needs help.\"}", 1)
	src = strings.Replace(src, `{id: small, prompt: "Small?",`, `{id: small, prompt: "Small?", prompt_other: "Does {person} ship small changes?",`, 1)
	r, err := Parse("shared.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Criterion("small").PromptAbout("Ada"); got != "Does Ada ship small changes?" {
		t.Errorf("prompt_other: %q", got)
	}
	if got := r.Criterion("small").PromptAbout(""); got != "Does this person ship small changes?" {
		t.Errorf("prompt_other without a name: %q", got)
	}
	if got := r.Criterion("tests").PromptAbout("Ada"); got != "How well does Ada test?" {
		t.Errorf("derived prompt: %q", got)
	}
	if got := r.Scale[1].DescriptionAbout("Ada"); got != "Ada needs help." {
		t.Errorf("description_other: %q", got)
	}
	if got := r.Scale[0].DescriptionAbout("Ada"); got != "" {
		t.Errorf("no description: %q", got)
	}
	// The export keeps them, and loads back the same.
	out, err := yaml.Marshal(Export(r))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"description_other: '{person} needs help.'", "prompt_other: Does {person} ship small changes?"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("export lacks %q:\n%s", want, out)
		}
	}
	again, err := Parse("export.yaml", out)
	if err != nil {
		t.Fatal(err)
	}
	if again.Criterion("small").PromptOther != r.Criterion("small").PromptOther || again.Scale[1].DescriptionOther != r.Scale[1].DescriptionOther {
		t.Errorf("export changed the wording for others")
	}
}

// Criteria that ask one question ask it of others one way too.
func TestSharedQuestionsShareTheirOtherPrompt(t *testing.T) {
	src := strings.Replace(shared, `{id: ops-go, prompt: "How strong is your Go?",`, `{id: ops-go, prompt: "How strong is your Go?", prompt_other: "How strong is {person}'s Go?",`, 1)
	src = strings.Replace(src, `{id: tests, prompt: "How well do you test?",`, `{id: tests, prompt: "How well do you test?", prompt_other: "How well does {person} test?",`, 1)
	r, err := Parse("shared.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"web-go": "How strong is {person}'s Go?", "ops-tests": "How well does {person} test?"} {
		if got := r.Criterion(id).PromptOther; got != want {
			t.Errorf("%s: prompt_other %q, want %q", id, got, want)
		}
	}

	for _, tc := range []struct{ name, old, new, want string }{
		{"same_as, another prompt_other", "{id: web-go, same_as: ops-go,", `{id: web-go, prompt_other: "Go?", same_as: ops-go,`,
			`shared.yaml:23:32: criterion "web-go" asks the question of "ops-go" (same_as), so it takes that prompt_other; leave its own out`},
		{"same words, another prompt_other", `{id: ops-tests, prompt: "How well do you test?",`, `{id: ops-tests, prompt: "How well do you test?", prompt_other: "Tests?",`,
			`shared.yaml:25:68: criterion "ops-tests" asks the question of "tests" (the same prompt), but gives another prompt_other; give the same one or leave it out`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := strings.Replace(src, tc.old, tc.new, 1)
			if bad == src {
				t.Fatalf("%q not found", tc.old)
			}
			_, err := Parse("shared.yaml", []byte(bad))
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("got %v, want a validation error", err)
			}
			if got := ve.Problems[0].Error(); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
	// A wrong type is a located error too.
	_, err = Parse("shared.yaml", []byte(strings.Replace(src, `prompt_other: "How well does {person} test?"`, `prompt_other: [a, b]`, 1)))
	if err == nil || !strings.HasPrefix(err.Error(), "shared.yaml:") {
		t.Errorf("prompt_other as a list: %v", err)
	}
}

// Every prompt of the built-in rubric, turned about the person, still
// speaks of no "you" or "I".
func TestBuiltinPromptsAboutThePerson(t *testing.T) {
	r := builtinForTest(t)
	for _, c := range r.Criteria {
		for _, text := range []string{c.PromptAbout("Ada"), c.PromptAbout(""), c.HelpAbout()} {
			for _, w := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == ',' || r == '?' || r == '.' || r == '(' || r == ')' }) {
				switch strings.ToLower(w) {
				case "you", "your", "yours", "yourself", "me", "my", "myself", "i'm", "i've":
					t.Errorf("%s: %q still says %q", c.ID, text, w)
				}
			}
		}
		if about := c.PromptAbout("Ada"); c.Prompt != "" && about == c.Prompt && strings.Contains(strings.ToLower(c.Prompt), "you") {
			t.Errorf("%s: prompt unchanged: %q", c.ID, about)
		}
	}
	for _, p := range r.Scale {
		if p.DescriptionOther == "" {
			t.Errorf("scale %d: the built-in rubric words its scale for others itself", p.Value)
		}
	}
}

func builtinForTest(t testing.TB) *Rubric {
	t.Helper()
	b, err := os.ReadFile("../data/gitlab-backend-engineer.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse("gitlab-backend-engineer.yaml", b)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
