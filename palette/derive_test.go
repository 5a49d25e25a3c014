package palette

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/quick"
)

// baseline is the Peacock test-suite baseline (spec §11): the default
// settings with every element adjustment "none".
func baseline() Settings {
	s := DefaultSettings()
	s.ActivityBarAdjustment = AdjustNone
	return s
}

func TestDeriveGolden(t *testing.T) {
	// Spec §11, the golden object for #42b883 under the test baseline.
	want := map[string]string{
		"activityBar.activeBackground":      "#42b883",
		"activityBar.background":            "#42b883",
		"activityBar.foreground":            "#15202b",
		"activityBar.inactiveForeground":    "#15202b99",
		"activityBarBadge.background":       "#f0e8f7",
		"activityBarBadge.foreground":       "#15202b",
		"activityBarTop.activeBackground":   "#42b883",
		"activityBarTop.background":         "#42b883",
		"activityBarTop.foreground":         "#15202b",
		"activityBarTop.inactiveForeground": "#15202b99",
		"commandCenter.border":              "#15202b99",
		"commandCenter.foreground":          "#15202b",
		"sash.hoverBorder":                  "#42b883",
		"statusBar.background":              "#42b883",
		"statusBar.debuggingBackground":     "#42b883",
		"statusBar.debuggingForeground":     "#15202b",
		"statusBar.foreground":              "#15202b",
		"statusBarItem.hoverBackground":     "#359268",
		"statusBarItem.remoteBackground":    "#f0e8f7",
		"statusBarItem.remoteForeground":    "#15202b",
		"titleBar.activeBackground":         "#42b883",
		"titleBar.activeForeground":         "#15202b",
		"titleBar.inactiveBackground":       "#42b88399",
		"titleBar.inactiveForeground":       "#15202b99",
	}
	old := baseline()
	old.Version = Version{4, 3, 4}
	assertMap(t, Derive(MustParse("#42b883"), old), want)

	// 4.4.1 adds the two active borders, the activity bar's foreground.
	want["activityBar.activeBorder"] = "#15202b"
	want["activityBarTop.activeBorder"] = "#15202b"
	assertMap(t, Derive(MustParse("#42b883"), baseline()), want)

	// With the package defaults the activity bar is lightened.
	for k, v := range map[string]string{
		"activityBar.activeBackground":    "#65c89b",
		"activityBar.background":          "#65c89b",
		"activityBarTop.activeBackground": "#65c89b",
		"activityBarTop.background":       "#65c89b",
		"sash.hoverBorder":                "#65c89b",
		"activityBarBadge.background":     "#945bc4",
		"activityBarBadge.foreground":     "#e7e7e7",
	} {
		want[k] = v
	}
	assertMap(t, Derive(MustParse("#42b883"), DefaultSettings()), want)
}

func assertMap(t *testing.T, got, want map[string]string) {
	t.Helper()
	for _, k := range SortedKeys(union(got, want)) {
		if got[k] != want[k] {
			t.Errorf("%s: got %q, want %q", k, got[k], want[k])
		}
	}
}

func TestDeriveRows(t *testing.T) {
	derive := func(color string, s Settings) map[string]string { return Derive(MustParse(color), s) }

	// Row 11: element adjustments.
	s := baseline()
	s.ActivityBarAdjustment, s.StatusBarAdjustment, s.TitleBarAdjustment = AdjustLighten, AdjustDarken, AdjustNone
	m := derive("#42b883", s)
	if m["activityBar.background"] != "#65c89b" || m["statusBar.background"] != "#359268" || m["titleBar.activeBackground"] != "#42b883" {
		t.Errorf("row 11: %v", m)
	}

	// Row 14: debugging status bar and borders.
	s = baseline()
	s.AffectDebuggingStatusBar, s.AffectStatusAndTitleBorders = true, true
	m = derive("#42b883", s)
	for k, v := range map[string]string{
		"statusBar.debuggingBackground": "#b84277",
		"statusBar.debuggingBorder":     "#b84277",
		"statusBar.debuggingForeground": "#e7e7e7",
		"statusBar.border":              "#42b883",
		"titleBar.border":               "#42b883",
	} {
		if m[k] != v {
			t.Errorf("row 14: %s = %q, want %s", k, m[k], v)
		}
	}

	// Row 17: hover is darker on light colors, lighter on dark ones.
	for color, hover := range map[string]string{"hsl(0 0.5 0.75)": "#d27979", "hsl(0 0.5 0.25)": "#862d2d"} {
		if got := derive(color, baseline())["statusBarItem.hoverBackground"]; got != hover {
			t.Errorf("row 17: hover of %s = %s, want %s", color, got, hover)
		}
	}

	// Row 18: badges.
	for color, badge := range map[string]string{
		"white": "#df9f9f", "hsl (0 0 0.25)": "#000000", "hsl (0 0 0.50)": "#70cfcf",
		"hsl (0 0 0.75)": "#7070cf", "black": "#782828", "#42b883": "#f0e8f7",
	} {
		if got := derive(color, baseline())["activityBarBadge.background"]; got != badge {
			t.Errorf("row 18: badge of %s = %s, want %s", color, got, badge)
		}
	}

	// Row 19: nothing affected, nothing written.
	s = Settings{}
	if m := derive("#42b883", s); len(m) != 0 {
		t.Errorf("row 19: %v", m)
	}

	// Alpha example (§11): #f0f0f688 with adjustments none.
	m = derive("#f0f0f688", baseline())
	for k, v := range map[string]string{
		"statusBarItem.hoverBackground": "#d0d0e388",
		"titleBar.inactiveBackground":   "#f0f0f699",
		"activityBarBadge.background":   "#c39b9b",
		"statusBar.background":          "#f0f0f688",
	} {
		if m[k] != v {
			t.Errorf("alpha: %s = %q, want %s", k, m[k], v)
		}
	}
}

func TestDeriveCursor(t *testing.T) {
	s := DefaultSettings()
	s.Cursor = true
	m := Derive(MustParse("#42b883"), s)
	if m["titleBar.activeForeground"] != "#595959" || m["commandCenter.foreground"] != "#595959" {
		t.Errorf("Cursor title foreground: %q, %q", m["titleBar.activeForeground"], m["commandCenter.foreground"])
	}
	// The inactive title foreground stays the usual one, even in Cursor.
	if m["titleBar.inactiveForeground"] != "#15202b99" || m["commandCenter.border"] != "#15202b99" {
		t.Errorf("Cursor inactive foreground: %q, %q", m["titleBar.inactiveForeground"], m["commandCenter.border"])
	}
	if m["activityBar.foreground"] != "#15202b" {
		t.Errorf("Cursor changed activityBar.foreground: %q", m["activityBar.foreground"])
	}
	s.KeepForegroundColor = true
	if _, ok := Derive(MustParse("#42b883"), s)["titleBar.activeForeground"]; ok {
		t.Error("keepForegroundColor: Cursor foreground still written")
	}
}

func TestDeriveIgnoresExcluded(t *testing.T) {
	s := DefaultSettings()
	s.ExcludedSettings = []string{"statusBar.background", "titleBar.activeForeground"}
	m := Derive(MustParse("#007fff"), s)
	if m["statusBar.background"] != "#007fff" || m["titleBar.activeForeground"] == "" {
		t.Errorf("Derive applied excludedSettings: %v", m)
	}
	if m["statusBar.foreground"] != "#e7e7e7" {
		t.Errorf("statusBar.foreground = %q", m["statusBar.foreground"])
	}
}

func TestDeriveForegroundOverrides(t *testing.T) {
	s := DefaultSettings()
	s.DarkForegroundColor = "navy"
	s.LightForegroundColor = "not a color" // Peacock: tinycolor gives black
	m := Derive(MustParse("#42b883"), s)
	if m["statusBar.foreground"] != "#000080" || m["statusBar.inactiveForeground"] != "" || m["titleBar.inactiveForeground"] != "#00008099" {
		t.Errorf("dark override: %v", m)
	}
	if m["activityBarBadge.foreground"] != "#000000" {
		t.Errorf("invalid light override: badge fg = %q, want #000000", m["activityBarBadge.foreground"])
	}
	// Spec §5.2: fg goes through tinycolor, which cannot read CSS Color 4
	// forms: Peacock writes #000000 for them.
	s.LightForegroundColor = "oklch(0.9 0.02 100)"
	s.DarkForegroundColor = "hwb(0 10% 80%)"
	m = Derive(MustParse("#42b883"), s)
	if m["statusBar.foreground"] != "#000000" || m["activityBarBadge.foreground"] != "#000000" {
		t.Errorf("CSS Color 4 overrides: statusBar.foreground %q, activityBarBadge.foreground %q, want #000000 (Peacock)",
			m["statusBar.foreground"], m["activityBarBadge.foreground"])
	}
}

// Spec §5.2: fg(x) is formatHex(tinycolor(setting)), straight from the
// setting's text, so an override whose alpha is just below 1 keeps its alpha
// byte ff (tinycolor's getAlpha() < 1), and ifg replaces the alpha with 99.
func TestDeriveForegroundAlphaNearOne(t *testing.T) {
	s := baseline()
	s.DarkForegroundColor = "rgba(1, 2, 3, 0.999)"
	s.LightForegroundColor = "hsla(0, 0%, 100%, 0.9995)"
	m := Derive(MustParse("#42b883"), s) // light: dark foreground
	if m["statusBar.foreground"] != "#010203ff" || m["titleBar.inactiveForeground"] != "#01020399" {
		t.Errorf("dark override: statusBar.foreground %q, titleBar.inactiveForeground %q, want #010203ff, #01020399",
			m["statusBar.foreground"], m["titleBar.inactiveForeground"])
	}
	m = Derive(MustParse("#1857a4"), s) // dark: light foreground
	if m["statusBar.foreground"] != "#ffffffff" || m["activityBar.inactiveForeground"] != "#ffffff99" {
		t.Errorf("light override: statusBar.foreground %q, activityBar.inactiveForeground %q, want #ffffffff, #ffffff99",
			m["statusBar.foreground"], m["activityBar.inactiveForeground"])
	}
}

// Spec §5.2: B = formatHex(tinycolor(input)) is written as is where the
// adjustment is none, so a Peacock color whose alpha rounds to ff is written
// with 8 digits; everything computed from B reads it back as opaque.
// (tinycolor2 1.6.0 / Peacock 4.3.4: "rgba(1, 2, 3, 0.999)" -> "#010203ff".)
func TestDeriveBaseAlphaNearOne(t *testing.T) {
	s := DefaultSettings() // activity bar lightened, status and title bars none
	s.AffectDebuggingStatusBar = true
	m := Derive(MustParse("rgba(1, 2, 3, 0.999)"), s)
	for k, want := range map[string]string{
		"statusBar.background":           "#010203ff",
		"titleBar.activeBackground":      "#010203ff",
		"titleBar.inactiveBackground":    "#01020399",
		"activityBar.background":         "#0e1b29",
		"sash.hoverBorder":               "#0e1b29",
		"statusBarItem.hoverBackground":  "#0e1b29",
		"statusBar.debuggingBackground":  "#030201",
		"statusBarItem.remoteBackground": "#772850",
	} {
		if m[k] != want {
			t.Errorf("%s = %q, want %q", k, m[k], want)
		}
	}
	s.StatusBarAdjustment = AdjustDarken
	s.AffectDebuggingStatusBar = false
	if got := Derive(MustParse("rgba(1, 2, 3, 0.999)"), s)["statusBar.debuggingBackground"]; got != "#000000" {
		t.Errorf("darkened status bar: debuggingBackground = %q, want #000000", got)
	}
}

func TestDeriveOnlyOwnedKeys(t *testing.T) {
	s := Settings{
		AffectActivityBar: true, AffectStatusBar: true, AffectTitleBar: true, AffectSashHover: true,
		AffectEditorGroupBorder: true, AffectPanelBorder: true, AffectSideBarBorder: true,
		AffectStatusAndTitleBorders: true, AffectDebuggingStatusBar: true, AffectTabActiveBorder: true,
		AffectTabActiveBackground: true, AffectWindowBorder: true, SquigglyBeGone: true,
	}
	m := Derive(MustParse("#42b883"), s)
	if len(m) != len(OwnedKeys()) {
		t.Errorf("all flags on: %d keys, want all %d owned keys", len(m), len(OwnedKeys()))
	}
	for k := range m {
		if !IsOwned(k) {
			t.Errorf("Derive wrote %s, which Peacock does not own", k)
		}
	}
}

func TestDeriveAccessible(t *testing.T) {
	s := DefaultSettings()
	s.Style = StyleAccessible
	c := MustParse("#42b883")
	want := MakeAccessible(Derive(c, DefaultSettings()))
	assertMap(t, Derive(c, s), want)
}

func TestLightenDarken(t *testing.T) {
	tests := []struct {
		in      string
		percent float64
		lighten string
		darken  string
	}{
		{"#42b883", 5, "#52c18f", "#3ba576"}, // spec §11 row 12
		{"#42b883", 10, "#65c89b", "#359268"},
		{"#8d8c1f", 10, "#b7b528", "#636216"}, // truncation: naive #b7b628
		{"#42b883", 0, "#42b883", "#42b883"},
		{"#42b88380", 10, "#65c89b80", "#35926880"},
		{"white", 10, "#ffffff", "#e6e6e6"},
		{"black", 10, "#1a1a1a", "#000000"},
	}
	for _, tt := range tests {
		c := MustParse(tt.in)
		if got := Lighten(c, tt.percent).Hex(); got != tt.lighten {
			t.Errorf("Lighten(%s, %v) = %s, want %s", tt.in, tt.percent, got, tt.lighten)
		}
		if got := Darken(c, tt.percent).Hex(); got != tt.darken {
			t.Errorf("Darken(%s, %v) = %s, want %s", tt.in, tt.percent, got, tt.darken)
		}
	}
	// Set SideBar Darkness Level (row 29): darken by 10, re-normalized to hex.
	c := MustParse("#42b883")
	var got []string
	for range 3 {
		c = MustParse(Darken(c, 10).Hex())
		got = append(got, c.Hex())
	}
	if want := []string{"#359268", "#276d4d", "#1a4732"}; !slices.Equal(got, want) {
		t.Errorf("darkness levels %v, want %v", got, want)
	}
}

func TestComplementTriad(t *testing.T) {
	if got := Complement(MustParse("#42b883")).Hex(); got != "#b84277" {
		t.Errorf("Complement = %s, want #b84277", got)
	}
	if got := Complement(MustParse("#42b88380")).Hex(); got != "#b8427780" {
		t.Errorf("Complement keeps alpha: %s", got)
	}
	a, b := Triad(MustParse("#ff000080"))
	if a.Hex() != "#00ff00" || b.Hex() != "#0000ff" {
		t.Errorf("Triad = %s, %s", a.Hex(), b.Hex())
	}
}

func TestHSLRoundTrip(t *testing.T) {
	h, s, l := MustParse("#42b883").HSL()
	// tinycolor("#42b883").toHsl(), exactly.
	if h != 153.05084745762713 || s != 0.4719999999999999 || l != 0.4901960784313726 {
		t.Errorf("HSL = %v %v %v", h, s, l)
	}
	if got := FromHSL(h, s, l, 1).Hex(); got != "#42b883" {
		t.Errorf("FromHSL(HSL()) = %s", got)
	}
	// l = 0.29 goes through the string "28.999999999999996%": 0.2899.
	if got, want := FromHSL(0, 0, 0.29, 1).R, 0.2899*255; got != want {
		t.Errorf("FromHSL truncation: R = %v, want %v", got, want)
	}
	if got := FromHSL(math.NaN(), 0, 0, 0.5); got != (Color{A: 0.5}) {
		t.Errorf("FromHSL(NaN) = %v", got)
	}
}

func TestRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	seen := map[string]bool{}
	for range 1000 {
		c := Random(r)
		if c.A != 1 || c.R < 0 || c.R > 255 || c.G < 0 || c.G > 255 || c.B < 0 || c.B > 255 {
			t.Fatalf("Random gave %v", raw(c))
		}
		seen[c.Hex()] = true
	}
	if len(seen) < 990 {
		t.Errorf("only %d distinct colors in 1000", len(seen))
	}
	a, b := Random(rand.New(rand.NewPCG(7, 7))), Random(rand.New(rand.NewPCG(7, 7)))
	if a != b {
		t.Error("Random is not reproducible with the same seed")
	}
}

func TestKeys(t *testing.T) {
	keys := OwnedKeys()
	if len(keys) != 39 || !slices.IsSorted(keys) {
		t.Fatalf("OwnedKeys: %d keys, sorted %v", len(keys), slices.IsSorted(keys))
	}
	keys[0] = "changed"
	if OwnedKeys()[0] == "changed" {
		t.Error("OwnedKeys returns shared storage")
	}
	for _, k := range []string{"sideBar.background", "activityBar"} {
		if IsOwned(k) {
			t.Errorf("IsOwned(%q) = true", k)
		}
	}
	if !IsOwned("window.inactiveBorder") || !IsOwned("activityBar.activeBorder") || !IsOwned("activityBarTop.activeBorder") {
		t.Error("IsOwned(window.inactiveBorder) = false")
	}
	m := map[string]string{"titleBar.border": "", "activityBarTop.background": "", "activityBar.background": "", "activityBarBadge.foreground": "", "commandCenter.border": ""}
	want := "activityBar.background activityBarBadge.foreground activityBarTop.background commandCenter.border titleBar.border"
	if got := strings.Join(SortedKeys(m), " "); got != want {
		t.Errorf("SortedKeys = %s", got)
	}
	// JavaScript compares UTF-16 code units: U+1F600 (a surrogate pair,
	// 0xD83D…) sorts before U+FF01.
	if got := SortedKeys(map[string]string{"\uff01": "", "\U0001f600": ""}); got[0] != "\U0001f600" {
		t.Errorf("SortedKeys UTF-16 order: %q", got)
	}
}

func TestLinearTable(t *testing.T) {
	for i := range 256 {
		if d := math.Abs(linearTable[i] - linear(uint8(i))); d > 1e-15 {
			t.Errorf("linearTable[%d] = %v, formula gives %v", i, linearTable[i], linear(uint8(i)))
		}
	}
}

func TestKeyCount(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	c := MustParse("#42b883")
	for range 2000 {
		s := flagSettings(r.Uint32())
		if got, want := keyCount(s), len(Derive(c, s)); got != want {
			t.Fatalf("keyCount(%+v) = %d, Derive wrote %d", s, got, want)
		}
	}
}

// On arm64 (and amd64 built with GOAMD64=v3) Go may fuse x*y+z into one
// FMA, which V8 never does; these values moved by one unit when h*360 + 120
// and the luminance sums were fused (spec §9: replicate the exact float
// operation order). Run with GOAMD64=v3 or on arm64 to exercise it.
func TestDeriveUnfused(t *testing.T) {
	s := baseline()
	if got := Derive(MustParse("#209"), s)["statusBarItem.remoteBackground"]; got != "#bf2b00" {
		t.Errorf("badge of #220099 = %s, want #bf2b00 (tinycolor2 1.6.0)", got)
	}
	c := MustParse("#80abdfbf")
	if got := Complement(c); got.G != 179.9908746252632 {
		t.Errorf("Complement(#80abdfbf).G = %v, want 179.9908746252632 (tinycolor2 1.6.0)", got.G)
	}
}

// readableAccentPlain is readableAccent without the early exit: every shade
// is measured, exactly as Peacock sorts all 16.
func readableAccentPlain(x Color) Color {
	h, s, l := x.HSL()
	h, s, l = FromHSL(jsMod(h+120, 360), s, l, 1).HSL()
	if s == 0 {
		h = 60 * math.Round(l*6)
	}
	if s < lowSaturation {
		s = accentSaturation
	}
	lx := luminance8(x)
	best, bestContrast := Color{R: 255, G: 255, B: 255, A: 1}, math.Inf(1)
	for i := range accentShades {
		c := hexRound(FromHSL(h, s, float64(i)/accentShades, 1))
		ls := luminance8(c)
		contrast := (max(ls, lx) + 0.05) / (min(ls, lx) + 0.05)
		if contrast >= badgeRatio && contrast < bestContrast {
			best, bestContrast = c, contrast
		}
	}
	return best
}

// TestReadableAccentFastPath checks the early exit in readableAccent against
// the plain search over every shade, on random and on gray colors.
func TestReadableAccentFastPath(t *testing.T) {
	check := func(r, g, b uint8) bool {
		x := Color{R: float64(r), G: float64(g), B: float64(b), A: 1}
		return readableAccent(x).Hex() == readableAccentPlain(x).Hex()
	}
	if err := quick.Check(check, &quick.Config{MaxCount: 200000}); err != nil {
		t.Error(err)
	}
	for v := range 256 {
		if !check(uint8(v), uint8(v), uint8(v)) {
			t.Errorf("gray %d: fast %s, plain %s", v, readableAccent(Color{float64(v), float64(v), float64(v), 1}).Hex(),
				readableAccentPlain(Color{float64(v), float64(v), float64(v), 1}).Hex())
		}
	}
}

// linear is WCAG 2.0's sRGB decoding of one 8-bit channel as tinycolor
// writes it, computed with Go's math.Pow: the reference linearTable is
// checked against (the two may differ only in the last bit).
func linear(v uint8) float64 {
	s := float64(v) / 255
	if s <= 0.03928 {
		return s / 12.92
	}
	return math.Pow((s+0.055)/1.055, 2.4)
}

// flagSettings sets every boolean of Settings from one bit of flags (bit 0
// AffectActivityBar … bit 15 Cursor), for random and fuzzed settings.
func flagSettings(flags uint32) Settings {
	bit := func(i int) bool { return flags&(1<<i) != 0 }
	return Settings{
		AffectActivityBar: bit(0), AffectStatusBar: bit(1), AffectTitleBar: bit(2), AffectSashHover: bit(3),
		AffectEditorGroupBorder: bit(4), AffectPanelBorder: bit(5), AffectSideBarBorder: bit(6),
		AffectStatusAndTitleBorders: bit(7), AffectDebuggingStatusBar: bit(8), AffectTabActiveBorder: bit(9),
		AffectTabActiveBackground: bit(10), AffectWindowBorder: bit(11), KeepForegroundColor: bit(12),
		KeepBadgeColor: bit(13), SquigglyBeGone: bit(14), Cursor: bit(15),
	}
}

// shadeLightness is a literal of what objectPercent gives.
func TestShadeLightness(t *testing.T) {
	for i, got := range shadeLightness {
		if want := objectPercent(float64(i) * (1.0 / accentShades)); got != want {
			t.Errorf("shadeLightness[%d] = %v, objectPercent gives %v", i, got, want)
		}
	}
}
