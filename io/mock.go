package io

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// Mock is a CompletionRing for tests of code built on the ring. It performs
// nothing: it records the operations submitted, and the test completes them
// with results of its choosing (writing into their buffers first if it
// likes, since the Op it hands back shares them). Ids follow the same scheme
// as the real backends. Unlike a real ring, every method is safe for
// concurrent use, so a test can complete operations from another goroutine
// while the code under test waits.
type Mock struct {
	mu      sync.Mutex
	slots   slotTable
	ops     []mockSlot
	order   []uint64 // ids in submission order, completed ones removed lazily
	cq      []Completion
	flushes int
	closed  bool

	notify      chan struct{}
	wakePending atomic.Bool
	pending     atomic.Int64
}

var _ CompletionRing = (*Mock)(nil)

type mockSlot struct {
	op      Op
	flushed bool
	done    bool
}

// MockOp is an operation recorded by a Mock.
type MockOp struct {
	ID uint64
	Op Op
	// Flushed says a Flush or Wait has passed the operation on.
	Flushed bool
}

// NewMock returns an empty mock ring holding up to DefaultEntries
// operations.
func NewMock() *Mock {
	return &Mock{
		slots:  newSlotTable(DefaultEntries),
		ops:    make([]mockSlot, DefaultEntries),
		notify: make(chan struct{}, 1),
	}
}

// Backend returns "mock".
func (m *Mock) Backend() string { return BackendMock }

// Pending returns the number of operations submitted and not yet reaped.
func (m *Mock) Pending() int { return int(m.pending.Load()) }

// Submit records op and returns its id.
func (m *Mock) Submit(op *Op) (uint64, error) {
	if err := op.validate(); err != nil {
		return 0, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return 0, ErrClosed
	}
	idx, id, ok := m.slots.alloc()
	if !ok {
		return 0, ErrRingFull
	}
	m.ops[idx] = mockSlot{op: *op}
	m.order = append(m.order, id)
	m.pending.Add(1)
	return id, nil
}

// Flush marks every recorded operation as flushed and counts the call.
func (m *Mock) Flush() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return ErrClosed
	}
	m.flushes++
	for _, id := range m.order {
		if idx, ok := m.slots.lookup(id); ok {
			m.ops[idx].flushed = true
		}
	}
	return nil
}

// Flushes returns how many times Flush (or Wait) ran.
func (m *Mock) Flushes() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.flushes
}

// Ops returns the operations submitted and not yet completed, in
// submission order.
func (m *Mock) Ops() []MockOp {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []MockOp
	j := 0
	for _, id := range m.order {
		idx, ok := m.slots.lookup(id)
		if !ok || m.ops[idx].done {
			continue
		}
		m.order[j] = id
		j++
		out = append(out, MockOp{ID: id, Op: m.ops[idx].op, Flushed: m.ops[idx].flushed})
	}
	m.order = m.order[:j]
	return out
}

// Complete posts the completion of operation id with res and flags. It
// fails if id is not a submitted, uncompleted operation.
func (m *Mock) Complete(id uint64, res int32, flags uint32) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	idx, ok := m.slots.lookup(id)
	if !ok || m.ops[idx].done {
		return fmt.Errorf("io: mock: no operation %#x in flight", id)
	}
	s := &m.ops[idx]
	s.done = true
	m.cq = append(m.cq, Completion{ID: id, Res: res, Flags: flags, UserData: s.op.UserData})
	select {
	case m.notify <- struct{}{}:
	default:
	}
	return nil
}

// Reap returns posted completions in the order they were completed.
func (m *Mock) Reap(out []Completion) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := copy(out, m.cq)
	for _, c := range m.cq[:n] {
		idx := uint32(c.ID)
		m.ops[idx] = mockSlot{}
		m.slots.release(idx)
	}
	m.cq = append(m.cq[:0], m.cq[n:]...)
	m.pending.Add(int64(-n))
	return n
}

// Wait flushes, then waits like a real ring for a completion, a Wake or the
// timeout.
func (m *Mock) Wait(out []Completion, timeout time.Duration) (int, error) {
	if err := m.Flush(); err != nil {
		return 0, err
	}
	defer m.wakePending.Swap(false)
	var deadline <-chan time.Time
	if timeout > 0 {
		t := time.NewTimer(timeout)
		defer t.Stop()
		deadline = t.C
	}
	for {
		if n := m.Reap(out); n > 0 || m.wakePending.Load() || timeout == 0 {
			return n, nil
		}
		select {
		case <-m.notify:
		case <-deadline:
			return m.Reap(out), nil
		}
	}
}

// Wake makes a Wait return.
func (m *Mock) Wake() {
	if m.wakePending.Swap(true) {
		return
	}
	select {
	case m.notify <- struct{}{}:
	default:
	}
}

// Shutdown drops every operation in flight and every unreaped completion;
// Submit, Flush and Wait then fail with ErrClosed.
func (m *Mock) Shutdown() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return nil
	}
	m.closed = true
	for i := range m.ops {
		if m.slots.used[i] {
			m.ops[i] = mockSlot{}
			m.slots.release(uint32(i))
		}
	}
	m.cq = nil
	m.order = nil
	m.pending.Store(0)
	return nil
}
