package prompt

import (
	"errors"
	"os"
	"testing"
)

// A Ctrl-C that arrived as a signal between two questions (the terminal
// is in raw mode only while a question waits) ends the session at the
// next question, before anything is drawn.
func TestSignalBetweenQuestionsInterruptsTheNext(t *testing.T) {
	s := &Survey{sigint: make(chan os.Signal, 1)} // no terminal: any prompt would fail
	s.sigint <- os.Interrupt
	if _, err := s.Select("Colour?", "", []Option{{Label: "red"}}, 0); !errors.Is(err, ErrInterrupted) {
		t.Errorf("Select after a signal: %v, want ErrInterrupted", err)
	}
}
