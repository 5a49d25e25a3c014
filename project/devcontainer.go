package project

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/workspace"
)

// A dev container color (peacock set --devcontainer) is written into
// customizations.vscode.settings of the project's devcontainer.json, which
// VS Code copies into the container's machine settings when it first
// connects to a new container and when it rebuilds one, and at no other
// time. It is a remote color: it shows in the windows connected to the
// container, never in a local window. As for --machine, only
// workbench.colorCustomizations is written, no peacock.* key, which the
// extension in a remote window would copy into the workspace's files.

// NoDevcontainerError is returned when the project has no devcontainer.json.
type NoDevcontainerError struct{ Root string }

func (e *NoDevcontainerError) Error() string {
	return fmt.Sprintf("no .devcontainer/devcontainer.json or .devcontainer.json in %s: --devcontainer colors an existing dev container configuration", e.Root)
}

// DevcontainerFile returns the project's dev container configuration:
// .devcontainer/devcontainer.json, else .devcontainer.json, at the root of
// the project (or the working directory outside a repository). It must
// exist (a *NoDevcontainerError otherwise).
func (p *Project) DevcontainerFile() (string, error) {
	root := p.Target.Root
	if root == "" {
		root = p.Dir
	}
	for _, rel := range []string{filepath.Join(".devcontainer", "devcontainer.json"), ".devcontainer.json"} {
		path := filepath.Join(root, rel)
		// One whose links lead out of the project is the file, without a
		// look at what they lead to (whether an outside file exists is
		// not the repository's to learn): its edit is then refused,
		// saying nothing was read.
		var oe *workspace.OutsideError
		if err := workspace.CheckRead(root, path); errors.As(err, &oe) {
			return path, nil
		}
		if _, err := os.Lstat(path); err == nil {
			return path, nil
		}
	}
	return "", &NoDevcontainerError{Root: root}
}

// devcontainerUpdate runs fn on the devcontainer.json at path, which must
// stay in the project once its links are resolved.
func (p *Project) devcontainerUpdate(path string, wo WriteOptions, out *Change, fn func(*workspace.Document) error) error {
	uo := wo.update(false)
	uo.Within = p.Target.Root
	if uo.Within == "" {
		uo.Within = p.Dir
	}
	return updateAt(path, uo, out, fn)
}

// SetDevcontainer merges the palette of c into
// customizations.vscode.settings["workbench.colorCustomizations"] of the
// devcontainer.json at path (the objects on the way are created when
// missing), derived under the peacock.* settings there over the user's.
func (p *Project) SetDevcontainer(path string, c Choice, wo WriteOptions) (*Change, error) {
	c = c.Portable()
	out := &Change{Key: workspace.ColorCustomizationsKey, Value: c.Text, Color: c.Color}
	err := p.devcontainerUpdate(path, wo, out, p.colorsOnly(c, out))
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ResetDevcontainer removes the owned keys from the devcontainer.json at
// path, then workbench.colorCustomizations, settings, vscode and
// customizations where nothing else is left in them: a reset after a set
// gives back the original bytes.
func (p *Project) ResetDevcontainer(path string, wo WriteOptions) (*Change, error) {
	out := &Change{Key: workspace.ColorCustomizationsKey, Colors: map[string]string{}}
	err := p.devcontainerUpdate(path, wo, out, func(d *workspace.Document) error {
		ps, err := p.SettingsFor(d)
		if err != nil {
			return err
		}
		if err := d.ApplyColors(nil, palette.IsOwned, ps.ExcludedSettings); err != nil {
			return err
		}
		return d.PruneSettings()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
