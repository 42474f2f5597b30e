package sourceref

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func refs(t *testing.T, src string) []string {
	t.Helper()
	p, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range p.Items {
		got = append(got, it.Ref+" = "+it.Text)
	}
	return got
}

// What only looks like Markdown structure is not: code blocks, HTML
// blocks and front matter hold no headings and no items.
func TestCodeAndHTMLAreNotContent(t *testing.T) {
	src := "---\n" +
		"title: x\n" +
		"- not an item\n" +
		"---\n" +
		"## Requirements\n\n" +
		"- One\n\n" +
		"```yaml\n" +
		"# not a heading\n" +
		"- not an item\n" +
		"```\n\n" +
		"    - indented code, not an item\n\n" +
		"<div>\n\n" +
		"</div>\n\n" +
		"<!--\n- commented out\n-->\n" +
		"- Two, with `- code` inside\n" +
		"  ~~~\n  - code in an item\n  ~~~\n"
	want := []string{
		"Requirements/1 = One",
		"Requirements/2 = Two, with - code inside",
	}
	if diff := cmp.Diff(want, refs(t, src)); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
}

// "#####" and deeper open no section; "#" counts as "##"; nesting at any
// depth counts under the top-level item.
func TestSectionsAndDepth(t *testing.T) {
	src := "# Page\n\n- top\n\n## Levels\n\n### Senior\n\n#### Responsibilities\n\n##### Technical\n\n" +
		"1. Knowledge of four areas\n   1. Chef\n      - cookbooks\n   1. Terraform\n\n##### Execution\n\n1. Plans work\n"
	want := []string{
		"Page/1 = top",
		"Senior/Responsibilities/1 = Knowledge of four areas",
		"Senior/Responsibilities/1.1 = Chef",
		"Senior/Responsibilities/1.2 = cookbooks",
		"Senior/Responsibilities/1.3 = Terraform",
		"Senior/Responsibilities/2 = Plans work",
	}
	if diff := cmp.Diff(want, refs(t, src)); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	p, _ := Parse([]byte(src))
	var plans Block
	for _, b := range p.Blocks {
		if b.Kind == ListItem && b.Text == "Plans work" {
			plans = b
		}
	}
	if plans.Headings[4] != "Execution" || plans.Headings[2] != "Senior" || plans.Headings[0] != "Page" {
		t.Errorf("headings of an item under ##### = %q", plans.Headings)
	}
}

// Links count by their words, emphasis is remembered, anchors are found.
func TestInlineText(t *testing.T) {
	src := "## Roles\n\n<a id=\"base-requirements\"></a>\n\n### Requirements\n\n" +
		"- Experience with [Ruby on Rails](#rails) **or** another *language*\n" +
		"- A lazy\ncontinuation <br> line\n"
	p, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var html, first Block
	for _, b := range p.Blocks {
		switch {
		case len(b.Anchors) > 0:
			html = b
		case b.Kind == ListItem && first.Text == "":
			first = b
		}
	}
	if diff := cmp.Diff([]string{"base-requirements"}, html.Anchors); diff != "" {
		t.Errorf("anchors (-want +got):\n%s", diff)
	}
	if first.Text != "Experience with Ruby on Rails or another language" {
		t.Errorf("text = %q", first.Text)
	}
	if diff := cmp.Diff([]string{"or", "language"}, first.Emphasis); diff != "" {
		t.Errorf("emphasis (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"#rails"}, first.Links); diff != "" {
		t.Errorf("links (-want +got):\n%s", diff)
	}
	if got := p.Items[1].Text; got != "A lazy continuation line" {
		t.Errorf("lazy continuation = %q", got)
	}
}

func TestItemBeforeHeading(t *testing.T) {
	_, err := Parse([]byte("intro\n\n- an item\n"))
	var le *LineError
	if !errors.As(err, &le) || le.Line != 3 || !errors.Is(err, ErrItemBeforeHeading) {
		t.Fatalf("err = %v, want a line 3 error", err)
	}
}

func TestFrontMatter(t *testing.T) {
	front, body := SplitFrontMatter([]byte("---\nlevels: 2\n---\n## A\n"))
	if string(front) != "levels: 2\n" || string(body) != "\n\n\n## A\n" {
		t.Errorf("front %q body %q", front, body)
	}
	if front, body := SplitFrontMatter([]byte("---\nnever closed\n")); front != nil || !strings.HasPrefix(string(body), "---") {
		t.Errorf("unclosed front matter: front %q body %q", front, body)
	}
}
