package report

import (
	"cmp"
	"context"
	"fmt"
	"html"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder/assess"
)

// pagePixels counts what a calibration page's screenshot shows: white,
// the header's navy, the blue of "up" and of the chart's after-bars, the
// orange-red of "down".
type pagePixels struct {
	total, white, navy, up, down int
}

func countPagePixels(img image.Image) pagePixels {
	var px pagePixels
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			px.total++
			switch {
			case cr>>8 > 240 && cg>>8 > 240 && cb>>8 > 240:
				px.white++
			case near(rgb{31, 42, 68}, cr, cg, cb, 12):
				px.navy++
			case near(rgb{0, 96, 160}, cr, cg, cb, 24):
				px.up++
			case near(rgb{179, 71, 0}, cr, cg, cb, 30):
				px.down++
			}
		}
	}
	return px
}

// TestCalibrationPageRendersInChromium renders the page of the example team
// and of a synthetic organisation of 300 people in a real browser: each
// screenshot must show the header, the chart's blue bars and the marks of
// people going up (and, for the team, down), and the page of 300 people
// must render within 3 seconds more than an empty page takes.
func TestCalibrationPageRendersInChromium(t *testing.T) {
	bin := chromium(t)
	r := builtin(t)
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	const width, height = 1280, 2400
	timed := func(path string) (image.Image, time.Duration) {
		start := time.Now()
		img := screenshot(t, bin, path, width, height)
		return img, time.Since(start)
	}

	empty := write("empty.html", "<!DOCTYPE html><title>empty</title><p>empty</p>")
	_, baseline := timed(empty)

	team := write("team.html", renderCalibrationPage(t, r, exampleTeam(t, r)))
	img, _ := timed(team)
	px := countPagePixels(img)
	t.Logf("team: %+v", px)
	if px.navy < 20000 {
		t.Errorf("team: the header is missing (%d navy pixels)", px.navy)
	}
	if px.up < 3000 {
		t.Errorf("team: the blue of the chart and of promotion barely appears (%d pixels)", px.up)
	}
	if px.down < 100 {
		t.Errorf("team: the mark of below-level barely appears (%d pixels)", px.down)
	}
	if white := float64(px.white) / float64(px.total); white > 0.9 {
		t.Errorf("team: %.0f%% of the page is white: an empty render?", 100*white)
	}

	c, _ := organisation(t, r, 300)
	page := renderCalibrationPage(t, r, c)
	big := write("org.html", page)
	img, took := timed(big)
	px = countPagePixels(img)
	info, err := os.Stat(filepath.Join(dir, "org.html"))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("300 people: page %d bytes, screenshot %v, rendered in %v against %v for an empty page (x%.1f); %+v",
		info.Size(), img.Bounds().Size(), took.Round(time.Millisecond), baseline.Round(time.Millisecond),
		float64(took)/float64(baseline), px)
	if got := img.Bounds().Size(); got.X != width || got.Y != height {
		t.Errorf("screenshot is %v, want %dx%d", got, width, height)
	}
	if px.navy < 20000 || px.up < 3000 {
		t.Errorf("300 people: header or chart missing (%d navy, %d blue pixels)", px.navy, px.up)
	}
	// A load spike on a shared machine slows one render: measure both again
	// before calling the page slow, and keep the faster of each.
	for try := 0; try < 2 && took-baseline > 3*time.Second; try++ {
		_, b := timed(empty)
		_, p := timed(big)
		baseline, took = min(baseline, b), min(took, p)
	}
	if extra := took - baseline; extra > 3*time.Second {
		t.Errorf("the page of 300 people takes %v to render, %v more than an empty page", took, extra)
	}
	if dump := os.Getenv("LADDER_SCREENSHOTS"); dump != "" {
		for name, path := range map[string]string{"calibrate-team": team, "calibrate-300": big} {
			shot := screenshot(t, bin, path, width, height)
			savePNG(t, filepath.Join(dump, name+".png"), shot)
		}
	}
}

// savePNG writes a screenshot where LADDER_SCREENSHOTS says, to look at by
// eye.
func savePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// printPDF prints an HTML file to PDF headless, as Chromium's print dialog
// would on its default paper (the page asks for A4), without the
// browser's header and footer, and returns the PDF's path.
func printPDF(t *testing.T, bin, htmlFile string) string {
	t.Helper()
	dir := t.TempDir()
	pdf := filepath.Join(dir, "page.pdf")
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+htmlFile)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	cmd.WaitDelay = 5 * time.Second
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("chromium wrote no PDF: %v", err)
	}
	return pdf
}

// pdftotext finds poppler's pdftotext, which reads a PDF's text back. Where
// Chromium is required (CI), so is it: .ci/run installs both.
func pdftotext(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("pdftotext"); err == nil {
		return p
	}
	if os.Getenv(requireChromium) != "" {
		t.Fatalf("%s is set but pdftotext is not installed (apt-get install poppler-utils)", requireChromium)
	}
	t.Skipf("pdftotext is not installed, so the printed page is not read back (apt-get install poppler-utils; CI sets %s=1)", requireChromium)
	return ""
}

// pdfPage is one printed page: its size in points, its words, each with
// where it stands, and its lines, top to bottom.
type pdfPage struct {
	width, height float64
	words         []pdfWord
	lines         []pdfLine
}

type pdfWord struct {
	text             string
	xMin, xMax, yMin float64
}

// pdfLine is the words that start at one height, left to right.
type pdfLine struct {
	y    float64
	text string
}

var (
	bboxPage = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	bboxWord = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>`)
)

// readPDF reads a PDF's pages back with pdftotext -bbox. Text that
// Chromium clipped at the edge of the paper is not in it.
func readPDF(t *testing.T, bin, pdf string) []pdfPage {
	t.Helper()
	out, err := exec.Command(bin, "-bbox", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var pages []pdfPage
	for _, line := range strings.Split(string(out), "\n") {
		if m := bboxPage.FindStringSubmatch(line); m != nil {
			w, _ := strconv.ParseFloat(m[1], 64)
			h, _ := strconv.ParseFloat(m[2], 64)
			pages = append(pages, pdfPage{width: w, height: h})
			continue
		}
		if m := bboxWord.FindStringSubmatch(line); m != nil && len(pages) > 0 {
			var w pdfWord
			w.xMin, _ = strconv.ParseFloat(m[1], 64)
			w.yMin, _ = strconv.ParseFloat(m[2], 64)
			w.xMax, _ = strconv.ParseFloat(m[3], 64)
			w.text = html.UnescapeString(m[4])
			pages[len(pages)-1].words = append(pages[len(pages)-1].words, w)
		}
	}
	for i := range pages {
		words := slices.Clone(pages[i].words)
		slices.SortStableFunc(words, func(a, b pdfWord) int {
			if math.Abs(a.yMin-b.yMin) > 2 {
				return cmp.Compare(a.yMin, b.yMin)
			}
			return cmp.Compare(a.xMin, b.xMin)
		})
		for _, w := range words {
			n := len(pages[i].lines)
			if n > 0 && math.Abs(pages[i].lines[n-1].y-w.yMin) <= 2 {
				pages[i].lines[n-1].text += " " + w.text
				continue
			}
			pages[i].lines = append(pages[i].lines, pdfLine{y: w.yMin, text: w.text})
		}
	}
	return pages
}

// between is the words of a page from height top to height bottom, one
// space apart.
func (p pdfPage) between(top, bottom float64) string {
	var words []string
	for _, w := range p.words {
		if w.yMin >= top-1 && w.yMin <= bottom+1 {
			words = append(words, w.text)
		}
	}
	return strings.Join(words, " ")
}

// TestCalibrationPagePrintsOnA4 prints the page of the example team, and
// of a team whose people have ten raters each, to PDF on A4 and reads the
// text back: the paper is A4; no word runs past the right margin (a table
// wider than the paper loses its last columns, which the reader then no
// longer finds); each person's picture is on one page, with every rater's
// column, the consensus and the count of criteria; and the example team
// takes at most nine pages (its lenient peer alone differs from the
// others on 44 criteria of one person, each listed), where a team of
// the same size once took twelve.
func TestCalibrationPagePrintsOnA4(t *testing.T) {
	bin := chromium(t)
	reader := pdftotext(t)
	r := builtin(t)
	const (
		a4Width, a4Height = 595.28, 841.89 // points
		margin            = 10 / 25.4 * 72 // the page's left and right margin, 10 mm
	)
	for _, tc := range []struct {
		name     string
		c        *assess.Calibration
		maxPages int
	}{
		{"team", exampleTeam(t, r), 9},
		{"ten raters each", manyRaters(t, r), 40},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := strings.Replace(renderCalibrationPage(t, r, tc.c), "</body>",
				`<div style="width: 180mm; text-align: right">`+scaleProbe+`</div></body>`, 1)
			file := filepath.Join(t.TempDir(), "page.html")
			if err := os.WriteFile(file, []byte(page), 0o600); err != nil {
				t.Fatal(err)
			}
			pages := readPDF(t, reader, printPDF(t, bin, file))
			t.Logf("%d pages", len(pages))
			if len(pages) == 0 || len(pages) > tc.maxPages {
				t.Errorf("%d pages, want 1 to %d", len(pages), tc.maxPages)
			}
			// Nothing runs past the right margin, and nothing is shrunk
			// either: when some part of a page is wider than the paper,
			// Chromium lays the page out wider and scales it down to fit,
			// reflowed paragraphs and all. A probe 180 mm wide, its word
			// set flush right, ends 180 mm from the left margin only at
			// full scale.
			probe := -1.0
			for i, p := range pages {
				if math.Abs(p.width-a4Width) > 2 || math.Abs(p.height-a4Height) > 2 {
					t.Errorf("page %d is %.0f×%.0f points, not A4", i+1, p.width, p.height)
				}
				for _, w := range p.words {
					if w.text == scaleProbe {
						probe = w.xMax
						continue
					}
					if w.xMax > p.width-margin+2 {
						t.Errorf("page %d: %q runs into the right margin (ends at %.1f of %.1f points)", i+1, w.text, w.xMax, p.width)
					}
				}
			}
			if scale := (probe - margin) / (180 / 25.4 * 72); math.Abs(scale-1) > 0.005 {
				t.Errorf("the page is printed at %.1f%% of its size: something on it is wider than A4", 100*scale)
			}
			// Each person's picture, from its heading to the line that
			// opens its criteria, stands on one page.
			pg := NewCalibrationPage(r, tc.c)
			for person := range pg.People {
				head := person.Person + " " + moveHead(person)
				foot := fmt.Sprintf("Criteria: %d of %d rated differently", person.Differ, person.Rated)
				var picture string
				for _, p := range pages {
					for i, l := range p.lines {
						if l.text != head {
							continue
						}
						for _, below := range p.lines[i+1:] {
							if strings.HasPrefix(below.text, foot) {
								picture = p.between(l.y, below.y)
								break
							}
						}
						if picture == "" {
							t.Errorf("%s's picture does not end on the page it starts on", person.Person)
							picture = "-"
						}
					}
				}
				if picture == "" {
					t.Errorf("no page shows %q", head)
				}
				if picture == "" || picture == "-" {
					continue
				}
				for _, rater := range person.Raters {
					for _, word := range strings.Fields(rater.Name) {
						if !strings.Contains(picture, word) {
							t.Errorf("%s's printed picture lacks the column of %s", person.Person, rater.Name)
						}
					}
				}
				// "fits" heads each rater's column; the next level's
				// explanation may say "the consensus fits".
				if got, want := strings.Count(picture, "fits ")-strings.Count(picture, "consensus fits "), len(person.Raters); got != want {
					t.Errorf("%s's printed picture says %d times what a rater's assessment fits, want %d:\n%s", person.Person, got, want, picture)
				}
				if got, want := strings.Count(picture, "Consensus Criteria"), len(person.Tables); got != want {
					t.Errorf("%s's printed picture has %d consensus and criteria columns, want %d:\n%s", person.Person, got, want, picture)
				}
			}
		})
	}
}

// scaleProbe is the word of the probe that measures the printed page's
// scale.
const scaleProbe = "scaleprobe"

// moveHead is the movement as a person's heading shows it: "▲ up 1".
func moveHead(p calPerson) string {
	switch p.MoveClass {
	case "up":
		return "▲ " + p.Move
	case "down":
		return "▼ " + p.Move
	}
	return p.Move
}
