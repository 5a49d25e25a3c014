package workspace

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	if Diff("x", []byte("a\n"), []byte("a\n")) != "" {
		t.Errorf("equal inputs give a diff")
	}
	before := "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3,\n  \"d\": 4,\n  \"e\": 5\n}"
	after := "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3,\n  \"d\": 4,\n  \"e\": 5,\n  \"peacock.color\": \"#123456\"\n}"
	want := `--- .vscode/settings.json
+++ .vscode/settings.json
@@ -3,5 +3,6 @@
   "b": 2,
   "c": 3,
   "d": 4,
-  "e": 5
+  "e": 5,
+  "peacock.color": "#123456"
 }
\ No newline at end of file
`
	if got := Diff(".vscode/settings.json", []byte(before), []byte(after)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	// A lone CR ends a line.
	want = "--- s.json\n+++ s.json\n@@ -1,3 +1,4 @@\n {\r\n-  \"a\": 1\r\n+  \"a\": 1,\r\n+  \"b\": 2\r\n }\r\n"
	if got := Diff("s.json", []byte("{\r  \"a\": 1\r}\r"), []byte("{\r  \"a\": 1,\r  \"b\": 2\r}\r")); got != want {
		t.Errorf("got:\n%q\nwant:\n%q", got, want)
	}
	want = "--- /dev/null\n+++ new.code-workspace\n@@ -0,0 +1,2 @@\n+{\n+}\n"
	if got := Diff("new.code-workspace", nil, []byte("{\n}\n")); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestDiffApplies checks on random line edits that applying the hunks to
// before gives after.
func TestDiffApplies(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 500; i++ {
		var a []string
		for j := r.Intn(30); j > 0; j-- {
			a = append(a, fmt.Sprintf("l%d\n", r.Intn(8)))
		}
		b := append([]string(nil), a...)
		for j := r.Intn(6); j > 0; j-- {
			k := r.Intn(len(b) + 1)
			switch r.Intn(2) {
			case 0:
				b = append(b[:k], append([]string{fmt.Sprintf("n%d\n", r.Intn(8))}, b[k:]...)...)
			default:
				if k < len(b) {
					b = append(b[:k], b[k+1:]...)
				}
			}
		}
		before, after := strings.Join(a, ""), strings.Join(b, "")
		if r.Intn(4) == 0 && after != "" {
			after = strings.TrimSuffix(after, "\n")
		}
		d := Diff("f", []byte(before), []byte(after))
		if before == after {
			if d != "" {
				t.Fatalf("diff of equal inputs")
			}
			continue
		}
		if got := applyUnified(t, before, d); got != after {
			t.Fatalf("patch mismatch\nbefore %q\nafter  %q\ndiff:\n%s\ngot %q", before, after, d, got)
		}
	}
}

// applyUnified applies a diff made by Diff to before.
func applyUnified(t *testing.T, before, diff string) string {
	t.Helper()
	src := splitLines([]byte(before))
	lines := strings.SplitAfter(diff, "\n")
	var out []string
	pos := 0
	for i := 2; i < len(lines); i++ {
		l := lines[i]
		if l == "" {
			continue
		}
		if strings.HasPrefix(l, "@@") {
			var as, al, bs, bl int
			if _, err := fmt.Sscanf(l, "@@ -%d,%d +%d,%d @@", &as, &al, &bs, &bl); err != nil {
				al = -1
				if _, err := fmt.Sscanf(l, "@@ -%d +%d", &as, &bs); err != nil {
					fmt.Sscanf(l, "@@ -%d,%d +%d", &as, &al, &bs)
				}
			}
			start := as - 1
			if al == 0 {
				start = as
			}
			out = append(out, src[pos:start]...)
			pos = start
			continue
		}
		text := l[1:]
		if i+1 < len(lines) && strings.HasPrefix(lines[i+1], `\ No newline`) {
			text = strings.TrimSuffix(text, "\n")
			i++
		}
		switch l[0] {
		case ' ':
			out = append(out, text)
			pos++
		case '-':
			pos++
		case '+':
			out = append(out, text)
		}
	}
	out = append(out, src[pos:]...)
	return strings.Join(out, "")
}
