//go:build !unix

package cmd

func mkfifo(string) bool { return false }
