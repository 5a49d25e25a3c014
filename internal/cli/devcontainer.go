package cli

// --devcontainer: customizations.vscode.settings of the project's
// devcontainer.json (see project.SetDevcontainer).

const devcontainerNote = "VS Code copies these settings into the container's machine settings when it first connects to a new container and when it rebuilds one, at no other time: rebuild the container (Dev Containers: Rebuild Container) to see the change"

func runSetDevcontainer(opts *setOptions) error {
	p, o, err := opts.open(false)
	if err != nil {
		return err
	}
	path, err := p.DevcontainerFile()
	if err != nil {
		return err
	}
	choice, err := p.Resolve(opts.Color)
	if err != nil {
		return err
	}
	c, err := p.SetDevcontainer(path, choice, opts.writeOptions())
	if err != nil {
		return err
	}
	err = o.reportChange(c, "set", "set the dev container color "+quote(c.Value)+" in %s (the windows connected to the container)", map[string]any{
		"color": c.Color.Hex6(), "value": c.Value, "colors": c.Colors, "devcontainer": true, "note": devcontainerNote,
	})
	if err == nil && c.Changed && !opts.Global.Quiet && !opts.Global.JSON {
		o.status("%s", devcontainerNote)
	}
	return err
}

func runResetDevcontainer(opts *resetOptions) error {
	p, o, err := opts.open(false)
	if err != nil {
		return err
	}
	path, err := p.DevcontainerFile()
	if err != nil {
		return err
	}
	c, err := p.ResetDevcontainer(path, opts.writeOptions())
	if err != nil {
		return err
	}
	err = o.reportChange(c, "reset", "removed the dev container color from %s", map[string]any{"devcontainer": true, "note": devcontainerNote})
	if err == nil && c.Changed && !opts.Global.Quiet && !opts.Global.JSON {
		o.status("%s", devcontainerNote)
	}
	return err
}
