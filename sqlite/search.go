package sqlite

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/dyad-events/dyad"
	msqlite "modernc.org/sqlite"
)

// letterFolds maps the letters that unicode61's remove_diacritics does not fold (they have no Unicode
// decomposition) to plain letters. Each maps a letter to letters, so token positions stay the same and
// snippet() can mark the original text.
var letterFolds = strings.NewReplacer(
	"đ", "d", "Đ", "D", "ø", "o", "Ø", "O", "ł", "l", "Ł", "L", "ß", "ss", "æ", "ae", "Æ", "AE",
	"œ", "oe", "Œ", "OE", "ı", "i", "þ", "th", "Þ", "TH", "ð", "d", "Ð", "D", "ħ", "h", "Ħ", "H",
)

// foldedLetters are the letters letterFolds replaces.
const foldedLetters = "đĐøØłŁßæÆœŒıþÞðÐħĦ"

// indexedRunes is how much of a text the full-text index holds: its first 256 Ki characters, as in the
// PostgreSQL store (whose tsvector holds at most 1 MB). FTS5 builds the whole term list of a text in memory
// while it indexes it, about four times the text: a 31 MB text took some 120 MB of SQLite's memory on top of
// everything else that saving it holds, for words that a search of news hardly needs (the text is coded on
// its first 512 KB too). The whole text is stored.
const indexedRunes = 256 << 10

// indexedText is the part of text the full-text index holds: its first indexedRunes characters.
func indexedText(text string) string {
	if len(text) <= indexedRunes { // fewer bytes than the limit: fewer characters too
		return text
	}
	n := 0
	for i := range text {
		if n == indexedRunes {
			return text[:i]
		}
		n++
	}
	return text
}

func foldLetters(s string) string {
	if !strings.ContainsAny(s, foldedLetters) { // Replace copies the text twice even when it changes nothing
		return s
	}
	// No replacement is longer than its letter: one allocation of the text's size, where Replace grows its
	// buffer by doubling (57 MB for a 30 MB text)
	var b strings.Builder
	b.Grow(len(s))
	_, _ = letterFolds.WriteString(&b, s) // a Builder does not fail
	return b.String()
}

// ftsQuery turns a user query into an FTS5 query. A query written with FTS5 syntax (AND, OR, NOT, NEAR,
// quotes, parentheses, *, ^, column filters) is kept as it is; any other is an AND of its words, each
// quoted, so that punctuation ("U.S.-China", "Xi's") cannot be a syntax error.
func ftsQuery(q string) (string, error) {
	q = strings.TrimSpace(foldLetters(q))
	if q == "" {
		return "", fmt.Errorf("%w: empty search", dyad.ErrBadQuery)
	}
	if hasFTSSyntax(q) {
		return q, nil
	}
	var terms []string
	for _, f := range strings.Fields(q) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) < 0 {
			continue
		}
		terms = append(terms, `"`+f+`"`)
	}
	if len(terms) == 0 {
		return "", fmt.Errorf("%w: no word to search in %q", dyad.ErrBadQuery, q)
	}
	return strings.Join(terms, " AND "), nil
}

func hasFTSSyntax(q string) bool {
	if strings.ContainsAny(q, `"()*^:`) {
		return true
	}
	for _, f := range strings.Fields(q) {
		switch f {
		case "AND", "OR", "NOT", "NEAR":
			return true
		}
	}
	return false
}

// Search runs a full-text query over titles and texts, best match first. query is FTS5 syntax ("pham AND
// binh", "\"state visit\"", "nang*") or plain words, all of which must match; case and diacritics are
// folded. A query FTS5 cannot parse returns an error wrapping dyad.ErrBadQuery. Hit.Rank is the negated
// bm25 score (higher is better); Hit.Snippet is a passage of the text (of the title when only it matches)
// with the matched terms in [ ].
func (db *DB) Search(ctx context.Context, query string, page dyad.Page) ([]dyad.Hit, error) {
	fq, err := ftsQuery(query)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search: %w", err)
	}
	n, off := limits(page, DefaultLimit)
	// Rank first, then read the page's articles and make its snippets: a snippet tokenizes the whole text
	// and the article row holds it, so doing either for every match before the sort (as one SELECT with
	// ORDER BY does) made a broad query cost a pass over most of the texts.
	rows, err := db.reader.QueryContext(ctx, `WITH top AS (
			SELECT rowid AS rid, bm25(articles_fts, 2.0, 1.0) AS score FROM articles_fts
			WHERE articles_fts MATCH ?1 ORDER BY score, rowid LIMIT ?2 OFFSET ?3)
		SELECT `+articleCols+`,
			snippet(articles_fts, 1, '[', ']', '…', 24), snippet(articles_fts, 0, '[', ']', '…', 24), top.score
		FROM top JOIN articles a ON a.rid = top.rid JOIN articles_fts ON articles_fts.rowid = top.rid
		WHERE articles_fts MATCH ?1 ORDER BY top.score, top.rid`, fq, n, off)
	if err != nil {
		return nil, searchError(query, err)
	}
	defer rows.Close()
	out := []dyad.Hit{}
	for rows.Next() {
		var h dyad.Hit
		var textSnip, titleSnip string
		a, err := scanArticle(rows, &textSnip, &titleSnip, &h.Rank)
		if err != nil {
			return nil, searchError(query, err)
		}
		h.Article, h.Rank = a, -h.Rank
		h.Snippet = textSnip
		if !strings.Contains(textSnip, "[") && strings.Contains(titleSnip, "[") {
			h.Snippet = titleSnip
		}
		h.Snippet = strings.Join(strings.Fields(h.Snippet), " ") // one line, for lists
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, searchError(query, err)
	}
	return out, nil
}

// searchError tells a query FTS5 rejected (dyad.ErrBadQuery) from a failure of the store. The SQL of Search
// is fixed, so a plain SQLITE_ERROR comes from parsing the MATCH expression.
func searchError(query string, err error) error {
	var se *msqlite.Error
	if errors.As(err, &se) && se.Code() == sqliteError {
		msg := strings.TrimSuffix(strings.TrimPrefix(se.Error(), "SQL logic error: "), " (1)")
		return fmt.Errorf("sqlite: search %q: %w: %s", query, dyad.ErrBadQuery, msg)
	}
	return fmt.Errorf("sqlite: search %q: %w", query, err)
}

// sqliteError is SQLITE_ERROR, the result code of a generic error such as a bad FTS5 expression.
const sqliteError = 1
