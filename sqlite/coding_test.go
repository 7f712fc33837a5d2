package sqlite

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/dyad-events/dyad"
)

// FuzzDecodeCoding checks that decodeCoding reads what encoding/json writes for any coding, by hand where
// its strings need no escape, and that whatever it reads by hand json.Unmarshal reads the same.
func FuzzDecodeCoding(f *testing.F) {
	f.Add("VNMGOV", "Nguyen Phu Trong", "nguyen-phu-trong", "VNM", "GOV", "042", "a", "b", 0)
	f.Add("", "", "", "", "", "", "", "", 1)
	f.Add("a\"b", "Đà Nẵng <&>", "\x00", "\xff", "\\", "0\n4", "北京", "", 2)
	f.Add("USA", "United States", "", "", "", "190", "x", "y", 3)
	f.Fuzz(func(t *testing.T, code, name, id, country, sector, cameo, p1, p2 string, shape int) {
		c := dyad.MentionCoding{Source: dyad.EventActor{Code: code, Name: name, ActorID: id, Country: country, Sector: sector},
			Target: dyad.EventActor{Code: sector, Name: country, Sector: id}, Code: cameo}
		switch shape & 7 {
		case 1:
			c.People = &dyad.SidePeople{}
		case 2:
			c.People = &dyad.SidePeople{Source: []string{p1}}
		case 3:
			c.People = &dyad.SidePeople{Target: []string{p1, p2}}
		case 4:
			c.People = &dyad.SidePeople{Source: []string{p2, p1}, Target: []string{p1}}
		}
		b, err := json.Marshal(&c)
		if err != nil {
			t.Fatal(err)
		}
		var want dyad.MentionCoding
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatal(err)
		}
		got, err := decodeCoding(b)
		if err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if !reflect.DeepEqual(*got, want) {
			t.Fatalf("%s read %#v, want %#v", b, *got, want)
		}
		// Bytes that are not encoding/json's own form: what is read by hand must be what json.Unmarshal reads.
		for _, in := range [][]byte{[]byte(code), []byte(name + cameo), append([]byte(`{"source":{"code":"`), name...)} {
			var h dyad.MentionCoding
			if !readCoding(in, &h) {
				continue
			}
			var u dyad.MentionCoding
			if err := json.Unmarshal(in, &u); err != nil || !reflect.DeepEqual(h, u) {
				t.Fatalf("%q read by hand as %#v; json.Unmarshal: %#v, %v", in, h, u, err)
			}
		}
	})
}

// TestDecodeCodingByHand checks that the codings saves write are read by hand, and that the forms
// encoding/json does not write go to json.Unmarshal.
func TestDecodeCodingByHand(t *testing.T) {
	for _, in := range []string{
		`{"source":{"code":"VNMGOV","name":"Pham Minh Chinh","actor_id":"pham-minh-chinh","country":"VNM","sector":"GOV"},"target":{"code":"CHN","name":"China","actor_id":"CHN","country":"CHN"},"code":"042","people":{"source":["pham-minh-chinh"]}}`,
		`{"source":{"code":"","name":""},"target":{"code":"","name":""},"code":""}`,
		`{"source":{"code":"A","name":"B"},"target":{"code":"C","name":"D"},"code":"01","people":{}}`,
		`{"source":{"code":"A","name":"B"},"target":{"code":"C","name":"D"},"code":"01","people":{"target":["x","y"]}}`,
	} {
		var c dyad.MentionCoding
		if !readCoding([]byte(in), &c) {
			t.Errorf("%s: not read by hand", in)
		}
	}
	for _, in := range []string{
		`{"source":{"name":"B","code":"A"},"target":{"code":"C","name":"D"},"code":"01"}`,
		`{"source":{"code":"A\u0041","name":"B"},"target":{"code":"C","name":"D"},"code":"01"}`,
		`{"source":{"code":"A","name":"B"},"target":{"code":"C","name":"D"},"code":"01","people":null}`,
		`{"source":{"code":"A","name":"B"},"target":{"code":"C","name":"D"},"code":"01"} `,
	} {
		var c dyad.MentionCoding
		if readCoding([]byte(in), &c) {
			t.Errorf("%s: read by hand", in)
		}
		got, err := decodeCoding([]byte(in))
		var want dyad.MentionCoding
		if err2 := json.Unmarshal([]byte(in), &want); err != nil || err2 != nil || !reflect.DeepEqual(*got, want) {
			t.Errorf("%s: %#v, %v; want %#v, %v", in, got, err, want, err2)
		}
	}
	if _, err := decodeCoding([]byte(`{"source":`)); err == nil {
		t.Error("a truncated coding read without error")
	}
}
