package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/mattn/go-isatty"
	"golang.org/x/sys/windows"
)

// Windows behaviour that wine reproduces: the console (a process started
// without a window gets a console of its own), %APPDATA%, names in any
// case. .ci/run runs these under wine (../shared/tools/wine/run-tests.sh).

// winFactory is testFactory as on Windows: USERPROFILE is the home, and
// env (which the test may change) is the environment.
func winFactory(t *testing.T) (f *factory, work, home string, env map[string]string, out, errOut *strings.Builder) {
	t.Helper()
	f, work, out, errOut = testFactory(t)
	home = filepath.Join(filepath.Dir(work), "home")
	env = map[string]string{"USERPROFILE": home}
	f.Getenv = func(k string) string { return env[k] }
	f.GOOS = "windows"
	return f, work, home, env, out, errOut
}

// TestAppDataUserSettings: the editor's user settings are found in
// %APPDATA%\Code\User (here a folder outside the home, so that the
// fallback cannot be what is found), and without APPDATA in
// %USERPROFILE%\AppData\Roaming.
func TestAppDataUserSettings(t *testing.T) {
	for _, tc := range []struct {
		name    string
		appData func(dir, home string) string // "" = unset
		userDir func(dir, home string) string
	}{
		{"APPDATA", func(dir, _ string) string { return filepath.Join(dir, "Roaming elsewhere") },
			func(dir, _ string) string { return filepath.Join(dir, "Roaming elsewhere", "Code", "User") }},
		{"no APPDATA", func(string, string) string { return "" },
			func(_, home string) string { return filepath.Join(home, "AppData", "Roaming", "Code", "User") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, work, home, env, out, errOut := winFactory(t)
			dir := filepath.Dir(work)
			if a := tc.appData(dir, home); a != "" {
				env["APPDATA"] = a
			}
			settings := filepath.Join(tc.userDir(dir, home), "settings.json")
			if err := os.MkdirAll(filepath.Dir(settings), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(settings, []byte(`{"peacock.favoriteColors": [{"name": "Roamer", "value": "#123456"}]}`), 0o644); err != nil {
				t.Fatal(err)
			}
			if code := runWith(f, []string{"set", "Roamer"}); code != 0 {
				t.Fatalf("set Roamer: exit %d: %s", code, errOut)
			}
			data, err := os.ReadFile(filepath.Join(work, "work.code-workspace"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data), `"peacock.color": "#123456"`) {
				t.Errorf("the favorite from %s was not used: %s\n%s", settings, out, data)
			}
		})
	}
}

// TestHomeOtherCase: a path in the home directory is shown under ~ even
// when USERPROFILE spells the home in another case than the path.
func TestHomeOtherCase(t *testing.T) {
	f, _, home, env, out, errOut := winFactory(t)
	env["USERPROFILE"] = strings.ToUpper(home)
	appData := filepath.Join(home, "AppData", "Roaming")
	env["APPDATA"] = appData
	settings := filepath.Join(appData, "Code", "User", "settings.json")
	if err := os.MkdirAll(filepath.Dir(settings), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(settings, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code := runWith(f, []string{"favorites", "add", "Sea", "#0000ff"}); code != 0 {
		t.Fatalf("favorites add: exit %d: %s", code, errOut)
	}
	if want := `added favorite "Sea" = #0000ff in ~\AppData\Roaming\Code\User\settings.json`; !strings.Contains(errOut.String(), want) {
		t.Errorf("stderr %q, want %q (stdout %q)", errOut, want, out)
	}
}

// TestWorkspaceFlagForms: --workspace as Windows users type it (another
// case, forward slashes, rooted on the current drive, relative to the
// current drive's directory, \\?\ form) edits the one file; D:x (relative
// to another drive's current directory) is refused with exit code 1.
func TestWorkspaceFlagForms(t *testing.T) {
	f, work, _, _, _, errOut := winFactory(t)
	p := filepath.Join(work, "team.code-workspace")
	if err := os.WriteFile(p, []byte("{\n\t\"settings\": {}\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	vol := filepath.VolumeName(p)
	colors := []string{"#111111", "#222222", "#333333", "#444444", "#555555", "#666666"}
	for i, w := range []string{
		strings.ToUpper(p),
		filepath.ToSlash(p),
		p[len(vol):],
		vol + "team.code-workspace",
		`\\?\` + p,
		strings.ToLower(vol) + `.\TEAM.code-workspace`,
	} {
		errOut.Reset()
		if code := runWith(f, []string{"--workspace", w, "set", colors[i]}); code != 0 {
			t.Errorf("--workspace %s: exit %d: %s", w, code, errOut)
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), `"peacock.color": "`+colors[i]+`"`) {
			t.Errorf("--workspace %s did not write %s", w, p)
		}
	}
	if names, _ := os.ReadDir(work); len(names) != 1 {
		t.Errorf("files in %s: %v, want only team.code-workspace", work, names)
	}
	other := "D:"
	if strings.EqualFold(vol, other) {
		other = "E:"
	}
	errOut.Reset()
	if code := runWith(f, []string{"--workspace", other + "team.code-workspace", "set", "red"}); code != 1 ||
		!strings.Contains(errOut.String(), other+"team.code-workspace is relative to the current directory of drive "+other+"; pass an absolute path") {
		t.Errorf("--workspace %steam.code-workspace: exit %d, stderr %q", other, code, errOut)
	}
}

// TestConsoleVT runs the test binary as a console program (wine, like
// Windows, gives a process started without a window a console of its
// own) to check the console path of systemStreams: a console whose
// virtual terminal processing is off is a terminal, gets it turned on, and
// colors are enabled; a pipe is not a console and keeps escapes as they
// are (Cygwin and MSYS terminals are pipes).
func TestConsoleVT(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(self, "-test.run=^TestConsoleVTHelperProcess$")
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); !strings.EqualFold(k, "NO_COLOR") && !strings.EqualFold(k, "TERM") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "PEACOCK_VT_HELPER=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{CreationFlags: windows.CREATE_NO_WINDOW}
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "vt: ok\n") {
		t.Errorf("console helper: %v\n%s", err, out)
	}
}

// TestConsoleVTHelperProcess is not a test: TestConsoleVT runs it in a
// process of its own with a console.
func TestConsoleVTHelperProcess(t *testing.T) {
	if os.Getenv("PEACOCK_VT_HELPER") == "" {
		t.Skip("helper process for TestConsoleVT")
	}
	fail := func(format string, args ...any) {
		fmt.Printf("vt: "+format+"\n", args...)
		os.Exit(1)
	}
	con, err := os.OpenFile("CONOUT$", os.O_RDWR, 0)
	if err != nil {
		fail("no console: %v", err)
	}
	h := windows.Handle(con.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		fail("GetConsoleMode: %v", err)
	}
	if err := windows.SetConsoleMode(h, mode&^windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING); err != nil {
		fail("SetConsoleMode: %v", err)
	}
	vt := func() bool {
		var m uint32
		if err := windows.GetConsoleMode(h, &m); err != nil {
			fail("GetConsoleMode: %v", err)
		}
		return m&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0
	}
	if vt() {
		fail("virtual terminal processing is still on")
	}
	if !isatty.IsTerminal(con.Fd()) {
		fail("the console is not a terminal to isatty")
	}
	// systemStreams on the console as stdout and stderr.
	stdout, stderr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = con, con
	s := systemStreams()
	os.Stdout, os.Stderr = stdout, stderr
	switch {
	case !s.IsStdoutTTY() || !s.IsStderrTTY():
		fail("the console is not a terminal: stdout %v, stderr %v", s.IsStdoutTTY(), s.IsStderrTTY())
	case !vt():
		fail("virtual terminal processing was not turned on")
	case !s.ColorEnabled() || !s.ErrColorEnabled():
		fail("colors are off on a console with virtual terminal processing")
	case s.Width() <= 0:
		fail("console width %d", s.Width())
	}
	if !enableVT(con) || !vt() {
		fail("enableVT on a console that has it on already")
	}
	// A pipe is not a console: escapes pass through as written.
	r, w, err := os.Pipe()
	if err != nil {
		fail("pipe: %v", err)
	}
	defer r.Close()
	defer w.Close()
	if err := windows.GetConsoleMode(windows.Handle(w.Fd()), &mode); err == nil {
		fail("GetConsoleMode on a pipe succeeded")
	}
	if !enableVT(w) {
		fail("enableVT(pipe) = false")
	}
	fmt.Println("vt: ok")
	os.Exit(0)
}

// TestEnableVTRefused: a console that refuses virtual terminal processing
// (Windows before 10) means no escapes: enableVT says so, and a console
// that has it or a handle that is not a console means escapes are read.
func TestEnableVTRefused(t *testing.T) {
	var setTo uint32
	refuse := func(_ windows.Handle, m uint32) error { setTo = m; return windows.ERROR_INVALID_PARAMETER }
	console := func(mode uint32) func(windows.Handle, *uint32) error {
		return func(_ windows.Handle, m *uint32) error { *m = mode; return nil }
	}
	notConsole := func(windows.Handle, *uint32) error { return windows.ERROR_INVALID_HANDLE }
	if enableVTMode(0, console(0x3), refuse) || setTo != 0x3|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING {
		t.Errorf("a console that refuses the mode: want false after asking for %#x, asked for %#x", 0x3|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING, setTo)
	}
	setTo = 0
	if !enableVTMode(0, console(0x7), refuse) || setTo != 0 {
		t.Errorf("a console with the mode on: want true and no SetConsoleMode (asked %#x)", setTo)
	}
	if !enableVTMode(0, notConsole, refuse) || setTo != 0 {
		t.Errorf("not a console: want true and no SetConsoleMode (asked %#x)", setTo)
	}
}
