package workspace

import "syscall"

// mkCharDevice makes a character device like /dev/null (1, 3) at path.
func mkCharDevice(path string) error {
	return syscall.Mknod(path, syscall.S_IFCHR|0o666, 1<<8|3)
}
