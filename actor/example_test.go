package actor_test

import (
	"fmt"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/packs"
)

func ExampleDictionary_Recognize() {
	d, err := actor.Load(packs.Default())
	if err != nil {
		fmt.Println(err)
		return
	}
	a := &dyad.Article{
		Lang:      "en",
		Published: "2019-05-02",
		Text:      "China's foreign minister met Vietnamese Prime Minister Nguyen Xuan Phuc. Phuc thanked him.",
	}
	for _, m := range d.Recognize(a) {
		fmt.Printf("%s -> %s %s (%s)\n", m.Text, m.Actor.Name, m.Actor.Code, m.Via)
	}
	// Output:
	// China's foreign minister -> Wang Yi CHNGOV (office)
	// Vietnamese -> Vietnam VNM (demonym)
	// Nguyen Xuan Phuc -> Nguyen Xuan Phuc VNMGOV (name)
	// Phuc -> Nguyen Xuan Phuc VNMGOV (coref)
}

func ExampleDictionary_Search() {
	d, err := actor.Load(packs.Default())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range d.Search("liu jian", 3) {
		fmt.Println(a.ID, a.Name, a.Country, a.Roles[0].From, a.Roles[0].To)
	}
	// Output:
	// liu-jianchao Liu Jianchao CHN 2022-05 2025-09
}
