package workspace

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/tidwall/jsonc"
)

// decodeNumberJSON is what decodeNumber did with encoding/json, the
// reference it must agree with.
func decodeNumberJSON(text []byte) any {
	dec := json.NewDecoder(bytes.NewReader(jsonc.ToJSON(text)))
	dec.UseNumber()
	var out any
	if err := dec.Decode(&out); err != nil {
		return nil
	}
	return out
}

var decodeNumberChecked int

// checkDecodeNumber parses {"k": value} and compares decodeNumber for k
// with encoding/json.
func checkDecodeNumber(t *testing.T, value string) {
	t.Helper()
	d, err := Parse("settings.json", []byte(`{"k": `+value+"\n}"))
	if err != nil {
		return
	}
	decodeNumberChecked++
	_, m := d.lastMember(d.root, "k")
	if m == nil {
		t.Fatalf("%q: no member", value)
	}
	got := d.decodeNumber(m)
	want := decodeNumberJSON(d.view[int(m.valStart):int(m.valEnd)])
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decodeNumber(%q) = %#v, encoding/json gives %#v", value, got, want)
	}
	// valueIsString is equalJSON with a string, for the strings the value
	// might equal.
	cands := []string{"", "#42b883", "é", "\ufffd", "\n", "a"}
	if s, ok := want.(string); ok {
		cands = append(cands, s, s+"x")
	}
	for _, s := range cands {
		if is, eq := d.valueIsString(m, s), equalJSON(want, s); is != eq {
			t.Errorf("valueIsString(%q, %q) = %v, equalJSON gives %v", value, s, is, eq)
		}
	}
}

var decodeNumberSeeds = []string{
	`0`, `-0`, `12`, `-12.50`, `1e400`, `-1E-400`, `1.5e+3`, `123456789012345678901234567890`,
	`true`, `false`, `null`, `""`, `"#42b883"`, `"é"`, `"\u00e9"`, `"\/\b\f\n\r\t\"\\"`,
	`"\ud83d\ude00"`, `"\ud83d"`, `"\ude00"`, `"\ud83d\u0041"`, `"\ud83dx"`, `"\ud83d\ud83d\ude00"`,
	`"\u0000"`, `"\uFFFF"`, "\"\xff\"", "\"a\xc3\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"", "\"\xe2\x80\xa8\"",
	`[]`, `{}`, `[1, "a", [true, null], {"x": 2.0}]`, `{"a": 1, "a": 2}`, `{"a\u0062": {"c": []}}`,
	"[1, 2, /* c */ 3, // d\n]", "{\"a\": 1, /* x */ }", "{ // only a comment\n}", "[ , ]",
	"{\"\xff\": \"\xfe\"}", `{"a": {"b": {"c": [[[]]]}}}`,
}

func TestDecodeNumberMatchesEncodingJSON(t *testing.T) {
	for _, v := range decodeNumberSeeds {
		checkDecodeNumber(t, v)
	}
	// Random values, made of pieces likely to differ: escapes, surrogates,
	// invalid UTF-8, comments, trailing commas, numbers.
	r := rand.New(rand.NewPCG(1, 2))
	strPieces := []string{"a", "é", "\\u00e9", "\\ud83d", "\\ude00", "\\uD83D\\uDE00", "\\\"", "\\\\", "\\/",
		"\\n", "\\t", "\\u0000", "\xff", "\xc3", "\xe2\x82", "\xed\xa0\x80", "\xf0\x9f\x98\x80", "\xf8\x88\x80\x80\x80",
		"\x7f", "\u2028", " ", "\\u12", "\\x"}
	randString := func() string {
		var sb strings.Builder
		sb.WriteByte('"')
		for n := r.IntN(6); n > 0; n-- {
			sb.WriteString(strPieces[r.IntN(len(strPieces))])
		}
		sb.WriteByte('"')
		return sb.String()
	}
	trivia := []string{"", " ", "\n", "/* c */", "// c\n"}
	var randValue func(depth int) string
	randValue = func(depth int) string {
		switch k := r.IntN(9); {
		case k < 3:
			return randString()
		case k == 3:
			return []string{"0", "-1", "3.25", "1e5", "-0.0e-0", "1e999", "01", "1.", "-"}[r.IntN(9)]
		case k == 4:
			return []string{"true", "false", "null"}[r.IntN(3)]
		case depth > 3:
			return "1"
		case k < 7:
			var sb strings.Builder
			sb.WriteString("[")
			for n := r.IntN(4); n > 0; n-- {
				sb.WriteString(trivia[r.IntN(len(trivia))] + randValue(depth+1) + trivia[r.IntN(len(trivia))])
				if n > 1 || r.IntN(2) == 0 {
					sb.WriteString(",")
				}
			}
			sb.WriteString(trivia[r.IntN(len(trivia))] + "]")
			return sb.String()
		default:
			var sb strings.Builder
			sb.WriteString("{")
			for n := r.IntN(4); n > 0; n-- {
				sb.WriteString(trivia[r.IntN(len(trivia))] + randString() + ":" + trivia[r.IntN(len(trivia))] + randValue(depth+1))
				if n > 1 || r.IntN(2) == 0 {
					sb.WriteString(",")
				}
			}
			sb.WriteString(trivia[r.IntN(len(trivia))] + "}")
			return sb.String()
		}
	}
	for range 20000 {
		checkDecodeNumber(t, randValue(0))
	}
	if decodeNumberChecked < 5000 {
		t.Fatalf("only %d values parsed: the generator needs fixing", decodeNumberChecked)
	}
}

func FuzzDecodeNumber(f *testing.F) {
	for _, v := range decodeNumberSeeds {
		f.Add(v)
	}
	f.Fuzz(checkDecodeNumber)
}
