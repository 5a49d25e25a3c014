package project

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// genDuplicates returns a one-line (minified) settings.json of about size
// bytes whose workbench.colorCustomizations repeats one key over and over,
// or, with distinct, holds as many different keys: the baseline of the
// same size and shape, measured in the same run.
func genDuplicates(size int, distinct bool) []byte {
	var sb strings.Builder
	sb.Grow(size + 128)
	sb.WriteString(`{"workbench.colorCustomizations":{`)
	for i := 0; sb.Len() < size; i++ {
		if distinct {
			sb.WriteString(`"titleBar.x` + strings.Repeat("0", 7-len(itoa(i))) + itoa(i) + `":"#42b883",`)
		} else {
			sb.WriteString(`"titleBar.activeBackground":"#42b883",`)
		}
	}
	sb.WriteString(`"statusBar.background":"#42b883"},"peacock.color":"#42b883"}`)
	return []byte(sb.String())
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

// BenchmarkCheckDuplicates is `peacock check` on a 13.6 MB minified file
// of duplicate keys (issue 16: it never finished; the target is at most 1
// s a run), beside the same size of distinct keys as the baseline: positions
// are counted in one pass, so duplicates cost no more than distinct keys
// (which take longer: each is a color to decode and compare).
//
//	go test ./project -run '^$' -bench CheckDuplicates -benchtime 3x
func BenchmarkCheckDuplicates(b *testing.B) {
	for _, tc := range []struct {
		name     string
		distinct bool
	}{{"duplicates", false}, {"distinct", true}} {
		b.Run(tc.name, func(b *testing.B) {
			dir := b.TempDir()
			path := filepath.Join(dir, "settings.json")
			data := genDuplicates(13_600_000, tc.distinct)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				b.Fatal(err)
			}
			home := filepath.Join(dir, "home")
			p, err := Open(Options{Dir: dir, Workspace: path, GOOS: "linux", Getenv: func(k string) string {
				if k == "HOME" {
					return home
				}
				return ""
			}})
			if err != nil {
				b.Fatal(err)
			}
			doc, err := p.Read()
			if err != nil {
				b.Fatal(err)
			}
			if w := doc.Warnings(); !tc.distinct && (len(w) != 6 || !strings.Contains(w[5], "more duplicate keys not listed")) {
				b.Fatalf("%d warnings, want 5 and a count", len(w))
			}
			b.SetBytes(int64(len(data)))
			b.ResetTimer()
			for b.Loop() {
				if _, err := p.Check(false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
