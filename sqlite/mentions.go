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
//	{"refs":[rowid, ...],
//	 "mentions":[[start, end, actor, via], [start, end, actor, via, text], ...]}
//
// each mention naming its actor by its index in refs, and refs naming the article's distinct actors by their
// rowid in actor_refs, which holds each actor once for the whole store as the JSON array [actor_id,
// actor_name, actor_type, actor_country, actor_sector, actor_code, provisional (0 or 1)] (migration 0016);
// a mention holds its text only when it is not the article's text from start to end (byte offsets), which it
// nearly always is. Two forms written before are still read: the packed one of schema version 13, which
// held the article's actors' arrays themselves in place of refs ({"actors":[[...], ...], "mentions":...};
// 2,500 of an article's 4,000 bytes in the realistic corpus, 44 actors that other articles name again), and
// the array of mentionFields values a mention that migration 0011 made ([start, end, text, actor_id,
// actor_name, actor_type, actor_country, actor_sector, actor_code, provisional, via]). They are only ever
// read whole, by article.
const mentionFields = 11

// distinctActors returns the distinct actors of ms in order of first mention, and each mention's index in
// them.
func distinctActors(ms []dyad.ActorMention) (actors []dyad.ActorRef, idx []int) {
	var byActor map[dyad.ActorRef]int // for a long list
	if len(ms) > 256 {
		byActor = map[dyad.ActorRef]int{}
	}
	idx = make([]int, len(ms))
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
	return actors, idx
}

// appendActorRef appends an actor as actor_refs holds it: [id, name, type, country, sector, code,
// provisional].
func appendActorRef(b []byte, r *dyad.ActorRef) []byte {
	b = append(b, '[')
	for j, s := range [...]string{r.ID, r.Name, r.Type, r.Country, r.Sector, r.Code} {
		if j > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	if r.Provisional {
		return append(b, ",1]"...)
	}
	return append(b, ",0]"...)
}

// appendMentions appends ms, the actor mentions of an article of text text, to b in the stored form: idx
// is each mention's index in the article's distinct actors (distinctActors), refs those actors' rowids in
// actor_refs. Written by hand: encoding/json's reflection cost more per article than the insert it
// replaced. Texts are UTF-8 (extract rejects other input), written as they are but for the escapes JSON
// requires.
func appendMentions(b []byte, ms []dyad.ActorMention, idx []int, refs []int64, text string) []byte {
	b = append(b, `{"refs":[`...)
	for i, r := range refs {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, r, 10)
	}
	b = append(b, `],"mentions":[`...)
	return appendMentionRows(b, ms, idx, text)
}

// appendMentionRows appends the "mentions" array of the stored form and closes the object.
func appendMentionRows(b []byte, ms []dyad.ActorMention, idx []int, text string) []byte {
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

// actorRefs returns the actors of actor_refs by rowid.
type actorRefs func(rids []int64) (map[int64]dyad.ActorRef, error)

// decodeMentions reads the stored form of the actor mentions of an article of text text; refs reads the
// actors the form names by rowid.
func decodeMentions(data []byte, text string, refs actorRefs) ([]dyad.ActorMention, error) {
	if len(data) > 0 && data[0] == '{' {
		return decodePacked(data, text, refs)
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

// decodeActorRef reads an actor as appendActorRef writes it.
func decodeActorRef(row []json.RawMessage) (dyad.ActorRef, error) {
	var r dyad.ActorRef
	if len(row) != 7 {
		return r, fmt.Errorf("%d values, want 7", len(row))
	}
	var provisional int
	for j, dst := range [...]any{&r.ID, &r.Name, &r.Type, &r.Country, &r.Sector, &r.Code, &provisional} {
		if err := json.Unmarshal(row[j], dst); err != nil {
			return r, fmt.Errorf("value %d: %w", j, err)
		}
	}
	r.Provisional = provisional != 0
	return r, nil
}

// decodePacked reads the object forms: actors by their rowid in actor_refs (appendMentions), or the actors
// themselves (schema version 13).
func decodePacked(data []byte, text string, refs actorRefs) ([]dyad.ActorMention, error) {
	var v struct {
		Refs     []int64             `json:"refs"`
		Actors   [][]json.RawMessage `json:"actors"`
		Mentions [][]json.RawMessage `json:"mentions"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	var actors []dyad.ActorRef
	if len(v.Refs) > 0 {
		if refs == nil {
			return nil, fmt.Errorf("actors by rowid, and no actor_refs to read them")
		}
		byRid, err := refs(v.Refs)
		if err != nil {
			return nil, err
		}
		actors = make([]dyad.ActorRef, len(v.Refs))
		for i, rid := range v.Refs {
			r, ok := byRid[rid]
			if !ok {
				return nil, fmt.Errorf("actor %d: no actor_refs row %d", i, rid)
			}
			actors[i] = r
		}
	} else {
		actors = make([]dyad.ActorRef, len(v.Actors))
		for i, row := range v.Actors {
			r, err := decodeActorRef(row)
			if err != nil {
				return nil, fmt.Errorf("actor %d: %w", i, err)
			}
			actors[i] = r
		}
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
