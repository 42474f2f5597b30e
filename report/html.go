package report

import (
	_ "embed"
	"html/template"
	"io"
)

//go:embed templates/report.html
var reportHTML string

// reportTemplate is parsed once; html/template escapes every value by
// context (text, attribute, URL), names and notes included.
var reportTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"pct":    Percent,
	"fillOf": fill,
}).Parse(reportHTML))

// RenderHTML writes the report as one self-contained HTML page: inline CSS
// and SVG, no script, font, image or any other external resource, readable
// on screen and on paper.
func RenderHTML(w io.Writer, pg *Page) error {
	return reportTemplate.Execute(w, pg)
}
