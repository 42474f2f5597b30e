package assess

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func names(c *Calibration, order []int) []string {
	var out []string
	for _, i := range order {
		out = append(out, c.People[i].Person)
	}
	return out
}

func TestStandingAndAgendaPeople(t *testing.T) {
	r := loadCalib(t)
	c := Calibrate(r, smallTeam(t, r))
	// Ada is promotion-ready, Cy below level; Ben has two disagreements
	// and a self-assessment one step above the others.
	if got, want := names(c, c.Standing(r)), []string{"Ada", "Cy", "Ben", "Dee", "Eve"}; !reflect.DeepEqual(got, want) {
		t.Errorf("standing %v, want %v", got, want)
	}
	if got, want := names(c, c.AgendaPeople()), []string{"Ada", "Cy", "Ben"}; !reflect.DeepEqual(got, want) {
		t.Errorf("agenda %v, want %v", got, want)
	}
}

func TestAgendaCriteria(t *testing.T) {
	r := loadCalib(t)
	c := Calibrate(r, smallTeam(t, r))
	var got []string
	for _, ca := range c.AgendaCriteria() {
		got = append(got, ca.Criterion)
	}
	// Split: lead (Ada), code (Ben), values (Ben, yes/no). The order is
	// checked against the rule: split first, then the pairs that differ.
	agenda := c.AgendaCriteria()
	for i := 1; i < len(agenda); i++ {
		a, b := agenda[i-1], agenda[i]
		if a.Bonus != b.Bonus {
			if a.Bonus {
				t.Errorf("nice-to-have %s before %s, which counts in a verdict", a.Criterion, b.Criterion)
			}
			continue
		}
		if a.Split < b.Split || (a.Split == b.Split && a.Pairs-a.Exact < b.Pairs-b.Exact) {
			t.Errorf("%s (split %d, %d differing) before %s (split %d, %d differing)",
				a.Criterion, a.Split, a.Pairs-a.Exact, b.Criterion, b.Split, b.Pairs-b.Exact)
		}
	}
	for _, id := range []string{"lead", "code", "values"} {
		found := false
		for _, g := range got {
			found = found || g == id
		}
		if !found {
			t.Errorf("%s, split on someone, is not on the agenda %v", id, got)
		}
	}
}

func TestCompareAreas(t *testing.T) {
	r := loadCalib(t)
	c := Calibrate(r, smallTeam(t, r))
	areas, of := Areas(r)
	for _, p := range c.People {
		if p.Person != "Ada" {
			continue
		}
		cmp := CompareAreas(r, areas, of, &p)
		total := 0
		for _, ac := range cmp {
			total += len(ac.Criteria)
			if len(ac.Means) != len(p.Raters) {
				t.Errorf("%s: %d means for %d raters", ac.Area.Title, len(ac.Means), len(p.Raters))
			}
			if ac.Disagreements > len(ac.Criteria) {
				t.Errorf("%s: %d disagreements among %d criteria", ac.Area.Title, ac.Disagreements, len(ac.Criteria))
			}
		}
		// Ada's five criteria, each in one area.
		if total != 5 {
			t.Errorf("areas hold %d criteria, want 5", total)
		}
	}
}

func TestAnonymize(t *testing.T) {
	r := loadCalib(t)
	c := Calibrate(r, smallTeam(t, r))
	c.Anonymize(42)
	label := regexp.MustCompile(`^(Self|Manager \d+|Peer \d+|Self \d+)$`)
	real := map[string]bool{"ada": true, "ben": true, "cy": true, "max": true, "eve": true, "dee": true}
	raterLabels := map[string]bool{}
	for _, rc := range c.Raters {
		if !label.MatchString(rc.Rater) || rc.Rater == Own {
			t.Errorf("rater labelled %q", rc.Rater)
		}
		raterLabels[rc.Rater] = true
	}
	// Max is the only manager; Ada, Ben and Cy are peers; Eve only rated
	// herself.
	for _, want := range []string{"Manager 1", "Peer 1", "Peer 2", "Peer 3", "Self 1"} {
		if !raterLabels[want] {
			t.Errorf("no rater labelled %s: %v", want, raterLabels)
		}
	}
	for _, p := range c.People {
		for k, rf := range p.Raters {
			if real[strings.ToLower(rf.Rater)] || rf.File != "" || !label.MatchString(rf.Rater) {
				t.Errorf("%s: rater %q, file %q", p.Person, rf.Rater, rf.File)
			}
			if (rf.Rater == Own) != rf.Own {
				t.Errorf("%s: own assessment labelled %q", p.Person, rf.Rater)
			}
			if rf.Rater != Own && !raterLabels[rf.Rater] {
				t.Errorf("%s: label %q is not in the list of raters", p.Person, rf.Rater)
			}
			if k > 0 && roleRank(p.Raters[k-1].Role) > roleRank(rf.Role) {
				t.Errorf("%s: raters out of role order", p.Person)
			}
		}
		for _, d := range p.Disagreements {
			for _, rr := range p.Ratings(d) {
				if !label.MatchString(rr.Rater) {
					t.Errorf("%s: disagreement names %q", p.Person, rr.Rater)
				}
			}
		}
	}
	// One rater, one label: Ben's peer rating of Ada and of Cy carry the
	// same label, since Ben is the peer of both.
	peerOf := func(c *Calibration, person string) string {
		for _, p := range c.People {
			if p.Person == person {
				for _, rf := range p.Raters {
					if rf.Role == Peer {
						return rf.Rater
					}
				}
			}
		}
		return ""
	}
	if a, cy := peerOf(c, "Ada"), peerOf(c, "Cy"); a != cy || a == "" {
		t.Errorf("Ben is labelled %q on Ada and %q on Cy", a, cy)
	}
	// The numbers come from the seed, not from the names: over a few seeds
	// the peers are numbered in more than one order.
	orders := map[string]bool{}
	for seed := uint64(0); seed < 8; seed++ {
		c := Calibrate(r, smallTeam(t, r))
		c.Anonymize(seed)
		orders[peerOf(c, "Ada")+"/"+peerOf(c, "Ben")+"/"+peerOf(c, "Dee")] = true
	}
	if len(orders) < 2 {
		t.Errorf("every seed numbers the peers alike: %v", orders)
	}
}
