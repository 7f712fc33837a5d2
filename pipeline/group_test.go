package pipeline

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// groupStore is a memStore whose batches are saved in groups: a group's records are staged, seen by
// HasArticle only once it commits (as a reader of another connection would), and a batch that fails is
// undone alone.
type groupStore struct {
	memStore
	gmu     sync.Mutex
	staged  []*dyad.Record // the open group's records
	commits []int          // the records of each commit
	visible bool           // Group.LinkSeesGroup
	undo    bool           // a failed batch undoes the group (dyad.ErrGroupRolledBack)
	alone   int            // records saved outside a group
}

func (s *groupStore) begin(ctx context.Context) (*Group, error) {
	return &Group{SaveLinked: s.saveLinked, LinkSeesGroup: s.visible, Commit: s.commit}, nil
}

func (s *groupStore) saveLinked(ctx context.Context, recs []*dyad.Record, link func(ctx context.Context) ([]*dyad.Record, error)) ([]bool, error) {
	linked, err := link(ctx)
	if err != nil {
		return nil, err
	}
	s.gmu.Lock()
	defer s.gmu.Unlock()
	out := make([]bool, len(linked))
	for i, r := range linked {
		if r.Article.Text == "refused" {
			if s.undo {
				s.staged = nil
				return nil, fmt.Errorf("%w: constraint failed", dyad.ErrGroupRolledBack)
			}
			return nil, errors.New("constraint failed")
		}
		out[i] = !slices.ContainsFunc(s.staged, func(o *dyad.Record) bool { return o.Article.ID == r.Article.ID })
	}
	for i, r := range linked {
		if out[i] {
			s.staged = append(s.staged, r)
		}
	}
	return out, nil
}

func (s *groupStore) commit(ctx context.Context) error {
	s.gmu.Lock()
	staged := s.staged
	s.staged = nil
	s.commits = append(s.commits, len(staged))
	s.gmu.Unlock()
	for _, r := range staged {
		s.Save(ctx, r)
	}
	return nil
}

func (s *groupStore) commitSizes() string {
	s.gmu.Lock()
	defer s.gmu.Unlock()
	return fmt.Sprint(s.commits)
}

// groupRunner returns a runner of single-letter documents into st, Batch records a batch.
func groupRunner(st *groupStore, pending Pending, batch int) *Runner {
	return &Runner{
		Stages: Stages{Extract: func(d *dyad.Document) (*dyad.Article, error) {
			return &dyad.Article{ID: "id-" + string(d.Body), URI: d.URI, Text: string(d.Body)}, nil
		}},
		Store: st, Workers: 1, Batch: batch, SaveBatch: st.SaveBatch, Pending: pending,
		SaveLinked: func(ctx context.Context, recs []*dyad.Record, link func(ctx context.Context) ([]*dyad.Record, error)) ([]bool, error) {
			linked, err := link(ctx)
			if err != nil {
				return nil, err
			}
			stored, err := st.SaveBatch(ctx, linked)
			if err == nil {
				st.gmu.Lock()
				st.alone += len(linked)
				st.gmu.Unlock()
			}
			return stored, err
		},
		BeginGroup: st.begin, GroupBatches: 3, GroupWait: time.Minute,
	}
}

// Batches are saved in groups of GroupBatches, committed at once; a refused record fails alone (its batch
// is saved again one record at a time, in the group); a document repeated in a later batch of the group is
// a duplicate whether or not the link stage sees the group's records; everything is counted once committed.
func TestRunGrouped(t *testing.T) {
	for _, c := range []struct{ visible, undo bool }{{false, false}, {true, false}, {false, true}, {true, true}} {
		visible := c.visible
		t.Run(fmt.Sprintf("LinkSeesGroup=%v,undo=%v", c.visible, c.undo), func(t *testing.T) {
			var docs sliceSource
			for _, body := range strings.Fields("a b c a refused d e f g h i j k l m") {
				docs = append(docs, &dyad.Document{URI: "doc-" + body, Body: []byte(body)})
			}
			st := &groupStore{memStore: memStore{ids: map[string]bool{}}, visible: visible, undo: c.undo}
			pending := &memPending{ids: map[string]bool{}}
			r := groupRunner(st, pending, 2)
			// The runner's link: with visible, the store's staged records are what the link stage sees of the
			// group; else the pending records (memPending) are.
			sum, err := r.Run(context.Background(), funcSource(func(yield func(*dyad.Document, error) bool) {
				for _, d := range docs {
					if !yield(d, nil) {
						return
					}
					time.Sleep(time.Millisecond) // the writer keeps up: batches of 1-2
				}
			}))
			if err != nil {
				t.Fatal(err)
			}
			if sum.Stored != 13 || sum.Duplicates != 1 || sum.Failed != 1 {
				t.Errorf("summary %+v; want 13 stored, 1 duplicate, 1 failed", sum)
			}
			if strings.Join(st.saved, ",") != "id-a,id-b,id-c,id-d,id-e,id-f,id-g,id-h,id-i,id-j,id-k,id-l,id-m" {
				t.Errorf("saved %v", st.saved)
			}
			total := st.alone
			for _, n := range st.commits {
				total += n
			}
			if total != 13 || len(st.commits) < 2 {
				t.Errorf("commits of %s records and %d alone; want several, 13 in all", st.commitSizes(), st.alone)
			}
			if len(pending.ids) != 0 {
				t.Errorf("pending not emptied: %v", pending.ids)
			}
		})
	}
}

// A trickle of documents is committed within GroupWait: the source waits for each document to be stored
// (visible to HasArticle) before it reads the next.
func TestGroupCommitsTrickle(t *testing.T) {
	st := &groupStore{memStore: memStore{ids: map[string]bool{}}}
	pending := &memPending{ids: map[string]bool{}}
	r := groupRunner(st, pending, 256)
	r.GroupWait = 20 * time.Millisecond
	src := funcSource(func(yield func(*dyad.Document, error) bool) {
		for _, body := range []string{"a", "b", "c"} {
			if !yield(&dyad.Document{URI: "doc-" + body, Body: []byte(body)}, nil) {
				return
			}
			deadline := time.Now().Add(10 * time.Second)
			for ok, _ := st.HasArticle(context.Background(), "id-"+body); !ok; ok, _ = st.HasArticle(context.Background(), "id-"+body) {
				if time.Now().After(deadline) {
					t.Errorf("document %s not committed within GroupWait", body)
					return
				}
				time.Sleep(time.Millisecond)
			}
		}
	})
	sum, err := r.Run(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored != 3 || st.commitSizes() != "[1 1 1]" {
		t.Errorf("summary %+v, commits %s; want 3 stored, commits [1 1 1]", sum, st.commitSizes())
	}
}

// A cancelled run commits the batches its group saved: they are linked and stored whole.
func TestGroupCommitsOnCancel(t *testing.T) {
	st := &groupStore{memStore: memStore{ids: map[string]bool{}}}
	pending := &memPending{ids: map[string]bool{}}
	r := groupRunner(st, pending, 2)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	src := funcSource(func(yield func(*dyad.Document, error) bool) {
		for _, body := range []string{"a", "b"} {
			if !yield(&dyad.Document{URI: "doc-" + body, Body: []byte(body)}, nil) {
				return
			}
		}
		deadline := time.Now().Add(10 * time.Second)
		for {
			st.gmu.Lock()
			n := len(st.staged)
			st.gmu.Unlock()
			if n == 2 || time.Now().After(deadline) {
				break
			}
			time.Sleep(time.Millisecond)
		}
		cancel()
	})
	sum, err := r.Run(ctx, src)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v; want context.Canceled", err)
	}
	if sum.Stored != 2 || st.commitSizes() != "[2]" {
		t.Errorf("summary %+v, commits %s; want the 2 saved records committed", sum, st.commitSizes())
	}
}
