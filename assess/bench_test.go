package assess_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/data"
	"github.com/ladderhq/ladder/internal/synth"
	"github.com/ladderhq/ladder/rubric"
	"go.yaml.in/yaml/v3"
)

func loadExample(b *testing.B) []byte {
	src, err := os.ReadFile("../examples/senior-gitaly.yaml")
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// BenchmarkDecodeOnly is the baseline for BenchmarkParse: the same file
// decoded by the YAML library into a generic map, with no checks.
func BenchmarkDecodeOnly(b *testing.B) {
	src := loadExample(b)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		var m map[string]any
		if err := yaml.Unmarshal(src, &m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse decodes and checks an assessment against the rubric.
func BenchmarkParse(b *testing.B) {
	r, err := data.Rubric()
	if err != nil {
		b.Fatal(err)
	}
	src := loadExample(b)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, _, err := assess.Parse("a.yaml", src, r, assess.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScore scores one assessment against every level and specialty.
func BenchmarkScore(b *testing.B) {
	r, err := data.Rubric()
	if err != nil {
		b.Fatal(err)
	}
	a, _, err := assess.Parse("a.yaml", loadExample(b), r, assess.Options{})
	if err != nil {
		b.Fatal(err)
	}
	s := assess.NewScorer(r)
	for b.Loop() {
		s.Score(a)
	}
}

// realSize is one real-size assessment file as ladder writes it (every
// criterion of the built-in rubric rated), in YAML and in JSON.
func realSize(b *testing.B) (*rubric.Rubric, []byte, []byte) {
	r, err := data.Rubric()
	if err != nil {
		b.Fatal(err)
	}
	files, _ := synth.Generate(r, synth.RealSize(24, 1))
	y, err := assess.Encode(files[0].Assessment, r)
	if err != nil {
		b.Fatal(err)
	}
	j, err := assess.EncodeJSON(files[0].Assessment, r)
	if err != nil {
		b.Fatal(err)
	}
	return r, y, j
}

// BenchmarkReadSheet reads a real-size file as a calibration does, beside
// the baselines of the same run: the same bytes decoded into a generic map
// by yaml.v3 (yaml-map) or encoding/json (json-map), and copied (copy).
// x-yaml-map and x-json-map are ladder's time over the baseline's.
func BenchmarkReadSheet(b *testing.B) {
	r, y, j := realSize(b)
	s := assess.NewScorer(r)
	var sink []byte
	baselines := map[string]func(){
		"copy":     func() { sink = append(sink[:0], y...) },
		"yaml-map": func() { var m map[string]any; _ = yaml.Unmarshal(y, &m) },
		"json-map": func() { var m map[string]any; _ = json.Unmarshal(j, &m) },
	}
	perOp := map[string]float64{}
	for _, name := range []string{"copy", "yaml-map", "json-map"} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(y)))
			for b.Loop() {
				baselines[name]()
			}
			perOp[name] = float64(b.Elapsed()) / float64(b.N)
		})
	}
	for _, f := range []struct {
		name string
		src  []byte
		base string
	}{{"yaml", y, "yaml-map"}, {"json", j, "json-map"}} {
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(int64(len(f.src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := assess.ReadSheet("a."+f.name, f.src, s); err != nil {
					b.Fatal(err)
				}
			}
			if base := perOp[f.base]; base > 0 {
				b.ReportMetric(float64(b.Elapsed())/float64(b.N)/base, "x-"+f.base)
			}
		})
	}
}
