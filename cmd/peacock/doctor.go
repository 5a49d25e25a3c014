package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/workspace"
	"github.com/spf13/cobra"
)

// finding is one problem doctor found.
type finding struct {
	Level   string `json:"level"` // "problem" or "note"
	Message string `json:"message"`
	Fix     string `json:"fix,omitempty"`
}

func newDoctorCmd(f *factory, g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "doctor",
		Short: "Explain why colors might not show, in plain words",
		Long: `Look for what keeps colors from showing: a workspace file that must be opened
as a workspace (code NAME.code-workspace, not code .), a native title bar in
your user settings, colors in .vscode/settings.json that the workspace file
overrides, duplicate keys, an invalid stored color. Exit 1 when a problem is
found, 0 otherwise (notes alone do not fail).`,
		Example: `  $ peacock doctor
  $ peacock doctor --json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := f.newSession(g)
			if err != nil {
				return err
			}
			fs, err := s.diagnose()
			if err != nil {
				return err
			}
			problems := 0
			for _, x := range fs {
				if x.Level == "problem" {
					problems++
				}
			}
			if g.JSON {
				if err := writeJSON(f.IO, map[string]any{"file": s.Target.Path, "ok": problems == 0, "findings": nonNil(fs)}); err != nil {
					return err
				}
			} else {
				for _, x := range fs {
					fmt.Fprintf(f.IO.Out, "%s: %s\n", x.Level, x.Message)
					if x.Fix != "" {
						fmt.Fprintf(f.IO.Out, "  fix: %s\n", x.Fix)
					}
				}
				if len(fs) == 0 {
					s.status("no problems found (%s)", s.display(s.Target.Path))
				}
			}
			if problems > 0 {
				return errSilent
			}
			return nil
		},
	}
}

func (s *session) diagnose() ([]finding, error) {
	var out []finding
	name := s.display(s.Target.Path)
	var doc *workspace.Document
	data, err := workspace.ReadFile(s.Target.Path)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return nil, err
	default:
		if doc, err = workspace.Parse(s.Target.Path, data); err != nil {
			out = append(out, finding{Level: "problem", Message: err.Error(), Fix: "fix the file by hand; peacock never writes a file it cannot parse"})
			return out, nil
		}
	}
	if doc == nil {
		out = append(out, finding{Level: "note", Message: fmt.Sprintf("%s does not exist yet", name), Fix: "peacock set <color> creates it"})
	} else {
		for _, d := range doc.DuplicateKeys() {
			out = append(out, finding{Level: "problem",
				Message: fmt.Sprintf("%s: line %d, column %d: duplicate key %q (VS Code uses the last one)", name, d.Line, d.Column, d.Key),
				Fix:     "delete the duplicates you do not want"})
		}
		if err := s.colorTypeError(doc); err != nil {
			out = append(out, finding{Level: "problem", Message: err.Error(), Fix: "peacock set <color>"})
		}
		for _, k := range []string{"peacock.color", "peacock.remoteColor"} {
			if v, ok := doc.Setting(k); ok {
				text, _ := v.(string)
				if _, err := palette.Parse(text); text != "" && err != nil {
					out = append(out, finding{Level: "problem", Message: fmt.Sprintf("%s: %s: %v", name, k, err), Fix: "peacock set <color>"})
				}
			}
		}
		hasColors := len(doc.ColorCustomizations()) > 0
		if s.Target.Kind == workspace.KindWorkspace && hasColors {
			open := fmt.Sprintf("open it with: %s %s", s.editorCommand(), shellQuote(name))
			folderOpened, fileOpened, known := s.openedAs(filepath.Dir(s.Target.Path), s.Target.Path)
			switch {
			case known && fileOpened:
				// Opened as a workspace: the colors show.
			case known && folderOpened:
				folder := s.display(filepath.Dir(s.Target.Path))
				if folder == "." {
					folder = filepath.Base(s.Dir)
				}
				out = append(out, finding{Level: "problem",
					Message: fmt.Sprintf("your editor has opened %s as a folder (code .) but never %s, so the colors in it do not show", folder, name),
					Fix:     open})
			default:
				out = append(out, finding{Level: "note",
					Message: fmt.Sprintf("the colors live in %s: they show only when VS Code opens that file, not the folder (code .)", name),
					Fix:     open})
			}
		}
	}
	if s.Target.Kind == workspace.KindWorkspace {
		folder := workspace.FolderSettingsPath(filepath.Dir(s.Target.Path))
		if data, err := workspace.ReadFile(folder); err == nil {
			if fd, err := workspace.Parse(folder, data); err == nil && len(fd.ColorCustomizations()) > 0 {
				out = append(out, finding{Level: "problem",
					Message: fmt.Sprintf("%s has workbench.colorCustomizations, which VS Code ignores while %s is open (the setting is window-scoped)", s.display(folder), name),
					Fix:     fmt.Sprintf("peacock --workspace %s reset", shellQuote(s.display(folder)))})
			}
		} else if !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
	}
	if s.UserSettingsPath != "" {
		us := s.display(s.UserSettingsPath)
		if v, _ := s.User["window.titleBarStyle"].(string); v == "native" {
			out = append(out, finding{Level: "problem",
				Message: fmt.Sprintf("%s sets \"window.titleBarStyle\": \"native\": title bar colors will not show", us),
				Fix:     `set "window.titleBarStyle": "custom"`})
		}
		if v, _ := s.User["window.nativeTabs"].(bool); v && s.f.GOOS == "darwin" {
			out = append(out, finding{Level: "problem",
				Message: fmt.Sprintf("%s sets \"window.nativeTabs\": true: macOS draws the title bar, so its colors will not show", us),
				Fix:     `set "window.nativeTabs": false`})
		}
		if v, _ := s.User["peacock.color"].(string); v != "" {
			out = append(out, finding{Level: "note",
				Message: fmt.Sprintf("%s sets a user-level peacock.color (%s): the extension paints every workspace without its own color with it", us, v)})
		}
	}
	return out, nil
}

// openedAs tells, from the editor's own record of the windows it has opened
// (User/globalStorage/storage.json beside the user settings), whether it
// has opened folder as a folder and file as a workspace. known is false
// when there is no such record.
func (s *session) openedAs(folder, file string) (folderOpened, fileOpened, known bool) {
	if s.UserSettingsPath == "" {
		return false, false, false
	}
	data, err := os.ReadFile(filepath.Join(filepath.Dir(s.UserSettingsPath), "globalStorage", "storage.json"))
	if err != nil {
		return false, false, false
	}
	var v any
	if json.Unmarshal(data, &v) != nil {
		return false, false, false
	}
	same := func(a, b string) bool {
		if s.f.GOOS == "windows" || s.f.GOOS == "darwin" {
			return strings.EqualFold(a, b) // case-insensitive file systems by default
		}
		return a == b
	}
	for _, uri := range fileURIs(v, nil) {
		p := uriPath(uri, s.f.GOOS)
		folderOpened = folderOpened || same(p, folder)
		fileOpened = fileOpened || same(p, file)
	}
	return folderOpened, fileOpened, true
}

// fileURIs collects every file:// URI among the keys and string values of
// a decoded JSON value (storage.json keeps them in several places: window
// state, backups, profile associations).
func fileURIs(v any, out []string) []string {
	switch v := v.(type) {
	case string:
		if strings.HasPrefix(v, "file://") {
			out = append(out, v)
		}
	case []any:
		for _, x := range v {
			out = fileURIs(x, out)
		}
	case map[string]any:
		for k, x := range v {
			if strings.HasPrefix(k, "file://") {
				out = append(out, k)
			}
			out = fileURIs(x, out)
		}
	}
	return out
}

// uriPath turns a file:// URI into a clean local path ("" if it is not one).
func uriPath(uri, goos string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return ""
	}
	p := u.Path
	if goos == "windows" {
		p = strings.TrimPrefix(p, "/") // file:///c%3A/x -> c:/x
		return filepath.Clean(strings.ReplaceAll(p, "/", `\`))
	}
	return filepath.Clean(p)
}
