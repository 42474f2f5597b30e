//go:build !unix

package atomicfile

func mkfifo(string) bool { return false }

func limitFileSize(uint64) {}
