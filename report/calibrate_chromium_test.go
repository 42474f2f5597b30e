package report

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"
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
