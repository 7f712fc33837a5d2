package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// The CLI's end-to-end tests are the scripts in testdata/script: files in, commands, expected output.
// $SEEDS is ../shared/seeds (the real crawled articles) and $SAMPLE the bundled sample corpus.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"dyad": func() {
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
			code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
			stop()
			os.Exit(code)
		},
	})
}

func TestScripts(t *testing.T) {
	seeds, _ := filepath.Abs("../../../shared/seeds")
	sample, _ := filepath.Abs("../../sample")
	gold, _ := filepath.Abs("../../testdata/gold")
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("SEEDS", seeds)
			env.Setenv("SAMPLE", sample)
			env.Setenv("GOLD", gold)
			env.Setenv("DYAD_DB", "")
			return nil
		},
		// [seeds] is true when ../shared/seeds is there; under CI it must be.
		Condition: func(cond string) (bool, error) {
			if cond != "seeds" {
				return false, fmt.Errorf("unknown condition %q", cond)
			}
			_, err := os.Stat(seeds)
			if err != nil && os.Getenv("CI") != "" {
				return false, fmt.Errorf("seeds missing at %s under CI", seeds)
			}
			return err == nil, nil
		},
	})
}
