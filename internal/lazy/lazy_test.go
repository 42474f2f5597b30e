package lazy

import (
	"sync"
	"testing"
)

func TestRegexpCompilesOnce(t *testing.T) {
	re := Regexp(`^a+$`)
	var wg sync.WaitGroup
	seen := make([]any, 8)
	for i := range seen {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen[i] = re()
		}()
	}
	wg.Wait()
	for _, s := range seen {
		if s != seen[0] {
			t.Fatal("compiled more than once")
		}
	}
	if !re().MatchString("aaa") || re().MatchString("b") {
		t.Error("not the expression given")
	}
}

func TestRegexpPanicsOnFirstUseWhenInvalid(t *testing.T) {
	re := Regexp(`(`) // no panic yet
	defer func() {
		if recover() == nil {
			t.Error("no panic")
		}
	}()
	re()
}
