package term

import "errors"

// The external term format (term_to_binary/binary_to_term) as OTP 25 writes
// and reads it. This file holds what the decoder and encoder share: the tags,
// the options, the interface to the VM and the conversions between beamr's
// pid, port and reference words and their external fields.
//
// Local pids, ports and references are the only node-bound terms beamr has:
// a pid, port or reference naming any node other than nonode@nohost is refused
// with ErrRemote. The creation field of a local one is ignored when decoding
// and written as 0 when encoding.

// VersionMagic is the first byte of every external term.
const VersionMagic = 131

// External format tags.
const (
	extNewFloat       = 70
	extBitBinary      = 77
	extCompressed     = 80
	extAtomCacheRef   = 82
	extNewPid         = 88
	extNewPort        = 89
	extNewerReference = 90
	extSmallInteger   = 97
	extInteger        = 98
	extFloat          = 99
	extAtom           = 100
	extReference      = 101
	extPort           = 102
	extPid            = 103
	extSmallTuple     = 104
	extLargeTuple     = 105
	extNil            = 106
	extString         = 107
	extList           = 108
	extBinary         = 109
	extSmallBig       = 110
	extLargeBig       = 111
	extNewFun         = 112
	extExport         = 113
	extNewReference   = 114
	extSmallAtom      = 115
	extMap            = 116
	extFun            = 117
	extAtomUTF8       = 118
	extSmallAtomUTF8  = 119
	extV4Port         = 120
	extLocal          = 121
	floatExtLen       = 31 // the text field of FLOAT_EXT
	maxAtomChars      = 255
	maxStringExt      = 65535 // longest byte list written as STRING_EXT
)

// Errors returned by DecodeExternal and EncodeExternal. They are wrapped with
// the offset or the term kind that caused them; test with errors.Is.
var (
	// ErrBadExternal: the bytes are not a well-formed external term
	// (binary_to_term raises badarg).
	ErrBadExternal = errors.New("malformed external term")
	// ErrUnsafe: safe decoding refused to create an atom or an external fun
	// (binary_to_term(B, [safe]) raises badarg).
	ErrUnsafe = errors.New("unsafe external term")
	// ErrRemote: the term names another node; beamr only has local pids,
	// ports and references.
	ErrRemote = errors.New("external term names a remote node")
	// ErrAtomLimit: the atom table is full (system_limit).
	ErrAtomLimit = errors.New("atom table full")
	// ErrNotEncodable: the term has no external form (a match context or
	// another VM-internal object).
	ErrNotEncodable = errors.New("term has no external format")
)

// Resolver gives the decoder what only the VM knows: export and fun tables.
type Resolver interface {
	// ExportIndex returns the runtime export-table index for M:F/A, creating
	// the entry if needed.
	ExportIndex(m, f Term, arity int) uint32
	// FunEntry returns the runtime fun-table id for a closure of module m
	// with FunT index index and old uniq oldUniq (arity and the module's MD5,
	// the new uniq of NEW_FUN_EXT, identify it further), creating a
	// placeholder if the module is not loaded.
	FunEntry(m Term, index uint32, oldUniq uint32, arity int, md5 [16]byte) uint32
}

// ExportLookup is implemented by a Resolver that can tell whether an export
// entry exists without creating it. Safe decoding uses it to refuse external
// funs that do not exist yet, as OTP does; with a Resolver that lacks it, safe
// decoding creates export entries like unsafe decoding.
type ExportLookup interface {
	// LookupExport returns the export-table index of M:F/A if that entry
	// exists.
	LookupExport(m, f Term, arity int) (index uint32, ok bool)
}

// FunSource tells the encoder what NEW_FUN_EXT needs about a closure that the
// closure object itself does not hold.
type FunSource interface {
	// FunInfo returns the MD5 of the closure's module (the new uniq) and the
	// closure's new index for the runtime fun-table entry id.
	FunInfo(entry uint32) (md5 [16]byte, newIndex uint32)
}

// DecodeOpts are binary_to_term's options.
type DecodeOpts struct {
	// Safe refuses to create atoms or external funs that do not exist yet.
	Safe bool
}

// EncodeOpts are term_to_binary's options.
type EncodeOpts struct {
	// Compressed is the zlib level: 0 writes no compression, 1..9 compress
	// (term_to_binary's plain compressed option is level 6). As in OTP, the
	// compressed form is only used when it is smaller.
	Compressed int
	// MinorVersion is the minor_version option: 0 writes floats as text
	// (FLOAT_EXT), 1 (OTP 25's default) as IEEE doubles, 2 also writes every
	// atom as UTF-8. The zero value is 0; use DefaultEncodeOpts for OTP's
	// defaults.
	MinorVersion int
	// Deterministic is the deterministic option: maps of more than 32 keys
	// are written in key term order instead of their hash-trie order.
	Deterministic bool
	// Funs supplies the module MD5 and new index of closures. When nil, both
	// are written as zero.
	Funs FunSource
	// Creator is the pid written as a closure's creating process (OTP 25
	// records the creator in every closure; beamr's closures do not, so the
	// caller passes one, normally the encoding process). Zero writes <0.0.0>.
	Creator Term
}

// DefaultEncodeOpts returns the options term_to_binary/1 uses in OTP 25.
func DefaultEncodeOpts() EncodeOpts { return EncodeOpts{MinorVersion: 1} }

// Local pid numbers: beamr's pid number n is OTP's 28-bit pid data, whose low
// 15 bits are the external ID field and whose next 13 bits are the serial.
const (
	pidIDBits     = 15
	pidSerialBits = 13
	maxPortNumber = 1<<28 - 1
	refNum0Bits   = 18 // significant bits of a local reference's first number
	refNumbers    = 3  // numbers of a local reference
)

func pidFields(n uint64) (id, serial uint32) {
	return uint32(n & (1<<pidIDBits - 1)), uint32(n >> pidIDBits)
}
