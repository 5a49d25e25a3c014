package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/peacock-cli/peacock/project"
	"github.com/peacock-cli/peacock/workspace"
)

// out is what every command renders through: the streams, the global flags
// and the project (for displaying paths).
type out struct {
	IO *ioStreams
	G  *globalOptions
	P  *project.Project
	// GOOS decides how commands in hints are quoted.
	GOOS string
}

// status prints one message line on stderr (never stdout), unless --quiet.
func (o *out) status(format string, args ...any) {
	if o.G.Quiet {
		return
	}
	msg := termSafe(fmt.Sprintf(format, args...))
	if o.IO.ErrColorEnabled() {
		msg = "\x1b[32m✓\x1b[0m " + msg
	}
	fmt.Fprintln(o.IO.ErrOut, msg)
}

// warnings prints the document's warnings on stderr, unless --quiet.
func (o *out) warnings(ws []string) {
	if o.G.Quiet {
		return
	}
	for _, w := range ws {
		sayf(o.IO.ErrOut, "peacock: warning: %s\n", w)
	}
}

// json prints v as indented JSON on stdout.
func (o *out) json(v any) error {
	return writeJSON(o.IO, v)
}

func writeJSON(io *ioStreams, v any) error {
	enc := json.NewEncoder(io.Out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// report prints what a write did: the diff for --dry-run, JSON for --json,
// and a status line on stderr unless --quiet: status followed by " in
// FILE", or with FILE in place of a %s in status. data is the JSON object.
func (o *out) report(res workspace.Result, status string, data map[string]any) error {
	name := o.P.Display(res.Path)
	if o.G.DryRun && !o.G.JSON {
		fmt.Fprint(o.IO.Out, workspace.Diff(name, res.Before, res.After))
	}
	if o.G.JSON {
		if data == nil {
			data = map[string]any{}
		}
		data["file"] = res.Path
		data["changed"] = res.Changed
		data["created"] = res.Created
		data["dryRun"] = o.G.DryRun
		if o.G.DryRun {
			data["diff"] = workspace.Diff(name, res.Before, res.After)
		}
		if err := o.json(data); err != nil {
			return err
		}
	}
	// Only the target may be a path the user typed (--workspace); the
	// user settings are outside the project by nature.
	if res.Changed && res.Path == o.P.Target.Path {
		o.leadsOutside(res.Path)
	}
	switch {
	case o.G.DryRun && res.Changed:
		o.status("dry run: %s would change; nothing written", name)
	case o.G.DryRun:
		o.status("dry run: %s would not change", name)
	case !res.Changed:
		o.status("%s is up to date; nothing to change", name)
	case strings.Contains(status, "%s"):
		o.status(status, name)
	default:
		o.status("%s in %s", status, name)
		if res.Created && strings.HasSuffix(res.Path, ".code-workspace") {
			o.status("created %s; open it with: %s", name, o.command(o.P.EditorCommand(), o.P.Runnable(res.Path)))
		}
	}
	return nil
}

// leadsOutside says where the file at path, one the user named, leads
// when its links take a write outside the project: only a path the user
// typed may, and the user should see where it went.
func (o *out) leadsOutside(path string) {
	target, err := workspace.Resolve(path)
	if err != nil || o.P.Target.Root == "" {
		return
	}
	var oe *workspace.OutsideError
	if _, err := workspace.Within(o.P.Target.Root, path); err == nil || !errors.As(err, &oe) || oe.GitDir != "" {
		return
	}
	o.status("%s leads to %s, outside %s", o.P.Display(path), target, o.P.Target.Root)
}

// reportChange reports a project edit; a skipped one (no target file) says
// so.
func (o *out) reportChange(c *project.Change, verb, status string, data map[string]any) error {
	if c.Skipped {
		o.status("%s does not exist; nothing to %s", o.P.Display(c.Path), verb)
		if o.G.JSON {
			out := map[string]any{"file": c.Path, "changed": false, "created": false, "dryRun": o.G.DryRun}
			for k, v := range data {
				out[k] = v
			}
			return o.json(out)
		}
		return nil
	}
	o.warnings(c.Warnings)
	return o.report(c.Result, status, data)
}

// command renders a command line for the user's shell.
func (o *out) command(args ...string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = shellQuote(o.GOOS, a)
	}
	return strings.Join(q, " ")
}

// shellQuote quotes s for the user's shell when it needs it: single quotes
// for POSIX shells, double quotes on Windows (PowerShell and cmd, where \
// is not special). Hints never hold ~, so nothing is left unexpanded.
func shellQuote(goos, s string) string {
	safe := func(r rune) bool {
		return r == '/' || r == '.' || r == '-' || r == '_' || r == ':' || r == '\\' && goos == "windows" ||
			r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	if s == "" {
		if goos == "windows" {
			return `""`
		}
		return "''"
	}
	for _, r := range s {
		if !safe(r) {
			if goos == "windows" {
				return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
			}
			return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
		}
	}
	return s
}

// baseOptions are the dependencies and global flags every command's
// options start with.
type baseOptions struct {
	IO     *ioStreams
	Global *globalOptions
	// Open resolves the project (noTarget: user settings only).
	Open func(noTarget bool) (*project.Project, error)
	GOOS string
	// Context returns the command's context, cancelled by a signal once
	// the handler is installed: by Context itself (for prompts), or by a
	// write, just before it writes (see writeOptions).
	Context func() context.Context
	// lazyContext and armSignals are writeOptions' cheaper pair.
	lazyContext func() context.Context
	armSignals  func()
	// openWith is Open under other global flags (another target).
	openWith func(g *globalOptions, noTarget bool) (*project.Project, error)
}

func newBase(f *factory, g *globalOptions) baseOptions {
	return baseOptions{
		IO: f.IO, Global: g, GOOS: f.GOOS,
		Open:        func(noTarget bool) (*project.Project, error) { return f.openProject(g, noTarget) },
		Context:     f.interruptible,
		lazyContext: f.signalContext,
		armSignals:  f.armSignals,
		openWith:    f.openProject,
	}
}

// withWorkspace returns b with the target set to path (absolute).
func (b baseOptions) withWorkspace(path string) baseOptions {
	g := *b.Global
	g.Workspace = path
	b.Global = &g
	if b.openWith != nil {
		b.Open = func(noTarget bool) (*project.Project, error) { return b.openWith(&g, noTarget) }
	}
	return b
}

// open resolves the project and the renderer for it.
func (b baseOptions) open(noTarget bool) (*project.Project, *out, error) {
	p, err := b.Open(noTarget)
	if err != nil {
		return nil, nil, err
	}
	return p, &out{IO: b.IO, G: b.Global, P: p, GOOS: b.GOOS}, nil
}

// writeOptions are the options of every write: --dry-run, the context,
// and a message when another process holds the file's lock.
func (b baseOptions) writeOptions() project.WriteOptions {
	return project.WriteOptions{
		DryRun:      b.Global.DryRun,
		Context:     b.lazyContext(),
		BeforeWrite: b.armSignals,
		OnWait: func(path string, pid int) {
			b.armSignals() // a wait can be interrupted too
			if b.Global.Quiet {
				return
			}
			who := "another process"
			if pid > 0 {
				who = fmt.Sprintf("process %d", pid)
			}
			fmt.Fprintf(b.IO.ErrOut, "peacock: waiting for %s to finish writing %s\n", who, path)
		},
	}
}

// noColorError adds the way out to a missing stored color.
func noColorError(err error) error {
	var nc *project.NoColorError
	if errors.As(err, &nc) {
		return fmt.Errorf("%w; set one first: peacock set <color>", err)
	}
	return err
}

// quote is a string in double quotes, Go syntax.
func quote(s string) string { return strconv.Quote(s) }

// notPersonal refuses a write to the file that holds this clone's personal
// color when --personal was not given: its clean filter gives git the
// committed bytes, so the change would never reach git and would be mixed
// into the personal color. fix is the command that does what was meant
// ("": 'peacock reset --personal' is).
func (b baseOptions) notPersonal(p *project.Project, fix string) error {
	pf := p.PersonalFile()
	if pf == "" || !workspace.SamePath(pf, p.Target.Path, b.GOOS) {
		return nil
	}
	if fix != "" {
		fix += ", or "
	}
	return fmt.Errorf("%s holds your personal color (this clone only), so a change made there would never reach git; use %s'peacock reset --personal' first", p.Display(pf), fix)
}
