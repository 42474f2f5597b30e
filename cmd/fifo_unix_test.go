//go:build unix

package cmd

import "syscall"

func mkfifo(path string) bool { return syscall.Mkfifo(path, 0o600) == nil }
