package palette_test

import (
	"fmt"

	"github.com/peacock-cli/peacock/palette"
)

func ExampleParse() {
	for _, s := range []string{"#369C", "DarkBlue", "hsl (0, 100%, .5)", "rgba 255 0 0 .5", "oklch(0.7 0.1 160)", "bogus"} {
		c, err := palette.Parse(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-20q %s\n", s, c.Hex())
	}
	// Output:
	// "#369C"              #336699cc
	// "DarkBlue"           #00008b
	// "hsl (0, 100%, .5)"  #ff0000
	// "rgba 255 0 0 .5"    #ff000080
	// "oklch(0.7 0.1 160)" #62b289
	// invalid color "bogus": not a color name, hex, or rgb()/hsl()/hsv()/oklch() form
}

func ExampleDerive() {
	m := palette.Derive(palette.MustParse("#42b883"), palette.DefaultSettings())
	for _, k := range palette.SortedKeys(m) {
		fmt.Println(k, m[k])
	}
	// Output:
	// activityBar.activeBackground #65c89b
	// activityBar.activeBorder #15202b
	// activityBar.background #65c89b
	// activityBar.foreground #15202b
	// activityBar.inactiveForeground #15202b99
	// activityBarBadge.background #945bc4
	// activityBarBadge.foreground #e7e7e7
	// activityBarTop.activeBackground #65c89b
	// activityBarTop.activeBorder #15202b
	// activityBarTop.background #65c89b
	// activityBarTop.foreground #15202b
	// activityBarTop.inactiveForeground #15202b99
	// commandCenter.border #15202b99
	// commandCenter.foreground #15202b
	// sash.hoverBorder #65c89b
	// statusBar.background #42b883
	// statusBar.debuggingBackground #42b883
	// statusBar.debuggingForeground #15202b
	// statusBar.foreground #15202b
	// statusBarItem.hoverBackground #359268
	// statusBarItem.remoteBackground #f0e8f7
	// statusBarItem.remoteForeground #15202b
	// titleBar.activeBackground #42b883
	// titleBar.activeForeground #15202b
	// titleBar.inactiveBackground #42b88399
	// titleBar.inactiveForeground #15202b99
}

func ExampleSettings_Merge() {
	s, err := palette.DefaultSettings().Merge(map[string]any{
		"peacock.affectActivityBar":  false,
		"peacock.affectStatusBar":    false,
		"peacock.elementAdjustments": map[string]any{"titleBar": "darken"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	m := palette.Derive(palette.MustParse("#007fff"), s)
	for _, k := range palette.SortedKeys(m) {
		fmt.Println(k, m[k])
	}
	// Output:
	// commandCenter.border #e7e7e799
	// commandCenter.foreground #e7e7e7
	// sash.hoverBorder #3399ff
	// titleBar.activeBackground #0066cc
	// titleBar.activeForeground #e7e7e7
	// titleBar.inactiveBackground #0066cc99
	// titleBar.inactiveForeground #e7e7e799
}

func ExampleLighten() {
	c := palette.MustParse("#42b883")
	fmt.Println(palette.Lighten(c, 5).Hex(), palette.Darken(c, 5).Hex())
	// tinycolor truncates the new lightness to 4 decimals:
	fmt.Println(palette.Lighten(palette.MustParse("#8d8c1f"), 10).Hex())
	// Output:
	// #52c18f #3ba576
	// #b7b528
}

func ExampleColor_Hex() {
	fmt.Println(palette.MustParse("369").Hex())
	fmt.Println(palette.MustParse("rgba(66, 184, 131, 0.6)").Hex())
	fmt.Println(palette.MustParse("transparent").Hex())
	// Output:
	// #336699
	// #42b88399
	// #00000000
}
