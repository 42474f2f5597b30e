package report

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/synth"
	"github.com/ladderhq/ladder/rubric"
)

var (
	styleOrScript = regexp.MustCompile(`(?s)<(style|script)\b.*?</(style|script)>`)
	blockTag      = regexp.MustCompile(`(?i)</?(p|div|li|tr|h[1-6]|section|article|header|footer|nav|table|thead|tbody|details|summary|ul|ol|figure|figcaption|br|text|tspan)\b[^>]*>`)
	cellTag       = regexp.MustCompile(`(?i)<(td|th|small)\b[^>]*>`)
	anyTag        = regexp.MustCompile(`<[^>]*>`)
	spaces        = regexp.MustCompile(`[ \t]+`)
)

// pageText is what a reader of the page sees, line by line: the markup and
// the style sheet dropped, entities decoded, table cells apart.
func pageText(page string) string {
	page = styleOrScript.ReplaceAllString(page, "")
	page = blockTag.ReplaceAllString(page, "\n")
	page = cellTag.ReplaceAllString(page, " | ")
	page = anyTag.ReplaceAllString(page, "")
	page = html.UnescapeString(page)
	var out []string
	for _, line := range strings.Split(page, "\n") {
		line = strings.TrimSpace(spaces.ReplaceAllString(line, " "))
		line = strings.Trim(line, "| ")
		if line != "" {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n") + "\n"
}

func renderCalibrationPage(t testing.TB, r *rubric.Rubric, c *assess.Calibration) string {
	t.Helper()
	var b bytes.Buffer
	if err := RenderCalibrationHTML(&b, NewCalibrationPage(r, c)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestCalibrationPageGolden: the text of the example team's page, plain
// and anonymized, as a reader sees it.
func TestCalibrationPageGolden(t *testing.T) {
	r := builtin(t)
	page := renderCalibrationPage(t, r, exampleTeam(t, r))
	golden(t, "calibrate-team.page.txt", []byte(pageText(page)))

	c := exampleTeam(t, r)
	c.Anonymize(7)
	anon := renderCalibrationPage(t, r, c)
	golden(t, "calibrate-team-anonymized.page.txt", []byte(pageText(anon)))
	// Eli and Fay only rate; the four others are assessed, so their names
	// stand for them as people, never as raters.
	for _, name := range []string{"Eli Haddad", "Fay Novak", "eli-haddad", "fay-novak"} {
		if strings.Contains(anon, name) {
			t.Errorf("the anonymized page names %s", name)
		}
	}
	for _, p := range c.People {
		for _, rf := range p.Raters {
			if !rf.Own && !strings.Contains(anon, rf.Rater) {
				t.Errorf("the anonymized page lacks the label %s", rf.Rater)
			}
		}
	}
}

// TestCalibrationPageAnswers: the four questions a meeting opens with are
// answered at the top of the page, in the summary cards.
func TestCalibrationPageAnswers(t *testing.T) {
	r := builtin(t)
	c := exampleTeam(t, r)
	text := pageText(renderCalibrationPage(t, r, c))
	top := text[:strings.Index(text, "Who stands where\nEach person")]
	for _, want := range []string{
		"READY FOR PROMOTION", "Ready for promotion\nCara Moreau: Senior Backend Engineer → Staff Backend Engineer",
		"Below their level\nDev Tanaka: Staff Backend Engineer → Senior Backend Engineer",
		"Lenient: Ben Lindqvist +0.75\nSevere: Fay Novak -0.67",
		// The criteria read as words, their ids in small print after them.
		"Criteria to discuss first\n1. Drive innovation on your team | staff-drive-innovation\n2. ",
		"kappa 0.68: substantial",
	} {
		if want == "READY FOR PROMOTION" {
			continue // upper-cased by the style sheet only
		}
		if !strings.Contains(top, want) {
			t.Errorf("the top of the page lacks %q:\n%s", want, top)
		}
	}
	// A nice-to-have moves no one's level: the team split on open source
	// (yes/no) is not among the first criteria to discuss.
	if strings.Contains(top, "nice-open-source") {
		t.Errorf("a nice-to-have is among the criteria to discuss first:\n%s", top)
	}
}

// TestCalibrationPageEscapes: names and notes reach the page as text, never
// as markup.
func TestCalibrationPageEscapes(t *testing.T) {
	r := builtin(t)
	c := exampleTeam(t, r)
	c.People[0].Person = `<script>alert("x")</script>`
	c.People[0].Raters[1].Rater = `Eli <b>Haddad</b> & "co"`
	c.Raters[0].Rater = `<img src=x onerror=alert(1)>`
	// A criterion's question reaches the page as a label too.
	r.Criteria[r.CriterionIndex("staff-drive-innovation")].Prompt = `How much do you <i onclick=x>drive</i> "innovation" & more?`
	page := renderCalibrationPage(t, r, c)
	for _, bad := range []string{"<script>", "<b>Haddad", "<img", "<i onclick"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q unescaped", bad)
		}
	}
	if !strings.Contains(page, "&lt;script&gt;") {
		t.Error("the person's name is not on the page, escaped")
	}
	if !strings.Contains(page, "&lt;i onclick=x&gt;drive&lt;/i&gt; &#34;innovation&#34; &amp; more<") {
		t.Error("the criterion's label is not on the page, escaped")
	}
}

// TestCalibrationPageSelfContained: nothing is fetched from elsewhere: no
// script, no external style sheet, image or font.
func TestCalibrationPageSelfContained(t *testing.T) {
	r := builtin(t)
	page := renderCalibrationPage(t, r, exampleTeam(t, r))
	for _, bad := range []string{"<script", "<link", "<img", "<iframe", "@import", "url(http", "src=", "https://", "http://"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
}

// TestCalibrationPageManyRaters: a person with more raters than one table
// holds side by side gets their picture in several tables, each with the
// rows' names, a share of the raters and the consensus, so that each fits
// a page; every rater heads a column once.
func TestCalibrationPageManyRaters(t *testing.T) {
	r := builtin(t)
	c := manyRaters(t, r)
	page := renderCalibrationPage(t, r, c)
	p := c.People[0]
	if len(p.Raters) != 10 {
		t.Fatalf("%s has %d raters, want 10", p.Person, len(p.Raters))
	}
	start := strings.Index(page, `<article class="person" id="p1">`)
	end := start + strings.Index(page[start:], "</article>")
	picture := page[start:end]
	if n := strings.Count(picture, `<table class="areas">`); n != 2 {
		t.Errorf("%d tables of themes in %s's picture, want 2", n, p.Person)
	}
	for _, caption := range []string{"<caption>Raters 1 to 5 of 10</caption>", "<caption>Raters 6 to 10 of 10</caption>"} {
		if strings.Count(picture, caption) != 2 { // the themes' table and the criteria's
			t.Errorf("%s's picture has not twice %q", p.Person, caption)
		}
	}
	for _, rf := range p.Raters[1:] {
		if n := strings.Count(picture, "<th>"+rf.Rater+"<small>"); n != 1 {
			t.Errorf("%s heads %d columns of themes in %s's picture, want 1", rf.Rater, n, p.Person)
		}
	}
	if n := strings.Count(picture, `<th class="num">Consensus</th>`); n != 4 {
		t.Errorf("%d consensus columns, want one in each of 4 tables", n)
	}
}

// manyRaters calibrates a synthetic team of ten in which everyone is rated
// by themself, their manager and eight peers.
func manyRaters(t testing.TB, r *rubric.Rubric) *assess.Calibration {
	t.Helper()
	files, _ := synth.Generate(r, synth.Config{People: 10, TeamSize: 10, Peers: 8, Jitter: 0.15, Seed: 5,
		LenientManager: -1, SelfOverrater: -1, PromotionReady: -1})
	scorer := assess.NewScorer(r)
	sheets := make([]assess.Sheet, len(files))
	for i, f := range files {
		sheets[i] = assess.NewSheet(f.Path, f.Assessment, scorer)
	}
	return assess.Calibrate(r, sheets)
}

// organisation calibrates a synthetic organisation without touching the
// disk: the generator's assessments become sheets as ReadSheets makes them.
func organisation(t testing.TB, r *rubric.Rubric, people int) (*assess.Calibration, synth.Truth) {
	t.Helper()
	files, truth := synth.Generate(r, synth.Planted(people, 3))
	scorer := assess.NewScorer(r)
	sheets := make([]assess.Sheet, len(files))
	for i, f := range files {
		sheets[i] = assess.NewSheet(f.Path, f.Assessment, scorer)
	}
	return assess.Calibrate(r, sheets), truth
}

// maxPageBytes is the largest page a meeting of 300 may get.
const maxPageBytes = 2 << 20

// TestCalibrationPage300: for a synthetic organisation of 300 people the
// page stays under 2 MB and shows the planted traits where a meeting looks
// first.
func TestCalibrationPage300(t *testing.T) {
	r := builtin(t)
	c, truth := organisation(t, r, 300)
	page := renderCalibrationPage(t, r, c)
	t.Logf("300 people, %d raters: %d bytes (%.0f%% of the 2 MB limit)", len(c.Raters), len(page), 100*float64(len(page))/maxPageBytes)
	if len(page) >= maxPageBytes {
		t.Errorf("the page of 300 people takes %d bytes, over %d", len(page), maxPageBytes)
	}
	text := pageText(page)
	top := text[:strings.Index(text, "Who stands where\nEach person")]
	for _, want := range []string{
		"Ready for promotion\n" + truth.PromotionReady[0] + ":",
		"Lenient: " + truth.LenientManagers[0] + " +",
		"Severe: none",
	} {
		if !strings.Contains(top, want) {
			t.Errorf("the top of the page lacks %q:\n%s", want, top)
		}
	}
	if n := strings.Count(page, `<article class="person"`); n != 300 {
		t.Errorf("%d pictures of people, want 300", n)
	}
}

// BenchmarkCalibrationPage300 makes the page of 300 people beside its
// baseline, the calibration it shows (x-calibrate is their ratio).
func BenchmarkCalibrationPage300(b *testing.B) {
	r := builtin(b)
	files, _ := synth.Generate(r, synth.Planted(300, 3))
	scorer := assess.NewScorer(r)
	sheets := make([]assess.Sheet, len(files))
	for i, f := range files {
		sheets[i] = assess.NewSheet(f.Path, f.Assessment, scorer)
	}
	var calibrate, page float64
	b.Run("calibrate", func(b *testing.B) {
		for b.Loop() {
			assess.Calibrate(r, sheets)
		}
		calibrate = float64(b.Elapsed()) / float64(b.N)
	})
	c := assess.Calibrate(r, sheets)
	b.Run("page", func(b *testing.B) {
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			if err := RenderCalibrationHTML(&buf, NewCalibrationPage(r, c)); err != nil {
				b.Fatal(err)
			}
		}
		page = float64(b.Elapsed()) / float64(b.N)
		if calibrate > 0 {
			b.ReportMetric(page/calibrate, "x-calibrate")
		}
	})
}
