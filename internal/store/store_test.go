package store

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder/assess"
)

func TestNamePart(t *testing.T) {
	for in, want := range map[string]string{
		"Ada Lovelace":         "ada-lovelace",
		"  José  Núñez-García": "josé-núñez-garcía",
		"O'Brien, Pat":         "o-brien-pat",
		"../../etc":            "etc",
		"Zoe\u0308":            "zoë", // NFD: e and a combining diaeresis
		"Zo\u00eb":             "zoë", // NFC: one character
		"STRASSE":              "strasse",
		"Straße":               "strasse",
		"हिन्दी":               "हिन्दी", // vowel signs are marks: one word, not three
	} {
		if got := NamePart(in); got != want {
			t.Errorf("NamePart(%q) = %q, want %q", in, got, want)
		}
	}
}

// Names with no letter or digit, and names too long for a file name, get a
// hash of who they are: never one folder for all, never a name a file
// system refuses.
func TestNamePartNeverCollapsesOrOverflows(t *testing.T) {
	long := strings.Repeat("Ada ", 62) + "Lovelace" // 256 bytes
	names := []string{"..", "...", ".", "🙂", "🙃", "-", "—", "Con", "nul", long, long + "2", strings.Repeat("é", 250)}
	seen := map[string]string{}
	for _, n := range names {
		part := NamePart(n)
		if len(part) > maxNamePart || part == "" || part == "." || part == ".." || strings.ContainsAny(part, `/\`) || strings.HasPrefix(part, ".") {
			t.Errorf("NamePart(%q) = %q: not a safe, bounded name", n, part)
		}
		if other, dup := seen[part]; dup {
			t.Errorf("NamePart(%q) = NamePart(%q) = %q", n, other, part)
		}
		seen[part] = n
	}
	if got := NamePart("🙂"); !strings.HasPrefix(got, "unnamed_") {
		t.Errorf("NamePart(🙂) = %q, want unnamed_ and a hash", got)
	}
	if got := NamePart(long); !strings.HasPrefix(got, "ada-ada-") || !strings.Contains(got, "_") {
		t.Errorf("NamePart(a long name) = %q, want its start and a hash", got)
	}
	if NamePart("🙂") != NamePart(" 🙂 ") {
		t.Error("spacing around an emoji name makes another person")
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
	files, problems, err := s.Files("ada-lovelace")
	if err != nil || problems != nil {
		t.Fatal(err, problems)
	}
	if want := []string{saved[1], saved[0]}; !reflect.DeepEqual(files, want) {
		t.Errorf("files = %v, want time order %v", files, want)
	}
	people, problems, err := s.People()
	if err != nil || problems != nil || !reflect.DeepEqual(people, []string{"ada-lovelace"}) {
		t.Errorf("people = %v (%v, %v)", people, problems, err)
	}
	for _, name := range []string{"Ada Lovelace", "ada-lovelace", "ADA LOVELACE"} {
		if folder, ok := s.Lookup(name); !ok || folder != "ada-lovelace" {
			t.Errorf("Lookup(%q) = %q, %v", name, folder, ok)
		}
	}
	for _, name := range []string{"Bob", "..", ".", "", "../" + filepath.Base(s.Dir)} {
		if folder, ok := s.Lookup(name); ok {
			t.Errorf("Lookup(%q) = %q, want none", name, folder)
		}
	}
	if files, _, err := (Folder{Dir: filepath.Join(s.Dir, "none")}).Files("x"); err != nil || files != nil {
		t.Errorf("missing store: %v %v, want nothing and no error", files, err)
	}
}

// A 250-character name makes a file name every file system takes.
func TestNewPathOfALongName(t *testing.T) {
	r := loadMini(t)
	s := Folder{Dir: t.TempDir()}
	a := assess.New(r, strings.Repeat("Ada Lovelace ", 20), time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
	path := s.NewPath(a)
	if len(filepath.Base(path)) > 128 || len(filepath.Base(filepath.Dir(path))) > maxNamePart {
		t.Errorf("path %s: names too long", path)
	}
	if err := Save(path, a, r); err != nil {
		t.Fatal(err)
	}
}
