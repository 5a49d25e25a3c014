package workspace

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLockHolder(t *testing.T) {
	p := filepath.Join(t.TempDir(), "locks")
	table := "1: POSIX  ADVISORY  WRITE 77 08:01:5678 0 EOF\n" +
		"2: FLOCK  ADVISORY  WRITE 4242 fd:01:5678 0 EOF\n" +
		"2: -> FLOCK  ADVISORY  WRITE 99 fd:01:5678 0 EOF\n" +
		"3: FLOCK  ADVISORY  WRITE 12 103:02:5678 0 EOF\n"
	if err := os.WriteFile(p, []byte(table), 0o644); err != nil {
		t.Fatal(err)
	}
	dev := func(major, minor uint64) uint64 {
		return minor&0xff | (major&0xfff)<<8 | (minor&^uint64(0xff))<<12 | (major&^uint64(0xfff))<<32 // glibc makedev
	}
	for _, tc := range []struct {
		dev, ino uint64
		want     int
	}{
		{dev(0xfd, 1), 5678, 4242},
		{dev(0x103, 2), 5678, 12},
		{dev(8, 1), 5678, 0}, // a POSIX lock is not ours
		{dev(0xfd, 1), 5679, 0},
	} {
		if got := lockHolder(p, tc.dev, tc.ino); got != tc.want {
			t.Errorf("lockHolder(%x, %d) = %d, want %d", tc.dev, tc.ino, got, tc.want)
		}
	}
}
