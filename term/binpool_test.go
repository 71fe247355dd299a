package term

import "testing"

// TestBufferSizes checks the sizes Buffer hands out: pooled sizes round up
// to a power of two of at least 4 KiB, others are exact.
func TestBufferSizes(t *testing.T) {
	tb := NewBinTable()
	for _, c := range []struct{ n, cap int }{
		{0, 0}, {100, 100}, {2047, 2047}, {2048, 4096}, {4096, 4096}, {4097, 8192},
		{65536, 65536}, {65537, 131072}, {1 << 20, 1 << 20}, {1<<20 + 1, 1<<20 + 1},
	} {
		b := tb.Buffer(c.n)
		if len(b) != c.n || cap(b) != c.cap {
			t.Errorf("Buffer(%d): len %d cap %d, want len %d cap %d", c.n, len(b), cap(b), c.n, c.cap)
		}
	}
}

// TestBufferReuse checks that a buffer comes back for reuse when it is
// given back or when the binary made of it is freed, and only then.
func TestBufferReuse(t *testing.T) {
	tb := NewBinTable()
	b := tb.Buffer(65536)
	tb.PutBuffer(b)
	if c := tb.Buffer(60000); &c[0] != &b[0] {
		t.Fatal("a buffer given back was not reused")
	}

	d := tb.Buffer(65536)
	h := tb.AddBuffer(d[:50000])
	tb.Retain(h)
	tb.Release(h)
	if e := tb.Buffer(65536); &e[0] == &d[0] {
		t.Fatal("the buffer of a live binary was handed out again")
	}
	tb.Release(h)
	if e := tb.Buffer(65536); &e[0] != &d[0] {
		t.Fatal("the buffer of a freed binary was not reused")
	}

	// A binary added with Add keeps its bytes to itself, also when its
	// handle is reused for a pooled one.
	f := make([]byte, 65536)
	h2 := tb.Add(f)
	tb.Release(h2)
	if g := tb.Buffer(65536); &g[0] == &f[0] {
		t.Fatal("a buffer not from Buffer was pooled")
	}
}

// TestBufferKeepBound checks that the pool keeps a bounded number of free
// buffers.
func TestBufferKeepBound(t *testing.T) {
	tb := NewBinTable()
	const size = 1 << 20
	var bs [][]byte
	for i := 0; i < 2*poolKeepBytes/size; i++ {
		bs = append(bs, tb.Buffer(size))
	}
	for _, b := range bs {
		tb.PutBuffer(b)
	}
	p := &tb.pools[poolShift(size)-minPoolShift]
	if got := len(p.free); got != poolKeepBytes/size {
		t.Fatalf("%d free buffers kept, want %d", got, poolKeepBytes/size)
	}
}
