package textpos

import "testing"

func TestLineCol(t *testing.T) {
	src := []byte("ab\r\né✓x\n\nend")
	tests := []struct {
		off, line, col int
	}{
		{-3, 1, 1}, {0, 1, 1}, {2, 1, 3}, {3, 1, 4}, // the \r is on line 1
		{4, 2, 1}, {6, 2, 2}, {9, 2, 3}, {10, 2, 4}, // é is 2 bytes, ✓ 3
		{11, 3, 1}, {12, 4, 1}, {15, 4, 4}, {99, 4, 4},
	}
	for _, tt := range tests {
		if l, c := LineCol(src, tt.off); l != tt.line || c != tt.col {
			t.Errorf("LineCol(%d) = %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
	}
}
