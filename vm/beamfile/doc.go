// Package beamfile parses compiled BEAM modules (.beam files) into plain Go
// values: the atom, import, export, local, fun, literal, string, line and type
// tables, and the generic instruction stream of the Code chunk with every
// compact-encoded operand fully decoded.
//
// It does no loading: nothing here knows about terms, heaps or the
// interpreter. Literals, attributes and compile information stay in the
// external term format, exactly as stored.
//
// Parsing checks every length and index against the input, so a truncated or
// corrupted file yields an *Error, never a panic, and no allocation is larger
// than the input (or its decompressed form) can justify.
//
// Supported layouts are those written by the compilers of OTP 25 to OTP 29:
// AtU8 atom tables with one-byte lengths or (OTP 28+) compact-encoded ones,
// the older latin-1 Atom table, zlib-compressed or (OTP 28+) uncompressed
// literal tables, Type chunk versions 1 to 4, and whole files compressed with
// gzip (the compiler's "compressed" option).
package beamfile
