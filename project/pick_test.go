package project

import (
	"math/rand/v2"
	"testing"

	"github.com/peacock-cli/peacock/palette"
)

func TestHarmonySuggestions(t *testing.T) {
	base := palette.MustParse("#42b883")
	got := harmonySuggestions(base)
	seen := map[string]string{}
	labels := map[string]string{}
	for _, s := range got {
		if s.Source != SuggestHarmony || s.Detail != "#42b883" {
			t.Errorf("%+v: want source harmony, detail #42b883", s)
		}
		if s.Choice.Text == "#42b883" {
			t.Errorf("%+v: the base itself is offered", s)
		}
		// The one color offered twice: the complementary is also the
		// tetradic's second.
		if first, ok := seen[s.Choice.Text]; ok && (first != "complementary" || s.Label != "tetradic 2") {
			t.Errorf("%s offered twice: %s and %s", s.Choice.Text, first, s.Label)
		}
		seen[s.Choice.Text] = s.Label
		labels[s.Label] = s.Choice.Text
		// What is stored is what is previewed: Color is Text parsed.
		if c := palette.MustParse(s.Choice.Text); c != s.Choice.Color {
			t.Errorf("%+v: Color is not Text parsed (%+v)", s, c)
		}
	}
	if got[0].Label != "complementary" || got[0].Choice.Text != palette.Harmony(base, palette.Complementary)[1].Hex6() {
		t.Errorf("first = %+v, want the complementary", got[0])
	}
	// Each scheme is whole: the tetradic square has its three colors, in
	// order, the second being the complementary.
	tetradic := palette.Harmony(base, palette.Tetradic)
	for i, label := range []string{"tetradic 1", "tetradic 2", "tetradic 3"} {
		if labels[label] != tetradic[i+1].Hex6() {
			t.Errorf("%s = %q, want %s", label, labels[label], tetradic[i+1].Hex6())
		}
	}
	if labels["tetradic 2"] != labels["complementary"] {
		t.Errorf("tetradic 2 %s is not the complementary %s", labels["tetradic 2"], labels["complementary"])
	}
}

func TestSuggestions(t *testing.T) {
	p := testProject(t, map[string]string{
		"home/.config/Code/User/settings.json": `{"peacock.favoriteColors": [{"name": "Mine", "value": "#123456"}, {"name": "Broken", "value": "nope"}, {"name": "Mauve", "value": "#cba6f7"}]}`,
		"w.code-workspace":                     `{"settings": {"peacock.color": "#42b883"}}`,
	}, Options{})
	got, err := p.Suggestions(SuggestOptions{Identity: "git@github.com:O/R.git", Rand: rand.New(rand.NewPCG(1, 2))})
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	count := map[string]int{}
	for _, s := range got {
		if len(order) == 0 || order[len(order)-1] != s.Source {
			order = append(order, s.Source)
		}
		count[s.Source]++
		if s.Label == "Broken" {
			t.Errorf("an unparsable favorite is offered: %+v", s)
		}
		if s.Source == SuggestTheme && s.Label == "Mauve" {
			t.Errorf("catppuccin's Mauve repeats the favorite of that name and value")
		}
		if s.Source == SuggestHarmony && s.Detail != "#42b883" {
			t.Errorf("harmony around %s, want the stored #42b883", s.Detail)
		}
		if s.Source == SuggestIdentity {
			want := palette.IdentityColor("github.com/o/r").Hex6()
			if s.Detail != "github.com/o/r" || s.Choice.Text != want {
				t.Errorf("identity = %+v, want %s of github.com/o/r", s, want)
			}
		}
	}
	want := []string{SuggestFavorite, SuggestHarmony, SuggestIdentity, SuggestRandom, SuggestTheme}
	if len(order) != len(want) {
		t.Fatalf("order = %v, want %v", order, want)
	}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("order = %v, want %v", order, want)
		}
	}
	if count[SuggestFavorite] != 2 || count[SuggestIdentity] != 1 || count[SuggestRandom] != 1 {
		t.Errorf("counts = %v", count)
	}

	// No stored color: the harmonies go around the identity color; no
	// identity and no randomness: neither is offered.
	p = testProject(t, nil, Options{})
	got, err = p.Suggestions(SuggestOptions{Identity: "proj"})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range got {
		if s.Source == SuggestHarmony && s.Detail != palette.IdentityColor("proj").Hex6() {
			t.Fatalf("harmony around %s, want the identity color", s.Detail)
		}
		if s.Source == SuggestRandom {
			t.Fatalf("a random color without Rand")
		}
	}
	got, err = p.Suggestions(SuggestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range got {
		if s.Source == SuggestHarmony || s.Source == SuggestIdentity {
			t.Fatalf("%+v offered with no color and no identity", s)
		}
	}
}
