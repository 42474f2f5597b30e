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

	h, err := s.History("ada-lovelace", r)
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
	// The junior level's scores: lang 1/2, 2/2 (expects 2), ...
	if s0, s1 := h.Entries[0].Result.Levels[0].Score, h.Entries[1].Result.Levels[0].Score; s0 >= s1 {
		t.Errorf("junior scores %v, %v: want them rising", s0, s1)
	}
	// Each file leaves required questions open: unfinished, and so no
	// point of a trend.
	for _, e := range h.Entries {
		if !e.Unfinished() {
			t.Errorf("%s: %+v, want it unfinished", filepath.Base(e.File), e.Completion)
		}
	}
	if tr := h.LevelTrend(0); len(tr) != 4 || tr[0] != nil {
		t.Errorf("junior trend = %v, want four gaps", tr)
	}

	empty, err := s.History("nobody", r)
	if err != nil || len(empty.Entries) != 0 || empty.Person != "nobody" {
		t.Errorf("unknown person: %+v, %v; want an empty history", empty, err)
	}
}

// Symbolic links are followed, to folders and to files; what cannot be read
// as an assessment (a fifo, a link to nothing, a folder with an assessment's
// name) is named, never skipped silently.
func TestStoreFollowsLinksAndNamesWhatItCannotRead(t *testing.T) {
	r := loadMini(t)
	root := t.TempDir()
	s := Folder{Dir: filepath.Join(root, "store")}
	elsewhere := filepath.Join(root, "elsewhere")
	for _, d := range []string{s.Dir, elsewhere} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	save := func(path, person string) {
		t.Helper()
		a := rated(r, map[string]string{"ruby": "2"})
		a.Person, a.Rater = person, person
		if err := Save(path, a, r); err != nil {
			t.Fatal(err)
		}
	}
	// Bea's folder lives elsewhere, linked into the store.
	save(filepath.Join(elsewhere, "bea", "2026-01-01T000000Z-bea-self.yaml"), "Bea")
	symlink(t, filepath.Join(elsewhere, "bea"), filepath.Join(s.Dir, "bea"))
	// Ada's folder holds a linked file, a fifo, a dangling link and a folder.
	ada := s.PersonDir("Ada")
	save(filepath.Join(ada, "2026-01-01T000000Z-ada-self.yaml"), "Ada")
	save(filepath.Join(elsewhere, "ada-by-max.yaml"), "Ada")
	symlink(t, filepath.Join(elsewhere, "ada-by-max.yaml"), filepath.Join(ada, "2026-02-01T000000Z-max-manager.yaml"))
	mkfifo(t, filepath.Join(ada, "2026-03-01T000000Z-ada-self.yaml"))
	symlink(t, filepath.Join(elsewhere, "gone.yaml"), filepath.Join(ada, "2026-04-01T000000Z-ada-self.yaml"))
	if err := os.Mkdir(filepath.Join(ada, "2026-05-01T000000Z-ada-self.yaml"), 0o700); err != nil {
		t.Fatal(err)
	}
	// A link in the store itself that leads nowhere.
	symlink(t, filepath.Join(elsewhere, "nobody"), filepath.Join(s.Dir, "cy"))

	people, problems, err := s.People()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(people, " ") != "ada bea" {
		t.Errorf("people = %v, want ada and bea (a linked folder)", people)
	}
	if len(problems) != 1 || !strings.HasSuffix(problems[0].Error(), "cy: is a symbolic link to nothing") {
		t.Errorf("problems = %v, want the dangling cy", problems)
	}
	h, err := s.History("ada", r)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Entries) != 2 {
		t.Errorf("%d entries, want 2 (the file and the linked file)", len(h.Entries))
	}
	var msgs []string
	for _, e := range h.Invalid {
		msgs = append(msgs, strings.TrimPrefix(e.Error(), ada+string(filepath.Separator)))
	}
	want := []string{
		"2026-03-01T000000Z-ada-self.yaml: is not a regular file (a fifo)",
		"2026-04-01T000000Z-ada-self.yaml: is a symbolic link to nothing",
		"2026-05-01T000000Z-ada-self.yaml: is a folder, not a file",
	}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("invalid:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
	if h, err := s.History("bea", r); err != nil || len(h.Entries) != 1 || h.Person != "Bea" {
		t.Errorf("linked folder: %+v, %v", h, err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
}
