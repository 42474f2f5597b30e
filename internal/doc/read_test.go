package doc

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReadAtMost: a file is read to its end whatever room it was given to
// start with (a file that grew since its size was taken), and no further
// than the limit (one that grew past it), in one read or byte by byte.
func TestReadAtMost(t *testing.T) {
	content := strings.Repeat("0123456789", 100)
	for _, tc := range []struct {
		room, limit int64
		want        string
	}{
		{1000 + 512, 2001, content}, // the size Stat gave, and some
		{10, 2001, content},         // grew since
		{0, 2001, content},
		{10, 501, content[:501]}, // grew past the limit
	} {
		for _, r := range []io.Reader{strings.NewReader(content), iotest.OneByteReader(strings.NewReader(content))} {
			got, err := readAtMost(r, tc.room, tc.limit)
			if err != nil || string(got) != tc.want {
				t.Errorf("room %d, limit %d: %d bytes, %v", tc.room, tc.limit, len(got), err)
			}
		}
	}
	if _, err := readAtMost(iotest.ErrReader(iotest.ErrTimeout), 10, 100); err != iotest.ErrTimeout {
		t.Errorf("error %v, want the reader's", err)
	}
}
