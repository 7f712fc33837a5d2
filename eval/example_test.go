package eval_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/eval"
)

func ExampleEvents() {
	g, err := eval.ReadGold("example.jsonl", strings.NewReader(
		`{"id":"en-001","lang":"en","date":"2023-12-13","text":"Xi Jinping held talks with Nguyen Phu Trong in Hanoi.","events":[{"source":"CHN","target":"VNM","code":"042"}]}`+"\n"+
			`{"id":"en-002","lang":"en","date":"2024-01-20","text":"Indonesia beat Vietnam 1-0 in Doha.","events":[]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	// A stand-in for the real pipeline: it codes the meeting as a visit by the Chinese government.
	coder := func(_ context.Context, lang, date, text string) (*dyad.Record, error) {
		rec := &dyad.Record{}
		if strings.HasPrefix(text, "Xi") {
			rec.Events = []dyad.Event{{Source: dyad.EventActor{Code: "CHNGOV"}, Target: dyad.EventActor{Code: "VNM"}, Code: "042"}}
		}
		return rec, nil
	}
	r, err := eval.Events(context.Background(), g, coder)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := r.WriteText(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// events gold set example.jsonl: 2 items
	//
	// score           TP  FP  FN  P      R      F1
	// root match      1   0   0   1.000  1.000  1.000
	// exact code      1   0   0   1.000  1.000  1.000
	// countries+root  1   0   0   1.000  1.000  1.000
	//
	// language  TP  FP  FN  P      R      F1
	// en        1   0   0   1.000  1.000  1.000
	//
	// root  TP  FP  FN  P      R      F1
	// 04    1   0   0   1.000  1.000  1.000
}
