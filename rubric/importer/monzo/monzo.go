// Package monzo imports a page of Monzo's progression framework: Markdown
// whose YAML front matter holds the framework, the number of levels and the
// topics, each topic with per-level criteria (and criteria with examples).
// The Markdown body is prose about the framework and is not read.
package monzo

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/ladderhq/ladder/internal/doc"
	"github.com/ladderhq/ladder/rubric"
	"github.com/ladderhq/ladder/rubric/importer/draft"
	"github.com/ladderhq/ladder/rubric/sourceref"
)

// presentation fields of the front matter that say nothing about the ladder.
var presentation = map[string]bool{"sidebarTitle": true, "sidebarGroup": true, "yaml": true, "homepage": true}

type entry struct {
	text     string
	examples []string
	example  bool
}

type content struct {
	level   int
	entries []entry
	node    *doc.Node
}

type topic struct {
	name, title string
	content     []content
	node        *doc.Node
}

// Import reads a Monzo framework page.
func Import(name string, data []byte) (*draft.Builder, error) {
	front, _ := sourceref.SplitFrontMatter(data)
	// Parse the front matter where it stands in the file, so that errors
	// name the file's own lines.
	d, err := doc.Parse(name, append([]byte("\n"), front...))
	if err != nil {
		return nil, err
	}
	var (
		title, path string
		levels      int
		levelsNode  *doc.Node
		topics      []*topic
		ignored     []string
	)
	err = d.Map(d.Root, "the front matter", nil, func(key string, f doc.Field) error {
		var err error
		switch key {
		case "title":
			title, err = d.String(f.Value, "title")
		case "path":
			path, err = d.String(f.Value, "path")
		case "levels":
			levelsNode = f.Value
			levels, err = d.Int(f.Value, "levels")
		case "topics":
			err = d.Seq(f.Value, "topics", func(_ int, n *doc.Node) error {
				t := &topic{node: n}
				topics = append(topics, t)
				return readTopic(d, n, t, &ignored)
			})
		default:
			if !presentation[key] {
				ignored = append(ignored, fmt.Sprintf("line %d: ignored field %s", f.Key.Line, key))
			}
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if levels < 1 || levels > 20 {
		return nil, d.Errorf(levelsNode, "levels must be between 1 and 20, not %d", levels)
	}
	title = plainTitle(title)
	if title == "" {
		title = strings.TrimSuffix(name, ".md")
	}
	id := draft.Slug(strings.ReplaceAll(strings.Trim(path, "/"), "/", " "), 4)
	if id == "" {
		id = draft.Slug(title, 4)
	}
	b := draft.NewBuilder(id, title)
	b.Origin = "framework"
	for _, line := range ignored {
		b.Note("%s", line)
	}
	levelID := make([]string, levels+1)
	for n := 1; n <= levels; n++ {
		levelID[n] = b.AddLevel(fmt.Sprintf("level-%d", n), fmt.Sprintf("Level %d", n), 0, "")
	}
	for _, t := range topics {
		if strings.TrimSpace(t.name) == "" {
			return nil, d.Errorf(t.node, "a topic has no name")
		}
		themeTitle := plainTitle(t.title)
		if themeTitle == "" {
			themeTitle = upperWords(t.name)
		}
		theme := b.ClaimTheme(t.name, themeTitle)
		for _, c := range t.content {
			if c.level < 1 || c.level > levels {
				return nil, d.Errorf(c.node, "topic %q: level %d is outside the framework's levels 1..%d", t.name, c.level, levels)
			}
			scope := draft.Scope{Level: levelID[c.level], Prefix: draft.Short(theme) + fmt.Sprint(c.level), Theme: theme}
			n, ex := 0, 0
			for _, e := range c.entries {
				var src string
				if e.example {
					ex++
					src = fmt.Sprintf("%s/level-%d/example-%d", t.name, c.level, ex)
				} else {
					n++
					src = fmt.Sprintf("%s/level-%d/%d", t.name, c.level, n)
				}
				help := ""
				if len(e.examples) > 0 {
					help = "For example: " + strings.Join(e.examples, "; ") + "."
				}
				b.AddItem(scope, draft.Item{Text: e.text, Sources: []string{src}, Kind: rubric.Responsibility,
					Strength: rubric.Strong, Voice: draft.Duties, Help: help})
			}
		}
	}
	if len(b.Rubric().Criteria) == 0 {
		return nil, d.Errorf(d.Root, "the framework has no criteria")
	}
	return b, nil
}

func readTopic(d *doc.Document, n *doc.Node, t *topic, ignored *[]string) error {
	return d.Map(n, "a topic", nil, func(key string, f doc.Field) error {
		var err error
		switch key {
		case "name":
			t.name, err = d.String(f.Value, "name")
		case "title":
			t.title, err = d.String(f.Value, "title")
		case "content":
			err = d.Seq(f.Value, "content", func(_ int, n *doc.Node) error {
				c := content{node: n}
				err := d.Map(n, "a level's content", nil, func(key string, f doc.Field) error {
					var err error
					switch key {
					case "level":
						c.level, err = d.Int(f.Value, "level")
					case "criteria":
						var list []string
						list, err = d.Strings(f.Value, "criteria")
						for _, s := range list {
							if strings.TrimSpace(s) != "" {
								c.entries = append(c.entries, entry{text: s})
							}
						}
					case "exampleCriteria":
						err = d.Seq(f.Value, "exampleCriteria", func(_ int, n *doc.Node) error {
							e := entry{example: true}
							err := d.Map(n, "an example criterion", nil, func(key string, f doc.Field) error {
								var err error
								switch key {
								case "criteria":
									e.text, err = d.String(f.Value, "criteria")
								case "examples":
									e.examples, err = d.Strings(f.Value, "examples")
									for i := range e.examples {
										e.examples[i] = draft.Clean(e.examples[i])
									}
								default:
									*ignored = append(*ignored, fmt.Sprintf("line %d: ignored field %s", f.Key.Line, key))
								}
								return err
							})
							if strings.TrimSpace(e.text) != "" {
								c.entries = append(c.entries, e)
							}
							return err
						})
					default:
						*ignored = append(*ignored, fmt.Sprintf("line %d: ignored field %s", f.Key.Line, key))
					}
					return err
				})
				t.content = append(t.content, c)
				return err
			})
		default:
			*ignored = append(*ignored, fmt.Sprintf("line %d: ignored field %s", f.Key.Line, key))
		}
		return err
	})
}

// plainTitle drops the emoji and symbols a title opens with.
func plainTitle(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return draft.Clean(s)
}

func upperWords(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}
