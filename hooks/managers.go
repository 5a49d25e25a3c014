package hooks

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"

	"github.com/peacock-cli/peacock/workspace"
)

// HuskyLine returns the line Install appends to a husky hook file (and
// prints for a core.hooksPath it does not write in). Where peacock is not
// installed (a teammate's clone) it does nothing and says nothing.
func HuskyLine(hook string) string {
	return `if command -v peacock >/dev/null 2>&1; then peacock hook run ` + hook + ` "$@" </dev/null || :; fi ` + Fingerprint
}

// huskyLines are HuskyLine and the lines earlier releases added, current
// first.
func huskyLines(hook string) []string {
	return []string{
		HuskyLine(hook),
		`if command -v peacock >/dev/null 2>&1; then peacock hook run ` + hook + ` "$@" </dev/null || :; else echo "peacock: not on PATH; no colors after ` + hook + `" >&2; fi ` + Fingerprint,
	}
}

// huskyNew is the content of a husky hook file Install creates.
func huskyNew(line string) []byte { return []byte("#!/bin/sh\n" + line + "\n") }

// finalExit matches a last command that ends the script with a literal
// status (or none): exit, exit 0, exit 1, with a comment after. Compiled on
// first use: only hook install and status read hook scripts.
var finalExit = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^exit([ \t]+[0-9]+)?[ \t]*(#.*)?\r?$`)
})

// lastCommand returns the offset and text of a hook file's last line that is
// neither blank nor a comment, or -1.
func lastCommand(data []byte) (int, string) {
	off, at, last := 0, -1, ""
	for _, line := range strings.SplitAfter(string(data), "\n") {
		t := strings.TrimSpace(line)
		if t != "" && !strings.HasPrefix(t, "#") {
			at, last = off, strings.TrimRight(line, "\r\n")
		}
		off += len(line)
	}
	return at, last
}

// exitBefore returns the 1-based number of a line at column 0, before the
// line holding fp, that runs exit: the hook ends there and what follows
// never runs (0 when there is none).
func exitBefore(data []byte, fp string) int {
	for i, line := range strings.Split(string(data), "\n") {
		if strings.Contains(line, fp) {
			return 0
		}
		if line == "exit" || strings.HasPrefix(line, "exit ") || strings.HasPrefix(line, "exit\t") || strings.HasPrefix(line, "exit;") {
			return i + 1
		}
	}
	return 0
}

func huskyInstall(root, dir, hook string, dryRun bool) (Action, error) {
	path := filepath.Join(dir, hook)
	a := Action{Hook: hook, Path: path}
	line := HuskyLine(hook)
	data, err := workspace.ReadWithin(root, path) // checked by Install; a read of a found file all the same
	old := data
	switch {
	case errors.Is(err, fs.ErrNotExist):
		a.Verb = "created"
		return a, writeHook(root, path, false, nil, huskyNew(line), dryRun)
	case err != nil:
		return a, err
	case bytes.Contains(data, []byte(line)):
		a.Verb = "unchanged"
		return a, nil
	case bytes.Contains(data, []byte(Fingerprint)):
		a.Verb = "left"
		for _, old := range huskyLines(hook)[1:] {
			if bytes.Contains(data, []byte(old)) {
				a.Verb = "updated"
				data = bytes.Replace(data, []byte(old), []byte(line), 1)
				break
			}
		}
		if a.Verb == "left" {
			return a, nil
		}
	default:
		old = data
		at, last := lastCommand(data)
		switch {
		case at >= 0 && finalExit().MatchString(last):
			// The team's hook ends with exit: a line after it would never
			// run. It goes just before, and exit keeps its status.
			a.Verb = "inserted"
			data = append(append(append([]byte{}, data[:at]...), line+"\n"...), data[at:]...)
		case at >= 0 && (last == "exit" || strings.HasPrefix(last, "exit ") || strings.HasPrefix(last, "exit\t")):
			return a, fmt.Errorf("%s ends with %q, which peacock's line would change; nothing written: add this line before it:\n%s", path, last, line)
		case len(data) > 0 && data[len(data)-1] != '\n':
			// No final newline: the line goes on a line of its own, and
			// stays without one, so that Uninstall gives back the same
			// bytes.
			a.Verb = "appended"
			data = append(append(data[:len(data):len(data)], '\n'), line...)
		default:
			a.Verb = "appended"
			data = append(data[:len(data):len(data)], line+"\n"...)
		}
	}
	return a, writeHook(root, path, true, old, data, dryRun)
}

// huskyRemove returns data without peacock's line for hook (any release's),
// and whether there was one. A file that holds only what Install created
// comes back nil.
func huskyRemove(data []byte, hook string) ([]byte, bool) {
	for _, line := range huskyLines(hook) {
		if bytes.Equal(data, huskyNew(line)) {
			return nil, true
		}
		if rest, ok := bytes.CutSuffix(data, []byte("\n"+line)); ok {
			return rest, true
		}
		if i := bytes.Index(data, []byte(line+"\n")); i >= 0 && (i == 0 || data[i-1] == '\n') {
			return append(append([]byte{}, data[:i]...), data[i+len(line)+1:]...), true
		}
	}
	return data, false
}

func huskyUninstall(root, dir, hook string, dryRun bool) (Action, error) {
	path := filepath.Join(dir, hook)
	a := Action{Hook: hook, Path: path}
	// A hook file that leads out of the work tree is not read (nor
	// written): peacock's line cannot be in it, since install refuses it.
	data, err := workspace.ReadWithin(root, path)
	var oe *workspace.OutsideError
	if errors.Is(err, fs.ErrNotExist) || errors.As(err, &oe) {
		return a, nil
	}
	if err != nil {
		return a, err
	}
	rest, ok := huskyRemove(data, hook)
	if !ok {
		if bytes.Contains(data, []byte(Fingerprint)) {
			a.Verb = "left"
		}
		return a, nil
	}
	a.Verb = "removed"
	if rest == nil {
		// all Install wrote: the file goes, when its links stay inside
		if _, err := workspace.Within(root, path); err != nil || dryRun {
			return a, err
		}
		return a, os.Remove(path)
	}
	return a, writeHook(root, path, true, data, rest, dryRun)
}

// lineStatus is the state of a hook file peacock adds a line to (husky's,
// a core.hooksPath's). A file of the work tree within ("" for the user's
// own hooks) that leads out of it is not read: it is foreign, and Reason
// says why (a line number of an outside file is its content too).
func lineStatus(within, path, hook string) HookStatus {
	s := HookStatus{Hook: hook, Path: path, State: StateAbsent}
	data, err := workspace.ReadWithin(within, path)
	var oe *workspace.OutsideError
	if errors.As(err, &oe) {
		s.State, s.Reason = StateForeign, err.Error()
		return s
	}
	if err != nil {
		return s
	}
	s.State = StateForeign
	for _, line := range huskyLines(hook) {
		if bytes.Contains(data, []byte(line)) {
			s.State = StateInstalled
			if n := exitBefore(data, Fingerprint); n > 0 {
				s.State, s.Reason = StateInactive, fmt.Sprintf("line %d exits before peacock's line: it never runs (peacock hook uninstall, then install, puts it before the exit)", n)
			}
			return s
		}
	}
	if bytes.Contains(data, []byte(Fingerprint)) {
		s.State = StateModified
	}
	return s
}

func huskyStatus(l Layout, hook string) HookStatus {
	s := lineStatus(l.Root, filepath.Join(l.Config, hook), hook)
	if s.State != StateInstalled {
		return s
	}
	// git runs l.Dir/hook: husky 9's stub in .husky/_ (not committed:
	// husky writes it on npm install, so a new clone or a linked worktree
	// lacks it until then), or, for husky 5 to 8, the file itself.
	stub := filepath.Join(l.Dir, hook)
	switch {
	case !fileExists(stub):
		s.State, s.Reason = StateInactive, fmt.Sprintf("husky is not set up in this working tree (no %s): run npx husky (npm install does)", stub)
	case !executable(stub):
		s.State, s.Reason = StateInactive, stub+" is not executable: git does not run it"
	}
	return s
}

// executable reports whether git runs the hook file at path (git for
// Windows runs any).
func executable(path string) bool {
	if runtime.GOOS == "windows" {
		return true
	}
	fi, err := os.Stat(path)
	return err == nil && fi.Mode()&0o111 != 0
}

// lefthookExts are the formats lefthook reads, in its order.
var lefthookExts = []string{"yml", "yaml", "toml", "json", "jsonc"}

// lefthookConfigs returns lefthook's main configuration file in root and
// its personal one (lefthook-local.*), each "" when absent: lefthook.EXT,
// .lefthook.EXT or .config/lefthook.EXT, and the same with -local.
func lefthookConfigs(root string) (main, local string) {
	find := func(base string) string {
		for _, ext := range lefthookExts {
			for _, p := range []string{base + "." + ext, "." + base + "." + ext, filepath.Join(".config", base+"."+ext)} {
				if fileExists(filepath.Join(root, p)) {
					return filepath.Join(root, p)
				}
			}
		}
		return ""
	}
	return find("lefthook"), find("lefthook-local")
}

// lefthookRun is the command of peacock's lefthook entry for hook.
func lefthookRun(hook string) string {
	args := "{1}"
	if hook == "post-checkout" {
		args = "{1} {2} {3}"
	}
	return "command -v peacock >/dev/null 2>&1 && peacock hook run " + hook + " " + args + " </dev/null || true"
}

// Snippet returns what to add to the configuration of l's hook manager (or
// to the hook files of a core.hooksPath peacock does not write in).
func Snippet(l Layout) string {
	var b strings.Builder
	switch l.Manager {
	case ManagerLefthook:
		switch strings.TrimPrefix(filepath.Ext(l.Config), ".") {
		case "toml":
			for _, h := range Names {
				fmt.Fprintf(&b, "[%s.commands.peacock]\nrun = %q\n", h, lefthookRun(h))
			}
		case "json", "jsonc":
			for i, h := range Names {
				sep := ","
				if i == len(Names)-1 {
					sep = ""
				}
				fmt.Fprintf(&b, "%q: {\n  \"commands\": {\n    \"peacock\": {\n      \"run\": %q\n    }\n  }\n}%s\n", h, lefthookRun(h), sep)
			}
		default:
			for _, h := range Names {
				fmt.Fprintf(&b, "%s:\n  commands:\n    peacock:\n      run: '%s'\n", h, lefthookRun(h))
			}
		}
	case ManagerPreCommit:
		rev := l.Rev
		if rev == "" {
			rev = "<a tag or a full commit hash of peacock>"
		}
		fmt.Fprintf(&b, `  - repo: https://github.com/peacock-cli/peacock
    rev: %s
    hooks:
      - id: peacock-check
      - id: peacock-post-checkout
`, rev)
	case ManagerTracked, ManagerGlobalHooksPath:
		for _, h := range Names {
			fmt.Fprintf(&b, "# in %s:\n%s\n", filepath.Join(l.Dir, h), HuskyLine(h))
		}
	}
	return b.String()
}

// configMentions returns the first of files, hook managers' configuration
// files found in the work tree at root, that holds s, or "". One whose
// links lead out of the work tree is not read (workspace.ReadWithin): its
// refusal is returned.
func configMentions(root, s string, files ...string) (string, error) {
	for _, f := range files {
		if f == "" {
			continue
		}
		data, err := workspace.ReadWithin(root, f)
		var oe *workspace.OutsideError
		if errors.As(err, &oe) {
			return "", err
		}
		if err == nil && bytes.Contains(data, []byte(s)) {
			return f, nil
		}
	}
	return "", nil
}

// lefthookStale reports peacock's own scripts in a lefthook repository's
// hooks directory: lefthook install renames them to <hook>.old, where they
// no longer run.
func lefthookStale(l Layout) []Action {
	var acts []Action
	for _, h := range Names {
		path := filepath.Join(l.Dir, h)
		if data, err := workspace.ReadFile(path); err == nil && isScript(data, h) {
			acts = append(acts, Action{Hook: h, Path: path, Verb: "stale",
				Note: "lefthook install renames it to " + h + ".old, where it no longer runs; once peacock is in lefthook's configuration, peacock hook uninstall removes it"})
		}
		if data, err := workspace.ReadFile(path + ".old"); err == nil && isScript(data, h) {
			acts = append(acts, Action{Hook: h, Path: path + ".old", Verb: "stale",
				Note: "lefthook install renamed peacock's hook here, where it no longer runs; peacock hook uninstall removes it"})
		}
	}
	return acts
}

func lefthookStatus(l Layout, hook string) HookStatus {
	path := filepath.Join(l.Dir, hook)
	data, _ := workspace.ReadFile(path)
	if isScript(data, hook) {
		s := scriptStatus(l.Dir, hook)
		s.Reason = "peacock's own hook, not lefthook's: lefthook install renames it to " + hook + ".old, where it no longer runs"
		return s
	}
	s := HookStatus{Hook: hook, Path: l.Config, State: StateAbsent}
	cfg, err := configMentions(l.Root, "peacock hook run "+hook, l.Config, l.LocalConfig)
	if err != nil {
		s.Reason = err.Error()
		return s
	}
	if cfg == "" {
		s.Reason = "peacock is not in " + filepath.Base(l.Config)
		if old, err := workspace.ReadFile(path + ".old"); err == nil && isScript(old, hook) {
			s.Reason += "; lefthook install renamed peacock's hook to " + hook + ".old, where it no longer runs"
		}
		return s
	}
	s.Path = cfg
	if bytes.Contains(data, []byte("lefthook")) {
		s.State = StateInstalled
		return s
	}
	s.State, s.Reason = StateInactive, "git's "+hook+" hook is not lefthook's: run lefthook install"
	return s
}

func preCommitStatus(l Layout, hook string) HookStatus {
	s := HookStatus{Hook: hook, Path: l.Config, State: StateAbsent}
	cfg, err := configMentions(l.Root, "peacock-post-checkout", l.Config)
	if err != nil {
		s.Reason = err.Error()
		return s
	}
	if cfg == "" {
		s.Reason = "peacock-post-checkout is not in " + filepath.Base(l.Config)
		return s
	}
	data, _ := workspace.ReadFile(filepath.Join(l.Dir, hook))
	if bytes.Contains(data, []byte("pre-commit")) && bytes.Contains(data, []byte("hook-impl")) {
		s.State = StateInstalled
		return s
	}
	s.State, s.Reason = StateInactive, "git's "+hook+" hook is not pre-commit's: run pre-commit install --hook-type "+hook
	return s
}
