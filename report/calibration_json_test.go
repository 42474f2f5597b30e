package report

import (
	"bytes"
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/synth"
)

// TestCalibrationJSONStreams: the calibration written a person at a time is
// the data form written whole, byte for byte: for the example team, a
// sparse calibration, an empty one, an organisation with many
// disagreements, anonymized, and names that JSON or a terminal must
// escape.
func TestCalibrationJSONStreams(t *testing.T) {
	r := builtin(t)
	cfg := synth.RealSize(60, 2)
	cfg.Disagree = 0.3
	files, _ := synth.Generate(r, cfg)
	scorer := assess.NewScorer(r)
	var sheets []assess.Sheet
	for i, f := range files {
		a := f.Assessment
		if i%7 == 0 { // names to escape: HTML, quotes, C0 and C1 controls, a bidirectional override
			a.Person += " <&> \"q\" \x01 \u0085 \u202e"
			a.Rater += " \u2028 \\"
		}
		sheets = append(sheets, assess.NewSheet(f.Path, a, scorer))
	}
	org := assess.Calibrate(r, sheets)
	anonymized := assess.Calibrate(r, sheets)
	anonymized.Anonymize(7)
	for name, c := range map[string]*assess.Calibration{
		"team": exampleTeam(t, r), "sparse": sparse(), "empty": {},
		"organisation": org, "anonymized": anonymized,
	} {
		var whole, streamed bytes.Buffer
		if err := WriteJSON(&whole, CalibrationData(r, c)); err != nil {
			t.Fatal(err)
		}
		if err := WriteCalibrationJSON(&streamed, r, c); err != nil {
			t.Fatal(err)
		}
		if name == "organisation" && (!bytes.Contains(whole.Bytes(), []byte(`\u0085`)) || !bytes.Contains(whole.Bytes(), []byte(`"disagreements": [
        {`))) {
			t.Errorf("%s: no escapes or no disagreements to write: the test tests little", name)
		}
		if !bytes.Equal(whole.Bytes(), streamed.Bytes()) {
			a, b := whole.Bytes(), streamed.Bytes()
			n := 0
			for n < len(a) && n < len(b) && a[n] == b[n] {
				n++
			}
			t.Errorf("%s: streamed JSON differs at byte %d:\nwhole    %q\nstreamed %q", name, n, a[max(0, n-40):min(len(a), n+40)], b[max(0, n-40):min(len(b), n+40)])
		}
	}
}
