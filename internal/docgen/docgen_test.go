package docgen

import (
	"os"
	"path/filepath"
	"testing"
)

// The checked-in pages are what the command tree produces: change a command
// and this fails until make docs is run.
func TestDocsAreUpToDate(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir); err != nil {
		t.Fatal(err)
	}
	for _, sub := range []string{"man", "reference"} {
		want, err := os.ReadDir(filepath.Join("..", "..", "docs", sub))
		if err != nil {
			t.Fatalf("%v (run make docs)", err)
		}
		got, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil {
			t.Fatal(err)
		}
		names := map[string]bool{}
		for _, e := range got {
			names[e.Name()] = true
			a, _ := os.ReadFile(filepath.Join(dir, sub, e.Name()))
			b, err := os.ReadFile(filepath.Join("..", "..", "docs", sub, e.Name()))
			if err != nil || string(a) != string(b) {
				t.Errorf("docs/%s/%s is out of date: run make docs", sub, e.Name())
			}
		}
		for _, e := range want {
			if !names[e.Name()] {
				t.Errorf("docs/%s/%s documents a command that no longer exists: run make docs", sub, e.Name())
			}
		}
	}
}
