package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/peacock-cli/peacock/internal/svg"
	"github.com/peacock-cli/peacock/workspace"
)

// writeSVG writes a picture for --svg: "-" is standard output; a file is
// written only when it is new or an SVG already (never the workspace file
// or anything else a typo names), and a link only when it leads to an SVG,
// with the message saying where it leads. --dry-run writes nothing and
// says what would be written. what describes the picture for the message.
func writeSVG(o *out, path string, data []byte, what string) error {
	if path == "-" {
		if o.G.DryRun {
			o.status("dry run: would write %s to standard output (%d bytes)", what, len(data))
			return nil
		}
		_, err := o.IO.Out.Write(data)
		return err
	}
	target, err := workspace.Resolve(path)
	if err != nil {
		return err
	}
	leads := ""
	if abs, err := filepath.Abs(path); err == nil && abs != target {
		leads = " (it leads to " + target + ")"
	}
	old, err := workspace.ReadFile(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return err
	case !svg.IsSVG(old):
		return fmt.Errorf("%s%s exists and is not an SVG file; --svg replaces only an SVG, so nothing was written (choose another name)", path, leads)
	}
	if o.G.DryRun {
		o.status("dry run: would write %s to %s%s (%d bytes); nothing written", what, path, leads, len(data))
		return nil
	}
	if err := workspace.WriteFileAtomic(path, data, 0o666); err != nil {
		return err
	}
	o.status("wrote %s to %s%s", what, path, leads)
	return nil
}
