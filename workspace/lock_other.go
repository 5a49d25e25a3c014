//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package workspace

// lock uses a lock file where flock(2) is not available.
func lock(dir, file string) (func(), error) { return lockFile(dir, file) }

// syncDir does nothing where directories cannot be synced.
func syncDir(string) {}
