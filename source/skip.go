package source

import (
	"bytes"
	"path/filepath"
	"strings"
)

// skipExts are the extensions of files that dyad does not read, with the kind named in the skip reason. A
// folder walk passes them over without opening them; a file named on its own is still tried.
var skipExts = map[string]string{}

func init() {
	for kind, exts := range map[string]string{
		"image":           ".jpg .jpeg .png .gif .webp .bmp .tif .tiff .ico .svg .heic .avif",
		"PDF":             ".pdf",
		"document":        ".doc .docx .odt .rtf .xls .xlsx .ods .ppt .pptx .odp .epub",
		"archive":         ".zip .tar .gz .tgz .bz2 .xz .zst .7z .rar .lz4 .br",
		"audio":           ".mp3 .wav .ogg .oga .flac .m4a .aac .opus",
		"video":           ".mp4 .m4v .mov .avi .mkv .webm .flv .wmv",
		"font":            ".woff .woff2 .ttf .otf .eot",
		"program":         ".exe .dll .so .dylib .bin .class .jar .wasm .o .a",
		"database":        ".db .sqlite .sqlite3 .parquet",
		"style or script": ".css .js .mjs .map",
		"source code":     ".go .py .rb .java .c .h .cc .cpp .hpp .rs .ts .tsx .sh .bash .pl .php .swift .kt .scala .sql .lua .r",
		"configuration":   ".yaml .yml .toml .ini .cfg .conf .lock .mod .sum",
	} {
		for _, e := range strings.Fields(exts) {
			skipExts[e] = kind
		}
	}
}

// skipKind returns why a file met in a folder walk is passed over by its name alone ("image file (.png)"),
// or "" when it should be read.
func skipKind(name string) string {
	if claimedExt(name) {
		return "" // .warc.gz is an archive that we read
	}
	ext := strings.ToLower(filepath.Ext(name))
	if kind, ok := skipExts[ext]; ok {
		return kind + " file (" + ext + ")"
	}
	return ""
}

// signatures are the leading bytes of binary kinds that may not show a NUL byte early (a PDF header is
// text); weak ones such as "BM" (BMP), which a text can start with, are left out.
var signatures = []struct{ magic, kind string }{
	{"%PDF-", "PDF"}, {"\x89PNG\r\n\x1a\n", "PNG image"}, {"\xFF\xD8\xFF", "JPEG image"},
	{"GIF87a", "GIF image"}, {"GIF89a", "GIF image"}, {"PK\x03\x04", "ZIP archive"},
	{"\x1F\x8B\x08", "gzip archive"}, {"Rar!\x1A\x07", "RAR archive"}, {"7z\xBC\xAF\x27\x1C", "7z archive"},
	{"\xFD7zXZ\x00", "xz archive"}, {"\x28\xB5\x2F\xFD", "zstd archive"}, {"\x7FELF", "program"},
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "Office document"}, {"wOFF", "font"}, {"wOF2", "font"},
}

// binaryKind names the kind of content with a known binary signature, or returns "".
func binaryKind(head []byte) string {
	for _, s := range signatures {
		if bytes.HasPrefix(head, []byte(s.magic)) {
			return s.kind
		}
	}
	return ""
}
