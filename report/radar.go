package report

import (
	"fmt"
	"math"
	"strings"
)

// radarChart is the geometry of a radar chart, computed here so that the HTML
// template only places what it is given. Coordinates are in SVG user units.
type radarChart struct {
	Width, Height float64
	CX, CY, R     float64
	Rings         []radarRing // the grid: 25%, 50%, 75%, 100%
	Threshold     radarRing   // the meets threshold, dashed
	Axes          []radarAxis
	Points        string // the value polygon's points attribute
}

// radarRing is one grid polygon.
type radarRing struct {
	Share  float64
	Points string
	Label  string // "50%", drawn on the first axis
	LX, LY float64
}

// radarAxis is one spoke with its label and value.
type radarAxis struct {
	Title        string
	Value        float64 // 0..1
	Percent      string
	X2, Y2       float64     // the spoke's outer end
	PX, PY       float64     // the value point
	LX, LY       float64     // the label's anchor
	Anchor       string      // text-anchor: start, middle or end
	Lines        []radarLine // the label, in one or two lines
	PercentY     float64     // baseline of the percentage under the label
	PercentClass string
}

// radarLine is one line of an axis label.
type radarLine struct {
	Text string
	Y    float64
}

// radarValue is one axis to chart.
type radarValue struct {
	Title string
	Value float64 // 0..1; clamped
	Class string  // a class for the percentage (verdict colour)
	// RequiredUnmet counts the required items of the theme not met.
	RequiredUnmet int
}

// newRadar lays out a radar chart of values (at least three) with a dashed
// ring at threshold.
func newRadar(values []radarValue, threshold float64) *radarChart {
	const (
		width, height = 560.0, 408.0
		radius        = 150.0
		lineHeight    = 14.0
	)
	rd := &radarChart{Width: width, Height: height, CX: width / 2, CY: height / 2, R: radius}
	n := len(values)
	angle := func(i int) float64 { return -math.Pi/2 + 2*math.Pi*float64(i)/float64(n) }
	ring := func(share float64) string {
		pts := make([]string, n)
		for i := range n {
			a := angle(i)
			pts[i] = pt(rd.CX+radius*share*math.Cos(a), rd.CY+radius*share*math.Sin(a))
		}
		return strings.Join(pts, " ")
	}
	for _, s := range []float64{0.25, 0.5, 0.75, 1} {
		rg := radarRing{Share: s, Points: ring(s)}
		if s < 1 { // the outer ring needs no label, and the top axis's own label sits there
			rg.Label, rg.LX, rg.LY = percent(s), rd.CX+4, rd.CY-radius*s-3
		}
		rd.Rings = append(rd.Rings, rg)
	}
	rd.Threshold = radarRing{Share: threshold, Points: ring(threshold)}
	var pts []string
	for i, v := range values {
		val := math.Max(0, math.Min(1, v.Value))
		a := angle(i)
		cos, sin := math.Cos(a), math.Sin(a)
		ax := radarAxis{
			Title: v.Title, Value: val, Percent: percent(val), PercentClass: v.Class,
			X2: round1(rd.CX + radius*cos), Y2: round1(rd.CY + radius*sin),
			PX: round1(rd.CX + radius*val*cos), PY: round1(rd.CY + radius*val*sin),
		}
		words := wrapLabel(v.Title, 16)
		pts = append(pts, pt(ax.PX, ax.PY))
		// Labels sit beyond the spoke's end, anchored on the side away
		// from the centre so that they never cross the chart.
		lr := radius + 16
		ax.LX, ax.LY = round1(rd.CX+lr*cos), round1(rd.CY+lr*sin)
		switch {
		case cos > 0.3:
			ax.Anchor = "start"
		case cos < -0.3:
			ax.Anchor = "end"
		default:
			ax.Anchor = "middle"
		}
		// The label lines and, under them, the percentage form one block.
		lines := float64(len(words))
		var first float64 // the first line's baseline, from the anchor
		switch {
		case sin < -0.3: // above the centre: the block ends at the anchor
			first = -lines * lineHeight
		case sin > 0.3: // below: the block starts at the anchor
			first = lineHeight - 2
		default: // beside: centred on it
			first = -(lines+1)*lineHeight/2 + lineHeight*0.75
		}
		for j, w := range words {
			ax.Lines = append(ax.Lines, radarLine{Text: w, Y: round1(ax.LY + first + float64(j)*lineHeight)})
		}
		ax.PercentY = round1(ax.LY + first + lines*lineHeight + 1)
		rd.Axes = append(rd.Axes, ax)
	}
	rd.Points = strings.Join(pts, " ")
	return rd
}

func pt(x, y float64) string { return fmt.Sprintf("%.1f,%.1f", x, y) }

func round1(v float64) float64 { return math.Round(v*10) / 10 }

// wrapLabel breaks a label into lines of about width characters, at most
// two, at spaces.
func wrapLabel(s string, width int) []string {
	words := strings.Fields(s)
	var lines []string
	cur := ""
	for _, w := range words {
		switch {
		case cur == "":
			cur = w
		case len(cur)+1+len(w) <= width || len(lines) == 1:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}
