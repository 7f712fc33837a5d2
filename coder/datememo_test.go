package coder

import (
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// TestDateMemoSameAnswers codes articles whose date expressions repeat under different reference dates with
// one coder, twice and from several goroutines at once, and checks each answer against a coder that codes
// that article alone: the memo across articles changes no date.
func TestDateMemoSameAnswers(t *testing.T) {
	shared := newTestCoder(t)
	actors := loadTestActors(t)
	var arts []*dyad.Article
	for i, pub := range []string{"2023-12-04", "2024-01-10", "2023-12-04", "", "2025-03-10"} {
		for j, txt := range []string{
			"Wang Yi met Le Hoai Trung on Saturday.",
			"HANOI, Dec. 2 (Agency) -- Wang Yi met Le Hoai Trung on Saturday.",
			"Wang Yi met Le Hoai Trung in Hanoi on February 5 to plan for 2024.",
			"Wang Yi met Le Hoai Trung on 5 February.",
		} {
			arts = append(arts, &dyad.Article{ID: fmt.Sprint(i, j), Lang: "en", Text: txt, Published: dyad.NullString(pub)})
		}
	}
	arts = append(arts,
		&dyad.Article{ID: "vi", Lang: "vi", Text: "Ngày 18/2, Vương Nghị đã hội kiến Le Hoai Trung.", Published: "2025-03-10"},
		&dyad.Article{ID: "vi2", Lang: "vi", Text: "Ngày 18/2, Vương Nghị đã hội kiến Le Hoai Trung.", Published: "2024-01-10"})
	want := make([]Result, len(arts))
	for i, a := range arts {
		want[i] = newTestCoder(t).Code(a, handMentions(actors, a.Text))
		if len(want[i].Events) == 0 {
			t.Fatalf("%s: no event", a.ID)
		}
	}
	if want[0].Events[0].Date == want[4].Events[0].Date {
		t.Fatalf("the same expression under two reference dates gave one date %q: the test shows nothing", want[0].Events[0].Date)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 2 {
				for i, a := range arts {
					got := shared.Code(a, handMentions(actors, a.Text))
					if !reflect.DeepEqual(got.Events, want[i].Events) {
						t.Errorf("goroutine %d, round %d, %s: events %+v, want %+v", g, round, a.ID, got.Events, want[i].Events)
					}
				}
			}
		}()
	}
	wg.Wait()
	if len(shared.dates.m) == 0 && len(shared.dates.shapes) == 0 {
		t.Error("the memo kept no date")
	}
}

// TestDateMemoBounded checks that a full memo starts afresh instead of growing.
func TestDateMemoBounded(t *testing.T) {
	c := newTestCoder(t)
	lg := c.langs["en"]
	lg.ensure()
	d := &doc{c: c, lg: lg, a: &dyad.Article{Lang: "en"}}
	ref, err := time.Parse("2006-01-02", "2024-05-06") // a Monday
	if err != nil {
		t.Fatal(err)
	}
	d.ref.t, d.ref.ok = ref, true
	c.dates.m = map[dateKey]when{}
	for i := range dateMemoSize {
		c.dates.m[dateKey{lg: lg, ref: ref, s: fmt.Sprint("x", i)}] = when{}
	}
	if n := len(c.dates.m); n != dateMemoSize {
		t.Fatalf("%d dates kept, want %d", n, dateMemoSize)
	}
	if w := c.dates.parse(d, "on Monday", dateCand{}); w.date != "2024-05-06" {
		t.Errorf("on Monday: %+v, want 2024-05-06", w)
	}
	if n := len(c.dates.m); n != 1 {
		t.Errorf("%d dates kept after the memo was full, want 1", n)
	}
}
