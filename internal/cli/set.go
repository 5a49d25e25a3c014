package cli

import (
	"strings"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/project"
	"github.com/spf13/cobra"
)

type setOptions struct {
	baseOptions
	Color        string
	Remote       bool
	Style        string
	Personal     bool
	Machine      bool
	Devcontainer bool
}

func newSetCmd(f *factory, g *globalOptions, runF func(*setOptions) error) *cobra.Command {
	opts := &setOptions{baseOptions: newBase(f, g)}
	cmd := &cobra.Command{
		Use:   "set <color>",
		Short: "Color the workspace",
		Long: `Set the workspace color: derive Peacock's palette from <color>, merge it into
workbench.colorCustomizations of the target file, and store the text you gave
in peacock.color (or peacock.remoteColor with --remote).

<color> is anything Peacock accepts (a CSS name, #rgb, #rrggbb, #rrggbbaa,
rgb(), hsl(), hsv() in their loose forms), CSS Color 4 forms Peacock has no
meaning for, such as oklch(70% 0.12 160), oklab() or hwb(), the name of a
favorite, or the name of a theme color ("sky blue", or "okabe-ito/sky-blue"
when several themes have one; see 'peacock themes'). Names ignore case, and
spaces, dashes and underscores are alike. Where Peacock does read a text,
its reading wins, so the extension and peacock write the same file:
rgb(66 184 131 / 60%) is opaque #42b883, and "red" is CSS red.

--style accessible picks foregrounds that reach a 4.5:1 contrast on every bar
and is remembered in the file (peacock.style), so later runs keep it;
--style peacock goes back to the extension's exact output.

--personal sets your own color in this clone only, in the working copy of the
committed .vscode/settings.json or .code-workspace (or an untracked one): a
git filter set in .git/ alone gives git the committed bytes, so git status
and git diff show nothing and commits carry the team's file. See
'peacock reset --personal'.

--machine, run on an SSH host or in a container, writes the colors into the
machine settings of the editor server there
(~/.vscode-server/data/Machine/settings.json; Insiders ~/.vscode-server-insiders,
VSCodium ~/.vscodium-server, Cursor ~/.cursor-server, Windsurf
~/.windsurf-server): every existing one, or the one of --editor. Every remote
window on the host shows the color, unless the workspace it opens has colors
of its own (workspace settings override machine settings).

--devcontainer writes the colors into customizations.vscode.settings of the
project's .devcontainer/devcontainer.json (or .devcontainer.json), comments and
formatting kept. VS Code copies those settings into the container's machine
settings when it first connects to a new container and when it rebuilds one,
at no other time: rebuild to see a change. Like --machine, it writes only
workbench.colorCustomizations, the colors of remote windows: no peacock.*
key, which the extension, in a remote window, would copy into the workspace.`,
		Example: `  $ peacock set "#42b883"
  $ peacock set "Vue Green"
  $ peacock set dracula/purple
  $ peacock set "hsl(210, 60%, 40%)" --style accessible
  $ peacock set teal --remote
  $ peacock set navy --dry-run
  $ peacock set --personal "#ff1493"   # in this clone only; git sees the committed file
  $ peacock set --machine teal         # on an SSH host: every remote window there
  $ peacock set --devcontainer purple  # the dev container's windows, kept across rebuilds`,
		Args: exactArgs(1, "<color>"),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return matching(colorNames(opts.baseOptions), toComplete), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Color = strings.TrimSpace(args[0])
			if opts.Color == "" {
				return flagErrorf("set: the color is empty")
			}
			if err := checkStyle(opts.Style); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			m, d, p := flag{"--machine", opts.Machine}, flag{"--devcontainer", opts.Devcontainer}, flag{"--personal", opts.Personal}
			if err := together(
				[]flag{m, d, p, {"--remote", opts.Remote}},
				[]flag{m, d, p, {"--style", opts.Style != ""}},
				[]flag{m, d, {"--workspace", opts.Global.Workspace != ""}},
			); err != nil {
				return err
			}
			if opts.Devcontainer {
				return runSetDevcontainer(opts)
			}
			if opts.Machine {
				return runSetMachine(opts)
			}
			if opts.Personal {
				return runSetPersonal(opts)
			}
			return runSet(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Remote, "remote", false, "store peacock.remoteColor (the color of remote windows) instead of peacock.color")
	cmd.Flags().BoolVar(&opts.Devcontainer, "devcontainer", false, "color the windows of the project's dev container: customizations.vscode.settings of devcontainer.json")
	cmd.Flags().BoolVar(&opts.Machine, "machine", false, "color every remote window on this SSH host or container: the editor server's machine settings")
	cmd.Flags().BoolVar(&opts.Personal, "personal", false, "your color in this clone only: git keeps seeing the committed file")
	cmd.Flags().StringVar(&opts.Style, "style", "", "palette style: peacock (the extension's exact output) or accessible (4.5:1 contrast)")
	_ = cmd.RegisterFlagCompletionFunc("style", cobra.FixedCompletions([]string{"peacock", "accessible"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func checkStyle(style string) error {
	switch palette.Style(style) {
	case "", palette.StylePeacock, palette.StyleAccessible:
		return nil
	}
	return flagErrorf("invalid --style %q (want peacock or accessible)", style)
}

func runSet(opts *setOptions) error {
	p, o, err := opts.open(false)
	if err != nil {
		return err
	}
	if err := opts.notPersonal(p, "'peacock set --personal COLOR'"); err != nil {
		return err
	}
	choice, err := p.Resolve(opts.Color)
	if err != nil {
		return err
	}
	c, err := p.Set(choice, opts.Remote, palette.Style(opts.Style), opts.writeOptions())
	if err != nil {
		return err
	}
	return reportSet(o, c)
}

// reportSet reports a color written by set, random, lighten or darken.
func reportSet(o *out, c *project.Change) error {
	return o.reportChange(c, "set", "set "+c.Key+" to "+quote(c.Value), map[string]any{
		"color":  c.Color.Hex6(),
		"value":  c.Value,
		"key":    c.Key,
		"colors": c.Colors,
	})
}

// colorNames is the completion list for color arguments: favorites and
// theme colors.
func colorNames(b baseOptions) []string {
	p, err := b.Open(true)
	if err != nil {
		return nil
	}
	return append(favoriteNames(b), p.ThemeColorNames()...)
}

// matching keeps the completions (NAME or NAME\tDESCRIPTION) whose name
// begins with typed, ignoring case as every name lookup does, and writes
// that beginning as it was typed: shells keep only the completions that
// begin with the typed text, case and all, so "vue" would find no "Vue
// Green", while "vue Green" names the same color.
func matching(names []string, typed string) []string {
	var out []string
	for _, n := range names {
		if len(n) >= len(typed) && strings.EqualFold(n[:len(typed)], typed) {
			out = append(out, typed+n[len(typed):])
		}
	}
	return out
}

// favoriteNames is the completion list for favorite names, with values.
func favoriteNames(b baseOptions) []string {
	p, err := b.Open(true)
	if err != nil {
		return nil
	}
	favs, err := p.Favorites()
	if err != nil {
		return nil
	}
	var names []string
	for _, fv := range favs {
		names = append(names, fv.Name+"\t"+fv.Value)
	}
	return names
}
