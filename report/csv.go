package report

import (
	"encoding/csv"
	"regexp"
	"strings"

	"github.com/ladderhq/ladder/internal/termtext"
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
var number = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// csvCell neutralises a cell, which a user may have written, for a
// spreadsheet, as OWASP recommends against CSV (formula) injection: a cell
// that starts with =, +, -, @, a tab or a carriage return would be read as
// a formula, so it gets a leading single quote, which spreadsheets show as
// text. Numbers (an offset of -0.5) and ladder's lone "-" stay as they
// are. Control characters are neutralised as for a terminal, since a CSV
// file is often read in one too.
func csvCell(cell string) string {
	cell = termtext.Safe(cell)
	if cell == "-" || number.MatchString(cell) {
		return cell
	}
	// Some spreadsheets skip leading spaces before they look for a formula.
	if lead := strings.TrimLeft(cell, " "); lead != "" && strings.ContainsRune("=+-@\t\r", rune(lead[0])) {
		return "'" + cell
	}
	return cell
}
