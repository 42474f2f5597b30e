package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ladderhq/ladder/assess"
	"github.com/ladderhq/ladder/internal/lazy"
	"github.com/ladderhq/ladder/internal/termtext"
	"github.com/ladderhq/ladder/rubric"
)

// csvWriter writes rows whose cells are neutralised for a spreadsheet.
type csvWriter struct{ w *csv.Writer }

func (c *csvWriter) row(cells []string) {
	out := make([]string, len(cells))
	for i, cell := range cells {
		out[i] = csvCell(cell)
	}
	// The error sticks in the csv.Writer; the caller checks it once.
	_ = c.w.Write(out)
}

// number is a cell that spreadsheets read as a plain number, and nothing
// else.
var number = lazy.Regexp(`^-?[0-9]+(\.[0-9]+)?$`)

// csvCell neutralises a cell, which a user may have written, for a
// spreadsheet, as OWASP recommends against CSV (formula) injection: a cell
// that starts with =, +, -, @, a tab or a carriage return would be read as
// a formula, so it gets a leading single quote, which spreadsheets show as
// text. Numbers (an offset of -0.5) and ladder's lone "-" stay as they
// are. Control characters are neutralised as for a terminal, since a CSV
// file is often read in one too.
func csvCell(cell string) string {
	cell = termtext.Safe(cell)
	if cell == "-" || number().MatchString(cell) {
		return cell
	}
	// Some spreadsheets skip leading spaces before they look for a formula.
	if lead := strings.TrimLeft(cell, " "); lead != "" && strings.ContainsRune("=+-@\t\r", rune(lead[0])) {
		return "'" + cell
	}
	return cell
}

// WriteCalibrationCSV writes one view of a calibration as CSV, with a
// header row. Missing levels and values are empty cells; in the columns
// that list the fit levels of several raters (space-separated), a rater
// whose assessment fits no level shows as "-".
//
//	people:    person, current_level, consensus_fit_level, self_fit_level,
//	           manager_fit_level, peer_fit_levels, peer_raters (the peers
//	           of peer_fit_levels, in order, "; "-separated), flags,
//	           disagreements, next_level, next_level_rung_score, self_gap,
//	           then score_<level> (the consensus score) for each level
//	raters:    rater, assessments, mean_rating, offset, flag, compared
//	agreement: raters ("all", or a pair of roles: "self-manager"), pairs,
//	           exact, within_one, kappa
//	levels:    level, current, consensus, up, down
func WriteCalibrationCSV(w io.Writer, r *rubric.Rubric, c *assess.Calibration, view string) error {
	cw := &csvWriter{w: csv.NewWriter(w)}
	num := func(v *float64) string {
		if v == nil {
			return ""
		}
		return strconv.FormatFloat(cut2(*v), 'f', -1, 64)
	}
	switch view {
	case ViewPeople:
		header := []string{"person", "current_level", "consensus_fit_level", "self_fit_level", "manager_fit_level", "peer_fit_levels",
			"peer_raters", "flags", "disagreements", "next_level", "next_level_rung_score", "self_gap"}
		for _, l := range r.Levels {
			header = append(header, "score_"+l.ID)
		}
		cw.row(header)
		for _, p := range c.People {
			var flags, dis, peers []string
			for _, f := range p.Flags {
				flags = append(flags, string(f))
			}
			for _, d := range p.Disagreements {
				dis = append(dis, d.Criterion(r).ID)
			}
			for _, rf := range p.Raters {
				if rf.Role == assess.Peer {
					peers = append(peers, rf.Rater)
				}
			}
			next, rung := "", ""
			if p.Next != nil {
				next, rung = p.Next.Level, strconv.FormatFloat(round2(p.Next.Rung), 'f', -1, 64)
			}
			row := []string{p.Person, p.CurrentLevel, p.ConsensusFit,
				roleFits(p, assess.Self, " "), roleFits(p, assess.Manager, " "), roleFits(p, assess.Peer, " "), strings.Join(peers, "; "),
				strings.Join(flags, " "), strings.Join(dis, " "), next, rung, num(p.SelfDiff)}
			for _, ls := range p.ConsensusLevels {
				row = append(row, strconv.FormatFloat(round2(ls.Score), 'f', -1, 64))
			}
			cw.row(row)
		}
	case viewRaters:
		cw.row([]string{"rater", "assessments", "mean_rating", "offset", "flag", "compared"})
		for _, rc := range c.Raters {
			cw.row([]string{rc.Rater, strconv.Itoa(rc.Assessments), num(rc.MeanRating), num(rc.Offset), string(rc.Flag), strconv.Itoa(rc.Compared)})
		}
	case viewAgreement:
		cw.row([]string{"raters", "pairs", "exact", "within_one", "kappa"})
		row := func(who string, a assess.Agreement) {
			cw.row([]string{who, strconv.Itoa(a.Pairs), num(a.ExactShare()), num(a.WithinOneShare()), num(a.Kappa)})
		}
		row("all", c.Agreement)
		for _, ra := range c.ByRoles {
			row(string(ra.A)+"-"+string(ra.B), ra.Agreement)
		}
	case viewLevels:
		cw.row([]string{"level", "current", "consensus", "up", "down"})
		for _, l := range c.Levels {
			cw.row([]string{l.Level, strconv.Itoa(l.Current), strconv.Itoa(l.Consensus), strconv.Itoa(l.Up), strconv.Itoa(l.Down)})
		}
	default:
		return fmt.Errorf("unknown view %q", view)
	}
	cw.w.Flush()
	return cw.w.Error()
}
