package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// The CLI's end-to-end tests are the scripts in testdata/script: files in, commands, expected output.
// $SEEDS is ../shared/seeds (the real crawled articles) and $SAMPLE the bundled sample corpus.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"dyad": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
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
			if _, err := os.Stat(seeds); err != nil {
				if os.Getenv("CI") != "" {
					t.Fatalf("seeds missing at %s", seeds)
				}
				env.Setenv("NOSEEDS", "1")
			}
			return nil
		},
	})
}
