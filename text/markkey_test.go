package text

import "testing"

func TestMarkKey(t *testing.T) {
	same := [][2]string{
		{"hòa bình", "hoà bình"},
		{"Thủy", "thuỷ"},
		{"Công Nhân", "công nhân"},
		{"l’État", "l'état"},
	}
	for _, c := range same {
		if a, b := MarkKey(c[0]), MarkKey(c[1]); a != b {
			t.Errorf("MarkKey(%q) = %q, MarkKey(%q) = %q: want one key", c[0], a, c[1], b)
		}
	}
	differ := [][2]string{
		{"công nhận", "công nhân"},
		{"đang", "đảng"},
		{"thăm", "tham"},
		{"đảng", "dang"},
	}
	for _, c := range differ {
		if MarkKey(c[0]) == MarkKey(c[1]) {
			t.Errorf("MarkKey(%q) = MarkKey(%q) = %q: want two keys", c[0], c[1], MarkKey(c[0]))
		}
	}
}
