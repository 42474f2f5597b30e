package importer

import (
	"os"
	"testing"

	"github.com/ladderhq/ladder/rubric"
	"github.com/ladderhq/ladder/rubric/sourceref"
)

func TestDumpSeed(t *testing.T) {
	src, err := os.ReadFile("../../data/gitlab-backend-engineer.source.md")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Import("gitlab-backend-engineer.source.md", src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	out, _ := Encode(res.Rubric, "yaml")
	os.WriteFile("/tmp/seed-import.yaml", out, 0o644)
	r, err := rubric.Parse("x.yaml", out)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := sourceref.Parse(src)
	cov := rubric.CheckCoverage(r, page)
	t.Logf("levels %d specialties %d criteria %d groups %d missing %d unknown %d", len(r.Levels), len(r.Specialties), len(r.Criteria), len(r.Groups), len(cov.Missing), len(cov.Unknown))
	for _, m := range cov.Missing {
		t.Logf("missing %s", m.Ref)
	}
	for _, n := range res.Notes {
		t.Logf("note %s", n)
	}
}
