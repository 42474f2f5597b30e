package report

import (
	_ "embed"
	"html/template"
	"io"
)

//go:embed templates/report.html
var reportHTML string

// reportTemplate parses the page's template; html/template escapes every
// value by context (text, attribute, URL), names and notes included. It is
// parsed when a report is made rather than at package init, which every
// other command would pay for at start-up.
func reportTemplate() (*template.Template, error) {
	return template.New("report").Funcs(template.FuncMap{
		"pct":    percent,
		"fillOf": fill,
	}).Parse(reportHTML)
}

// RenderHTML writes the report as one self-contained HTML page: inline CSS
// and SVG, no script, font, image or any other external resource, readable
// on screen and on paper.
func RenderHTML(w io.Writer, pg *Page) error {
	t, err := reportTemplate()
	if err != nil {
		return err
	}
	return t.Execute(w, pg)
}
