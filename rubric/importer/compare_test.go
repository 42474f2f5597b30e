package importer_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/data"
	"github.com/ladderhq/ladder/rubric"
	"github.com/ladderhq/ladder/rubric/importer"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// translate carries an assessment of the hand-written rubric over to the
// imported one: each imported criterion takes the ratings of the
// hand-written criteria citing the same source, their lower median.
func translate(hand, imp *rubric.Rubric, a *assess.Assessment) (*assess.Assessment, int) {
	bySource := map[string][]string{}
	for _, c := range hand.Criteria {
		for _, s := range c.Sources {
			bySource[s] = append(bySource[s], c.ID)
		}
	}
	out := assess.New(imp, a.Person, a.Updated)
	out.Specialties = nil
	mapped := 0
	for _, c := range imp.Criteria {
		var vals []int
		seen := map[string]bool{}
		for _, s := range c.Sources {
			for _, id := range bySource[s] {
				rt, ok := a.Ratings[id]
				if !ok || seen[id] {
					continue
				}
				seen[id] = true
				v := rt.Value
				if rt.YesNo {
					v = rt.Value * imp.MaxRating()
				}
				vals = append(vals, v)
			}
		}
		if len(vals) == 0 {
			continue
		}
		sort.Ints(vals)
		v := vals[(len(vals)-1)/2]
		mapped++
		if c.Answer == rubric.YesNo {
			yes := 0
			if v >= 3 {
				yes = 1
			}
			out.Ratings[c.ID] = assess.Rating{Value: yes, YesNo: true}
		} else {
			out.Ratings[c.ID] = assess.Rating{Value: v}
		}
	}
	// The same specialties, by title.
	for _, s := range a.Specialties {
		title := hand.Specialty(s).Title
		for _, is := range imp.Specialties {
			if is.Title == title {
				out.Specialties = append(out.Specialties, is.ID)
			}
		}
	}
	return out, mapped
}

func verdicts(res *assess.Result) string {
	var parts []string
	for _, l := range res.Levels {
		parts = append(parts, fmt.Sprintf("%s %s %.2f", l.ID, l.Verdict, l.Score))
	}
	for _, s := range res.Specialties {
		parts = append(parts, fmt.Sprintf("%s %s %.2f", s.ID, s.Verdict, s.Score))
	}
	fit := res.FitLevel
	if fit == "" {
		fit = "none"
	}
	return "fit " + fit + " (" + pending(res) + " if the rest were answered as expected); " + strings.Join(parts, ", ")
}

// pending is the fit level once every unanswered criterion is answered at
// its expected rating: the highest level up to which each level meets or
// is incomplete. Criteria the hand-written rubric leaves out have no
// rating to carry over; this tells their absence from a real shortfall.
func pending(res *assess.Result) string {
	fit := "none"
	for _, l := range res.Levels {
		if l.Verdict != assess.Meets && l.Verdict != assess.Incomplete {
			break
		}
		fit = l.ID
	}
	return fit
}

// The imported seed page scored against the examples, beside the
// hand-written rubric: a record of where the two agree and differ,
// reviewed by eye when it changes.
func TestCompareWithHandWritten(t *testing.T) {
	hand, err := data.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../../data/gitlab-backend-engineer.source.md")
	if err != nil {
		t.Fatal(err)
	}
	res, err := importer.Import("gitlab-backend-engineer.source.md", src, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out, _ := importer.Encode(res.Rubric, "yaml")
	imp, err := rubric.Parse("imported.yaml", out)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../examples/*.yaml")
	team, _ := filepath.Glob("../../examples/team/*/*.yaml")
	files = append(files, team...)
	var b strings.Builder
	same, samePending := 0, 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, _, err := assess.Parse(f, raw, hand, assess.Options{})
		if err != nil {
			t.Fatal(err)
		}
		ta, mapped := translate(hand, imp, a)
		h, i := assess.Score(hand, a), assess.Score(imp, ta)
		if h.FitLevel == i.FitLevel {
			same++
		}
		if pending(h) == pending(i) {
			samePending++
		}
		name := strings.TrimPrefix(filepath.ToSlash(f), "../../")
		fmt.Fprintf(&b, "%s (%d of %d imported criteria rated)\n  hand:     %s\n  imported: %s\n", name, mapped, len(imp.Criteria), verdicts(h), verdicts(i))
	}
	fmt.Fprintf(&b, "same fit level: %d of %d; the same once unanswered criteria are answered as expected: %d of %d\n", same, len(files), samePending, len(files))
	golden := "testdata/compare-hand-written.txt"
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("%s changed (-want +got); run with -update and review:\n%s", golden, diff)
	}
}
