// Package synth makes synthetic organisations for tests and benchmarks of
// calibration: teams of people, each assessed by themself, their manager and
// peers, with traits planted where the caller says.
//
// The model, per person and criterion, is a true rating that follows from
// the person's true level: the rating each level up to it expects, one step
// above "not yet" below that for the criteria of higher levels. A fair rater
// gives the true rating, or with probability Jitter one step above it. A
// biased rater (the lenient manager on everyone, the self-overrater on
// themself) gives exactly one step above the truth. Yes/no answers are
// always the truth. So no two ratings of one criterion are ever two or more
// apart, and the planted traits are the only systematic differences: a
// calibration of a planted organisation must find them and nothing else.
//
// Everything follows from Config.Seed: the same Config gives the same files.
package synth

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/store"
	"github.com/ladderhq/ladder/rubric"
)

// Config describes an organisation.
type Config struct {
	People   int     // people assessed
	TeamSize int     // people per manager (the people left over join the last team)
	Peers    int     // peer assessments of each person, by the next people of their team
	Jitter   float64 // chance that a fair rater rates a scale criterion one step high
	Seed     uint64

	// Full rates every criterion of the rubric, every specialty's too, as a
	// real assessment that answered them all: the criteria of the person's
	// other specialties low (one step above "not yet", no for yes/no), a
	// lower rung that a stricter one meets recorded as implied by it (as
	// ladder assess writes it), and a note on a share Notes of the ratings.
	Full  bool
	Notes float64
	// Disagree is the chance that a fair rater is far off on a criterion:
	// two steps from the truth on the scale, the other answer for yes/no,
	// enough for calibration to list a disagreement.
	Disagree float64
	// JSON writes .json files instead of .yaml.
	JSON bool

	// Planted traits; -1 for none.
	LenientManager int // the team whose manager rates everyone one step high
	SelfOverrater  int // the person who rates themself one step high
	PromotionReady int // the person whose true level is the one above their current level
}

// Planted is an organisation of people (at least 3 teams' worth, 24) with one
// lenient manager (team 0's), one self-overrater (the first person of team
// 1) and one person ready for promotion (the first of team 2). Each person
// has a self-assessment, their manager's and two peers': 4 files a person.
func Planted(people int, seed uint64) Config {
	return Config{
		People: people, TeamSize: 8, Peers: 2, Jitter: 0.15, Seed: seed,
		LenientManager: 0, SelfOverrater: 8, PromotionReady: 16,
	}
}

// RealSize is Planted with files the size and shape of real ones (Full):
// every criterion of the rubric rated, rungs implied, some notes, and
// raters now and then far apart (Disagree), as in a real team. The traits
// are planted all the same, but a far-off rating may flag someone with
// rater-disagreement or nudge a consensus.
func RealSize(people int, seed uint64) Config {
	cfg := Planted(people, seed)
	cfg.Full, cfg.Notes, cfg.Disagree = true, 0.05, 0.02
	return cfg
}

// Truth is what was planted, by name.
type Truth struct {
	LenientManagers []string
	SelfOverraters  []string
	PromotionReady  []string
	Levels          map[string]string // each person's true level
}

// File is one generated assessment and where Write puts it, relative to the
// folder.
type File struct {
	Path       string
	Assessment *assess.Assessment
}

// Generate makes the organisation's assessments against r. It panics on a
// config that cannot work (too few people for the traits, more peers than a
// team has), since configs are written by tests.
func Generate(r *rubric.Rubric, cfg Config) ([]File, Truth) {
	var files []File
	truth, _ := Each(r, cfg, func(f File) error {
		files = append(files, f)
		return nil
	})
	return files, truth
}

// Each generates the organisation's assessments against r, as Generate
// does, and hands them to fn one by one, in Generate's order, without
// keeping them: an organisation of any size takes the memory of its people.
// It stops at the first error of fn, which it returns with the truth.
func Each(r *rubric.Rubric, cfg Config, fn func(File) error) (Truth, error) {
	if cfg.TeamSize < cfg.Peers+1 || cfg.People < 1 || cfg.Peers < 0 {
		panic(fmt.Sprintf("synth: unworkable config %+v", cfg))
	}
	for _, i := range []int{cfg.SelfOverrater, cfg.PromotionReady} {
		if i >= cfg.People {
			panic(fmt.Sprintf("synth: person %d planted in an organisation of %d", i, cfg.People))
		}
	}
	if len(r.Levels) < 2 && cfg.PromotionReady >= 0 {
		panic("synth: a promotion needs two levels")
	}
	if cfg.SelfOverrater >= 0 && min(cfg.SelfOverrater/cfg.TeamSize, max(1, cfg.People/cfg.TeamSize)-1) == cfg.LenientManager {
		// The two biases would meet in one person's ratings and blur each other.
		panic("synth: the self-overrater must not report to the lenient manager")
	}
	g := &generator{r: r, cfg: cfg, rng: rand.New(rand.NewPCG(cfg.Seed, 0x5eed))}
	if cfg.Full {
		var all []string
		for _, sp := range r.Specialties {
			all = append(all, sp.ID)
		}
		g.q = assess.NewQuestionnaire(r, assess.QuestionnaireOptions{Specialties: all})
	}
	return g.run(fn)
}

type generator struct {
	r   *rubric.Rubric
	cfg Config
	rng *rand.Rand
	q   *assess.Questionnaire // Full: every criterion in scope, to settle rungs as ladder assess does
}

type person struct {
	name, level, current, specialty string
	team                            int
	// truth is the true rating of each criterion, by criterion index: -1
	// for none, else a scale value or 0 (no) / 1 (yes). A small array, so
	// that an organisation of a hundred thousand files fits in memory.
	truth []int8
}

// base is the date of the first assessment; the others follow by the minute.
var base = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

func (g *generator) run(emit func(File) error) (Truth, error) {
	cfg, r := g.cfg, g.r
	truth := Truth{Levels: map[string]string{}}
	people := make([]person, cfg.People)
	// Whole teams; the people left over join the last one.
	teams := max(1, cfg.People/cfg.TeamSize)
	for i := range people {
		p := &people[i]
		p.name = Name(i)
		p.team = min(i/cfg.TeamSize, teams-1)
		p.level = g.level()
		p.current = p.level
		if i == cfg.PromotionReady {
			p.level = r.Levels[len(r.Levels)-1].ID
			p.current = r.Levels[len(r.Levels)-2].ID
			truth.PromotionReady = append(truth.PromotionReady, p.name)
		}
		if len(r.Specialties) > 0 {
			p.specialty = r.Specialties[g.rng.IntN(len(r.Specialties))].ID
		}
		p.truth = g.truth(p)
		truth.Levels[p.name] = p.level
	}
	managers := make([]string, teams)
	for t := range managers {
		managers[t] = Name(cfg.People + t)
		if t == cfg.LenientManager {
			truth.LenientManagers = append(truth.LenientManagers, managers[t])
		}
	}
	if cfg.SelfOverrater >= 0 {
		truth.SelfOverraters = append(truth.SelfOverraters, people[cfg.SelfOverrater].name)
	}

	when := base
	add := func(p *person, rater string, role assess.Role, biased bool) error {
		when = when.Add(time.Minute)
		a := &assess.Assessment{
			Rubric:       assess.RubricRef{ID: r.ID, Version: r.Version},
			Person:       p.name,
			Rater:        rater,
			Role:         role,
			CurrentLevel: p.current,
			Created:      when,
			Updated:      when.Add(20 * time.Minute),
			Ratings:      g.rate(p, biased),
		}
		if p.specialty != "" {
			a.Specialties = []string{p.specialty}
		}
		if cfg.Full {
			g.settle(a)
			g.note(a)
		}
		ext := ".yaml"
		if cfg.JSON {
			ext = ".json"
		}
		path := filepath.Join(fmt.Sprintf("team-%02d", p.team), store.NamePart(p.name), string(role)+"-"+store.NamePart(rater)+ext)
		return emit(File{Path: path, Assessment: a})
	}
	for i := range people {
		p := &people[i]
		if err := add(p, p.name, assess.Self, i == cfg.SelfOverrater); err != nil {
			return truth, err
		}
		if err := add(p, managers[p.team], assess.Manager, p.team == cfg.LenientManager); err != nil {
			return truth, err
		}
		first := p.team * cfg.TeamSize
		size := cfg.TeamSize
		if p.team == teams-1 {
			size = cfg.People - first
		}
		for k := 1; k <= cfg.Peers && k < size; k++ {
			peer := &people[first+(i-first+k)%size]
			if err := add(p, peer.name, assess.Peer, false); err != nil {
				return truth, err
			}
		}
	}
	return truth, nil
}

// level draws a true level: few at the bottom and the top of the ladder.
func (g *generator) level() string {
	levels := g.r.Levels
	if len(levels) <= 2 {
		return levels[g.rng.IntN(len(levels))].ID
	}
	// Middle levels three times as likely as the first and the last.
	weights := make([]int, len(levels))
	total := 0
	for i := range levels {
		weights[i] = 3
		if i == 0 || i == len(levels)-1 {
			weights[i] = 1
		}
		total += weights[i]
	}
	n := g.rng.IntN(total)
	for i, w := range weights {
		if n < w {
			return levels[i].ID
		}
		n -= w
	}
	return levels[len(levels)-1].ID
}

// truth is what a fair, exact rater would answer for p: each criterion of
// p's level or below at the rating p's level expects (yes for yes/no), each
// criterion of a higher level two steps below what its level expects (no
// for yes/no), p's specialty at what specialties expect, and nice-to-haves
// at random. Indexed like r.Criteria; -1 where p has no rating.
func (g *generator) truth(p *person) []int8 {
	r := g.r
	at := r.LevelIndex(p.level)
	out := make([]int8, len(r.Criteria))
	for i := range r.Criteria {
		c := &r.Criteria[i]
		v := -1
		switch {
		case c.General() && c.Strength == rubric.Bonus:
			if c.Answer == rubric.YesNo {
				v = g.rng.IntN(2)
			} else {
				v = 1 + g.rng.IntN(min(3, r.MaxRating()))
			}
		case c.General():
			mine := r.LevelIndex(c.Level) <= at
			if c.Answer == rubric.YesNo {
				v = boolInt(mine)
			} else if mine {
				v = r.Expect(c, p.level)
			} else {
				v = max(0, r.Expect(c, c.Level)-2)
			}
		case p.specialty != "" && c.InSpecialty(p.specialty):
			if c.Answer == rubric.YesNo {
				v = 1
			} else {
				v = r.Expect(c, "")
			}
		case g.cfg.Full:
			if c.Answer == rubric.YesNo {
				v = 0
			} else {
				v = min(1, r.MaxRating())
			}
		}
		out[i] = int8(v)
	}
	return out
}

// rate is one rater's ratings of p: the truth, one step high on every scale
// criterion for a biased rater, or on a few at random (Jitter) for a fair
// one, who is also far off on a few more (Disagree).
func (g *generator) rate(p *person, biased bool) map[string]assess.Rating {
	out := make(map[string]assess.Rating, len(p.truth))
	for i := range g.r.Criteria { // in rubric order, so that the random numbers are spent alike on every run
		if p.truth[i] < 0 {
			continue
		}
		c := &g.r.Criteria[i]
		top := g.r.MaxRating()
		rt := assess.Rating{Value: int(p.truth[i]), YesNo: c.Answer == rubric.YesNo}
		switch {
		case biased && !rt.YesNo:
			rt.Value = min(rt.Value+1, top)
		case biased:
		case g.cfg.Disagree > 0 && g.rng.Float64() < g.cfg.Disagree:
			switch {
			case rt.YesNo:
				rt.Value = 1 - rt.Value
			case rt.Value+2 <= top && (rt.Value < 2 || g.rng.IntN(2) == 0):
				rt.Value += 2
			case rt.Value >= 2:
				rt.Value -= 2
			}
		case !rt.YesNo && g.rng.Float64() < g.cfg.Jitter:
			rt.Value = min(rt.Value+1, top)
		}
		out[c.ID] = rt
	}
	return out
}

// settle records the lower rungs that a stricter rung meets as implied by
// it, as ladder assess does: those are never asked, so the rater's own
// rating of them is dropped first; a lower rung that nothing meets keeps
// it.
func (g *generator) settle(a *assess.Assessment) {
	own := map[string]assess.Rating{}
	for i := range g.r.Criteria {
		id := g.r.Criteria[i].ID
		if rt, ok := a.Ratings[id]; ok && len(g.r.SupersededBy(id)) > 0 {
			own[id] = rt
			delete(a.Ratings, id)
		}
	}
	g.q.Settle(a)
	for id, rt := range own {
		if _, ok := a.Ratings[id]; !ok {
			a.Ratings[id] = rt
		}
	}
}

// notes are what raters write beside a rating, with the characters a YAML
// writer must quote or escape.
var notes = []string{
	"Led the runner migration this year: no downtime.",
	"Pairs with new joiners every week; wrote the \"first MR\" guide.",
	"Owns the replication runbook (#incident-42).",
	"Mostly through code review, less in design.",
	"Évalué en équipe — see the Q3 retro.",
	"Not yet: no chance to practise it on this team.",
}

// note adds a note to a share cfg.Notes of the ratings, in rubric order.
func (g *generator) note(a *assess.Assessment) {
	for i := range g.r.Criteria {
		id := g.r.Criteria[i].ID
		rt, ok := a.Ratings[id]
		if !ok || g.rng.Float64() >= g.cfg.Notes {
			continue
		}
		rt.Note = notes[g.rng.IntN(len(notes))]
		a.Ratings[id] = rt
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

var (
	firstNames = []string{"Ada", "Ben", "Cara", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lena",
		"Mia", "Noor", "Omar", "Pia", "Quinn", "Ravi", "Sana", "Tom", "Uma", "Vik", "Wren", "Xia", "Yara", "Zed",
		"Amir", "Bea", "Cole", "Dina", "Emre", "Fern", "Gina", "Hugo", "Iris", "Jade", "Karl", "Lior", "Maya",
		"Nils", "Olga", "Paz", "Rosa", "Sol", "Tara", "Udo", "Vera", "Wes", "Yuki", "Zoe", "Aiko", "Bo", "Cyd",
		"Dara", "Ezra", "Finn", "Gaia", "Hal", "Ines", "Joss", "Kemi", "Luca", "Mina", "Nico"}
	lastNames = []string{"Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Novak", "Silva", "Kowalski",
		"Nguyen", "Fischer", "Rossi", "Adeyemi", "Larsen", "Costa", "Ivanova", "Park", "Mendes", "Brennan",
		"Sato", "Ahmed", "Keller", "Duarte", "Horvat", "Quispe", "Dubois", "Yilmaz", "Berg", "Castillo",
		"Mwangi", "Petrov", "Laine", "Osei", "Ferreira", "Kaur", "Weber", "Romero", "Nakamura", "Olsen",
		"Bianchi", "Abebe", "Janssen", "Rahman", "Vidal", "Hughes", "Sokolov", "Lund", "Ortiz", "Chen",
		"Banda", "Eriksen", "Marino", "Kim", "Varga", "Hoffmann", "Reyes", "Aziz", "Molnar", "Santos",
		"Nyberg", "Takahashi", "Conti", "Diallo", "Roth", "Wu"}
)

// Name is the i-th name of the generator's pool: unique for every i (first
// and last names cover 4,096 people; past that a number is added).
func Name(i int) string {
	n := len(firstNames)
	first, last := i%n, (i/n+i)%len(lastNames)
	name := firstNames[first] + " " + lastNames[last]
	if round := i / (n * len(lastNames)); round > 0 {
		name += fmt.Sprintf(" %d", round+1)
	}
	return name
}

// Write generates the organisation into dir (see Generate) and returns the
// paths written, in order, each file in its format (store.Encode). Files
// are written plainly, without the fsync of store.Save: they are test
// data, and ten thousand fsyncs are slow. Each file is encoded and written
// as it is generated, by GOMAXPROCS goroutines, so that an organisation of
// any size takes the memory of its people, not of its files.
func Write(dir string, r *rubric.Rubric, cfg Config) ([]string, Truth, error) {
	var (
		paths []string
		made  = map[string]bool{}
		jobs  = make(chan File, 64)
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	fail := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		if first == nil {
			first = err
		}
	}
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				data, err := store.Encode(f.Path, f.Assessment, r)
				if err == nil {
					err = os.WriteFile(filepath.Join(dir, f.Path), data, 0o600)
				}
				if err != nil {
					fail(err)
				}
			}
		}()
	}
	truth, err := Each(r, cfg, func(f File) error {
		path := filepath.Join(dir, f.Path)
		if folder := filepath.Dir(path); !made[folder] {
			if err := os.MkdirAll(folder, 0o755); err != nil {
				return err
			}
			made[folder] = true
		}
		jobs <- f
		paths = append(paths, path)
		return nil
	})
	close(jobs)
	wg.Wait()
	if err = errors.Join(err, first); err != nil {
		return nil, truth, err
	}
	return paths, truth, nil
}
