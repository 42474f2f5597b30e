package rubric

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/internal/shapes"
)

// randomRubric writes a valid rubric with levels, supersedes links to lower
// levels, groups, bonus criteria and specialties, its criteria in random
// order.
func randomRubric(rng *rand.Rand) string {
	levels := 1 + rng.IntN(6)
	var b strings.Builder
	b.WriteString("format: ladder/rubric/v1\nid: r\nversion: \"1\"\ntitle: R\nscale:\n  - {value: 0, label: a}\n  - {value: 1, label: b}\n  - {value: 2, label: c}\nlevels:\n")
	for i := range levels {
		fmt.Fprintf(&b, "  - {id: l%d, title: L%d, expect: %d}\n", i, i, 1+rng.IntN(2))
	}
	b.WriteString("specialties:\n  - {id: s, title: S}\ngroups:\n")
	type crit struct {
		id, line string
	}
	var crits []crit
	levelOf := map[string]int{}
	groups := 0
	for li := range levels {
		if rng.IntN(2) == 0 { // a group of two at this level
			fmt.Fprintf(&b, "  - {id: g%d, title: G, min: 1}\n", groups)
			for k := range 2 {
				id := fmt.Sprintf("g%dc%d", groups, k)
				crits = append(crits, crit{id, fmt.Sprintf("{id: %s, level: l%d, group: g%d, prompt: P}", id, li, groups)})
			}
			groups++
		}
		for k := range rng.IntN(4) {
			id := fmt.Sprintf("l%dc%d", li, k)
			line := fmt.Sprintf("{id: %s, level: l%d, prompt: P", id, li)
			if rng.IntN(4) == 0 {
				line += ", strength: bonus"
			}
			var lower []string
			for other, ol := range levelOf {
				if ol < li && !strings.HasPrefix(other, "g") && rng.IntN(3) == 0 {
					lower = append(lower, other)
				}
			}
			if len(lower) > 0 {
				line += ", supersedes: [" + strings.Join(lower, ", ") + "]"
			}
			crits = append(crits, crit{id, line + "}"})
			levelOf[id] = li
		}
	}
	crits = append(crits, crit{"sc", "{id: sc, specialty: s, prompt: P}"})
	if groups == 0 {
		b.WriteString("  []\n")
	}
	rng.Shuffle(len(crits), func(i, j int) { crits[i], crits[j] = crits[j], crits[i] })
	b.WriteString("criteria:\n")
	for _, c := range crits {
		b.WriteString("  - " + c.line + "\n")
	}
	return strings.Replace(b.String(), "groups:\n  []\n", "groups: []\n", 1)
}

// naiveLevelSets is the definition of a level's set, computed the slow way:
// the general criteria of the level and below, minus those superseded by
// another of them, in rubric order; bonus criteria apart; a group counted
// once, at its first criterion.
func naiveLevelSets(r *Rubric, li int) (ids []string, units []Unit, bonus []string) {
	in := map[string]bool{}
	for _, c := range r.Criteria {
		if c.General() && r.LevelIndex(c.Level) <= li {
			in[c.ID] = true
		}
	}
	for _, c := range r.Criteria {
		if !in[c.ID] {
			continue
		}
		superseded := false
		for _, other := range r.Criteria {
			for _, old := range other.Supersedes {
				superseded = superseded || (old == c.ID && in[other.ID])
			}
		}
		if superseded {
			continue
		}
		ids = append(ids, c.ID)
		switch {
		case c.Strength == Bonus:
			bonus = append(bonus, c.ID)
		case c.Group == "":
			units = append(units, Unit{Criterion: c.ID, Strength: c.Strength, Level: c.Level, Order: r.CriterionIndex(c.ID)})
		case r.GroupCriteria(c.Group)[0] == c.ID:
			units = append(units, Unit{Group: c.Group, Strength: r.GroupByID(c.Group).Strength, Level: c.Level, Order: r.CriterionIndex(c.ID)})
		}
	}
	return ids, units, bonus
}

func TestLevelSetsMatchTheirDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for n := range 300 {
		src := randomRubric(rng)
		r, err := Parse("r.yaml", []byte(src))
		if err != nil {
			t.Fatalf("case %d: %v\n%s", n, err, src)
		}
		for li, l := range r.Levels {
			ids, units, bonus := naiveLevelSets(r, li)
			if got := r.LevelCriteria(l.ID); !reflect.DeepEqual(got, ids) {
				t.Fatalf("case %d, %s: criteria %v, want %v\n%s", n, l.ID, got, ids, src)
			}
			if got := r.LevelUnits(l.ID); !reflect.DeepEqual(got, units) {
				t.Fatalf("case %d, %s: units %v, want %v\n%s", n, l.ID, got, units, src)
			}
			if got := r.LevelBonus(l.ID); !reflect.DeepEqual(got, bonus) {
				t.Fatalf("case %d, %s: bonus %v, want %v\n%s", n, l.ID, got, bonus, src)
			}
			if r.LevelExtendsBelow(l.ID) {
				below := r.Levels[li-1].ID
				for _, lists := range [][2][]string{
					{r.LevelCriteria(below), ids}, {r.LevelBonus(below), bonus},
				} {
					if len(lists[0]) > len(lists[1]) || !slices.Equal(lists[0], lists[1][:len(lists[0])]) {
						t.Fatalf("case %d, %s extends %s, but %v does not begin with %v\n%s", n, l.ID, below, lists[1], lists[0], src)
					}
				}
				prev := r.LevelUnits(below)
				if len(prev) > len(units) || !slices.Equal(prev, units[:len(prev)]) {
					t.Fatalf("case %d, %s extends %s, but its units do not begin with %v\n%s", n, l.ID, below, prev, src)
				}
				for _, u := range units[len(prev):] {
					if u.Level != l.ID {
						t.Fatalf("case %d, %s extends %s with a unit of %s\n%s", n, l.ID, below, u.Level, src)
					}
				}
			}
		}
	}
}

// Levels share their lists' storage; appending to one level's list must
// not change the next level's.
func TestLevelListsDoNotShareAppends(t *testing.T) {
	r, err := Parse("m.yaml", []byte(shapes.ManyLevels(3)))
	if err != nil {
		t.Fatal(err)
	}
	low := r.LevelCriteria("l0")
	_ = append(low, "intruder")
	if got := r.LevelCriteria("l1"); !reflect.DeepEqual(got, []string{"c0", "c1"}) {
		t.Errorf("l1 = %v", got)
	}
}

func TestNestedGroupCriteria(t *testing.T) {
	r, err := Parse("g.yaml", []byte(shapes.NestedGroups(4)))
	if err != nil {
		t.Fatal(err)
	}
	for g, want := range map[string][]string{"g0": {"c0", "c1", "c2", "c3"}, "g2": {"c2", "c3"}, "g3": {"c3"}, "nope": nil} {
		if got := r.GroupCriteria(g); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %v, want %v", g, got, want)
		}
	}
	if got := r.GroupOf("c3"); got != "g0" {
		t.Errorf("GroupOf(c3) = %q, want g0", got)
	}
}
