package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/ladderhq/ladder/internal/termtext"
	"github.com/ladderhq/ladder/rubric"
	"github.com/ladderhq/ladder/rubric/rubricdiff"
)

// levelDiffJSON is the data form of what one level asks beyond another.
type levelDiffJSON struct {
	From     string              `json:"from" yaml:"from"`
	To       string              `json:"to" yaml:"to"`
	New      []levelDiffItemJSON `json:"new" yaml:"new"`
	Stricter []levelDiffItemJSON `json:"stricter" yaml:"stricter"`
	Higher   []levelDiffItemJSON `json:"higher_expectations" yaml:"higher_expectations"`
	Notes    []string            `json:"notes" yaml:"notes"`
}

// levelDiffItemJSON is one criterion of a level diff.
type levelDiffItemJSON struct {
	Criterion string   `json:"criterion" yaml:"criterion"`
	Prompt    string   `json:"prompt" yaml:"prompt"`
	Strength  string   `json:"strength" yaml:"strength"`
	Level     string   `json:"level" yaml:"level"`
	Group     *string  `json:"group" yaml:"group"`
	Replaces  []string `json:"replaces,omitempty" yaml:"replaces,omitempty"`
	From      int      `json:"from,omitempty" yaml:"from,omitempty"`
	To        int      `json:"to,omitempty" yaml:"to,omitempty"`
}

// LevelDiffData converts a level diff to its data form.
func LevelDiffData(r *rubric.Rubric, d *rubricdiff.LevelDiff) any {
	conv := func(items []rubricdiff.LevelItem) []levelDiffItemJSON {
		out := []levelDiffItemJSON{}
		for _, it := range items {
			c := r.Criterion(it.Criterion)
			j := levelDiffItemJSON{Criterion: c.ID, Prompt: c.Prompt, Strength: string(c.Strength), Level: c.Level,
				Replaces: it.Replaces, From: it.From, To: it.To}
			if g := r.GroupOf(c.ID); g != "" {
				j.Group = &g
			}
			out = append(out, j)
		}
		return out
	}
	return levelDiffJSON{From: d.From, To: d.To, New: conv(d.New), Stricter: conv(d.Stricter), Higher: conv(d.Higher), Notes: nonNil(d.Notes)}
}

// RenderLevelDiff writes what level To asks beyond level From. The
// question fills what is left of the width, wrapped.
func RenderLevelDiff(w io.Writer, r *rubric.Rubric, d *rubricdiff.LevelDiff, style Style) error {
	pr := &printer{w: w, width: style.lineWidth()}
	pr.line("%s", style.Bold(fmt.Sprintf("What %s asks beyond %s", levelTitle(r, d.To), levelTitle(r, d.From))))
	section := func(title string, items []rubricdiff.LevelItem, header []string, lead func(rubricdiff.LevelItem) []string) {
		pr.line("")
		pr.line("%s", style.Bold(fmt.Sprintf("%s (%d)", title, len(items))))
		if len(items) == 0 {
			pr.line("  none")
			return
		}
		rows := make([][]string, len(items))
		for i, it := range items {
			rows[i] = append(lead(it), r.Criterion(it.Criterion).Prompt)
		}
		pr.table(leadTable(style, slices.Index(header, "Criterion"), header, rows))
	}
	section("New criteria", d.New, []string{"Strength", "Criterion", "Question"}, func(it rubricdiff.LevelItem) []string {
		c := r.Criterion(it.Criterion)
		return []string{string(c.Strength), c.ID}
	})
	section("Stricter rungs", d.Stricter, []string{"Criterion", "Replaces", "Question"}, func(it rubricdiff.LevelItem) []string {
		return []string{it.Criterion, strings.Join(it.Replaces, ", ")}
	})
	section("Higher expectations", d.Higher, []string{"Criterion", "Expected", "Question"}, func(it rubricdiff.LevelItem) []string {
		return []string{it.Criterion, fmt.Sprintf("%s → %s", r.ScaleLabel(it.From), r.ScaleLabel(it.To))}
	})
	for _, n := range d.Notes {
		pr.line("")
		pr.line("%s", style.wrap("Note: "+n, "", "  "))
	}
	return pr.err
}

// RenderLevelDiffMarkdown writes a level diff as Markdown.
func RenderLevelDiffMarkdown(w io.Writer, r *rubric.Rubric, d *rubricdiff.LevelDiff) error {
	pr := &printer{w: w}
	pr.line("# What %s asks beyond %s", md(levelTitle(r, d.To)), md(levelTitle(r, d.From)))
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

// rubricDiffJSON is the data form of a diff between two rubric files.
type rubricDiffJSON struct {
	Old         rubricdiff.Side    `json:"old" yaml:"old"`
	New         rubricdiff.Side    `json:"new" yaml:"new"`
	Added       []string           `json:"added" yaml:"added"`
	Removed     []string           `json:"removed" yaml:"removed"`
	Renamed     []renameJSON       `json:"renamed" yaml:"renamed"`
	Changes     []changeJSON       `json:"changes" yaml:"changes"`
	Levels      elementChangesJSON `json:"levels" yaml:"levels"`
	Specialties elementChangesJSON `json:"specialties" yaml:"specialties"`
	Groups      elementChangesJSON `json:"groups" yaml:"groups"`
	Themes      elementChangesJSON `json:"themes" yaml:"themes"`
	Aliases     []aliasJSON        `json:"suggested_aliases" yaml:"suggested_aliases"`
}

// renameJSON pairs an old id with a new one.
type renameJSON struct {
	Old   string  `json:"old" yaml:"old"`
	New   string  `json:"new" yaml:"new"`
	Alias bool    `json:"alias_present" yaml:"alias_present"`
	Score float64 `json:"score" yaml:"score"`
}

// changeJSON is one changed field of a criterion.
type changeJSON struct {
	Criterion string `json:"criterion" yaml:"criterion"`
	Field     string `json:"field" yaml:"field"`
	Old       string `json:"old" yaml:"old"`
	New       string `json:"new" yaml:"new"`
}

// elementChangesJSON lists the ids added and removed.
type elementChangesJSON struct {
	Added   []string `json:"added" yaml:"added"`
	Removed []string `json:"removed" yaml:"removed"`
}

// aliasJSON suggests an alias for a criterion of the new rubric.
type aliasJSON struct {
	Criterion string   `json:"criterion" yaml:"criterion"`
	Aliases   []string `json:"aliases" yaml:"aliases"`
}

// RubricDiffData converts a file diff to its data form.
func RubricDiffData(d *rubricdiff.FileDiff) any {
	out := rubricDiffJSON{Old: d.Old, New: d.New, Added: nonNil(d.Added), Removed: nonNil(d.Removed),
		Renamed: []renameJSON{}, Changes: []changeJSON{}, Aliases: []aliasJSON{},
		Levels: elementsJSON(d.Levels), Specialties: elementsJSON(d.Specialties), Groups: elementsJSON(d.Groups), Themes: elementsJSON(d.Themes)}
	for _, r := range d.Renamed {
		out.Renamed = append(out.Renamed, renameJSON{Old: r.Old, New: r.New, Alias: r.Alias, Score: round2(r.Score)})
	}
	for _, c := range d.Changes {
		out.Changes = append(out.Changes, changeJSON(c))
	}
	for _, a := range d.Aliases {
		out.Aliases = append(out.Aliases, aliasJSON{Criterion: a.New, Aliases: []string{a.Old}})
	}
	return out
}

func elementsJSON(e rubricdiff.Elements) elementChangesJSON {
	return elementChangesJSON{Added: nonNil(e.Added), Removed: nonNil(e.Removed)}
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

// RenderRubricDiff writes what changed between two rubric files. Each
// table's widest column (the question, or before and after) wraps to fit
// the width.
func RenderRubricDiff(w io.Writer, oldR, newR *rubric.Rubric, d *rubricdiff.FileDiff, style Style) error {
	pr := &printer{w: w, width: style.lineWidth()}
	pr.line("%s", style.Bold(fmt.Sprintf("%s version %s → %s version %s", d.Old.ID, d.Old.Version, d.New.ID, d.New.Version)))
	pr.line("  old: %s", d.Old.File)
	pr.line("  new: %s", d.New.File)
	for _, e := range []struct {
		name string
		el   rubricdiff.Elements
	}{{"Levels", d.Levels}, {"Specialties", d.Specialties}, {"Groups", d.Groups}, {"Themes", d.Themes}} {
		if len(e.el.Added) > 0 {
			pr.line("%s added: %s", e.name, strings.Join(e.el.Added, ", "))
		}
		if len(e.el.Removed) > 0 {
			pr.line("%s removed: %s", e.name, strings.Join(e.el.Removed, ", "))
		}
	}
	if d.Count() == 0 {
		pr.line("")
		pr.line("No criterion changed.")
		return pr.err
	}
	table := func(title string, t *table, n int) {
		if n == 0 {
			return
		}
		pr.line("")
		pr.line("%s", style.Bold(fmt.Sprintf("%s (%d)", title, n)))
		pr.table(t)
	}
	idList := func(title string, r *rubric.Rubric, ids []string) {
		var rows [][]string
		for _, id := range ids {
			c := r.Criterion(id)
			rows = append(rows, []string{id, scopeText(c), c.Prompt})
		}
		table(title, leadTable(style, 0, []string{"Criterion", "Where", "Question"}, rows), len(rows))
	}
	idList("Added", newR, d.Added)
	idList("Removed", oldR, d.Removed)
	var rows [][]string
	for _, rn := range d.Renamed {
		rows = append(rows, []string{rn.Old, rn.New, newR.Criterion(rn.New).Prompt})
	}
	table("Renamed", leadTable(style, 0, []string{"Old id", "New id", "Question"}, rows), len(rows))
	for _, ct := range changeTitles {
		t, n := newTable(style, "Criterion", "Before", "After"), 0
		for _, c := range d.Changes {
			if c.Field == ct.field {
				t.row(c.Criterion, c.Old, c.New)
				n++
			}
		}
		table(ct.title, t, n)
	}
	if len(d.Aliases) > 0 {
		pr.line("")
		pr.line("%s", style.Bold("Suggested aliases"))
		pr.line("%s", style.wrap("Add these to the new rubric's criteria so that 'ladder migrate' carries ratings of the old ids over:", "", ""))
		pr.line("")
		for _, a := range d.Aliases {
			pr.line("  - id: %s", a.New)
			pr.line("    aliases: [%s]", a.Old)
		}
	}
	return pr.err
}

// questionRoom is the narrowest a question's column should be beside the
// cells that lead its row.
const questionRoom = 30

// leadTable is a table of rows that lead with short cells (ids, a
// strength) and end with a question. Where the leading cells would leave
// the question less than questionRoom cells, or the table cannot fit the
// width without cutting a word, the leading cells after the first go under
// it, one a line, each named by its column: ids stay whole and the
// question gets the room; the column key (the id) stays first.
func leadTable(style Style, key int, header []string, rows [][]string) *table {
	t := newTable(style, header...)
	n := len(header)
	lead := make([]int, n-1)
	for i, h := range header[:n-1] {
		lead[i] = termtext.Width(h)
	}
	for _, row := range rows {
		cells := make([]any, len(row))
		for i, c := range row {
			cells[i] = c
			if i < n-1 {
				lead[i] = max(lead[i], termtext.Width(termtext.Safe(c)))
			}
		}
		t.row(cells...)
	}
	leadWidth := 0
	for _, w := range lead {
		leadWidth += w
	}
	roomy := !style.Borders || style.Width <= 0 || style.Width-leadWidth-borderedExtra(n) >= questionRoom
	if n < 3 || roomy && t.fitsWhole() {
		return t
	}
	folded := newTable(style, header[key], header[n-1])
	for _, row := range rows {
		lines := []string{string(safe(row[key]))}
		for i := 0; i < n-1; i++ {
			if i != key && row[i] != "" {
				lines = append(lines, string(safe(strings.ToLower(header[i])+": "+row[i])))
			}
		}
		folded.row(Styled(strings.Join(lines, "\n")), row[n-1])
	}
	return folded
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
	pr.line("- Old: %s", mdCode(d.Old.File))
	pr.line("- New: %s", mdCode(d.New.File))
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
