package workspace

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// flockHolder returns the id of the process holding a flock on the file
// open as f, read from /proc/locks, or 0 when it cannot be told (as in
// another PID namespace, where /proc/locks may show no or other ids).
func flockHolder(f *os.File) int {
	var st syscall.Stat_t
	if err := syscall.Fstat(int(f.Fd()), &st); err != nil {
		return 0
	}
	return lockHolder("/proc/locks", uint64(st.Dev), uint64(st.Ino))
}

// lockHolder finds in the /proc/locks table at path the holder of a FLOCK
// on the file with device dev (in the stat encoding) and inode ino. Lines
// read "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF", with "->" after
// the number for a waiter; the device is major:minor in hex.
func lockHolder(path string, dev, ino uint64) int {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	major := (dev>>8)&0xfff | (dev>>32)&^uint64(0xfff)
	minor := dev&0xff | (dev>>12)&^uint64(0xff)
	s := bufio.NewScanner(f)
	for s.Scan() {
		fields := strings.Fields(s.Text())
		if len(fields) < 6 || fields[1] == "->" || fields[1] != "FLOCK" {
			continue
		}
		id := strings.Split(fields[5], ":")
		if len(id) != 3 {
			continue
		}
		ma, err1 := strconv.ParseUint(id[0], 16, 64)
		mi, err2 := strconv.ParseUint(id[1], 16, 64)
		in, err3 := strconv.ParseUint(id[2], 10, 64)
		if err1 != nil || err2 != nil || err3 != nil || ma != major || mi != minor || in != ino {
			continue
		}
		if pid, err := strconv.Atoi(fields[4]); err == nil && pid > 0 {
			return pid
		}
	}
	return 0
}
