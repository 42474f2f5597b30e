package store

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/ladderhq/ladder/assess"
)

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Ada Lovelace":         "ada-lovelace",
		"  José  Núñez-García": "josé-núñez-garcía",
		"O'Brien, Pat":         "o-brien-pat",
		"../../etc":            "etc",
		"":                     "unnamed",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStoreSavesAndListsInTimeOrder(t *testing.T) {
	r := loadMini(t)
	s := Folder{Dir: t.TempDir()}
	times := []time.Time{
		time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC),
		time.Date(2026, 3, 1, 9, 30, 0, 0, time.FixedZone("CET", 3600)),
	}
	var saved []string
	for _, when := range times {
		a := assess.New(r, "Ada Lovelace", when)
		a.Ratings["ruby"] = assess.Rating{Value: 2}
		path := s.NewPath(a)
		if err := Save(path, a, r); err != nil {
			t.Fatal(err)
		}
		saved = append(saved, path)
		fi, err := os.Stat(path)
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("%s: mode %v (%v), want 0600", path, fi.Mode().Perm(), err)
		}
	}
	if want := filepath.Join(s.Dir, "ada-lovelace", "2026-11-24T100000Z-ada-lovelace-self.yaml"); saved[0] != want {
		t.Errorf("path = %s, want %s", saved[0], want)
	}
	files, err := s.Files("Ada Lovelace")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{saved[1], saved[0]}; !reflect.DeepEqual(files, want) {
		t.Errorf("files = %v, want time order %v", files, want)
	}
	people, err := s.People()
	if err != nil || !reflect.DeepEqual(people, []string{"ada-lovelace"}) {
		t.Errorf("people = %v (%v)", people, err)
	}
	if files, err := (Folder{Dir: filepath.Join(s.Dir, "none")}).Files("x"); err != nil || files != nil {
		t.Errorf("missing store: %v %v, want nothing and no error", files, err)
	}
}
