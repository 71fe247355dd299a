package beamfile

import (
	"encoding/binary"
	"fmt"
)

// reader is a bounds-checked cursor over one chunk's bytes. Every read
// either succeeds or returns an *Error naming the chunk and absolute offset.
type reader struct {
	b     []byte
	off   int    // next byte to read, index into b
	base  int    // absolute offset of b[0], for error messages
	chunk string // chunk id, for error messages
}

func newReader(b []byte, base int, chunk string) *reader {
	return &reader{b: b, base: base, chunk: chunk}
}

// remaining returns how many bytes are left.
func (r *reader) remaining() int { return len(r.b) - r.off }

// eof reports whether every byte has been read.
func (r *reader) eof() bool { return r.off >= len(r.b) }

// pos returns the absolute offset of the next byte.
func (r *reader) pos() int { return r.base + r.off }

// errAt returns an *Error for the chunk at absolute offset at.
func (r *reader) errAt(at int, sentinel error, format string, args ...any) *Error {
	return &Error{Chunk: r.chunk, Offset: at, Arity: -1, Err: detail(sentinel, fmt.Sprintf(format, args...))}
}

// fail returns an *Error at the current position.
func (r *reader) fail(sentinel error, format string, args ...any) *Error {
	return r.errAt(r.pos(), sentinel, format, args...)
}

func (r *reader) truncated(what string, need int) *Error {
	return r.fail(ErrTruncated, "%s needs %d bytes, %d left", what, need, r.remaining())
}

func (r *reader) u8(what string) (byte, error) {
	if r.remaining() < 1 {
		return 0, r.truncated(what, 1)
	}
	v := r.b[r.off]
	r.off++
	return v, nil
}

func (r *reader) u16(what string) (uint16, error) {
	if r.remaining() < 2 {
		return 0, r.truncated(what, 2)
	}
	v := binary.BigEndian.Uint16(r.b[r.off:])
	r.off += 2
	return v, nil
}

func (r *reader) u32(what string) (uint32, error) {
	if r.remaining() < 4 {
		return 0, r.truncated(what, 4)
	}
	v := binary.BigEndian.Uint32(r.b[r.off:])
	r.off += 4
	return v, nil
}

func (r *reader) i32(what string) (int32, error) {
	v, err := r.u32(what)
	return int32(v), err
}

// bytes returns the next n bytes without copying them.
func (r *reader) bytes(n int, what string) ([]byte, error) {
	if n < 0 || r.remaining() < n {
		return nil, r.truncated(what, n)
	}
	v := r.b[r.off : r.off+n : r.off+n]
	r.off += n
	return v, nil
}

// count reads a signed 32-bit item count and checks that count items of at
// least minSize bytes each can still be present, so that callers may allocate
// count entries without trusting the file.
func (r *reader) count(what string, minSize int) (int, error) {
	at := r.pos()
	n, err := r.i32(what)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, r.errAt(at, ErrCorrupt, "negative %s %d", what, n)
	}
	if minSize > 0 && int(n) > r.remaining()/minSize {
		return 0, r.errAt(at, ErrTruncated, "%s %d needs at least %d bytes, %d left", what, n, int(n)*minSize, r.remaining())
	}
	return int(n), nil
}
