package doc

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// MaxFileSize is the largest rubric or assessment file ladder reads.
const MaxFileSize = 10 << 20

// ReadFile reads a user's file, refusing what is not a regular file (a
// folder, or a FIFO that would block forever) and anything over max bytes,
// with an error that names the file.
func ReadFile(path string, max int64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, &Error{File: path, Msg: DescribeOSError(err)}
	}
	switch {
	case fi.IsDir():
		return nil, &Error{File: path, Msg: "is a folder, not a file"}
	case !fi.Mode().IsRegular():
		return nil, &Error{File: path, Msg: "is not a regular file"}
	case fi.Size() > max:
		return nil, &Error{File: path, Msg: fmt.Sprintf("is %s, larger than the %s limit", size(fi.Size()), size(max))}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{File: path, Msg: DescribeOSError(err)}
	}
	defer f.Close()
	// Room for the size Stat gave and a little more, so that a file read
	// whole takes one read and one allocation; a file that grew meanwhile
	// still reads to its end, up to the limit.
	data, err := readAtMost(f, min(fi.Size(), max)+512, max+1)
	if err != nil {
		return nil, &Error{File: path, Msg: "cannot read: " + DescribeOSError(err)}
	}
	if int64(len(data)) > max {
		return nil, &Error{File: path, Msg: fmt.Sprintf("is larger than the %s limit", size(max))}
	}
	return data, nil
}

// readAtMost reads r to its end, or to limit bytes, into a buffer of room
// bytes to start with.
func readAtMost(r io.Reader, room, limit int64) ([]byte, error) {
	data := make([]byte, 0, room)
	for int64(len(data)) < limit {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):min(int64(cap(data)), limit)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
	return data, nil
}

// DescribeOSError says in a few words why a file could not be opened or
// read: "no such file", "permission denied", ...
func DescribeOSError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}
