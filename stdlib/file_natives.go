package stdlib

import (
	"golang.org/x/sys/unix"

	bio "github.com/beamr/beamr/io"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// The natives of beamr_file, on which the bundled file module is built.
// Those named like a file operation and taking a reference first are
// asynchronous: they return ok once the operation is submitted (or
// {error, Posix} when it cannot start) and the caller then receives
// {Ref, Result}. The others are synchronous system calls.

func registerFile(rt *vm.Runtime) {
	erlRegisterAll(rt, "beamr_file", []erlNative{
		{"open", 3, fileOpen},
		{"read", 4, fileRead},
		{"pread", 5, filePread},
		{"write", 3, fileWrite},
		{"pwrite", 4, filePwrite},
		{"sync", 3, fileSync},
		{"close", 2, fileClose},
		{"read_file_info", 3, fileStat},
		{"read_file", 2, fileReadFile},
		{"write_file", 4, fileWriteFile},
		{"position", 2, filePosition},
		{"truncate", 1, fileTruncate},
		{"owner", 1, fileOwner},
	})
	registerFileSync(rt)
	registerFileRe(rt)
}

// refArg reads the reference of an asynchronous native.
func refArg(p *vm.Process, t term.Term) (uint64, bool) {
	return vm.RefID(p.Env(), t)
}

// nameArg reads a file name as a NUL-terminated path.
func nameArg(p *vm.Process, t term.Term) ([]byte, bool) {
	s, _, ok := fileName(p.Env(), t)
	if !ok {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			return nil, false
		}
	}
	b := make([]byte, len(s)+1)
	copy(b, s)
	return b, true
}

// openFlags turns file:open's mode list into open(2) flags.
func openFlags(p *vm.Process, modes term.Term) (uint32, bool) {
	env := p.Env()
	var read, write, app, excl, sync bool
	for t := modes; t != term.Nil; t = env.Tl(t) {
		if !t.IsList() {
			return 0, false
		}
		switch m := env.Hd(t); {
		case m == p.Atom("read"):
			read = true
		case m == p.Atom("write"):
			write = true
		case m == p.Atom("append"):
			app = true
		case m == p.Atom("exclusive"):
			excl = true
		case m == p.Atom("sync"):
			sync = true
		}
	}
	var f uint32 = unix.O_CLOEXEC
	switch {
	case (write || app) && read:
		f |= unix.O_RDWR | unix.O_CREAT
	case write || app:
		f |= unix.O_WRONLY | unix.O_CREAT
		if !app && !excl {
			f |= unix.O_TRUNC
		}
	default:
		f |= unix.O_RDONLY
	}
	if app {
		f |= unix.O_APPEND
	}
	if excl {
		f |= unix.O_EXCL | unix.O_CREAT
	}
	if sync {
		f |= unix.O_SYNC
	}
	return f, true
}

// submitted returns ok, or {error, Posix} when the ring refused op (the
// op's resources have been released by the caller).
func submitted(p *vm.Process, err error) term.Term {
	if err != nil {
		return p.Heap.Tuple(term.AtomError, p.Atom("eio"))
	}
	return term.AtomOk
}

func fileOpen(p *vm.Process, a []term.Term) term.Term {
	ref, ok1 := refArg(p, a[0])
	path, ok2 := nameArg(p, a[1])
	flags, ok3 := openFlags(p, a[2])
	if !ok1 || !ok2 || !ok3 {
		return p.BadArg()
	}
	return submitPathOp(p, fopOpen, ref, nil, &bio.Op{Kind: bio.Openat, FD: unix.AT_FDCWD, Path: path, Flags: flags, Mode: 0o666})
}

// fileArg reads an open file's resource and checks that the caller owns
// it. On failure it returns the term to answer with (badarg raised, or
// {error, ...}).
func fileArg(p *vm.Process, t term.Term) (*fdRes, uint32, term.Term) {
	r, hd := resArg(p.Env(), t)
	if r == nil || r.sock != nil {
		return nil, 0, p.BadArg()
	}
	if r.fd.State() != bio.FDOpen {
		return nil, 0, p.Heap.Tuple(term.AtomError, p.Atom("einval"))
	}
	if o, ok := r.rt.Owner(r); ok && o != p.Pid {
		return nil, 0, p.Heap.Tuple(term.AtomError, p.Atom("not_on_controlling_process"))
	}
	return r, hd, 0
}

// startFileOp makes the fileOp of an operation on the file a[1], or returns
// the answer when it cannot start.
func startFileOp(p *vm.Process, kind fileOpKind, a []term.Term) (*fileOp, term.Term) {
	ref, ok := refArg(p, a[0])
	if !ok {
		return nil, p.BadArg()
	}
	r, hd, fail := fileArg(p, a[1])
	if r == nil {
		return nil, fail
	}
	o := newFileOp(kind, p, ref)
	if !o.startOn(p, r, hd) {
		o.free()
		return nil, p.Heap.Tuple(term.AtomError, p.Atom("einval"))
	}
	return o, 0
}

// submitOn submits op for o (started with startOn), undoing the start when
// the ring refuses it.
func submitOn(p *vm.Process, o *fileOp, op *bio.Op) term.Term {
	err := p.SubmitIO(op, o, 0)
	if err != nil {
		r := o.res
		r.fd.End()
		p.Env().Bins.Release(o.hd)
		o.free()
	}
	return submitted(p, err)
}

func fileRead(p *vm.Process, a []term.Term) term.Term {
	return fileReadAt(p, a, -1, a[2], a[3])
}

func filePread(p *vm.Process, a []term.Term) term.Term {
	pos, fail := posArg(p, a[2])
	if fail != 0 {
		return fail
	}
	return fileReadAt(p, a, pos, a[3], a[4])
}

// posArg reads the position of a pread or pwrite: a negative one, or an
// integer too large for an offset, is answered with {error, einval},
// anything else with badarg (fail is then what to return).
func posArg(p *vm.Process, t term.Term) (pos int64, fail term.Term) {
	pos, ok := smallArg(t)
	switch {
	case !ok && p.Env().IsInteger(t):
		return 0, p.Heap.Tuple(term.AtomError, p.Atom("einval"))
	case !ok:
		return 0, p.BadArg()
	case pos < 0:
		return 0, p.Heap.Tuple(term.AtomError, p.Atom("einval"))
	}
	return pos, 0
}

func fileReadAt(p *vm.Process, a []term.Term, off int64, size, binary term.Term) term.Term {
	n, ok := smallArg(size)
	if !ok || n < 0 {
		return p.BadArg()
	}
	if off < 0 && n <= raBytes/2 {
		return fileReadSeq(p, a, int(n), binary == term.AtomTrue)
	}
	o, fail := startFileOp(p, fopRead, a)
	if o == nil {
		return fail
	}
	if n > 1<<30 {
		n = 1 << 30
	}
	o.buf = p.Env().Bins.Buffer(int(n))
	o.binary = binary == term.AtomTrue
	return submitOn(p, o, &bio.Op{Kind: bio.Read, FD: int32(o.res.fd.Sys()), Off: off, Buf: o.buf})
}

func fileWrite(p *vm.Process, a []term.Term) term.Term {
	return fileWriteAt(p, a, -1, a[2])
}

func filePwrite(p *vm.Process, a []term.Term) term.Term {
	pos, fail := posArg(p, a[2])
	if fail != 0 {
		return fail
	}
	return fileWriteAt(p, a, pos, a[3])
}

func fileWriteAt(p *vm.Process, a []term.Term, off int64, data term.Term) term.Term {
	b, ok := iolistBytes(p.Env(), data)
	if !ok {
		return p.BadArg()
	}
	o, fail := startFileOp(p, fopWrite, a)
	if o == nil {
		return fail
	}
	if ra := o.res.ra; ra != nil {
		if off < 0 {
			ra.settle(o.res.fd.Sys(), p.Env().Bins)
		} else {
			ra.invalidate(p.Env().Bins)
		}
	}
	o.buf = append(p.Env().Bins.Buffer(len(b))[:0], b...)
	o.off = off
	return submitOn(p, o, &bio.Op{Kind: bio.Write, FD: int32(o.res.fd.Sys()), Off: off, Buf: o.buf})
}

func fileSync(p *vm.Process, a []term.Term) term.Term {
	o, fail := startFileOp(p, fopSync, a)
	if o == nil {
		return fail
	}
	var fl uint32
	if a[2] == term.AtomTrue {
		fl = bio.FsyncDatasync
	}
	return submitOn(p, o, &bio.Op{Kind: bio.Fsync, FD: int32(o.res.fd.Sys()), Flags: fl})
}

// fileClose is close(Ref, File): ok, and {Ref, ok} once the descriptor is
// closed; {error, einval} when the file was closed already.
func fileClose(p *vm.Process, a []term.Term) term.Term {
	ref, ok := refArg(p, a[0])
	r, _ := resArg(p.Env(), a[1])
	if !ok || r == nil {
		return p.BadArg()
	}
	if o, owned := r.rt.Owner(r); owned && o != p.Pid {
		return p.Heap.Tuple(term.AtomError, p.Atom("not_on_controlling_process"))
	}
	won, now := r.fd.BeginClose(&closeReq{pid: p.Pid, ref: ref})
	r.closeReadAhead()
	if !won {
		return p.Heap.Tuple(term.AtomError, p.Atom("einval"))
	}
	r.rt.Disown(r)
	if r.sock != nil {
		r.sock.closing()
	}
	if !now {
		r.fd.Shutdown()
		return term.AtomOk
	}
	if !submitClose(p, r, p.Pid, ref) {
		p.Send(p.Pid, p.Heap.Tuple(a[0], term.AtomOk))
	}
	return term.AtomOk
}

// fileStat is read_file_info(Ref, Name, Follow): {Ref, {ok, {Size, Type,
// Mode, Links, Dev, Rdev, Inode, Uid, Gid, Atime, Mtime, Ctime}}} with
// times in seconds since the epoch; the file module builds the record.
func fileStat(p *vm.Process, a []term.Term) term.Term {
	ref, ok1 := refArg(p, a[0])
	path, ok2 := nameArg(p, a[1])
	if !ok1 || !ok2 {
		return p.BadArg()
	}
	var fl uint32
	if a[2] != term.AtomTrue {
		fl = unix.AT_SYMLINK_NOFOLLOW
	}
	buf := make([]byte, bio.StatxSize)
	return submitPathOp(p, fopStat, ref, buf, &bio.Op{Kind: bio.Statx, FD: unix.AT_FDCWD, Path: path, Flags: fl, Mode: unix.STATX_BASIC_STATS, Buf: buf})
}

// submitPathOp submits op, an operation on a file name that starts a fileOp
// of kind (with buffer buf), and answers ok or the error.
func submitPathOp(p *vm.Process, kind fileOpKind, ref uint64, buf []byte, op *bio.Op) term.Term {
	o := newFileOp(kind, p, ref)
	o.path, o.buf, o.flags = op.Path, buf, op.Flags
	err := p.SubmitIO(op, o, 0)
	if err != nil {
		o.free()
	}
	return submitted(p, err)
}

// statTuple builds the tuple fileStat answers with from a statx buffer.
func statTuple(x *vm.IOContext, buf []byte) term.Term {
	rt := x.Runtime()
	h := x.Scratch()
	st, err := bio.ParseStatx(buf)
	if err != nil {
		return h.Tuple(term.AtomError, rt.Atom("eio"))
	}
	var typ string
	switch st.Mode & bio.ModeTypeMask {
	case bio.ModeRegular:
		typ = "regular"
	case bio.ModeDirectory:
		typ = "directory"
	case bio.ModeSymlink:
		typ = "symlink"
	case bio.ModeBlock, bio.ModeChar:
		typ = "device"
	default:
		typ = "other"
	}
	dev := unix.Mkdev(st.DevMajor, st.DevMinor)
	rdev := unix.Mkdev(st.RdevMajor, st.RdevMinor)
	info := h.Tuple(h.Uint(st.Size), rt.Atom(typ), h.Int(int64(st.Mode)), h.Int(int64(st.Nlink)),
		h.Uint(dev), h.Uint(rdev), h.Uint(st.Ino), h.Int(int64(st.UID)), h.Int(int64(st.GID)),
		h.Int(st.Atime.Unix()), h.Int(st.Mtime.Unix()), h.Int(st.Ctime.Unix()))
	return h.Tuple(term.AtomOk, info)
}

func fileReadFile(p *vm.Process, a []term.Term) term.Term {
	ref, ok1 := refArg(p, a[0])
	path, ok2 := nameArg(p, a[1])
	if !ok1 || !ok2 {
		return p.BadArg()
	}
	return submitPathOp(p, fopRFOpen, ref, nil,
		&bio.Op{Kind: bio.Openat, FD: unix.AT_FDCWD, Path: path, Flags: unix.O_RDONLY | unix.O_CLOEXEC})
}

// fileWriteFile is write_file(Ref, Name, Data, Modes).
func fileWriteFile(p *vm.Process, a []term.Term) term.Term {
	ref, ok1 := refArg(p, a[0])
	path, ok2 := nameArg(p, a[1])
	data, ok3 := iolistBytes(p.Env(), a[2])
	flags, ok4 := openFlags(p, a[3])
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return p.BadArg()
	}
	if flags&(unix.O_WRONLY|unix.O_RDWR) == 0 {
		flags |= unix.O_WRONLY | unix.O_CREAT | unix.O_TRUNC
	}
	return submitPathOp(p, fopWFOpen, ref, append(p.Env().Bins.Buffer(len(data))[:0], data...),
		&bio.Op{Kind: bio.Openat, FD: unix.AT_FDCWD, Path: path, Flags: flags, Mode: 0o666})
}

// filePosition is position(File, Location) with Location an offset, bof,
// cur, eof or {bof | cur | eof, Offset}: {ok, NewPosition}, {error,
// einval} for a position before the start and {error, badarg} for a
// location that is none of these.
func filePosition(p *vm.Process, a []term.Term) term.Term {
	r, _, fail := fileArg(p, a[0])
	if r == nil {
		return fail
	}
	env := p.Env()
	whence, off := unix.SEEK_SET, int64(0)
	loc := a[1]
	badarg := func() term.Term { return p.Heap.Tuple(term.AtomError, term.AtomBadarg) }
	switch {
	case loc.IsSmall():
		off = loc.Small()
	case loc == p.Atom("bof"):
	case loc == p.Atom("cur"):
		whence = unix.SEEK_CUR
	case loc == p.Atom("eof"):
		whence = unix.SEEK_END
	case env.IsTuple(loc) && env.TupleArity(loc) == 2 && env.Elem(loc, 1).IsSmall():
		off = env.Elem(loc, 1).Small()
		switch env.Elem(loc, 0) {
		case p.Atom("bof"):
		case p.Atom("cur"):
			whence = unix.SEEK_CUR
		case p.Atom("eof"):
			whence = unix.SEEK_END
		default:
			return badarg()
		}
	default:
		return badarg()
	}
	if r.ra != nil {
		r.ra.settle(r.fd.Sys(), env.Bins)
	}
	pos, err := unix.Seek(r.fd.Sys(), off, whence)
	if err != nil {
		return p.Heap.Tuple(term.AtomError, p.Atom(errnoName(err.(unix.Errno))))
	}
	return p.Heap.Tuple(term.AtomOk, p.Heap.Int(pos))
}

// fileTruncate cuts the file at its current position.
func fileTruncate(p *vm.Process, a []term.Term) term.Term {
	r, _, fail := fileArg(p, a[0])
	if r == nil {
		return fail
	}
	if r.ra != nil {
		r.ra.settle(r.fd.Sys(), p.Env().Bins)
	}
	pos, err := unix.Seek(r.fd.Sys(), 0, unix.SEEK_CUR)
	if err == nil {
		err = unix.Ftruncate(r.fd.Sys(), pos)
		if r.ra != nil {
			r.ra.written()
		}
	}
	if err != nil {
		return p.Heap.Tuple(term.AtomError, p.Atom(errnoName(err.(unix.Errno))))
	}
	return term.AtomOk
}

// fileOwner returns the pid owning a file or socket, or undefined.
func fileOwner(p *vm.Process, a []term.Term) term.Term {
	r, _ := resArg(p.Env(), a[0])
	if r == nil {
		return p.BadArg()
	}
	if o, ok := r.rt.Owner(r); ok {
		return o
	}
	return p.Atom("undefined")
}
