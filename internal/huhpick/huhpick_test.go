package huhpick

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/peacock-cli/peacock/internal/cli"
	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/project"
)

// TestPickAccessibleContext checks the accessible prompts against a
// context that a signal may cancel: answers still arrive, and a
// cancellation ends a prompt that waits on silent input.
func TestPickAccessibleContext(t *testing.T) {
	colorOf := func(s string) palette.Color {
		c, err := palette.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	menu := func() *cli.PickMenu {
		return &cli.PickMenu{
			Title: "Color",
			Items: []project.Suggestion{
				{Label: "A", Source: project.SuggestTheme, Detail: "t", Choice: project.Choice{Text: "#111111", Color: colorOf("#111111")}},
				{Label: "B", Source: project.SuggestTheme, Detail: "t", Choice: project.Choice{Text: "#222222", Color: colorOf("#222222")}},
			},
			Resolve: func(s string) (project.Choice, error) { return project.Choice{Text: s, Color: colorOf(s)}, nil },
			Label:   func(i int, _ bool) string { return fmt.Sprint("item ", i) },
		}
	}
	t.Run("answers", func(t *testing.T) {
		in := iotest.OneByteReader(strings.NewReader("3\n"))
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		got, err := New(cli.PromptIO{In: in, ErrOut: io.Discard, Accessible: true}).PickColor(ctx, menu())
		if err != nil || got.Text != "#222222" {
			t.Fatalf("PickColor = %+v, %v; want #222222", got, err)
		}
	})
	t.Run("cancelled while waiting", func(t *testing.T) {
		var errOut strings.Builder
		r, w := io.Pipe()
		defer w.Close()
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() {
			_, err := New(cli.PromptIO{In: r, ErrOut: &errOut, Accessible: true}).PickColor(ctx, menu())
			done <- err
		}()
		cancel()
		select {
		case err := <-done:
			if !errors.Is(err, cli.ErrCancel) {
				t.Errorf("err = %v, want cli.ErrCancel", err)
			}
			// run reports the signal; the picker adds nothing.
			if strings.Contains(errOut.String(), "peacock:") {
				t.Errorf("stderr = %q", errOut.String())
			}
		case <-time.After(5 * time.Second):
			t.Fatal("the prompt kept waiting after the context was cancelled")
		}
	})
}

// TestProfileOf: bubbletea is told the depth show draws at, so it converts
// none of the picker's colors.
func TestProfileOf(t *testing.T) {
	for d, want := range map[cli.ColorDepth]colorprofile.Profile{
		cli.TrueColor: colorprofile.TrueColor,
		cli.Colors256: colorprofile.ANSI256,
		cli.Colors16:  colorprofile.ANSI,
		cli.NoColor:   colorprofile.Ascii,
	} {
		if got := profileOf(d); got != want {
			t.Errorf("profileOf(%v) = %v, want %v", d, got, want)
		}
	}
}

// TestNewLayout: the layout each terminal size gets, and the field's
// height within it (the form's help takes the last two lines).
func TestNewLayout(t *testing.T) {
	for _, tt := range []struct {
		w, h       int
		kind, rows int
	}{
		{120, 40, layoutFull, maxRows},
		{80, 24, layoutFull, 10},
		{79, 24, layoutCompact, 18},
		{60, 20, layoutCompact, 14},
		{80, 23, layoutCompact, 17},
		{59, 20, layoutPlain, 17},
		{60, 19, layoutPlain, 16},
		{30, 4, layoutPlain, 1},
		{0, 0, layoutFull, 10},
	} {
		l := newLayout(tt.w, tt.h, 200)
		if l.kind != tt.kind || l.rows != tt.rows {
			t.Errorf("%dx%d: kind %d rows %d, want %d and %d", tt.w, tt.h, l.kind, l.rows, tt.kind, tt.rows)
		}
		if h := tt.h; h > 0 && l.height()+footer > h && l.rows > 1 {
			t.Errorf("%dx%d: %d lines and the help do not fit", tt.w, tt.h, l.height())
		}
	}
	if l := newLayout(120, 40, 3); l.rows != 3 {
		t.Errorf("3 entries: %d rows", l.rows)
	}
}
