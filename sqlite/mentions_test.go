package sqlite

import (
	"encoding/json"
	"reflect"
	"strconv"
	"testing"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// FuzzMentionsRoundTrip checks that the hand-written stored form of actor mentions is valid JSON that reads
// back as the mentions written, whatever (UTF-8) text they hold, whether a mention's text is the article's
// text at its span (and is then left out) or not, in the form with actors by rowid, and in the two forms
// written before (the actors in the row, the array of schema version 11).
func FuzzMentionsRoundTrip(f *testing.F) {
	for _, s := range []string{"", "Hanoi", "a \"b\" \\ c", "line\nbreak\ttab\r\x00\x1f\x7f", "北京 Đà Nẵng </script>", "\u2028\u2029"} {
		f.Add(s, s+"x", 3, true)
	}
	f.Fuzz(func(t *testing.T, text, name string, start int, provisional bool) {
		if !utf8.ValidString(text) || !utf8.ValidString(name) {
			t.Skip("stored texts are UTF-8")
		}
		start = max(start, 0) % 64
		article := string(make([]byte, start)) + text + " and " + name
		actor := dyad.ActorRef{ID: name, Name: text, Type: "person", Country: "VNM", Sector: name, Code: "VNM" + name, Provisional: provisional}
		ms := []dyad.ActorMention{
			{Start: start, End: start + len(text), Text: text, Via: name, Actor: actor},             // the article's text
			{Start: -1, End: 1 << 40, Actor: dyad.ActorRef{ID: "id"}},                               // outside it
			{Start: start, End: start + len(text), Text: text + "y", Via: "alias", Actor: actor},    // not its text
			{Start: len(article) - len(name), End: len(article), Text: name, Via: "", Actor: actor}, // the same actor
		}
		withRefs, refs := refsMentions(ms, article)
		for _, b := range [][]byte{withRefs, appendActorsMentions(nil, ms, article), appendArrayMentions(nil, ms)} {
			if !json.Valid(b) {
				t.Fatalf("not JSON: %s", b)
			}
			got, err := decodeMentions(b, article, refs)
			if err != nil {
				t.Fatalf("%s: %v", b, err)
			}
			if !reflect.DeepEqual(got, ms) {
				t.Fatalf("%s read back %#v\nwant %#v", b, got, ms)
			}
		}
	})
}

// TestPackedMentionsShorter checks that the stored form leaves out a mention's text when it is the article's
// at its span and names a repeated actor once, by its rowid in actor_refs.
func TestPackedMentionsShorter(t *testing.T) {
	article := "Vietnam and China met. Vietnam said so."
	vnm := dyad.ActorRef{ID: "VNM", Name: "Vietnam", Type: "country", Country: "VNM", Code: "VNM"}
	ms := []dyad.ActorMention{
		{Start: 0, End: 7, Text: "Vietnam", Via: "name", Actor: vnm},
		{Start: 12, End: 17, Text: "China", Via: "name", Actor: dyad.ActorRef{ID: "CHN", Name: "China", Type: "country", Country: "CHN", Code: "CHN"}},
		{Start: 23, End: 30, Text: "Vietnam", Via: "name", Actor: vnm},
	}
	want := `{"refs":[100,101],"mentions":[[0,7,0,"name"],[12,17,1,"name"],[23,30,0,"name"]]}`
	if got, _ := refsMentions(ms, article); string(got) != want {
		t.Errorf("packed:\n%s\nwant\n%s", got, want)
	}
	want = `{"actors":[["VNM","Vietnam","country","VNM","","VNM",0],["CHN","China","country","CHN","","CHN",0]],` +
		`"mentions":[[0,7,0,"name"],[12,17,1,"name"],[23,30,0,"name"]]}`
	if got := string(appendActorsMentions(nil, ms, article)); got != want {
		t.Errorf("packed, schema version 13:\n%s\nwant\n%s", got, want)
	}
}

func TestDecodeMentionsErrors(t *testing.T) {
	for _, in := range []string{`[[1,2,"a"]]`, `[[1,2,"a","b","c","d","e","f","g","no","h"]]`,
		`{"refs":[1],"mentions":[[0,1,0,"a"]]}`,
		`{"actors":[],"mentions":[[0,1,0,"a"]]}`, `{"actors":[["a"]],"mentions":[]}`,
		`{"actors":[["a","b","c","d","e","f",0]],"mentions":[[0,99,0,"a"]]}`,
		`{"actors":[["a","b","c","d","e","f",0]],"mentions":[[0,1,0]]}`} {
		if _, err := decodeMentions([]byte(in), "text", nil); err == nil {
			t.Errorf("decodeMentions(%s): no error", in)
		}
	}
	for _, in := range []string{`[]`, `{"actors":[],"mentions":[]}`, `{"refs":[],"mentions":[]}`} {
		if ms, err := decodeMentions([]byte(in), "", nil); err != nil || len(ms) != 0 {
			t.Errorf("decodeMentions(%s) = %v, %v", in, ms, err)
		}
	}
}

// refsMentions is the stored form of ms with the article's actors at rowids 100, 101, ..., and a reader of
// those rowids.
func refsMentions(ms []dyad.ActorMention, text string) ([]byte, actorRefs) {
	actors, idx := distinctActors(ms)
	rids := make([]int64, len(actors))
	byRid := map[int64]dyad.ActorRef{}
	for i := range actors {
		rids[i] = int64(100 + i)
		byRid[rids[i]] = actors[i]
	}
	return appendMentions(nil, ms, idx, rids, text), func(want []int64) (map[int64]dyad.ActorRef, error) {
		return byRid, nil
	}
}

// appendActorsMentions is the packed form saves wrote from schema version 13 until actor_refs (migration
// 0016): the article's actors themselves in place of their rowids.
func appendActorsMentions(b []byte, ms []dyad.ActorMention, text string) []byte {
	actors, idx := distinctActors(ms)
	b = append(b, `{"actors":[`...)
	for i := range actors {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendActorRef(b, &actors[i])
	}
	b = append(b, `],"mentions":[`...)
	return appendMentionRows(b, ms, idx, text)
}

// appendArrayMentions is the array form saves wrote before the packed one (migration 0011), for the tests
// that read it.
func appendArrayMentions(b []byte, ms []dyad.ActorMention) []byte {
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
