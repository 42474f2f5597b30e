// Package sourceref finds the list items of a Markdown page and names each one
// with the source reference a rubric uses to point back at it.
//
// A reference is SECTION/N or SECTION/N.M. SECTION is the nearest "###"
// heading (or the "##" heading while no "###" stands under it yet), followed
// by "/" and the "####" heading when one is open. N counts the top-level list
// items of that section in order of appearance, across all of its lists; M
// counts the items nested under item N. A statement drawn from prose names the
// section alone, so every section is a valid reference too.
package sourceref

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// Item is one list item of the page.
type Item struct {
	Ref  string // e.g. "Application Performance/Requirements/4.2"
	Line int    // 1-based line where the item starts
	Text string // the item's text, continuation lines joined with spaces
}

// Page is what Parse finds: every list item and every section name.
type Page struct {
	Items    []Item
	Sections []string // section references, in order of appearance
}

// Has reports whether ref names a list item or a section of the page.
func (p *Page) Has(ref string) bool {
	for _, it := range p.Items {
		if it.Ref == ref {
			return true
		}
	}
	for _, s := range p.Sections {
		if s == ref {
			return true
		}
	}
	return false
}

// Parse reads a Markdown page. It knows just enough Markdown for job-family
// pages: ATX headings, "-", "*" and "1." list items, nested items indented
// under their parent, indented and lazy continuation lines, front matter and
// HTML comments (both skipped).
func Parse(src []byte) (*Page, error) {
	var (
		page        = &Page{}
		h2, h3, h4  string
		top, nested int // counters in the current section
		cur         *Item
		inFront     bool
		prevBlank   = true
		seen        = map[string]bool{}
		lineNo      int
	)
	section := func() string {
		s := h3
		if s == "" {
			s = h2
		}
		if h4 != "" {
			s += "/" + h4
		}
		return s
	}
	newSection := func() {
		top, nested, cur = 0, 0, nil
		if s := section(); s != "" && !seen[s] {
			seen[s] = true
			page.Sections = append(page.Sections, s)
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		lineNo++
		raw := strings.TrimRight(sc.Text(), " \t\r")
		if lineNo == 1 && raw == "---" {
			inFront = true
			continue
		}
		if inFront {
			if raw == "---" {
				inFront = false
			}
			continue
		}
		trimmed := strings.TrimLeft(raw, " \t")
		indent := len(raw) - len(trimmed)
		switch {
		case trimmed == "":
			cur, prevBlank = nil, true
			continue
		case strings.HasPrefix(trimmed, "<!--"), strings.HasPrefix(trimmed, "{{"):
			continue
		}
		if level, title, ok := heading(trimmed); ok && indent < 4 {
			switch level {
			case 1, 2:
				h2, h3, h4 = title, "", ""
			case 3:
				h3, h4 = title, ""
			default:
				h4 = title
			}
			newSection()
			prevBlank = true
			continue
		}
		if text, ok := listItem(trimmed); ok {
			if section() == "" {
				return nil, fmt.Errorf("line %d: list item before any heading", lineNo)
			}
			if indent < 2 || top == 0 {
				top++
				nested = 0
				page.Items = append(page.Items, Item{Ref: fmt.Sprintf("%s/%d", section(), top), Line: lineNo, Text: text})
			} else {
				nested++
				page.Items = append(page.Items, Item{Ref: fmt.Sprintf("%s/%d.%d", section(), top, nested), Line: lineNo, Text: text})
			}
			cur = &page.Items[len(page.Items)-1]
			prevBlank = false
			continue
		}
		// A continuation line: indented under the item, or a lazy
		// continuation right after it. Anything after a blank line is prose.
		if cur != nil && !prevBlank && trimmed != "---" {
			cur.Text += " " + trimmed
			continue
		}
		cur, prevBlank = nil, false
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return page, nil
}

func heading(s string) (level int, title string, ok bool) {
	for level < len(s) && s[level] == '#' {
		level++
	}
	if level == 0 || level > 6 || level >= len(s) || s[level] != ' ' {
		return 0, "", false
	}
	return level, strings.TrimSpace(strings.Trim(strings.TrimSpace(s[level:]), "#")), true
}

func listItem(s string) (string, bool) {
	if len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ' {
		return strings.TrimSpace(s[2:]), true
	}
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' ' {
		return strings.TrimSpace(s[i+2:]), true
	}
	return "", false
}
