package coder

import "testing"

// TestCompanion: a `companion` phrase of grammar right after a leader ("cùng Phu nhân", "偕夫人") belongs to the
// leader's phrase, so a pattern whose source must stand right before its verb still reads the leader; words of no
// such phrase in its place keep the slot apart.
func TestCompanion(t *testing.T) {
	c := newTestCoder(t)
	actors := loadTestActors(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"vi", "Macron cùng Phu nhân đã tới Nhật Bản.", "042 FRAGOV JPN"},
		{"vi", "Macron và Phu nhân đã tới Nhật Bản.", "042 FRAGOV JPN"},
		{"vi", "Macron đã tới Nhật Bản.", "042 FRAGOV JPN"},
		{"vi", "Macron cùng các cố vấn đã tới Nhật Bản.", ""},
		{"zh", "法国总统马克龙偕夫人抵达东京，开始对日本进行国事访问。", "042 FRAGOV JPN"},
	} {
		got := codedAs(c, actors, tc.lang, tc.text, codeSourceTarget)
		if got != tc.want {
			t.Errorf("%s: events %q, want %q", tc.text, got, tc.want)
		}
	}
}
