// Command editorrace measures what `peacock set` does to a workspace file
// that an editor saves while it runs: a writer goroutine saves the file
// every 0-4 ms (read, bump a counter, write back), while `peacock set`
// runs in a loop, alternating two colors so that every run writes. It runs
// two phases, the writer saving in place (truncate, then write) and by
// rename (a new file renamed over the old), and prints for each:
//
//   - wiped: times the file was found without the editor's folders and
//     settings (peacock read the truncated file as empty and renamed a
//     minimal file over it);
//   - stale: times the writer found the counter lower than the one it last
//     saved (peacock renamed its edit of the older content over the
//     editor's newer save: a lost update), out of the runs;
//   - failed: peacock runs that exited non-zero (a clear error, nothing
//     written).
//
// Usage, from the module root:
//
//	go run ./bench/editorrace                  # builds ./cmd/peacock
//	go run ./bench/editorrace -runs 2500 -bin /tmp/peacock-old -bin /tmp/peacock-new
//
// Each -bin is measured in turn in the same run (a baseline first, say).
// Targets (issue 16): 0 wiped; stale at most 2 % of runs.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

type bins []string

func (b *bins) String() string     { return strings.Join(*b, ",") }
func (b *bins) Set(s string) error { *b = append(*b, s); return nil }

const base = `{
	"folders": [
		{
			"path": "src/app"
		}
	],
	"settings": {
		"editor.fontSize": 13,
		"files.exclude": {
			"**/node_modules": true
		},
		"editor.saveCount": 0
	}
}
`

var countRE = regexp.MustCompile(`"editor.saveCount": ([0-9]+)`)

var verbose *bool

type counts struct {
	runs, wiped, stale, failed, saves int64
}

func main() {
	var list bins
	flag.Var(&list, "bin", "peacock binary to measure (repeatable); default: build ./cmd/peacock")
	runs := flag.Int("runs", 1000, "peacock runs per phase")
	verbose = flag.Bool("v", false, "print the errors of failed runs")
	flag.Parse()
	tmp, err := os.MkdirTemp("", "editorrace")
	check(err)
	defer os.RemoveAll(tmp)
	if len(list) == 0 {
		bin := filepath.Join(tmp, "peacock")
		cmd := exec.Command("go", "build", "-o", bin, "./cmd/peacock")
		cmd.Stderr = os.Stderr
		check(cmd.Run())
		list = append(list, bin)
	}
	fmt.Printf("%-40s %-9s %6s %6s %6s %8s %7s\n", "binary", "writer", "runs", "wiped", "stale", "stale %", "failed")
	for _, bin := range list {
		for _, inPlace := range []bool{true, false} {
			c := phase(tmp, bin, *runs, inPlace)
			mode := map[bool]string{true: "in-place", false: "rename"}[inPlace]
			fmt.Printf("%-40s %-9s %6d %6d %6d %7.2f%% %7d\n", bin, mode, c.runs, c.wiped, c.stale, 100*float64(c.stale)/float64(c.runs), c.failed)
		}
	}
}

// phase runs peacock set n times beside a writer saving in place or by
// rename, and counts.
func phase(tmp, bin string, n int, inPlace bool) counts {
	dir, err := os.MkdirTemp(tmp, "ws")
	check(err)
	home := filepath.Join(dir, "home")
	check(os.Mkdir(home, 0o755))
	ws := filepath.Join(dir, "w.code-workspace")
	check(os.WriteFile(ws, []byte(base), 0o644))
	var c counts
	var stop atomic.Bool
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		last := 0
		r := rand.New(rand.NewPCG(1, 2))
		for !stop.Load() {
			time.Sleep(time.Duration(r.IntN(4001)) * time.Microsecond)
			data, err := os.ReadFile(ws)
			if err != nil {
				continue // between peacock's unlink and rename on some systems
			}
			if !bytes.Contains(data, []byte(`"src/app"`)) || !bytes.Contains(data, []byte(`"editor.fontSize": 13`)) {
				if len(data) > 0 {
					atomic.AddInt64(&c.wiped, 1)
				}
				data = []byte(base)
			}
			m := countRE.FindSubmatch(data)
			if m == nil {
				data = []byte(base)
				m = countRE.FindSubmatch(data)
			}
			got, _ := strconv.Atoi(string(m[1]))
			if got < last {
				atomic.AddInt64(&c.stale, 1)
			}
			last++
			data = countRE.ReplaceAll(data, []byte(`"editor.saveCount": `+strconv.Itoa(last)))
			save(ws, data, inPlace)
			atomic.AddInt64(&c.saves, 1)
		}
	}()
	colors := []string{"#42b883", "#832561"}
	for i := 0; i < n; i++ {
		cmd := exec.Command(bin, "--workspace", ws, "set", colors[i%2])
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "XDG_STATE_HOME="+filepath.Join(home, ".state"))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			c.failed++
			if *verbose {
				fmt.Fprintf(os.Stderr, "run %d: %s", i, stderr.String())
			}
		}
		c.runs++
	}
	stop.Store(true)
	wg.Wait()
	return c
}

// save writes data to path as an editor does: in place, or by rename.
func save(path string, data []byte, inPlace bool) {
	if inPlace {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC|os.O_CREATE, 0o644)
		if err != nil {
			return
		}
		f.Write(data)
		f.Close()
		return
	}
	tmp := path + ".editor~"
	if os.WriteFile(tmp, data, 0o644) == nil {
		os.Rename(tmp, path)
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "editorrace:", err)
		os.Exit(1)
	}
}
