//go:build !unix && !windows

package cli

import "os"

func enableVT(*os.File) bool { return true }

func termWidth(*os.File) int { return 0 }
