package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestHistoryInTimeOrderWithInvalidFiles(t *testing.T) {
	r := loadMini(t)
	s := Folder{Dir: t.TempDir()}
	save := func(name, person string, updated time.Time, ratings map[string]string) {
		a := rated(r, ratings)
		a.Person, a.Rater, a.Created, a.Updated = person, person, updated.Add(-time.Hour), updated
		if err := Save(filepath.Join(s.PersonDir("Ada Lovelace"), name), a, r); err != nil {
			t.Fatal(err)
		}
	}
	// File names out of time order: a hand-copied file sorts first by
	// name but was answered last.
	save("a-copied.yaml", "Ada Lovelace", time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC), map[string]string{"ruby": "3", "comms": "3"})
	save("2026-01-01T000000Z-ada-lovelace-self.yaml", "Ada Lovelace", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), map[string]string{"ruby": "1"})
	save("2026-06-01T000000Z-ada-lovelace-self.yaml", "ada lovelace", time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), map[string]string{"ruby": "2"})
	save("2026-07-01T000000Z-bob-self.yaml", "Bob", time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), map[string]string{})
	broken := filepath.Join(s.PersonDir("Ada Lovelace"), "2026-02-01T000000Z-ada-lovelace-self.yaml")
	if err := os.WriteFile(broken, []byte("format: ladder/assessment/v1\nrubric: {id: mini, version: \"2\"}\nperson: Ada\nratings:\n  telepathy: 3\n"), 0o600); err != nil {
		t.Fatal(err)
	}

	h, err := s.History("Ada Lovelace", r)
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, e := range h.Entries {
		order = append(order, filepath.Base(e.File))
	}
	want := []string{"2026-01-01T000000Z-ada-lovelace-self.yaml", "2026-06-01T000000Z-ada-lovelace-self.yaml",
		"2026-07-01T000000Z-bob-self.yaml", "a-copied.yaml"}
	if strings.Join(order, " ") != strings.Join(want, " ") {
		t.Errorf("order = %v, want %v", order, want)
	}
	if h.Person != "Ada Lovelace" {
		t.Errorf("person = %q, want the newest file's name", h.Person)
	}
	if len(h.Invalid) != 1 || !strings.Contains(h.Invalid[0].Error(), "2026-02-01T000000Z-ada-lovelace-self.yaml:5:3: unknown criterion \"telepathy\"") {
		t.Errorf("invalid = %v, want the broken file, located", h.Invalid)
	}
	if len(h.Warnings) != 1 || !strings.Contains(h.Warnings[0].String(), `is about "Bob", not "Ada Lovelace"`) {
		t.Errorf("warnings = %v, want one about Bob's file", h.Warnings)
	}
	// The junior level's trend: lang 1/2, 2/2 (expects 2), ...
	if tr := h.LevelTrend(0); len(tr) != 4 || tr[0] >= tr[1] {
		t.Errorf("junior trend = %v, want four scores, rising at first", tr)
	}

	empty, err := s.History("Nobody", r)
	if err != nil || len(empty.Entries) != 0 || empty.Person != "nobody" {
		t.Errorf("unknown person: %+v, %v; want an empty history", empty, err)
	}
}
