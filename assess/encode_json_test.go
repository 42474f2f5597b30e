package assess

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

// A JSON file written by ladder is valid JSON, reads back as the same
// assessment, and has the YAML file's fields in the same order.
func TestEncodeJSONRoundTrip(t *testing.T) {
	r := loadMini(t)
	a := rated(r, map[string]string{"ruby": "3", "on-call": "yes", "db-learn": "no"}, "db")
	a.Person, a.Rater, a.Role = `Zoë "Z" <O'Neil> & co`, "Max\tMu", Manager
	a.CurrentLevel, a.TargetLevel = "junior", "mid"
	a.Created = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	a.Updated = a.Created.Add(time.Hour)
	rt := a.Ratings["ruby"]
	rt.Note = "line one\nline two \u2028 \x1b[31m"
	a.Ratings["ruby"] = rt
	a.Retired = map[string]Rating{"old-id": {Value: 4}, "gone": {YesNo: true}}

	b, err := EncodeJSON(a, r)
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(b) {
		t.Fatalf("not JSON:\n%s", b)
	}
	back, warnings, err := Parse("a.json", b, r, Options{})
	if err != nil || len(warnings) > 0 {
		t.Fatalf("%v %v\n%s", err, warnings, b)
	}
	if !reflect.DeepEqual(back, a) {
		t.Errorf("read back:\n%+v\nwant:\n%+v\nfile:\n%s", back, a, b)
	}
	want := `{
  "format": "ladder/assessment/v1",
  "rubric": {"id": "mini", "version": "2"},
  "person": "Zoë \"Z\" <O'Neil> & co",
  "rater": "Max\tMu",
  "role": "manager",
  "current_level": "junior",
  "target_level": "mid",
  "specialties": ["db"],
  "created": "2026-11-24T10:00:00Z",
  "updated": "2026-11-24T11:00:00Z",
  "ratings": {
    "ruby": {"rating": 3, "note": "line one\nline two \u2028 \u001b[31m"},
    "on-call": "yes",
    "db-learn": "no"
  },
  "retired": {
    "gone": "no",
    "old-id": 4
  }
}
`
	if string(b) != want {
		t.Errorf("JSON:\n%s\nwant:\n%s", b, want)
	}
}

func TestEncodeJSONEmpty(t *testing.T) {
	r := loadMini(t)
	a := New(r, "Ada", time.Time{})
	b, err := EncodeJSON(a, r)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := Parse("a.json", b, r, Options{}); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
}

// FuzzEncodeJSON: any assessment that parses is written as JSON that
// parses back to the same assessment, whatever its names and notes hold.
func FuzzEncodeJSON(f *testing.F) {
	r := loadMini(f)
	f.Add([]byte("format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: \"Zoe\\u0308 \\\"Q\\\"\"\nratings:\n  ruby: 3\n  on-call: yes\n  comms: {rating: 2, note: \"a\\tb\\u2028\"}\n"))
	f.Add([]byte(`{"format": "ladder/assessment/v1", "rubric": {"id": "mini", "version": "2"}, "person": "<b>&", "specialties": ["db"], "ratings": {"b-must": "no"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, _, err := Parse("fuzz.yaml", data, r, Options{})
		if err != nil {
			return
		}
		out, err := EncodeJSON(a, r)
		if err != nil {
			t.Fatal(err)
		}
		back, _, err := Parse("again.json", out, r, Options{})
		if err != nil {
			t.Fatalf("written JSON does not parse: %v\n%s", err, out)
		}
		a.Created, a.Updated = a.Created.UTC().Truncate(time.Second), a.Updated.UTC().Truncate(time.Second)
		back.Created, back.Updated = back.Created.UTC(), back.Updated.UTC()
		if !reflect.DeepEqual(a, back) {
			t.Fatalf("round trip changed the assessment:\n%+v\n%+v\n%s", a, back, out)
		}
	})
}
