// Package assess holds assessments (one person's ratings against a rubric,
// by one rater) and everything computed from them: scores and verdicts,
// growth plans, progress between two assessments, and team calibration.
//
// It decodes and encodes assessments as bytes but never touches a file or
// a folder: package internal/store reads, writes and finds them.
package assess

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/ladderhq/ladder/internal/doc"
	"github.com/ladderhq/ladder/rubric"
	"go.yaml.in/yaml/v3"
)

// Format is the value of the format field of an assessment file.
const Format = "ladder/assessment/v1"

// Role is who rated the person.
type Role string

// The roles a rater can have.
const (
	Self    Role = "self"
	Manager Role = "manager"
	Peer    Role = "peer"
)

// Roles lists the valid roles.
var Roles = []Role{Self, Manager, Peer}

// Rating is one answer. A yes/no answer is stored as 1 (yes) or 0 (no).
type Rating struct {
	Value int
	YesNo bool
	Note  string
	// Implied names the criterion whose answer settled this one without
	// asking it: a stricter rung of the same line, met (see Settle). ""
	// for an answer the rater gave.
	Implied string
}

// Yes reports whether a yes/no answer is yes.
func (r Rating) Yes() bool { return r.YesNo && r.Value == 1 }

// String is the rating as written in a file: a number, or yes / no.
func (r Rating) String() string {
	if r.YesNo {
		if r.Value == 1 {
			return "yes"
		}
		return "no"
	}
	return fmt.Sprint(r.Value)
}

// RubricRef names the rubric an assessment was written against.
type RubricRef struct {
	ID      string `json:"id" yaml:"id"`
	Version string `json:"version" yaml:"version"`
}

// Assessment is one rater's ratings of one person.
type Assessment struct {
	Rubric       RubricRef
	Person       string
	Rater        string
	Role         Role
	CurrentLevel string
	TargetLevel  string
	Specialties  []string
	Created      time.Time
	Updated      time.Time
	Ratings      map[string]Rating
	// CantSay holds the criteria a manager or peer answered "can't say"
	// about, each with the rater's note ("" for none). A criterion is in
	// Ratings or in CantSay, never both (see cantsay.go).
	CantSay map[string]string
	// Retired keeps ratings of criteria the rubric no longer has, so that a
	// migration never drops an answer; RetiredCantSay keeps their "can't
	// say" answers.
	Retired        map[string]Rating
	RetiredCantSay map[string]string
}

// New starts an empty assessment of person against r.
func New(r *rubric.Rubric, person string, now time.Time) *Assessment {
	return &Assessment{
		Rubric:  RubricRef{ID: r.ID, Version: r.Version},
		Person:  person,
		Rater:   person,
		Role:    Self,
		Created: now,
		Updated: now,
		Ratings: map[string]Rating{},
	}
}

// fillDefaults fills what a file may leave out: the rater is the person,
// the role self, and the last update the creation. Both readers (the
// strict parser and the fast one) apply it, so they agree.
func (a *Assessment) fillDefaults() {
	if a.Rater == "" {
		a.Rater = a.Person
	}
	if a.Role == "" {
		a.Role = Self
	}
	if a.Updated.IsZero() {
		a.Updated = a.Created
	}
}

// Answered reports whether criterion id has a rating.
func (a *Assessment) Answered(id string) bool {
	_, ok := a.Ratings[id]
	return ok
}

// HasSpecialty reports whether the assessment names specialty id.
func (a *Assessment) HasSpecialty(id string) bool {
	for _, s := range a.Specialties {
		if s == id {
			return true
		}
	}
	return false
}

// Warning is something worth telling the user that does not stop the work.
type Warning struct {
	File string
	Kind WarningKind
	Msg  string
}

// migrateHint ends a warning that ladder migrate would resolve.
const migrateHint = " (ladder migrate updates the file)"

// WithoutHint is the warning without its advice to run ladder migrate, for
// ladder migrate itself.
func (w Warning) WithoutHint() string { return strings.TrimSuffix(w.String(), migrateHint) }

// WarningKind says what a warning is about.
type WarningKind string

// The kinds of warnings.
const (
	OtherVersion WarningKind = "version" // written for another version of the rubric
	Renamed      WarningKind = "renamed" // a rating under an alias of its criterion
	Retired      WarningKind = "retired" // a rating the rubric cannot take, kept apart
)

func (w Warning) String() string { return w.File + ": " + w.Msg }

// Options change how strictly a file is read.
type Options struct {
	// Migrate keeps every rating the rubric cannot take (an id it no longer
	// has, a rating outside its scale, yes/no where it asks for a number or
	// the other way round) in Retired, with a warning, instead of failing;
	// ladder migrate uses it so that no answer is ever dropped.
	Migrate bool
}

// Parse decodes an assessment and checks it against r: an unknown criterion,
// a rating outside the scale, a duplicate key or another rubric is an error
// located in the file; another version of the same rubric is a warning.
//
// A file in the shape ladder writes is read by the quick reader; any other,
// and any with a problem, by the strict one, which says what is wrong.
func Parse(file string, data []byte, r *rubric.Rubric, opt Options) (*Assessment, []Warning, error) {
	if !opt.Migrate {
		ratings := make(map[string]Rating, len(r.Criteria))
		a, warnings, ok := readQuick(file, string(data), r, func(i int, rt Rating) { ratings[r.Criteria[i].ID] = rt })
		if ok {
			a.Ratings = ratings
			return a, warnings, nil
		}
	}
	return parseStrict(file, data, r, opt)
}

// parseStrict is Parse by the node tree of package doc: every file, every
// problem located.
func parseStrict(file string, data []byte, r *rubric.Rubric, opt Options) (*Assessment, []Warning, error) {
	d, err := doc.Parse(file, data)
	if err != nil {
		return nil, nil, err
	}
	p := parser{d: d, r: r, opt: opt, a: &Assessment{Ratings: map[string]Rating{}}}
	if err := p.top(); err != nil {
		return nil, nil, err
	}
	return p.a, p.warnings, nil
}

type parser struct {
	d        *doc.Document
	r        *rubric.Rubric
	opt      Options
	a        *Assessment
	warnings []Warning
}

var topFields = []string{"format", "rubric", "person", "rater", "role", "current_level", "target_level",
	"specialties", "created", "updated", "ratings", "retired"}

func (p *parser) top() error {
	d, a := p.d, p.a
	var format string
	seen := map[string]*doc.Node{}
	var ratings, retired *doc.Node
	err := d.Map(d.Root, "the assessment", topFields, func(key string, f doc.Field) error {
		seen[key] = f.Value
		var err error
		switch key {
		case "format":
			format, err = d.String(f.Value, "format")
			if err == nil && format != Format {
				return d.Errorf(f.Value, "unknown format %q (expected %q)", format, Format)
			}
		case "rubric":
			err = d.Map(f.Value, "rubric", []string{"id", "version"}, func(k string, f doc.Field) error {
				var err error
				if k == "id" {
					a.Rubric.ID, err = d.String(f.Value, "rubric.id")
				} else {
					a.Rubric.Version, err = d.String(f.Value, "rubric.version")
				}
				return err
			})
			if err == nil && a.Rubric.ID != p.r.ID {
				return d.Errorf(f.Value, "written for rubric %q, not %q (give its rubric with --rubric FILE)", a.Rubric.ID, p.r.ID)
			}
			if err == nil && a.Rubric.Version != p.r.Version {
				p.warnings = append(p.warnings, otherVersion(d.File, a.Rubric, p.r))
			}
		case "person":
			a.Person, err = d.String(f.Value, "person")
		case "rater":
			a.Rater, err = d.String(f.Value, "rater")
		case "role":
			var s string
			s, err = d.String(f.Value, "role")
			a.Role = Role(s)
			if err == nil && !validRole(a.Role) {
				return d.Errorf(f.Value, "unknown role %q (use self, manager or peer)", s)
			}
		case "current_level", "target_level":
			var s string
			if s, err = d.String(f.Value, key); err == nil && s != "" && p.r.Level(s) == nil {
				return d.Errorf(f.Value, "%s: unknown level %q (levels: %s)", key, s, levelIDs(p.r))
			}
			if key == "current_level" {
				a.CurrentLevel = s
			} else {
				a.TargetLevel = s
			}
		case "specialties":
			err = d.Seq(f.Value, "specialties", func(_ int, n *doc.Node) error {
				s, err := d.String(n, "a specialty")
				if err != nil {
					return err
				}
				if p.r.Specialty(s) == nil {
					return d.Errorf(n, "unknown specialty %q", s)
				}
				if a.HasSpecialty(s) {
					return d.Errorf(n, "specialty %q is listed twice", s)
				}
				a.Specialties = append(a.Specialties, s)
				return nil
			})
		case "created", "updated":
			var t time.Time
			if t, err = p.time(f.Value, key); key == "created" {
				a.Created = t
			} else {
				a.Updated = t
			}
		case "ratings":
			ratings = f.Value
		case "retired":
			retired = f.Value
		}
		return err
	})
	if err != nil {
		return err
	}
	if _, ok := seen["format"]; !ok {
		return d.Errorf(d.Root, "missing format (expected %q)", Format)
	}
	if _, ok := seen["rubric"]; !ok {
		return d.Errorf(d.Root, "missing rubric (its id and version)")
	}
	if strings.TrimSpace(a.Person) == "" {
		return d.Errorf(nodeOr(seen["person"], d.Root), "missing person: who is assessed")
	}
	a.fillDefaults()
	if ratings != nil {
		if err := p.ratings(ratings); err != nil {
			return err
		}
	}
	if retired != nil {
		return p.retired(retired)
	}
	return nil
}

func nodeOr(n, fallback *doc.Node) *doc.Node {
	if n != nil {
		return n
	}
	return fallback
}

func validRole(r Role) bool {
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}

func levelIDs(r *rubric.Rubric) string {
	var ids []string
	for _, l := range r.Levels {
		ids = append(ids, l.ID)
	}
	return strings.Join(ids, ", ")
}

// otherVersion is the warning about a file written for another version of
// r.
func otherVersion(file string, ref RubricRef, r *rubric.Rubric) Warning {
	return Warning{File: file, Kind: OtherVersion, Msg: fmt.Sprintf("written for version %q of rubric %q, scored against version %q", ref.Version, ref.ID, r.Version)}
}

func (p *parser) time(n *doc.Node, what string) (time.Time, error) {
	s, err := p.d.String(n, what)
	if err != nil {
		return time.Time{}, err
	}
	t, ok := parseTime(s)
	if !ok {
		return time.Time{}, p.d.Errorf(n, "%s: %q is not a date and time (use 2026-11-24T10:00:00Z)", what, s)
	}
	return t, nil
}

// parseTime reads a date and time as an assessment may give it: RFC 3339,
// or without a time zone (UTC), or a date alone; "" is no time.
func parseTime(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, true
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func (p *parser) ratings(n *doc.Node) error {
	d := p.d
	source := map[string]string{} // current id -> the key it was written as
	return d.Map(n, "ratings", nil, func(key string, f doc.Field) error {
		c := p.r.Resolve(key)
		if c == nil {
			if p.opt.Migrate {
				return p.retire(key, f.Value, fmt.Sprintf("rubric %q has no criterion %q", p.r.ID, key))
			}
			return d.Errorf(f.Key, "unknown criterion %q in rubric %q", key, p.r.ID)
		}
		if prev, dup := source[c.ID]; dup {
			return d.Errorf(f.Key, "%q and %q are the same criterion (%s); rate it once", prev, key, c.ID)
		}
		source[c.ID] = key
		rt, cantSay, err := p.rating(f.Value, c, key)
		if err != nil {
			var de *doc.Error
			if p.opt.Migrate && errors.As(err, &de) && p.retire(key, f.Value, de.Msg) == nil {
				return nil
			}
			return err // what the criterion cannot take, said as the criterion would
		}
		if key != c.ID {
			p.warnings = append(p.warnings, Warning{File: d.File, Kind: Renamed, Msg: fmt.Sprintf("criterion %q is now %q", key, c.ID) + migrateHint})
		}
		if cantSay {
			p.a.MarkCantSay(c.ID, rt.Note)
			return nil
		}
		p.a.Ratings[c.ID] = rt
		return nil
	})
}

// retire keeps a rating the rubric cannot take, as it was written.
func (p *parser) retire(key string, n *doc.Node, why string) error {
	rt, cantSay, err := p.rating(n, nil, key)
	if err != nil {
		return err
	}
	p.keepRetired(key, rt, cantSay)
	p.warnings = append(p.warnings, Warning{File: p.d.File, Kind: Retired, Msg: fmt.Sprintf("rating of %q kept under retired: %s", key, why)})
	return nil
}

func (p *parser) retired(n *doc.Node) error {
	return p.d.Map(n, "retired", nil, func(key string, f doc.Field) error {
		rt, cantSay, err := p.rating(f.Value, nil, key)
		if err != nil {
			return err
		}
		p.keepRetired(key, rt, cantSay)
		return nil
	})
}

func (p *parser) keepRetired(key string, rt Rating, cantSay bool) {
	if cantSay {
		if p.a.RetiredCantSay == nil {
			p.a.RetiredCantSay = map[string]string{}
		}
		p.a.RetiredCantSay[key] = rt.Note
		return
	}
	if p.a.Retired == nil {
		p.a.Retired = map[string]Rating{}
	}
	p.a.Retired[key] = rt
}

// rating decodes "3", "yes", "can't say", or {rating: 3, note: "...",
// implied_by: id}; cantSay says the rater could not judge (the note is in
// rt). With c nil (a retired rating) any scale number, yes/no or can't say
// is kept as it is.
func (p *parser) rating(n *doc.Node, c *rubric.Criterion, key string) (rt Rating, cantSay bool, err error) {
	d := p.d
	value := n
	var impliedAt *doc.Node
	if isMapping(n) {
		found := false
		err := d.Map(n, "rating of "+key, []string{"rating", "implied_by", "note"}, func(k string, f doc.Field) error {
			var err error
			switch k {
			case "rating":
				value, found = f.Value, true
			case "implied_by":
				impliedAt = f.Value
				rt.Implied, err = p.impliedBy(f.Value, c, key)
			default:
				rt.Note, err = d.String(f.Value, "note")
			}
			return err
		})
		if err != nil {
			return rt, false, err
		}
		if !found {
			return rt, false, d.Errorf(n, "rating of %q has a note but no rating", key)
		}
	}
	v, err := d.Scalar(value, "rating of "+key)
	if err != nil {
		return rt, false, err
	}
	yes, isWord := d.YesNo(v)
	// What else a rating of c may be, for the messages below.
	orCantSay := ""
	if p.a.RatesSomeoneElse() {
		orCantSay = ` or "` + CantSayText + `"`
	}
	switch {
	case v.Tag == "!!str" && isCantSay(v.Value):
		switch {
		case c != nil && !p.a.RatesSomeoneElse():
			return rt, false, d.Errorf(v, "%q: %q is a manager's or peer's answer; a self-assessment leaves out what it does not rate", key, v.Value)
		case impliedAt != nil:
			return rt, false, d.Errorf(impliedAt, "rating of %q: %q is the rater's own answer, never implied by another", key, v.Value)
		}
		return rt, true, nil
	case isWord && (c == nil || c.Answer == rubric.YesNo):
		rt.YesNo = true
		if yes {
			rt.Value = 1
		}
	case isWord:
		return rt, false, d.Errorf(v, "%q is rated on the scale 0..%d%s, not yes or no", key, p.r.MaxRating(), orCantSay)
	case c != nil && c.Answer == rubric.YesNo:
		return rt, false, d.Errorf(v, "%q is answered yes or no%s, not %q", key, orCantSay, v.Value)
	case v.Tag == "!!str":
		return rt, false, d.Errorf(v, "rating of %q must be a whole number 0..%d%s, not %q", key, p.r.MaxRating(), orCantSay, v.Value)
	default:
		n, err := d.Int(v, "rating of "+key)
		if err != nil {
			return rt, false, err
		}
		if c != nil && (n < 0 || n > p.r.MaxRating()) {
			return rt, false, d.Errorf(v, "rating %d of %q is outside the scale 0..%d", n, key, p.r.MaxRating())
		}
		rt.Value = n
	}
	return rt, false, nil
}

// impliedBy decodes the criterion whose answer implied a rating: it must
// be a stricter rung of the same line, one that supersedes c directly or
// through others. An older id of it is taken, as in ratings.
func (p *parser) impliedBy(n *doc.Node, c *rubric.Criterion, key string) (string, error) {
	s, err := p.d.String(n, "implied_by")
	if err != nil || c == nil {
		return s, err
	}
	by := p.r.Resolve(s)
	switch {
	case by == nil:
		return "", p.d.Errorf(n, "rating of %q: implied_by names unknown criterion %q", key, s)
	case !p.r.Outranks(by.ID, c.ID):
		return "", p.d.Errorf(n, "rating of %q: implied_by names %q, which does not supersede it", key, s)
	}
	return by.ID, nil
}

// Encode writes an assessment as YAML: fields in a fixed order, ratings in
// rubric order, so that two versions of a file diff cleanly.
func Encode(a *Assessment, r *rubric.Rubric) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{document(a, r)}}); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// document is an assessment as the file holds it, whatever its format.
func document(a *Assessment, r *rubric.Rubric) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, v *yaml.Node) {
		m.Content = append(m.Content, str(key), v)
	}
	add("format", str(Format))
	rub := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	rub.Content = append(rub.Content, str("id"), str(a.Rubric.ID), str("version"), quoted(a.Rubric.Version))
	add("rubric", rub)
	add("person", str(a.Person))
	add("rater", str(a.Rater))
	add("role", str(string(a.Role)))
	if a.CurrentLevel != "" {
		add("current_level", str(a.CurrentLevel))
	}
	if a.TargetLevel != "" {
		add("target_level", str(a.TargetLevel))
	}
	specs := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, s := range a.Specialties {
		specs.Content = append(specs.Content, str(s))
	}
	add("specialties", specs)
	if !a.Created.IsZero() {
		add("created", str(a.Created.UTC().Format(time.RFC3339)))
	}
	if !a.Updated.IsZero() {
		add("updated", str(a.Updated.UTC().Format(time.RFC3339)))
	}
	ratings := &yaml.Node{Kind: yaml.MappingNode}
	for _, c := range r.Criteria {
		if rt, ok := a.Ratings[c.ID]; ok {
			ratings.Content = append(ratings.Content, str(c.ID), ratingNode(rt))
		} else if note, ok := a.CantSay[c.ID]; ok {
			ratings.Content = append(ratings.Content, str(c.ID), cantSayNode(note))
		}
	}
	add("ratings", ratings)
	if len(a.Retired)+len(a.RetiredCantSay) > 0 {
		retired := &yaml.Node{Kind: yaml.MappingNode}
		ids := append(sortedKeys(a.Retired), sortedKeys(a.RetiredCantSay)...)
		sort.Strings(ids)
		for _, id := range ids {
			if rt, ok := a.Retired[id]; ok {
				retired.Content = append(retired.Content, str(id), ratingNode(rt))
			} else {
				retired.Content = append(retired.Content, str(id), cantSayNode(a.RetiredCantSay[id]))
			}
		}
		add("retired", retired)
	}
	return m
}

// cantSayNode is a "can't say" answer as a file writes it: the words
// alone, or with the rater's note.
func cantSayNode(note string) *yaml.Node {
	v := str(CantSayText)
	if note == "" {
		return v
	}
	n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	n.Content = append(n.Content, str("rating"), v, str("note"), quoted(note))
	return n
}

func ratingNode(rt Rating) *yaml.Node {
	v := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: rt.String()}
	if rt.YesNo {
		v.Tag = "!!str"
	}
	if rt.Note == "" && rt.Implied == "" {
		return v
	}
	n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	n.Content = append(n.Content, str("rating"), v)
	if rt.Implied != "" {
		n.Content = append(n.Content, str("implied_by"), str(rt.Implied))
	}
	if rt.Note != "" {
		n.Content = append(n.Content, str("note"), quoted(rt.Note))
	}
	return n
}

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func quoted(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: yaml.DoubleQuotedStyle}
}

func isMapping(n *doc.Node) bool {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n.Kind == yaml.MappingNode
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
