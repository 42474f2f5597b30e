package report

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"

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
		s.person(r, &c.People[i])
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

// person writes a person's object at the depth of the people, its fields
// one by one, the disagreements by hand.
func (s *jsonStream) person(r *rubric.Rubric, p *assess.PersonCalibration) {
	const in = "      " // the person's fields
	pj := personData(r, *p)
	s.raw("{\n" + in + `"person": `)
	s.value(in, pj.Person)
	s.raw(",\n" + in + `"current_level": `)
	s.value(in, pj.CurrentLevel)
	s.raw(",\n" + in + `"consensus_fit_level": `)
	s.value(in, pj.ConsensusFitLevel)
	s.raw(",\n" + in + `"raters": `)
	s.value(in, pj.Raters)
	s.raw(",\n" + in + `"flags": `)
	s.value(in, pj.Flags)
	s.raw(",\n" + in + `"disagreements": `)
	s.disagreements(r, p)
	s.raw(",\n" + in + `"consensus": `)
	s.value(in, pj.Consensus)
	s.raw(",\n" + in + `"next_level": `)
	s.value(in, pj.NextLevel)
	s.raw(",\n" + in + `"self_gap": `)
	s.value(in, pj.SelfGap)
	s.raw("\n    }")
}

// disagreements writes a person's disagreements (disagreementsData) as
// the encoder would, without it: there are hundreds of thousands in a
// large organisation, and what varies in them is a criterion id, which
// needs no escape, a number or yes/no, and a rater's name, escaped once
// for all of them as ratingsJSON escapes it.
func (s *jsonStream) disagreements(r *rubric.Rubric, p *assess.PersonCalibration) {
	if len(p.Disagreements) == 0 {
		s.raw("[]")
		return
	}
	names := make([][]byte, len(p.Raters))
	for k, rf := range p.Raters {
		name, err := json.Marshal(rf.Rater)
		if err != nil {
			s.err = err
			return
		}
		names[k] = []byte(escapeInert(string(name)))
	}
	b := append(s.scratch[:0], '[')
	for i, d := range p.Disagreements {
		if i > 0 {
			b = append(b, ',')
		}
		crit := d.Criterion(r)
		b = append(b, "\n        {\n          \"criterion\": "...)
		b = strconv.AppendQuote(b, crit.ID) // an id: lower-case letters, digits and dashes, quoted alike by Go and JSON
		b = append(b, ",\n          \"ratings\": {"...)
		empty := true
		for k, rf := range p.Raters {
			v := rf.Ratings[d.Index]
			if v == assess.Unrated {
				continue
			}
			if !empty {
				b = append(b, ',')
			}
			empty = false
			b = append(b, "\n            "...)
			b = append(b, names[k]...)
			b = append(b, ": "...)
			if crit.Answer == rubric.YesNo {
				b = strconv.AppendQuote(b, yesNoText(true, int(v)))
			} else {
				b = strconv.AppendInt(b, int64(v), 10)
			}
		}
		if !empty {
			b = append(b, "\n          "...)
		}
		b = append(b, "}\n        }"...)
	}
	b = append(b, "\n      ]"...)
	s.scratch = b
	if s.err == nil {
		_, s.err = s.w.Write(b)
	}
}

// jsonStream writes a JSON document a part at a time, each value indented
// as it would be at its depth in the whole document (WriteJSON's
// indentation and escapes); the first error sticks.
type jsonStream struct {
	w       io.Writer
	buf     bytes.Buffer // the encoder's
	enc     *json.Encoder
	scratch []byte // what is written by hand
	err     error
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
