package sourceref

import (
	"strings"
	"testing"
)

// FuzzParse: any page parses without a panic, and every item's reference
// names a section the page has.
func FuzzParse(f *testing.F) {
	f.Add(page)
	f.Add("- item before a heading\n")
	f.Add("## A\n1. x\n    1. y\n")
	f.Fuzz(func(t *testing.T, src string) {
		p, err := Parse([]byte(src))
		if err != nil {
			return
		}
		for _, it := range p.Items {
			i := strings.LastIndexByte(it.Ref, '/')
			if i < 0 || !p.Has(it.Ref[:i]) {
				t.Fatalf("item %q names no section of the page", it.Ref)
			}
		}
	})
}
