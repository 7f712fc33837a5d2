package synth

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Material is the text a Corpus writes its articles from, per language (ISO 639-1): paragraphs of news prose
// and headlines. LoadMaterial reads it from our own sample articles and coding cases.
type Material struct {
	Paragraphs map[string][]string
	Titles     map[string][]string
}

// Langs returns the languages that have paragraphs, sorted.
func (m *Material) Langs() []string {
	var out []string
	for l, ps := range m.Paragraphs {
		if len(ps) > 0 {
			out = append(out, l)
		}
	}
	slices.Sort(out)
	return out
}

func (m *Material) add(lang string, title string, paras []string) {
	if m.Paragraphs == nil {
		m.Paragraphs, m.Titles = map[string][]string{}, map[string][]string{}
	}
	for _, p := range paras {
		p = stripDateline(strings.Join(strings.Fields(strings.ReplaceAll(p, "**", "")), " "))
		// Captions, tables and links are page furniture, not prose.
		if len(p) >= 40 && !strings.ContainsAny(p, "|[]") && !strings.Contains(p, "://") {
			m.Paragraphs[lang] = append(m.Paragraphs[lang], p)
		}
	}
	if title = strings.TrimSpace(title); title != "" {
		m.Titles[lang] = append(m.Titles[lang], title)
	}
}

var (
	htmlPara  = regexp.MustCompile(`(?s)<p[^>]*>(.*?)</p>`)
	htmlTitle = regexp.MustCompile(`(?s)<h1[^>]*>(.*?)</h1>`)
	htmlTag   = regexp.MustCompile(`<[^>]*>`)
)

// LoadMaterial reads material from fsys: articles (.txt, .md, .html) under a folder named by their language
// ("en/001-summit.txt"), JSON Lines records with "lang", "title" and "text", and coding cases (lines
// "> sentence" in a file named by its language, "de.txt"), whose sentences are grouped into paragraphs of
// three. Files it cannot place in a language are skipped.
func LoadMaterial(fsys fs.FS) (*Material, error) {
	m := &Material{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		ext := path.Ext(p)
		lang := path.Base(path.Dir(p))
		if !isLang(lang) {
			lang = strings.TrimSuffix(path.Base(p), ext)
		}
		switch {
		case ext == ".jsonl":
			sc := bufio.NewScanner(bytes.NewReader(b))
			sc.Buffer(nil, 16<<20)
			for sc.Scan() {
				var r struct{ Lang, Title, Text string }
				if json.Unmarshal(sc.Bytes(), &r) == nil && isLang(r.Lang) {
					paras := strings.Split(r.Text, "\n\n")
					if len(paras) > 0 && strings.TrimSpace(paras[0]) == strings.TrimSpace(r.Title) {
						paras = paras[1:]
					}
					m.add(r.Lang, r.Title, paras)
				}
			}
		case !isLang(lang):
		case bytes.HasPrefix(b, []byte("> ")) || bytes.Contains(b, []byte("\n> ")):
			var sents, paras []string
			for l := range strings.Lines(string(b)) {
				if s, ok := strings.CutPrefix(l, "> "); ok {
					sents = append(sents, strings.TrimSpace(s))
				}
			}
			for i := 0; i < len(sents); i += 3 {
				paras = append(paras, joinSentences(sents[i:min(i+3, len(sents))]))
			}
			m.add(lang, "", paras)
		case ext == ".html":
			var paras []string
			page := string(b)
			if i, j := strings.Index(page, "<article"), strings.LastIndex(page, "</article>"); i >= 0 && j > i {
				page = page[i:j]
			}
			for _, x := range htmlPara.FindAllStringSubmatch(page, -1) {
				paras = append(paras, html.UnescapeString(htmlTag.ReplaceAllString(x[1], "")))
			}
			title := ""
			if x := htmlTitle.FindStringSubmatch(string(b)); x != nil {
				title = html.UnescapeString(htmlTag.ReplaceAllString(x[1], ""))
			}
			m.add(lang, title, paras)
		case ext == ".txt" || ext == ".md":
			paras := strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n\n")
			title := ""
			if len(paras) > 0 {
				lines := strings.Split(strings.TrimSpace(paras[0]), "\n")
				if strings.HasPrefix(lines[0], "date ") {
					lines = lines[1:]
				}
				if len(lines) > 0 {
					title = strings.TrimLeft(lines[0], "# ")
				}
				paras = paras[1:]
			}
			m.add(lang, title, paras)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("synth: material: %w", err)
	}
	if len(m.Langs()) == 0 {
		return nil, fmt.Errorf("synth: material: no paragraphs found (want articles in folders named by language)")
	}
	return m, nil
}

func isLang(s string) bool {
	if len(s) != 2 {
		return false
	}
	for _, r := range s {
		if !unicode.IsLower(r) || r > unicode.MaxASCII {
			return false
		}
	}
	return true
}

// joinSentences joins sentences with a space, or with none after a full-width stop ("。").
func joinSentences(sents []string) string {
	var b strings.Builder
	for _, s := range sents {
		if b.Len() > 0 {
			if r, _ := utf8.DecodeLastRuneInString(b.String()); r < 0x3000 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(s)
	}
	return b.String()
}

// stripDateline removes a dateline ("HANOI, May 23 (Reuters) - ", "HÀ NỘI — "): its place and agency belong
// to the article the paragraph came from; a corpus article writes its own.
func stripDateline(p string) string {
	j := strings.IndexAny(p, "–—-")
	if j <= 0 || j > 60 {
		return p
	}
	head := p[:j]
	upper := true
	for _, r := range head {
		if unicode.IsLower(r) {
			upper = false
			break
		}
	}
	if !upper && !strings.Contains(head, "(") {
		return p
	}
	return strings.TrimLeft(p[j:], "–—- ")
}
