package source

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// TotalSize returns the bytes of the files that Open(paths) reads (files, folders walked as Open walks them,
// globs), for progress reports; ok is false when the total cannot be known beforehand (stdin, a URL).
// Paths that cannot be read count for nothing: Open reports them.
func TotalSize(paths []string) (total int64, ok bool) {
	for _, p := range paths {
		if p == "-" || isURL(p) {
			return 0, false
		}
		ms := []string{p}
		if strings.ContainsAny(p, "*?[") {
			if _, err := os.Lstat(p); err != nil {
				ms, _ = filepath.Glob(p)
			}
		}
		for _, q := range ms {
			st, err := os.Stat(q)
			if err != nil {
				continue
			}
			if !st.IsDir() {
				total += st.Size()
				continue
			}
			filepath.WalkDir(q, func(r string, d fs.DirEntry, err error) error {
				if err != nil {
					return nil
				}
				if r != q && strings.HasPrefix(d.Name(), ".") {
					if d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				if d.IsDir() || skipKind(r) != "" {
					return nil
				}
				if info, err := os.Stat(r); err == nil && info.Mode().IsRegular() {
					total += info.Size()
				}
				return nil
			})
		}
	}
	return total, true
}

// FileOf returns the path of the file a document's URI names ("a.jsonl#12" -> "a.jsonl", "a.warc.gz#3"
// -> "a.warc.gz"), or the URI.
func FileOf(uri string) string {
	if i := strings.LastIndexByte(uri, '#'); i > 0 {
		return uri[:i]
	}
	return uri
}
