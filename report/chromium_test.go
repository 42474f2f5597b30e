package report

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/ladderhq/ladder/assess"
)

// requireChromium is the environment variable CI sets so that a missing
// Chromium fails the test instead of skipping it.
const requireChromium = "LADDER_REQUIRE_CHROMIUM"

func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv(requireChromium) != "" {
		t.Fatalf("%s is set but no chromium is installed (apt-get install chromium)", requireChromium)
	}
	t.Skipf("chromium is not installed, so the report is not rendered in a browser (apt-get install chromium; CI sets %s=1)", requireChromium)
	return ""
}

// screenshot renders an HTML file headless and returns the PNG.
func screenshot(t *testing.T, bin, htmlFile string, width, height int) image.Image {
	t.Helper()
	dir := t.TempDir()
	shot := filepath.Join(dir, "shot.png")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, screenshotArgs(filepath.Join(dir, "profile"), shot, width, height, htmlFile)...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	cmd.WaitDelay = 5 * time.Second
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("chromium wrote no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	return img
}

// screenshotArgs are the Chromium flags that render a page to a PNG with
// nothing fetched from the network (docs/report.png is made with them).
func screenshotArgs(profileDir, png string, width, height int, htmlFile string) []string {
	return []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--hide-scrollbars",
		"--user-data-dir=" + profileDir, "--screenshot=" + png,
		"--window-size=" + strconv.Itoa(width) + "," + strconv.Itoa(height),
		"file://" + htmlFile,
	}
}

type rgb struct{ r, g, b int }

func near(c rgb, r, g, b uint32, tol int) bool {
	d := func(a int, x uint32) int {
		v := a - int(x>>8)
		if v < 0 {
			return -v
		}
		return v
	}
	return d(c.r, r) <= tol && d(c.g, g) <= tol && d(c.b, b) <= tol
}

// TestReportRendersInChromium renders the HTML reports of the examples in a
// real browser and fails on an empty or broken render: the screenshot must
// have the window's size, a good share of non-white pixels (but not a
// blank or black page), the header's indigo band, the radar's colour and
// the green of met verdicts.
func TestReportRendersInChromium(t *testing.T) {
	bin := chromium(t)
	r := builtin(t)
	for _, ex := range []string{"senior-gitaly", "new-graduate"} {
		t.Run(ex, func(t *testing.T) {
			file := "examples/" + ex + ".yaml"
			var b bytes.Buffer
			if err := RenderHTML(&b, NewPage(r, plan(t, r, "../"+file, assess.PlanOptions{}), PageOptions{File: file})); err != nil {
				t.Fatal(err)
			}
			page := filepath.Join(t.TempDir(), "report.html")
			if err := os.WriteFile(page, b.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
			const width, height = 1200, 1600
			img := screenshot(t, bin, page, width, height)
			if got := img.Bounds().Size(); got.X != width || got.Y != height {
				t.Fatalf("screenshot is %v, want %dx%d", got, width, height)
			}
			var total, white, dark, chart, green, header int
			chartColour := rgb{79, 70, 229}  // --chart, the radar's stroke and dots
			greenColour := rgb{21, 128, 61}  // --meets
			headerColour := rgb{55, 50, 170} // somewhere in the header's gradient
			for y := 0; y < height; y++ {
				for x := 0; x < width; x++ {
					cr, cg, cb, _ := img.At(x, y).RGBA()
					total++
					switch {
					case cr>>8 > 240 && cg>>8 > 240 && cb>>8 > 240:
						white++
					case cr>>8 < 30 && cg>>8 < 30 && cb>>8 < 30:
						dark++
					}
					// Below the header, whose gradient ends in the chart's
					// colour.
					if y > 300 && near(chartColour, cr, cg, cb, 30) {
						chart++
					}
					if near(greenColour, cr, cg, cb, 30) {
						green++
					}
					if y < 200 && near(headerColour, cr, cg, cb, 40) {
						header++
					}
				}
			}
			nonWhite := float64(total-white) / float64(total)
			t.Logf("non-white %.0f%%, near-black %d, chart %d, green %d, header %d pixels", 100*nonWhite, dark, chart, green, header)
			if nonWhite < 0.10 {
				t.Errorf("only %.0f%% of the page is not white: an empty render?", 100*nonWhite)
			}
			if float64(dark)/float64(total) > 0.5 {
				t.Errorf("more than half the page is black: a broken render?")
			}
			if header < 20000 {
				t.Errorf("the header band is missing (%d indigo pixels at the top)", header)
			}
			if chart < 800 {
				t.Errorf("the radar's colour barely appears (%d pixels): is the chart drawn?", chart)
			}
			if green < 300 {
				t.Errorf("the green of met verdicts barely appears (%d pixels)", green)
			}
		})
	}
}
