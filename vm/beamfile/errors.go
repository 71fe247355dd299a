package beamfile

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors that an *Error wraps; test for them with errors.Is.
var (
	// ErrNotBeam means the input is not a FOR1/BEAM container (nor a gzip
	// stream holding one).
	ErrNotBeam = errors.New("not a BEAM file")
	// ErrTruncated means a read ran past the end of the file or of a chunk.
	ErrTruncated = errors.New("truncated")
	// ErrMissingChunk means a mandatory chunk (atoms, Code, ImpT, ExpT) is absent.
	ErrMissingChunk = errors.New("missing chunk")
	// ErrCorrupt means a value is out of range or malformed.
	ErrCorrupt = errors.New("corrupt")
	// ErrUnknownOpcode means the Code chunk holds an opcode this package does
	// not know, or one above the maximum declared in the code header.
	ErrUnknownOpcode = errors.New("unknown opcode")
)

// Error describes why a .beam file could not be parsed and where.
type Error struct {
	Module   string // module name, "" if the atom table was not read yet
	Chunk    string // chunk id ("Code", "LitT", ...), "" for the container
	Offset   int    // byte offset in the (decompressed) file or, for LitT, in the decompressed literal table; -1 if unknown
	Function string // for the Code chunk: the function being decoded (from the last func_info), "" if none
	Arity    int    // arity of Function, -1 if none
	Opcode   Opcode // the instruction being decoded, 0 if none
	Err      error  // what went wrong; wraps one of the sentinel errors
}

// Error formats e as
// "beamfile: module M: chunk C at offset N: function F/A: instruction OP: reason",
// leaving out the parts that are unknown.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("beamfile: ")
	if e.Module != "" {
		b.WriteString("module ")
		b.WriteString(e.Module)
		b.WriteString(": ")
	}
	if e.Chunk != "" {
		b.WriteString("chunk ")
		b.WriteString(e.Chunk)
		if e.Offset >= 0 {
			b.WriteString(" at offset ")
			b.WriteString(strconv.Itoa(e.Offset))
		}
		b.WriteString(": ")
	} else if e.Offset >= 0 {
		b.WriteString("at offset ")
		b.WriteString(strconv.Itoa(e.Offset))
		b.WriteString(": ")
	}
	if e.Function != "" {
		b.WriteString("function ")
		b.WriteString(e.Function)
		b.WriteByte('/')
		b.WriteString(strconv.Itoa(e.Arity))
		b.WriteString(": ")
	}
	if e.Opcode != 0 {
		b.WriteString("instruction ")
		b.WriteString(e.Opcode.Name())
		b.WriteString(": ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// detailError is a sentinel error with an explanation in front of it.
type detailError struct {
	sentinel error
	msg      string
}

func (d *detailError) Error() string { return d.msg + ": " + d.sentinel.Error() }
func (d *detailError) Unwrap() error { return d.sentinel }

// detail returns an error reading "msg: <sentinel>" that wraps sentinel.
func detail(sentinel error, msg string) error {
	return &detailError{sentinel: sentinel, msg: msg}
}
