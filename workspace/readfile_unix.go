//go:build unix

package workspace

import (
	"os"
	"syscall"
)

// openNonBlocking opens path for reading without blocking: opening a FIFO
// with no writer, or some devices, would otherwise wait forever. The
// caller checks the type of what it opened.
//
// The descriptor is put back in blocking mode before it becomes an
// *os.File: os.OpenFile would register a non-blocking descriptor with the
// runtime's poller, which sets the poller up (epoll_create1, eventfd,
// epoll_ctl on Linux) in a process that only reads a small regular file,
// where the poller does nothing (epoll refuses regular files). A regular
// file reads the same either way, and the callers read nothing else.
func openNonBlocking(path string) (*os.File, error) {
	fd, err := openNoPoll(path, syscall.O_RDONLY)
	if err != nil {
		return nil, err
	}
	// Should fcntl fail, NewFile makes a pollable file, as OpenFile did.
	_ = syscall.SetNonblock(fd, false)
	return os.NewFile(uintptr(fd), path), nil
}

// openWriteOnly opens path for writing, and closes it, to check that it
// may be written.
func openWriteOnly(path string) error {
	fd, err := openNoPoll(path, syscall.O_WRONLY)
	if err != nil {
		return err
	}
	syscall.Close(fd)
	return nil
}

// openNoPoll opens path with mode (O_RDONLY or O_WRONLY), non-blocking,
// without making it the controlling terminal, close-on-exec: what
// os.OpenFile does (retrying when interrupted, with the same error), but
// without registering the descriptor with the poller.
func openNoPoll(path string, mode int) (int, error) {
	for {
		fd, err := syscall.Open(path, mode|syscall.O_NONBLOCK|syscall.O_NOCTTY|syscall.O_CLOEXEC, 0)
		if err == nil {
			return fd, nil
		}
		if err != syscall.EINTR {
			return -1, &os.PathError{Op: "open", Path: path, Err: err}
		}
	}
}
