package sqlite

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/dyad-events/dyad"
)

// An article's actor mentions are stored as one JSON array (migration 0011), each mention an array of
// mentionFields values: [start, end, text, actor_id, actor_name, actor_type, actor_country, actor_sector,
// actor_code, provisional (0 or 1), via]. They are only ever read whole, by article.
const mentionFields = 11

// appendMentions appends ms to b in the stored form. Written by hand: encoding/json's reflection cost more
// per article than the insert it replaced. Texts are UTF-8 (extract rejects other input), written as they
// are but for the escapes JSON requires.
func appendMentions(b []byte, ms []dyad.ActorMention) []byte {
	b = append(b, '[')
	for i, m := range ms {
		if i > 0 {
			b = append(b, ',')
		}
		r := &m.Actor
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(m.Start), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(m.End), 10)
		for _, s := range [...]string{m.Text, r.ID, r.Name, r.Type, r.Country, r.Sector, r.Code} {
			b = append(b, ',')
			b = appendJSONString(b, s)
		}
		if r.Provisional {
			b = append(b, ",1,"...)
		} else {
			b = append(b, ",0,"...)
		}
		b = appendJSONString(b, m.Via)
		b = append(b, ']')
	}
	return append(b, ']')
}

// appendJSONString appends s as a JSON string: quotes, backslashes and control characters escaped.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\t':
			b = append(b, '\\', 't')
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// decodeMentions reads the stored form of an article's actor mentions.
func decodeMentions(data []byte) ([]dyad.ActorMention, error) {
	var rows [][]json.RawMessage
	if err := json.Unmarshal(data, &rows); err != nil {
		return nil, err
	}
	out := make([]dyad.ActorMention, len(rows))
	for i, row := range rows {
		if len(row) != mentionFields {
			return nil, fmt.Errorf("mention %d: %d values, want %d", i, len(row), mentionFields)
		}
		m := &out[i]
		r := &m.Actor
		var provisional int
		for j, dst := range [mentionFields]any{&m.Start, &m.End, &m.Text, &r.ID, &r.Name, &r.Type, &r.Country,
			&r.Sector, &r.Code, &provisional, &m.Via} {
			if err := json.Unmarshal(row[j], dst); err != nil {
				return nil, fmt.Errorf("mention %d, value %d: %w", i, j, err)
			}
		}
		r.Provisional = provisional != 0
	}
	return out, nil
}
