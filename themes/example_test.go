package themes_test

import (
	"errors"
	"fmt"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/themes"
)

// Example shows how a command reads a color argument: a color text first,
// as the Peacock extension reads it, and a theme color otherwise.
func Example() {
	builtin, err := themes.Builtin()
	if err != nil {
		panic(err)
	}
	all := themes.Merge(builtin, nil) // user themes from themes.LoadDir go here
	for _, arg := range []string{"red", "dracula/red", "Vue-Green", "nord8", "blue", "no such color"} {
		if c, err := palette.Parse(arg); err == nil {
			fmt.Printf("%-14s %s (a color)\n", arg, c.Hex())
			continue
		}
		m, err := themes.Resolve(all, arg)
		var amb *themes.AmbiguousError
		switch {
		case errors.As(err, &amb):
			fmt.Printf("%-14s ambiguous: %d candidates\n", arg, len(amb.Candidates))
		case errors.Is(err, themes.ErrNotFound):
			fmt.Printf("%-14s %v\n", arg, err)
		default:
			fmt.Printf("%-14s %s (%s)\n", arg, m.Parsed.Hex(), m)
		}
	}
	// Output:
	// red            #ff0000 (a color)
	// dracula/red    #ff5555 (dracula/red)
	// Vue-Green      #42b883 (peacock/vue-green)
	// nord8          #88c0d0 (nord/nord8)
	// blue           #0000ff (a color)
	// no such color  no theme color "no such color"
}

// A user theme that reuses a built-in color name with another value makes
// the bare name ambiguous; the error lists the qualified names to use.
func ExampleResolve_ambiguous() {
	builtin, _ := themes.Builtin()
	work := themes.Theme{Name: "work", User: true, Colors: []themes.Color{{Name: "Vue Green", Value: "#3fb27f"}}}
	all := themes.Merge(builtin, []themes.Theme{work})
	_, err := themes.Resolve(all, "vue green")
	fmt.Println(err)
	m, _ := themes.Resolve(all, "work/vue-green")
	fmt.Println(m, m.Parsed.Hex())
	// Output:
	// "vue green" is ambiguous: peacock/vue-green, work/vue-green; name one as theme/color
	// work/vue-green #3fb27f
}
