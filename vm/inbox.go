package vm

import "sync"

// inbox is a process's queue of incoming signals: a chain of fixed-size
// chunks, so that a receiver far behind its senders costs no copying as
// the queue grows, and chunks are reused. Callers hold the process's inMu.
type inbox struct {
	head, tail *sigChunk
	n          int
}

// sigChunkLen is the number of signals in one chunk.
const sigChunkLen = 32

type sigChunk struct {
	sigs [sigChunkLen]signal
	n    int
	next *sigChunk
}

var sigChunks = sync.Pool{New: func() any { return new(sigChunk) }}

// push appends sig.
func (b *inbox) push(sig signal) {
	if b.tail == nil || b.tail.n == sigChunkLen {
		c := sigChunks.Get().(*sigChunk)
		if b.tail == nil {
			b.head = c
		} else {
			b.tail.next = c
		}
		b.tail = c
	}
	b.tail.sigs[b.tail.n] = sig
	b.tail.n++
	b.n++
}

// take empties the inbox and returns its chain.
func (b *inbox) take() *sigChunk {
	c := b.head
	*b = inbox{}
	return c
}

// prepend puts the signals of chain c (from take) back in front, keeping
// their order.
func (b *inbox) prepend(c *sigChunk) {
	if c == nil {
		return
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
	b.n += n
}

// freeChain returns the chunks of chain c to the pool; their signals
// must have been dealt with.
func freeChain(c *sigChunk) {
	for c != nil {
		next := c.next
		clear(c.sigs[:c.n])
		c.n, c.next = 0, nil
		sigChunks.Put(c)
		c = next
	}
}
