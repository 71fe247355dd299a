package stdlib

import (
	"sync"

	"golang.org/x/sys/unix"

	"github.com/beamr/beamr/heap"
	bio "github.com/beamr/beamr/io"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Asynchronous file operations. A native submits an operation to the ring
// of the scheduler running the caller and returns ok; the caller (the
// bundled file module) then waits for {Ref, Result}, which fileOp.IODone
// posts when the completion comes. An operation on an open file holds a
// reference to the file's resource and an fd.Begin for as long as it is in
// flight, so the descriptor stays open under it even if its process dies.

// fileOpKind says what a fileOp is doing.
type fileOpKind uint8

const (
	fopOpen fileOpKind = iota
	fopRead
	fopWrite
	fopSync
	fopClose
	fopStat
	// read_file: open, read until end of file, close.
	fopRFOpen
	fopRFRead
	fopRFClose
	// write_file: open, write everything, close.
	fopWFOpen
	fopWFWrite
	fopWFClose
	// A read ahead of a sequential read (see readAhead).
	fopRARead
)

// fileOp is one operation in flight (or a chain of them), recycled
// through fileOps.
type fileOp struct {
	kind fileOpKind
	pid  term.Term
	ref  uint64
	res  *fdRes // the file operated on (nil for open, stat and the chains)
	hd   uint32 // res's handle, holding one reference while in flight
	buf  []byte
	path []byte
	// Chains and partial transfers.
	sys    int   // the descriptor a chain opened
	done   int   // bytes transferred so far
	off    int64 // position of a pread/pwrite (-1: current position)
	err    int32 // the error a chain ends with, after its close
	size   int64 // read_file: the size statx gave a regular file, else -1
	flags  uint32
	binary bool // read results as binaries (else lists)
	// A read at the file's current position, on a file with read-ahead
	// state (seq), and the size asked for by a read ahead (want).
	seq  bool
	want int
}

var fileOps = sync.Pool{New: func() any { return new(fileOp) }}

func newFileOp(kind fileOpKind, p *vm.Process, ref uint64) *fileOp {
	o := fileOps.Get().(*fileOp)
	*o = fileOp{kind: kind, pid: p.Pid, ref: ref, off: -1, sys: -1}
	return o
}

func (o *fileOp) free() {
	*o = fileOp{}
	fileOps.Put(o)
}

// startOn begins an operation on the open file r: it takes a reference
// and an fd.Begin, and fails with false when the file is closed.
func (o *fileOp) startOn(p *vm.Process, r *fdRes, hd uint32) bool {
	if r.fd.Begin() != nil {
		return false
	}
	p.Env().Bins.Retain(hd)
	o.res, o.hd = r, hd
	return true
}

// finishOn ends what startOn began.
func (o *fileOp) finishOn(x *vm.IOContext) {
	if o.res == nil {
		return
	}
	r := o.res
	o.res = nil
	r.endOp(x)
	x.Runtime().Env.Bins.Release(o.hd)
}

// reply posts {Ref, v} (v built on x.Scratch) to the caller and recycles o.
func (o *fileOp) reply(x *vm.IOContext, v term.Term) {
	h := x.Scratch()
	x.Post(o.pid, h.Tuple(vm.MakeRefOn(h, o.ref), v))
	o.free()
}

// replyErr posts {Ref, {error, Posix}}.
func (o *fileOp) replyErr(x *vm.IOContext, res int32) {
	o.reply(x, errTuple(x.Runtime(), x.Scratch(), res))
}

// submit queues op for o, answering the caller with the error when the ring
// refuses it.
func (o *fileOp) submit(x *vm.IOContext, op *bio.Op) {
	if err := x.SubmitIO(op, o, 0); err != nil {
		o.failChain(x, -int32(unix.EIO))
	}
}

// failChain ends o with error res: a chain closes the descriptor it opened
// first.
func (o *fileOp) failChain(x *vm.IOContext, res int32) {
	o.finishOn(x)
	if o.sys >= 0 {
		unix.Close(o.sys)
		o.sys = -1
	}
	o.replyErr(x, res)
}

// IODone handles the completion of o's current operation.
func (o *fileOp) IODone(x *vm.IOContext, c bio.Completion, _ uint64) {
	rt := x.Runtime()
	switch o.kind {
	case fopOpen:
		if c.Res < 0 {
			o.replyErr(x, c.Res)
			return
		}
		// A directory opens for reading, but is no file to read.
		var st unix.Stat_t
		statted := unix.Fstat(int(c.Res), &st) == nil
		if statted && st.Mode&unix.S_IFMT == unix.S_IFDIR {
			unix.Close(int(c.Res))
			o.replyErr(x, -int32(unix.EISDIR))
			return
		}
		r, hd := newFDRes(rt, int(c.Res), bio.KindFile, o.pid)
		if statted && st.Mode&unix.S_IFMT == unix.S_IFREG {
			r.ra = newReadAhead(rt, &st)
			if o.flags&unix.O_TRUNC != 0 {
				r.ra.written()
			}
		}
		h := x.Scratch()
		t := h.Resource(rt.Env.Bins, hd)
		o.reply(x, h.Tuple(term.AtomOk, t))
	case fopRead:
		if o.seq {
			o.res.ra.readDone(len(o.buf), c.Res)
		}
		o.finishOn(x)
		bins := rt.Env.Bins
		switch {
		case c.Res < 0:
			bins.PutBuffer(o.buf)
			o.replyErr(x, c.Res)
		case c.Res == 0:
			bins.PutBuffer(o.buf)
			o.reply(x, rt.Atom("eof"))
		default:
			h := x.Scratch()
			var v term.Term
			if o.binary {
				v = bufferBinary(h, bins, o.buf, o.buf[:c.Res])
			} else {
				v = bytesList(h, o.buf[:c.Res])
				bins.PutBuffer(o.buf)
			}
			o.reply(x, h.Tuple(term.AtomOk, v))
		}
	case fopRARead:
		ra := o.res.ra
		o.finishOn(x)
		ra.mu.Lock()
		if c.Res <= 0 || ra.closed {
			ra.last = 0
			ra.mu.Unlock()
			rt.Env.Bins.PutBuffer(o.buf)
			switch {
			case c.Res == 0:
				o.reply(x, rt.Atom("eof"))
			case c.Res < 0:
				o.replyErr(x, c.Res)
			default:
				o.replyErr(x, -int32(unix.EBADF))
			}
			return
		}
		h := x.Scratch()
		ra.hold(rt.Env.Bins, o.buf[:c.Res], int(c.Res) < len(o.buf))
		v, _ := ra.take(h, rt.Env.Bins, o.want, o.binary)
		ra.mu.Unlock()
		o.reply(x, h.Tuple(term.AtomOk, v))
	case fopWrite:
		if ra := o.res.ra; ra != nil {
			ra.written()
		}
		if c.Res < 0 {
			o.finishOn(x)
			rt.Env.Bins.PutBuffer(o.buf)
			o.replyErr(x, c.Res)
			return
		}
		o.done += int(c.Res)
		if c.Res > 0 && o.done < len(o.buf) {
			// A short write: write the rest.
			off := o.off
			if off >= 0 {
				off += int64(o.done)
			}
			o.submit(x, &bio.Op{Kind: bio.Write, FD: int32(o.res.fd.Sys()), Off: off, Buf: o.buf[o.done:]})
			return
		}
		o.finishOn(x)
		rt.Env.Bins.PutBuffer(o.buf)
		o.reply(x, term.AtomOk)
	case fopSync:
		o.finishOn(x)
		if c.Res < 0 {
			o.replyErr(x, c.Res)
			return
		}
		o.reply(x, term.AtomOk)
	case fopClose:
		o.res.fd.MarkClosed()
		o.res = nil
		if c.Res < 0 {
			o.replyErr(x, c.Res)
			return
		}
		o.reply(x, term.AtomOk)
	case fopStat:
		if c.Res < 0 {
			o.replyErr(x, c.Res)
			return
		}
		o.reply(x, statTuple(x, o.buf))
	case fopRFOpen:
		if c.Res < 0 {
			o.replyErr(x, c.Res)
			return
		}
		o.sys = int(c.Res)
		// The size and type of the open file, from its inode in memory:
		// fstat does no I/O, and a statx on the ring would take a trip
		// through the kernel's worker threads.
		var st unix.Stat_t
		if err := unix.Fstat(o.sys, &st); err != nil {
			e, _ := err.(unix.Errno)
			if e == 0 {
				e = unix.EIO
			}
			o.failChain(x, -int32(e))
			return
		}
		if st.Mode&unix.S_IFMT == unix.S_IFDIR {
			o.failChain(x, -int32(unix.EISDIR))
			return
		}
		// Read one byte more than the size, to see the end of the file
		// in the same read when the size is right.
		n := int(st.Size) + 1
		o.size = -1
		if st.Mode&unix.S_IFMT == unix.S_IFREG {
			o.size = st.Size
		}
		if n < 4096 || o.size < 0 {
			n = 4096
		}
		o.buf = rt.Env.Bins.Buffer(n)
		o.kind = fopRFRead
		o.submit(x, &bio.Op{Kind: bio.Read, FD: int32(o.sys), Off: 0, Buf: o.buf})
	case fopRFRead:
		if c.Res < 0 {
			o.failChain(x, c.Res)
			return
		}
		o.done += int(c.Res)
		// A regular file that had as many bytes as statx said, and no
		// more, has been read: no read of its end is needed.
		if c.Res > 0 && !(int64(o.done) == o.size && o.done < len(o.buf)) {
			if o.done == len(o.buf) && len(o.buf) < cap(o.buf) {
				o.buf = o.buf[:cap(o.buf)]
			} else if o.done == len(o.buf) {
				nb := rt.Env.Bins.Buffer(2 * len(o.buf))
				copy(nb, o.buf)
				rt.Env.Bins.PutBuffer(o.buf)
				o.buf = nb
			}
			o.submit(x, &bio.Op{Kind: bio.Read, FD: int32(o.sys), Off: int64(o.done), Buf: o.buf[o.done:]})
			return
		}
		o.kind = fopRFClose
		sys := o.sys
		o.sys = -1
		o.submit(x, &bio.Op{Kind: bio.Close, FD: int32(sys)})
	case fopRFClose:
		h := x.Scratch()
		o.reply(x, h.Tuple(term.AtomOk, bufferBinary(h, rt.Env.Bins, o.buf, o.buf[:o.done])))
	case fopWFOpen:
		if c.Res < 0 {
			rt.Env.Bins.PutBuffer(o.buf)
			o.replyErr(x, c.Res)
			return
		}
		o.sys = int(c.Res)
		if len(o.buf) == 0 {
			inodes(rt).bumpSys(o.sys) // it may have been truncated
			o.closeChain(x, fopWFClose)
			return
		}
		o.kind = fopWFWrite
		o.submit(x, &bio.Op{Kind: bio.Write, FD: int32(o.sys), Off: -1, Buf: o.buf})
	case fopWFWrite:
		if c.Res < 0 {
			o.err = c.Res
			inodes(rt).bumpSys(o.sys)
			o.closeChain(x, fopWFClose)
			return
		}
		o.done += int(c.Res)
		if c.Res > 0 && o.done < len(o.buf) {
			o.submit(x, &bio.Op{Kind: bio.Write, FD: int32(o.sys), Off: -1, Buf: o.buf[o.done:]})
			return
		}
		inodes(rt).bumpSys(o.sys)
		o.closeChain(x, fopWFClose)
	case fopWFClose:
		rt.Env.Bins.PutBuffer(o.buf)
		switch {
		case o.err < 0:
			o.replyErr(x, o.err)
		case c.Res < 0:
			o.replyErr(x, c.Res)
		default:
			o.reply(x, term.AtomOk)
		}
	}
}

// closeChain submits the close of the descriptor a chain opened.
func (o *fileOp) closeChain(x *vm.IOContext, next fileOpKind) {
	o.kind = next
	sys := o.sys
	o.sys = -1
	o.submit(x, &bio.Op{Kind: bio.Close, FD: int32(sys)})
}

// emptyPath is the path of a Statx on the descriptor itself.
var emptyPath = []byte{0}

// ioSubmitter is a process (in a native) or a completion handler's
// context: both submit operations to the ring of their scheduler.
type ioSubmitter interface {
	SubmitIO(op *bio.Op, h vm.IOHandler, arg uint64) error
}

// submitClose submits the Close of r's descriptor, whose close the process
// pid asked for with reference ref; the completion marks it closed and
// answers {Ref, ok}. When the ring refuses the operation the descriptor
// is closed at once and false returned: the caller answers.
func submitClose(x ioSubmitter, r *fdRes, pid term.Term, ref uint64) bool {
	o := fileOps.Get().(*fileOp)
	*o = fileOp{kind: fopClose, pid: pid, ref: ref, res: r, sys: -1}
	r.fd.SubmittingClose()
	if err := x.SubmitIO(&bio.Op{Kind: bio.Close, FD: int32(r.fd.Sys())}, o, 0); err != nil {
		r.fd.CloseNow()
		o.free()
		return false
	}
	return true
}

// bufferBinary builds on h a binary of data, a prefix of buf (a buffer
// from bins.Buffer, which must not be used again): a large buffer that data
// mostly fills becomes the binary and goes back to bins when the binary is
// freed; otherwise the bytes are copied and buf given back at once.
func bufferBinary(h *heap.Heap, bins *term.BinTable, buf, data []byte) term.Term {
	if len(data) > term.MaxHeapBin && cap(buf) <= 2*len(data) {
		return h.RefcBinaryBuffer(bins, data)
	}
	t := h.Binary(bins, data)
	bins.PutBuffer(buf)
	return t
}
