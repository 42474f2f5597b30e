package assess

import "strings"

// "Can't say". A manager or peer may not have seen enough of the person's
// work to judge a criterion. They answer "can't say": the question is
// answered (not asked again on resume), yet nothing is rated.
//
// Such answers live in Assessment.CantSay, never in Ratings, so that
// everything computed from ratings (scores, plans, diffs, calibration's
// statistics, consensus, agreement and offsets) leaves them out without
// having to know of them. Scoring treats a can't-say criterion as it
// treats an unanswered one (credit 0; a verdict that an answer could still
// turn into meets is incomplete), and lists it apart from the unanswered
// ones (Result.CantSay), so that a reader knows the rater chose it.
//
// A self-assessment has no can't say: the person rates what they know of
// themselves, and leaves a criterion out to keep it unanswered.

// CantSayText is how a file writes a can't-say answer, and how it reads.
const CantSayText = "can't say"

// isCantSay reports whether s, a rating as written in a file, is "can't
// say": in any case, with a straight or a curly apostrophe.
func isCantSay(s string) bool {
	return strings.EqualFold(strings.ReplaceAll(s, "’", "'"), CantSayText)
}

// RatesSomeoneElse reports whether the rater is not the person assessed:
// a manager or a peer. Questions then speak about the person, and "can't
// say" is an answer.
func (a *Assessment) RatesSomeoneElse() bool { return a.Role != Self || a.Rater != a.Person }

// SaysCantSay reports whether the rater answered "can't say" about
// criterion id.
func (a *Assessment) SaysCantSay(id string) bool {
	_, ok := a.CantSay[id]
	return ok
}

// Responded reports whether the rater answered about criterion id: a
// rating, or "can't say".
func (a *Assessment) Responded(id string) bool { return a.Answered(id) || a.SaysCantSay(id) }

// Rate records a rating of criterion id, replacing a "can't say".
func (a *Assessment) Rate(id string, rt Rating) {
	if a.Ratings == nil {
		a.Ratings = map[string]Rating{}
	}
	a.Ratings[id] = rt
	delete(a.CantSay, id)
}

// MarkCantSay records "can't say" about criterion id, with the rater's
// note ("" for none), replacing a rating.
func (a *Assessment) MarkCantSay(id, note string) {
	if a.CantSay == nil {
		a.CantSay = map[string]string{}
	}
	a.CantSay[id] = note
	delete(a.Ratings, id)
}
