package nats

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Linking in the stream's order.
//
// Linking is incremental, and where the match relation is not transitive (a late "bridge", docs/link.md
// "Order") the events depend on the order in which mentions arrive. `dyad ingest` links in input order; the
// workers of a queue take documents in whatever order their goroutines finish them. So that the workers
// store exactly the events one `dyad ingest` of the same documents stores, a worker links a document only
// once every earlier message of the stream that shares a lock name with it (an event key or a near-duplicate
// band: what linking reads and changes, link.Linker.Locks) is stored, that is gone from the work-queue
// stream. Documents of other names go on at the same time. Each worker declares a document's names, once it
// has processed it, in a key-value bucket under the message's stream sequence; an earlier message whose
// names are not declared yet (still being processed) is waited for as one that shares them.

// NamesBucket is the key-value bucket where workers declare the lock names of the documents they hold.
const NamesBucket = "DYAD_LINK_NAMES"

type seqKey struct{}

// Seq returns the stream sequence of the message whose handler runs with ctx (0 outside Queue.Work).
func Seq(ctx context.Context) uint64 {
	s, _ := ctx.Value(seqKey{}).(uint64)
	return s
}

// Later is returned by a handler (from Queue.Turn) when a document must wait for earlier ones that no worker
// has declared for a while (one may have died holding them): Work gives the message back to the stream
// after a short delay, so that this worker can take the earlier ones meanwhile. It is not counted against
// the document.
type Later struct{ Err error }

func (l Later) Error() string { return l.Err.Error() }
func (l Later) Unwrap() error { return l.Err }

// laterDelay is how long a message given back by Later waits before it is delivered again.
const laterDelay = time.Second

// hashNames hashes lock names to the 64-bit values a declaration holds (a collision only makes a worker wait for
// a document it need not).
func hashNames(names []string) []uint64 {
	out := make([]uint64, 0, len(names))
	h := fnv.New64a()
	for _, n := range names {
		h.Reset()
		h.Write([]byte(n))
		out = append(out, h.Sum64())
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func encodeNames(hs []uint64) []byte {
	b := make([]byte, 0, 8*len(hs))
	for _, h := range hs {
		b = binary.BigEndian.AppendUint64(b, h)
	}
	return b
}

func decodeNames(b []byte) ([]uint64, error) {
	if len(b)%8 != 0 {
		return nil, fmt.Errorf("declaration of %d bytes", len(b))
	}
	out := make([]uint64, 0, len(b)/8)
	for i := 0; i < len(b); i += 8 {
		out = append(out, binary.BigEndian.Uint64(b[i:]))
	}
	return out, nil
}

// share reports whether two sorted lists have a value in common.
func share(a, b []uint64) bool {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}

func seqName(seq uint64) string { return "s" + strconv.FormatUint(seq, 10) }

func (q *Queue) namesBucket(ctx context.Context) (jetstream.KeyValue, error) {
	q.kvOnce.Lock()
	defer q.kvOnce.Unlock()
	if q.kv != nil {
		return q.kv, nil
	}
	// A declaration outlives its message only when a worker died after making it; the TTL tidies those.
	kv, err := q.js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: NamesBucket, TTL: 24 * time.Hour})
	if err != nil {
		return nil, fmt.Errorf("nats bucket %s: %w", NamesBucket, err)
	}
	q.kv = kv
	return kv, nil
}

// Turn declares names as the lock names of the message seq and waits until no earlier message of the stream
// that shares one of them (or has not declared its names yet) remains in the stream. It returns nil when seq
// may be linked, Later when an undeclared earlier message kept it waiting longer than patience, or an error
// when NATS cannot be asked (a handler returns it as Unavailable: the message is kept and tried again).
func (q *Queue) Turn(ctx context.Context, seq uint64, names []string, patience time.Duration) error {
	if seq == 0 {
		return nil
	}
	kv, err := q.namesBucket(ctx)
	if err != nil {
		return err
	}
	mine := hashNames(names)
	if _, err := kv.Put(ctx, seqName(seq), encodeNames(mine)); err != nil {
		return fmt.Errorf("declare message %d: %w", seq, err)
	}
	known := map[uint64][]uint64{} // declarations read so far: they do not change
	wait, undeclaredSince := 5*time.Millisecond, time.Time{}
	for {
		blocker, undeclared, err := q.earlier(ctx, kv, seq, mine, known)
		if err != nil {
			return err
		}
		if blocker == 0 {
			return nil
		}
		if !undeclared {
			undeclaredSince = time.Time{}
		} else if undeclaredSince.IsZero() {
			undeclaredSince = time.Now()
		} else if time.Since(undeclaredSince) > patience {
			return Later{fmt.Errorf("message %d waits for message %d, which no worker has declared for %v", seq, blocker, patience)}
		}
		if !sleep(ctx, wait) {
			return ctx.Err()
		}
		wait = min(2*wait, 200*time.Millisecond)
	}
}

// earlier returns the first message before seq still in the stream that seq must wait for (0 when none),
// and whether it waits because that message's names are not declared.
func (q *Queue) earlier(ctx context.Context, kv jetstream.KeyValue, seq uint64, mine []uint64, known map[uint64][]uint64) (uint64, bool, error) {
	info, err := q.stream.Info(ctx, jetstream.WithDeletedDetails(true))
	if err != nil {
		return 0, false, err
	}
	st := info.State
	if st.Msgs == 0 || st.FirstSeq >= seq {
		return 0, false, nil
	}
	gone := make(map[uint64]bool, len(st.Deleted))
	for _, d := range st.Deleted {
		gone[d] = true
	}
	for s := st.FirstSeq; s < seq; s++ {
		if gone[s] {
			continue
		}
		names, ok := known[s]
		if !ok {
			e, err := kv.Get(ctx, seqName(s))
			if errors.Is(err, jetstream.ErrKeyNotFound) {
				return s, true, nil
			}
			if err != nil {
				return 0, false, err
			}
			if names, err = decodeNames(e.Value()); err != nil {
				return 0, false, fmt.Errorf("message %d: %w", s, err)
			}
			known[s] = names
		}
		if share(names, mine) {
			return s, false, nil
		}
	}
	return 0, false, nil
}

// forget removes the declaration of a message that has left the stream.
func (q *Queue) forget(ctx context.Context, seq uint64) {
	q.kvOnce.Lock()
	kv := q.kv
	q.kvOnce.Unlock()
	if kv != nil && seq != 0 {
		kv.Delete(ctx, seqName(seq))
	}
}
