package assess

import (
	"reflect"
	"testing"

	"github.com/ladderhq/ladder/data"
	"github.com/ladderhq/ladder/rubric"
)

type sectionIDs struct {
	Title    string
	Criteria []string
}

func layout(q *Questionnaire) []sectionIDs {
	var out []sectionIDs
	for _, s := range q.Sections {
		ids := []string{}
		for _, c := range s.Criteria {
			ids = append(ids, c.ID)
		}
		out = append(out, sectionIDs{s.Title, ids})
	}
	return out
}

func TestQuestionnaireOrder(t *testing.T) {
	r := loadMini(t)
	tests := []struct {
		name string
		opt  QuestionnaireOptions
		want []sectionIDs
	}{
		{
			// Up to one above the target; the criterion shared by both
			// specialties is asked once, and Web, left empty, is dropped.
			name: "target mid",
			opt:  QuestionnaireOptions{Target: "mid", Specialties: []string{"cache", "web"}},
			want: []sectionIDs{
				{"General requirements", []string{"ruby", "go", "comms"}},
				{"Responsibilities", []string{"ship-small", "on-call"}},
				{"Senior", []string{"ship-big", "mentor"}},
				{"Nice-to-haves", []string{"nice"}},
				{"Caching (specialty)", []string{"shared-ops"}},
			},
		},
		{
			name: "no target asks every level",
			opt:  QuestionnaireOptions{},
			want: []sectionIDs{
				{"General requirements", []string{"ruby", "go", "comms"}},
				{"Responsibilities", []string{"ship-small", "on-call"}},
				{"Senior", []string{"ship-big", "mentor"}},
				{"Staff", []string{"ship-huge"}},
				{"Nice-to-haves", []string{"nice"}},
			},
		},
		{
			name: "the lowest target asks one level more",
			opt:  QuestionnaireOptions{Target: "junior", Specialties: []string{"web"}},
			want: []sectionIDs{
				{"General requirements", []string{"ruby", "go", "comms"}},
				{"Responsibilities", []string{"ship-small", "on-call"}},
				{"Nice-to-haves", []string{"nice"}},
				{"Web (specialty)", []string{"shared-ops"}},
			},
		},
		{
			name: "quick keeps required and strong only",
			opt:  QuestionnaireOptions{Target: "staff", Specialties: []string{"db"}, Quick: true},
			want: []sectionIDs{
				{"General requirements", []string{"ruby", "go", "comms"}},
				{"Senior", []string{"ship-big", "mentor"}},
				{"Staff", []string{"ship-huge"}},
				{"Databases (specialty)", []string{"db-mandatory", "db-tuning", "db-learn", "a1", "a2", "b-must", "b1", "b2"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := NewQuestionnaire(r, tt.opt)
			if got := layout(q); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("sections:\n got %v\nwant %v", got, tt.want)
			}
			n := 0
			for _, s := range tt.want {
				n += len(s.Criteria)
			}
			if len(q.Questions) != n {
				t.Errorf("%d questions, want %d", len(q.Questions), n)
			}
		})
	}
}

func TestQuestionnaireProgress(t *testing.T) {
	r := loadMini(t)
	q := NewQuestionnaire(r, QuestionnaireOptions{Target: "mid"})
	a := rated(r, map[string]string{})
	if got := q.FirstUnanswered(a); got != 0 {
		t.Errorf("FirstUnanswered of an empty assessment = %d, want 0", got)
	}
	a = rated(r, map[string]string{"ruby": "3", "go": "2", "ship-small": "1"})
	if got := q.FirstUnanswered(a); got != 2 {
		t.Errorf("FirstUnanswered = %d, want 2 (comms)", got)
	}
	if got := q.Answered(a); got != 3 {
		t.Errorf("Answered = %d, want 3", got)
	}
	all := map[string]string{}
	for _, qu := range q.Questions {
		all[qu.Criterion.ID] = "2"
	}
	all["on-call"] = "yes"
	if got := q.FirstUnanswered(rated(r, all)); got != len(q.Questions) {
		t.Errorf("FirstUnanswered of a complete assessment = %d, want %d", got, len(q.Questions))
	}
}

// The built-in rubric: every criterion asked at most once, shared
// specialty criteria in the first chosen specialty, --quick only required
// and strong criteria, and nothing above the level after the target.
func TestQuestionnaireBuiltin(t *testing.T) {
	r, err := data.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	full := NewQuestionnaire(r, QuestionnaireOptions{Target: "intermediate", Specialties: []string{"git", "gitaly"}})
	seen := map[string]string{}
	for _, qu := range full.Questions {
		c := qu.Criterion
		if prev, dup := seen[c.ID]; dup {
			t.Errorf("%s asked twice, in %s and %s", c.ID, prev, qu.Section.Title)
		}
		seen[c.ID] = qu.Section.Title
		if c.Level == "staff" {
			t.Errorf("%s: a staff criterion is asked for target intermediate", c.ID)
		}
	}
	for _, id := range []string{"git-gitaly-scope-tasks", "git-gitaly-large-scale-production", "git-gitaly-high-level-reasoning"} {
		if seen[id] != "Git (specialty)" {
			t.Errorf("%s asked in %q, want the first chosen specialty, Git", id, seen[id])
		}
	}
	want := 0
	for _, c := range r.Criteria {
		if c.Level == "intern" || c.Level == "intermediate" || c.Level == "senior" || c.InSpecialty("git") || c.InSpecialty("gitaly") {
			want++
		}
	}
	if len(full.Questions) != want {
		t.Errorf("%d questions, want %d", len(full.Questions), want)
	}

	quick := NewQuestionnaire(r, QuestionnaireOptions{Specialties: []string{"gitaly"}, Quick: true})
	for _, qu := range quick.Questions {
		if s := qu.Criterion.Strength; s != rubric.Required && s != rubric.Strong {
			t.Errorf("quick asks %s (%s)", qu.Criterion.ID, s)
		}
	}
	if len(quick.Questions) == 0 || len(quick.Questions) >= len(NewQuestionnaire(r, QuestionnaireOptions{Specialties: []string{"gitaly"}}).Questions) {
		t.Errorf("quick asks %d questions, not fewer than the full questionnaire", len(quick.Questions))
	}
	if n := SpecialtyQuestions(r, "gitaly", false); n != len(r.SpecialtyCriteria("gitaly")) {
		t.Errorf("SpecialtyQuestions(gitaly) = %d, want %d", n, len(r.SpecialtyCriteria("gitaly")))
	}
}
