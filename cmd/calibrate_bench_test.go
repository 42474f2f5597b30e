package cmd_test

import (
	"encoding/json"
	"io"
	"os"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ladderhq/ladder/cmd"
	"github.com/ladderhq/ladder/data"
	"github.com/ladderhq/ladder/internal/store"
	"github.com/ladderhq/ladder/internal/synth"
	"go.yaml.in/yaml/v3"
)

// benchCalibrate writes an organisation of real-size assessment files
// (synth.RealSize: every criterion of the built-in rubric rated), once as
// YAML and once as JSON, then measures in one run, beside each
// other:
//
//   - read, the floor: every file found and read, by GOMAXPROCS goroutines;
//   - yaml-map and json-map, the decode-only baselines: the same, each file
//     decoded into a map[string]any by yaml.v3 or encoding/json;
//   - json and table: ladder calibrate -o json, and its table, in-process,
//     standard output thrown away; json-files: -o json of the JSON files.
//
// Each reports peak-MB, the largest heap seen while it runs (sampled every
// millisecond). On a shared machine sub-benchmarks run one after the other
// can meet different loads, so each of ladder's also reports x-read and
// x-yaml: the ratio of its median to the baseline's over five turns timed
// alternately.
func benchCalibrate(b *testing.B, cfg synth.Config) {
	r, err := data.Rubric()
	if err != nil {
		b.Fatal(err)
	}
	yamlDir, jsonDir := b.TempDir(), b.TempDir()
	if _, _, err := synth.Write(yamlDir, r, cfg); err != nil {
		b.Fatal(err)
	}
	cfg.JSON = true
	if _, _, err := synth.Write(jsonDir, r, cfg); err != nil {
		b.Fatal(err)
	}
	baselines := []struct {
		name string
		run  func(b *testing.B)
	}{
		{"read", func(b *testing.B) { readAll(b, yamlDir, nil) }},
		{"yaml-map", func(b *testing.B) {
			readAll(b, yamlDir, func(data []byte) error {
				var m map[string]any
				return yaml.Unmarshal(data, &m)
			})
		}},
		{"json-map", func(b *testing.B) {
			readAll(b, jsonDir, func(data []byte) error {
				var m map[string]any
				return json.Unmarshal(data, &m)
			})
		}},
	}
	calibrate := func(args ...string) func(b *testing.B) {
		return func(b *testing.B) {
			var errOut strings.Builder
			env := &cmd.Env{
				IO:     cmd.IO{In: strings.NewReader(""), Out: io.Discard, Err: &errOut},
				Getenv: func(string) string { return "" },
				Now:    time.Now,
			}
			if code := cmd.Run(env, append([]string{"calibrate"}, args...)); code != 0 {
				b.Fatalf("exit %d: %s", code, errOut.String())
			}
		}
	}
	ladder := []struct {
		name string
		run  func(b *testing.B)
	}{
		{"json", calibrate("-o", "json", yamlDir)},
		{"table", calibrate(yamlDir)},
		{"json-files", calibrate("-o", "json", jsonDir)},
	}
	for _, bl := range baselines {
		b.Run(bl.name, func(b *testing.B) { measure(b, func() { bl.run(b) }) })
	}
	for _, l := range ladder {
		b.Run(l.name, func(b *testing.B) {
			measure(b, func() { l.run(b) })
			var read, yml, this []time.Duration
			for range 5 {
				read = append(read, timed(func() { baselines[0].run(b) }))
				yml = append(yml, timed(func() { baselines[1].run(b) }))
				this = append(this, timed(func() { l.run(b) }))
			}
			b.ReportMetric(float64(median(this))/float64(median(read)), "x-read")
			b.ReportMetric(float64(median(this))/float64(median(yml)), "x-yaml")
		})
	}
}

// BenchmarkCalibrate1k calibrates 1,000 assessment files (250 people).
func BenchmarkCalibrate1k(b *testing.B) { benchCalibrate(b, synth.RealSize(250, 1)) }

// BenchmarkCalibrate10k calibrates 10,000 assessment files (2,500 people).
func BenchmarkCalibrate10k(b *testing.B) { benchCalibrate(b, synth.RealSize(2500, 1)) }

// BenchmarkCalibrate10kSplit calibrates 10,000 files whose raters are
// often far apart: some 475,000 disagreements, each shown with every
// rating, so that writing the output is most of the work.
func BenchmarkCalibrate10kSplit(b *testing.B) {
	cfg := synth.RealSize(2500, 1)
	cfg.Disagree = 0.25
	benchCalibrate(b, cfg)
}

// readAll finds the assessment files under dir as ladder does and reads
// each, then hands it to decode (when not nil), with GOMAXPROCS goroutines.
func readAll(b *testing.B, dir string, decode func([]byte) error) {
	files, problems, err := store.FindFiles([]string{dir})
	if err != nil || len(problems) > 0 {
		b.Fatal(err, problems)
	}
	var (
		next atomic.Int64
		wg   sync.WaitGroup
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				data, err := os.ReadFile(files[i])
				if err == nil && decode != nil {
					err = decode(data)
				}
				if err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func timed(fn func()) time.Duration {
	start := time.Now()
	fn()
	return time.Since(start)
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

// measure times run and reports the largest heap seen during one more run.
func measure(b *testing.B, run func()) {
	b.ReportAllocs()
	for b.Loop() {
		run()
	}
	b.StopTimer()
	runtime.GC()
	b.ReportMetric(float64(peakHeap(run))/1e6, "peak-MB")
}

// peakHeap runs fn and returns the largest heap (live and garbage objects)
// seen meanwhile, sampled every millisecond.
func peakHeap(fn func()) uint64 {
	stop, done := make(chan struct{}), make(chan uint64)
	go func() {
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		var peak uint64
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-stop:
				done <- peak
				return
			case <-tick.C:
			}
		}
	}()
	fn()
	close(stop)
	return <-done
}
