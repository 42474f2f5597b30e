package rubric

import (
	"github.com/ladderhq/ladder/internal/doc"
)

// positions remembers where each field of an element was written, so that a
// validation error can point at the value it rejects. The key "" is the
// element itself.
type positions map[string]doc.Pos

func (p positions) of(field string) doc.Pos {
	if pos, ok := p[field]; ok {
		return pos
	}
	return p[""]
}

// decoder turns a document into a Rubric, rejecting anything it does not know.
type decoder struct {
	d *doc.Document
}

// Parse decodes, normalizes and validates a rubric from data; file names it in
// error messages. It returns a *ValidationError when the rubric is well
// formed but inconsistent, and a *doc.Error for anything else.
func Parse(file string, data []byte) (*Rubric, error) {
	d, err := doc.Parse(file, data)
	if err != nil {
		return nil, err
	}
	r, err := decode(d)
	if err != nil {
		return nil, err
	}
	r.normalize()
	if err := r.validate(d); err != nil {
		return nil, err
	}
	return r, nil
}

func decode(d *doc.Document) (*Rubric, error) {
	dec := decoder{d: d}
	r := &Rubric{file: d.File, at: positions{"": doc.PosOf(d.Root)}}
	known := []string{"format", "id", "version", "title", "scale", "thresholds", "specialty_expect",
		"levels", "themes", "specialties", "groups", "criteria", "not_assessed"}
	err := d.Map(d.Root, "the rubric", known, func(key string, f doc.Field) error {
		r.at[key] = doc.PosOf(f.Value)
		var err error
		switch key {
		case "format":
			r.Format, err = d.String(f.Value, "format")
		case "id":
			r.ID, err = d.String(f.Value, "id")
		case "version":
			r.Version, err = d.String(f.Value, "version")
		case "title":
			r.Title, err = d.String(f.Value, "title")
		case "scale":
			err = d.Seq(f.Value, "scale", func(_ int, n *doc.Node) error {
				p, err := dec.scalePoint(n)
				r.Scale = append(r.Scale, p)
				return err
			})
		case "thresholds":
			err = d.Map(f.Value, "thresholds", []string{"meets", "approaching"}, func(k string, f doc.Field) error {
				r.at["thresholds."+k] = doc.PosOf(f.Value)
				v, err := d.Float(f.Value, "thresholds."+k)
				if k == "meets" {
					r.Thresholds.Meets = v
				} else {
					r.Thresholds.Approaching = v
				}
				return err
			})
		case "specialty_expect":
			r.SpecialtyExpect, err = d.Int(f.Value, "specialty_expect")
		case "levels":
			err = d.Seq(f.Value, "levels", func(_ int, n *doc.Node) error {
				l, err := dec.level(n)
				r.Levels = append(r.Levels, l)
				return err
			})
		case "themes":
			err = d.Seq(f.Value, "themes", func(_ int, n *doc.Node) error {
				t, err := dec.theme(n)
				r.Themes = append(r.Themes, t)
				return err
			})
		case "specialties":
			err = d.Seq(f.Value, "specialties", func(_ int, n *doc.Node) error {
				s, err := dec.specialty(n)
				r.Specialties = append(r.Specialties, s)
				return err
			})
		case "groups":
			err = d.Seq(f.Value, "groups", func(_ int, n *doc.Node) error {
				g, err := dec.group(n)
				r.Groups = append(r.Groups, g)
				return err
			})
		case "criteria":
			err = d.Seq(f.Value, "criteria", func(_ int, n *doc.Node) error {
				c, err := dec.criterion(n)
				r.Criteria = append(r.Criteria, c)
				return err
			})
		case "not_assessed":
			err = d.Seq(f.Value, "not_assessed", func(_ int, n *doc.Node) error {
				na, err := dec.notAssessed(n)
				r.NotAssessed = append(r.NotAssessed, na)
				return err
			})
		}
		return err
	})
	return r, err
}

func (dec decoder) scalePoint(n *doc.Node) (ScalePoint, error) {
	d := dec.d
	p := ScalePoint{at: positions{"": doc.PosOf(n)}}
	err := d.Map(n, "a scale entry", []string{"value", "label", "description", "description_other"}, func(key string, f doc.Field) error {
		p.at[key] = doc.PosOf(f.Value)
		var err error
		switch key {
		case "value":
			p.Value, err = d.Int(f.Value, "value")
		case "label":
			p.Label, err = d.String(f.Value, "label")
		case "description":
			p.Description, err = d.String(f.Value, "description")
		case "description_other":
			p.DescriptionOther, err = d.String(f.Value, "description_other")
		}
		return err
	})
	return p, err
}

func (dec decoder) level(n *doc.Node) (Level, error) {
	d := dec.d
	l := Level{at: positions{"": doc.PosOf(n)}}
	err := d.Map(n, "a level", []string{"id", "title", "grade", "expect", "notes"}, func(key string, f doc.Field) error {
		l.at[key] = doc.PosOf(f.Value)
		var err error
		switch key {
		case "id":
			l.ID, err = d.String(f.Value, "id")
		case "title":
			l.Title, err = d.String(f.Value, "title")
		case "grade":
			l.Grade, err = d.Int(f.Value, "grade")
		case "expect":
			l.Expect, err = d.Int(f.Value, "expect")
		case "notes":
			l.Notes, err = d.String(f.Value, "notes")
		}
		return err
	})
	return l, err
}

func (dec decoder) theme(n *doc.Node) (Theme, error) {
	d := dec.d
	t := Theme{at: positions{"": doc.PosOf(n)}}
	err := d.Map(n, "a theme", []string{"id", "title"}, func(key string, f doc.Field) error {
		t.at[key] = doc.PosOf(f.Value)
		var err error
		switch key {
		case "id":
			t.ID, err = d.String(f.Value, "id")
		case "title":
			t.Title, err = d.String(f.Value, "title")
		}
		return err
	})
	return t, err
}

func (dec decoder) specialty(n *doc.Node) (Specialty, error) {
	d := dec.d
	s := Specialty{at: positions{"": doc.PosOf(n)}}
	err := d.Map(n, "a specialty", []string{"id", "title", "summary", "notes"}, func(key string, f doc.Field) error {
		s.at[key] = doc.PosOf(f.Value)
		var err error
		switch key {
		case "id":
			s.ID, err = d.String(f.Value, "id")
		case "title":
			s.Title, err = d.String(f.Value, "title")
		case "summary":
			s.Summary, err = d.String(f.Value, "summary")
		case "notes":
			s.Notes, err = d.String(f.Value, "notes")
		}
		return err
	})
	return s, err
}

func (dec decoder) group(n *doc.Node) (Group, error) {
	d := dec.d
	g := Group{at: positions{"": doc.PosOf(n)}}
	err := d.Map(n, "a group", []string{"id", "title", "min", "strength", "group", "source", "sources"}, func(key string, f doc.Field) error {
		var err error
		switch key {
		case "id":
			g.ID, err = d.String(f.Value, "id")
		case "title":
			g.Title, err = d.String(f.Value, "title")
		case "min":
			g.Min, err = d.Int(f.Value, "min")
		case "strength":
			var s string
			s, err = d.String(f.Value, "strength")
			g.Strength = Strength(s)
		case "group":
			g.Group, err = d.String(f.Value, "group")
		case "source", "sources":
			if _, twice := g.at["sources"]; twice {
				return d.Errorf(f.Key, "give either source or sources, not both")
			}
			key = "sources"
			g.Sources, err = d.Strings(f.Value, key)
		}
		g.at[key] = doc.PosOf(f.Value)
		return err
	})
	return g, err
}

func (dec decoder) criterion(n *doc.Node) (Criterion, error) {
	d := dec.d
	c := Criterion{at: positions{"": doc.PosOf(n)}}
	known := []string{"id", "prompt", "prompt_other", "help", "kind", "strength", "level", "specialty", "specialties",
		"answer", "same_as", "notes", "theme", "expect", "group", "supersedes", "source", "sources", "aliases"}
	err := d.Map(n, "a criterion", known, func(key string, f doc.Field) error {
		var (
			err error
			s   string
		)
		switch key {
		case "id":
			c.ID, err = d.String(f.Value, "id")
		case "prompt":
			c.Prompt, err = d.String(f.Value, "prompt")
		case "prompt_other":
			c.PromptOther, err = d.String(f.Value, "prompt_other")
		case "help":
			c.Help, err = d.String(f.Value, "help")
		case "kind":
			s, err = d.String(f.Value, "kind")
			c.Kind = Kind(s)
		case "strength":
			s, err = d.String(f.Value, "strength")
			c.Strength = Strength(s)
		case "level":
			c.Level, err = d.String(f.Value, "level")
		case "specialty", "specialties":
			if _, twice := c.at["specialties"]; twice {
				return d.Errorf(f.Key, "give either specialty or specialties, not both")
			}
			key = "specialties"
			c.Specialties, err = d.Strings(f.Value, key)
		case "answer":
			s, err = d.String(f.Value, "answer")
			c.Answer = Answer(s)
		case "same_as":
			c.SameAs, err = d.String(f.Value, "same_as")
		case "notes":
			c.Notes, err = d.String(f.Value, "notes")
		case "theme":
			c.Theme, err = d.String(f.Value, "theme")
		case "expect":
			c.Expect, err = d.Int(f.Value, "expect")
		case "group":
			c.Group, err = d.String(f.Value, "group")
		case "supersedes":
			c.Supersedes, err = d.Strings(f.Value, "supersedes")
		case "source", "sources":
			if _, twice := c.at["sources"]; twice {
				return d.Errorf(f.Key, "give either source or sources, not both")
			}
			key = "sources"
			c.Sources, err = d.Strings(f.Value, key)
		case "aliases":
			c.Aliases, err = d.Strings(f.Value, "aliases")
		}
		c.at[key] = doc.PosOf(f.Value)
		return err
	})
	return c, err
}

func (dec decoder) notAssessed(n *doc.Node) (NotAssessed, error) {
	d := dec.d
	na := NotAssessed{at: positions{"": doc.PosOf(n)}}
	err := d.Map(n, "a not_assessed entry", []string{"source", "sources", "reason"}, func(key string, f doc.Field) error {
		var err error
		switch key {
		case "source", "sources":
			if _, twice := na.at["sources"]; twice {
				return d.Errorf(f.Key, "give either source or sources, not both")
			}
			key = "sources"
			na.Sources, err = d.Strings(f.Value, key)
		case "reason":
			na.Reason, err = d.String(f.Value, "reason")
		}
		na.at[key] = doc.PosOf(f.Value)
		return err
	})
	return na, err
}
