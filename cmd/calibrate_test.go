package cmd_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder/cmd"
	"github.com/ladderhq/ladder/data"
	"github.com/ladderhq/ladder/internal/synth"
)

// TestCalibratePlantedOrganisation: on a synthetic organisation with one
// lenient manager, one self-overrater and one person ready for promotion,
// ladder calibrate -o json finds exactly those.
func TestCalibratePlantedOrganisation(t *testing.T) {
	r, err := data.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	_, truth, err := synth.Write(dir, r, synth.Planted(48, 11))
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	env := &cmd.Env{
		IO:     cmd.IO{In: strings.NewReader(""), Out: &out, Err: &errOut},
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) },
	}
	if code := cmd.Run(env, []string{"calibrate", "-o", "json", dir}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if errOut.Len() > 0 {
		t.Errorf("stderr: %s", errOut.String())
	}
	var got struct {
		People []struct {
			Person string
			Flags  []struct{ Flag string }
		}
		Raters []struct {
			Rater string
			Flag  *string
		}
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	flagged := map[string][]string{}
	for _, p := range got.People {
		for _, f := range p.Flags {
			flagged[p.Person] = append(flagged[p.Person], f.Flag)
		}
	}
	raters := map[string]string{}
	for _, rc := range got.Raters {
		if rc.Flag != nil {
			raters[rc.Rater] = *rc.Flag
		}
	}
	wantFlagged := map[string][]string{
		truth.SelfOverraters[0]: {"self-higher"},
		truth.PromotionReady[0]: {"promotion-ready"},
	}
	wantRaters := map[string]string{truth.LenientManagers[0]: "lenient"}
	if !reflect.DeepEqual(flagged, wantFlagged) {
		t.Errorf("people flagged %v, planted %v", flagged, wantFlagged)
	}
	if !reflect.DeepEqual(raters, wantRaters) {
		t.Errorf("raters flagged %v, planted %v", raters, wantRaters)
	}
	if len(got.People) != 48 {
		t.Errorf("%d people, want 48", len(got.People))
	}
}
