package importer

import (
	"os"
	"testing"

	"github.com/ladderhq/ladder/rubric"
)

func seedPage(b *testing.B) []byte {
	src, err := os.ReadFile("../../data/gitlab-backend-engineer.source.md")
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// BenchmarkValidateImported is the baseline of BenchmarkImportSeed: loading
// and validating the rubric the seed page imports to, as 'ladder rubric
// validate' does.
func BenchmarkValidateImported(b *testing.B) {
	res, err := Import("seed.md", seedPage(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	out, err := Encode(res.Rubric, "yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(out)))
	for b.Loop() {
		if _, err := rubric.Parse("imported.yaml", out); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportSeed imports the built-in rubric's source page, checks of
// the result included, as 'ladder rubric import' does.
func BenchmarkImportSeed(b *testing.B) {
	src := seedPage(b)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Import("seed.md", src, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
