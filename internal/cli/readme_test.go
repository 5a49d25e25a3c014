package cli_test

// TestReadmeTour runs the transcripts of README.md and compares them with
// what peacock really prints, so that the front door cannot drift from the
// program. The rules, for anyone who adds a transcript to the README:
//
//  1. Every ```console block of README.md is run, in the order of the file,
//     in one scratch environment: the blocks tell one story and share its
//     state. HOME is a fresh directory, printed as /home/me (and by peacock
//     itself as ~); XDG_CONFIG_HOME, APPDATA and USERPROFILE are inside it
//     as on a clean machine; no PEACOCK_* or editor variable is set. The
//     first command runs in HOME. The tour shows a Linux machine (~/.config,
//     jq), so the test runs on Linux only, and needs git (it is skipped
//     without it).
//
//  2. A line that starts with "$ " is a command. The lines after it, up to
//     the next command or the end of the block, are what it prints: stdout
//     and stderr together, in the order the program writes them, as a pipe
//     gets them (no terminal: no colors, no ✓ prefixes). The exit status is
//     not compared; the output is.
//
//  3. In the expected output, a line that is only "…" stands for any number
//     of lines (none included), and "…" inside a line for any text.
//     Trailing blanks are ignored. The scratch HOME is written /home/me.
//
//  4. A command is a small shell: words split at blanks, '…' and "…" quote,
//     ~ at the start of a word is HOME, # at the start of a word begins a
//     comment. It runs peacock (the program under test) or git, or the
//     built-ins cd DIR and grep [-c] REGEXP FILE. A pipeline may start with
//     `echo WORDS |` (its stdin) and end with `| head -N`, `| grep [-c]
//     REGEXP` or `| jq -r .KEY` (a top-level key): these filter stdout
//     only, and stderr then comes first.
//
//  5. A block that needs a state the story has not reached says how to
//     get there in an HTML comment right before it (invisible on the
//     rendered page), which holds a txtar archive:
//
//     <!-- tour
//     $ cd ~/legacy
//     -- ~/legacy/.vscode/settings.json --
//     {"peacock.color": "#832561"}
//     -->
//
//     Its files are written first (names relative to the current directory,
//     ~/ for HOME), then its commands run, as rule 4 says, their output not
//     compared; they must succeed.
//
// TestReadmeTour/NN names the block by its line in README.md.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// tourBlock is one ```console block and the setup before it.
type tourBlock struct {
	line  int // of the opening fence, 1-based
	setup *txtar.Archive
	steps []tourStep
}

type tourStep struct {
	cmd  string
	want []string
}

func parseTour(t *testing.T, readme string) []tourBlock {
	t.Helper()
	var blocks []tourBlock
	lines := strings.Split(strings.ReplaceAll(readme, "\r\n", "\n"), "\n")
	var setup *txtar.Archive
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case strings.TrimSpace(l) == "<!-- tour":
			var body []string
			for i++; i < len(lines) && strings.TrimSpace(lines[i]) != "-->"; i++ {
				body = append(body, lines[i])
			}
			if i == len(lines) {
				t.Fatalf("README.md: the <!-- tour comment has no closing -->")
			}
			setup = txtar.Parse([]byte(strings.Join(body, "\n") + "\n"))
		case l == "```console":
			b := tourBlock{line: i + 1, setup: setup}
			setup = nil
			for i++; i < len(lines) && lines[i] != "```"; i++ {
				if cmd, ok := strings.CutPrefix(lines[i], "$ "); ok {
					b.steps = append(b.steps, tourStep{cmd: cmd})
					continue
				}
				if len(b.steps) == 0 {
					t.Fatalf("README.md:%d: output before the first command", i+1)
				}
				s := &b.steps[len(b.steps)-1]
				s.want = append(s.want, lines[i])
			}
			blocks = append(blocks, b)
		case strings.HasPrefix(l, "```"):
			// another fenced block: skip it, so that its lines are not read
			for i++; i < len(lines) && !strings.HasPrefix(lines[i], "```"); i++ {
			}
		}
	}
	return blocks
}

func TestReadmeTour(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the tour shows a Linux machine")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("the tour needs git")
	}
	if _, err := exec.LookPath("peacock"); err != nil {
		t.Fatalf("peacock is not on the PATH that TestMain sets up: %v", err)
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := parseTour(t, string(readme))
	if len(blocks) == 0 {
		t.Fatal("README.md has no console block")
	}
	sh := newTourShell(t)
	for _, b := range blocks {
		name := strconv.Itoa(b.line)
		ok := t.Run(name, func(t *testing.T) {
			if b.setup != nil {
				sh.runSetup(t, b.setup)
			}
			for _, s := range b.steps {
				got := sh.run(t, s.cmd)
				if !matchLines(s.want, got) {
					t.Errorf("README.md:%d: $ %s\n--- README shows\n%s\n--- peacock prints\n%s", b.line, s.cmd, strings.Join(s.want, "\n"), strings.Join(got, "\n"))
				}
			}
		})
		if !ok {
			// The story goes on from a state the README did not show:
			// later differences would only repeat this one.
			t.Fatalf("the tour stops at README.md:%d", b.line)
		}
	}
}

// tourShell is the scratch environment and the state the tour carries.
type tourShell struct {
	home string
	dir  string
	env  []string
}

func newTourShell(t *testing.T) *tourShell {
	home := filepath.Join(t.TempDir(), "me")
	if err := os.MkdirAll(home, 0o755); err != nil {
		t.Fatal(err)
	}
	if h, err := filepath.EvalSymlinks(home); err == nil {
		home = h // macOS: /var is /private/var, and peacock prints the real path
	}
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(strings.ToUpper(k), "PEACOCK_"), strings.HasPrefix(strings.ToUpper(k), "GIT_"),
			strings.HasPrefix(strings.ToUpper(k), "XDG_"):
			continue
		}
		switch strings.ToUpper(k) {
		case "HOME", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "NO_COLOR", "ACCESSIBLE", "TERM", "COLORTERM", "EDITOR", "VISUAL":
			continue
		}
		env = append(env, kv)
	}
	env = append(env,
		"HOME="+home, "USERPROFILE="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"APPDATA="+filepath.Join(home, "AppData", "Roaming"),
		"LOCALAPPDATA="+filepath.Join(home, "AppData", "Local"),
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=me", "GIT_AUTHOR_EMAIL=me@example.com",
		"GIT_COMMITTER_NAME=me", "GIT_COMMITTER_EMAIL=me@example.com",
		"GIT_AUTHOR_DATE=2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE=2026-01-01T00:00:00Z",
	)
	return &tourShell{home: home, dir: home, env: env}
}

func (sh *tourShell) runSetup(t *testing.T, a *txtar.Archive) {
	t.Helper()
	for _, f := range a.Files {
		p := sh.path(f.Name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(a.Comment))
	for sc.Scan() {
		cmd, ok := strings.CutPrefix(sc.Text(), "$ ")
		if !ok {
			if strings.TrimSpace(sc.Text()) != "" {
				t.Fatalf("tour setup: %q is not a command ($ ...)", sc.Text())
			}
			continue
		}
		out, err := sh.exec(cmd)
		if err != nil {
			t.Fatalf("tour setup: $ %s: %v\n%s", cmd, err, strings.Join(out, "\n"))
		}
	}
}

// path is name in the shell: ~ is HOME, a relative name is in the current
// directory.
func (sh *tourShell) path(name string) string {
	if name == "~" {
		return sh.home
	}
	if rest, ok := strings.CutPrefix(name, "~/"); ok {
		return filepath.Join(sh.home, filepath.FromSlash(rest))
	}
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(sh.dir, filepath.FromSlash(name))
}

// run runs a README command and returns its output lines, normalized.
func (sh *tourShell) run(t *testing.T, cmd string) []string {
	t.Helper()
	out, err := sh.exec(cmd)
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatalf("$ %s: %v", cmd, err)
	}
	return out
}

// exec runs one command line (rule 4) and returns its output lines with
// HOME written /home/me. The error is the program's (an *exec.ExitError
// for a non-zero exit) or the shell's.
func (sh *tourShell) exec(line string) ([]string, error) {
	words, err := splitWords(line, sh.home)
	if err != nil {
		return nil, err
	}
	var stages [][]string
	cur := []string{}
	for _, w := range words {
		if w == "|" {
			stages = append(stages, cur)
			cur = []string{}
			continue
		}
		cur = append(cur, w)
	}
	stages = append(stages, cur)
	var stdin []byte
	if len(stages[0]) > 0 && stages[0][0] == "echo" {
		stdin = []byte(strings.Join(stages[0][1:], " ") + "\n")
		stages = stages[1:]
	}
	if len(stages) == 0 || len(stages[0]) == 0 {
		return nil, fmt.Errorf("no command in %q", line)
	}
	prog, filters := stages[0], stages[1:]
	switch prog[0] {
	case "cd":
		if len(prog) != 2 || len(filters) > 0 {
			return nil, fmt.Errorf("cd takes one directory")
		}
		d := sh.path(prog[1])
		if fi, err := os.Stat(d); err != nil || !fi.IsDir() {
			return nil, fmt.Errorf("cd %s: not a directory", prog[1])
		}
		sh.dir = d
		return nil, nil
	case "grep":
		if len(prog) < 2 || len(filters) > 0 {
			return nil, fmt.Errorf("grep takes [-c] REGEXP FILE")
		}
		data, err := os.ReadFile(sh.path(prog[len(prog)-1]))
		if err != nil {
			return nil, err
		}
		text, err := filter(prog[:len(prog)-1], string(data))
		if err != nil {
			return nil, err
		}
		return strings.Split(strings.TrimSuffix(text, "\n"), "\n"), nil
	case "peacock", "git":
	default:
		return nil, fmt.Errorf("the tour runs peacock, git and cd, not %q", prog[0])
	}
	path, err := exec.LookPath(prog[0])
	if err != nil {
		return nil, err
	}
	c := exec.Command(path, prog[1:]...)
	c.Dir, c.Env = sh.dir, sh.env
	if stdin != nil {
		c.Stdin = bytes.NewReader(stdin)
	}
	var out, errOut bytes.Buffer
	if len(filters) == 0 {
		c.Stdout, c.Stderr = &out, &out // one pipe: the order the program writes
	} else {
		c.Stdout, c.Stderr = &out, &errOut
	}
	runErr := c.Run()
	stdout := out.String()
	for _, f := range filters {
		if stdout, err = filter(f, stdout); err != nil {
			return nil, err
		}
	}
	text := strings.ReplaceAll(errOut.String()+stdout, sh.home, "/home/me")
	text = strings.TrimSuffix(text, "\n")
	if text == "" {
		return nil, runErr
	}
	return strings.Split(text, "\n"), runErr
}

// filter applies `head -N`, `grep [-c] REGEXP` or `jq -r .KEY` to text.
func filter(f []string, text string) (string, error) {
	switch {
	case len(f) == 2 && f[0] == "head" && strings.HasPrefix(f[1], "-"):
		n, err := strconv.Atoi(f[1][1:])
		if err != nil {
			return "", fmt.Errorf("head %s: want -N", f[1])
		}
		lines := strings.SplitAfter(text, "\n")
		if len(lines) > n {
			lines = lines[:n]
		}
		return strings.Join(lines, ""), nil
	case len(f) == 3 && f[0] == "jq" && f[1] == "-r" && strings.HasPrefix(f[2], "."):
		var v map[string]any
		if err := json.Unmarshal([]byte(text), &v); err != nil {
			return "", fmt.Errorf("jq: %v", err)
		}
		x, ok := v[f[2][1:]]
		if !ok {
			return "null\n", nil
		}
		if s, ok := x.(string); ok {
			return s + "\n", nil
		}
		b, err := json.MarshalIndent(x, "", "  ")
		return string(b) + "\n", err
	case len(f) >= 2 && f[0] == "grep":
		count := f[1] == "-c"
		if count {
			f = f[1:]
		}
		if len(f) != 2 {
			return "", fmt.Errorf("grep takes [-c] REGEXP")
		}
		re, err := regexp.Compile(f[1])
		if err != nil {
			return "", err
		}
		var b strings.Builder
		n := 0
		for _, l := range strings.SplitAfter(text, "\n") {
			if l != "" && re.MatchString(strings.TrimSuffix(l, "\n")) {
				n++
				b.WriteString(l)
			}
		}
		if count {
			return strconv.Itoa(n) + "\n", nil
		}
		return b.String(), nil
	}
	return "", fmt.Errorf("the tour filters with head -N, grep [-c] REGEXP or jq -r .KEY, not %q", strings.Join(f, " "))
}

// splitWords splits a command line as rule 4 says.
func splitWords(line, home string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord, quoted := false, false
	flush := func() {
		if inWord {
			s := w.String()
			if !quoted && (s == "~" || strings.HasPrefix(s, "~/")) {
				s = home + s[1:]
			}
			words = append(words, s)
		}
		w.Reset()
		inWord, quoted = false, false
	}
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == ' ' || c == '\t':
			flush()
		case c == '#' && !inWord:
			flush()
			return words, nil
		case c == '|' && !inWord:
			words = append(words, "|")
		case c == '\'' || c == '"':
			j := strings.IndexByte(line[i+1:], c)
			if j < 0 {
				return nil, fmt.Errorf("unclosed %c in %q", c, line)
			}
			w.WriteString(line[i+1 : i+1+j])
			inWord, quoted = true, true
			i += j + 1
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	flush()
	return words, nil
}

// matchLines reports whether got matches want under rule 3.
func matchLines(want, got []string) bool {
	if len(want) == 0 {
		return len(got) == 0
	}
	if want[0] == "…" {
		for k := 0; k <= len(got); k++ {
			if matchLines(want[1:], got[k:]) {
				return true
			}
		}
		return false
	}
	return len(got) > 0 && matchLine(want[0], got[0]) && matchLines(want[1:], got[1:])
}

func matchLine(want, got string) bool {
	want, got = strings.TrimRight(want, " \t"), strings.TrimRight(got, " \t")
	if !strings.Contains(want, "…") {
		return want == got
	}
	parts := strings.Split(want, "…")
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile("^" + strings.Join(parts, ".*") + "$").MatchString(got)
}
