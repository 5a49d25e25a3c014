package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/peacock-cli/peacock/hooks"
	"github.com/peacock-cli/peacock/project"
	"github.com/peacock-cli/peacock/workspace"
	"github.com/spf13/cobra"
)

// The personal color (--personal) is a clean/smudge filter set in this
// clone only: $GIT_DIR/info/attributes names the file, .git/config holds
// the filter's commands, <git common dir>/peacock/personal.json what reset
// must remove. See docs/personal.md.

// personalRepo is what git says about the clone a personal color is set in.
type personalRepo struct {
	Root, CommonDir, Attributes, Exclude string
}

// State is the personal state file.
func (r *personalRepo) State() string {
	return project.StateFile(r.CommonDir)
}

func inspectPersonal(dir string) (*personalRepo, error) {
	out, err := runGit(context.Background(), dir, "rev-parse", "--path-format=absolute", "--show-toplevel",
		"--git-common-dir", "--git-path", "info/attributes", "--git-path", "info/exclude")
	if err != nil {
		return nil, fmt.Errorf("--personal needs a git working tree: %w", err)
	}
	f := strings.Split(out, "\n")
	if len(f) != 4 {
		return nil, fmt.Errorf("unexpected git rev-parse output %q", out)
	}
	return &personalRepo{Root: filepath.Clean(f[0]), CommonDir: filepath.Clean(f[1]), Attributes: filepath.Clean(f[2]), Exclude: filepath.Clean(f[3])}, nil
}

// rel returns path relative to the top of the working tree, with forward
// slashes, or an error when it lies outside.
func (r *personalRepo) rel(path string) (string, error) {
	rel, ok := workspace.RelInside(r.Root, path)
	if !ok {
		return "", fmt.Errorf("%s is outside the git working tree %s: --personal colors a file of this clone", path, r.Root)
	}
	// git tracks and filters a file by its own path, never through a
	// link: a file reached through one (.vscode -> conf, committed) is
	// another file to git, and an edit there would land in a tracked
	// file unfiltered.
	// Out of the clone, or into .git: refused as a read (the file is read
	// before it is written), said as such.
	if err := workspace.CheckRead(r.Root, path); err != nil {
		var oe *workspace.OutsideError
		if errors.As(err, &oe) {
			return "", err
		}
	}
	res, err := workspace.Within(r.Root, path)
	if err == nil {
		if root, err := workspace.Resolve(r.Root); err == nil && res != filepath.Join(root, rel) {
			return "", fmt.Errorf("%s leads to %s through a symbolic link; git filters a file by its own path, so --personal colors only a file reached without links (name it with --workspace)", path, res)
		}
	}
	return filepath.ToSlash(rel), nil
}

// gitBlob returns what git has for rel: the index's content (GIT_INDEX_FILE
// honoured, as a filter must), else HEAD's; nil when git has none. env nil
// is the process's environment.
func gitBlob(dir, rel string, env []string) []byte {
	// ":0:" names the index entry of rel whatever rel looks like (a file
	// named "1:x" would otherwise be read as stage 1 of x).
	for _, rev := range []string{":0:" + rel, "HEAD:" + rel} {
		cmd := exec.Command("git", "cat-file", "blob", rev)
		cmd.Dir, cmd.Env = dir, env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, io.Discard
		if cmd.Run() == nil {
			return out.Bytes()
		}
	}
	return nil
}

// filterCommand is the filter.peacock-personal.clean or .smudge command:
// peacock when it is on the PATH, else cat, so that a clone whose peacock
// was removed behaves as one without the filter and no git command fails
// or complains.
// editor, when set, is the editor whose user settings the derivation
// reads (set --personal --editor).
func filterCommand(mode, color, editor string) string {
	flags := " --color " + shellQuote("linux", color) // git runs filters with sh, also on Windows
	if editor != "" {
		flags = " --editor " + shellQuote("linux", editor) + flags
	}
	return "if command -v peacock >/dev/null 2>&1; then exec peacock filter " + mode + flags + " -- %f; else exec cat; fi"
}

// attributesLine is the info/attributes line naming rel.
func attributesLine(rel string) string {
	pat := hooks.ExcludePattern(rel)
	if strings.ContainsAny(pat, " \t\"") {
		pat = `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(pat) + `"`
	}
	return pat + " filter=" + project.FilterName
}

const personalComment = "# peacock --personal: your color in this clone only"

// addLine appends a comment and line to the text file at path (created
// with its directory when missing) unless a line already holds it. The
// file must stay in within (git's common directory) once its links are
// resolved.
func addLine(path, within, line string) error {
	if err := hooks.OneLine(path, line); err != nil {
		return err
	}
	_, err := workspace.EditFile(path, workspace.EditOptions{Within: within, MkdirAll: true}, func(data []byte, _ bool) ([]byte, error) {
		for _, l := range bytes.Split(data, []byte("\n")) {
			if string(bytes.TrimRight(l, "\r")) == line {
				return data, nil
			}
		}
		out := append([]byte(nil), data...)
		if len(out) > 0 && out[len(out)-1] != '\n' {
			out = append(out, '\n')
		}
		return append(out, personalComment+"\n"+line+"\n"...), nil
	})
	return err
}

// removeLine removes line, and the comment addLine put before it, from the
// text file at path. A missing file or line is no error.
func removeLine(path, within, line string) error {
	if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	_, err := workspace.EditFile(path, workspace.EditOptions{Within: within}, func(data []byte, exists bool) ([]byte, error) {
		if !exists {
			return data, nil
		}
		lines := bytes.SplitAfter(data, []byte("\n"))
		var out []byte
		for i, l := range lines {
			t := string(bytes.TrimRight(l, "\r\n"))
			if t == line {
				continue
			}
			if t == personalComment && i+1 < len(lines) && string(bytes.TrimRight(lines[i+1], "\r\n")) == line {
				continue
			}
			out = append(out, l...)
		}
		if out == nil {
			out = []byte{}
		}
		return out, nil
	})
	return err
}

// personal is a clone's personal color, as the commands find it.
type personal struct {
	repo  *personalRepo
	state *project.PersonalState
}

func openPersonal(dir string) (*personal, error) {
	r, err := inspectPersonal(dir)
	if err != nil {
		return nil, err
	}
	s, err := project.ReadPersonalState(r.State())
	if err != nil {
		return nil, err
	}
	return &personal{repo: r, state: s}, nil
}

// file is the personal file's path in this working tree.
func (ps *personal) file() string {
	return filepath.Join(ps.repo.Root, filepath.FromSlash(ps.state.File))
}

// openPersonalTarget opens the project with the personal file as target.
func openPersonalTarget(b baseOptions, ps *personal) (*project.Project, *out, error) {
	p, o, err := b.withWorkspace(ps.file()).open(false)
	if err != nil {
		return nil, nil, err
	}
	p.Target.Within = ps.repo.Root // named by the state, not by the user
	return p, o, nil
}

func runSetPersonal(opts *setOptions) error {
	p, o, err := opts.open(false)
	if err != nil {
		return err
	}
	ps, err := openPersonal(p.Dir)
	if err != nil {
		return err
	}
	p.PersonalTarget()
	target := p.Target.Path
	if ps.state != nil {
		target = ps.file() // the file the clone's personal color is in
	}
	rel, err := ps.repo.rel(target)
	if err != nil {
		return err
	}
	if ps.state != nil && p.Target.Path != target {
		if p, o, err = openPersonalTarget(opts.baseOptions, ps); err != nil {
			return err
		}
	}
	choice, err := p.Resolve(opts.Color)
	if err != nil {
		return err
	}
	choice = choice.Portable()
	team := gitBlob(ps.repo.Root, rel, nil)
	st := &project.PersonalState{Color: choice.Text, File: rel, Attributes: attributesLine(rel)}
	var old *project.Choice
	if ps.state != nil {
		st.Created, st.Excluded = ps.state.Created, ps.state.Excluded
		if c, err := project.PersonalChoice(ps.state.Color); err == nil {
			old = &c
		}
	} else {
		st.Created = !p.Target.Exists && team == nil
	}
	// What the write of the target would refuse (a committed link leading
	// out of the work tree or into .git, a file name that cannot be one
	// line of info/attributes) is refused before git is configured: a
	// refused set --personal leaves no filter, attributes, exclude line or
	// state behind.
	if err := workspace.CheckRead(p.Target.Within, p.Target.Path); err != nil {
		return err
	}
	if err := hooks.OneLine(ps.repo.Attributes, st.Attributes); err != nil {
		return err
	}
	if !opts.Global.DryRun {
		if st.Created && st.Excluded == "" && !gitIgnored(ps.repo.Root, rel) {
			st.Excluded = hooks.ExcludePattern(rel)
			if err := addLine(ps.repo.Exclude, ps.repo.CommonDir, st.Excluded); err != nil {
				return err
			}
		}
		if err := configurePersonal(ps.repo, st, opts.Global.Editor); err != nil {
			return err
		}
	}
	c, err := p.SetPersonal(choice, old, team, opts.writeOptions())
	if err != nil {
		return err
	}
	if c.Changed && !opts.Global.DryRun {
		forgetStat(ps.repo.Root, rel)
	}
	where := "tracked"
	switch {
	case team == nil && st.Created:
		where = "new, ignored by git"
	case team == nil:
		where = "untracked"
	}
	err = o.reportChange(c, "set", "set your personal color "+quote(c.Value)+" in %s ("+where+"; this clone only)", map[string]any{
		"color": c.Color.Hex6(), "value": c.Value, "key": c.Key, "colors": c.Colors, "personal": true,
	})
	if err == nil && !opts.Global.Quiet && !opts.Global.JSON && !opts.Global.DryRun && team != nil {
		sayf(opts.IO.ErrOut, "git sees the committed %s: your color never reaches a commit (peacock reset --personal removes it)\n", rel)
	}
	return err
}

// configurePersonal writes the attributes line, the filter's config and
// the state file.
func configurePersonal(r *personalRepo, st *project.PersonalState, editor string) error {
	if err := addLine(r.Attributes, r.CommonDir, st.Attributes); err != nil {
		return err
	}
	for _, kv := range [][2]string{
		{"clean", filterCommand("clean", st.Color, editor)},
		{"smudge", filterCommand("smudge", st.Color, editor)},
		{"required", "false"},
	} {
		if _, err := runGit(context.Background(), r.Root, "config", "--local", "filter."+project.FilterName+"."+kv[0], kv[1]); err != nil {
			return err
		}
	}
	_, err := workspace.EditFile(r.State(), workspace.EditOptions{Within: r.CommonDir, MkdirAll: true}, func([]byte, bool) ([]byte, error) {
		return st.Marshal(), nil
	})
	return err
}

func gitIgnored(root, rel string) bool {
	_, err := runGit(context.Background(), root, "check-ignore", "-q", "--", rel)
	return err == nil
}

func runResetPersonal(opts *resetOptions) error {
	dir, err := opts.dir()
	if err != nil {
		return err
	}
	ps, err := openPersonal(dir)
	if err != nil {
		return err
	}
	if ps.state == nil {
		if !opts.Global.Quiet && !opts.Global.JSON {
			fmt.Fprintln(opts.IO.ErrOut, "no personal color in this clone; nothing to change")
		}
		if opts.Global.JSON {
			return writeJSON(opts.IO, map[string]any{"personal": false, "changed": false})
		}
		return nil
	}
	c, err := project.PersonalChoice(ps.state.Color)
	if err != nil {
		return err
	}
	p, o, err := openPersonalTarget(opts.baseOptions, ps)
	if err != nil {
		return err
	}
	team := gitBlob(ps.repo.Root, ps.state.File, nil)
	ch, err := p.ResetPersonal(c, team, ps.state.Created, opts.writeOptions())
	if err != nil {
		return err
	}
	if !opts.Global.DryRun {
		// The other working trees of this repository have the file too.
		for _, root := range otherWorktrees(ps.repo.Root) {
			b := opts.baseOptions.withWorkspace(filepath.Join(root, filepath.FromSlash(ps.state.File)))
			if wp, err := b.Open(false); err == nil && wp.Target.Exists {
				wp.Target.Within = root
				if _, err := wp.ResetPersonal(c, gitBlob(root, ps.state.File, nil), ps.state.Created, opts.writeOptions()); err != nil {
					return err
				}
				forgetStat(root, ps.state.File)
			}
		}
		if err := unconfigurePersonal(ps.repo, ps.state); err != nil {
			return err
		}
		forgetStat(ps.repo.Root, ps.state.File)
	}
	status := "removed your personal color from %s; git's file is back"
	if ch.Removed {
		status = "removed %s, which only held your personal color"
	}
	return o.reportChange(ch, "reset", status, map[string]any{"personal": true, "removed": ch.Removed})
}

// unconfigurePersonal removes every trace of the personal color: the
// attributes and exclude lines, the filter's config, the state file.
func unconfigurePersonal(r *personalRepo, st *project.PersonalState) error {
	if err := removeLine(r.Attributes, r.CommonDir, st.Attributes); err != nil {
		return err
	}
	if st.Excluded != "" {
		if err := removeLine(r.Exclude, r.CommonDir, st.Excluded); err != nil {
			return err
		}
	}
	if _, err := runGit(context.Background(), r.Root, "config", "--local", "--get-regexp", `^filter\.`+project.FilterName+`\.`); err == nil {
		if _, err := runGit(context.Background(), r.Root, "config", "--local", "--remove-section", "filter."+project.FilterName); err != nil {
			return err
		}
	}
	if _, err := workspace.Within(r.CommonDir, r.State()); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.Remove(r.State()); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	_ = os.Remove(filepath.Dir(r.State())) // only when empty
	return nil
}

// otherWorktrees lists the roots of the working trees of root's repository
// other than root.
func otherWorktrees(root string) []string {
	out, err := runGit(context.Background(), root, "worktree", "list", "--porcelain")
	if err != nil {
		return nil
	}
	var roots []string
	for _, l := range strings.Split(out, "\n") {
		if w, ok := strings.CutPrefix(l, "worktree "); ok {
			if w := filepath.Clean(w); !workspace.SamePath(w, root, runtime.GOOS) {
				roots = append(roots, w)
			}
		}
	}
	return roots
}

func runApplyPersonal(opts *applyOptions) error {
	dir, err := opts.dir()
	if err != nil {
		return err
	}
	ps, err := openPersonal(dir)
	if err != nil {
		return err
	}
	if ps.state == nil {
		return errors.New("no personal color in this clone; set one with: peacock set --personal COLOR")
	}
	c, err := project.PersonalChoice(ps.state.Color)
	if err != nil {
		return err
	}
	p, o, err := openPersonalTarget(opts.baseOptions, ps)
	if err != nil {
		return err
	}
	ch, err := p.SetPersonal(c, &c, gitBlob(ps.repo.Root, ps.state.File, nil), opts.writeOptions())
	if err != nil {
		return err
	}
	if ch.Changed && !opts.Global.DryRun {
		forgetStat(ps.repo.Root, ps.state.File)
	}
	return o.reportChange(ch, "apply", "applied your personal color "+c.Text, map[string]any{
		"color": c.Color.Hex6(), "value": c.Text, "colors": ch.Colors, "personal": true,
	})
}

// dir is the directory a command runs in (-C applied).
func (b baseOptions) dir() (string, error) {
	p, err := b.Open(true)
	if err != nil {
		return "", err
	}
	return p.Dir, nil
}

// newFilterCmd is the filter git runs for a personal color: clean (the
// working copy to what git stores) and smudge (what git stores to the
// working copy), content on stdin and stdout. It never fails: what it
// cannot change it passes through, so no git command fails because of it.
func newFilterCmd(f *factory, g *globalOptions) *cobra.Command {
	var color string
	cmd := &cobra.Command{
		Use:    "filter (clean|smudge) --color COLOR -- PATH",
		Short:  "The git filter of a personal color (git runs it)",
		Hidden: true,
		Args:   exactArgs(2, "clean|smudge and PATH"),
		RunE: func(cmd *cobra.Command, args []string) error {
			mode, path := args[0], args[1]
			if mode != "clean" && mode != "smudge" {
				return flagErrorf("filter: want clean or smudge, got %q", mode)
			}
			in, err := io.ReadAll(f.IO.In)
			if err != nil {
				return err
			}
			outb := runFilter(f, g, mode, color, path, in)
			_, err = f.IO.Out.Write(outb)
			return err
		},
	}
	cmd.Flags().StringVar(&color, "color", "", "the personal color")
	return cmd
}

func runFilter(f *factory, g *globalOptions, mode, color, path string, in []byte) []byte {
	c, err := project.PersonalChoice(color)
	if err != nil {
		return in
	}
	// Only the file set --personal chose: a repository's .gitattributes
	// can give any file filter=peacock-personal (*.json), and peacock
	// must not splice colors into package.json. Asked first: it reads one
	// small file, and the project (your settings) is opened only for that
	// file, not for every file git runs the filter on.
	dir, err := f.Getwd()
	if err == nil && g.Dir != "" {
		dir, err = workspace.AbsPath(f.GOOS, dir, g.Dir)
	}
	if err != nil {
		return in
	}
	if st := filterState(dir); st == nil || st.File != filepath.ToSlash(path) {
		return in
	}
	p, err := newBase(f, g).Open(true)
	if err != nil {
		return in
	}
	if mode == "smudge" {
		out, err := p.Personalize(path, in, c)
		if err != nil {
			if !g.Quiet {
				sayf(f.IO.ErrOut, "peacock: your personal color is not in %s: %v\n", path, err)
			}
			return in
		}
		return out
	}
	return p.Depersonalize(path, in, gitBlob(p.Dir, filepath.ToSlash(path), os.Environ()), c)
}

// filterState returns the personal state of the work tree at dir (git
// runs a filter at the top of the work tree), nil when there is none. It
// finds the git common directory from dir/.git as git lays it out (a
// directory, or a gitdir: file whose directory may name a commondir), so
// that the filter, run for every file git filters, starts no git; when
// the layout is another, it asks git.
func filterState(dir string) *project.PersonalState {
	common, ok := project.CommonDir(dir)
	if !ok {
		ps, err := openPersonal(dir)
		if err != nil {
			return nil
		}
		return ps.state
	}
	st, err := project.ReadPersonalState(project.StateFile(common))
	if err != nil {
		return nil
	}
	return st
}

// forgetStat makes git compare the content of rel again, through the
// filter (or without it, after a reset), instead of trusting the size it
// recorded: git takes a changed size for a changed file without reading it,
// so a working copy peacock rewrote would show as modified in git status
// (not in git diff) until the next git add. It sets the index entry to its
// own mode and blob, which drops the recorded size and changes nothing
// that is staged; the refresh then records the file as it is.
func forgetStat(root, rel string) {
	out, err := runGit(context.Background(), root, "ls-files", "-s", "--", rel)
	if err != nil {
		return
	}
	meta, path, ok := strings.Cut(out, "\t")
	f := strings.Fields(meta)
	if !ok || len(f) != 3 || f[2] != "0" || path != rel {
		return // untracked, or a conflict: git compares the content anyway
	}
	if _, err := runGit(context.Background(), root, "update-index", "--cacheinfo", f[0]+","+f[1]+","+rel); err != nil {
		return
	}
	_, _ = runGit(context.Background(), root, "update-index", "-q", "--refresh")
}
