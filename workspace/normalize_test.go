package workspace

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"testing"
)

// normalizeJSON is normalize through encoding/json only, the reference.
func normalizeJSON(v any) (any, error) {
	b, err := marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var out any
	if err := dec.Decode(&out); err != nil {
		return nil, err
	}
	return out, nil
}

type namedString string

func TestNormalizeMatchesEncodingJSON(t *testing.T) {
	strs := []string{"", "#42b883", "é", "\xff", "a\xc3", "\xed\xa0\x80", "\xef\xbf\xbd", "\u2028<&>", "\x00\x1f\"\\", "\xf4\x90\x80\x80"}
	floats := []float64{0, math.Copysign(0, -1), 1, -1, 2.5, 0.1, 1e-6, math.Nextafter(1e-6, 0), -1e-6, 1e20,
		math.Nextafter(1e21, 0), 1e21, -1e21, 123456789.125, math.MaxFloat64, math.SmallestNonzeroFloat64,
		math.Inf(1), math.Inf(-1), math.NaN(), 1 << 53, 1<<53 + 2}
	var values []any
	for _, s := range strs {
		values = append(values, s)
	}
	for _, f := range floats {
		values = append(values, f)
	}
	values = append(values, nil, true, false,
		0, -1, math.MaxInt64, math.MinInt64, int8(-128), int16(300), int32(-7), int64(9), uint(7), uint8(255), uint16(65535),
		uint32(math.MaxUint32), uint64(math.MaxUint64), float32(0.1), json.Number("1.50"), json.Number(""), namedString("x"),
		[]string(nil), []string{}, []string{"a", "\xff"}, []any(nil), []any{}, []any{1, "b", nil, []any{true}},
		map[string]any(nil), map[string]any{}, map[string]string(nil), map[string]string{"b": "\xfe", "a": "1"},
		map[string]any{"color": "#42b883", "path": "/home/user/project"},
		map[string]any{"\xff": 1, "\xfe": 2}, map[string]string{"\xff": "a", "\xfe": "b"},
		map[string]any{"n": math.NaN()}, []any{math.Inf(1)}, []any{func() {}},
		[]map[string]string{{"name": "Angular Red", "value": "#dd0531"}},
		map[string]any{"a": map[string]any{"b": []any{map[string]any{"c": 1.5}}}},
	)
	deep := any("x")
	for range 40 {
		deep = []any{deep}
	}
	values = append(values, deep)
	for _, v := range values {
		got, gerr := normalize(v)
		want, werr := normalizeJSON(v)
		if (gerr != nil) != (werr != nil) || gerr != nil && gerr.Error() != werr.Error() {
			t.Errorf("normalize(%#v): error %v, encoding/json gives %v", v, gerr, werr)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("normalize(%#v) = %#v, encoding/json gives %#v", v, got, want)
		}
	}
}

// The values of `peacock set` skip encoding/json.
func TestNormalizeSimple(t *testing.T) {
	for _, v := range []any{"#42b883", map[string]any{"color": "#42b883", "path": "/p"}, []any{map[string]any{"name": "n", "value": "#fff"}}, 7, 2.5, true, nil} {
		if _, ok := normalizeSimple(v, 0); !ok {
			t.Errorf("normalizeSimple(%#v) takes the long way", v)
		}
	}
}

func FuzzNormalizeString(f *testing.F) {
	f.Add("#42b883", 1.5, int64(3))
	f.Add("\xff\xed\xa0\x80", 1e-7, int64(-1))
	f.Fuzz(func(t *testing.T, s string, x float64, n int64) {
		for _, v := range []any{s, x, n, []string{s}, map[string]any{s: x, "n": n}} {
			got, gerr := normalize(v)
			want, werr := normalizeJSON(v)
			if (gerr != nil) != (werr != nil) || !reflect.DeepEqual(got, want) {
				t.Errorf("normalize(%#v) = %#v, %v; encoding/json gives %#v, %v", v, got, gerr, want, werr)
			}
		}
	})
}
