package sourceref

import (
	"strings"
	"testing"
)

const page = `---
title: front matter is skipped
---

## Roles

Intro prose.

### Requirements

- First item
- Second item that
  wraps onto an indented line
- Third item with a lazy
continuation line

#### Nested heading

1. One
    1. One point one
    1. One point two
1. Two

Prose between lists does not end the count.

1. Three

## Hiring Process

- Step one
<!-- a comment -->
- Step two
`

func TestReferences(t *testing.T) {
	p, err := Parse([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range p.Items {
		got = append(got, it.Ref+" = "+it.Text)
	}
	want := []string{
		"Requirements/1 = First item",
		"Requirements/2 = Second item that wraps onto an indented line",
		"Requirements/3 = Third item with a lazy continuation line",
		"Requirements/Nested heading/1 = One",
		"Requirements/Nested heading/1.1 = One point one",
		"Requirements/Nested heading/1.2 = One point two",
		"Requirements/Nested heading/2 = Two",
		"Requirements/Nested heading/3 = Three",
		"Hiring Process/1 = Step one",
		"Hiring Process/2 = Step two",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, ref := range []string{"Roles", "Requirements", "Requirements/Nested heading", "Hiring Process", "Requirements/Nested heading/1.2"} {
		if !p.Has(ref) {
			t.Errorf("Has(%q) = false", ref)
		}
	}
	if p.Has("Requirements/4") {
		t.Error("Has(Requirements/4) = true")
	}
	if it := p.Items[2]; it.Line != 14 {
		t.Errorf("third item at line %d, want 14", it.Line)
	}
}
