package main

import (
	"fmt"
	"slices"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/workspace"
	"github.com/spf13/cobra"
)

// drift is one owned key whose value differs from what the color derives.
type drift struct {
	Key  string `json:"key"`
	Kind string `json:"kind"` // "changed", "missing", "stale"
	Have string `json:"have,omitempty"`
	Want string `json:"want,omitempty"`
}

func (d drift) String() string {
	switch d.Kind {
	case "changed":
		return fmt.Sprintf("%s is %s, want %s (edited by hand?)", d.Key, d.Have, d.Want)
	case "missing":
		return fmt.Sprintf("%s is missing, want %s", d.Key, d.Want)
	default:
		return fmt.Sprintf("%s = %s is stale: the color does not derive it", d.Key, d.Have)
	}
}

// lowContrast is a background/foreground pair under 4.5:1.
type lowContrast struct {
	Background string  `json:"background"`
	Foreground string  `json:"foreground"`
	Ratio      float64 `json:"ratio"`
}

func newCheckCmd(f *factory, g *globalOptions) *cobra.Command {
	var remote bool
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Verify the colors match the stored color (for CI and pre-commit)",
		Long: `Exit 0 when the target file parses, its stored color is valid and the owned
keys in workbench.colorCustomizations equal what that color derives under the
current settings; otherwise exit 1 and say what drifted. Foreground and
background pairs below 4.5:1 contrast are reported as warnings (they do not
fail the check).`,
		Example: `  $ peacock check
  $ peacock check --json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := f.newSession(g)
			if err != nil {
				return err
			}
			doc, err := s.readTarget()
			if err != nil {
				return err
			}
			name := s.display(s.Target.Path)
			if doc == nil {
				return fmt.Errorf("%s does not exist; nothing to check", name)
			}
			if err := s.colorTypeError(doc); err != nil {
				return err
			}
			ps, err := s.settingsFor(doc)
			if err != nil {
				return err
			}
			text, key := s.storedColor(doc, remote)
			want := map[string]string{}
			var c palette.Color
			if text != "" {
				if c, err = palette.Parse(text); err != nil {
					return fmt.Errorf("%s: %s: %w", name, key, err)
				}
				want = palette.Derive(c, ps)
			}
			drifts, warns := compare(doc.ColorCustomizations(), want, ps.ExcludedSettings)
			if g.JSON {
				out := map[string]any{
					"file": s.Target.Path, "ok": len(drifts) == 0, "value": text,
					"drift": nonNil(drifts), "lowContrast": nonNil(warns),
				}
				if text != "" {
					out["color"] = c.Hex6()
				}
				if err := writeJSON(f.IO, out); err != nil {
					return err
				}
			} else {
				for _, d := range drifts {
					fmt.Fprintf(f.IO.Out, "%s: drift: %s\n", name, d)
				}
				for _, w := range warns {
					if g.Quiet {
						break
					}
					fmt.Fprintf(f.IO.ErrOut, "%s: warning: %s on %s has contrast %.2f:1, below 4.5:1 (try --style accessible)\n",
						name, w.Foreground, w.Background, w.Ratio)
				}
			}
			if len(drifts) > 0 {
				if !g.JSON && !g.Quiet {
					fmt.Fprintf(f.IO.ErrOut, "%s: %d key(s) drifted; run 'peacock apply' to fix\n", name, len(drifts))
				}
				return errSilent
			}
			if text == "" {
				s.status("%s: no peacock color set and no peacock keys: ok", name)
			} else {
				s.status("%s: colors match %s", name, text)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&remote, "remote", false, "check against peacock.remoteColor (falling back to peacock.color)")
	return cmd
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// compare lists owned keys in members that differ from want, and pairs in the
// file's colors with low contrast. Excluded keys are never drift.
func compare(members []workspace.Member, want map[string]string, excluded []string) ([]drift, []lowContrast) {
	have := map[string]string{}
	var drifts []drift
	for _, m := range members {
		if !palette.IsOwned(m.Key) || slices.Contains(excluded, m.Key) {
			continue
		}
		v, _ := m.Value.(string)
		have[m.Key] = v
		w, ok := want[m.Key]
		switch {
		case !ok:
			drifts = append(drifts, drift{Key: m.Key, Kind: "stale", Have: v})
		case v != w:
			drifts = append(drifts, drift{Key: m.Key, Kind: "changed", Have: v, Want: w})
		}
	}
	for _, k := range palette.SortedKeys(want) {
		if _, ok := have[k]; !ok && !slices.Contains(excluded, k) {
			drifts = append(drifts, drift{Key: k, Kind: "missing", Want: want[k]})
		}
	}
	var warns []lowContrast
	for _, p := range palette.Pairs() {
		bgText, ok1 := have[p[0]]
		fgText, ok2 := have[p[1]]
		if !ok1 || !ok2 {
			continue
		}
		bg, err1 := palette.Parse(bgText)
		fg, err2 := palette.Parse(fgText)
		if err1 != nil || err2 != nil {
			continue
		}
		if r := palette.PairContrast(bg, fg); r < palette.MinContrast {
			warns = append(warns, lowContrast{Background: p[0], Foreground: p[1], Ratio: float64(int(r*100)) / 100})
		}
	}
	return drifts, warns
}
