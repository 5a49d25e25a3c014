package palette_test

import (
	"fmt"

	"github.com/peacock-cli/peacock/palette"
)

func ExampleHarmony() {
	green := palette.Color{R: 0x42, G: 0xb8, B: 0x83, A: 1} // Peacock green
	for _, s := range []palette.Scheme{palette.Complementary, palette.Triadic, palette.Monochromatic} {
		fmt.Print(s, ":")
		for _, c := range palette.Harmony(green, s) {
			fmt.Print(" ", c.Hex())
		}
		fmt.Println()
	}
	// Output:
	// complementary: #42b883 #d57db8
	// triadic: #42b883 #9095ef #e3815d
	// monochromatic: #42b883 #00774d #109866 #66d9a2 #88fac1
}

func ExampleParseScheme() {
	s, err := palette.ParseScheme("Split-Complementary")
	fmt.Println(s, err)
	_, err = palette.ParseScheme("square")
	fmt.Println(err)
	// Output:
	// split-complementary <nil>
	// unknown harmony scheme "square" (valid: complementary, analogous, triadic, split-complementary, tetradic, monochromatic)
}

func ExampleFromOKLCH() {
	// Pure blue turned halfway round the OKLCH hue circle is far outside
	// sRGB; FromOKLCH keeps its lightness and hue and gives up chroma.
	l, c, h := palette.Color{B: 255, A: 1}.OKLCH()
	fmt.Printf("blue: L %.3f C %.3f h %.1f\n", l, c, h)
	opp := palette.FromOKLCH(l, c, h+180)
	l2, c2, h2 := opp.OKLCH()
	fmt.Printf("%s: L %.3f C %.3f h %.1f\n", opp.Hex(), l2, c2, h2)
	// Output:
	// blue: L 0.452 C 0.313 h 264.1
	// #6e5000: L 0.452 C 0.093 h 84.1
}

func ExampleMakeAccessible() {
	// Peacock's colors for the mid gray #808080: neither of its foregrounds
	// reaches 4.5:1 there, and its inactive foreground is fainter still.
	derived := map[string]string{
		"activityBar.background":         "#808080",
		"activityBar.foreground":         "#15202b",
		"activityBar.inactiveForeground": "#15202b99",
		"statusBar.background":           "#42b883",
		"statusBar.foreground":           "#15202b",
	}
	fixed := palette.MakeAccessible(derived)
	for _, k := range []string{"activityBar.foreground", "activityBar.inactiveForeground", "statusBar.foreground"} {
		fmt.Printf("%s: %s -> %s\n", k, derived[k], fixed[k])
	}
	// Output:
	// activityBar.foreground: #15202b -> #0c1721
	// activityBar.inactiveForeground: #15202b99 -> #000000d1
	// statusBar.foreground: #15202b -> #15202b
}

func ExampleAccessibleForeground() {
	for _, bg := range []palette.Color{
		{R: 0x42, G: 0xb8, B: 0x83, A: 1}, // Peacock's #15202b passes
		{R: 0x18, G: 0x57, B: 0xa4, A: 1}, // Peacock's #e7e7e7 passes
		{R: 0x80, G: 0x80, B: 0x80, A: 1}, // neither passes: #15202b nudged darker
	} {
		fg := palette.AccessibleForeground(bg)
		fmt.Printf("%s on %s: %.2f:1\n", fg.Hex(), bg.Hex(), palette.Contrast(fg, bg))
	}
	// Output:
	// #15202b on #42b883: 6.61:1
	// #e7e7e7 on #1857a4: 5.78:1
	// #0c1721 on #808080: 4.58:1
}

func ExampleIdentityColor() {
	// The identity of git@github.com:peacock-cli/peacock.git, as
	// project.NormalizeIdentity gives it.
	id := "github.com/peacock-cli/peacock"
	c := palette.IdentityColor(id)
	fmt.Println(id, c.Hex())
	// Output:
	// github.com/peacock-cli/peacock #e38bff
}

func ExampleDistinctColor() {
	// Give each folder of a multi-root workspace its own color, in order.
	var used []palette.Color
	for _, id := range []string{"github.com/acme/api", "github.com/acme/web", "github.com/acme/docs"} {
		c := palette.DistinctColor(id, used)
		used = append(used, c)
		fmt.Println(id, c.Hex())
	}
	fmt.Printf("ΔE00 api-web %.1f\n", palette.DeltaE00(used[0], used[1]))
	// Output:
	// github.com/acme/api #51e4aa
	// github.com/acme/web #6b0048
	// github.com/acme/docs #fab4d3
	// ΔE00 api-web 92.4
}
