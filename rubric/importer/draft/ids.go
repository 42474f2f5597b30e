package draft

import (
	"fmt"
	"strings"
)

// maxIDLength keeps ids short enough to type and to read in a table.
const maxIDLength = 40

// Slug is up to max meaningful words of text, lower case, joined by dashes:
// "Experience with Docker and Kubernetes" -> "docker-kubernetes". Words
// that only say how much ("strong", "experience") are skipped while others
// remain; "" when text has no letters or digits at all.
func Slug(text string, max int) string {
	words := Words(text)
	var keep, plain []string
	for _, w := range words {
		if stopWords[w] {
			continue
		}
		plain = append(plain, w)
		if !vagueWords[w] {
			keep = append(keep, w)
		}
	}
	if len(keep) == 0 {
		keep = plain
	}
	if len(keep) == 0 {
		keep = words
	}
	if len(keep) > max {
		keep = keep[:max]
	}
	return strings.Join(keep, "-")
}

// IDs hands out unique ids.
type IDs struct {
	taken map[string]bool
	next  map[string]int // base -> the next suffix to try
}

// Reserve marks id as taken (an id the source file gives itself).
func (x *IDs) Reserve(id string) {
	if x.taken == nil {
		x.taken = map[string]bool{}
	}
	x.taken[id] = true
}

// Taken reports whether id is in use.
func (x *IDs) Taken(id string) bool { return x.taken[id] }

// New makes an id from its parts (empty ones skipped), each already a slug,
// shortened to a readable length and made unique with -2, -3, ...
func (x *IDs) New(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.Trim(p, "-"); p != "" {
			keep = append(keep, p)
		}
	}
	id := strings.Join(keep, "-")
	if id == "" {
		id = "item"
	}
	for len(id) > maxIDLength {
		i := strings.LastIndexByte(id, '-')
		if i <= 0 {
			id = id[:maxIDLength]
			break
		}
		id = id[:i]
	}
	base := id
	if x.next == nil {
		x.next = map[string]int{}
	}
	for n := max(2, x.next[base]); x.Taken(id); n++ {
		id = fmt.Sprintf("%s-%d", base, n)
		x.next[base] = n + 1
	}
	x.Reserve(id)
	return id
}

// Short is a short prefix for ids under a long id: the id itself when short,
// its initials when it has three words or more, else its first word.
func Short(id string) string {
	if len(id) <= 12 {
		return id
	}
	parts := strings.Split(id, "-")
	if len(parts) >= 3 {
		var b strings.Builder
		for _, p := range parts {
			if p != "" {
				b.WriteByte(p[0])
			}
		}
		return b.String()
	}
	return parts[0]
}
