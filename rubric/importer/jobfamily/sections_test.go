package jobfamily

import "testing"

func TestRoleOf(t *testing.T) {
	for title, want := range map[string]role{
		"Requirements":      requirements,
		"Base Requirements": requirements,
		"You may be a fit to this role if you have some of these inclinations": requirements,
		"Responsibilities":                              responsibilities,
		"Responsibilties":                               responsibilities,
		"As an SRE you will":                            responsibilities,
		"Nice-to-haves":                                 niceToHaves,
		"Hiring Process":                                hiring,
		"Performance Indicators":                        indicators,
		"Backend Engineer Performance Indicators":       indicators,
		"Job Grade":                                     jobGrade,
		"Job Grades":                                    levelsHeading,
		"Levels for Site Reliability Engineer":          levelsHeading,
		"Leveling of Site Reliability Engineering at X": other,
		"Specializations":                               specialtiesHeading,
		"Projects you could work on":                    other,
		"Backend Engineering Roles at GitLab":           other,
	} {
		if got := roleOf(title); got != want {
			t.Errorf("roleOf(%q) = %d, want %d", title, got, want)
		}
	}
}

func TestMinOf(t *testing.T) {
	for text, want := range map[string]int{
		"Must be proficient in one or more of the following":                 1,
		"Basic knowledge of 4 technical expertise areas, with interest in 1": 4,
		"General knowledge of most technical expertise areas":                4, // of 6
		"Knowledge of all of these":                                          6,
		"Experience with the following":                                      6,
		"Knowledge of 9 areas":                                               6, // more than there are
	} {
		if got := minOf(text, 6); got != want {
			t.Errorf("minOf(%q, 6) = %d, want %d", text, got, want)
		}
	}
}
