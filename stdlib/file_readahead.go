package stdlib

import (
	"sync"

	"golang.org/x/sys/unix"

	"github.com/beamr/beamr/heap"
	bio "github.com/beamr/beamr/io"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Read-ahead of sequential reads on raw regular files. A process that
// reads a file in chunks of one size (file:read(F, N) again and again)
// gets, from its second such read on, its chunks out of one larger read
// made ahead of it: one operation on the ring serves many calls, and the
// calls it serves answer at once, without a trip through the ring and the
// mailbox. A chunk larger than a heap binary is a sub-binary of the buffer
// read ahead, so nothing is copied.
//
// Reads ahead are positional (pread), so the descriptor's own position
// stays where the first of them began; readAhead keeps the position the
// process sees. Every other operation that uses or moves the position
// (write, position, truncate) first settles it: the descriptor is moved to
// where the process is and what was read ahead is dropped. A positional
// write drops what was read ahead too. What was read ahead is never kept
// past the end of the file as it was when read: a chunk read at the end
// goes to the kernel again, and sees what was appended since.

// raBytes bounds the size of one read ahead.
const raBytes = 1 << 20

// readAhead is the read-ahead state of an open regular file. Its owner's
// natives and the completions of their operations use it one at a time;
// its mutex orders those against a close from elsewhere (the owner's exit,
// the resource's last reference dying, the runtime closing).
type readAhead struct {
	mu sync.Mutex
	// last is the size of the last read at the current position when it
	// came back whole, else 0: a read of the same size again is taken as
	// sequential and read ahead.
	last int
	// lag says the descriptor's position is behind the process's, which
	// is then pos.
	lag bool
	pos int64
	// data is what was read ahead (the bytes of off-heap binary hd, of
	// which ra holds one reference), at is how much of it was taken, and
	// eof says it ends at the end of the file. data is nil when nothing is
	// held.
	data []byte
	hd   uint32
	at   int
	eof  bool
	// closed is set once the file is closing: nothing is held any more.
	closed bool
	// The file's write generation (see inodeTable): gen is the one data
	// was read under, subGen the one when the read ahead in flight was
	// submitted.
	tab    *inodeTable
	key    inodeKey
	ino    *inodeGen
	gen    uint64
	subGen uint64
}

// newReadAhead makes the read-ahead state of a regular file open in rt,
// whose status is st.
func newReadAhead(rt *vm.Runtime, st *unix.Stat_t) *readAhead {
	t := inodes(rt)
	k := keyOf(st)
	return &readAhead{tab: t, key: k, ino: t.acquire(k)}
}

// written records that a write through the file has completed.
func (ra *readAhead) written() { ra.ino.gen.Add(1) }

// take answers a read of n bytes out of what was read ahead, building the
// data (a binary when binary, else a list) on h: ok is false when what is
// held does not answer it, and the read must go to the kernel.
func (ra *readAhead) take(h *heap.Heap, bins *term.BinTable, n int, binary bool) (v term.Term, ok bool) {
	if ra.data != nil && ra.gen != ra.ino.gen.Load() {
		// Written since it was read.
		ra.drop(bins)
	}
	avail := len(ra.data) - ra.at
	if ra.data == nil || (avail < n && !(ra.eof && avail > 0)) {
		return 0, false
	}
	k := min(n, avail)
	chunk := ra.data[ra.at : ra.at+k]
	switch {
	case !binary:
		v = bytesList(h, chunk)
	case k <= term.MaxHeapBin:
		v = h.Binary(bins, chunk)
	default:
		v = h.RefcSlice(bins, ra.hd, len(ra.data), ra.at, k)
	}
	ra.at += k
	ra.pos += int64(k)
	if k < n {
		// A short chunk at the end of the file: the next read is no
		// longer sequential in the sense that pays for reading ahead.
		ra.last = 0
	}
	if ra.at == len(ra.data) {
		ra.drop(bins)
	}
	return v, true
}

// drop lets go of what was read ahead.
func (ra *readAhead) drop(bins *term.BinTable) {
	if ra.data != nil {
		bins.Release(ra.hd)
		ra.data, ra.hd, ra.at, ra.eof = nil, 0, 0, false
	}
}

// hold keeps data, read ahead from ra.pos into a buffer from bins.Buffer.
func (ra *readAhead) hold(bins *term.BinTable, data []byte, eof bool) {
	ra.data, ra.hd, ra.at, ra.eof = data, bins.AddBuffer(data), 0, eof
	ra.gen = ra.subGen
}

// settle moves the descriptor sys to the position the process sees and
// drops what was read ahead, before an operation that uses or moves the
// position.
func (ra *readAhead) settle(sys int, bins *term.BinTable) {
	ra.mu.Lock()
	ra.drop(bins)
	ra.last = 0
	if ra.lag {
		ra.lag = false
		// A regular file's position can be set to any offset that is
		// not negative; pos never is.
		_, _ = unix.Seek(sys, ra.pos, unix.SEEK_SET)
	}
	ra.mu.Unlock()
}

// invalidate drops what was read ahead, before a positional write that
// may change it.
func (ra *readAhead) invalidate(bins *term.BinTable) {
	ra.mu.Lock()
	ra.drop(bins)
	ra.last = 0
	ra.mu.Unlock()
}

// close drops what was read ahead for good, when the file starts closing.
func (ra *readAhead) close(bins *term.BinTable) {
	ra.mu.Lock()
	ra.drop(bins)
	if !ra.closed {
		ra.closed = true
		ra.tab.release(ra.key, ra.ino)
	}
	ra.mu.Unlock()
}

// raSize returns how much to read ahead for reads of n bytes: as many
// whole chunks as fit in raBytes.
func raSize(n int) int {
	return raBytes / n * n
}

// readDone records how a read of n bytes at the current position ended
// (res bytes, or an error).
func (ra *readAhead) readDone(n int, res int32) {
	ra.mu.Lock()
	ra.last = 0
	if int(res) == n {
		ra.last = n
	}
	if ra.lag && res > 0 {
		ra.pos += int64(res)
	}
	ra.mu.Unlock()
}

// fileReadSeq is read(Ref, File, N, Binary) at the file's current
// position: answered at once ({ok, Data}) out of what was read ahead, or
// submitted (ok) as a read of N bytes, or as a read ahead when the reads
// before it were of N bytes too.
func fileReadSeq(p *vm.Process, a []term.Term, n int, binary bool) term.Term {
	ref, ok := refArg(p, a[0])
	if !ok {
		return p.BadArg()
	}
	r, hd, fail := fileArg(p, a[1])
	if r == nil {
		return fail
	}
	bins := p.Env().Bins
	ra := r.ra
	if n == 0 {
		ra = nil
	}
	if ra != nil {
		ra.mu.Lock()
		if v, ok := ra.take(p.Heap, bins, n, binary); ok {
			ra.mu.Unlock()
			return p.Heap.Tuple(term.AtomOk, v)
		}
		ra.drop(bins)
	}
	o := newFileOp(fopRead, p, ref)
	if !o.startOn(p, r, hd) {
		if ra != nil {
			ra.mu.Unlock()
		}
		o.free()
		return p.Heap.Tuple(term.AtomError, p.Atom("einval"))
	}
	o.binary = binary
	op := bio.Op{Kind: bio.Read, FD: int32(r.fd.Sys()), Off: -1}
	size := n
	if ra != nil {
		o.seq = true
		if ra.last == n && !ra.lag {
			if pos, err := unix.Seek(r.fd.Sys(), 0, unix.SEEK_CUR); err == nil {
				ra.lag, ra.pos = true, pos
			}
		}
		if ra.lag {
			op.Off = ra.pos
		}
		if ra.last == n && ra.lag {
			o.kind, o.seq, o.want = fopRARead, false, n
			size = raSize(n)
			ra.subGen = ra.ino.gen.Load()
		}
		ra.mu.Unlock()
	}
	o.buf = bins.Buffer(size)
	op.Buf = o.buf
	return submitOn(p, o, &op)
}
