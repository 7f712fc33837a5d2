// Package nats is dyad's scale-out work queue on NATS JetStream: `dyad ingest --queue` publishes raw
// documents to a work-queue stream, and any number of `dyad worker` processes take them through one shared
// durable pull consumer.
//
// The queue loses nothing. A message is acknowledged only after its record is stored, so a lost worker's
// messages are redelivered (at-least-once; stores treat a re-saved article as a no-op, so nothing is doubled).
// A store that cannot be reached is not a bad message: the worker keeps the message, backs off and tries
// again for as long as the outage lasts. A message leaves the queue unstored only when the document itself
// is bad, and then it goes to a dead-letter stream with its reason, where `dyad deadletters` shows it.
package nats

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	natsgo "github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyad-events/dyad"
)

// Names of the streams, their subjects and the workers' durable consumer.
const (
	Stream   = "DYAD_DOCUMENTS"
	Subject  = "dyad.documents"
	Consumer = "dyad-workers"

	DeadStream  = "DYAD_DEADLETTERS"
	DeadSubject = "dyad.deadletters"
)

// Headers a dead letter carries besides the original message body.
const (
	HeaderReason     = "Dyad-Reason"
	HeaderURI        = "Dyad-Uri"
	HeaderDeliveries = "Dyad-Deliveries"
)

// Options tune a Queue. Zero values take the defaults.
type Options struct {
	// AckWait is how long a worker that stops answering may hold a message before it is given to another
	// (default 60s). A live worker extends it while it works or waits for the store.
	AckWait time.Duration
	// MaxDeliver is how many deliveries a message may have before it is dead-lettered as one that no worker
	// ever finishes (a worker dies on it each time); default 50. The server itself never gives a message up.
	MaxDeliver int
	// Retries is how many times an error that is neither Permanent nor Unavailable is tried, with backoff,
	// before the message is dead-lettered (default 5).
	Retries int
	// MinBackoff and MaxBackoff bound the exponential wait between tries (defaults 1s and 30s).
	MinBackoff, MaxBackoff time.Duration
}

func (o *Options) defaults() {
	if o.AckWait <= 0 {
		o.AckWait = time.Minute
	}
	if o.MaxDeliver <= 0 {
		o.MaxDeliver = 50
	}
	if o.Retries <= 0 {
		o.Retries = 5
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 30 * time.Second
	}
	if o.MinBackoff <= 0 {
		o.MinBackoff = time.Second
	}
	o.MinBackoff = min(o.MinBackoff, o.MaxBackoff)
}

// Queue is a connection to the document stream.
type Queue struct {
	nc     *natsgo.Conn
	js     jetstream.JetStream
	cons   jetstream.Consumer
	stream jetstream.Stream // the work stream, whose state Turn reads
	opts   Options

	kvOnce sync.Mutex
	kv     jetstream.KeyValue // NamesBucket, made on first use (Turn)
}

// Connect connects to a NATS server and makes sure the streams and the consumer exist.
func Connect(ctx context.Context, url string, opts Options, natsOpts ...natsgo.Option) (*Queue, error) {
	opts.defaults()
	// Reconnect for ever: a worker waiting out a NATS restart must not give up its place.
	nc, err := natsgo.Connect(url, append([]natsgo.Option{natsgo.Name("dyad"), natsgo.MaxReconnects(-1)}, natsOpts...)...)
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
	if _, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name: DeadStream, Subjects: []string{DeadSubject}, Retention: jetstream.LimitsPolicy,
		Duplicates: 10 * time.Minute,
	}); err != nil {
		nc.Close()
		return nil, fmt.Errorf("nats stream %s: %w", DeadStream, err)
	}
	// MaxDeliver -1: the server never drops a message from the consumer's view; dead-lettering is ours.
	cons, err := st.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable: Consumer, AckPolicy: jetstream.AckExplicitPolicy, AckWait: opts.AckWait, MaxDeliver: -1,
	})
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("nats consumer %s: %w", Consumer, err)
	}
	return &Queue{nc: nc, js: js, cons: cons, stream: st, opts: opts}, nil
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

// Pending returns the number of messages in the stream not yet acknowledged or dead-lettered, those in a
// worker's hand included.
func (q *Queue) Pending(ctx context.Context) (uint64, error) {
	return q.count(ctx, Stream)
}

// DeadCount returns the number of messages in the dead-letter stream.
func (q *Queue) DeadCount(ctx context.Context) (uint64, error) {
	return q.count(ctx, DeadStream)
}

func (q *Queue) count(ctx context.Context, name string) (uint64, error) {
	st, err := q.js.Stream(ctx, name)
	if err != nil {
		return 0, err
	}
	info, err := st.Info(ctx)
	if err != nil {
		return 0, err
	}
	return info.State.Msgs, nil
}

// Permanent marks a handler error that retrying cannot fix (a bad document): the message is dead-lettered.
type Permanent struct{ Err error }

func (p Permanent) Error() string { return p.Err.Error() }
func (p Permanent) Unwrap() error { return p.Err }

// Unavailable marks a handler error that says nothing about the document: something it needs (the store)
// cannot be reached. The worker keeps the message and tries again with backoff for as long as it takes.
type Unavailable struct{ Err error }

func (u Unavailable) Error() string { return u.Err.Error() }
func (u Unavailable) Unwrap() error { return u.Err }

// EventKind says what happened to a message.
type EventKind int

// What Work reports.
const (
	Done         EventKind = iota // handled and acknowledged
	Retrying                      // failed; kept, and tried again after Wait
	DeadLettered                  // moved to the dead-letter stream with its reason
	Deferred                      // given back to the stream until earlier documents are linked (Later)
)

// Event is what Work reports about one message.
type Event struct {
	Kind EventKind
	URI  string        // the document's URI, when the message could be read
	Err  error         // why it failed (Retrying, DeadLettered)
	Wait time.Duration // the wait before the next try (Retrying)
}

// Work takes documents from the queue one at a time and calls handle for each until ctx is done. A nil
// error acknowledges the message. An Unavailable error keeps the message in this worker's hand and tries
// again with exponential backoff (capped at MaxBackoff) until it succeeds, for as long as that takes. A
// Permanent error, a malformed message, a panic, or another error that persists for Retries tries,
// dead-letters the message with its reason. Every outcome is passed to report when it is not nil.
func (q *Queue) Work(ctx context.Context, handle func(ctx context.Context, doc *dyad.Document) error, report func(Event)) error {
	if report == nil {
		report = func(Event) {}
	}
	for {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		// One message at a time, not a prefetched batch: messages buffered behind one held through a store
		// outage would time out and be delivered again elsewhere for nothing.
		msg, err := q.cons.Next(jetstream.FetchContext(ctx))
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if errors.Is(err, natsgo.ErrTimeout) || errors.Is(err, jetstream.ErrNoMessages) {
				continue
			}
			if errors.Is(err, natsgo.ErrConnectionClosed) {
				return err
			}
			// NATS itself is away: wait and fetch again, the messages are safe in the stream.
			if !sleep(ctx, q.opts.MinBackoff) {
				return ctx.Err()
			}
			continue
		}
		q.handleMsg(ctx, msg, handle, report)
	}
}

func (q *Queue) handleMsg(ctx context.Context, msg jetstream.Msg, handle func(context.Context, *dyad.Document) error, report func(Event)) {
	deliveries, seq := uint64(1), uint64(0)
	if meta, err := msg.Metadata(); err == nil {
		deliveries, seq = meta.NumDelivered, meta.Sequence.Stream
	}
	ctx = context.WithValue(ctx, seqKey{}, seq)
	// Whatever becomes of the message, its declaration (Turn) goes once it has left this worker's hand.
	defer q.forget(context.WithoutCancel(ctx), seq)
	var doc dyad.Document
	if err := json.Unmarshal(msg.Data(), &doc); err != nil {
		q.deadLetter(ctx, msg, "", deliveries, fmt.Errorf("malformed queue message: %w", err), report)
		return
	}
	if deliveries > uint64(q.opts.MaxDeliver) {
		q.deadLetter(ctx, msg, doc.URI, deliveries, fmt.Errorf("%s: delivered %d times and never finished (a worker may die on it)", doc.URI, deliveries), report)
		return
	}
	wait, tries := q.opts.MinBackoff, 0
	for {
		err := q.call(ctx, msg, handle, &doc)
		var perm Permanent
		var unav Unavailable
		var later Later
		switch {
		case err == nil:
			// An ack lost with the connection means a redelivery, which the store folds: at-least-once.
			msg.Ack()
			report(Event{Kind: Done, URI: doc.URI})
			return
		case ctx.Err() != nil:
			msg.Nak() // shutting down: give it back now rather than after AckWait
			return
		case errors.As(err, &perm):
			q.deadLetter(ctx, msg, doc.URI, deliveries, err, report)
			return
		case errors.As(err, &later):
			// Earlier documents must be linked first and no worker holds them: give this one back, and let
			// this worker take them.
			msg.NakWithDelay(laterDelay)
			report(Event{Kind: Deferred, URI: doc.URI, Err: err, Wait: laterDelay})
			return
		case errors.As(err, &unav):
			// Not the document's fault: not counted against it.
		default:
			if tries++; tries >= q.opts.Retries {
				q.deadLetter(ctx, msg, doc.URI, deliveries, fmt.Errorf("failed %d times: %w", tries, err), report)
				return
			}
		}
		report(Event{Kind: Retrying, URI: doc.URI, Err: err, Wait: wait})
		if !q.hold(ctx, msg, wait) {
			msg.Nak()
			return
		}
		wait = min(2*wait, q.opts.MaxBackoff)
	}
}

// call runs handle, telling the server the message is still being worked on every AckWait/3 so that a long
// document is not handed to a second worker, and turning a panic into a Permanent error.
func (q *Queue) call(ctx context.Context, msg jetstream.Msg, handle func(context.Context, *dyad.Document) error, doc *dyad.Document) (err error) {
	done := make(chan struct{})
	defer close(done)
	go func() {
		t := time.NewTicker(q.opts.AckWait / 3)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				msg.InProgress()
			}
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			err = Permanent{fmt.Errorf("%s: panic while processing: %v", doc.URI, r)}
		}
	}()
	return handle(ctx, doc)
}

// hold waits d while keeping msg in this worker's hand; false when ctx ended first.
func (q *Queue) hold(ctx context.Context, msg jetstream.Msg, d time.Duration) bool {
	end := time.Now().Add(d)
	for {
		msg.InProgress()
		left := time.Until(end)
		if left <= 0 {
			return true
		}
		if !sleep(ctx, min(left, q.opts.AckWait/3)) {
			return false
		}
	}
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// deadLetter copies msg to the dead-letter stream with its reason, then terminates it. When the copy cannot
// be stored the message is given back instead: it is never dropped unrecorded.
func (q *Queue) deadLetter(ctx context.Context, msg jetstream.Msg, uri string, deliveries uint64, reason error, report func(Event)) {
	m := natsgo.NewMsg(DeadSubject)
	m.Data = msg.Data()
	m.Header.Set(HeaderReason, reason.Error())
	m.Header.Set(HeaderURI, uri)
	m.Header.Set(HeaderDeliveries, strconv.FormatUint(deliveries, 10))
	var opts []jetstream.PublishOpt
	if meta, err := msg.Metadata(); err == nil {
		// A worker that dies between the copy and the Term copies it again: the id makes that a no-op.
		opts = append(opts, jetstream.WithMsgID(fmt.Sprintf("dead-%d", meta.Sequence.Stream)))
	}
	if _, err := q.js.PublishMsg(ctx, m, opts...); err != nil {
		msg.NakWithDelay(q.opts.MinBackoff)
		report(Event{Kind: Retrying, URI: uri, Err: fmt.Errorf("dead-letter %s: %w", uri, err), Wait: q.opts.MinBackoff})
		return
	}
	msg.Term()
	report(Event{Kind: DeadLettered, URI: uri, Err: reason})
}

// DeadLetter is a message the workers gave up on, with the reason.
type DeadLetter struct {
	Seq        uint64         `json:"seq"`
	Time       time.Time      `json:"time"`
	URI        string         `json:"uri"`
	Reason     string         `json:"reason"`
	Deliveries int            `json:"deliveries"`
	Document   *dyad.Document `json:"-"`
}

// DeadLetters returns the dead-lettered messages, oldest first.
func (q *Queue) DeadLetters(ctx context.Context) ([]DeadLetter, error) {
	st, err := q.js.Stream(ctx, DeadStream)
	if err != nil {
		return nil, err
	}
	info, err := st.Info(ctx)
	if err != nil {
		return nil, err
	}
	var out []DeadLetter
	if info.State.Msgs == 0 {
		return nil, nil
	}
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq; seq++ {
		m, err := st.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue // requeued or purged
		}
		if err != nil {
			return out, fmt.Errorf("dead letter %d: %w", seq, err)
		}
		d := DeadLetter{Seq: seq, Time: m.Time, URI: m.Header.Get(HeaderURI), Reason: m.Header.Get(HeaderReason)}
		d.Deliveries, _ = strconv.Atoi(m.Header.Get(HeaderDeliveries))
		var doc dyad.Document
		if json.Unmarshal(m.Data, &doc) == nil {
			d.Document = &doc
		}
		out = append(out, d)
	}
	return out, nil
}

// Requeue puts a dead letter back on the work queue (after the cause was fixed) and removes it from the
// dead-letter stream.
func (q *Queue) Requeue(ctx context.Context, seq uint64) error {
	st, err := q.js.Stream(ctx, DeadStream)
	if err != nil {
		return err
	}
	m, err := st.GetMsg(ctx, seq)
	if err != nil {
		return fmt.Errorf("dead letter %d: %w", seq, err)
	}
	// A fresh message id: the original one may still sit in the work stream's duplicate window.
	if _, err := q.js.Publish(ctx, Subject, m.Data, jetstream.WithMsgID(fmt.Sprintf("requeue-%d-%d", seq, m.Time.UnixNano()))); err != nil {
		return fmt.Errorf("requeue dead letter %d: %w", seq, err)
	}
	return st.DeleteMsg(ctx, seq)
}
