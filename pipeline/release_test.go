package pipeline

import (
	"context"
	"errors"
	"testing"
)

type releasingStore struct {
	calls int
	err   error
}

func (s *releasingStore) ReleaseMemory(context.Context) error {
	s.calls++
	return s.err
}

// TestReleaseMemory: the store's caches are emptied when it can empty them, its error is passed on for a log,
// and a store that cannot is no error.
func TestReleaseMemory(t *testing.T) {
	st := &releasingStore{}
	if err := ReleaseMemory(context.Background(), st); err != nil || st.calls != 1 {
		t.Fatalf("ReleaseMemory = %v after %d calls, want nil after 1", err, st.calls)
	}
	st.err = errors.New("busy")
	if err := ReleaseMemory(context.Background(), st); !errors.Is(err, st.err) || st.calls != 2 {
		t.Fatalf("ReleaseMemory = %v after %d calls, want %v after 2", err, st.calls, st.err)
	}
	if err := ReleaseMemory(context.Background(), struct{}{}); err != nil {
		t.Fatalf("ReleaseMemory on a store without caches = %v", err)
	}
}
