// Command extdiff is the Go side of bench/diff.js: it reads cases as JSON
// lines on stdin ({"user": TEXT, "ws": TEXT, "remote": bool, "cursor": bool},
// TEXT being the raw JSON of the user settings and of the workspace file's
// settings, so that numbers such as 1e400 reach peacock as written), and for
// each writes the two files into a temporary directory, runs what `peacock
// apply` runs (project.Open, then Project.Apply), and prints one JSON line:
// {"colors": the workbench.colorCustomizations afterwards (null when the file
// has none)} or {"error": the message}.
//
//	go run ./bench/extdiff < cases.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/project"
	"github.com/peacock-cli/peacock/workspace"
)

type input struct {
	User   string `json:"user"`
	WS     string `json:"ws"`
	Remote bool   `json:"remote"`
	Cursor bool   `json:"cursor"`
}

type output struct {
	Colors any    `json:"colors"`
	Error  string `json:"error,omitempty"`
	// CSS4 reports that the stored color is a CSS Color 4 text (oklch(),
	// hwb(), hsl(120deg …)) that peacock reads on purpose and tinycolor
	// does not: a documented difference.
	CSS4 bool `json:"css4,omitempty"`
}

func main() {
	dir, err := os.MkdirTemp("", "extdiff-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer os.RemoveAll(dir)
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	for in.Scan() {
		var c input
		if err := json.Unmarshal(in.Bytes(), &c); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		enc.Encode(run(dir, c))
		out.Flush()
	}
}

func run(dir string, c input) output {
	home := filepath.Join(dir, "home")
	proj := filepath.Join(dir, "proj")
	os.RemoveAll(proj)
	os.MkdirAll(home, 0o755)
	os.MkdirAll(proj, 0o755)
	user := filepath.Join(dir, "user-settings.json")
	ws := filepath.Join(proj, "proj.code-workspace")
	if err := os.WriteFile(user, []byte(c.User), 0o644); err != nil {
		return output{Error: err.Error()}
	}
	text := `{"folders": [{"path": "."}], "settings": ` + c.WS + "}\n"
	if err := os.WriteFile(ws, []byte(text), 0o644); err != nil {
		return output{Error: err.Error()}
	}
	editor := "code"
	if c.Cursor {
		editor = "cursor"
	}
	env := map[string]string{"HOME": home}
	p, err := project.Open(project.Options{Dir: proj, Workspace: ws, UserSettings: user, Editor: editor, GOOS: runtime.GOOS, Getenv: func(k string) string { return env[k] }})
	if err != nil {
		return output{Error: err.Error()}
	}
	var o output
	if doc, err := p.Read(); err == nil {
		if text, _ := p.StoredColor(doc, c.Remote); text != "" {
			if _, err := palette.Parse(text); err == nil && !palette.PeacockReads(text) {
				o.CSS4 = true
			}
		}
	}
	if _, err := p.Apply(c.Remote, project.WriteOptions{}); err != nil {
		o.Error = err.Error()
		return o
	}
	data, err := os.ReadFile(ws)
	if err != nil {
		return output{Error: err.Error()}
	}
	d, err := workspace.Parse(ws, data)
	if err != nil {
		return output{Error: "reparse: " + err.Error()}
	}
	v, ok := d.Setting("workbench.colorCustomizations")
	if ok {
		o.Colors = v
	}
	return o
}
