package report

import (
	"bytes"
	"encoding/xml"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/store"
	"github.com/ladderhq/ladder/rubric"
)

// svgNode is a generic XML element, enough to walk an SVG.
type svgNode struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Text     string     `xml:",chardata"`
	Children []svgNode  `xml:",any"`
}

func (n svgNode) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (n svgNode) walk(f func(svgNode)) {
	f(n)
	for _, c := range n.Children {
		c.walk(f)
	}
}

func (n svgNode) hasClass(c string) bool {
	for _, x := range strings.Fields(n.attr("class")) {
		if x == c {
			return true
		}
	}
	return false
}

// radarSVG cuts the radar out of a rendered page and parses it as XML: it
// must be well-formed on its own.
func radarSVG(t *testing.T, page string) svgNode {
	t.Helper()
	start := strings.Index(page, "<svg")
	end := strings.Index(page, "</svg>")
	if start < 0 || end < start {
		t.Fatal("no <svg> in the page")
	}
	var root svgNode
	if err := xml.Unmarshal([]byte(page[start:end+len("</svg>")]), &root); err != nil {
		t.Fatalf("the SVG is not well-formed XML: %v", err)
	}
	return root
}

func points(t *testing.T, s string) [][2]float64 {
	t.Helper()
	var out [][2]float64
	for _, p := range strings.Fields(s) {
		xy := strings.Split(p, ",")
		if len(xy) != 2 {
			t.Fatalf("bad point %q", p)
		}
		x, err1 := strconv.ParseFloat(xy[0], 64)
		y, err2 := strconv.ParseFloat(xy[1], 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad point %q", p)
		}
		out = append(out, [2]float64{x, y})
	}
	return out
}

func renderPage(t *testing.T, r *rubric.Rubric, file string, opt assess.PlanOptions) (*Page, string) {
	t.Helper()
	pg := NewPage(r, plan(t, r, file, opt), PageOptions{File: file})
	var b bytes.Buffer
	if err := RenderHTML(&b, pg); err != nil {
		t.Fatal(err)
	}
	return pg, b.String()
}

// The radar of every example: one axis per theme with items in scope, a
// value polygon with one point per axis, inside the chart, at the distance
// its value says; every label present.
func TestRadarStructure(t *testing.T) {
	r := builtin(t)
	for _, ex := range []string{"senior-gitaly", "senior-gitaly-2027", "new-graduate", "go-only"} {
		t.Run(ex, func(t *testing.T) {
			pg, html := renderPage(t, r, "../examples/"+ex+".yaml", assess.PlanOptions{})
			svg := radarSVG(t, html)
			if svg.XMLName.Local != "svg" || svg.attr("viewBox") == "" || svg.attr("role") != "img" {
				t.Fatalf("root = %s viewBox %q role %q", svg.XMLName.Local, svg.attr("viewBox"), svg.attr("role"))
			}
			var value, threshold []svgNode
			var rings, spokes, dots int
			var labels []string
			svg.walk(func(n svgNode) {
				switch {
				case n.XMLName.Local == "polygon" && n.hasClass("value"):
					value = append(value, n)
				case n.XMLName.Local == "polygon" && n.hasClass("threshold"):
					threshold = append(threshold, n)
				case n.XMLName.Local == "polygon" && n.hasClass("ring"):
					rings++
				case n.XMLName.Local == "line" && n.hasClass("spoke"):
					spokes++
				case n.XMLName.Local == "circle" && n.hasClass("dot"):
					dots++
				case n.XMLName.Local == "text" && n.hasClass("axis-label"):
					labels = append(labels, n.Text)
				}
			})
			axes := len(pg.RadarAxes)
			if axes < 3 || len(value) != 1 || len(threshold) != 1 || rings != 4 || spokes != axes || dots != axes {
				t.Fatalf("axes %d: value polygons %d, threshold %d, rings %d, spokes %d, dots %d", axes, len(value), len(threshold), rings, spokes, dots)
			}
			// The built-in rubric has eight themes; without a specialty
			// in scope, Specialty expertise has no item and is left out.
			wantAxes := 8
			if len(pg.Specialties) == 0 {
				wantAxes = 7
			}
			if axes != wantAxes {
				t.Errorf("%d axes, want %d", axes, wantAxes)
			}
			joined := strings.Join(labels, " ")
			for _, a := range pg.RadarAxes {
				if !strings.Contains(joined, a.Title) {
					t.Errorf("axis label %q missing from %q", a.Title, joined)
				}
			}
			rd := pg.Radar
			pts := points(t, value[0].attr("points"))
			if len(pts) != axes || len(points(t, threshold[0].attr("points"))) != axes {
				t.Fatalf("value polygon has %d points, want %d", len(pts), axes)
			}
			for i, p := range pts {
				d := math.Hypot(p[0]-rd.CX, p[1]-rd.CY)
				v := pg.RadarAxes[i].Value
				if v < 0 || v > 1 || d > rd.R+0.1 || math.Abs(d-v*rd.R) > 0.2 {
					t.Errorf("axis %s: value %.3f, point at %.1f from the centre, want %.1f", pg.RadarAxes[i].Title, v, d, v*rd.R)
				}
			}
		})
	}
}

// A rubric without themes charts its specialties; with fewer than three
// there is no radar, and the page says why.
func TestRadarWithoutThemes(t *testing.T) {
	r := builtin(t)
	r.Themes = nil
	pg, html := renderPage(t, r, "../examples/go-only.yaml", assess.PlanOptions{})
	if pg.RadarOf != "specialties" || len(pg.RadarAxes) != 3 || pg.Radar == nil {
		t.Fatalf("radar of %s with %d axes", pg.RadarOf, len(pg.RadarAxes))
	}
	svg := radarSVG(t, html)
	n := 0
	svg.walk(func(x svgNode) {
		if x.XMLName.Local == "text" && x.hasClass("axis-label") && x.Text == "Gitaly" {
			n++
		}
	})
	if n != 1 {
		t.Errorf("the Gitaly axis is labelled %d times, want once", n)
	}
	pg, html = renderPage(t, r, "../examples/senior-gitaly.yaml", assess.PlanOptions{})
	if pg.Radar != nil || strings.Contains(html, "<svg") || !strings.Contains(html, "a radar needs three") {
		t.Error("one specialty: want no radar and a sentence saying why")
	}
}

// The page stands alone: nothing fetched, no script, every value escaped.
func TestHTMLIsSelfContainedAndEscaped(t *testing.T) {
	r := builtin(t)
	a, _, err := store.Load("../examples/senior-gitaly.yaml", r)
	if err != nil {
		t.Fatal(err)
	}
	a.Person = `<script>alert("x")</script> & Co`
	rt := a.Ratings["staff-represent-broad"]
	rt.Note = `</div><img src="http://example.com/x.png">`
	a.Ratings["staff-represent-broad"] = rt
	p, err := assess.NewPlan(r, assess.Score(r, a), assess.PlanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := RenderHTML(&b, NewPage(r, p, PageOptions{})); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	checkSelfContained(t, html)
	if !strings.Contains(html, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co") {
		t.Error("the person's name is not escaped as text")
	}
	if !strings.Contains(html, "&lt;/div&gt;&lt;img") {
		t.Error("the note is not escaped as text")
	}
	// Still well-formed where it matters: the SVG parses.
	radarSVG(t, html)

	for _, ex := range []string{"senior-gitaly", "new-graduate", "go-only"} {
		_, page := renderPage(t, r, "../examples/"+ex+".yaml", assess.PlanOptions{})
		checkSelfContained(t, page)
	}

	var md bytes.Buffer
	if err := RenderMarkdown(&md, NewPage(r, p, PageOptions{})); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(md.String(), "<script>") || !strings.Contains(md.String(), `&lt;script&gt;`) {
		t.Error("the Markdown report does not escape HTML in names")
	}
}

func TestPageSummaries(t *testing.T) {
	r := builtin(t)
	for ex, want := range map[string]struct{ summary, reasons string }{
		"senior-gitaly": {"Target: Staff Backend Engineer (the level above the fit level) — approaching, 63%. Fit level: Senior Backend Engineer.",
			"Staff Backend Engineer (target): Held back by a score of 63%, under the 80% that meets takes, with 10 Staff Backend Engineer items rated below Consistent: “Represent your employer and its values in public around…” (staff-represent-broad), “Act as a consultant and spokesperson for your team's work…” (staff-customer-spokesperson), “Advocate for improvements to quality, security…” (staff-advocate-teams) and 7 more. | Fit level: Senior Backend Engineer: The first level not met is the target, Staff Backend Engineer (above)."},
		"senior-gitaly-2027": {"Target: Staff Backend Engineer (the top of the ladder) — meets, 83%. Fit level: Staff Backend Engineer.",
			"Fit level: Staff Backend Engineer: Every level of the ladder meets. | Git (specialty): Held back by 8 Git items not met: “Solid production C and shell scripting (both needed)” (git-c-and-shell), “Worked and communicated within open-source communities” (git-open-source-communities), “How strong is your Go” (git-go) and 5 more; answered as expected, they would make it meet."},
		"new-graduate": {"Target: Intern, Backend Engineer — approaching, 91%. Fit level: none yet.",
			"Intern, Backend Engineer (target): Held back by 2 required general requirements rated below Developing: “Diagnose and prevent performance and optimization problems” (base-performance) and “Work closely with parts of the organization beyond…” (base-cross-org). | Fit level: none yet: The first level not met is the target, Intern, Backend Engineer (above). | Database (specialty): Held back by 2 required Database items not met: “How deep is your knowledge of PostgreSQL itself” (db-postgresql-deep) and “How strong is your Ruby” (db-ruby); and by a score of 29%, under the 80% that meets takes, with 5 Database items not met: “Significant Rails and PostgreSQL experience in large production environments (both needed)” (db-rails-postgres-production), “Worked in production environments that are distributed…” (db-distributed-production), “Diagnose and prevent database performance problems” (db-diagnose-prevent) and 2 more. | Not asked: Staff Backend Engineer: The questions stopped at the target, Intern, Backend Engineer."},
	} {
		pg := NewPage(r, plan(t, r, "../examples/"+ex+".yaml", assess.PlanOptions{}), PageOptions{})
		if got := strings.Join(pg.Summary, " "); got != want.summary {
			t.Errorf("%s summary:\n got %s\nwant %s", ex, got, want.summary)
		}
		var reasons []string
		for _, rs := range pg.Reasons {
			reasons = append(reasons, rs.About+": "+rs.Why)
		}
		if got := strings.Join(reasons, " | "); got != want.reasons {
			t.Errorf("%s reasons:\n got %s\nwant %s", ex, got, want.reasons)
		}
	}
}

var (
	tag          = regexp.MustCompile(`<[^>]*>`)
	eventHandler = regexp.MustCompile(`\son[a-z]+=`)
)

// checkSelfContained fails on anything that would fetch or run something:
// scripts, images, links, frames, CSS imports or urls, and any tag
// attribute naming a URL (the SVG namespace aside, which is a name).
func checkSelfContained(t *testing.T, html string) {
	t.Helper()
	lower := strings.ToLower(html)
	for _, bad := range []string{"<script", "<img", "<link", "<iframe", "<object", "<embed", "@import", "url("} {
		if strings.Contains(lower, bad) {
			t.Errorf("the page contains %q", bad)
		}
	}
	for _, tg := range tag.FindAllString(lower, -1) {
		tg = strings.ReplaceAll(tg, `xmlns="http://www.w3.org/2000/svg"`, "")
		for _, bad := range []string{"src=", "href=", "http:", "https:"} {
			if strings.Contains(tg, bad) {
				t.Errorf("tag %s contains %q", tg, bad)
			}
		}
		if eventHandler.MatchString(tg) {
			t.Errorf("tag %s has an event handler", tg)
		}
	}
}
