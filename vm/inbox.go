package vm

import "sync"

// inbox is a process's queue of incoming signals: a chain of fixed-size
// chunks, so that a receiver far behind its senders costs no copying as
// the queue grows, and chunks are reused. Callers hold the process's inMu.
type inbox struct {
	head, tail *sigChunk
}

// An inbox starts with a small chunk, so that the many processes that
// hold a message or two keep little memory; later chunks are larger.
const (
	sigChunkSmall = 1
	sigChunkLen   = 32
)

type sigChunk struct {
	sigs []signal
	n    int
	next *sigChunk
}

// schedChunks is how many free first chunks a scheduler keeps in stock:
// a message to a process whose inbox is empty takes one, and the
// receiver gives it back when it has taken the message in, on the same
// scheduler as often as not. The stock spares the Get and the Put of
// sync.Pool.
const schedChunks = 64

// smallChunk is a first chunk and its signals in one allocation.
type smallChunk struct {
	sigChunk
	arr [sigChunkSmall]signal
}

var (
	smallChunks = sync.Pool{New: func() any {
		c := &smallChunk{}
		c.sigs = c.arr[:]
		return &c.sigChunk
	}}
	bigChunks = sync.Pool{New: func() any { return &sigChunk{sigs: make([]signal, sigChunkLen)} }}
)

// push appends sig. s is the scheduler of the calling goroutine, or nil:
// a first chunk comes from its stock when it has one.
func (b *inbox) push(sig signal, s *scheduler) {
	if b.tail == nil {
		var c *sigChunk
		if s != nil && len(s.chunks) > 0 {
			c = s.chunks[len(s.chunks)-1]
			s.chunks = s.chunks[:len(s.chunks)-1]
		} else {
			c = smallChunks.Get().(*sigChunk)
		}
		b.head, b.tail = c, c
	} else if b.tail.n == len(b.tail.sigs) {
		c := bigChunks.Get().(*sigChunk)
		b.tail.next = c
		b.tail = c
	}
	b.tail.sigs[b.tail.n] = sig
	b.tail.n++
}

// take empties the inbox and returns its chain.
func (b *inbox) take() *sigChunk {
	c := b.head
	*b = inbox{}
	return c
}

// prepend puts the signals of chain c (from take) back in front, keeping
// their order, and returns how many it put back.
func (b *inbox) prepend(c *sigChunk) int {
	if c == nil {
		return 0
	}
	last := c
	n := c.n
	for last.next != nil {
		last = last.next
		n += last.n
	}
	last.next = b.head
	if b.tail == nil {
		b.tail = last
	}
	b.head = c
	return n
}

// freeChain returns the chunks of chain c to the pool, first chunks to
// the stock of scheduler s (the calling goroutine's, or nil) while it has
// room; their signals must have been dealt with.
func freeChain(c *sigChunk, s *scheduler) {
	for c != nil {
		next := c.next
		// (The signals hold no Go pointers: they need no clearing.)
		c.n, c.next = 0, nil
		if len(c.sigs) == sigChunkSmall {
			if s != nil && len(s.chunks) < cap(s.chunks) {
				s.chunks = append(s.chunks, c)
			} else {
				smallChunks.Put(c)
			}
		} else {
			bigChunks.Put(c)
		}
		c = next
	}
}
