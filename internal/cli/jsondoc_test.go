package cli

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestJSONDoc runs every row of docs/json.md's table, in order, in one
// scratch repository, and compares the top-level fields each command
// prints with --json (for an array: those of its first element) with the
// ones the row lists.
func TestJSONDoc(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs git (the hook rows)")
	}
	doc, err := os.Open(filepath.Join("..", "..", "docs", "json.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer doc.Close()
	row := regexp.MustCompile("^\\| `([^`]+)` \\| (.*) \\|$")
	field := regexp.MustCompile("`([A-Za-z]+)`")
	f, work, out, errOut := testFactory(t)
	if b, err := exec.Command("git", "init", "-q", work).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v: %s", err, b)
	}
	rows := 0
	sc := bufio.NewScanner(doc)
	for sc.Scan() {
		m := row.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		rows++
		args := append(strings.Fields(m[1]), "--json")
		var want []string
		for _, fm := range field.FindAllStringSubmatch(m[2], -1) {
			want = append(want, fm[1])
		}
		slices.Sort(want)
		out.Reset()
		errOut.Reset()
		if code := runWith(f, args); code != exitOK {
			t.Errorf("peacock %s: exit code %d (stderr %q)", strings.Join(args, " "), code, errOut.String())
			continue
		}
		var v any
		if err := json.Unmarshal([]byte(out.String()), &v); err != nil {
			t.Errorf("peacock %s: not JSON: %v\n%s", strings.Join(args, " "), err, out.String())
			continue
		}
		if a, ok := v.([]any); ok && len(a) > 0 {
			v = a[0]
		}
		obj, ok := v.(map[string]any)
		if !ok {
			t.Errorf("peacock %s: want an object (or an array of them), got %T", strings.Join(args, " "), v)
			continue
		}
		var got []string
		for k := range obj {
			got = append(got, k)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("peacock %s: fields %v, docs/json.md lists %v", strings.Join(args, " "), got, want)
		}
	}
	if rows < 20 {
		t.Fatalf("docs/json.md: %d rows in the table, want every command (at least 20)", rows)
	}
}
