package svg

import (
	"bytes"
	"encoding/xml"
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// checkText compares text with encoding/xml's EscapeText, which it copies.
func checkText(t *testing.T, s string) {
	t.Helper()
	var got, want bytes.Buffer
	text(&got, s)
	if err := xml.EscapeText(&want, []byte(s)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("text(%q) = %q, EscapeText gives %q", s, got.Bytes(), want.Bytes())
	}
}

func TestTextMatchesEscapeText(t *testing.T) {
	for _, s := range []string{
		"", "plain", `"'&<>`, "a\tb\nc\rd\r\n", "é ✓ 😀", "\x00\x01\x1f\x7f", "\xff", "a\xc3", "\xed\xa0\x80",
		"\xef\xbf\xbd", "\xef\xbf\xbe\xef\xbf\xbf", "\xf4\x8f\xbf\xbf\xf4\x90\x80\x80", "\u2028\u0085\ufeff",
		"<svg> & \"quotes\" 'apos'", "\xc0\x80", "\xe0\x80\x80", "trailing \xe2\x82",
	} {
		checkText(t, s)
	}
	// Every byte, every pair of bytes and every code point, alone and
	// between ASCII.
	for i := 0; i < 256; i++ {
		checkText(t, string([]byte{byte(i)}))
		for j := 0; j < 256; j++ {
			checkText(t, string([]byte{byte(i), byte(j)}))
		}
	}
	for r := rune(0); r <= utf8.MaxRune+1; r++ {
		if r < 0x800 || r&0xff == 0 || r >= 0xd700 && r <= 0xe100 || r >= 0xfff0 && r <= 0x10010 || r >= 0x10fff0 {
			checkText(t, "a"+string(r)+"b")
		}
	}
	// Random strings of pieces likely to matter.
	pieces := []string{"a", " ", "&", "<", ">", `"`, "'", "\t", "\n", "\r", "\x00", "\x1b", "é", "\u2028", "\ufffd",
		"\ufffe", "😀", "\xff", "\xc3", "\xe2\x82", "\xed\xbf\xbf", "\xf0\x9f", "\xf8\x88\x80\x80\x80"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var sb []byte
		for n := r.IntN(8); n > 0; n-- {
			sb = append(sb, pieces[r.IntN(len(pieces))]...)
		}
		checkText(t, string(sb))
	}
}

func FuzzText(f *testing.F) {
	f.Add("<a & 'b'>\t\xff\u2028")
	f.Fuzz(checkText)
}
