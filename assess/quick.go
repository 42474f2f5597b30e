package assess

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ladderhq/ladder/internal/doc"
	"github.com/ladderhq/ladder/rubric"
)

// The quick reader. Decoding an assessment through the YAML library's node
// tree and the strict walk of parser costs twenty times reading its bytes,
// and a calibration reads thousands. Nearly all of them are in the one
// shape ladder writes (Encode, EncodeJSON): one top-level field a line,
// ratings one a line, flow mappings and lists on one line, no anchors, no
// block scalars. readQuick reads exactly that shape, and the comment lines
// people add to it, in one pass over the bytes, and gives up (ok false) at
// the first thing outside it, or at anything the strict reader would
// refuse or warn about other than another version of the rubric. The
// caller then reads the file the strict way, which alone reports problems:
// so every error message is the strict reader's, and readQuick never needs
// one.
//
// When readQuick accepts a file, the strict reader reads it the same:
// FuzzQuickRead holds the two to it.

// quickReader reads one file.
type quickReader struct {
	r    *rubric.Rubric
	src  string
	pos  int
	a    *Assessment
	warn []Warning
	file string
	rate func(i int, rt Rating)
	seen []uint64 // criteria rated so far, a bit each
	next int      // the criterion after the last one rated: ladder writes them in rubric order
}

// readQuick reads src, the content of file, as an assessment against r, as
// Parse would with default options, handing each rating to rate with its
// criterion's index. The assessment it returns has no Ratings map; it
// keeps no part of src but the notes (the ratings' and "can't say"'s). ok
// is false for a file outside the shape ladder writes, or one the strict
// reader would refuse: the caller reads it with Parse.
func readQuick(file string, src string, r *rubric.Rubric, rate func(i int, rt Rating)) (a *Assessment, warnings []Warning, ok bool) {
	if len(src) == 0 || src[0] == 0xEF { // a byte order mark: rare, and the strict reader's to skip
		return nil, nil, false
	}
	q := &quickReader{r: r, src: src, a: &Assessment{}, file: file, rate: rate,
		seen: make([]uint64, (len(r.Criteria)+63)/64)}
	if strings.IndexByte(q.src, 0) >= 0 {
		return nil, nil, false
	}
	isJSON := doc.IsJSON(file, src)
	if !isJSON && (strings.IndexByte(q.src, '\t') >= 0 || strings.IndexByte(q.src, '\r') >= 0) {
		return nil, nil, false // a tab or a carriage return: ladder writes neither in YAML
	}
	var have uint
	if isJSON {
		have, ok = q.json()
	} else {
		have, ok = q.yaml()
	}
	if !ok || !q.finish(have) {
		return nil, nil, false
	}
	return q.a, q.warn, true
}

// fieldBit is a top-level field as a bit, to find the missing and the
// repeated; 0 for a field the quick reader does not read.
func fieldBit(key string) uint {
	switch key {
	case "format":
		return 1 << 0
	case "rubric":
		return 1 << 1
	case "person":
		return 1 << 2
	case "rater":
		return 1 << 3
	case "role":
		return 1 << 4
	case "current_level":
		return 1 << 5
	case "target_level":
		return 1 << 6
	case "specialties":
		return 1 << 7
	case "created":
		return 1 << 8
	case "updated":
		return 1 << 9
	case "ratings":
		return 1 << 10
	}
	return 0
}

// finish applies the rules the strict reader applies once every field is
// read (see parser.top); have holds the fields read.
func (q *quickReader) finish(have uint) bool {
	a := q.a
	if required := fieldBit("format") | fieldBit("rubric"); have&required != required || strings.TrimSpace(a.Person) == "" {
		return false
	}
	a.fillDefaults()
	return len(a.CantSay) == 0 || a.RatesSomeoneElse() // a self-assessment's "can't say" is an error
}

// field takes the value of one top-level field, given as text. Strings
// that the assessment keeps are copied out of the file's text, so that
// they do not hold all of it in memory.
func (q *quickReader) field(key, v string) bool {
	a, r := q.a, q.r
	switch key {
	case "format":
		return v == Format
	case "person":
		a.Person = strings.Clone(v)
	case "rater":
		a.Rater = strings.Clone(v)
	case "role":
		for _, role := range Roles {
			if v == string(role) {
				a.Role = role
				return true
			}
		}
		return false
	case "current_level", "target_level":
		id := ""
		if v != "" {
			l := r.Level(v)
			if l == nil {
				return false
			}
			id = l.ID
		}
		if key == "current_level" {
			a.CurrentLevel = id
		} else {
			a.TargetLevel = id
		}
	case "created", "updated":
		t, ok := parseTime(v)
		if !ok {
			return false
		}
		if key == "created" {
			a.Created = t
		} else {
			a.Updated = t
		}
	default:
		return false
	}
	return true
}

// rubricRef takes the rubric's id and version.
func (q *quickReader) rubricRef(id, version string, haveID bool) bool {
	if !haveID || id != q.r.ID {
		return false
	}
	q.a.Rubric = RubricRef{ID: q.r.ID, Version: strings.Clone(version)}
	if version != q.r.Version {
		q.warn = append(q.warn, otherVersion(q.file, q.a.Rubric, q.r))
	}
	return true
}

// specialty adds one specialty of the list.
func (q *quickReader) specialty(id string) bool {
	sp := q.r.Specialty(id)
	if sp == nil || q.a.HasSpecialty(id) {
		return false
	}
	q.a.Specialties = append(q.a.Specialties, sp.ID)
	return true
}

// rating is what the file says of one criterion: a scale value, yes/no
// or "can't say", and what implied it and the note, if given.
type quickRating struct {
	value             int
	yesno, cantSay    bool
	implied, note     string
	hasImplied, isSet bool
}

// rated takes the rating of the criterion whose id is key.
func (q *quickReader) rated(key string, qr quickRating) bool {
	r := q.r
	i := q.next
	if i >= len(r.Criteria) || r.Criteria[i].ID != key {
		i = r.CriterionIndex(key) // an old id (an alias) is the strict reader's: it warns
	}
	if i < 0 || q.seen[i/64]&(1<<(i%64)) != 0 || !qr.isSet {
		return false
	}
	q.seen[i/64] |= 1 << (i % 64)
	q.next = i + 1
	c := &r.Criteria[i]
	if qr.cantSay {
		if qr.hasImplied {
			return false
		}
		q.a.MarkCantSay(c.ID, qr.note)
		return true
	}
	if qr.yesno != (c.Answer == rubric.YesNo) || (!qr.yesno && qr.value > r.MaxRating()) {
		return false
	}
	rt := Rating{Value: qr.value, YesNo: qr.yesno, Note: qr.note}
	if qr.hasImplied {
		by := r.Resolve(qr.implied)
		if by == nil || !r.Outranks(by.ID, c.ID) {
			return false
		}
		rt.Implied = by.ID
	}
	q.rate(i, rt)
	return true
}

// ratingValue reads a rating's value: a whole number in decimal digits,
// yes or no, or "can't say" (in any case, either apostrophe).
func ratingValue(v string, quoted bool, qr *quickRating) bool {
	switch {
	case len(v) == 1 && v[0] >= '0' && v[0] <= '9' && !quoted: // most ratings
		qr.value, qr.isSet = int(v[0]-'0'), true
		return true
	case len(v) >= len(CantSayText) && isCantSay(v):
		qr.cantSay, qr.isSet = true, true
		return true
	case v == "yes" || v == "no":
		qr.value, qr.yesno, qr.isSet = boolValue(v == "yes"), true, true
		return true
	case quoted || v == "" || len(v) > 9 || (v[0] == '0' && len(v) > 1):
		return false
	}
	n := 0
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
		n = n*10 + int(v[i]-'0')
	}
	qr.value, qr.isSet = n, true
	return true
}

func boolValue(b bool) int {
	if b {
		return 1
	}
	return 0
}

// ratingKey checks a key of a rating written as a mapping, and that it is
// not repeated; seen holds a bit for each key read so far.
func ratingKey(key string, seen *uint8) bool {
	var bit uint8
	switch key {
	case "rating":
		bit = 1
	case "implied_by":
		bit = 2
	case "note":
		bit = 4
	}
	if bit == 0 || *seen&bit != 0 {
		return false
	}
	*seen |= bit
	return true
}

// ratingField takes one field of a rating written as a mapping.
func ratingField(key, v string, quoted bool, qr *quickRating, seen *uint8) bool {
	if !ratingKey(key, seen) {
		return false
	}
	switch key {
	case "rating":
		return ratingValue(v, quoted, qr)
	case "implied_by":
		qr.implied, qr.hasImplied = v, true
	default:
		qr.note = v
	}
	return true
}

// --- YAML ---

// yaml reads the document as Encode writes it; have holds the fields
// read.
func (q *quickReader) yaml() (have uint, ok bool) {
	for q.skipComments(); q.pos < len(q.src); q.skipComments() {
		line := q.line()
		colon := strings.IndexByte(line, ':')
		if colon <= 0 {
			return have, false
		}
		key := line[:colon]
		bit := fieldBit(key)
		if bit == 0 || have&bit != 0 {
			return have, false
		}
		have |= bit
		rest := line[colon+1:]
		switch {
		case key == "ratings" && rest == " {}":
			ok = true
		case key == "ratings":
			ok = rest == "" && q.yamlRatings()
		case len(rest) < 2 || rest[0] != ' ':
			ok = false
		case key == "rubric":
			ok = q.yamlRubric(rest[1:])
		case key == "specialties":
			ok = q.yamlSpecialties(rest[1:])
		default:
			v, isScalar := yamlScalar(rest[1:])
			ok = isScalar && q.field(key, v)
		}
		if !ok {
			return have, false
		}
	}
	return have, true
}

// skipComments moves past empty lines and comment lines, those that start
// with "#": YAML ignores both, and people annotate files they write by
// hand. A comment after a value is left to the strict reader.
func (q *quickReader) skipComments() {
	for q.pos < len(q.src) && (q.src[q.pos] == '\n' || q.src[q.pos] == '#') {
		end := strings.IndexByte(q.src[q.pos:], '\n')
		if end < 0 {
			end = len(q.src) - q.pos
		}
		if !comment(q.src[q.pos : q.pos+end]) {
			return // the line is left to fail as a field
		}
		q.pos = min(q.pos+end+1, len(q.src))
	}
}

// comment reports whether a comment line holds only what YAML reads in
// one: printable characters, none it takes for a line break.
func comment(line string) bool {
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c >= utf8.RuneSelf:
			size := printable(line[i:])
			if size == 0 {
				return false
			}
			i += size - 1
		case c < ' ' || c == 0x7f:
			return false
		}
	}
	return true
}

// line returns the next line, without its line break, and moves past it.
// A line with trailing blanks is returned empty: none is in the shape.
func (q *quickReader) line() string {
	rest := q.src[q.pos:]
	end := strings.IndexByte(rest, '\n')
	if end < 0 {
		end = len(rest)
		q.pos = len(q.src)
	} else {
		q.pos += end + 1
	}
	line := rest[:end]
	if line == "" || line[len(line)-1] == ' ' {
		return ""
	}
	return line
}

// yamlRatings reads the block of ratings under "ratings:", one a line,
// every line indented alike.
func (q *quickReader) yamlRatings() bool {
	indent := -1
	for q.skipComments(); q.pos < len(q.src) && q.src[q.pos] == ' '; q.skipComments() {
		line := q.line()
		n := 0
		for n < len(line) && line[n] == ' ' {
			n++
		}
		if indent < 0 {
			indent = n
		}
		if n == 0 || n != indent {
			return false
		}
		line = line[n:]
		// A key is a criterion's id (rated checks it), which reads as
		// itself written plain unless it starts with "-", or is longer
		// than YAML reads a key without a "?" before it.
		colon := strings.Index(line, ": ")
		if colon <= 0 || colon > 1024 || line[0] == '-' {
			return false
		}
		var qr quickRating
		if !yamlRating(line[colon+2:], &qr) || !q.rated(line[:colon], qr) {
			return false
		}
	}
	return indent > 0 // "ratings:" with nothing under it is empty, not a mapping
}

// yamlRating reads a rating: 3, yes, or {rating: 3, implied_by: id,
// note: "..."}.
func yamlRating(v string, qr *quickRating) bool {
	if v == "" || v[0] != '{' {
		s, quoted, rest, ok := yamlFlowScalar(v)
		return ok && rest == "" && ratingValue(s, quoted, qr)
	}
	var seen uint8
	rest, ok := yamlFlowMapping(v, func(key, s string, quoted bool) bool {
		return ratingField(key, s, quoted, qr, &seen)
	})
	return ok && rest == ""
}

// yamlRubric reads {id: ..., version: "..."}.
func (q *quickReader) yamlRubric(v string) bool {
	var id, version string
	var seen uint8
	rest, ok := yamlFlowMapping(v, func(key, s string, _ bool) bool {
		switch {
		case key == "id" && seen&1 == 0:
			id, seen = s, seen|1
		case key == "version" && seen&2 == 0:
			version, seen = s, seen|2
		default:
			return false
		}
		return true
	})
	return ok && rest == "" && q.rubricRef(id, version, seen&1 != 0)
}

// yamlSpecialties reads [a, b] or [].
func (q *quickReader) yamlSpecialties(v string) bool {
	if v == "[]" {
		return true
	}
	if v == "" || v[0] != '[' {
		return false
	}
	v = v[1:]
	for {
		s, _, rest, ok := yamlFlowScalar(v)
		if !ok || !q.specialty(s) {
			return false
		}
		switch {
		case rest == "]":
			return true
		case strings.HasPrefix(rest, ", "):
			v = rest[2:]
		default:
			return false
		}
	}
}

// yamlFlowMapping reads a flow mapping of scalars, {key: value, ...}, as
// Encode writes it, calling fn for each entry, and returns what follows
// the closing brace.
func yamlFlowMapping(v string, fn func(key, value string, quoted bool) bool) (rest string, ok bool) {
	if v == "" || v[0] != '{' {
		return "", false
	}
	v = v[1:]
	for {
		colon := strings.Index(v, ": ")
		if colon <= 0 || !plain(v[:colon], true) {
			return "", false
		}
		key := v[:colon]
		s, quoted, after, ok := yamlFlowScalar(v[colon+2:])
		if !ok || !fn(key, s, quoted) {
			return "", false
		}
		switch {
		case strings.HasPrefix(after, "}"):
			return after[1:], true
		case strings.HasPrefix(after, ", "):
			v = after[2:]
		default:
			return "", false
		}
	}
}

// yamlFlowScalar reads a scalar inside a flow mapping or list: quoted, or
// plain up to the next ',', '}' or ']'. It returns its value, whether it
// was quoted, and what follows it.
func yamlFlowScalar(v string) (s string, quoted bool, rest string, ok bool) {
	if v != "" && (v[0] == '"' || v[0] == '\'') {
		s, n, ok := yamlQuoted(v)
		return s, true, v[n:], ok
	}
	end := 0
	for end < len(v) && v[end] != ',' && v[end] != '}' && v[end] != ']' {
		end++
	}
	s = v[:end]
	return s, false, v[end:], plain(s, true) && !isNullWord(s)
}

// yamlScalar reads a whole value in block context: quoted, or plain.
func yamlScalar(v string) (string, bool) {
	if v[0] == '"' || v[0] == '\'' {
		s, n, ok := yamlQuoted(v)
		return s, ok && n == len(v)
	}
	return v, plain(v, false) && !isNullWord(v)
}

// isNullWord reports whether a plain scalar is YAML's null: the strict
// reader takes it as an empty value, which no field of the shape has.
func isNullWord(s string) bool {
	switch s {
	case "~", "null", "Null", "NULL":
		return true
	}
	return false
}

// plain reports whether s reads as itself when written plain, on one line,
// in block context or (flow) inside a flow mapping or list: no indicator
// first, no ": " or " #" inside, no flow indicators in flow context, no
// blank at either end, no control or non-printable character. It is
// stricter than YAML, never looser: what it refuses goes to the strict
// reader.
func plain(s string, flow bool) bool {
	if s == "" || s[len(s)-1] == ' ' {
		return false
	}
	switch s[0] {
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ':
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch {
		case b >= utf8.RuneSelf:
			size := printable(s[i:])
			if size == 0 {
				return false
			}
			i += size - 1
		case b < ' ' || b == 0x7f:
			return false
		case b == ':' && (flow || i+1 == len(s) || s[i+1] == ' '):
			return false
		case b == '#' && s[i-1] == ' ':
			return false
		case flow && (b == ',' || b == '[' || b == ']' || b == '{' || b == '}'):
			return false
		}
	}
	return true
}

// printable is the length of the character other than ASCII that s starts
// with, when it may stand in a scalar as it is; 0 when not: bytes that are
// not UTF-8, a control or format character, what YAML takes for a line
// break (U+0085, U+2028, U+2029) or a byte order mark.
func printable(s string) int {
	r, size := utf8.DecodeRuneInString(s)
	if size == 1 || r == 0xFEFF || !unicode.IsGraphic(r) {
		return 0
	}
	return size
}

// yamlQuoted reads a quoted scalar at the start of v, on one line, and
// returns its value and its length in v. The value is a part of v unless
// an escape needs a copy.
func yamlQuoted(v string) (string, int, bool) {
	quote := v[0]
	var b strings.Builder
	copied := false // the value is in b
	for i := 1; i < len(v); i++ {
		c := v[i]
		switch {
		case c == quote && quote == '\'' && i+1 < len(v) && v[i+1] == '\'':
			if !copied {
				b.WriteString(v[1:i])
				copied = true
			}
			b.WriteByte('\'')
			i++
		case c == quote:
			if !copied {
				return v[1:i], i + 1, true
			}
			return b.String(), i + 1, true
		case c == '\\' && quote == '"':
			if !copied {
				b.WriteString(v[1:i])
				copied = true
			}
			n, ok := yamlEscape(&b, v[i+1:])
			if !ok {
				return "", 0, false
			}
			i += n
		case c < ' ' || c == 0x7f:
			return "", 0, false
		case c >= utf8.RuneSelf:
			size := printable(v[i:])
			if size == 0 {
				return "", 0, false
			}
			if copied {
				b.WriteString(v[i : i+size])
			}
			i += size - 1
		case copied:
			b.WriteByte(c)
		}
	}
	return "", 0, false
}

// yamlEscape writes the character an escape of a double-quoted scalar
// stands for (v is what follows the backslash) and returns the length of
// the escape past the backslash.
func yamlEscape(b *strings.Builder, v string) (int, bool) {
	if v == "" {
		return 0, false
	}
	digits := 0
	switch v[0] {
	case '0':
		b.WriteByte(0)
	case 'a':
		b.WriteByte(7)
	case 'b':
		b.WriteByte(8)
	case 't':
		b.WriteByte(9)
	case 'n':
		b.WriteByte(10)
	case 'v':
		b.WriteByte(11)
	case 'f':
		b.WriteByte(12)
	case 'r':
		b.WriteByte(13)
	case 'e':
		b.WriteByte(27)
	case ' ', '"', '/', '\\':
		b.WriteByte(v[0])
	case 'N':
		b.WriteRune(0x85)
	case '_':
		b.WriteRune(0xA0)
	case 'L':
		b.WriteRune(0x2028)
	case 'P':
		b.WriteRune(0x2029)
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	default:
		return 0, false
	}
	if digits == 0 {
		return 1, true
	}
	code, ok := hexCode(v[1:], digits)
	if !ok || code >= 0xD800 && code <= 0xDFFF || code > unicode.MaxRune {
		return 0, false
	}
	b.WriteRune(code)
	return 1 + digits, true
}

// hexCode reads a code point written in n hexadecimal digits.
func hexCode(v string, n int) (rune, bool) {
	if len(v) < n {
		return 0, false
	}
	code := rune(0)
	for i := range n {
		d, ok := hexDigit(v[i])
		if !ok {
			return 0, false
		}
		code = code<<4 | rune(d)
	}
	return code, true
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// --- JSON ---

// json reads the document as EncodeJSON writes it, or any JSON of the
// same values, with white space anywhere; have holds the fields read.
func (q *quickReader) json() (have uint, ok bool) {
	ok = q.jsonObject(func(key string) bool {
		bit := fieldBit(key)
		if bit == 0 || have&bit != 0 {
			return false
		}
		have |= bit
		switch key {
		case "rubric":
			return q.jsonRubric()
		case "specialties":
			return q.jsonSpecialties()
		case "ratings":
			return q.jsonRatings()
		}
		v, ok := q.jsonString()
		return ok && q.field(key, v)
	})
	return have, ok && q.end()
}

func (q *quickReader) space() {
	for q.pos < len(q.src) {
		switch q.src[q.pos] {
		case ' ', '\t', '\n', '\r':
			q.pos++
			continue
		}
		return
	}
}

func (q *quickReader) peek() byte {
	if q.pos < len(q.src) {
		return q.src[q.pos]
	}
	return 0
}

// jsonByte moves past white space and then c, if c is next.
func (q *quickReader) jsonByte(c byte) bool {
	q.space()
	if q.peek() != c {
		return false
	}
	q.pos++
	return true
}

// end reports whether nothing but white space is left.
func (q *quickReader) end() bool {
	q.space()
	return q.pos == len(q.src)
}

// jsonObject reads an object, calling fn after each key to read its value.
func (q *quickReader) jsonObject(fn func(key string) bool) bool {
	if !q.jsonByte('{') {
		return false
	}
	if q.jsonByte('}') {
		return true
	}
	for {
		key, ok := q.jsonString()
		if !ok || !q.jsonByte(':') || !fn(key) {
			return false
		}
		if q.jsonByte('}') {
			return true
		}
		if !q.jsonByte(',') {
			return false
		}
	}
}

func (q *quickReader) jsonRubric() bool {
	var id, version string
	var seen uint8
	ok := q.jsonObject(func(key string) bool {
		s, ok := q.jsonString()
		switch {
		case !ok:
			return false
		case key == "id" && seen&1 == 0:
			id, seen = s, seen|1
		case key == "version" && seen&2 == 0:
			version, seen = s, seen|2
		default:
			return false
		}
		return true
	})
	return ok && q.rubricRef(id, version, seen&1 != 0)
}

func (q *quickReader) jsonSpecialties() bool {
	if !q.jsonByte('[') {
		return false
	}
	if q.jsonByte(']') {
		return true
	}
	for {
		s, ok := q.jsonString()
		if !ok || !q.specialty(s) {
			return false
		}
		if q.jsonByte(']') {
			return true
		}
		if !q.jsonByte(',') {
			return false
		}
	}
}

func (q *quickReader) jsonRatings() bool {
	return q.jsonObject(func(key string) bool {
		var qr quickRating
		q.space()
		if q.peek() != '{' {
			return q.jsonRatingValue(&qr) && q.rated(key, qr)
		}
		var seen uint8
		ok := q.jsonObject(func(field string) bool {
			if field == "rating" {
				return ratingKey(field, &seen) && q.jsonRatingValue(&qr)
			}
			s, ok := q.jsonString()
			return ok && ratingField(field, s, true, &qr, &seen)
		})
		return ok && q.rated(key, qr)
	})
}

// jsonRatingValue reads a rating: a whole number, "yes" or "no", or
// "can't say".
func (q *quickReader) jsonRatingValue(qr *quickRating) bool {
	q.space()
	if q.peek() == '"' {
		s, ok := q.jsonString()
		return ok && (s == "yes" || s == "no" || isCantSay(s)) && ratingValue(s, true, qr)
	}
	start := q.pos
	for q.pos < len(q.src) && q.src[q.pos] >= '0' && q.src[q.pos] <= '9' {
		q.pos++
	}
	switch q.peek() {
	case '.', 'e', 'E', '-', '+':
		return false
	}
	return ratingValue(q.src[start:q.pos], false, qr)
}

// jsonString reads a string. One with an escape of a UTF-16 surrogate, a
// control character or bytes that are not UTF-8 is the strict reader's.
func (q *quickReader) jsonString() (string, bool) {
	if !q.jsonByte('"') {
		return "", false
	}
	start := q.pos
	var b strings.Builder
	escaped := false
	for q.pos < len(q.src) {
		c := q.src[q.pos]
		switch {
		case c == '"':
			q.pos++
			if !escaped {
				return q.src[start : q.pos-1], true
			}
			return b.String(), true
		case c == '\\':
			if !escaped {
				b.WriteString(q.src[start:q.pos])
				escaped = true
			}
			n, ok := jsonEscape(&b, q.src[q.pos+1:])
			if !ok {
				return "", false
			}
			q.pos += 1 + n
		case c < ' ':
			return "", false
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(q.src[q.pos:])
			if r == utf8.RuneError && size == 1 {
				return "", false
			}
			if escaped {
				b.WriteString(q.src[q.pos : q.pos+size])
			}
			q.pos += size
		default:
			if escaped {
				b.WriteByte(c)
			}
			q.pos++
		}
	}
	return "", false
}

// jsonEscape writes the character a JSON escape stands for (v is what
// follows the backslash) and returns the length of the escape past the
// backslash.
func jsonEscape(b *strings.Builder, v string) (int, bool) {
	if v == "" {
		return 0, false
	}
	switch v[0] {
	case '"', '\\', '/':
		b.WriteByte(v[0])
	case 'b':
		b.WriteByte('\b')
	case 'f':
		b.WriteByte('\f')
	case 'n':
		b.WriteByte('\n')
	case 'r':
		b.WriteByte('\r')
	case 't':
		b.WriteByte('\t')
	case 'u':
		code, ok := hexCode(v[1:], 4)
		if !ok || code >= 0xD800 && code <= 0xDFFF {
			return 0, false
		}
		b.WriteRune(code)
		return 5, true
	default:
		return 0, false
	}
	return 1, true
}
