package cli

import (
	"fmt"
	"strings"

	"github.com/peacock-cli/peacock/project"
	"github.com/spf13/cobra"
)

type doctorOptions struct {
	baseOptions
}

func newDoctorCmd(f *factory, g *globalOptions, runF func(*doctorOptions) error) *cobra.Command {
	opts := &doctorOptions{baseOptions: newBase(f, g)}
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
			if runF != nil {
				return runF(opts)
			}
			return runDoctor(opts)
		},
	}
}

func runDoctor(opts *doctorOptions) error {
	p, o, err := opts.open(false)
	if err != nil {
		return err
	}
	fs, err := p.Doctor()
	if err != nil {
		return err
	}
	problems := 0
	for i, x := range fs {
		if x.Level == project.LevelProblem {
			problems++
		}
		if len(x.Command) > 0 {
			fs[i].Fix = strings.TrimSpace(x.Fix + " " + o.command(x.Command...))
		}
	}
	if opts.Global.JSON {
		if err := o.json(map[string]any{"file": p.Target.Path, "ok": problems == 0, "findings": nonNil(fs)}); err != nil {
			return err
		}
	} else {
		for _, x := range fs {
			fmt.Fprintf(opts.IO.Out, "%s: %s\n", x.Level, x.Message)
			if x.Fix != "" {
				fmt.Fprintf(opts.IO.Out, "  fix: %s\n", x.Fix)
			}
		}
		if len(fs) == 0 {
			o.status("no problems found (%s)", p.Display(p.Target.Path))
		}
	}
	if problems > 0 {
		return errSilent
	}
	return nil
}
