// Package buildinfo says which ladder this is: the version stamped at build
// time, or the module version and VCS revision Go records in the binary.
package buildinfo

import (
	"runtime/debug"
	"strings"
)

// version is stamped by the Makefile:
//
//	go build -ldflags "-X github.com/ladderhq/ladder/internal/buildinfo.version=v1.2.3"
//
// It is a link-time constant: nothing writes it at run time. revision is
// stamped the same way, for builds where Go records no VCS information.
var version, revision string

// Info describes the running binary.
type Info struct {
	Version   string `json:"version"`
	Revision  string `json:"revision,omitempty"`
	Time      string `json:"time,omitempty"`
	Modified  bool   `json:"modified,omitempty"`
	GoVersion string `json:"go"`
}

// Read collects what the binary knows about itself.
func Read() Info {
	info := Info{Version: version, Revision: revision}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		if info.Version == "" {
			info.Version = "(unknown)"
		}
		return info
	}
	info.GoVersion = bi.GoVersion
	if info.Version == "" {
		info.Version = bi.Main.Version // "v1.2.3" when installed with go install, "(devel)" otherwise
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			if info.Revision == "" {
				info.Revision = s.Value
			}
		case "vcs.time":
			info.Time = s.Value
		case "vcs.modified":
			info.Modified = s.Value == "true"
		}
	}
	if info.Version == "" {
		info.Version = "(devel)"
	}
	return info
}

// String is the one-line form: "ladder v1.2.3 (abc1234, 2026-11-24, go1.26)".
func (i Info) String() string {
	var extra []string
	if i.Revision != "" {
		rev := i.Revision
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if i.Modified {
			rev += "+dirty"
		}
		extra = append(extra, rev)
	}
	if i.Time != "" {
		extra = append(extra, strings.SplitN(i.Time, "T", 2)[0])
	}
	if i.GoVersion != "" {
		extra = append(extra, i.GoVersion)
	}
	s := "ladder " + i.Version
	if len(extra) > 0 {
		s += " (" + strings.Join(extra, ", ") + ")"
	}
	return s
}
