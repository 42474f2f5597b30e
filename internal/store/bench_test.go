package store_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/data"
	"github.com/ladderhq/ladder/internal/atomicfile"
	"github.com/ladderhq/ladder/internal/store"
	"github.com/ladderhq/ladder/rubric"
)

// exampleAssessment is a full, real-sized assessment: every criterion of
// the built-in rubric answered, with a note on some.
func exampleAssessment(b *testing.B) (*rubric.Rubric, *assess.Assessment) {
	r, err := data.Rubric()
	if err != nil {
		b.Fatal(err)
	}
	a, _, err := store.Load("../../examples/senior-gitaly.yaml", r)
	if err != nil {
		b.Fatal(err)
	}
	return r, a
}

// plainAtomicWrite is the baseline: an atomic write as ladder did it
// before it locked, a temporary file written, synced and renamed, then the
// folder synced, with no lock, no owner kept and no link followed.
func plainAtomicWrite(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".plain-*.tmp")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return err
	}
	d, err := os.Open(filepath.Dir(path))
	if err != nil {
		return err
	}
	_ = d.Sync()
	return d.Close()
}

// BenchmarkSaveLock measures what the lock costs per save, each beside
// the plain atomic write of the same bytes:
//
//   - plain: plainAtomicWrite, the baseline;
//   - session: a save in a ladder assess session, which holds the lock
//     for the whole session (what every answer costs);
//   - locked: a lock taken and released around each write (what ladder
//     migrate and report --out pay, once).
//
// On a shared machine, sub-benchmarks run one after the other can meet
// different loads; x-plain is the ratio of the medians of eleven turns
// each, timed alternately.
func BenchmarkSaveLock(b *testing.B) {
	r, a := exampleAssessment(b)
	bytes, err := store.Encode("a.yaml", a, r)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	plainPath := filepath.Join(dir, "plain.yaml")
	lockedPath := filepath.Join(dir, "locked.yaml")
	held, err := atomicfile.Lock(filepath.Join(dir, "session.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	defer held.Unlock()

	ways := []struct {
		name  string
		write func() error
	}{
		{"plain", func() error { return plainAtomicWrite(plainPath, bytes) }},
		{"session", func() error { return held.Write(bytes, 0o600) }},
		{"locked", func() error { return atomicfile.Write(lockedPath, bytes, 0o600) }},
	}
	for _, w := range ways {
		b.Run(w.name, func(b *testing.B) {
			b.SetBytes(int64(len(bytes)))
			for b.Loop() {
				if err := w.write(); err != nil {
					b.Fatal(err)
				}
			}
			if w.name == "plain" {
				return
			}
			const turns, writes = 11, 30
			var plain, this []time.Duration
			for range turns {
				plain = append(plain, timeWrites(b, ways[0].write, writes))
				this = append(this, timeWrites(b, w.write, writes))
			}
			b.ReportMetric(float64(median(this))/float64(median(plain)), "x-plain")
		})
	}
}

func timeWrites(b *testing.B, write func() error, n int) time.Duration {
	start := time.Now()
	for range n {
		if err := write(); err != nil {
			b.Fatal(err)
		}
	}
	return time.Since(start)
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

// BenchmarkSessionSave is what ladder assess does after every answer:
// encode the assessment in the file's format and write it, the session's
// lock held.
func BenchmarkSessionSave(b *testing.B) {
	r, a := exampleAssessment(b)
	for _, name := range []string{"a.yaml", "a.json"} {
		b.Run(filepath.Ext(name)[1:], func(b *testing.B) {
			path := filepath.Join(b.TempDir(), name)
			if err := store.Save(path, a, r); err != nil {
				b.Fatal(err)
			}
			sess, err := store.Resume(path)
			if err != nil {
				b.Fatal(err)
			}
			defer sess.Close()
			for b.Loop() {
				if err := sess.Save(a, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
