package assess

import (
	"fmt"

	"github.com/ladderhq/ladder/rubric"
)

// cantSayPattern matches "can't say" as isCantSay reads it: in any case,
// with a straight or a curly apostrophe.
const cantSayPattern = "^[Cc][Aa][Nn]['’][Tt] [Ss][Aa][Yy]$"

// Schema is the JSON Schema of assessments against rubric r: the levels,
// specialties and criteria are r's own, so an editor can complete ids and
// check every rating against the criterion's scale or yes/no.
func Schema(r *rubric.Rubric) map[string]any {
	var levels, specialties []any
	for _, l := range r.Levels {
		levels = append(levels, l.ID)
	}
	for _, s := range r.Specialties {
		specialties = append(specialties, s.ID)
	}
	scale := map[string]any{"type": "integer", "minimum": 0, "maximum": r.MaxRating()}
	yesno := map[string]any{"enum": []any{"yes", "no", true, false}}
	cantSay := map[string]any{"type": "string", "pattern": cantSayPattern,
		"description": `"` + CantSayText + `": a manager or peer could not judge it (never in a self-assessment); it counts as no rating.`}
	anyRating := map[string]any{"oneOf": []any{
		map[string]any{"type": "integer"}, yesno, cantSay,
		map[string]any{"type": "object", "required": []any{"rating"}, "additionalProperties": false,
			"properties": map[string]any{"rating": map[string]any{"oneOf": []any{map[string]any{"type": "integer"}, yesno, cantSay}}, "implied_by": map[string]any{"type": "string"}, "note": map[string]any{"type": "string"}}},
	}}
	ratings := map[string]any{}
	for _, c := range r.Criteria {
		value := scale
		answer := fmt.Sprintf("a rating 0..%d", r.MaxRating())
		if c.Answer == rubric.YesNo {
			value, answer = yesno, "yes or no"
		}
		property := map[string]any{
			"description": c.Prompt + " (" + answer + `, or "` + CantSayText + `" from a manager or peer)`,
			"oneOf": []any{value, cantSay, map[string]any{
				"type": "object", "required": []any{"rating"}, "additionalProperties": false,
				"properties": map[string]any{
					"rating":     map[string]any{"oneOf": []any{value, cantSay}},
					"implied_by": map[string]any{"type": "string", "description": "Not asked: the answer to this stricter rung of the same line settled it."},
					"note":       map[string]any{"type": "string", "description": "Evidence."},
				},
			}},
		}
		ratings[c.ID] = property
		for _, alias := range c.Aliases {
			ratings[alias] = map[string]any{"description": "Old id of " + c.ID + ": ladder migrate renames it.", "deprecated": true, "oneOf": property["oneOf"]}
		}
	}
	return map[string]any{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  "https://github.com/ladderhq/ladder/schema/assessment-" + r.ID + ".json",
		"title":                fmt.Sprintf("ladder assessment (%s) against %s, version %s", Format, r.Title, r.Version),
		"type":                 "object",
		"additionalProperties": false,
		"required":             []any{"format", "rubric", "person"},
		"properties": map[string]any{
			"format": map[string]any{"const": Format},
			"rubric": map[string]any{
				"type": "object", "additionalProperties": false, "required": []any{"id", "version"},
				"properties": map[string]any{
					"id":      map[string]any{"const": r.ID},
					"version": map[string]any{"type": []any{"string", "number"}, "description": "The current version is " + r.Version + "."},
				},
			},
			"person":        map[string]any{"type": "string", "minLength": 1, "description": "Who is assessed."},
			"rater":         map[string]any{"type": "string", "description": "Who rated; defaults to the person."},
			"role":          map[string]any{"enum": []any{string(Self), string(Manager), string(Peer)}, "default": string(Self)},
			"current_level": map[string]any{"enum": levels},
			"target_level":  map[string]any{"enum": levels},
			"specialties":   map[string]any{"type": "array", "uniqueItems": true, "items": map[string]any{"enum": specialties}},
			"created":       map[string]any{"type": "string", "description": "When the assessment began: 2026-11-24T10:00:00Z."},
			"updated":       map[string]any{"type": "string", "description": "When it last changed."},
			"ratings":       map[string]any{"type": "object", "additionalProperties": false, "properties": ratings},
			"retired":       map[string]any{"type": "object", "description": "Ratings the rubric can no longer take, kept by ladder migrate.", "additionalProperties": anyRating},
		},
	}
}
