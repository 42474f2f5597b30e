package assess_test

import (
	"os"
	"runtime"
	"runtime/metrics"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/data"
	"github.com/ladderhq/ladder/internal/store"
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

// benchCalibrate generates an organisation of people x 4 assessment files
// once, then measures beside each other:
//
//   - decode-only, the baseline: the same walk, then every file read and
//     decoded with store.Load (the strict parse against the rubric) by the
//     same pool of GOMAXPROCS goroutines, the results thrown away;
//   - calibrate: the walk, store.ReadSheets (read, decode, score each
//     rater's fit level, keep the ratings) and assess.Calibrate.
//
// Besides time and allocations per run, each reports peak-MB, the largest
// heap seen while it runs (sampled every millisecond), and kept-B/file, the
// heap its result holds per file once garbage is collected.
func benchCalibrate(b *testing.B, people int) {
	r, err := data.Rubric()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if _, _, err := synth.Write(dir, r, synth.Planted(people, 1)); err != nil {
		b.Fatal(err)
	}
	find := func(b *testing.B) []string {
		files, problems, err := store.FindFiles([]string{dir})
		if err != nil || len(problems) > 0 {
			b.Fatal(err, problems)
		}
		return files
	}
	decode := func(b *testing.B) any {
		decodeAll(b, find(b), r)
		return nil
	}
	calibrate := func(b *testing.B) any {
		read, err := store.ReadSheets(find(b), r, 0)
		if err != nil || len(read.Problems) > 0 {
			b.Fatal(err, read.Problems)
		}
		return assess.Calibrate(r, read.Sheets)
	}
	files := len(find(b))
	b.Run("decode-only", func(b *testing.B) { measure(b, files, func() any { return decode(b) }) })
	b.Run("calibrate", func(b *testing.B) {
		measure(b, files, func() any { return calibrate(b) })
		// On a shared machine the two sub-benchmarks, run one after the
		// other, can meet different loads; timed in turns, they meet the
		// same. x-decode is the ratio of the medians of five turns each.
		var dec, cal []time.Duration
		for range 5 {
			start := time.Now()
			decode(b)
			dec = append(dec, time.Since(start))
			start = time.Now()
			calibrate(b)
			cal = append(cal, time.Since(start))
		}
		b.ReportMetric(float64(median(cal))/float64(median(dec)), "x-decode")
	})
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

// decodeAll loads every file with GOMAXPROCS goroutines, as ReadSheets
// does, and keeps nothing.
func decodeAll(b *testing.B, files []string, r *rubric.Rubric) {
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
				if _, _, err := store.Load(files[i], r); err != nil {
					b.Error(err)
				}
			}
		}()
	}
	wg.Wait()
}

func measure(b *testing.B, files int, run func() any) {
	b.ReportAllocs()
	for b.Loop() {
		run()
	}
	b.StopTimer()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var kept any
	peak := peakHeap(func() { kept = run() })
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(kept)
	b.ReportMetric(float64(peak)/1e6, "peak-MB")
	b.ReportMetric(max(0, float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)))/float64(files), "kept-B/file")
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

// BenchmarkCalibrate1k calibrates 1,000 assessment files (250 people).
func BenchmarkCalibrate1k(b *testing.B) { benchCalibrate(b, 250) }

// BenchmarkCalibrate10k calibrates 10,000 assessment files (2,500 people).
func BenchmarkCalibrate10k(b *testing.B) { benchCalibrate(b, 2500) }
