package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/workspace"
)

// applyResult is what a color write did.
type applyResult struct {
	workspace.Result
	Value  string            // the stored color text ("" for a strip)
	Key    string            // peacock.color or peacock.remoteColor
	Color  palette.Color     // parsed Value
	Colors map[string]string // the derived palette that was merged
}

// writeColor derives the palette for text and merges it into the target,
// storing text in peacock.color (or peacock.remoteColor). style, when not
// empty, is remembered in the file as peacock.style.
func (s *session) writeColor(text string, remote bool, style palette.Style) (*applyResult, error) {
	c, err := palette.Parse(text)
	if err != nil {
		return nil, err
	}
	out := &applyResult{Value: text, Key: colorKey(remote), Color: c}
	res, err := s.update(func(d *workspace.Document) error {
		ps, err := s.settingsFor(d)
		if err != nil {
			return err
		}
		if style != "" {
			ps.Style = style
		}
		out.Colors = palette.Derive(c, ps)
		if err := d.ApplyColors(out.Colors, palette.IsOwned, ps.ExcludedSettings); err != nil {
			return err
		}
		if err := d.SetSetting(out.Key, text); err != nil {
			return err
		}
		switch style {
		case palette.StylePeacock:
			return d.RemoveSetting("peacock.style")
		case "":
			return nil
		default:
			return d.SetSetting("peacock.style", string(style))
		}
	}, true)
	if err != nil {
		return nil, err
	}
	out.Result = res
	return out, nil
}

// update runs fn on the target under the file lock. create allows creating
// a missing target (a new workspace file the way VS Code writes one, its
// directory made only when there is something to write).
func (s *session) update(fn func(*workspace.Document) error, create bool) (workspace.Result, error) {
	var warnings []string
	res, err := workspace.Update(s.Target.Path, workspace.UpdateOptions{Create: create, DryRun: s.g.DryRun}, func(d *workspace.Document) error {
		warnings = d.Warnings()
		return fn(d)
	})
	if err == nil && !s.g.Quiet {
		for _, w := range warnings {
			fmt.Fprintf(s.f.IO.ErrOut, "peacock: warning: %s\n", w)
		}
	}
	return res, err
}

// report prints what a write did: the diff for --dry-run, JSON for --json,
// and a status line on stderr unless --quiet. data is the JSON object.
func (s *session) report(res workspace.Result, status string, data map[string]any) error {
	io := s.f.IO
	if s.g.DryRun && !s.g.JSON {
		fmt.Fprint(io.Out, workspace.Diff(s.display(res.Path), res.Before, res.After))
	}
	if s.g.JSON {
		if data == nil {
			data = map[string]any{}
		}
		data["file"] = res.Path
		data["changed"] = res.Changed
		data["created"] = res.Created
		data["dryRun"] = s.g.DryRun
		if s.g.DryRun {
			data["diff"] = workspace.Diff(s.display(res.Path), res.Before, res.After)
		}
		if err := writeJSON(io, data); err != nil {
			return err
		}
	}
	if s.g.Quiet {
		return nil
	}
	name := s.display(res.Path)
	switch {
	case s.g.DryRun && res.Changed:
		s.status("dry run: %s would change; nothing written", name)
	case s.g.DryRun:
		s.status("dry run: %s would not change", name)
	case !res.Changed:
		s.status("%s is up to date; nothing to change", name)
	default:
		s.status("%s in %s", status, name)
		if res.Created {
			s.status("created %s; open it with: %s %s", name, s.editorCommand(), shellQuote(name))
		}
	}
	return nil
}

// status prints one message line on stderr (never stdout).
func (s *session) status(format string, args ...any) {
	if s.g.Quiet {
		return
	}
	msg := fmt.Sprintf(format, args...)
	if s.f.IO.ErrColorEnabled() {
		msg = "\x1b[32m✓\x1b[0m " + msg
	}
	fmt.Fprintln(s.f.IO.ErrOut, msg)
}

func writeJSON(io *ioStreams, v any) error {
	enc := json.NewEncoder(io.Out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	for _, r := range s {
		if !(r == '/' || r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
		}
	}
	return s
}
