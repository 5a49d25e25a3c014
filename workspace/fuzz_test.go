package workspace

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tailscale/hujson"

	"github.com/tidwall/jsonc"
)

// exactRoundTrip reports whether apply+reset must give d's text back byte
// for byte: everything but the exceptions listed in doc.go (no root object,
// a workspace file without "settings", an empty settings object spelled
// other than {} or without a line break after its comments).
func exactRoundTrip(d *Document) bool {
	if d.root < 0 {
		return false
	}
	s := d.settingsOpen()
	if s < 0 {
		return false
	}
	o := *d.layout(s)
	if len(o.members) > 0 {
		return true
	}
	interior := d.src[o.open+1 : o.close]
	if len(interior) == 0 {
		return true
	}
	if isSpace(interior) {
		return false
	}
	last := bytes.LastIndexFunc(interior, func(r rune) bool { return !strings.ContainsRune(" \t\r\n", r) })
	return bytes.IndexByte(interior[last:], '\n') >= 0
}

// FuzzApply checks the editing invariants on any parseable input: the
// output parses, members outside the edit keep their bytes, applying again
// changes nothing, and reset restores an input that had no Peacock state.
func FuzzApply(f *testing.F) {
	for _, dir := range []string{"testdata", realWorldDir} {
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), ".err") || e.Name() == "INDEX.tsv" {
				continue
			}
			if data, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil {
				f.Add(data, strings.Contains(e.Name(), ".code-workspace"))
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, workspace bool) {
		kind := KindSettings
		if workspace {
			kind = KindWorkspace
		}
		d, err := parseKind("fuzz", kind, data)
		if err != nil {
			return
		}
		before := untouched(t, d, paletteB)
		state := hasPeacockState(d)
		exact := exactRoundTrip(d)
		apply := func(d *Document) error {
			if err := d.ApplyColors(paletteB, owned, []string{"activityBar.foreground"}); err != nil {
				return err
			}
			return d.SetSetting(ColorKey, "#42b883")
		}
		if err := apply(d); err != nil {
			t.Fatalf("apply: %v", err)
		}
		out := d.Bytes()
		d2, err := parseKind("fuzz", kind, out)
		if err != nil {
			t.Fatalf("output does not parse: %v\n%s", err, out)
		}
		if after := untouched(t, d2, paletteB); strings.Join(after, "\x00") != strings.Join(before, "\x00") {
			t.Fatalf("members outside the edit changed:\nbefore %q\nafter  %q", before, after)
		}
		if v, _ := d2.Setting(ColorKey); v != "#42b883" {
			t.Fatalf("peacock.color = %v", v)
		}
		if err := apply(d2); err != nil {
			t.Fatalf("apply again: %v", err)
		}
		if again := d2.Bytes(); !bytes.Equal(again, out) {
			t.Fatalf("apply twice is not a no-op:\n%s", Diff("fuzz", out, again))
		}
		if err := resetAll(d2); err != nil {
			t.Fatalf("reset: %v", err)
		}
		rt := d2.Bytes()
		if _, err := parseKind("fuzz", kind, rt); err != nil {
			t.Fatalf("reset output does not parse: %v\n%s", err, rt)
		}
		if !state && exact && !bytes.Equal(rt, data) {
			t.Fatalf("apply+reset did not restore the input:\n%s", Diff("fuzz", data, rt))
		}
		// Reset is idempotent, and after it apply+reset is a round trip.
		if err := resetAll(d2); err != nil {
			t.Fatal(err)
		}
		if again := d2.Bytes(); !bytes.Equal(again, rt) {
			t.Fatalf("reset twice is not a no-op:\n%s", Diff("fuzz", rt, again))
		}
		if err := apply(d2); err != nil {
			t.Fatal(err)
		}
		if err := resetAll(d2); err != nil {
			t.Fatal(err)
		}
		// (rt itself may be one of the documented exceptions, such as
		// {/**/}, whose comment gets a line break after it.)
		if drt, err := parseKind("fuzz", kind, rt); err == nil && exactRoundTrip(drt) {
			if again := d2.Bytes(); !bytes.Equal(again, rt) {
				t.Fatalf("apply+reset after reset is not a round trip:\n%s", Diff("fuzz", rt, again))
			}
		}
	})
}

// FuzzValidate checks the scanner against hujson, the parser it replaces:
// validate accepts a text exactly when hujson.Parse does (with a line
// comment allowed to end the file) and the nesting is within maxDepth.
func FuzzValidate(f *testing.F) {
	for _, s := range []string{`{}`, `{"a": [1, 2,], /* c */ "b": {"c": null,},}`, `[1e5, -0.5, "\u00e9\n"]`,
		"{\"a\": 1 // x\n}", `{"a": tru}`, `{,}`, `[,]`, `{"a" 1}`, `"s"`, `1a`, `{} {}`, "// only", `{"a":01}`,
		"{\"a\": \"\\x\"}", "[\"\t\"]", `{"a": -}`, `[1.]`, `[1e]`, `/`, `{} /`, "{/* \u2028 */}", "{} // \u2028"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
			return
		}
		src := lineView(data)
		var rec object
		_, got := validate(src, &rec)
		if p, _ := skipTrivia(src, 0); got && src[p] == '{' {
			if want := scanObject(src, p); !reflect.DeepEqual(rec, want) && len(rec.members)+len(want.members) > 0 {
				t.Fatalf("validate read the root as %+v, scanObject as %+v", rec, want)
			}
		}
		_, err := hujson.Parse(src)
		if err != nil && !bytes.HasSuffix(src, []byte("\n")) {
			_, err = hujson.Parse(append(append([]byte(nil), src...), '\n'))
		}
		_, deepOK := checkDepth(src)
		if want := err == nil && deepOK; got != want {
			t.Fatalf("validate(%q) = %v, hujson: %v", src, got, err)
		}
	})
}

// cycle applies palette B and peacock.color to data and resets, and
// returns the text, or nil when data does not parse.
func cycle(t *testing.T, kind Kind, data []byte) []byte {
	t.Helper()
	d, err := parseKind("fuzz", kind, data)
	if err != nil {
		return nil
	}
	if err := d.ApplyColors(paletteB, owned, nil); err != nil {
		t.Fatalf("apply: %v", err)
	}
	sameLayouts(t, d)
	if err := d.SetSetting(ColorKey, "#42b883"); err != nil {
		t.Fatalf("apply: %v", err)
	}
	sameLayouts(t, d)
	if err := resetAll(d); err != nil {
		t.Fatalf("reset: %v", err)
	}
	sameLayouts(t, d)
	return d.Bytes()
}

// sameLayouts checks that the layouts an edit moved or read again in
// place are those a fresh scan gives.
func sameLayouts(t *testing.T, d *Document) {
	t.Helper()
	if !bytes.Equal(d.view, lineView(d.src)) {
		t.Fatalf("the line view is not that of the text:\n%q\n%q", d.view, d.src)
	}
	for open, o := range d.objs {
		want := scanObject(d.view, open)
		if o.open != open || o.open != want.open || o.close != want.close || !slices.Equal(o.members, want.members) {
			t.Fatalf("layout at %d: %+v, a fresh scan gives %+v\n%q", open, *o, want, d.src)
		}
	}
	// (Not d.Bytes: that would make the next edit copy, and the in-place
	// path is the one to check.)
	if r, err := parseKind("fuzz", d.kind, append([]byte(nil), d.src...)); err != nil || r.root != d.root {
		t.Fatalf("root at %d, a fresh parse: %d, %v", d.root, r.root, err)
	}
}

// FuzzCycles checks that set followed by reset never grows a file: n
// apply+reset cycles give the same bytes as one (what the first cycle
// normalizes, such as {} for an empty file, stays as it is). For an input
// with Peacock state the first reset may leave one of the forms doc.go
// lists as exceptions ({/**/} from {/**/"peacock.color": "#fff"}, which
// the next cycle gives a line break): from the second cycle on, nothing
// changes.
func FuzzCycles(f *testing.F) {
	seeds := []string{
		"{\n  \"a\": 1, \"workbench.colorCustomizations\": { /* x */ }\n}",
		"{\"a\": 1, \"workbench.colorCustomizations\": {/* x */}}",
		"{\"workbench.colorCustomizations\": { // x\n}}",
		"{\"a\": 1,   \"b\": 2,   \"workbench.colorCustomizations\": { /* x */ }}",
		"{\r  \"a\": 1, // c\r  \"workbench.colorCustomizations\": {\r    \"x\": 1\r  }\r}\r",
		"{\r\n  \"a\": 1,\r  \"peacock.color\": \"#fff\" // c\r\n}",
	}
	for _, s := range seeds {
		f.Add([]byte(s), false)
	}
	for _, dir := range []string{"testdata", realWorldDir} {
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), ".err") || e.Name() == "INDEX.tsv" {
				continue
			}
			if data, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil {
				f.Add(data, strings.Contains(e.Name(), ".code-workspace"))
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, workspace bool) {
		kind := KindSettings
		if workspace {
			kind = KindWorkspace
		}
		d, err := parseKind("fuzz", kind, data)
		if err != nil {
			return
		}
		state := hasPeacockState(d)
		once := cycle(t, kind, data)
		twice := cycle(t, kind, once)
		thrice := cycle(t, kind, twice)
		if (!state && !bytes.Equal(once, twice)) || !bytes.Equal(twice, thrice) {
			t.Fatalf("apply+reset cycles change the text:\n%q\n%q\n%q", once, twice, thrice)
		}
	})
}

// FuzzDecode checks decodeJSONC against encoding/json on the same text
// made standard JSON.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{"a": [1, 2.5e3, -0, true, false, null, "x\u00e9\n",], /* c */ "a": {},}`,
		"[1e400]", `{"\ud83d\ude00": "\ud800"}`, "// c\n[{}, [], {\"k\": [\"v\" // d\n]}]", `"\/\b"`, "1E+2"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
			return
		}
		src := lineView(data)
		if _, ok := validate(src, nil); !ok {
			return
		}
		p, _ := skipTrivia(src, 0)
		got, _, err := decodeJSONC(src, p)
		if err != nil {
			got = nil
		}
		var want any
		if json.Unmarshal(jsonc.ToJSON(src), &want) != nil {
			want = nil
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("decodeJSONC(%q) = %#v, encoding/json: %#v", src, got, want)
		}
	})
}
