package cli

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/peacock-cli/peacock/project"
)

func TestNewPickCmd(t *testing.T) {
	const noTTY = "pick: no terminal to show the picker on; use 'peacock set COLOR' instead, or 'peacock pick --accessible' to answer numbered prompts on stdin"
	tests := []struct {
		name             string
		args             []string
		env              map[string]string
		stdinTTY, errTTY bool
		want             pickOptions
		wantErr          string
	}{
		{"terminal", nil, nil, true, true, pickOptions{}, ""},
		{"remote and style", []string{"--remote", "--style", "accessible"}, nil, true, true, pickOptions{Remote: true, Style: "accessible"}, ""},
		{"no terminal", nil, nil, false, false, pickOptions{}, noTTY},
		{"stdin piped", nil, nil, false, true, pickOptions{}, noTTY},
		{"stderr redirected", nil, nil, true, false, pickOptions{}, noTTY},
		{"--accessible needs no terminal", []string{"--accessible"}, nil, false, false, pickOptions{Accessible: true}, ""},
		{"ACCESSIBLE=1", nil, map[string]string{"ACCESSIBLE": "1"}, false, false, pickOptions{Accessible: true}, ""},
		{"ACCESSIBLE=0", nil, map[string]string{"ACCESSIBLE": "0"}, false, false, pickOptions{}, noTTY},
		{"TERM=dumb", nil, map[string]string{"TERM": "dumb"}, true, true, pickOptions{Accessible: true}, ""},
		{"bad style", []string{"--style", "loud"}, nil, true, true, pickOptions{}, `invalid --style "loud" (want peacock or accessible)`},
		{"argument", []string{"red"}, nil, true, true, pickOptions{}, `pick: unexpected argument "red"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _, _, _ := testFactory(t)
			f.Getenv = func(k string) string { return tt.env[k] }
			f.IO.SetStdinTTY(tt.stdinTTY)
			f.IO.SetStderrTTY(tt.errTTY)
			var got *pickOptions
			cmd := newPickCmd(f, &globalOptions{}, func(o *pickOptions) error { got = o; return nil })
			cmd.SetArgs(tt.args)
			cmd.SetOut(f.IO.Out)
			cmd.SetErr(f.IO.ErrOut)
			err := cmd.Execute()
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				if tt.wantErr == noTTY && exitCode(err, f.IO) != exitUsage {
					t.Errorf("exit code = %d, want %d", exitCode(err, f.IO), exitUsage)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Remote != tt.want.Remote || got.Style != tt.want.Style || got.Accessible != tt.want.Accessible {
				t.Errorf("options = remote %v style %q accessible %v, want %v %q %v",
					got.Remote, got.Style, got.Accessible, tt.want.Remote, tt.want.Style, tt.want.Accessible)
			}
		})
	}
}

// fakePrompter answers with the suggestion labelled choose, or err, and
// keeps the menu it was shown.
type fakePrompter struct {
	choose string
	err    error
	menu   *PickMenu
}

func (fp *fakePrompter) PickColor(_ context.Context, m *PickMenu) (project.Choice, error) {
	fp.menu = m
	if fp.err != nil {
		return project.Choice{}, fp.err
	}
	for _, it := range m.Items {
		if it.Label == fp.choose {
			return it.Choice, nil
		}
	}
	return project.Choice{}, errors.New("fake: no item " + fp.choose)
}

func TestRunPick(t *testing.T) {
	existing := `{
	// keep me
	"settings": {"peacock.color": "#f9e64f"}
}`
	tests := []struct {
		name       string
		file       string // work.code-workspace before; "" for none
		choose     string
		err        error
		wantCode   int
		wantOut    string
		wantErr    string
		wantInFile string // "" when nothing may be written
	}{
		{"choose a favorite", "", "Vue Green", nil, exitOK, "#42b883\n",
			"set peacock.color to \"#42b883\" in work.code-workspace\ncreated work.code-workspace; open it with: code work.code-workspace\n",
			`"peacock.color": "#42b883"`},
		{"choose a theme color", existing, "Mauve", nil, exitOK, "#cba6f7\n",
			"set peacock.color to \"#cba6f7\" in work.code-workspace\n", `"peacock.color": "#cba6f7"`},
		{"cancel", existing, "", errCancel, exitCanceled, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, work, out, errOut := testFactory(t)
			path := filepath.Join(work, "work.code-workspace")
			if tt.file != "" {
				if err := os.WriteFile(path, []byte(tt.file), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			fp := &fakePrompter{choose: tt.choose, err: tt.err}
			opts := &pickOptions{
				baseOptions: newBase(f, &globalOptions{}), Getenv: f.Getenv, NewRand: f.NewRand,
				Prompter: fp,
				Git: func(_ context.Context, dir string, args ...string) (string, error) {
					if args[0] == "rev-parse" { // hooks.Inspect
						gd := filepath.Join(work, ".git")
						return strings.Join([]string{work, gd, gd, filepath.Join(gd, "info", "exclude")}, "\n"), nil
					}
					return "git@github.com:Peacock-CLI/Peacock.git", nil
				},
			}
			if got := exitCode(runPick(opts), f.IO); got != tt.wantCode {
				t.Fatalf("exit code = %d, want %d (stderr %q)", got, tt.wantCode, errOut.String())
			}
			if out.String() != tt.wantOut {
				t.Errorf("stdout = %q, want %q", out.String(), tt.wantOut)
			}
			if errOut.String() != tt.wantErr {
				t.Errorf("stderr = %q, want %q", errOut.String(), tt.wantErr)
			}
			data, _ := os.ReadFile(path)
			switch {
			case tt.wantInFile == "" && string(data) != tt.file:
				t.Errorf("the file changed:\n%s", data)
			case tt.wantInFile != "" && !strings.Contains(string(data), tt.wantInFile):
				t.Errorf("the file lacks %s:\n%s", tt.wantInFile, data)
			case tt.file != "" && tt.wantInFile != "" && !strings.Contains(string(data), "// keep me"):
				t.Errorf("the comment was lost:\n%s", data)
			}

			// The menu: every kind of suggestion, the cursor on the current
			// color, the identity from the origin remote.
			m := fp.menu
			kinds := map[string]bool{}
			for _, it := range m.Items {
				kinds[it.Source] = true
				if it.Source == project.SuggestIdentity && it.Detail != "github.com/peacock-cli/peacock" {
					t.Errorf("identity of %q, want github.com/peacock-cli/peacock", it.Detail)
				}
			}
			for _, k := range []string{project.SuggestFavorite, project.SuggestHarmony, project.SuggestIdentity, project.SuggestRandom, project.SuggestTheme} {
				if !kinds[k] {
					t.Errorf("no %s suggestion", k)
				}
			}
			if tt.file == existing && m.Items[m.Initial].Choice.Text != "#f9e64f" {
				t.Errorf("cursor starts on %+v, want the current color #f9e64f", m.Items[m.Initial])
			}
			if !strings.Contains(m.Preview(m.Items[0].Choice.Color, 78), "contrast  title ") {
				t.Errorf("preview without contrast:\n%s", m.Preview(m.Items[0].Choice.Color, 78))
			}
			if !strings.Contains(m.PreviewLine(m.Items[0].Choice.Color), "contrast ≥ ") {
				t.Errorf("preview line without contrast: %s", m.PreviewLine(m.Items[0].Choice.Color))
			}
		})
	}
}

// TestPickFitsNarrowTerminal checks that at 60 columns every menu line and
// the preview fit beside the form's border and cursor.
func TestPickFitsNarrowTerminal(t *testing.T) {
	f, _, _, _ := testFactory(t)
	f.IO.SetStderrTTY(true)
	f.IO.SetTrueColor(true)
	f.IO.SetWidth(60)
	p, err := f.openProject(&globalOptions{}, false)
	if err != nil {
		t.Fatal(err)
	}
	items, err := p.Suggestions(project.SuggestOptions{Identity: "github.com/o/r", Rand: f.NewRand(1)})
	if err != nil {
		t.Fatal(err)
	}
	ansi := regexp.MustCompile("\x1b\\[[0-9;]*m")
	width := func(s string) int { return utf8.RuneCountInString(ansi.ReplaceAllString(s, "")) }
	const room = 60 - 4 // border and padding, cursor
	for i := range items {
		if l := itemLabel(f.IO.painter(), true, &items[i]); width(l) > room {
			t.Errorf("%q is %d columns wide", l, width(l))
		}
	}
	colors := map[string]string{
		"titleBar.activeBackground": "#42b883", "titleBar.activeForeground": "#15202b",
		"activityBar.background": "#65c89b", "activityBar.foreground": "#15202b",
		"statusBar.background": "#42b883", "statusBar.foreground": "#15202b",
	}
	preview := previewColor(f.IO, colors, "a-project-with-a-rather-long-folder-name", room)
	if line := previewLine(f.IO, colors); width(line) > room {
		t.Errorf("preview line %q is %d columns wide", line, width(line))
	}
	for _, line := range strings.Split(preview, "\n") {
		if width(line) > room {
			t.Errorf("preview line %q is %d columns wide", line, width(line))
		}
	}
}

func TestContrastLine(t *testing.T) {
	tests := []struct {
		name   string
		colors map[string]string
		want   string
	}{
		{"readable", map[string]string{"titleBar.activeBackground": "#000000", "titleBar.activeForeground": "#ffffff"}, "contrast  title 21.0:1"},
		{"low", map[string]string{"statusBar.background": "#777777", "statusBar.foreground": "#888888"}, "contrast  status 1.3:1\nunder 4.5:1; --style accessible fixes that"},
		{"no text colors", map[string]string{"titleBar.activeBackground": "#000000"}, "contrast: no text colors written"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := contrastLine(tt.colors); got != tt.want {
				t.Errorf("contrastLine = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestChoiceDetail(t *testing.T) {
	tests := []struct {
		c    project.Choice
		want string
	}{
		{project.Choice{Text: "rgb(30 90 200)", Color: colorOf("rgb(30 90 200)")}, "rgb(30 90 200) = #1e5ac8"},
		{project.Choice{Text: "#42B883", Color: colorOf("#42b883"), Favorite: "Vue Green"}, "#42B883 (favorite Vue Green)"},
		{project.Choice{Text: "#cba6f7", Color: colorOf("#cba6f7"), Favorite: "Mauve", Theme: "catppuccin-mocha"}, "#cba6f7 (Mauve, theme catppuccin-mocha)"},
	}
	for _, tt := range tests {
		if got := choiceDetail(tt.c); got != tt.want {
			t.Errorf("choiceDetail(%+v) = %q, want %q", tt.c, got, tt.want)
		}
	}
}
