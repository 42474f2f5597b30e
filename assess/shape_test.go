package assess

import (
	"math"
	"math/rand/v2"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/ladderhq/ladder/internal/shapes"
	"github.com/ladderhq/ladder/rubric"
)

// scoringRubrics are rubrics of every structure the scorer knows, with
// levels that expect different ratings and levels that expect the same.
func scoringRubrics(t testing.TB) map[string]*rubric.Rubric {
	t.Helper()
	out := map[string]*rubric.Rubric{}
	for _, path := range []string{"testdata/mini.yaml", "testdata/mixed.yaml", "testdata/themed.yaml", "../examples/sre/rubric.yaml", "../data/gitlab-backend-engineer.yaml"} {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if out[path], err = rubric.Parse(path, b); err != nil {
			t.Fatal(err)
		}
	}
	for name, src := range map[string]string{
		"chain":  shapes.SupersedesChain(12),
		"levels": shapes.ManyLevels(12),
		"nested": shapes.NestedGroups(12),
	} {
		r, err := rubric.Parse(name, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		out[name] = r
	}
	return out
}

// randomAssessment answers a random share of r's criteria at random.
func randomAssessment(r *rubric.Rubric, rng *rand.Rand) *Assessment {
	a := &Assessment{Rubric: RubricRef{ID: r.ID, Version: r.Version}, Person: "P", Rater: "P", Role: Self, Ratings: map[string]Rating{}}
	share := rng.Float64()
	for _, c := range r.Criteria {
		if rng.Float64() > share {
			continue
		}
		if c.Answer == rubric.YesNo {
			a.Ratings[c.ID] = Rating{Value: rng.IntN(2), YesNo: true}
		} else {
			a.Ratings[c.ID] = Rating{Value: rng.IntN(r.MaxRating() + 1)}
		}
	}
	for _, s := range r.Specialties {
		if rng.IntN(2) == 0 {
			a.Specialties = append(a.Specialties, s.ID)
		}
	}
	return a
}

// Score carries each level on from the one below when it can; scored alone,
// every level, its fit level and its consensus scores come out the same.
func TestLevelsScoredTogetherOrAlone(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for name, r := range scoringRubrics(t) {
		s := NewScorer(r)
		for range 40 {
			a := randomAssessment(r, rng)
			res := s.Score(a)
			for i, l := range r.Levels {
				if alone := NewScorer(r).Level(a, l.ID); !reflect.DeepEqual(alone, res.Levels[i]) {
					t.Fatalf("%s, %s:\nalone    %+v\nin Score %+v", name, l.ID, alone, res.Levels[i])
				}
			}
			if fit := s.FitLevel(a); fit != res.FitLevel {
				t.Fatalf("%s: FitLevel %q, Score %q", name, fit, res.FitLevel)
			}
			s.use(a)
			for i, ls := range s.levelScores() {
				if lt := res.Levels[i]; ls.Score != lt.Score || ls.Meets != (lt.Verdict == Meets) {
					t.Fatalf("%s, %s: levelScores %+v, Score %v %s", name, ls.Level, ls, lt.Score, lt.Verdict)
				}
			}
			// From a sheet's ratings, without the assessment: the same.
			if sh := NewSheet("a.yaml", a, s); sh.FitLevel != res.FitLevel {
				t.Fatalf("%s: a sheet's fit level %q, Score %q", name, sh.FitLevel, res.FitLevel)
			}
			for _, st := range res.Specialties {
				if got := s.specialtyTarget(st.ID, false); got.Score != st.Score || got.Verdict != st.Verdict {
					t.Fatalf("%s, %s: a sheet scores %v %s, Score %v %s", name, st.ID, got.Score, got.Verdict, st.Score, st.Verdict)
				}
			}
		}
	}
}

// naiveCredit is SPEC's credit, the slow way: the criterion's own credit
// against the level, or better what any criterion superseding it earns.
func naiveCredit(r *rubric.Rubric, a *Assessment, levelID, id string) float64 {
	c := r.Criterion(id)
	v := 0.0
	if rt, ok := a.Ratings[id]; ok {
		if c.Answer == rubric.YesNo {
			v = float64(rt.Value)
		} else {
			v = math.Min(float64(rt.Value)/float64(r.Expect(c, levelID)), 1)
		}
	}
	for _, by := range r.SupersededBy(id) {
		v = math.Max(v, naiveCredit(r, a, levelID, by))
	}
	return v
}

// The credit found from each criterion's summary is exactly the credit the
// definition gives, at every level.
func TestCreditIsTheBestOfTheChain(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for name, r := range scoringRubrics(t) {
		for range 40 {
			a := randomAssessment(r, rng)
			res := Score(r, a)
			for _, l := range res.Levels {
				for _, u := range l.Units {
					for _, cs := range u.Criteria {
						if want := naiveCredit(r, a, l.ID, cs.ID); cs.Credit != want {
							t.Fatalf("%s, %s, %s: credit %v, want %v", name, l.ID, cs.ID, cs.Credit, want)
						}
					}
				}
			}
		}
	}
}

// Rubrics of extreme shapes score in time that grows with their size, not
// with its square or cube (3,000 levels took minutes). Deeply nested groups
// score in linear time too, measured by BenchmarkScoreShapes; the race
// detector slows their deep recursion too unevenly to time them here.
func TestExtremeRubricsScoreInLinearTime(t *testing.T) {
	for _, tc := range []struct {
		name  string
		shape func(n int) string
		n     int // measured at n and 4n
	}{
		{"supersedes chain", shapes.SupersedesChain, 1_000},
		{"levels", shapes.ManyLevels, 750},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rubrics, assessments := map[int]*rubric.Rubric{}, map[int]*Assessment{}
			for _, n := range []int{tc.n, 4 * tc.n} {
				r, err := rubric.Parse("shape.yaml", []byte(tc.shape(n)))
				if err != nil {
					t.Fatal(err)
				}
				rubrics[n] = r
				assessments[n] = &Assessment{Person: "P", Ratings: map[string]Rating{r.Criteria[0].ID: {Value: 3}}}
			}
			growth := make(chan float64, 1)
			go func() {
				growth <- shapes.Growth(func(n int) {
					a := assessments[n]
					if res := Score(rubrics[n], a); NewScorer(rubrics[n]).FitLevel(a) != res.FitLevel {
						panic("FitLevel and Score disagree")
					}
				}, tc.n)
			}()
			select {
			case g := <-growth:
				// Linear work measures 4 to 6 (up to 9 under the race
				// detector); the scoring this replaced, 20 and more.
				if g > 10 {
					t.Errorf("4 times the size took %.1f times as long", g)
				}
			case <-time.After(60 * time.Second): // measured at a second
				t.Fatal("not done after 60s")
			}
		})
	}
}
