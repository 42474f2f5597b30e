// Package rubric is the model of a career ladder: levels, specialties,
// criteria and how they group. It loads rubric files (YAML or JSON), validates
// them with located errors, fills in defaults, and exports them normalized.
//
// The package knows nothing of terminals or scoring; assess scores answers
// against a Rubric.
package rubric

import (
	"fmt"
)

// Format is the value of the format field of a rubric file.
const Format = "ladder/rubric/v1"

// Kind says what sort of statement of the ladder a criterion comes from.
type Kind string

// The kinds of criteria.
const (
	Requirement    Kind = "requirement"
	Responsibility Kind = "responsibility"
	NiceToHave     Kind = "nice-to-have"
	Indicator      Kind = "indicator"
)

// Kinds lists the valid kinds.
var Kinds = []Kind{Requirement, Responsibility, NiceToHave, Indicator}

// Strength says how much a criterion or group counts.
type Strength string

// The strengths, strongest first.
const (
	Required  Strength = "required"
	Strong    Strength = "strong"
	Desirable Strength = "desirable"
	Bonus     Strength = "bonus"
)

// Strengths lists the valid strengths, strongest first.
var Strengths = []Strength{Required, Strong, Desirable, Bonus}

// Weight is the weight of a unit of this strength in a score. Bonus counts
// apart and weighs nothing.
func (s Strength) Weight() float64 {
	switch s {
	case Required, Strong:
		return 3
	case Desirable:
		return 2
	}
	return 0
}

// Rank orders strengths: higher is stronger.
func (s Strength) Rank() int {
	for i, x := range Strengths {
		if x == s {
			return len(Strengths) - i
		}
	}
	return 0
}

// Answer is how a criterion is answered.
type Answer string

// The answer types.
const (
	ScaleAnswer Answer = "scale"
	YesNo       Answer = "yesno"
)

// DefaultThresholds are used when a rubric sets none.
var DefaultThresholds = Thresholds{Meets: 0.80, Approaching: 0.60}

// Rubric is a loaded, validated and normalized ladder.
type Rubric struct {
	Format          string        `json:"format" yaml:"format"`
	ID              string        `json:"id" yaml:"id"`
	Version         string        `json:"version" yaml:"version"`
	Title           string        `json:"title" yaml:"title"`
	Scale           []ScalePoint  `json:"scale" yaml:"scale"`
	Thresholds      Thresholds    `json:"thresholds" yaml:"thresholds"`
	SpecialtyExpect int           `json:"specialty_expect" yaml:"specialty_expect"`
	Levels          []Level       `json:"levels" yaml:"levels"`
	Themes          []Theme       `json:"themes" yaml:"themes"`
	Specialties     []Specialty   `json:"specialties" yaml:"specialties"`
	Groups          []Group       `json:"groups" yaml:"groups"`
	Criteria        []Criterion   `json:"criteria" yaml:"criteria"`
	NotAssessed     []NotAssessed `json:"not_assessed" yaml:"not_assessed"`

	file string
	at   positions
	idx  *index
}

// ScalePoint is one rating of the scale.
type ScalePoint struct {
	Value       int    `json:"value" yaml:"value"`
	Label       string `json:"label" yaml:"label"`
	Description string `json:"description,omitempty" yaml:"description,omitempty"`
	// DescriptionOther is the description for a manager or peer rating
	// someone else ("Needs guidance to do it" beside "I need guidance");
	// when empty, it is derived from Description (see AboutPerson).
	DescriptionOther string `json:"description_other,omitempty" yaml:"description_other,omitempty"`
	at               positions
}

// Thresholds are the score a verdict needs.
type Thresholds struct {
	Meets       float64 `json:"meets" yaml:"meets"`
	Approaching float64 `json:"approaching" yaml:"approaching"`
}

// Level is a rung of the ladder. Each level includes all the levels below it.
type Level struct {
	ID     string `json:"id" yaml:"id"`
	Title  string `json:"title" yaml:"title"`
	Grade  int    `json:"grade,omitempty" yaml:"grade,omitempty"`
	Expect int    `json:"expect" yaml:"expect"`
	Notes  string `json:"notes,omitempty" yaml:"notes,omitempty"`
	at     positions
}

// Theme is an area of the ladder, used to chart a profile.
type Theme struct {
	ID    string `json:"id" yaml:"id"`
	Title string `json:"title" yaml:"title"`
	at    positions
}

// Specialty is a focus area with criteria of its own, scored apart from the
// levels.
type Specialty struct {
	ID      string `json:"id" yaml:"id"`
	Title   string `json:"title" yaml:"title"`
	Summary string `json:"summary,omitempty" yaml:"summary,omitempty"`
	Notes   string `json:"notes,omitempty" yaml:"notes,omitempty"`
	at      positions
}

// Group gathers criteria (and nested groups) of which at least Min must be
// met: "one or more of", "X and Y", alternative paths.
type Group struct {
	ID       string   `json:"id" yaml:"id"`
	Title    string   `json:"title" yaml:"title"`
	Min      int      `json:"min" yaml:"min"`
	Strength Strength `json:"strength" yaml:"strength"`
	Group    string   `json:"group,omitempty" yaml:"group,omitempty"`
	Sources  []string `json:"sources,omitempty" yaml:"sources,omitempty"`
	at       positions
}

// Criterion is one thing a person is asked about.
type Criterion struct {
	ID     string `json:"id" yaml:"id"`
	Prompt string `json:"prompt" yaml:"prompt"`
	// PromptOther is the question asked of a manager or peer about someone
	// else, "{person}" standing for their name; when empty, it is derived
	// from Prompt (see AboutPerson).
	PromptOther string   `json:"prompt_other,omitempty" yaml:"prompt_other,omitempty"`
	Help        string   `json:"help,omitempty" yaml:"help,omitempty"`
	Kind        Kind     `json:"kind" yaml:"kind"`
	Strength    Strength `json:"strength" yaml:"strength"`
	Level       string   `json:"level,omitempty" yaml:"level,omitempty"`
	Specialties []string `json:"specialties,omitempty" yaml:"specialties,omitempty"`
	Answer      Answer   `json:"answer" yaml:"answer"`
	SameAs      string   `json:"same_as,omitempty" yaml:"same_as,omitempty"`
	Notes       string   `json:"notes,omitempty" yaml:"notes,omitempty"`
	Theme       string   `json:"theme,omitempty" yaml:"theme,omitempty"`
	Expect      int      `json:"expect,omitempty" yaml:"expect,omitempty"`
	Group       string   `json:"group,omitempty" yaml:"group,omitempty"`
	Supersedes  []string `json:"supersedes,omitempty" yaml:"supersedes,omitempty"`
	Sources     []string `json:"sources,omitempty" yaml:"sources,omitempty"`
	Aliases     []string `json:"aliases,omitempty" yaml:"aliases,omitempty"`
	at          positions
}

// NotAssessed records a statement of the source deliberately left out.
type NotAssessed struct {
	Sources []string `json:"sources" yaml:"sources"`
	Reason  string   `json:"reason" yaml:"reason"`
	at      positions
}

// General reports whether the criterion belongs to the levels rather than to
// specialties.
func (c *Criterion) General() bool { return c.Level != "" }

// InSpecialty reports whether the criterion belongs to specialty id.
func (c *Criterion) InSpecialty(id string) bool {
	for _, s := range c.Specialties {
		if s == id {
			return true
		}
	}
	return false
}

// File is the name the rubric was loaded from ("" when embedded and unnamed).
func (r *Rubric) File() string { return r.file }

// MaxRating is the top of the scale.
func (r *Rubric) MaxRating() int { return r.Scale[len(r.Scale)-1].Value }

// Criterion returns the criterion with this id, or nil.
func (r *Rubric) Criterion(id string) *Criterion {
	if i, ok := r.idx.criterion[id]; ok {
		return &r.Criteria[i]
	}
	return nil
}

// CriterionIndex is the position of a criterion in rubric order, or -1.
func (r *Rubric) CriterionIndex(id string) int {
	if i, ok := r.idx.criterion[id]; ok {
		return i
	}
	return -1
}

// Resolve maps a criterion id, or an alias an older version of the rubric
// used, to the current criterion.
func (r *Rubric) Resolve(id string) *Criterion {
	if c := r.Criterion(id); c != nil {
		return c
	}
	if i, ok := r.idx.alias[id]; ok {
		return &r.Criteria[i]
	}
	return nil
}

// GroupByID returns the group with this id, or nil.
func (r *Rubric) GroupByID(id string) *Group {
	if i, ok := r.idx.group[id]; ok {
		return &r.Groups[i]
	}
	return nil
}

// Level returns the level with this id, or nil.
func (r *Rubric) Level(id string) *Level {
	if i := r.LevelIndex(id); i >= 0 {
		return &r.Levels[i]
	}
	return nil
}

// LevelIndex is the position of a level, lowest first, or -1.
func (r *Rubric) LevelIndex(id string) int {
	if i, ok := r.idx.level[id]; ok {
		return i
	}
	return -1
}

// Specialty returns the specialty with this id, or nil.
func (r *Rubric) Specialty(id string) *Specialty {
	if i, ok := r.idx.specialty[id]; ok {
		return &r.Specialties[i]
	}
	return nil
}

// Theme returns the theme with this id, or nil.
func (r *Rubric) Theme(id string) *Theme {
	if i, ok := r.idx.theme[id]; ok {
		return &r.Themes[i]
	}
	return nil
}

// ScaleLabel is the label of a rating ("Consistent"), or the number itself
// when the scale has no such value.
func (r *Rubric) ScaleLabel(v int) string {
	for _, p := range r.Scale {
		if p.Value == v {
			return p.Label
		}
	}
	return fmt.Sprint(v)
}

// Expect is the rating criterion c expects when scored against level
// (levelID) or, with levelID "", against a specialty.
func (r *Rubric) Expect(c *Criterion, levelID string) int {
	if c.Expect > 0 {
		return c.Expect
	}
	if levelID == "" {
		return r.SpecialtyExpect
	}
	if l := r.Level(levelID); l != nil {
		return l.Expect
	}
	return r.SpecialtyExpect
}

// Members are the direct members of a group: criteria and nested groups, in
// rubric order.
func (r *Rubric) Members(groupID string) (criteria []string, groups []string) {
	m := r.idx.members[groupID]
	return m.criteria, m.groups
}

// GroupCriteria is every criterion under a group, nested groups included, in
// rubric order.
func (r *Rubric) GroupCriteria(groupID string) []string {
	if f, ok := r.idx.flat[groupID]; ok {
		return f
	}
	if _, ok := r.idx.group[groupID]; !ok {
		return nil
	}
	return r.idx.underGroup(groupID)
}

// GroupOf returns the top-level group a criterion belongs to, or "".
func (r *Rubric) GroupOf(criterionID string) string {
	c := r.Criterion(criterionID)
	if c == nil || c.Group == "" {
		return ""
	}
	return r.idx.top[c.Group]
}

// SupersededBy lists the criteria that name id in their supersedes.
func (r *Rubric) SupersededBy(id string) []string { return r.idx.supersededBy[id] }

// ValidID reports whether s is a valid id: lower-case letters, digits and
// dashes, at least one.
func ValidID(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return s != ""
}
