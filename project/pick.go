package project

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/themes"
)

// Suggestion sources: where a color the picker offers comes from.
const (
	SuggestFavorite = "favorite" // the user's favorites, or Peacock's starter set
	SuggestHarmony  = "harmony"  // a harmony scheme around the current color
	SuggestIdentity = "identity" // the project's identity color
	SuggestRandom   = "random"   // a uniform RGB color, as "Surprise me"
	SuggestTheme    = "theme"    // a theme color
)

// Suggestion is one color the picker offers.
type Suggestion struct {
	// Label names the color in a menu: the favorite's or theme color's
	// name, the scheme and position ("triadic 2"), "identity" or "random".
	Label string
	// Source is one of the Suggest* constants, and Detail says more: the
	// favorite's source, the theme's name, the harmony's base color, the
	// identity string.
	Source, Detail string
	// Choice is what Set stores when the suggestion is chosen.
	Choice Choice
}

// SuggestOptions tells Suggestions what to offer beyond the favorites and
// themes.
type SuggestOptions struct {
	// Remote picks the stored color the harmonies are built around:
	// peacock.remoteColor, falling back to peacock.color (see StoredColor).
	Remote bool
	// Identity is the project's identity (see NormalizeIdentity): a remote
	// URL or folder name, which the caller finds; "" offers no identity
	// color and, when no color is stored, no harmonies.
	Identity string
	// Rand draws the random suggestion; nil offers none.
	Rand *rand.Rand
}

// Suggestions lists the colors a picker offers, in this order: the
// favorites (see Favorites); the harmony schemes around the stored color,
// or around the identity color when none is stored (see harmonySuggestions);
// the identity color; one random color; then every theme color that is not
// already listed as a favorite of the same name and value. A favorite with
// a value that cannot be parsed is left out.
func (p *Project) Suggestions(so SuggestOptions) ([]Suggestion, error) {
	favs, err := p.Favorites()
	if err != nil {
		return nil, err
	}
	var out []Suggestion
	seen := map[string]bool{} // theme key + value of each favorite
	for _, f := range favs {
		c, err := palette.Parse(f.Value)
		if err != nil {
			continue
		}
		seen[themes.Key(f.Name)+"\x00"+strings.ToLower(f.Value)] = true
		out = append(out, Suggestion{
			Label: f.Name, Source: SuggestFavorite, Detail: f.Source,
			Choice: Choice{Text: f.Value, Color: c, Favorite: f.Name},
		})
	}

	doc, err := p.Read()
	if err != nil {
		return nil, err
	}
	var identity palette.Color
	if so.Identity != "" {
		identity = palette.IdentityColor(NormalizeIdentity(so.Identity))
	}
	if text, _ := p.StoredColor(doc, so.Remote); text != "" {
		if base, err := palette.Parse(text); err == nil {
			out = append(out, harmonySuggestions(base)...)
		}
	} else if so.Identity != "" {
		out = append(out, harmonySuggestions(identity)...)
	}
	if so.Identity != "" {
		out = append(out, Suggestion{
			Label: "identity", Source: SuggestIdentity, Detail: NormalizeIdentity(so.Identity),
			Choice: hexChoice(identity),
		})
	}
	if so.Rand != nil {
		out = append(out, Suggestion{Label: "random", Source: SuggestRandom, Choice: hexChoice(palette.Random(so.Rand))})
	}

	all, err := p.Themes()
	if err != nil {
		return nil, err
	}
	for _, t := range all {
		for _, tc := range t.Colors {
			if seen[themes.Key(tc.Name)+"\x00"+strings.ToLower(tc.Value)] {
				continue
			}
			c, err := palette.Parse(tc.Value)
			if err != nil {
				continue
			}
			out = append(out, Suggestion{
				Label: tc.Name, Source: SuggestTheme, Detail: t.Name,
				Choice: Choice{Text: tc.Value, Color: c, Favorite: tc.Name, Theme: t.Name},
			})
		}
	}
	return out, nil
}

// harmonySuggestions returns the colors of every harmony scheme around
// base (palette.Schemes, in order), without base itself, each labelled with
// its scheme and, where the scheme has several, its position ("triadic
// 2"). Each scheme is listed whole, so that "tetradic 1, 2, 3" reads as the
// square it is: its second is also the complementary, listed under both.
// A color a scheme repeats (a monochromatic shade that rounds to another)
// is listed once. Choice.Text is the color as "#rrggbb".
func harmonySuggestions(base palette.Color) []Suggestion {
	var out []Suggestion
	for _, s := range palette.Schemes() {
		colors := palette.Harmony(base, s)[1:]
		seen := map[string]bool{base.Hex6(): true}
		for i, c := range colors {
			hex := c.Hex6()
			if seen[hex] {
				continue
			}
			seen[hex] = true
			label := string(s)
			if len(colors) > 1 {
				label = fmt.Sprintf("%s %d", s, i+1)
			}
			out = append(out, Suggestion{
				Label: label, Source: SuggestHarmony, Detail: base.Hex6(),
				Choice: hexChoice(c),
			})
		}
	}
	return out
}

// hexChoice is c as the "#rrggbb" text to store, and that text parsed, so
// that what is derived now is what the file will hold (c may have
// unrounded channels).
func hexChoice(c palette.Color) Choice {
	hex := c.Hex6()
	return Choice{Text: hex, Color: palette.MustParse(hex)}
}
