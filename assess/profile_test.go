package assess

import (
	"os"
	"testing"

	"github.com/ladderhq/ladder/rubric"
)

func loadThemed(t testing.TB) *rubric.Rubric {
	t.Helper()
	b, err := os.ReadFile("testdata/themed.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := rubric.Parse("testdata/themed.yaml", b)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestThemeProfileByHand(t *testing.T) {
	r := loadThemed(t)
	a := rated(r, map[string]string{"go": "3", "ruby": "0", "comms": "2", "mentor": "1", "review": "3", "docs": "0",
		"pair-a": "3", "pair-b": "0", "db-sql": "2", "shared-ops": "3", "talks": "3"})
	s := NewScorer(r)
	senior := s.Level(a, "senior")
	// Senior expects 3. Units: lang (required, 3 x 1), comms (required,
	// 3 x 2/3), docs (desirable, no theme: left out), mentor (strong,
	// 3 x 1/3), review (desirable, 2 x 1), pair (strong, the mean of both
	// members, (1 + 0) / 2, counted in code and in people). talks is a
	// bonus: never counted.
	//   code:   (3 + 2 + 1.5) / (3 + 2 + 3) = 6.5 / 8
	//   people: (2 + 1 + 1.5) / (3 + 3 + 3) = 4.5 / 9
	// "unused" has no unit and is left out. comms, required, is not met:
	// people holds one required item unmet.
	checkProfile(t, ThemeProfile(r, senior), []ThemeScore{{"code", 6.5 / 8, 3, 0}, {"people", 4.5 / 9, 3, 1}})

	// With both specialties: db-sql (strong, 3 x 2/3) in code;
	// shared-ops (desirable, 2 x 1) in people, once although both
	// specialties hold it.
	db, web := s.Specialty(a, "db"), s.Specialty(a, "web")
	checkProfile(t, ThemeProfile(r, senior, db, web), []ThemeScore{{"code", 8.5 / 11, 4, 0}, {"people", 6.5 / 11, 4, 1}})
}

func checkProfile(t *testing.T, got, want []ThemeScore) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("profile = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].Theme != want[i].Theme || !near(got[i].Score, want[i].Score) || got[i].Units != want[i].Units || got[i].RequiredUnmet != want[i].RequiredUnmet {
			t.Errorf("theme %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestBonusItemsMatchTheCount(t *testing.T) {
	r := loadThemed(t)
	res := Score(r, rated(r, map[string]string{"talks": "2"}))
	// Bonus criteria are scored at the fit level's expectations, or the
	// first level's when none is met: junior expects 2, so 2 meets.
	if res.Bonus != (Count{Met: 1, Total: 1}) || len(res.BonusItems) != 1 || !res.BonusItems[0].Met || res.BonusItems[0].Expected != 2 {
		t.Errorf("bonus = %+v, items %+v; want talks met at 2", res.Bonus, res.BonusItems)
	}
}
