// Package textpos turns byte offsets into the line and column positions
// that peacock's error messages give, one rule for every file it reads.
package textpos
