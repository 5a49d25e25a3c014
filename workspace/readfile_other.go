//go:build !unix

package workspace

import "os"

// openNonBlocking opens path for reading; the caller checks the type of
// what it opened.
func openNonBlocking(path string) (*os.File, error) {
	return os.Open(path)
}

// openWriteOnly opens path for writing, and closes it, to check that it
// may be written.
func openWriteOnly(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	f.Close()
	return nil
}
