// Package lazy compiles regular expressions the first time they are used
// rather than when the program starts. Every command runs the package
// initialisation of everything linked into the binary, and most use none
// of the expressions of most packages (an importer has dozens): compiled
// at start-up, they cost every command time and memory for nothing.
package lazy

import (
	"regexp"
	"sync"
)

// Regexp returns a function that compiles expr on its first call, panicking
// as regexp.MustCompile does if it is invalid, and returns the same
// expression on every call, from any goroutine.
func Regexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
