package sha256

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"testing"
)

// TestSum256 compares Sum256 with crypto/sha256 on every length across
// several blocks (each padding case: the length field fitting in the last
// block or needing one more) and on random messages.
func TestSum256(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 300 {
		for range 3 {
			data := make([]byte, n)
			for i := range data {
				data[i] = byte(r.Uint32())
			}
			if got, want := Sum256(data), sha256.Sum256(data); got != want {
				t.Fatalf("Sum256 of %d bytes %x = %x, want %x", n, data, got, want)
			}
		}
	}
	for range 200 {
		data := make([]byte, r.IntN(5000))
		for i := range data {
			data[i] = byte(r.Uint32())
		}
		if got, want := Sum256(data), sha256.Sum256(data); got != want {
			t.Fatalf("Sum256 of %d bytes = %x, want %x", len(data), got, want)
		}
	}
}

// TestSum256Vectors checks the FIPS 180-4 examples.
func TestSum256Vectors(t *testing.T) {
	for in, want := range map[string]string{
		"":    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"abc": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
		"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq": "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
	} {
		got := Sum256([]byte(in))
		if hex.EncodeToString(got[:]) != want {
			t.Errorf("Sum256(%q) = %x, want %s", in, got, want)
		}
	}
}

func FuzzSum256(f *testing.F) {
	f.Add([]byte("peacock-identity-v1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if got, want := Sum256(data), sha256.Sum256(data); got != want {
			t.Fatalf("Sum256(%x) = %x, want %x", data, got, want)
		}
	})
}
