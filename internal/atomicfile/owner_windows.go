//go:build windows

package atomicfile

import "os"

// keepOwner: on Windows a replaced file's access comes from its folder's
// inherited permissions, which a new file in the same folder gets too.
func keepOwner(*os.File, os.FileInfo) bool { return true }
