package cmdline

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestScriptsMatchCobra holds each script byte for byte to what cobra v1.10.2
// generates for a root command of the same name.
func TestScriptsMatchCobra(t *testing.T) {
	// "peacock" and "my-tool" are the names that matter; the others exercise
	// the ':' and '-' rewriting of the fish/PowerShell variable names and the
	// env var derivation (non-alphanumerics, non-ASCII) against cobra.
	for _, name := range []string{"peacock", "my-tool", "a:b-c.d", "tool_2.exe", "ünï"} {
		root := &cobra.Command{Use: name}
		root.AddCommand(&cobra.Command{Use: "sub", Run: func(*cobra.Command, []string) {}})

		type gen func(io.Writer) error
		cases := []struct {
			shell       string
			desc        bool
			ours, cobra gen
		}{
			{"bash", true,
				func(w io.Writer) error { return bashScript(w, name, true) },
				func(w io.Writer) error { return root.GenBashCompletionV2(w, true) }},
			{"bash", false,
				func(w io.Writer) error { return bashScript(w, name, false) },
				func(w io.Writer) error { return root.GenBashCompletionV2(w, false) }},
			{"zsh", true,
				func(w io.Writer) error { return zshScript(w, name) },
				root.GenZshCompletion},
			{"zsh", false,
				func(w io.Writer) error { return scriptZsh(w, name, false) },
				root.GenZshCompletionNoDesc},
			{"fish", true,
				func(w io.Writer) error { return fishScript(w, name, true) },
				func(w io.Writer) error { return root.GenFishCompletion(w, true) }},
			{"fish", false,
				func(w io.Writer) error { return fishScript(w, name, false) },
				func(w io.Writer) error { return root.GenFishCompletion(w, false) }},
			{"powershell", true,
				func(w io.Writer) error { return powershellScript(w, name, true) },
				root.GenPowerShellCompletionWithDesc},
			{"powershell", false,
				func(w io.Writer) error { return powershellScript(w, name, false) },
				root.GenPowerShellCompletion},
		}
		for _, c := range cases {
			var got, want bytes.Buffer
			if err := c.ours(&got); err != nil {
				t.Fatalf("%s %s desc=%v: %v", name, c.shell, c.desc, err)
			}
			if err := c.cobra(&want); err != nil {
				t.Fatalf("cobra %s %s desc=%v: %v", name, c.shell, c.desc, err)
			}
			if want.Len() == 0 {
				t.Fatalf("cobra %s %s desc=%v: empty script", name, c.shell, c.desc)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("%s %s desc=%v: script differs from cobra's at line %d",
					name, c.shell, c.desc, firstDiffLine(got.String(), want.String()))
			}
		}
	}
}

func firstDiffLine(a, b string) int {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return i + 1
		}
	}
	return min(len(al), len(bl)) + 1
}

func TestScriptEnvVar(t *testing.T) {
	for _, c := range []struct{ name, suffix, want string }{
		{"peacock", scriptActiveHelpEnvVarSuffix, "PEACOCK_ACTIVE_HELP"},
		{"peacock", scriptDescriptionsEnvVarSuffix, "PEACOCK_COMPLETION_DESCRIPTIONS"},
		{"my-tool", scriptActiveHelpEnvVarSuffix, "MY_TOOL_ACTIVE_HELP"},
		{"a:b.c", "X", "A_B_C_X"},
		{"ünï", "X", "_N__X"},
	} {
		if got := scriptEnvVar(c.name, c.suffix); got != c.want {
			t.Errorf("scriptEnvVar(%q, %q) = %q, want %q", c.name, c.suffix, got, c.want)
		}
	}
}

func TestScriptsReferenceProgram(t *testing.T) {
	var b bytes.Buffer
	if err := fishScript(&b, "peacock", true); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"__complete", "PEACOCK_ACTIVE_HELP", "complete -c peacock"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("fish script lacks %q", want)
		}
	}
	b.Reset()
	if err := bashScript(&b, "peacock", false); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"__completeNoDesc", `local activeHelpMarker="_activeHelp_ "`, "complete -o default -F __start_peacock peacock"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("bash script lacks %q", want)
		}
	}
}
