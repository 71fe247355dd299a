package term

import "sync"

// Buffers for binaries made by I/O. A read needs a buffer before it knows
// how much it will get, and the buffer then becomes the binary: taking it
// from Buffer and handing it over with AddBuffer lets the table reuse it
// once the binary is freed, so that a process streaming a file does not
// allocate (and zero, and have the Go collector track) a fresh buffer for
// every read.

// Buffer sizes the table keeps: powers of two from 1<<minPoolShift to
// 1<<maxPoolShift bytes.
const (
	minPoolShift = 12
	maxPoolShift = 20
)

// poolKeepBytes bounds the bytes of free buffers kept per size.
const poolKeepBytes = 8 << 20

// bufPool holds free buffers of one size.
type bufPool struct {
	mu   sync.Mutex
	free [][]byte
}

// poolShift returns the shift of the pooled size for a buffer of n bytes,
// or 0 when n is outside the pooled sizes.
func poolShift(n int) uint8 {
	if n < 1<<(minPoolShift-1) || n > 1<<maxPoolShift {
		return 0
	}
	s := uint8(minPoolShift)
	for 1<<s < n {
		s++
	}
	return s
}

// Buffer returns a byte slice of length n whose contents are undefined,
// for data that will become a binary with AddBuffer (or be given back with
// PutBuffer). Sizes from 2 KiB to 1 MiB are rounded up to a power of two
// (at least 4 KiB) and come from buffers freed earlier when there are
// any.
func (t *BinTable) Buffer(n int) []byte {
	s := poolShift(n)
	if s == 0 {
		return make([]byte, n)
	}
	p := &t.pools[s-minPoolShift]
	p.mu.Lock()
	if k := len(p.free); k > 0 {
		b := p.free[k-1]
		p.free[k-1] = nil
		p.free = p.free[:k-1]
		p.mu.Unlock()
		return b[:n]
	}
	p.mu.Unlock()
	return make([]byte, n, 1<<s)
}

// PutBuffer gives back a buffer from Buffer that did not become a binary.
// The caller must not use it afterwards.
func (t *BinTable) PutBuffer(b []byte) {
	c := cap(b)
	s := poolShift(c)
	if s == 0 || c != 1<<s {
		return
	}
	p := &t.pools[s-minPoolShift]
	p.mu.Lock()
	if len(p.free) < poolKeepBytes>>s {
		p.free = append(p.free, b[:0])
	}
	p.mu.Unlock()
}

// AddBuffer is Add for data in a buffer from Buffer (data may be any
// prefix of it): when the binary is freed the buffer is kept for reuse.
func (t *BinTable) AddBuffer(data []byte) uint32 {
	h := t.Add(data)
	t.Get(h).pooled = true
	return h
}
