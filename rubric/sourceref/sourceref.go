// Package sourceref reads a Markdown page (a job-family page, say) and names
// each of its list items with the source reference a rubric uses to point
// back at it.
//
// A reference is SECTION/N or SECTION/N.M. SECTION is the nearest "###"
// heading (or the "##" heading while no "###" stands under it yet), followed
// by "/" and the "####" heading when one is open. N counts the top-level list
// items of that section in order of appearance, across all of its lists; M
// counts the items nested under item N, at any depth. "#####" and deeper
// headings open no section. A statement drawn from prose names the section
// alone, so every section is a valid reference too.
//
// The page is parsed as CommonMark (github.com/yuin/goldmark), so what looks
// like a heading or an item inside a code block, an HTML block or the YAML
// front matter is neither.
package sourceref

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/ladderhq/ladder/internal/lazy"
)

// Item is one list item of the page.
type Item struct {
	Ref  string // e.g. "Application Performance/Requirements/4.2"
	Line int    // 1-based line where the item starts
	Text string // the item's own text as plain words, nested items left out
}

// BlockKind says what a block of the page is.
type BlockKind int

// The kinds of blocks a page is read into.
const (
	Heading BlockKind = iota
	Paragraph
	ListItem
	HTML
)

// Block is a heading, a paragraph, a list item or an HTML block, in the
// order of the page. Paragraphs inside list items belong to their item and
// are not blocks of their own.
type Block struct {
	Kind BlockKind
	// Level is a heading's level (1-6); for a list item, its depth: 0 for a
	// top-level item, 1 for an item nested in it, and so on.
	Level int
	Text  string // plain text: links by their words, emphasis dropped
	Line  int    // 1-based
	// Ref is a list item's reference; for other blocks, the section in
	// force ("" before the first heading). A heading's Ref is the section it
	// opens, or the one it stands in for "#####" and deeper.
	Ref string
	// Headings are the titles of the headings open at this block, by level:
	// Headings[0] for "#", Headings[2] for "###". A heading sees itself.
	Headings [6]string
	// Emphasis are the emphasised or strong fragments of the text, in order.
	Emphasis []string
	// Links are the destinations of the links in the text.
	Links []string
	// Anchors are the ids an HTML block declares (<a id="x"></a>).
	Anchors []string
	// Parent is the index of the list item a nested item belongs to; -1
	// for top-level items and other blocks.
	Parent int
	// Ordered tells a numbered list's items from bulleted ones.
	Ordered bool
}

// Page is what Parse finds.
type Page struct {
	Items    []Item   // every list item, in order
	Sections []string // section references, in order of first appearance
	Blocks   []Block  // everything, in order
	// FrontMatter is the YAML between the leading "---" lines, if any.
	FrontMatter []byte

	refs map[string]bool
}

// Has reports whether ref names a list item or a section of the page.
func (p *Page) Has(ref string) bool {
	if p.refs == nil {
		p.refs = make(map[string]bool, len(p.Items)+len(p.Sections))
		for _, it := range p.Items {
			p.refs[it.Ref] = true
		}
		for _, s := range p.Sections {
			p.refs[s] = true
		}
	}
	return p.refs[ref]
}

// ErrItemBeforeHeading is returned for a page whose list items cannot be
// named because no heading stands before them.
var ErrItemBeforeHeading = errors.New("list item before any heading")

// LineError is a problem at a line of the page.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// SplitFrontMatter separates a leading YAML front matter block ("---" on the
// first line, up to the next "---" or "..." line) from the page. The body
// keeps the front matter's lines as blank lines, so that line numbers stay
// those of the file.
func SplitFrontMatter(src []byte) (front, body []byte) {
	first, rest, ok := bytes.Cut(src, []byte("\n"))
	if !ok || string(bytes.TrimRight(first, " \t\r")) != "---" {
		return nil, src
	}
	off := len(first) + 1
	for len(rest) > 0 {
		line, next, _ := bytes.Cut(rest, []byte("\n"))
		end := off + len(line)
		if t := string(bytes.TrimRight(line, " \t\r")); t == "---" || t == "..." {
			front = src[len(first)+1 : off]
			n := bytes.Count(src[:end], []byte("\n"))
			blank := bytes.Repeat([]byte("\n"), n)
			if end < len(src) {
				return front, append(blank, src[end:]...)
			}
			return front, blank
		}
		off = end + 1
		rest = next
	}
	return nil, src // never closed: not front matter
}

var markdown = goldmark.New()

// Parse reads a Markdown page.
func Parse(src []byte) (*Page, error) {
	front, body := SplitFrontMatter(src)
	r := &reader{src: body, page: &Page{FrontMatter: front}, seen: map[string]bool{}}
	r.lineStarts = append(r.lineStarts, 0)
	for i, b := range body {
		if b == '\n' {
			r.lineStarts = append(r.lineStarts, i+1)
		}
	}
	doc := markdown.Parser().Parse(text.NewReader(body))
	if err := r.walk(doc, -1, 0); err != nil {
		return nil, err
	}
	return r.page, nil
}

type reader struct {
	src        []byte
	lineStarts []int
	page       *Page
	heads      [6]string
	top        int // top-level items counted in the current section
	nested     int // items counted under the current top-level item
	seen       map[string]bool
}

func (r *reader) line(pos int) int {
	if pos < 0 {
		return 0
	}
	return sort.Search(len(r.lineStarts), func(i int) bool { return r.lineStarts[i] > pos })
}

// section is the reference of the section in force.
func (r *reader) section() string {
	s := r.heads[2]
	if s == "" {
		s = r.heads[1]
	}
	switch {
	case r.heads[3] == "":
	case s == "":
		s = r.heads[3]
	default:
		s += "/" + r.heads[3]
	}
	return s
}

func (r *reader) heading(h *ast.Heading) {
	t := r.inline(h)
	if t.text == "" {
		return // an empty heading names nothing
	}
	lvl := h.Level
	// A "#" title counts as a "##": both start a new top-level section.
	slot := lvl - 1
	if lvl == 1 {
		slot = 1
	}
	if slot < 4 {
		for i := slot; i < len(r.heads); i++ {
			r.heads[i] = ""
		}
		if lvl == 1 {
			r.heads[0] = t.text
		}
		r.heads[slot] = t.text
		r.top, r.nested = 0, 0
		if s := r.section(); s != "" && !r.seen[s] {
			r.seen[s] = true
			r.page.Sections = append(r.page.Sections, s)
		}
	} else {
		for i := slot; i < len(r.heads); i++ {
			r.heads[i] = ""
		}
		r.heads[slot] = t.text
	}
	r.add(Block{Kind: Heading, Level: lvl, Text: t.text, Line: r.line(h.Pos()), Ref: r.section(),
		Emphasis: t.emphasis, Links: t.links, Parent: -1})
}

func (r *reader) add(b Block) int {
	b.Headings = r.heads
	r.page.Blocks = append(r.page.Blocks, b)
	return len(r.page.Blocks) - 1
}

// walk visits the blocks under n; parent is the list item they sit in (-1
// for none) and depth that item's nesting depth plus one.
func (r *reader) walk(n ast.Node, parent, depth int) error {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			r.heading(c)
		case *ast.Paragraph, *ast.TextBlock:
			if parent >= 0 {
				continue // the item's own text, read with the item
			}
			t := r.inline(c)
			if t.text == "" && len(t.anchors) == 0 {
				continue
			}
			r.add(Block{Kind: Paragraph, Text: t.text, Line: r.line(firstLinePos(c)), Ref: r.section(),
				Emphasis: t.emphasis, Links: t.links, Anchors: t.anchors, Parent: -1})
		case *ast.HTMLBlock:
			raw := blockLines(c, r.src)
			r.add(Block{Kind: HTML, Text: strings.TrimSpace(raw), Line: r.line(firstLinePos(c)), Ref: r.section(),
				Anchors: anchors(raw), Parent: -1})
		case *ast.List:
			for it := c.FirstChild(); it != nil; it = it.NextSibling() {
				li, ok := it.(*ast.ListItem)
				if !ok {
					continue
				}
				if err := r.item(li, c.IsOrdered(), parent, depth); err != nil {
					return err
				}
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.ThematicBreak:
			// code is not content; a rule separates nothing that counts
		default:
			if err := r.walk(c, parent, depth); err != nil { // block quotes and the like
				return err
			}
		}
	}
	return nil
}

func (r *reader) item(li *ast.ListItem, ordered bool, parent, depth int) error {
	line := r.line(li.Pos())
	sec := r.section()
	if sec == "" {
		return &LineError{Line: line, Err: ErrItemBeforeHeading}
	}
	var t inlineText
	for c := li.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			p := r.inline(c)
			t.text = joinText(t.text, p.text)
			t.emphasis = append(t.emphasis, p.emphasis...)
			t.links = append(t.links, p.links...)
		}
	}
	var ref string
	if depth == 0 {
		r.top++
		r.nested = 0
		ref = fmt.Sprintf("%s/%d", sec, r.top)
	} else {
		r.nested++
		ref = fmt.Sprintf("%s/%d.%d", sec, r.top, r.nested)
	}
	r.page.Items = append(r.page.Items, Item{Ref: ref, Line: line, Text: t.text})
	idx := r.add(Block{Kind: ListItem, Level: depth, Text: t.text, Line: line, Ref: ref,
		Emphasis: t.emphasis, Links: t.links, Parent: parent, Ordered: ordered})
	return r.walk(li, idx, depth+1)
}

type inlineText struct {
	text     string
	emphasis []string
	links    []string
	anchors  []string
}

// inline gathers the plain text of a block's inline content.
func (r *reader) inline(n ast.Node) inlineText {
	var b strings.Builder
	var t inlineText
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Segment.Value(r.src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.AutoLink:
				b.Write(c.URL(r.src))
			case *ast.RawHTML:
				// inline tags (<br>, <a id>) carry no words, only anchors
				var raw strings.Builder
				for i := 0; i < c.Segments.Len(); i++ {
					seg := c.Segments.At(i)
					raw.Write(seg.Value(r.src))
				}
				t.anchors = append(t.anchors, anchors(raw.String())...)
			case *ast.Emphasis:
				start := b.Len()
				visit(c)
				if frag := strings.TrimSpace(b.String()[start:]); frag != "" {
					t.emphasis = append(t.emphasis, frag)
				}
			case *ast.Link:
				t.links = append(t.links, string(c.Destination))
				visit(c)
			default:
				visit(c)
			}
		}
	}
	visit(n)
	t.text = clean(b.String())
	for i := range t.emphasis {
		t.emphasis[i] = clean(t.emphasis[i])
	}
	return t
}

func joinText(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	return a + " " + b
}

// clean keeps text on one line: runs of white space become one space, and
// control characters are dropped.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return ' '
		case unicode.IsControl(r), r == '\uFEFF':
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func firstLinePos(n ast.Node) int {
	if l := n.Lines(); l != nil && l.Len() > 0 {
		return l.At(0).Start
	}
	return n.Pos()
}

func blockLines(n ast.Node, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

var anchorPattern = lazy.Regexp(`(?i)\b(?:id|name)\s*=\s*["']([^"']+)["']`)

func anchors(html string) []string {
	var out []string
	for _, m := range anchorPattern().FindAllStringSubmatch(html, -1) {
		out = append(out, m[1])
	}
	return out
}
