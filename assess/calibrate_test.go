package assess

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder/rubric"
)

func loadCalib(t testing.TB) *rubric.Rubric {
	t.Helper()
	b, err := os.ReadFile("testdata/calib.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := rubric.Parse("testdata/calib.yaml", b)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// sheetOf builds a sheet the way ReadSheets does, from "id=rating" pairs.
func sheetOf(t *testing.T, r *rubric.Rubric, file, person, rater string, role Role, current string, minute int, ratings string) Sheet {
	t.Helper()
	a := &Assessment{Person: person, Rater: rater, Role: role, CurrentLevel: current,
		Updated: time.Date(2026, 11, 2, 9, minute, 0, 0, time.UTC), Ratings: map[string]Rating{}}
	for _, pair := range strings.Fields(ratings) {
		id, v, _ := strings.Cut(pair, "=")
		switch v {
		case "yes":
			a.Ratings[id] = Rating{Value: 1, YesNo: true}
		case "no":
			a.Ratings[id] = Rating{Value: 0, YesNo: true}
		default:
			a.Ratings[id] = Rating{Value: int(v[0] - '0')}
		}
	}
	return NewSheet(file, a, NewScorer(r))
}

// smallTeam is the team every statistic below is computed from by hand.
//
//	person (current)  rater      role     code review values lead mentor
//	Ada (junior)      Ada        self       3     3    yes     3    3
//	                  Max        manager    4     4    yes     4    3
//	                  Ben        peer       3     3    yes     2    3
//	Ben (senior)      Ben        self       4     4    yes     3    3
//	                  Max        manager    3     3    yes     3    2
//	                  Ada        peer       2     3    no      2    2   (says current: junior)
//	Cy (senior)       Cy         self       2     2    yes     1    1
//	                  Max        manager    3     3    yes     2    2
//	                  Ben        peer       3     2    yes     2    2
//	Dee (none)        Max        manager    3     2    yes     1    1   (an older one: all 0, left out)
//	                  Cy         peer       2     1    yes     0    1
//	Eve (none)        Eve        self       1     2    yes     1    0
func smallTeam(t *testing.T, r *rubric.Rubric) []Sheet {
	return []Sheet{
		sheetOf(t, r, "ada-self.yaml", "Ada", "Ada", Self, "junior", 1, "code=3 review=3 values=yes lead=3 mentor=3"),
		sheetOf(t, r, "ada-max.yaml", "Ada", "Max", Manager, "junior", 2, "code=4 review=4 values=yes lead=4 mentor=3"),
		sheetOf(t, r, "ada-ben.yaml", "ada", "Ben", Peer, "junior", 3, "code=3 review=3 values=yes lead=2 mentor=3"),
		sheetOf(t, r, "ben-self.yaml", "Ben", "Ben", Self, "senior", 4, "code=4 review=4 values=yes lead=3 mentor=3"),
		sheetOf(t, r, "ben-max.yaml", "Ben", "max", Manager, "senior", 5, "code=3 review=3 values=yes lead=3 mentor=2"),
		sheetOf(t, r, "ben-ada.yaml", "Ben", "Ada", Peer, "junior", 6, "code=2 review=3 values=no lead=2 mentor=2"),
		sheetOf(t, r, "cy-self.yaml", "Cy", "Cy", Self, "senior", 7, "code=2 review=2 values=yes lead=1 mentor=1"),
		sheetOf(t, r, "cy-max.yaml", "Cy", "Max", Manager, "senior", 8, "code=3 review=3 values=yes lead=2 mentor=2"),
		sheetOf(t, r, "cy-ben.yaml", "Cy", "Ben", Peer, "senior", 9, "code=3 review=2 values=yes lead=2 mentor=2"),
		sheetOf(t, r, "dee-max.yaml", "Dee", "Max", Manager, "", 20, "code=3 review=2 values=yes lead=1 mentor=1"),
		sheetOf(t, r, "dee-cy.yaml", "Dee", "Cy", Peer, "", 11, "code=2 review=1 values=yes lead=0 mentor=1"),
		sheetOf(t, r, "dee-max-old.yaml", "Dee", "Max", Manager, "", 10, "code=0 review=0 values=no lead=0 mentor=0"),
		sheetOf(t, r, "eve-self.yaml", "Eve", "Eve", Self, "", 12, "code=1 review=2 values=yes lead=1 mentor=0"),
	}
}

func approx(t *testing.T, what string, got *float64, want float64) {
	t.Helper()
	if got == nil {
		t.Errorf("%s = nil, want %v", what, want)
		return
	}
	if math.Abs(*got-want) > 1e-9 {
		t.Errorf("%s = %v, want %v", what, *got, want)
	}
}

func TestCalibratePeople(t *testing.T) {
	r := loadCalib(t)
	c := Calibrate(r, smallTeam(t, r))
	if c.Sheets != 12 {
		t.Errorf("sheets = %d, want 12 (one of Max's two of Dee left out)", c.Sheets)
	}
	type want struct {
		current, fit string
		raters       []RaterFit
		flags        []Flag
		selfDiff     *float64
		disagree     []string
	}
	f := func(v float64) *float64 { return &v }
	fits := func(pairs ...string) []RaterFit {
		var out []RaterFit
		for _, p := range pairs {
			parts := strings.Split(p, ":")
			out = append(out, RaterFit{Rater: parts[0], Role: Role(parts[1]), FitLevel: parts[2], File: parts[3]})
		}
		return out
	}
	wants := map[string]want{
		// Consensus (lower medians): code 3, review 3, values yes, lead
		// 3 (of 2,3,4), mentor 3: meets senior, above junior.
		// Self minus others: code 3-3.5, review 3-3.5, lead 3-3, mentor
		// 3-3: -1/4. Lead is 4 (Max) against 2 (Ben).
		"Ada": {"junior", "senior",
			fits("Ada:self:senior:ada-self.yaml", "Max:manager:senior:ada-max.yaml", "Ben:peer:senior:ada-ben.yaml"),
			[]Flag{PromotionReady, RaterDisagreement}, f(-0.25), []string{"lead"}},
		// Consensus: code 3, review 3, values yes (2 of 3), lead 3,
		// mentor 2: senior rung (3x1 + 3x2/3)/6 = 0.83, meets senior.
		// Self minus others: 1.5, 1, 0.5, 1: mean 1. Code 4 against 2;
		// values yes against no. Ada's peer assessment sees no fit: no
		// for a required yes/no.
		"Ben": {"senior", "senior",
			fits("Ben:self:senior:ben-self.yaml", "Max:manager:senior:ben-max.yaml", "Ada:peer::ben-ada.yaml"),
			[]Flag{SelfHigher, RaterDisagreement}, f(1), []string{"code", "values"}},
		// Consensus: code 3, review 2, values yes, lead 2, mentor 2:
		// the senior rung scores 2/3, so junior, below senior. Self minus
		// others: -1, -0.5, -1, -1: mean -0.875. Never two apart.
		"Cy": {"senior", "junior",
			fits("Cy:self:junior:cy-self.yaml", "Max:manager:junior:cy-max.yaml", "Ben:peer:junior:cy-ben.yaml"),
			[]Flag{BelowLevel, SelfLower}, f(-0.875), nil},
		// Consensus of two: code 2, review 1 (lower of 1, 2), values yes,
		// lead 0, mentor 1: junior (3x1 + 3x0.5 + 3x1)/9 = 0.83. No
		// current level, no self: no flag.
		"Dee": {"", "junior",
			fits("Max:manager:junior:dee-max.yaml", "Cy:peer:junior:dee-cy.yaml"),
			[]Flag{}, nil, nil},
		// Alone: code 1 of the 2 junior expects, a required unit unmet.
		"Eve": {"", "", fits("Eve:self::eve-self.yaml"), []Flag{}, nil, nil},
	}
	var names []string
	for _, p := range c.People {
		names = append(names, p.Person)
		w, ok := wants[p.Person]
		if !ok {
			t.Errorf("unexpected person %q", p.Person)
			continue
		}
		if p.CurrentLevel != w.current || p.ConsensusFit != w.fit {
			t.Errorf("%s: current %q, consensus %q; want %q, %q", p.Person, p.CurrentLevel, p.ConsensusFit, w.current, w.fit)
		}
		// Ratings are the sheets' own; Own marks the person's own sheet.
		got := make([]RaterFit, len(p.Raters))
		for i, rf := range p.Raters {
			if len(rf.Ratings) != len(r.Criteria) {
				t.Errorf("%s: %s's ratings hold %d criteria, want %d", p.Person, rf.Rater, len(rf.Ratings), len(r.Criteria))
			}
			rf.Ratings = nil
			got[i] = rf
		}
		for i := range w.raters {
			w.raters[i].Own = w.raters[i].Rater == p.Person
		}
		if !reflect.DeepEqual(got, w.raters) {
			t.Errorf("%s: raters %+v\nwant %+v", p.Person, got, w.raters)
		}
		if !reflect.DeepEqual(p.Flags, w.flags) {
			t.Errorf("%s: flags %v, want %v", p.Person, p.Flags, w.flags)
		}
		if w.selfDiff == nil {
			if p.SelfDiff != nil {
				t.Errorf("%s: self diff %v, want none", p.Person, *p.SelfDiff)
			}
		} else {
			approx(t, p.Person+" self diff", p.SelfDiff, *w.selfDiff)
			if p.SelfShared != 4 {
				t.Errorf("%s: self compared on %d criteria, want 4", p.Person, p.SelfShared)
			}
		}
		var dis []string
		for _, d := range p.Disagreements {
			dis = append(dis, d.Criterion(r).ID)
		}
		if !reflect.DeepEqual(dis, w.disagree) {
			t.Errorf("%s: disagreements %v, want %v", p.Person, dis, w.disagree)
		}
	}
	if !reflect.DeepEqual(names, []string{"Ada", "Ben", "Cy", "Dee", "Eve"}) {
		t.Errorf("people %v, want Ada..Eve in order, 'ada' counted as Ada", names)
	}
	ben := c.People[1]
	d := ben.Disagreements[1]
	if got := d.Criterion(r); got.ID != "values" || got.Answer != rubric.YesNo {
		t.Errorf("Ben's second disagreement is on %s (%s), want values (yes/no)", got.ID, got.Answer)
	}
	if got, want := ben.Ratings(d), []RaterRating{{"Ben", 1}, {"Max", 1}, {"Ada", 0}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Ben's values disagreement = %+v, want %+v", got, want)
	}
	wantSenior := LevelScore{Level: "senior", Score: 5.0 / 6, Meets: true}
	if got := ben.ConsensusLevels[1]; got.Level != wantSenior.Level || math.Abs(got.Score-wantSenior.Score) > 1e-9 || !got.Meets {
		t.Errorf("Ben's consensus at senior = %+v, want %+v", got, wantSenior)
	}
}

func TestCalibrateRaters(t *testing.T) {
	r := loadCalib(t)
	c := Calibrate(r, smallTeam(t, r))
	// Offsets: each scale rating minus the mean of the other raters' of the
	// same person and criterion.
	//   Max: Ada 1 + 1 + 1.5 + 0; Ben 0 - 0.5 + 0.5 - 0.5; Cy 0.5 + 1 + 0.5
	//        + 0.5; Dee 1 + 1 + 1 + 0: 8.5 / 16 = 0.53125, lenient.
	//   Ada: self -0.5 - 0.5 + 0 + 0; on Ben -1.5 - 0.5 - 1 - 0.5: -4.5 / 8.
	//   Ben: self 1.5 + 1 + 0.5 + 1; on Ada -0.5 - 0.5 - 1.5 + 0; on Cy
	//        0.5 - 0.5 + 0.5 + 0.5: 2.5 / 12.
	//   Cy:  self -1 - 0.5 - 1 - 1; on Dee -1 - 1 - 1 + 0: -6.5 / 8.
	//   Eve: rated alone, no offset.
	// The offsets of one criterion sum to zero: 8.5 - 4.5 + 2.5 - 6.5 = 0.
	type want struct {
		assessments, ratings int
		mean                 float64
		offset               *float64
		flag                 RaterFlag
	}
	f := func(v float64) *float64 { return &v }
	wants := []struct {
		name string
		want
	}{
		{"Ada", want{2, 8, 21.0 / 8, f(-4.5 / 8), Severe}},
		{"Ben", want{3, 12, 34.0 / 12, f(2.5 / 12), ""}},
		{"Cy", want{2, 8, 10.0 / 8, f(-6.5 / 8), Severe}},
		{"Eve", want{1, 4, 1, nil, ""}},
		{"Max", want{4, 16, 43.0 / 16, f(8.5 / 16), Lenient}},
	}
	if len(c.Raters) != len(wants) {
		t.Fatalf("%d raters, want %d: %+v", len(c.Raters), len(wants), c.Raters)
	}
	for i, w := range wants {
		got := c.Raters[i]
		if got.Rater != w.name || got.Assessments != w.assessments || got.Ratings != w.ratings || got.Flag != w.flag {
			t.Errorf("rater %d = %+v, want %s with %+v", i, got, w.name, w.want)
		}
		approx(t, w.name+" mean", got.MeanRating, w.mean)
		if w.offset == nil {
			if got.Offset != nil {
				t.Errorf("%s offset = %v, want none", w.name, *got.Offset)
			}
			continue
		}
		approx(t, w.name+" offset", got.Offset, *w.offset)
	}
}

func TestCalibrateAgreementAndLevels(t *testing.T) {
	r := loadCalib(t)
	c := Calibrate(r, smallTeam(t, r))
	// Pairs of raters of one person on one scale criterion:
	//   Ada 4 criteria x 3 pairs, 5 exact, 11 within one
	//   Ben 12 pairs, 3 exact, 11 within one
	//   Cy  12 pairs, 4 exact, 12 within one
	//   Dee 4 pairs (two raters), 1 exact, 4 within one
	// Kappa: see TestQuadraticKappaTeam for this team's matrix.
	a := c.Agreement
	if a.Pairs != 40 || a.Exact != 13 || a.WithinOne != 38 {
		t.Errorf("agreement = %+v, want 40 pairs, 13 exact, 38 within one", a)
	}
	approx(t, "exact share", a.ExactShare(), 13.0/40)
	approx(t, "within-one share", a.WithinOneShare(), 38.0/40)
	approx(t, "kappa", a.Kappa, 153.0/329)

	want := []LevelCount{
		{Level: "junior", Current: 1, Consensus: 2, Up: 1},
		{Level: "senior", Current: 2, Consensus: 2, Down: 1},
		{Level: "", Current: 2, Consensus: 1},
	}
	if !reflect.DeepEqual(c.Levels, want) {
		t.Errorf("levels = %+v, want %+v", c.Levels, want)
	}

	// The same pairs, split by roles and by criterion, add up to the whole.
	var byRoles, byCriterion, exact, withinOne, split, disagreements int
	for _, ra := range c.ByRoles {
		byRoles += ra.Pairs
		if roleRank(ra.A) > roleRank(ra.B) {
			t.Errorf("roles %s, %s out of order", ra.A, ra.B)
		}
	}
	for _, ca := range c.Criteria {
		byCriterion += ca.Pairs
		exact += ca.Exact
		withinOne += ca.WithinOne
		split += ca.Split
	}
	for _, p := range c.People {
		disagreements += len(p.Disagreements)
	}
	if byRoles != a.Pairs || byCriterion != a.Pairs || exact != a.Exact || withinOne != a.WithinOne {
		t.Errorf("pairs by roles %d, by criterion %d (%d exact, %d within one), want %+v", byRoles, byCriterion, exact, withinOne, a)
	}
	if split != disagreements {
		t.Errorf("criteria split %d times, people have %d disagreements", split, disagreements)
	}
}

func TestCalibrateNotices(t *testing.T) {
	r := loadCalib(t)
	c := Calibrate(r, smallTeam(t, r))
	want := []Warning{
		{File: "dee-max-old.yaml", Msg: "left out: dee-max.yaml is a later assessment of Dee by Max"},
		{File: "ben-max.yaml", Msg: "current level senior of Ben used (the manager's); other assessments say junior"},
	}
	if !reflect.DeepEqual(c.Notices, want) {
		t.Errorf("notices = %+v\nwant %+v", c.Notices, want)
	}
}

// tableKappa is quadratic-weighted Cohen's kappa by its definition, from a
// k x k table of counts (rater A's category by rater B's):
//
//	kappa = 1 - sum w[i][j] O[i][j] / sum w[i][j] E[i][j],  w[i][j] = (i-j)^2/(k-1)^2
//
// with O the observed proportions and E the product of the row and column
// marginals. Calibrate computes the same from three sums; these tests hold
// the two together.
func tableKappa(t *testing.T, counts []float64, k int) float64 {
	t.Helper()
	total := 0.0
	for _, v := range counts {
		total += v
	}
	rows, cols := make([]float64, k), make([]float64, k)
	for i := range k {
		for j := range k {
			rows[i] += counts[i*k+j] / total
			cols[j] += counts[i*k+j] / total
		}
	}
	var observed, expected float64
	for i := range k {
		for j := range k {
			w := float64((i-j)*(i-j)) / float64((k-1)*(k-1))
			observed += w * counts[i*k+j] / total
			expected += w * rows[i] * cols[j]
		}
	}
	return 1 - observed/expected
}

// pairsKappa is the kappa Calibrate computes for these pairs (each counted
// in both orders).
func pairsKappa(pairs [][2]int) *float64 {
	var a agreementAcc
	for _, p := range pairs {
		a.add(p[0], p[1])
	}
	return a.finish().Kappa
}

// pairsOf lists the pairs a table counts.
func pairsOf(counts []float64, k int) [][2]int {
	var out [][2]int
	for i := range k {
		for j := range k {
			for range int(counts[i*k+j]) {
				out = append(out, [2]int{i, j})
			}
		}
	}
	return out
}

// symmetric counts each pair of a table in both orders.
func symmetric(counts []float64, k int) []float64 {
	out := make([]float64, len(counts))
	for i := range k {
		for j := range k {
			out[i*k+j] += counts[i*k+j]
			out[j*k+i] += counts[i*k+j]
		}
	}
	return out
}

// TestKappaTeam checks kappa for the small team's pairs by hand. Each pair
// counts in both orders, so the table is symmetric; from the pairs listed
// in TestCalibrateAgreementAndLevels (unordered counts): {3,3} 8, {2,2} 4,
// {1,1} 1, {3,4} 8, {2,3} 11, {1,2} 5, {0,1} 1, {2,4} 2.
//
//	      0   1   2   3   4    row
//	0     0   1   0   0   0      1
//	1     1   2   5   0   0      8
//	2     0   5   8  11   2     26
//	3     0   0  11  16   8     35
//	4     0   0   2   8   0     10     N = 80
//
// Weights (i-j)^2/16; the 16 cancels out of the ratio, so
//
//	observed = sum (i-j)^2 C[i][j] / N   = (50 x 1 + 4 x 4) / 80 = 66/80
//	expected = sum (i-j)^2 r_i r_j / N^2 = 9870 / 6400
//
// where sum over i<j of (i-j)^2 r_i r_j = 8 + 104 + 315 + 160 + 208 + 1120
// + 720 + 910 + 1040 + 350 = 4935, doubled for both orders. So
// kappa = 1 - (66 x 80) / 9870 = 1 - 5280/9870 = 153/329 = 0.4650...
//
// Check by the variance form (X and Y share one marginal): the chance
// expectation of (X-Y)^2 is 2 Var(X) = 2 (587/80 - (205/80)^2) = 1.5421875,
// and 1 - 0.825/1.5421875 = 0.4650 again.
func TestKappaTeam(t *testing.T) {
	m := []float64{
		0, 1, 0, 0, 0,
		1, 2, 5, 0, 0,
		0, 5, 8, 11, 2,
		0, 0, 11, 16, 8,
		0, 0, 2, 8, 0,
	}
	if got := tableKappa(t, m, 5); math.Abs(got-153.0/329) > 1e-12 {
		t.Errorf("by the table: kappa = %v, want 153/329", got)
	}
	// The table counts each pair twice; its upper half and diagonal are
	// the pairs themselves.
	var pairs [][2]int
	for i := range 5 {
		for j := i; j < 5; j++ {
			n := int(m[i*5+j])
			if i == j {
				n /= 2
			}
			for range n {
				pairs = append(pairs, [2]int{i, j})
			}
		}
	}
	if len(pairs) != 40 {
		t.Fatalf("%d pairs, want 40", len(pairs))
	}
	approx(t, "from the pairs", pairsKappa(pairs), 153.0/329)
}

// TestKappaWorked is a two-rater, three-category example, worked by hand
// (rater A's category by rater B's, 100 items, rows and columns with
// different marginals):
//
//	      0   1   2   row
//	0    20   5   0    25
//	1    10  30  10    50
//	2     0   5  20    25
//	col  30  40  30
//
// Weights (i-j)^2/4: 0 on the diagonal, 1/4 one apart, 1 two apart.
//
//	observed = (5 + 10 + 10 + 5)/4 / 100 + (0 + 0) / 100 = 7.5/100 = 0.075
//	expected = sum w r_i c_j / 100^2:
//	  one apart: (25x40 + 50x30 + 50x30 + 25x40)/4 = 5000/4 = 1250
//	  two apart: 25x30 + 25x30 = 1500
//	  (1250 + 1500) / 10000 = 0.275
//	kappa = 1 - 0.075/0.275 = 1 - 3/11 = 8/11 = 0.7272...
//
// Calibration counts each pair in both orders: the table plus its
// transpose, [[40 15 0] [15 60 15] [0 15 40]], 200 ratings of which 55 are
// 0, 90 are 1 and 55 are 2. By the variance form: the mean is 1, the
// variance (55 + 55)/200 = 0.55, so chance gives a mean (x-y)^2 of
// 2 x 0.55 = 1.1 against an observed (30 x 1)/100 = 0.3, and kappa =
// 1 - 0.3/1.1 = 8/11 again. (Both orders keep quadratic kappa whenever the
// two raters' means are equal, as here: A's is 1, and so is B's.)
func TestKappaWorked(t *testing.T) {
	m := []float64{20, 5, 0, 10, 30, 10, 0, 5, 20}
	if got := tableKappa(t, m, 3); math.Abs(got-8.0/11) > 1e-12 {
		t.Errorf("by the table: kappa = %v, want 8/11", got)
	}
	if got := tableKappa(t, symmetric(m, 3), 3); math.Abs(got-8.0/11) > 1e-12 {
		t.Errorf("both orders, by the table: kappa = %v, want 8/11", got)
	}
	approx(t, "from the pairs", pairsKappa(pairsOf(m, 3)), 8.0/11)
}

// TestKappaLimits: perfect agreement is 1; a table that is its marginals'
// product is 0; one category alone, or no pairs, has no kappa.
func TestKappaLimits(t *testing.T) {
	approx(t, "perfect", pairsKappa([][2]int{{0, 0}, {1, 1}, {2, 2}, {4, 4}}), 1)
	// Ratings 0 and 1 each half the time, paired independently: every
	// combination once.
	approx(t, "chance", pairsKappa([][2]int{{0, 0}, {0, 1}, {1, 0}, {1, 1}}), 0)
	if k := pairsKappa([][2]int{{3, 3}, {3, 3}}); k != nil {
		t.Errorf("one category: kappa = %v, want none", *k)
	}
	if k := pairsKappa(nil); k != nil {
		t.Errorf("no pairs: kappa = %v, want none", *k)
	}
}

// TestKappaMomentsMatchTable: on random pairs over a 5-point scale, the
// three sums give the kappa of the symmetric table.
func TestKappaMomentsMatchTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		k := 2 + rng.IntN(6)
		counts := make([]float64, k*k)
		var pairs [][2]int
		for range 1 + rng.IntN(60) {
			x := rng.IntN(k)
			y := min(k-1, max(0, x+rng.IntN(3)-1))
			pairs = append(pairs, [2]int{x, y})
			counts[x*k+y]++
		}
		got := pairsKappa(pairs)
		sym := symmetric(counts, k)
		allSame := true
		for _, p := range pairs {
			allSame = allSame && p[0] == pairs[0][0] && p[1] == pairs[0][0]
		}
		if allSame {
			if got != nil {
				t.Errorf("round %d: one category, kappa %v", round, *got)
			}
			continue
		}
		approx(t, fmt.Sprintf("round %d", round), got, tableKappa(t, sym, k))
	}
}

func TestConsensusRating(t *testing.T) {
	for _, tc := range []struct {
		values []int
		yesno  bool
		want   int
	}{
		{[]int{4}, false, 4},
		{[]int{3, 1}, false, 1},       // lower of two
		{[]int{4, 1, 2, 3}, false, 2}, // lower median of 1 2 3 4
		{[]int{2, 4, 3}, false, 3},
		{[]int{1, 0}, true, 0},    // a tie is not more than half
		{[]int{1, 1, 0}, true, 1}, // two of three
		{[]int{1}, true, 1},
	} {
		if got := consensusRating(tc.values, tc.yesno); got.Value != tc.want || got.YesNo != tc.yesno {
			t.Errorf("consensus of %v (yes/no %v) = %+v, want %d", tc.values, tc.yesno, got, tc.want)
		}
	}
}

// TestCalibrateOrderFree: the statistics do not depend on the order of the
// files, kappa included.
func TestCalibrateOrderFree(t *testing.T) {
	r := loadCalib(t)
	sheets := smallTeam(t, r)
	want := Calibrate(r, sheets)
	reversed := make([]Sheet, len(sheets))
	for i, s := range sheets {
		reversed[len(sheets)-1-i] = s
	}
	got := Calibrate(r, reversed)
	// Names are spelled as the first file has them, so compare by value
	// what does not depend on spelling.
	if !reflect.DeepEqual(got.Agreement, want.Agreement) || !reflect.DeepEqual(got.Levels, want.Levels) {
		t.Errorf("agreement or levels depend on file order: %+v vs %+v", got.Agreement, want.Agreement)
	}
	for i := range want.People {
		if !reflect.DeepEqual(got.People[i].Flags, want.People[i].Flags) ||
			got.People[i].ConsensusFit != want.People[i].ConsensusFit {
			t.Errorf("%s depends on file order", want.People[i].Person)
		}
	}
	for i := range want.Raters {
		g, w := got.Raters[i], want.Raters[i]
		if (g.Offset == nil) != (w.Offset == nil) || (g.Offset != nil && math.Abs(*g.Offset-*w.Offset) > 1e-9) {
			t.Errorf("rater %s depends on file order", w.Rater)
		}
	}
}

func TestFitLevelMatchesScore(t *testing.T) {
	r := loadMini(t)
	s := NewScorer(r)
	for _, ratings := range []map[string]string{
		{},
		{"ruby": "2", "comms": "2", "ship-small": "2", "on-call": "yes"},
		{"ruby": "3", "comms": "3", "ship-small": "3", "on-call": "yes", "ship-big": "3", "mentor": "3"},
		{"go": "4", "comms": "4", "ship-huge": "4", "on-call": "yes", "mentor": "4"},
		{"go": "4", "comms": "4", "ship-huge": "4", "on-call": "no", "mentor": "4"},
	} {
		a := rated(r, ratings)
		if got, want := s.FitLevel(a), s.Score(a).FitLevel; got != want {
			t.Errorf("FitLevel(%v) = %q, Score says %q", ratings, got, want)
		}
	}
}

// TestCalibrateTieAndAuthority: of two assessments by one rater at the same
// time, the later file stands; without a manager's, the current level is
// the self-assessment's, then the latest peer's.
func TestCalibrateTieAndAuthority(t *testing.T) {
	r := loadCalib(t)
	c := Calibrate(r, []Sheet{
		sheetOf(t, r, "1.yaml", "Ann", "Pat", Peer, "junior", 5, "code=1"),
		sheetOf(t, r, "2.yaml", "Ann", "Pat", Peer, "senior", 5, "code=2"),
		sheetOf(t, r, "3.yaml", "Ann", "Ann", Self, "junior", 1, "code=2"),
		sheetOf(t, r, "4.yaml", "Bo", "Pat", Peer, "junior", 1, "code=2"),
		sheetOf(t, r, "5.yaml", "Bo", "Kim", Peer, "senior", 2, "code=2"),
	})
	if got := c.People[0].Raters[1].File; got != "2.yaml" {
		t.Errorf("Pat's assessment of Ann: %s stands, want 2.yaml", got)
	}
	if c.People[0].CurrentLevel != "junior" || c.People[1].CurrentLevel != "senior" {
		t.Errorf("current levels %q, %q; want junior (Ann's own), senior (the latest peer's)", c.People[0].CurrentLevel, c.People[1].CurrentLevel)
	}
	want := []string{
		"1.yaml: left out: 2.yaml is a later assessment of Ann by Pat",
		"3.yaml: current level junior of Ann used (Ann's own); other assessments say senior",
		"5.yaml: current level senior of Bo used (a peer's); other assessments say junior",
	}
	var got []string
	for _, n := range c.Notices {
		got = append(got, n.String())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("notices:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
