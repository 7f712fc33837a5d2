package geo_test

import "testing"

// TestRound24c checks round twenty-four's rules for Chinese, Vietnamese and Russian place names (docs/geo.md, our
// own sentences): a district of a Vietnamese city written with its unit word is the city; longer city words
// ("thành phố biển"); and, with geo24a's `nation` phrases, a sentence that names no place in its country.
func TestRound24c(t *testing.T) {
	p := loadPipe(t)
	for _, tt := range []struct {
		lang, text string
		place      string // a GeoNames id, a region's code, a country's alpha-3 code (precision country), or "" for none
	}{
		{"vi", "Một vụ nổ khí gas xảy ra tại căn nhà trên phố Đội Cấn, quận Ba Đình.", "1581130"},
		{"vi", "Hai xe tải va chạm trên đường Phạm Văn Đồng, quận Gò Vấp.", "1566083"},
		{"vi", "Giải đua thuyền đã diễn ra tại thành phố biển Quy Nhơn.", "1568574"},
		{"vi", "Giá xăng trên toàn quốc tăng mạnh từ chiều nay.", "VNM"},
		{"zh", "全国各地民众排起长队。", "CHN"},
		{"ru", "Акции протеста прошли по всей стране.", "RUS"},
		// traps: a district name that is also another city's (Guangzhou's Haizhu); a place the sentence names
		{"vi", "Người dân ở quận Hải Châu, thành phố Quảng Châu, đã biểu tình.", "1809858"},
		{"vi", "Cử tri trên cả nước theo dõi cuộc bầu cử tại Lào.", "LAO"},
	} {
		checkSentencePlace(t, p, "round24c", tt.lang, tt.text, tt.place)
	}
}
