package report

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/rubric"
)

// WriteCalibrationJSON writes a calibration's data form (CalibrationData)
// as WriteJSON writes it, byte for byte, one person at a time: the data
// form of an organisation of thousands, and its text twice over in the
// encoder's buffers, are never in memory at once. A test holds the two
// writers to the same bytes.
func WriteCalibrationJSON(w io.Writer, r *rubric.Rubric, c *assess.Calibration) error {
	s := newJSONStream(w)
	rest := calibrationRest(r, c)
	s.raw("{\n  \"people\": [")
	for i := range c.People {
		if i > 0 {
			s.raw(",")
		}
		s.raw("\n    ")
		s.value("    ", personData(r, c.People[i]))
	}
	if len(c.People) > 0 {
		s.raw("\n  ")
	}
	s.raw("],\n  \"raters\": ")
	s.value("  ", rest.Raters)
	s.raw(",\n  \"agreement\": ")
	s.value("  ", rest.Agreement)
	s.raw(",\n  \"levels\": ")
	s.value("  ", rest.Levels)
	s.raw(",\n  \"moves\": ")
	s.value("  ", rest.Moves)
	s.raw(",\n  \"agenda\": ")
	s.value("  ", rest.Agenda)
	s.raw(",\n  \"anonymized\": ")
	s.value("  ", rest.Anonymized)
	s.raw("\n}\n")
	return s.err
}

// jsonStream writes a JSON document a part at a time, each value indented
// as it would be at its depth in the whole document (WriteJSON's
// indentation and escapes); the first error sticks.
type jsonStream struct {
	w   io.Writer
	buf bytes.Buffer
	enc *json.Encoder
	err error
}

func newJSONStream(w io.Writer) *jsonStream {
	s := &jsonStream{w: w}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	return s
}

// raw writes JSON text of ladder's own: structure, keys.
func (s *jsonStream) raw(text string) {
	if s.err == nil {
		_, s.err = io.WriteString(s.w, text)
	}
}

// value writes v, whose first line goes where the output stands and
// whose other lines start with prefix, the indentation of its depth.
func (s *jsonStream) value(prefix string, v any) {
	if s.err != nil {
		return
	}
	s.buf.Reset()
	s.enc.SetIndent(prefix, "  ")
	if s.err = s.enc.Encode(v); s.err != nil {
		return
	}
	s.raw(escapeInert(string(bytes.TrimSuffix(s.buf.Bytes(), []byte("\n")))))
}
