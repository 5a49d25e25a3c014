package cli

import (
	"fmt"

	"github.com/peacock-cli/peacock/project"
	"github.com/peacock-cli/peacock/workspace"
)

// --machine: the machine settings of the editor servers on this host (see
// project.SetMachine).

func runSetMachine(opts *setOptions) error {
	p, o, err := opts.open(true)
	if err != nil {
		return err
	}
	files, err := p.MachineFiles(opts.Global.Editor)
	if err != nil {
		return err
	}
	choice, err := p.Resolve(opts.Color)
	if err != nil {
		return err
	}
	var changes []*project.Change
	for _, f := range files {
		c, err := p.SetMachine(f, choice, opts.writeOptions())
		if err != nil {
			return err
		}
		changes = append(changes, c)
	}
	return reportMachine(opts.baseOptions, o, p, changes, "set the machine color "+quote(changes[0].Value)+" in %s: every remote window on this host shows it")
}

func runResetMachine(opts *resetOptions) error {
	p, o, err := opts.open(true)
	if err != nil {
		return err
	}
	files, err := p.MachineFiles(opts.Global.Editor)
	if err != nil {
		return err
	}
	var changes []*project.Change
	for _, f := range files {
		c, err := p.ResetMachine(f, opts.writeOptions())
		if err != nil {
			return err
		}
		changes = append(changes, c)
	}
	return reportMachine(opts.baseOptions, o, p, changes, "removed the machine color from %s")
}

// reportMachine reports the machine settings edits: a diff each with
// --dry-run, one JSON object with --json, a line each otherwise, and a
// note when the project's workspace colors hide the host's color.
func reportMachine(b baseOptions, o *out, p *project.Project, changes []*project.Change, status string) error {
	hidden := ""
	if changes[0].Value != "" {
		if tp, err := b.Open(false); err == nil && tp.HidesMachine() {
			hidden = tp.Target.Path
		}
	}
	if b.Global.JSON {
		var files []map[string]any
		for _, c := range changes {
			f := map[string]any{"file": c.Path, "changed": c.Changed, "created": c.Created, "skipped": c.Skipped}
			if b.Global.DryRun {
				f["diff"] = workspace.Diff(p.Display(c.Path), c.Before, c.After)
			}
			files = append(files, f)
		}
		data := map[string]any{"files": files, "dryRun": b.Global.DryRun, "hiddenBy": hidden}
		if c := changes[0]; c.Value != "" {
			data["color"], data["value"], data["colors"] = c.Color.Hex6(), c.Value, c.Colors
		}
		return o.json(data)
	}
	for _, c := range changes {
		name := p.Display(c.Path)
		switch {
		case c.Skipped:
			o.status("%s does not exist; nothing to change", name)
			continue
		case b.Global.DryRun:
			fmt.Fprint(b.IO.Out, workspace.Diff(name, c.Before, c.After))
			if c.Changed {
				o.status("dry run: %s would change; nothing written", name)
			} else {
				o.status("dry run: %s would not change", name)
			}
		case !c.Changed:
			o.status("%s is up to date; nothing to change", name)
		default:
			o.status(status, name)
		}
		o.warnings(c.Warnings)
	}
	if hidden != "" {
		o.status("note: %s has workspace colors, which hide this host's color in its windows (workspace settings override machine settings)", p.Display(hidden))
	}
	return nil
}
