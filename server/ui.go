package server

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"
	"unicode/utf8"
)

// ui holds our own dashboard files (ui/static) and, when ui/build.sh has run, the npm files (ui/vendor).
//
//go:embed ui/static ui/vendor
var ui embed.FS

//go:embed openapi.json
var openapiJSON []byte

func uiHandler() http.Handler {
	static, _ := fs.Sub(ui, "ui/static")
	vendor, _ := fs.Sub(ui, "ui/vendor")
	files := http.FileServerFS(static)
	vendorFiles := http.StripPrefix("/vendor/", http.FileServerFS(vendor))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		p := r.URL.Path
		// No directory listings, and no path the file system cannot name (invalid UTF-8 made a 500).
		if (strings.HasSuffix(p, "/") && p != "/") || !utf8.ValidString(p) || strings.ContainsRune(p, 0) {
			http.NotFound(w, r)
			return
		}
		switch {
		case strings.HasPrefix(p, "/vendor/"):
			if strings.HasSuffix(p, ".md") {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Cache-Control", "public, max-age=86400")
			vendorFiles.ServeHTTP(w, r)
		case p == "/" || p == "/index.html":
			w.Header().Set("Cache-Control", "no-cache")
			http.ServeFileFS(w, r, static, "index.html")
		default:
			w.Header().Set("Cache-Control", "no-cache")
			files.ServeHTTP(w, r)
		}
	})
}

// VendorFiles lists the npm files embedded in this build (empty when ui/build.sh has not run).
func VendorFiles() []string {
	var out []string
	_ = fs.WalkDir(ui, "ui/vendor", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".md") {
			out = append(out, strings.TrimPrefix(p, "ui/vendor/"))
		}
		return nil
	})
	return out
}

func (s *server) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(openapiJSON)
}
