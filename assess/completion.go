package assess

import "github.com/ladderhq/ladder/rubric"

// Completion says how far an assessment got through the questions its own
// choices ask (its target level and specialties).
type Completion struct {
	// Answered counts the questions the rater answered; Open those still
	// to ask (settled ones count in neither, see Questionnaire.Progress).
	Answered, Open int
	// Quick is set when every open question is one that --quick leaves
	// out: what counts most is answered.
	Quick bool
}

// Finished reports whether no question is left to ask.
func (c Completion) Finished() bool { return c.Open == 0 }

// Unfinished reports whether a question --quick asks, a required or
// strong one, is still open: the session stopped before its end, and its
// scores count those questions as unanswered.
func (c Completion) Unfinished() bool { return c.Open > 0 && !c.Quick }

// CompletionOf says how far a got through the questions of its target
// level and specialties.
func CompletionOf(r *rubric.Rubric, a *Assessment) Completion {
	q := NewQuestionnaire(r, QuestionnaireOptions{Target: a.TargetLevel, Specialties: a.Specialties})
	return q.Completion(a)
}

// Completion says how far a got through q.
func (q *Questionnaire) Completion(a *Assessment) Completion {
	c := Completion{Quick: true}
	for i, st := range q.States(a) {
		switch st {
		case Answered:
			c.Answered++
		case Open:
			c.Open++
			for _, qu := range q.Steps[i].Questions {
				for _, cr := range qu.Criteria() {
					if Asked(cr, true) {
						c.Quick = false
					}
				}
			}
		}
	}
	if c.Open == 0 {
		c.Quick = false
	}
	return c
}
