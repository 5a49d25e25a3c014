package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/peacock-cli/peacock/internal/cli"
	"github.com/peacock-cli/peacock/internal/huhpick"
)

// TestPickAccessible drives the real picker in huh's accessible mode with
// piped answers, one byte at a time as a terminal delivers them.
func TestPickAccessible(t *testing.T) {
	tests := []struct {
		name       string
		answers    string
		wantCode   int
		wantOut    string
		wantErr    string // stderr contains
		wantInFile string // "" when nothing may be written
	}{
		{"choose", "3\n", cli.ExitOK, "#007fff\n", `set peacock.color to "#007fff"`, `"peacock.color": "#007fff"`},
		{"choose, unterminated", "3", cli.ExitOK, "#007fff\n", `set peacock.color to "#007fff"`, `"peacock.color": "#007fff"`},
		{"type a color", "1\nhsl(210, 60%, 40%)\n", cli.ExitOK, "hsl(210, 60%, 40%)\n", "Type a color:", `"peacock.color": "hsl(210, 60%, 40%)"`},
		{"type a name", "1\nvue green\n", cli.ExitOK, "#42b883\n", `set peacock.color to "#42b883"`, `"peacock.color": "#42b883"`},
		{"invalid type-in, then valid", "1\nnope\nteal\n", cli.ExitOK, "teal\n", `invalid color "nope"`, `"peacock.color": "teal"`},
		{"invalid type-in, then input ends", "1\nnope\n", cli.ExitCanceled, "", "no answer (input ended); nothing written", ""},
		{"no answer", "", cli.ExitCanceled, "", "no answer (input ended); nothing written", ""},
		{"out of range, then input ends", "999\n", cli.ExitCanceled, "", "Invalid: must be a number between 1 and", ""},
		{"not a number, then input ends", "two\n", cli.ExitCanceled, "", "no answer", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, work, out, errOut := cli.TestFactory(t)
			f.IO.In = iotest.OneByteReader(strings.NewReader(tt.answers))
			f.NewPicker = huhpick.New
			code := cli.RunWith(f, []string{"pick", "--accessible"})
			if code != tt.wantCode {
				t.Fatalf("exit code = %d, want %d (stderr %q)", code, tt.wantCode, errOut.String())
			}
			if out.String() != tt.wantOut {
				t.Errorf("stdout = %q, want %q", out.String(), tt.wantOut)
			}
			if !strings.Contains(errOut.String(), tt.wantErr) {
				t.Errorf("stderr = %q, want it to contain %q", errOut.String(), tt.wantErr)
			}
			if strings.Contains(errOut.String(), "\x1b[") {
				t.Errorf("accessible prompts hold escapes: %q", errOut.String())
			}
			data, err := os.ReadFile(filepath.Join(work, "work.code-workspace"))
			if tt.wantInFile == "" {
				if err == nil {
					t.Errorf("a file was written:\n%s", data)
				}
				return
			}
			if !strings.Contains(string(data), tt.wantInFile) {
				t.Errorf("the file lacks %s:\n%s", tt.wantInFile, data)
			}
		})
	}
}
