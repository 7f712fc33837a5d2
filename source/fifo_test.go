//go:build unix

package source

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// A named pipe met by a glob or a folder walk is skipped with its reason, not opened (which would wait for
// a writer for ever); one named on its own is opened, and a cancelled context (Ctrl-C) still stops it.
func TestNamedPipe(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	write(t, dir, "a.txt", []byte("An article about a summit in Quito."))
	for _, arg := range []string{filepath.Join(dir, "*.txt"), dir} {
		done := make(chan result, 1)
		go func() { done <- collect(t, []string{arg}, "") }()
		select {
		case r := <-done:
			if len(r.docs) != 1 || len(r.errs) != 1 || !errors.Is(r.errs[0], dyad.ErrSkipped) || !strings.Contains(r.errs[0].Error(), "named pipe") {
				t.Errorf("%s: docs %s, errors %v", arg, uris(r.docs), r.errs)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: hangs on the named pipe", arg)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		var last error
		for _, err := range Open([]string{fifo}, nil).Documents(ctx) {
			last = err
		}
		done <- last
	}()
	time.Sleep(100 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("named pipe, cancelled: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a cancelled read of a named pipe does not stop")
	}
}
