package postgres

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// Search runs a full-text query over titles and texts, best match first. query takes the syntax of SQLite's
// FTS5, so that both stores answer the same queries: words, "quoted phrases", prefix*, AND, OR, NOT (binary:
// "a NOT b") and parentheses; words side by side must all match. A query with none of these operators is an
// AND of its words, each a phrase of its tokens, so punctuation is never an error. Case and diacritics are
// folded (unaccent). A query that cannot be parsed returns an error wrapping dyad.ErrBadQuery.
// Hit.Rank is ts_rank_cd (higher is better); Hit.Snippet is a passage of the text (of the title when only it
// matches) with the matched words in [ ].
func (db *DB) Search(ctx context.Context, query string, page dyad.Page) ([]dyad.Hit, error) {
	expr, args, err := tsQuery(query)
	if err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", query, err)
	}
	n, off := limits(page, DefaultLimit)
	const opts = "StartSel=[, StopSel=], MaxWords=30, MinWords=12, ShortWord=1, MaxFragments=1, FragmentDelimiter=\" … \""
	// Headlines are costly: they are made for the page only, after ranking every match.
	rows, err := db.query(ctx, `WITH q AS (SELECT `+expr+` AS q),
		top AS (SELECT a.rid, ts_rank_cd(a.fts, q.q) AS rank FROM articles a, q WHERE a.fts @@ q.q
			ORDER BY rank DESC, a.rid LIMIT ? OFFSET ?)
		SELECT `+articleCols+`, ts_headline('dyad_fts', a.text, q.q, '`+opts+`'),
			ts_headline('dyad_fts', a.title, q.q, '`+opts+`'), top.rank
		FROM top JOIN articles a ON a.rid = top.rid, q ORDER BY top.rank DESC, a.rid`, append(args, n, off)...)
	if err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", query, err)
	}
	defer rows.Close()
	out := []dyad.Hit{}
	for rows.Next() {
		var h dyad.Hit
		var textSnip, titleSnip string
		a, err := scanArticle(rows, &textSnip, &titleSnip, &h.Rank)
		if err != nil {
			return nil, fmt.Errorf("postgres: search %q: %w", query, err)
		}
		h.Article, h.Snippet = a, textSnip
		if !strings.Contains(textSnip, "[") && strings.Contains(titleSnip, "[") {
			h.Snippet = titleSnip
		}
		h.Snippet = strings.Join(strings.Fields(h.Snippet), " ") // one line, for lists
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", query, err)
	}
	return out, nil
}

// tsQuery compiles a search query into an SQL expression of type tsquery, with ? placeholders for args.
// Every word or phrase goes to phraseto_tsquery as a parameter, so no user text reaches SQL or tsquery
// syntax; a prefix word must be letters and digits only.
func tsQuery(query string) (string, []any, error) {
	query = strings.TrimSpace(query)
	if query == "" {
		return "", nil, fmt.Errorf("%w: empty search", dyad.ErrBadQuery)
	}
	if !utf8.ValidString(query) || strings.ContainsRune(query, 0) {
		return "", nil, fmt.Errorf("%w: not UTF-8 text", dyad.ErrBadQuery)
	}
	toks, err := lex(query)
	if err != nil {
		return "", nil, err
	}
	if !hasSyntax(toks) {
		var terms []string
		var args []any
		for _, t := range toks {
			if strings.IndexFunc(t.text, isWordRune) < 0 {
				continue
			}
			terms = append(terms, "phraseto_tsquery('dyad_fts', ?)")
			args = append(args, t.text)
		}
		if len(terms) == 0 {
			return "", nil, fmt.Errorf("%w: no word to search in %q", dyad.ErrBadQuery, query)
		}
		return "(" + strings.Join(terms, " && ") + ")", args, nil
	}
	p := &parser{toks: toks}
	expr, err := p.or()
	if err != nil {
		return "", nil, err
	}
	if p.pos < len(p.toks) {
		return "", nil, fmt.Errorf("%w: unexpected %q", dyad.ErrBadQuery, p.toks[p.pos].text)
	}
	return expr, p.args, nil
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

type tokKind int

const (
	tokWord tokKind = iota
	tokPhrase
	tokPrefix
	tokAnd
	tokOr
	tokNot
	tokOpen
	tokClose
)

type token struct {
	kind tokKind
	text string
}

// lex splits a query into words, "phrases", prefix* words, operators and parentheses. Column filters
// (col:) and ^ are FTS5 syntax this store does not support.
func lex(q string) ([]token, error) {
	var toks []token
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(':
			toks = append(toks, token{tokOpen, "("})
			i++
		case c == ')':
			toks = append(toks, token{tokClose, ")"})
			i++
		case c == '"':
			var b strings.Builder
			j := i + 1
			for {
				if j >= len(q) {
					return nil, fmt.Errorf("%w: unterminated string", dyad.ErrBadQuery)
				}
				if q[j] == '"' {
					if j+1 < len(q) && q[j+1] == '"' { // "" is a quote inside a phrase, as in FTS5
						b.WriteByte('"')
						j += 2
						continue
					}
					break
				}
				b.WriteByte(q[j])
				j++
			}
			toks = append(toks, token{tokPhrase, b.String()})
			i = j + 1
		default:
			j := i
			for j < len(q) && !strings.ContainsRune(" \t\n\r()\"", rune(q[j])) {
				j++
			}
			w := q[i:j]
			i = j
			switch {
			case w == "AND":
				toks = append(toks, token{tokAnd, w})
			case w == "OR":
				toks = append(toks, token{tokOr, w})
			case w == "NOT":
				toks = append(toks, token{tokNot, w})
			case w == "NEAR":
				return nil, fmt.Errorf("%w: NEAR is not supported here", dyad.ErrBadQuery)
			case strings.ContainsAny(w, ":^"):
				return nil, fmt.Errorf("%w: column filters and ^ are not supported here: %q", dyad.ErrBadQuery, w)
			case strings.HasSuffix(w, "*"):
				stem := strings.TrimSuffix(w, "*")
				if stem == "" || strings.IndexFunc(stem, func(r rune) bool { return !isWordRune(r) }) >= 0 {
					return nil, fmt.Errorf("%w: a prefix search takes letters and digits: %q", dyad.ErrBadQuery, w)
				}
				toks = append(toks, token{tokPrefix, stem})
			default:
				toks = append(toks, token{tokWord, w})
			}
		}
	}
	return toks, nil
}

// hasSyntax reports whether the query uses operators, quotes or parentheses (as sqlite's FTS5 check does).
func hasSyntax(toks []token) bool {
	for _, t := range toks {
		if t.kind != tokWord {
			return true
		}
	}
	return false
}

// parser is a recursive-descent parser of FTS5 expressions: OR binds loosest, then AND (or words side by
// side), then NOT.
type parser struct {
	toks []token
	pos  int
	args []any
}

func (p *parser) peek() (token, bool) {
	if p.pos < len(p.toks) {
		return p.toks[p.pos], true
	}
	return token{}, false
}

func (p *parser) or() (string, error) {
	left, err := p.and()
	if err != nil {
		return "", err
	}
	for {
		t, ok := p.peek()
		if !ok || t.kind != tokOr {
			return left, nil
		}
		p.pos++
		right, err := p.and()
		if err != nil {
			return "", err
		}
		left = "(" + left + " || " + right + ")"
	}
}

func (p *parser) and() (string, error) {
	left, err := p.not()
	if err != nil {
		return "", err
	}
	for {
		t, ok := p.peek()
		if !ok || t.kind == tokOr || t.kind == tokClose || t.kind == tokNot {
			return left, nil
		}
		if t.kind == tokAnd {
			p.pos++
		}
		right, err := p.not()
		if err != nil {
			return "", err
		}
		left = "(" + left + " && " + right + ")"
	}
}

func (p *parser) not() (string, error) {
	left, err := p.primary()
	if err != nil {
		return "", err
	}
	for {
		t, ok := p.peek()
		if !ok || t.kind != tokNot {
			return left, nil
		}
		p.pos++
		right, err := p.primary()
		if err != nil {
			return "", err
		}
		left = "(" + left + " && !!" + right + ")"
	}
}

func (p *parser) primary() (string, error) {
	t, ok := p.peek()
	if !ok {
		return "", fmt.Errorf("%w: the query ends where a word was expected", dyad.ErrBadQuery)
	}
	p.pos++
	switch t.kind {
	case tokOpen:
		e, err := p.or()
		if err != nil {
			return "", err
		}
		if c, ok := p.peek(); !ok || c.kind != tokClose {
			return "", fmt.Errorf("%w: missing )", dyad.ErrBadQuery)
		}
		p.pos++
		return e, nil
	case tokWord, tokPhrase:
		p.args = append(p.args, t.text)
		return "phraseto_tsquery('dyad_fts', ?)", nil
	case tokPrefix:
		p.args = append(p.args, t.text)
		return "to_tsquery('dyad_fts', ? || ':*')", nil
	}
	return "", fmt.Errorf("%w: unexpected %q", dyad.ErrBadQuery, t.text)
}
