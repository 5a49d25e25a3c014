package cli

import (
	"github.com/peacock-cli/peacock/internal/cmdline"
)

func newCompletionCmd(f *factory) *cmdline.Command {
	return &cmdline.Command{
		Use:   "completion <bash|zsh|fish|powershell>",
		Short: "Print a shell completion script",
		Long: `Print the completion script for your shell. Load it in the current shell or
install it where your shell looks for completions.`,
		Example: `  $ source <(peacock completion bash)
  $ peacock completion zsh > "${fpath[1]}/_peacock"
  $ peacock completion fish > ~/.config/fish/completions/peacock.fish
  PS> peacock completion powershell | Out-String | Invoke-Expression`,
		ValidArgs: []string{"bash", "zsh", "fish", "powershell"},
		Args:      exactArgs(1, "shell (bash, zsh, fish or powershell)"),
		RunE: func(cmd *cmdline.Command, args []string) error {
			root := cmd.Root()
			out := f.IO.Out
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(out, true)
			case "zsh":
				return root.GenZshCompletion(out)
			case "fish":
				return root.GenFishCompletion(out, true)
			case "powershell":
				return root.GenPowerShellCompletionWithDesc(out)
			}
			return flagErrorf("completion: unknown shell %q (want bash, zsh, fish or powershell)", args[0])
		},
	}
}
