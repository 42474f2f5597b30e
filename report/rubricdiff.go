package report

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/ladderhq/ladder/rubric"
	"github.com/ladderhq/ladder/rubric/rubricdiff"
)

// plain keeps rubric text that reaches a terminal on one line and free of
// control characters (a rubric file may hold escape sequences).
func plain(s string) string {
	return oneLine(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return -1
		}
		return r
	}, s))
}

// LevelDiffJSON is the data form of what one level asks beyond another.
type LevelDiffJSON struct {
	From     string              `json:"from" yaml:"from"`
	To       string              `json:"to" yaml:"to"`
	New      []LevelDiffItemJSON `json:"new" yaml:"new"`
	Stricter []LevelDiffItemJSON `json:"stricter" yaml:"stricter"`
	Higher   []LevelDiffItemJSON `json:"higher_expectations" yaml:"higher_expectations"`
	Notes    []string            `json:"notes" yaml:"notes"`
}

// LevelDiffItemJSON is one criterion of a level diff.
type LevelDiffItemJSON struct {
	Criterion string   `json:"criterion" yaml:"criterion"`
	Prompt    string   `json:"prompt" yaml:"prompt"`
	Strength  string   `json:"strength" yaml:"strength"`
	Level     string   `json:"level" yaml:"level"`
	Group     *string  `json:"group" yaml:"group"`
	Replaces  []string `json:"replaces,omitempty" yaml:"replaces,omitempty"`
	From      int      `json:"from,omitempty" yaml:"from,omitempty"`
	To        int      `json:"to,omitempty" yaml:"to,omitempty"`
}

// NewLevelDiffJSON converts a level diff to its data form.
func NewLevelDiffJSON(r *rubric.Rubric, d *rubricdiff.LevelDiff) LevelDiffJSON {
	conv := func(items []rubricdiff.LevelItem) []LevelDiffItemJSON {
		out := []LevelDiffItemJSON{}
		for _, it := range items {
			c := r.Criterion(it.Criterion)
			j := LevelDiffItemJSON{Criterion: c.ID, Prompt: c.Prompt, Strength: string(c.Strength), Level: c.Level,
				Replaces: it.Replaces, From: it.From, To: it.To}
			if g := r.GroupOf(c.ID); g != "" {
				j.Group = &g
			}
			out = append(out, j)
		}
		return out
	}
	return LevelDiffJSON{From: d.From, To: d.To, New: conv(d.New), Stricter: conv(d.Stricter), Higher: conv(d.Higher), Notes: nonNil(d.Notes)}
}

// RenderLevelDiff writes what level To asks beyond level From.
func RenderLevelDiff(w io.Writer, r *rubric.Rubric, d *rubricdiff.LevelDiff, style Style) error {
	pr := &printer{w: w}
	pr.line("%s", style.Bold(fmt.Sprintf("What %s asks beyond %s", plain(LevelTitle(r, d.To)), plain(LevelTitle(r, d.From)))))
	// Each row is its leading cells; the question fills what is left of
	// an 80-column terminal.
	section := func(title string, items []rubricdiff.LevelItem, header []string, lead func(rubricdiff.LevelItem) []string) {
		pr.line("")
		pr.line("%s", style.Bold(fmt.Sprintf("%s (%d)", title, len(items))))
		if len(items) == 0 {
			pr.line("  none")
			return
		}
		rows := make([][]string, len(items))
		widths := make([]int, len(header)-1)
		for i, it := range items {
			rows[i] = lead(it)
			for j, cell := range rows[i] {
				widths[j] = max(widths[j], len([]rune(cell)))
			}
		}
		room := style.room(80, widths...)
		t := NewTable(style, header...)
		for i, it := range items {
			t.Row(append(rows[i], Clip(plain(r.Criterion(it.Criterion).Prompt), room))...)
		}
		pr.table(t)
	}
	section("New criteria", d.New, []string{"Strength", "Criterion", "Question"}, func(it rubricdiff.LevelItem) []string {
		c := r.Criterion(it.Criterion)
		return []string{string(c.Strength), c.ID}
	})
	section("Stricter rungs", d.Stricter, []string{"Criterion", "Replaces", "Question"}, func(it rubricdiff.LevelItem) []string {
		return []string{it.Criterion, strings.Join(it.Replaces, ", ")}
	})
	section("Higher expectations", d.Higher, []string{"Criterion", "Expected", "Question"}, func(it rubricdiff.LevelItem) []string {
		return []string{it.Criterion, fmt.Sprintf("%s → %s", plain(r.ScaleLabel(it.From)), plain(r.ScaleLabel(it.To)))}
	})
	for _, n := range d.Notes {
		pr.line("")
		pr.line("%s", Wrap("Note: "+plain(n), 80, "", "  "))
	}
	return pr.err
}

// RenderLevelDiffMarkdown writes a level diff as Markdown.
func RenderLevelDiffMarkdown(w io.Writer, r *rubric.Rubric, d *rubricdiff.LevelDiff) error {
	pr := &printer{w: w}
	pr.line("# What %s asks beyond %s", md(LevelTitle(r, d.To)), md(LevelTitle(r, d.From)))
	list := func(title string, items []rubricdiff.LevelItem, extra func(rubricdiff.LevelItem) string) {
		pr.line("")
		pr.line("## %s (%d)", title, len(items))
		pr.line("")
		if len(items) == 0 {
			pr.line("None.")
		}
		for _, it := range items {
			c := r.Criterion(it.Criterion)
			pr.line("- `%s` (%s)%s: %s", c.ID, c.Strength, extra(it), md(c.Prompt))
		}
	}
	list("New criteria", d.New, func(rubricdiff.LevelItem) string { return "" })
	list("Stricter rungs", d.Stricter, func(it rubricdiff.LevelItem) string {
		return ", replaces `" + strings.Join(it.Replaces, "`, `") + "`"
	})
	list("Higher expectations", d.Higher, func(it rubricdiff.LevelItem) string {
		return fmt.Sprintf(", expected %s instead of %s", md(r.ScaleLabel(it.To)), md(r.ScaleLabel(it.From)))
	})
	for _, n := range d.Notes {
		pr.line("")
		pr.line("> %s", md(n))
	}
	return pr.err
}

// RubricDiffJSON is the data form of a diff between two rubric files.
type RubricDiffJSON struct {
	Old         rubricdiff.Side    `json:"old" yaml:"old"`
	New         rubricdiff.Side    `json:"new" yaml:"new"`
	Added       []string           `json:"added" yaml:"added"`
	Removed     []string           `json:"removed" yaml:"removed"`
	Renamed     []RenameJSON       `json:"renamed" yaml:"renamed"`
	Changes     []ChangeJSON       `json:"changes" yaml:"changes"`
	Levels      ElementChangesJSON `json:"levels" yaml:"levels"`
	Specialties ElementChangesJSON `json:"specialties" yaml:"specialties"`
	Groups      ElementChangesJSON `json:"groups" yaml:"groups"`
	Themes      ElementChangesJSON `json:"themes" yaml:"themes"`
	Aliases     []AliasJSON        `json:"suggested_aliases" yaml:"suggested_aliases"`
}

// RenameJSON pairs an old id with a new one.
type RenameJSON struct {
	Old   string  `json:"old" yaml:"old"`
	New   string  `json:"new" yaml:"new"`
	Alias bool    `json:"alias_present" yaml:"alias_present"`
	Score float64 `json:"score" yaml:"score"`
}

// ChangeJSON is one changed field of a criterion.
type ChangeJSON struct {
	Criterion string `json:"criterion" yaml:"criterion"`
	Field     string `json:"field" yaml:"field"`
	Old       string `json:"old" yaml:"old"`
	New       string `json:"new" yaml:"new"`
}

// ElementChangesJSON lists the ids added and removed.
type ElementChangesJSON struct {
	Added   []string `json:"added" yaml:"added"`
	Removed []string `json:"removed" yaml:"removed"`
}

// AliasJSON suggests an alias for a criterion of the new rubric.
type AliasJSON struct {
	Criterion string   `json:"criterion" yaml:"criterion"`
	Aliases   []string `json:"aliases" yaml:"aliases"`
}

// NewRubricDiffJSON converts a file diff to its data form.
func NewRubricDiffJSON(d *rubricdiff.FileDiff) RubricDiffJSON {
	out := RubricDiffJSON{Old: d.Old, New: d.New, Added: nonNil(d.Added), Removed: nonNil(d.Removed),
		Renamed: []RenameJSON{}, Changes: []ChangeJSON{}, Aliases: []AliasJSON{},
		Levels: elementsJSON(d.Levels), Specialties: elementsJSON(d.Specialties), Groups: elementsJSON(d.Groups), Themes: elementsJSON(d.Themes)}
	for _, r := range d.Renamed {
		out.Renamed = append(out.Renamed, RenameJSON{Old: r.Old, New: r.New, Alias: r.Alias, Score: Round2(r.Score)})
	}
	for _, c := range d.Changes {
		out.Changes = append(out.Changes, ChangeJSON(c))
	}
	for _, a := range d.Aliases {
		out.Aliases = append(out.Aliases, AliasJSON{Criterion: a.New, Aliases: []string{a.Old}})
	}
	return out
}

func elementsJSON(e rubricdiff.Elements) ElementChangesJSON {
	return ElementChangesJSON{Added: nonNil(e.Added), Removed: nonNil(e.Removed)}
}

// changeTitles name the fields of a criterion as a diff shows them.
var changeTitles = []struct{ field, title string }{
	{"prompt", "Reworded"},
	{"scope", "Re-levelled"},
	{"strength", "Strength changed"},
	{"expect", "Expectation changed"},
	{"answer", "Answer changed"},
	{"kind", "Kind changed"},
	{"group", "Group changed"},
}

// RenderRubricDiff writes what changed between two rubric files.
func RenderRubricDiff(w io.Writer, oldR, newR *rubric.Rubric, d *rubricdiff.FileDiff, style Style) error {
	pr := &printer{w: w}
	pr.line("%s", style.Bold(fmt.Sprintf("%s version %s → %s version %s", plain(d.Old.ID), plain(d.Old.Version), plain(d.New.ID), plain(d.New.Version))))
	pr.line("  old: %s", plain(d.Old.File))
	pr.line("  new: %s", plain(d.New.File))
	for _, e := range []struct {
		name string
		el   rubricdiff.Elements
	}{{"Levels", d.Levels}, {"Specialties", d.Specialties}, {"Groups", d.Groups}, {"Themes", d.Themes}} {
		if len(e.el.Added) > 0 {
			pr.line("%s added: %s", e.name, plain(strings.Join(e.el.Added, ", ")))
		}
		if len(e.el.Removed) > 0 {
			pr.line("%s removed: %s", e.name, plain(strings.Join(e.el.Removed, ", ")))
		}
	}
	if d.Count() == 0 {
		pr.line("")
		pr.line("No criterion changed.")
		return pr.err
	}
	// The question fills what is left of an 80-column terminal.
	table := func(title string, header []string, rows [][]string, prompts []string) {
		if len(rows) == 0 {
			return
		}
		pr.line("")
		pr.line("%s", style.Bold(fmt.Sprintf("%s (%d)", title, len(rows))))
		widths := make([]int, len(header)-1)
		for _, row := range rows {
			for j, cell := range row {
				widths[j] = max(widths[j], len([]rune(cell)))
			}
		}
		room := style.room(80, widths...)
		t := NewTable(style, header...)
		for i, row := range rows {
			t.Row(append(row, Clip(plain(prompts[i]), room))...)
		}
		pr.table(t)
	}
	idList := func(title string, r *rubric.Rubric, ids []string) {
		var rows [][]string
		var prompts []string
		for _, id := range ids {
			c := r.Criterion(id)
			rows = append(rows, []string{plain(id), plain(scopeText(c))})
			prompts = append(prompts, c.Prompt)
		}
		table(title, []string{"Criterion", "Where", "Question"}, rows, prompts)
	}
	idList("Added", newR, d.Added)
	idList("Removed", oldR, d.Removed)
	var rows [][]string
	var prompts []string
	for _, rn := range d.Renamed {
		rows = append(rows, []string{plain(rn.Old), plain(rn.New)})
		prompts = append(prompts, newR.Criterion(rn.New).Prompt)
	}
	table("Renamed", []string{"Old id", "New id", "Question"}, rows, prompts)
	idWidth := 0
	for _, c := range d.Changes {
		idWidth = max(idWidth, len([]rune(c.Criterion)))
	}
	// Before and after share what is left of an 80-column terminal.
	half := max(20, (style.room(80, idWidth)-2)/2)
	if style.Borders {
		half = max(20, half-2)
	}
	for _, ct := range changeTitles {
		var rows [][]string
		for _, c := range d.Changes {
			if c.Field == ct.field {
				rows = append(rows, []string{plain(c.Criterion), Clip(plain(c.Old), half), Clip(plain(c.New), half)})
			}
		}
		if len(rows) == 0 {
			continue
		}
		pr.line("")
		pr.line("%s", style.Bold(fmt.Sprintf("%s (%d)", ct.title, len(rows))))
		t := NewTable(style, "Criterion", "Before", "After")
		for _, r := range rows {
			t.Row(r...)
		}
		pr.table(t)
	}
	if len(d.Aliases) > 0 {
		pr.line("")
		pr.line("%s", style.Bold("Suggested aliases"))
		pr.line("Add these to the new rubric's criteria so that 'ladder migrate' carries")
		pr.line("ratings of the old ids over:")
		pr.line("")
		for _, a := range d.Aliases {
			pr.line("  - id: %s", plain(a.New))
			pr.line("    aliases: [%s]", plain(a.Old))
		}
	}
	return pr.err
}

func scopeText(c *rubric.Criterion) string {
	if c.Level != "" {
		return c.Level
	}
	return strings.Join(c.Specialties, ", ")
}

// RenderRubricDiffMarkdown writes a file diff as Markdown.
func RenderRubricDiffMarkdown(w io.Writer, oldR, newR *rubric.Rubric, d *rubricdiff.FileDiff) error {
	pr := &printer{w: w}
	pr.line("# %s version %s → %s version %s", md(d.Old.ID), md(d.Old.Version), md(d.New.ID), md(d.New.Version))
	pr.line("")
	pr.line("- Old: `%s`", strings.ReplaceAll(d.Old.File, "`", "'"))
	pr.line("- New: `%s`", strings.ReplaceAll(d.New.File, "`", "'"))
	for _, e := range []struct {
		name string
		el   rubricdiff.Elements
	}{{"Levels", d.Levels}, {"Specialties", d.Specialties}, {"Groups", d.Groups}, {"Themes", d.Themes}} {
		if len(e.el.Added) > 0 {
			pr.line("- %s added: `%s`", e.name, strings.Join(e.el.Added, "`, `"))
		}
		if len(e.el.Removed) > 0 {
			pr.line("- %s removed: `%s`", e.name, strings.Join(e.el.Removed, "`, `"))
		}
	}
	list := func(title string, r *rubric.Rubric, ids []string) {
		if len(ids) == 0 {
			return
		}
		pr.line("")
		pr.line("## %s (%d)", title, len(ids))
		pr.line("")
		for _, id := range ids {
			pr.line("- `%s` (%s): %s", id, md(scopeText(r.Criterion(id))), md(r.Criterion(id).Prompt))
		}
	}
	list("Added", newR, d.Added)
	list("Removed", oldR, d.Removed)
	if len(d.Renamed) > 0 {
		pr.line("")
		pr.line("## Renamed (%d)", len(d.Renamed))
		pr.line("")
		for _, r := range d.Renamed {
			pr.line("- `%s` → `%s`: %s", r.Old, r.New, md(newR.Criterion(r.New).Prompt))
		}
	}
	for _, ct := range changeTitles {
		first := true
		for _, c := range d.Changes {
			if c.Field != ct.field {
				continue
			}
			if first {
				pr.line("")
				pr.line("## %s", ct.title)
				pr.line("")
				first = false
			}
			pr.line("- `%s`: %s → %s", c.Criterion, md(c.Old), md(c.New))
		}
	}
	if len(d.Aliases) > 0 {
		pr.line("")
		pr.line("## Suggested aliases")
		pr.line("")
		pr.line("```yaml")
		for _, a := range d.Aliases {
			pr.line("- id: %s", a.New)
			pr.line("  aliases: [%s]", a.Old)
		}
		pr.line("```")
	}
	return pr.err
}
