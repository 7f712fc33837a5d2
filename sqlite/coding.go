package sqlite

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// decodeCoding reads a mention's stored coding (encodeCoding: encoding/json's form of dyad.MentionCoding).
// The form encoding/json writes, its keys in the struct's order and its strings without escapes, is read by
// hand: the link stage reads the coding of every mention of every candidate event, and json.Unmarshal's
// reflection was 1.3% of an ingest's CPU at 10,000 articles, growing with the candidates. Anything else
// (escapes, another order, nulls, spaces) goes to json.Unmarshal, which reads it the same.
func decodeCoding(data []byte) (*dyad.MentionCoding, error) {
	c := new(dyad.MentionCoding)
	if readCoding(data, c) {
		return c, nil
	}
	*c = dyad.MentionCoding{}
	if err := json.Unmarshal(data, c); err != nil {
		return nil, err
	}
	return c, nil
}

// readCoding reads data into c when it is in the form encoding/json writes; false otherwise.
func readCoding(data []byte, c *dyad.MentionCoding) bool {
	p := jsonCursor{b: data}
	if !p.lit(`{"source":`) || !p.actor(&c.Source) || !p.lit(`,"target":`) || !p.actor(&c.Target) ||
		!p.lit(`,"code":`) || !p.str(&c.Code) {
		return false
	}
	if p.lit(`,"people":{`) {
		c.People = new(dyad.SidePeople)
		src := p.lit(`"source":`)
		if src && !p.list(&c.People.Source) {
			return false
		}
		if (src && p.lit(`,"target":`) || !src && p.lit(`"target":`)) && !p.list(&c.People.Target) {
			return false
		}
		if !p.lit("}") {
			return false
		}
	}
	return p.lit("}") && len(p.b) == 0
}

// jsonCursor reads the JSON that encoding/json writes, without spaces, from the front of b.
type jsonCursor struct{ b []byte }

// lit consumes s when b starts with it.
func (p *jsonCursor) lit(s string) bool {
	if len(p.b) < len(s) || string(p.b[:len(s)]) != s {
		return false
	}
	p.b = p.b[len(s):]
	return true
}

// str reads a string with no escape, no control character and valid UTF-8 (what json.Unmarshal reads as
// its bytes).
func (p *jsonCursor) str(dst *string) bool {
	if len(p.b) == 0 || p.b[0] != '"' {
		return false
	}
	i := bytes.IndexByte(p.b[1:], '"')
	if i < 0 {
		return false
	}
	s := p.b[1 : 1+i]
	for _, c := range s {
		if c < 0x20 || c == '\\' {
			return false
		}
	}
	if !utf8.Valid(s) {
		return false
	}
	*dst = string(s)
	p.b = p.b[2+i:]
	return true
}

// actor reads a dyad.EventActor: code and name, then the fields encoding/json leaves out when empty.
func (p *jsonCursor) actor(a *dyad.EventActor) bool {
	if !p.lit(`{"code":`) || !p.str(&a.Code) || !p.lit(`,"name":`) || !p.str(&a.Name) {
		return false
	}
	if p.lit(`,"actor_id":`) && !p.str(&a.ActorID) {
		return false
	}
	if p.lit(`,"country":`) && !p.str(&a.Country) {
		return false
	}
	if p.lit(`,"sector":`) && !p.str(&a.Sector) {
		return false
	}
	return p.lit("}")
}

// list reads an array of strings.
func (p *jsonCursor) list(dst *[]string) bool {
	if !p.lit("[") {
		return false
	}
	out := []string{}
	for !p.lit("]") {
		if len(out) > 0 && !p.lit(",") {
			return false
		}
		var s string
		if !p.str(&s) {
			return false
		}
		out = append(out, s)
	}
	*dst = out
	return true
}
