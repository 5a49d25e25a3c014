package workspace

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Golden tests. Each case reads testdata/<input>.input.<ext> and compares
// the edited bytes with testdata/<name>.golden.<ext>; the extension decides
// the kind: .code-workspace for a workspace file, .jsonc for a settings
// file. A refused input has testdata/<name>.golden.err holding the exact
// error text instead. `go test ./workspace -update` rewrites the goldens.
//
// Besides the golden comparison every case checks that the output parses,
// that the edit is idempotent (doing it again changes nothing), that the
// members it must not touch keep their bytes, and, for inputs without
// Peacock state, that applying palette A plus peacock.color and then
// resetting gives back the input byte for byte (or the documented
// normalized form, roundTrip).
var goldenCases = []struct {
	name  string
	input string // input case name; defaults to name
	op    func(*Document) error
	// roundTrip, when set, is what apply+reset gives instead of the input
	// (the documented exceptions in doc.go).
	roundTrip string
	// others: the op edits settings other than the Peacock ones, so the
	// untouched-members check is skipped.
	others bool
}{
	{name: "tabs", op: applyA},
	{name: "spaces2", op: applyA},
	{name: "spaces4", op: applyA},
	{name: "crlf", op: applyA},
	{name: "bom", op: applyA},
	{name: "oneline", op: applyA},
	{name: "oneline-spaced", op: applyA},
	{name: "oneline-empty", op: applyA},
	{name: "trailing-commas", op: applyA},
	{name: "comments", op: applyA},
	{name: "comments-reset", input: "comments", op: resetAll},
	{name: "comment-last", op: applyA},
	{name: "comment-last-nocomma", op: applyA},
	{name: "block-comment-after", op: applyA},
	{name: "theme-blocks", op: applyA},
	{name: "theme-blocks-reset", input: "theme-blocks", op: resetAll},
	{name: "multi-root", op: applyA},
	{name: "ws-no-settings", op: applyA, roundTrip: "{\n\t\"folders\": [\n\t\t{\n\t\t\t\"path\": \".\"\n\t\t}\n\t],\n\t\"settings\": {}\n}"},
	{name: "ws-empty-settings", op: applyA},
	{name: "ws-oneline", op: applyA},
	{name: "ws-spaces-trailing", op: applyA},
	{name: "empty", op: applyA, roundTrip: "{}\n"},
	{name: "comment-only", op: applyA, roundTrip: "// Settings for this folder go here.\n{}\n"},
	{name: "empty-multiline", op: applyA, roundTrip: "{}\n"},
	{name: "empty-with-comment", op: applyA},
	{name: "foreign-keys", op: applyA},
	{name: "foreign-keys-sidebar", input: "foreign-keys", others: true, op: func(d *Document) error {
		// A key in colors that is not owned (Set SideBar Darkness Level)
		// gets its value replaced in place.
		return d.ApplyColors(map[string]string{"sideBar.background": "#0a0a0a", "statusBar.background": "#dd0531"}, owned, nil)
	}},
	{name: "excluded", op: func(d *Document) error {
		if err := d.ApplyColors(paletteA, owned, []string{"statusBar.background", "titleBar.inactiveBackground"}); err != nil {
			return err
		}
		return d.SetSetting(ColorKey, "#dd0531")
	}},
	{name: "excluded-reset", input: "excluded", op: func(d *Document) error {
		return d.ResetColors(owned, []string{"statusBar.background"})
	}},
	{name: "stale-owned", op: func(d *Document) error {
		if err := d.ApplyColors(paletteB, owned, nil); err != nil {
			return err
		}
		return d.SetSetting(ColorKey, "#42b883")
	}},
	{name: "reset-only-owned", op: resetAll},
	{name: "reset-foreign", op: resetAll},
	{name: "reset-comment-inside", op: resetAll},
	{name: "reset-oneline", op: resetAll},
	{name: "apply-nothing", input: "reset-only-owned", op: func(d *Document) error {
		// An apply that writes no key removes the owned ones and leaves no {}.
		return d.ApplyColors(nil, owned, nil)
	}},
	{name: "duplicates", op: func(d *Document) error {
		if err := d.ApplyColors(paletteB, owned, nil); err != nil {
			return err
		}
		return d.SetSetting(ColorKey, "#42b883")
	}},
	{name: "duplicates-reset", input: "duplicates", op: resetAll},
	{name: "set-object", others: true, op: func(d *Document) error {
		if err := d.SetSetting("peacock.elementAdjustments", map[string]string{"activityBar": "darken", "statusBar": "lighten"}); err != nil {
			return err
		}
		if err := d.SetSetting("peacock.affectTabActiveBorder", true); err != nil {
			return err
		}
		if err := d.SetSetting("peacock.darkenLightenPercentage", 7); err != nil {
			return err
		}
		return d.SetSetting("peacock.favoriteColors", []map[string]string{{"name": "Angular Red", "value": "#dd0531"}})
	}},
	{name: "remove-setting", input: "set-object", others: true, op: func(d *Document) error {
		return d.RemoveSetting("peacock.elementAdjustments")
	}},
	{name: "empty-colors", op: func(d *Document) error { return d.ApplyColors(paletteB, owned, nil) }},
	{name: "empty-colors-nothing", input: "empty-colors", op: func(d *Document) error { return d.ApplyColors(nil, owned, nil) }},
	{name: "upper-case-value", op: applyA},
	// Old Mac line breaks (a lone CR): VS Code ends lines and line
	// comments there, and so does the edit.
	{name: "cr-only", op: applyA},
	{name: "cr-only-reset", input: "cr-only", op: resetAll},
	{name: "cr-only-ws", op: applyA, roundTrip: "{\r\t\"folders\": [\r\t\t{ \"path\": \".\" } // here\r\t],\r\t\"settings\": {}\r}"},
	// Comments on lines of their own inside a removed member stay.
	{name: "reset-ownline-comment-inside", op: resetAll},
	// A stale last member is removed after the new keys are appended, so
	// its neighbour keeps its comma after its comment.
	{name: "stale-after-comment", op: func(d *Document) error {
		if err := d.ApplyColors(paletteB, owned, nil); err != nil {
			return err
		}
		return d.SetSetting(ColorKey, "#42b883")
	}},
	// The closing brace on the last member's line: new members go on
	// lines of their own before it.
	{name: "close-same-line", op: applyA},
	// A comment before the last member on its line.
	{name: "comment-before-member", op: applyA},
	// {} holding a comment on one line: no trailing space left behind.
	{name: "empty-colors-comment-inline", op: applyA},
	// One-line objects: a space after the comma when the colon has one.
	{name: "oneline-colon-space", op: applyA},
	{name: "ws-oneline-spaced", op: applyA},
	// Keys spelled with escapes are the same keys to VS Code.
	{name: "escaped-keys", op: applyA},
	{name: "escaped-keys-reset", input: "escaped-keys", op: resetAll},

	{name: "err-syntax", op: applyA},
	{name: "err-root-array", op: applyA},
	{name: "err-settings-string", op: applyA},
	{name: "err-colors-array", op: applyA},
	{name: "err-colors-null", op: applyA},
	{name: "err-nul", op: applyA},
	{name: "err-unterminated-comment", op: applyA},
	{name: "err-unterminated-string", op: applyA},
	{name: "err-missing-brace", op: applyA},
	{name: "err-utf16", op: applyA},
	{name: "err-invalid-utf8", op: applyA},
	{name: "err-too-deep", op: applyA},
}

// inputFile returns the input path and extension of a case.
func inputFile(t *testing.T, name string) (string, string) {
	t.Helper()
	for _, ext := range []string{".jsonc", ".code-workspace"} {
		p := filepath.Join("testdata", name+".input"+ext)
		if _, err := os.Stat(p); err == nil {
			return p, ext
		}
	}
	t.Fatalf("no input file for case %q", name)
	return "", ""
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *updateGolden {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./workspace -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n%s", path, Diff(path, want, got))
	}
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.input
			if in == "" {
				in = tc.name
			}
			inPath, ext := inputFile(t, in)
			data, err := os.ReadFile(inPath)
			if err != nil {
				t.Fatal(err)
			}
			// The name is written with / so that the error goldens, which
			// hold it, are the same on every system.
			d, err := Parse(filepath.ToSlash(inPath), data)
			if strings.HasPrefix(tc.name, "err-") {
				if err == nil {
					t.Fatalf("Parse accepted %s", inPath)
				}
				var pe *ParseError
				if !errors.As(err, &pe) {
					t.Errorf("error %T is not a *ParseError", err)
				}
				checkGolden(t, filepath.Join("testdata", tc.name+".golden.err"), []byte(err.Error()+"\n"))
				checkRefusedUpdate(t, data, ext)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			before := untouched(t, d, paletteA)
			if err := tc.op(d); err != nil {
				t.Fatal(err)
			}
			got := d.Bytes()
			checkGolden(t, filepath.Join("testdata", tc.name+".golden"+ext), got)

			d2, err := Parse(inPath, got)
			if err != nil {
				t.Fatalf("output does not parse: %v", err)
			}
			if after := untouched(t, d2, paletteA); !tc.others && strings.Join(after, "\n") != strings.Join(before, "\n") {
				t.Errorf("members outside the edit changed:\nbefore %q\nafter  %q", before, after)
			}
			if err := tc.op(d2); err != nil {
				t.Fatal(err)
			}
			if again := d2.Bytes(); !bytes.Equal(again, got) {
				t.Errorf("not idempotent:\n%s", Diff(inPath, got, again))
			}

			orig, _ := Parse(inPath, data)
			if hasPeacockState(orig) {
				if tc.roundTrip != "" {
					t.Errorf("roundTrip set on an input with Peacock state")
				}
				return
			}
			if err := applyA(orig); err != nil {
				t.Fatal(err)
			}
			if err := resetAll(orig); err != nil {
				t.Fatal(err)
			}
			want := string(data)
			if tc.roundTrip != "" {
				want = tc.roundTrip
			}
			if rt := orig.Bytes(); string(rt) != want {
				t.Errorf("apply+reset did not restore the input:\n%s", Diff(inPath, []byte(want), rt))
			}
		})
	}
}

// checkRefusedUpdate runs Update on a copy of a refused input: it fails the
// same way and leaves the file as it was.
func checkRefusedUpdate(t *testing.T, data []byte, ext string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "refused"+ext)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	called := false
	_, err := Update(p, UpdateOptions{}, func(d *Document) error { called = true; return applyA(d) })
	if err == nil || called {
		t.Errorf("Update: err = %v, fn called = %v; want a parse error before fn", err, called)
	}
	if got, _ := os.ReadFile(p); !bytes.Equal(got, data) {
		t.Errorf("Update changed a refused file")
	}
	if ents, _ := os.ReadDir(filepath.Dir(p)); len(ents) != 1 {
		t.Errorf("Update left files behind: %v", ents)
	}
}

// TestGoldenInPlace runs every golden case through Update with InPlace,
// the edit made in the buffer the file was read into, and checks that the
// file ends up as the golden file says, as without InPlace, and that
// Changed says whether the bytes changed.
func TestGoldenInPlace(t *testing.T) {
	for _, tc := range goldenCases {
		if strings.HasPrefix(tc.name, "err-") {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			in := tc.input
			if in == "" {
				in = tc.name
			}
			inPath, _ := inputFile(t, in)
			data, err := os.ReadFile(inPath)
			if err != nil {
				t.Fatal(err)
			}
			var got [2][]byte
			var changed [2]bool
			for i, inPlace := range []bool{false, true} {
				path := filepath.Join(t.TempDir(), filepath.Base(inPath))
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
				res, err := Update(path, UpdateOptions{InPlace: inPlace}, tc.op)
				if err != nil {
					t.Fatal(err)
				}
				if got[i], err = os.ReadFile(path); err != nil {
					t.Fatal(err)
				}
				changed[i] = res.Changed
				if inPlace && res.Before != nil {
					t.Errorf("InPlace: Before is kept")
				}
			}
			if !bytes.Equal(got[0], got[1]) {
				t.Errorf("in place:\n%q\nwant (as with a copy):\n%q", got[1], got[0])
			}
			if changed[0] != changed[1] || changed[1] != !bytes.Equal(got[1], data) {
				t.Errorf("Changed = %v in place, %v with a copy; the bytes changed: %v", changed[1], changed[0], !bytes.Equal(got[1], data))
			}
		})
	}
}
