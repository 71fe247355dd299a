package vm

import "github.com/beamr/beamr/term"

// Writable binaries make `<<Acc/binary, ...>>` loops linear. An append
// whose result does not fit a heap binary builds it in an off-heap buffer
// with spare capacity, wrapped as
//
//	R: a refc binary whose byte-size word is the buffer's capacity, and
//	S: a sub-binary of R at offset 0 covering the bits written so far.
//
// Only S-like sub-binaries are ever handed out, never R itself. The buffer's
// length (OffBin.Data's len) is the number of bytes in use; the byte just
// after it (always inside the capacity) holds the number of unused bits in
// the last used byte. A refc binary whose size word equals cap(Data) and
// exceeds len(Data) is such a buffer: ordinary refc binaries always have
// size == len(Data).
//
// Appending to S extends the buffer in place when S is its latest full view
// (offset 0, exactly the used bits), the handle has a single reference (no
// other process can see it) and the capacity suffices; otherwise the append
// copies into a new buffer twice the needed size. In-place writes only
// touch bits past the used length, which no existing view covers, so every
// older view keeps its value. Every bit of the buffer after the used bits
// is zero except the pad byte, so the latest view has no stray bits after
// its end (appendInPlace keeps it so, even when it gives up half-way).

// minWritable is the smallest capacity in bytes of a writable buffer.
const minWritable = 256

// newWritable wraps buf (len = bytes in use, cap > len) as a writable
// buffer and returns the view of its first bits bits.
func (p *Process) newWritable(buf []byte, bits uint64) term.Term {
	r := p.Heap.RefcBinary(p.env().Bins, buf)
	p.Heap.W[r.Index()+1] = uint64(cap(buf))
	return p.Heap.SubBinary(r, 0, bits)
}

// writableView reports whether t (of bits bits) is the latest full view of
// a writable buffer owned by this process alone, and returns the buffer's
// refc binary and off-heap data.
func (p *Process) writableView(t term.Term, bits uint64) (term.Term, *term.OffBin, bool) {
	env := p.env()
	i := t.Index()
	if term.Term(env.W[i]).HeaderSub() != term.SubSubBin || env.W[i+2] != 0 {
		return 0, nil, false
	}
	r := term.Term(env.W[i+3])
	ri := r.Index()
	if term.Term(env.W[ri]).HeaderSub() != term.SubRefcBin {
		return 0, nil, false
	}
	hd := uint32(env.W[ri+2])
	ob := env.Bins.Get(hd)
	n, c := uint64(len(ob.Data)), uint64(cap(ob.Data))
	if env.W[ri+1] != c || n >= c || env.Bins.Refs(hd) != 1 {
		return 0, nil, false
	}
	pad := uint64(ob.Data[:c][n])
	if pad > 7 || (n == 0 && pad != 0) || n*8-pad != bits {
		return 0, nil, false
	}
	return r, ob, true
}

// bsInitWritable runs bs_init_writable: x0, a size hint, becomes an empty
// binary ready for appending.
func (p *Process) bsInitWritable(pc int) (int, bool) {
	hint := p.x[0]
	if hint.IsSmall() && hint.Small() > term.MaxHeapBin && hint.Small() <= 1<<30 {
		c := max(uint64(hint.Small())+1, minWritable)
		buf := make([]byte, 0, c) // zeroed: the pad byte after the used part is 0
		p.x[0] = p.newWritable(buf, 0)
	} else {
		p.x[0], _ = p.Heap.HeapBinary(0)
	}
	return pc + 1, true
}
