package source

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// toUTF8 returns b as valid UTF-8 without a BOM. declared is a charset label stated by the input itself (an
// HTML meta charset), or "". Without a declaration, text that is not UTF-8 is decoded by the charset the
// detector (ICU's, in gogs/chardet) names with confidence, or read as Windows-1252 when that is clearly safe
// (see latin1Safe); otherwise the result is ErrInvalidUTF8. Damaged UTF-8 (valid multi-byte sequences among
// invalid bytes) is never decoded as something else.
func toUTF8(b []byte, declared string) ([]byte, error) {
	if hasUTF16BOM(b) {
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.UseBOM), b, "UTF-16")
	}
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	if utf8.Valid(b) {
		return b, nil
	}
	if declared != "" {
		if enc, err := htmlindex.Get(declared); err == nil && enc != unicode.UTF8 {
			return decodeWith(enc, b, declared)
		}
	}
	if enc, name := detect(b); enc != nil {
		return decodeWith(enc, b, name)
	}
	if latin1Safe(b) {
		return decodeWith(charmap.Windows1252, b, "Windows-1252")
	}
	return nil, invalidAt(b)
}

// minConfidence is the detector's confidence (0-100) below which its guess is not used. Legacy news in
// French, English, German and Spanish scores 48-98; damaged UTF-8 and stray bytes score 20-35.
const minConfidence = 40

// detect names the legacy charset of b, which is not valid UTF-8, when the detector is confident of it.
func detect(b []byte) (encoding.Encoding, string) {
	if hasMultiByteUTF8(b) || !isolatedHighBytes(b) {
		return nil, ""
	}
	// The first 64 kB tell the charset as well as the whole, and the detector runs 30 recognisers over it.
	r, err := chardet.NewTextDetector().DetectBest(b[:min(len(b), 64<<10)])
	if err != nil || r.Confidence < minConfidence {
		return nil, ""
	}
	enc, err := htmlindex.Get(r.Charset)
	if err != nil || enc == unicode.UTF8 {
		return nil, ""
	}
	return enc, r.Charset
}

// isolatedHighBytes reports whether at least 80% of the bytes above 0x7F stand alone, between ASCII bytes
// (a no-break space 0xA0 counts as ASCII): a legacy charset spells one letter or sign with one byte, while
// broken UTF-8 leaves runs of them.
func isolatedHighBytes(b []byte) bool {
	high := func(i int) bool { return i >= 0 && i < len(b) && b[i] >= 0x80 && b[i] != 0xA0 }
	n, alone := 0, 0
	for i := range b {
		if !high(i) {
			continue
		}
		n++
		if !high(i-1) && !high(i+1) {
			alone++
		}
	}
	return n > 0 && alone*10 >= n*8
}

// hasMultiByteUTF8 reports whether b holds a valid UTF-8 sequence of more than one byte: text that is partly
// UTF-8 is damaged UTF-8, not a legacy charset.
func hasMultiByteUTF8(b []byte) bool {
	for i := 0; i < len(b); i++ {
		if b[i] < 0x80 {
			continue
		}
		if r, n := utf8.DecodeRune(b[i:]); r != utf8.RuneError && n > 1 {
			return true
		}
	}
	return false
}

func decodeWith(enc encoding.Encoding, b []byte, name string) ([]byte, error) {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return nil, fmt.Errorf("decode as %s: %w", name, err)
	}
	if !utf8.Valid(out) {
		return nil, fmt.Errorf("decode as %s: %w", name, ErrInvalidUTF8)
	}
	return out, nil
}

// invalidAt names the byte offset of the first invalid UTF-8 sequence.
func invalidAt(b []byte) error {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return fmt.Errorf("%w (first bad byte 0x%02X at offset %d)", ErrInvalidUTF8, b[i], i)
		}
		i += n
	}
	return ErrInvalidUTF8
}

// latin1Safe reports whether b, which is not valid UTF-8, reads safely as Latin-1/Windows-1252: it holds no
// valid multi-byte UTF-8 sequence (so it is not damaged UTF-8), few high bytes, and nearly every high byte
// sits next to an ASCII letter, as accented letters inside words do.
func latin1Safe(b []byte) bool {
	high, inWord := 0, 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c < 0x80 {
			continue
		}
		if r, n := utf8.DecodeRune(b[i:]); r != utf8.RuneError && n > 1 {
			return false
		}
		if c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D {
			return false // undefined in Windows-1252
		}
		high++
		if (i > 0 && isASCIILetter(b[i-1])) || (i+1 < len(b) && isASCIILetter(b[i+1])) {
			inWord++
		}
	}
	return high > 0 && high*10 <= len(b) && inWord*10 >= high*9
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }
