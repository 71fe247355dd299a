package beamfile

import (
	"bytes"
	"compress/gzip"
	"crypto/md5"
	"errors"
	"io"
)

// maxDecompressed bounds the size of a gzip-compressed .beam after
// decompression, and of a decompressed literal table.
const maxDecompressed = 256 << 20

// chunk is one chunk of the container: its id, data and absolute offset.
type chunk struct {
	data []byte
	off  int
}

// Parse parses a whole .beam file, optionally gzip-compressed (magic 1f 8b).
// Mandatory chunks are an atom table (AtU8, or the latin-1 Atom), Code, ImpT
// and ExpT; StrT, LitT, LocT, FunT, Line, Attr, CInf and Type are decoded when
// present, and every other chunk (Meta, Dbgi, Docs, ExCk, ...) is skipped.
// When a chunk id occurs twice, the last one wins.
//
// On failure the error is an *Error wrapping ErrNotBeam, ErrTruncated,
// ErrMissingChunk, ErrCorrupt or ErrUnknownOpcode.
func Parse(data []byte) (*File, error) {
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		plain, err := gunzip(data)
		if err != nil {
			return nil, err
		}
		data = plain
	}
	chunks, err := splitChunks(data)
	if err != nil {
		return nil, err
	}
	f := &File{}
	if err := f.parseChunks(chunks); err != nil {
		var e *Error
		if errors.As(err, &e) && e.Module == "" {
			e.Module = f.Module
		}
		return nil, err
	}
	return f, nil
}

// gunzip decompresses a gzip-compressed .beam, refusing more than
// maxDecompressed bytes of output.
func gunzip(data []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, &Error{Offset: 0, Arity: -1, Err: detail(ErrNotBeam, "bad gzip header: "+err.Error())}
	}
	out, err := io.ReadAll(io.LimitReader(zr, maxDecompressed+1))
	if err != nil {
		return nil, &Error{Offset: -1, Arity: -1, Err: detail(ErrTruncated, "gzip: "+err.Error())}
	}
	if len(out) > maxDecompressed {
		return nil, &Error{Offset: -1, Arity: -1, Err: detail(ErrCorrupt, "gzip: decompresses to more than 256 MiB")}
	}
	return out, nil
}

// splitChunks checks the FOR1/BEAM header and returns the chunks by id.
func splitChunks(data []byte) (map[string]chunk, error) {
	r := newReader(data, 0, "")
	magic, err := r.bytes(4, "IFF header")
	if err != nil {
		return nil, withSentinel(err, ErrNotBeam)
	}
	if string(magic) != "FOR1" {
		return nil, r.errAt(0, ErrNotBeam, "file does not start with FOR1")
	}
	size, err := r.u32("form size")
	if err != nil {
		return nil, withSentinel(err, ErrNotBeam)
	}
	if uint64(size) > uint64(r.remaining()) {
		return nil, r.errAt(4, ErrTruncated, "form size %d, %d bytes present", size, r.remaining())
	}
	r.b = r.b[:r.off+int(size)]
	form, err := r.bytes(4, "form type")
	if err != nil {
		return nil, withSentinel(err, ErrNotBeam)
	}
	if string(form) != "BEAM" {
		return nil, r.errAt(8, ErrNotBeam, "form type is %q, not BEAM", form)
	}
	chunks := make(map[string]chunk)
	for !r.eof() {
		at := r.pos()
		id, err := r.bytes(4, "chunk id")
		if err != nil {
			return nil, err
		}
		n, err := r.u32("chunk size")
		if err != nil {
			return nil, err
		}
		padded := (uint64(n) + 3) &^ 3
		if padded > uint64(r.remaining()) {
			return nil, r.errAt(at, ErrTruncated, "chunk %q of %d bytes, %d left", id, n, r.remaining())
		}
		c := chunk{data: r.b[r.off : r.off+int(n) : r.off+int(n)], off: r.pos()}
		r.off += int(padded)
		chunks[string(id)] = c
	}
	return chunks, nil
}

// withSentinel re-labels a reader error with another sentinel (used where a
// short read means "not a BEAM file" rather than "truncated").
func withSentinel(err error, sentinel error) error {
	var e *Error
	if errors.As(err, &e) {
		if d, ok := e.Err.(*detailError); ok {
			d.sentinel = sentinel
		}
	}
	return err
}

// present returns the chunk with that id if it exists and is not empty; like
// the runtime's loader, an empty chunk counts as absent.
func present(chunks map[string]chunk, id string) (chunk, bool) {
	c, ok := chunks[id]
	return c, ok && len(c.data) > 0
}

// parseChunks decodes the chunks into f, code last so that operands can be
// checked against every table.
func (f *File) parseChunks(chunks map[string]chunk) error {
	missing := func(what string) error {
		return &Error{Offset: -1, Arity: -1, Err: detail(ErrMissingChunk, "no "+what+" chunk")}
	}
	f.MD5 = moduleMD5(chunks)
	if c, ok := present(chunks, "Recs"); ok {
		f.Records = c.data
	}
	if c, ok := present(chunks, "AtU8"); ok {
		if err := f.parseAtoms(newReader(c.data, c.off, "AtU8"), true); err != nil {
			return err
		}
	} else if c, ok := present(chunks, "Atom"); ok {
		if err := f.parseAtoms(newReader(c.data, c.off, "Atom"), false); err != nil {
			return err
		}
	} else {
		return missing("atom table (AtU8)")
	}
	code, ok := present(chunks, "Code")
	if !ok {
		return missing("Code")
	}
	codeR := newReader(code.data, code.off, "Code")
	if err := f.parseCodeHeader(codeR); err != nil {
		return err
	}
	c, ok := present(chunks, "ImpT")
	if !ok {
		return missing("import table (ImpT)")
	}
	if err := f.parseImports(newReader(c.data, c.off, "ImpT")); err != nil {
		return err
	}
	c, ok = present(chunks, "ExpT")
	if !ok {
		return missing("export table (ExpT)")
	}
	var err error
	if f.Exports, err = f.parseExportTable(newReader(c.data, c.off, "ExpT")); err != nil {
		return err
	}
	if c, ok := present(chunks, "LocT"); ok {
		if f.Locals, err = f.parseExportTable(newReader(c.data, c.off, "LocT")); err != nil {
			return err
		}
	}
	if c, ok := present(chunks, "FunT"); ok {
		if err := f.parseFuns(newReader(c.data, c.off, "FunT")); err != nil {
			return err
		}
	}
	if c, ok := present(chunks, "LitT"); ok {
		if err := f.parseLiterals(newReader(c.data, c.off, "LitT")); err != nil {
			return err
		}
	}
	if c, ok := present(chunks, "StrT"); ok {
		f.Strings = c.data
	}
	if c, ok := present(chunks, "Line"); ok {
		if err := f.parseLines(newReader(c.data, c.off, "Line")); err != nil {
			return err
		}
	}
	if c, ok := present(chunks, "Type"); ok {
		if f.Types, err = parseTypes(newReader(c.data, c.off, "Type")); err != nil {
			return err
		}
	}
	if c, ok := present(chunks, "Attr"); ok {
		f.Attributes = c.data
	}
	if c, ok := present(chunks, "CInf"); ok {
		f.CompileInfo = c.data
	}
	return f.parseCode(codeR)
}

// md5Chunks are the chunks whose bytes make up a module's MD5
// (module_info(md5), the uniq of its funs in the external format), in order.
var md5Chunks = []string{"AtU8", "Atom", "Code", "StrT", "ImpT", "ExpT", "FunT", "LitT", "Meta"}

// moduleMD5 computes the module's MD5 the way OTP does: over the stored
// bytes of md5Chunks, in that order, skipping absent ones.
func moduleMD5(chunks map[string]chunk) [16]byte {
	h := md5.New()
	for _, id := range md5Chunks {
		c, ok := chunks[id]
		if !ok {
			continue
		}
		if id != "FunT" {
			h.Write(c.data)
			continue
		}
		// FunT counts with every entry's OldUniq (its sixth word, itself
		// derived from the MD5) as zero.
		d := append([]byte(nil), c.data...)
		for off := 4 + 20; off+4 <= len(d); off += 24 {
			clear(d[off : off+4])
		}
		h.Write(d)
	}
	var sum [16]byte
	copy(sum[:], h.Sum(nil))
	return sum
}
