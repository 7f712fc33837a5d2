package sqlite

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/dyad-events/dyad"
)

// An article's actor mentions are stored as one JSON value, an object:
//
//	{"actors":[[actor_id, actor_name, actor_type, actor_country, actor_sector, actor_code, provisional (0 or 1)], ...],
//	 "mentions":[[start, end, actor, via], [start, end, actor, via, text], ...]}
//
// each mention naming its actor by its index in actors (an article names the same actors again and again),
// and holding its text only when it is not the article's text from start to end (byte offsets), which it
// nearly always is: about half the bytes of the array of mentionFields values a mention that migration
// 0011 made and saves wrote until 2026-12-06 ([start, end, text, actor_id, actor_name, actor_type,
// actor_country, actor_sector, actor_code, provisional, via]), which is still read. They are only ever read
// whole, by article.
const mentionFields = 11

// appendMentions appends ms, the actor mentions of an article of text text, to b in the stored form.
// Written by hand: encoding/json's reflection cost more per article than the insert it replaced. Texts
// are UTF-8 (extract rejects other input), written as they are but for the escapes JSON requires.
func appendMentions(b []byte, ms []dyad.ActorMention, text string) []byte {
	var actors []dyad.ActorRef
	var byActor map[dyad.ActorRef]int // for a long list
	if len(ms) > 256 {
		byActor = map[dyad.ActorRef]int{}
	}
	idx := make([]int, len(ms))
	for i := range ms {
		j := -1
		if byActor != nil {
			if k, ok := byActor[ms[i].Actor]; ok {
				j = k
			}
		} else {
			j = slices.Index(actors, ms[i].Actor)
		}
		if j < 0 {
			j = len(actors)
			actors = append(actors, ms[i].Actor)
			if byActor != nil {
				byActor[ms[i].Actor] = j
			}
		}
		idx[i] = j
	}
	b = append(b, `{"actors":[`...)
	for i := range actors {
		r := &actors[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		for j, s := range [...]string{r.ID, r.Name, r.Type, r.Country, r.Sector, r.Code} {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, s)
		}
		if r.Provisional {
			b = append(b, ",1]"...)
		} else {
			b = append(b, ",0]"...)
		}
	}
	b = append(b, `],"mentions":[`...)
	for i := range ms {
		m := &ms[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(m.Start), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(m.End), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(idx[i]), 10)
		b = append(b, ',')
		b = appendJSONString(b, m.Via)
		if !spanIs(text, m.Start, m.End, m.Text) {
			b = append(b, ',')
			b = appendJSONString(b, m.Text)
		}
		b = append(b, ']')
	}
	return append(b, "]}"...)
}

// spanIs tells whether text[start:end] is s.
func spanIs(text string, start, end int, s string) bool {
	return 0 <= start && start <= end && end <= len(text) && text[start:end] == s
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

// decodeMentions reads the stored form of the actor mentions of an article of text text.
func decodeMentions(data []byte, text string) ([]dyad.ActorMention, error) {
	if len(data) > 0 && data[0] == '{' {
		return decodePacked(data, text)
	}
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

// decodePacked reads the form of schema version 13 (appendMentions).
func decodePacked(data []byte, text string) ([]dyad.ActorMention, error) {
	var v struct {
		Actors   [][]json.RawMessage `json:"actors"`
		Mentions [][]json.RawMessage `json:"mentions"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	actors := make([]dyad.ActorRef, len(v.Actors))
	for i, row := range v.Actors {
		if len(row) != 7 {
			return nil, fmt.Errorf("actor %d: %d values, want 7", i, len(row))
		}
		r := &actors[i]
		var provisional int
		for j, dst := range [...]any{&r.ID, &r.Name, &r.Type, &r.Country, &r.Sector, &r.Code, &provisional} {
			if err := json.Unmarshal(row[j], dst); err != nil {
				return nil, fmt.Errorf("actor %d, value %d: %w", i, j, err)
			}
		}
		r.Provisional = provisional != 0
	}
	out := make([]dyad.ActorMention, len(v.Mentions))
	for i, row := range v.Mentions {
		if len(row) != 4 && len(row) != 5 {
			return nil, fmt.Errorf("mention %d: %d values, want 4 or 5", i, len(row))
		}
		m := &out[i]
		var actor int
		dsts := [...]any{&m.Start, &m.End, &actor, &m.Via, &m.Text}
		for j, dst := range dsts[:len(row)] {
			if err := json.Unmarshal(row[j], dst); err != nil {
				return nil, fmt.Errorf("mention %d, value %d: %w", i, j, err)
			}
		}
		if actor < 0 || actor >= len(actors) {
			return nil, fmt.Errorf("mention %d: actor %d of %d", i, actor, len(actors))
		}
		m.Actor = actors[actor]
		if len(row) == 4 {
			if m.Start < 0 || m.Start > m.End || m.End > len(text) {
				return nil, fmt.Errorf("mention %d: span %d-%d outside the text (%d bytes)", i, m.Start, m.End, len(text))
			}
			m.Text = text[m.Start:m.End]
		}
	}
	return out, nil
}
