// Package nats is dyad's scale-out work queue on NATS JetStream: `dyad ingest --queue` publishes raw
// documents to a work-queue stream, and any number of `dyad worker` processes take them through one shared
// durable pull consumer. A message is acknowledged only after its record is stored, so a lost worker's
// messages are redelivered; stores treat a re-saved article as a no-op, so nothing is doubled.
package nats

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	natsgo "github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyad-events/dyad"
)

// Names of the stream, its subject and the workers' durable consumer.
const (
	Stream   = "DYAD_DOCUMENTS"
	Subject  = "dyad.documents"
	Consumer = "dyad-workers"
)

// Options tune a Queue. Zero values take the defaults.
type Options struct {
	AckWait    time.Duration // how long a worker may hold a message before it is redelivered (default 60s)
	MaxDeliver int           // deliveries before a message is given up (default 5)
}

// Queue is a connection to the document stream.
type Queue struct {
	nc   *natsgo.Conn
	js   jetstream.JetStream
	cons jetstream.Consumer
	opts Options
}

// Connect connects to a NATS server and makes sure the stream and the consumer exist.
func Connect(ctx context.Context, url string, opts Options, natsOpts ...natsgo.Option) (*Queue, error) {
	if opts.AckWait == 0 {
		opts.AckWait = time.Minute
	}
	if opts.MaxDeliver == 0 {
		opts.MaxDeliver = 5
	}
	nc, err := natsgo.Connect(url, append([]natsgo.Option{natsgo.Name("dyad")}, natsOpts...)...)
	if err != nil {
		return nil, fmt.Errorf("nats %s: %w", url, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, err
	}
	st, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name: Stream, Subjects: []string{Subject}, Retention: jetstream.WorkQueuePolicy,
		Duplicates: 10 * time.Minute,
	})
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("nats stream %s: %w", Stream, err)
	}
	cons, err := st.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable: Consumer, AckPolicy: jetstream.AckExplicitPolicy, AckWait: opts.AckWait, MaxDeliver: opts.MaxDeliver,
	})
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("nats consumer %s: %w", Consumer, err)
	}
	return &Queue{nc: nc, js: js, cons: cons, opts: opts}, nil
}

// Close closes the connection.
func (q *Queue) Close() { q.nc.Close() }

// Publish puts a document on the queue. The message id is a hash of the document, so publishing the same
// document twice within the stream's duplicate window stores it once.
func (q *Queue) Publish(ctx context.Context, doc *dyad.Document) error {
	b, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	h := sha256.Sum256(b)
	_, err = q.js.Publish(ctx, Subject, b, jetstream.WithMsgID(hex.EncodeToString(h[:16])))
	if err != nil {
		return fmt.Errorf("publish %s: %w", doc.URI, err)
	}
	return nil
}

// Pending returns the number of messages in the stream not yet acknowledged.
func (q *Queue) Pending(ctx context.Context) (uint64, error) {
	st, err := q.js.Stream(ctx, Stream)
	if err != nil {
		return 0, err
	}
	info, err := st.Info(ctx)
	if err != nil {
		return 0, err
	}
	return info.State.Msgs, nil
}

// Permanent marks a handler error that retrying cannot fix (a bad document): the message is terminated, not
// redelivered.
type Permanent struct{ Err error }

func (p Permanent) Error() string { return p.Err.Error() }
func (p Permanent) Unwrap() error { return p.Err }

// Work takes documents from the queue and calls handle for each until ctx is done. A nil error acknowledges
// the message; a Permanent error terminates it; any other error asks for redelivery after a short delay.
// Malformed messages are terminated and reported through handle's error path (onBad).
func (q *Queue) Work(ctx context.Context, handle func(ctx context.Context, doc *dyad.Document) error, onBad func(error)) error {
	it, err := q.cons.Messages(jetstream.PullMaxMessages(16))
	if err != nil {
		return err
	}
	go func() {
		<-ctx.Done()
		it.Stop()
	}()
	for {
		msg, err := it.Next()
		if err != nil {
			if errors.Is(err, jetstream.ErrMsgIteratorClosed) || ctx.Err() != nil {
				return ctx.Err()
			}
			return err
		}
		var doc dyad.Document
		if err := json.Unmarshal(msg.Data(), &doc); err != nil {
			msg.Term()
			if onBad != nil {
				onBad(fmt.Errorf("queue message: %w", err))
			}
			continue
		}
		err = handle(ctx, &doc)
		var perm Permanent
		switch {
		case err == nil:
			msg.Ack()
		case errors.As(err, &perm):
			msg.Term()
			if onBad != nil {
				onBad(err)
			}
		default:
			msg.NakWithDelay(time.Second)
			if onBad != nil {
				onBad(err)
			}
		}
	}
}
