// Package cmdline is peacock's command-line layer: a command tree, flags,
// help, errors and shell completion, with the subset of spf13/cobra's API
// (and spf13/pflag's parsing rules) that peacock uses, so that the
// commands read as cobra commands do.
//
// It replaces cobra for start-up time. cobra's flag library imports the
// net package (for IP-address flags), whose initialization every run paid
// and which, on a machine with a C compiler, makes `go install` link libc
// dynamically; cobra itself brings text/template. With cobra, `peacock
// set` on a small file started in 1.47x-1.56x the time of a hello-world Go
// program (static build) or 2.0x-2.09x (with cgo); with this package,
// 1.35x-1.40x either way (bench/startup.sh).
//
// The completion scripts are cobra's (v1.10.2, Apache License 2.0, see
// LICENSE-cobra), byte for byte, so they talk to the program through the
// same hidden __complete command. cobra_diff_test.go runs the same command
// tree in both on 149 command lines and 174 completion requests and wants
// the same runs, errors and output. What differs from cobra: no aliases,
// command groups, flag groups, required flags, deprecation, prefix
// matching, Traverse or "Additional help topics"; help uses cobra's
// default layout without templates; __complete must come first on the
// command line, runs no PersistentPreRunE, and reports errors on the
// command's error output; the usage that `help UNKNOWN` prints lists -h
// and -v; a flag completion registered on a command applies to it and the
// commands below it.
package cmdline
