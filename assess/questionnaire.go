package assess

import "github.com/ladderhq/ladder/rubric"

// SectionKind says what part of the ladder a section of questions covers.
type SectionKind string

// The kinds of sections, in the order they are asked.
const (
	// Requirements and Responsibilities are the criteria of the lowest
	// level, which every level includes.
	RequirementsSection     SectionKind = "requirements"
	ResponsibilitiesSection SectionKind = "responsibilities"
	// LevelSection is what one higher level adds.
	LevelSection SectionKind = "level"
	// NiceToHavesSection gathers the general nice-to-haves (bonus).
	NiceToHavesSection SectionKind = "nice-to-haves"
	// SpecialtySection is one chosen specialty.
	SpecialtySection SectionKind = "specialty"
)

// Section is a run of questions about one part of the ladder.
type Section struct {
	Kind  SectionKind
	ID    string // the level or specialty; "" for the general sections
	Title string
	// Criteria are the criteria asked here, in rubric order.
	Criteria []*rubric.Criterion
}

// Question is one criterion in its place in a questionnaire.
type Question struct {
	Criterion *rubric.Criterion
	Section   *Section
}

// QuestionnaireOptions choose what an assessment asks about.
type QuestionnaireOptions struct {
	// Target is the level the person aims at: the levels up to one above it
	// are asked. "" asks every level.
	Target string
	// Specialties are the chosen specialties, asked in this order.
	Specialties []string
	// Quick asks only required and strong criteria.
	Quick bool
}

// Questionnaire is the ordered list of questions of an assessment. It
// depends only on the rubric and the options, never on the answers, so an
// interrupted assessment resumes with the same questions in the same order.
type Questionnaire struct {
	Sections  []*Section
	Questions []Question
}

// NewQuestionnaire lays out the questions: the general requirements and
// responsibilities, what each higher level adds up to one above the target,
// the nice-to-haves, then each chosen specialty. A criterion shared by
// several chosen specialties is asked once, in the first of them. Sections
// left empty (by Quick, say) are dropped.
func NewQuestionnaire(r *rubric.Rubric, opt QuestionnaireOptions) *Questionnaire {
	q := &Questionnaire{}
	levels := LevelsAsked(r, opt.Target)
	if len(levels) == 0 {
		return q
	}
	asked := map[string]bool{}
	add := func(s *Section, keep func(*rubric.Criterion) bool) {
		for i := range r.Criteria {
			c := &r.Criteria[i]
			if asked[c.ID] || !keep(c) || !Asked(c, opt.Quick) {
				continue
			}
			asked[c.ID] = true
			s.Criteria = append(s.Criteria, c)
		}
		if len(s.Criteria) > 0 {
			q.Sections = append(q.Sections, s)
		}
	}
	inLevels := map[string]bool{}
	for _, id := range levels {
		inLevels[id] = true
	}
	lowest := levels[0]
	add(&Section{Kind: RequirementsSection, Title: "General requirements"}, func(c *rubric.Criterion) bool {
		return c.Level == lowest && !isNiceToHave(c) && c.Kind != rubric.Responsibility
	})
	add(&Section{Kind: ResponsibilitiesSection, Title: "Responsibilities"}, func(c *rubric.Criterion) bool {
		return c.Level == lowest && !isNiceToHave(c) && c.Kind == rubric.Responsibility
	})
	for _, id := range levels[1:] {
		add(&Section{Kind: LevelSection, ID: id, Title: r.Level(id).Title}, func(c *rubric.Criterion) bool {
			return c.Level == id && !isNiceToHave(c)
		})
	}
	add(&Section{Kind: NiceToHavesSection, Title: "Nice-to-haves"}, func(c *rubric.Criterion) bool {
		return inLevels[c.Level] && isNiceToHave(c)
	})
	for _, id := range opt.Specialties {
		s := r.Specialty(id)
		if s == nil {
			continue
		}
		add(&Section{Kind: SpecialtySection, ID: id, Title: s.Title + " (specialty)"}, func(c *rubric.Criterion) bool {
			return c.InSpecialty(id)
		})
	}
	for _, s := range q.Sections {
		for _, c := range s.Criteria {
			q.Questions = append(q.Questions, Question{Criterion: c, Section: s})
		}
	}
	return q
}

// LevelsAsked are the levels whose criteria an assessment aiming at target
// asks about: every level up to one above the target, so that the person
// also sees what the next step asks; every level when target is "".
func LevelsAsked(r *rubric.Rubric, target string) []string {
	last := len(r.Levels) - 1
	if i := r.LevelIndex(target); i >= 0 && i+1 < last {
		last = i + 1
	}
	ids := make([]string, 0, last+1)
	for _, l := range r.Levels[:last+1] {
		ids = append(ids, l.ID)
	}
	return ids
}

// Asked reports whether a quick assessment (or a full one) asks about c: a
// quick one asks only what counts most, required and strong criteria.
func Asked(c *rubric.Criterion, quick bool) bool {
	return !quick || c.Strength == rubric.Required || c.Strength == rubric.Strong
}

func isNiceToHave(c *rubric.Criterion) bool {
	return c.Kind == rubric.NiceToHave || c.Strength == rubric.Bonus
}

// SpecialtyQuestions counts the questions specialty id adds on its own.
func SpecialtyQuestions(r *rubric.Rubric, id string, quick bool) int {
	n := 0
	for _, cid := range r.SpecialtyCriteria(id) {
		if Asked(r.Criterion(cid), quick) {
			n++
		}
	}
	return n
}

// FirstUnanswered is the position of the first question a has no rating
// for, or len(q.Questions) when every question is answered.
func (q *Questionnaire) FirstUnanswered(a *Assessment) int {
	for i, qu := range q.Questions {
		if !a.Answered(qu.Criterion.ID) {
			return i
		}
	}
	return len(q.Questions)
}

// Answered counts the questions a has a rating for.
func (q *Questionnaire) Answered(a *Assessment) int {
	n := 0
	for _, qu := range q.Questions {
		if a.Answered(qu.Criterion.ID) {
			n++
		}
	}
	return n
}
