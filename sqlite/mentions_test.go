package sqlite

import (
	"encoding/json"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// FuzzMentionsRoundTrip checks that the hand-written stored form of actor mentions is valid JSON that reads
// back as the mentions written, whatever (UTF-8) text they hold.
func FuzzMentionsRoundTrip(f *testing.F) {
	for _, s := range []string{"", "Hanoi", "a \"b\" \\ c", "line\nbreak\ttab\r\x00\x1f\x7f", "北京 Đà Nẵng </script>", "\u2028\u2029"} {
		f.Add(s, s+"x", 3, true)
	}
	f.Fuzz(func(t *testing.T, text, name string, start int, provisional bool) {
		if !utf8.ValidString(text) || !utf8.ValidString(name) {
			t.Skip("stored texts are UTF-8")
		}
		ms := []dyad.ActorMention{
			{Start: start, End: start + len(text), Text: text, Via: name,
				Actor: dyad.ActorRef{ID: name, Name: text, Type: "person", Country: "VNM", Sector: name, Code: "VNM" + name, Provisional: provisional}},
			{Start: -1, End: 1 << 40, Actor: dyad.ActorRef{ID: "id"}},
		}
		b := appendMentions(nil, ms)
		if !json.Valid(b) {
			t.Fatalf("not JSON: %s", b)
		}
		got, err := decodeMentions(b)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, ms) {
			t.Fatalf("read back %#v\nwant %#v", got, ms)
		}
	})
}

func TestDecodeMentionsErrors(t *testing.T) {
	for _, in := range []string{`{}`, `[[1,2,"a"]]`, `[[1,2,"a","b","c","d","e","f","g","no","h"]]`} {
		if _, err := decodeMentions([]byte(in)); err == nil {
			t.Errorf("decodeMentions(%s): no error", in)
		}
	}
	if ms, err := decodeMentions([]byte(`[]`)); err != nil || len(ms) != 0 {
		t.Errorf("decodeMentions([]) = %v, %v", ms, err)
	}
}
