package beamfile

import (
	"bytes"
	"compress/zlib"
	"io"
	"strings"
	"unicode/utf8"
)

// maxAtomChars is the longest atom, in characters, the runtime accepts.
const maxAtomChars = 255

// maxArity is the highest function arity.
const maxArity = 255

// parseAtoms decodes AtU8 (utf8 true) or the latin-1 Atom chunk: a count,
// then each atom's length and bytes. A negative count (OTP 28+) means the
// lengths are compact-encoded 'u' values instead of single bytes.
func (f *File) parseAtoms(r *reader, utf8Names bool) error {
	at := r.pos()
	n, err := r.i32("atom count")
	if err != nil {
		return err
	}
	long := n < 0
	count := int64(n)
	if long {
		count = -count
	}
	if count < 1 {
		return r.errAt(at, ErrCorrupt, "atom count %d: the module name is missing", n)
	}
	if count > int64(r.remaining()) {
		return r.errAt(at, ErrTruncated, "%d atoms in %d bytes", count, r.remaining())
	}
	atoms := make([]string, count+1)
	for i := 1; i <= int(count); i++ {
		lenAt := r.pos()
		var length int64
		if long {
			num, err := r.compact()
			if err != nil {
				return err
			}
			if num.tag != tagU || num.wide != nil {
				return r.errAt(lenAt, ErrCorrupt, "atom %d: length is not a 'u' value", i)
			}
			length = num.val
		} else {
			b, err := r.u8("atom length")
			if err != nil {
				return err
			}
			length = int64(b)
		}
		if length > int64(r.remaining()) {
			return r.errAt(lenAt, ErrTruncated, "atom %d of %d bytes, %d left", i, length, r.remaining())
		}
		name, _ := r.bytes(int(length), "atom")
		var s string
		if utf8Names {
			if !utf8.Valid(name) {
				return r.errAt(lenAt, ErrCorrupt, "atom %d is not valid UTF-8", i)
			}
			s = string(name)
		} else {
			s = latin1ToString(name)
		}
		if utf8.RuneCountInString(s) > maxAtomChars {
			return r.errAt(lenAt, ErrCorrupt, "atom %d is longer than %d characters", i, maxAtomChars)
		}
		atoms[i] = s
	}
	f.Atoms = atoms
	f.Module = atoms[1]
	return nil
}

func latin1ToString(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	for _, c := range b {
		sb.WriteRune(rune(c))
	}
	return sb.String()
}

// atomIndex reads a 4-byte atom index and checks it names a real atom (>= 1).
func (f *File) atomIndex(r *reader, what string) (uint32, error) {
	at := r.pos()
	v, err := r.u32(what)
	if err != nil {
		return 0, err
	}
	if v == 0 || uint64(v) >= uint64(len(f.Atoms)) {
		return 0, r.errAt(at, ErrCorrupt, "%s: atom index %d out of range (%d atoms)", what, v, len(f.Atoms)-1)
	}
	return v, nil
}

func arityField(r *reader) (uint32, error) {
	at := r.pos()
	v, err := r.u32("arity")
	if err != nil {
		return 0, err
	}
	if v > maxArity {
		return 0, r.errAt(at, ErrCorrupt, "arity %d", v)
	}
	return v, nil
}

func (f *File) labelField(r *reader) (uint32, error) {
	at := r.pos()
	v, err := r.u32("label")
	if err != nil {
		return 0, err
	}
	if v == 0 || v >= f.CodeHeader.LabelCount {
		return 0, r.errAt(at, ErrCorrupt, "label %d out of range (label count %d)", v, f.CodeHeader.LabelCount)
	}
	return v, nil
}

// parseImports decodes ImpT: count, then (module, function, arity) triples.
func (f *File) parseImports(r *reader) error {
	n, err := r.count("import count", 12)
	if err != nil {
		return err
	}
	imps := make([]Import, n)
	for i := range imps {
		var im Import
		if im.Module, err = f.atomIndex(r, "import module"); err != nil {
			return err
		}
		if im.Function, err = f.atomIndex(r, "import function"); err != nil {
			return err
		}
		if im.Arity, err = arityField(r); err != nil {
			return err
		}
		imps[i] = im
	}
	f.Imports = imps
	return nil
}

// parseExportTable decodes ExpT or LocT: count, then (function, arity, label).
func (f *File) parseExportTable(r *reader) ([]Export, error) {
	n, err := r.count("entry count", 12)
	if err != nil {
		return nil, err
	}
	out := make([]Export, n)
	for i := range out {
		var e Export
		if e.Function, err = f.atomIndex(r, "function"); err != nil {
			return nil, err
		}
		if e.Arity, err = arityField(r); err != nil {
			return nil, err
		}
		if e.Label, err = f.labelField(r); err != nil {
			return nil, err
		}
		out[i] = e
	}
	return out, nil
}

// parseFuns decodes FunT: count, then six 4-byte fields per fun.
func (f *File) parseFuns(r *reader) error {
	n, err := r.count("fun count", 24)
	if err != nil {
		return err
	}
	funs := make([]Fun, n)
	for i := range funs {
		var fn Fun
		if fn.Function, err = f.atomIndex(r, "fun function"); err != nil {
			return err
		}
		if fn.Arity, err = arityField(r); err != nil {
			return err
		}
		if fn.Label, err = f.labelField(r); err != nil {
			return err
		}
		if fn.Index, err = r.u32("fun index"); err != nil {
			return err
		}
		at := r.pos()
		if fn.NumFree, err = r.u32("fun free variables"); err != nil {
			return err
		}
		if fn.NumFree > fn.Arity {
			return r.errAt(at, ErrCorrupt, "fun %d has %d free variables but arity %d", i, fn.NumFree, fn.Arity)
		}
		if fn.OldUniq, err = r.u32("fun old uniq"); err != nil {
			return err
		}
		funs[i] = fn
	}
	f.Funs = funs
	return nil
}

// parseLiterals decodes LitT: the size of the table when uncompressed (0 in
// OTP 28+ files, which store it uncompressed), then the table, zlib-compressed
// unless that size is 0. The table is a count, then (size, ETF bytes) pairs.
func (f *File) parseLiterals(r *reader) error {
	size, err := r.u32("uncompressed literal table size")
	if err != nil {
		return err
	}
	table := r
	if size != 0 {
		at := r.pos()
		zr, err := zlib.NewReader(bytes.NewReader(r.b[r.off:]))
		if err != nil {
			return r.errAt(at, ErrCorrupt, "literal table: %v", err)
		}
		limit := int64(size)
		if limit > maxDecompressed {
			return r.errAt(at-4, ErrCorrupt, "literal table of %d bytes", size)
		}
		raw, err := io.ReadAll(io.LimitReader(zr, limit+1))
		if err != nil {
			return r.errAt(at, ErrCorrupt, "literal table: %v", err)
		}
		if int64(len(raw)) > limit {
			return r.errAt(at, ErrCorrupt, "literal table larger than its declared %d bytes", size)
		}
		table = newReader(raw, 0, "LitT (decompressed)")
	}
	n, err := table.count("literal count", 4)
	if err != nil {
		return err
	}
	lits := make([][]byte, n)
	for i := range lits {
		at := table.pos()
		sz, err := table.u32("literal size")
		if err != nil {
			return err
		}
		if uint64(sz) > uint64(table.remaining()) {
			return table.errAt(at, ErrTruncated, "literal %d of %d bytes, %d left", i, sz, table.remaining())
		}
		b, _ := table.bytes(int(sz), "literal")
		if len(b) < 2 || b[0] != 131 {
			return table.errAt(at, ErrCorrupt, "literal %d is not in external term format", i)
		}
		lits[i] = b
	}
	f.Literals = lits
	return nil
}

// parseLines decodes the Line chunk: version, flags, line instruction count,
// item count, file name count, the items as compact terms (an 'a' value
// selects the file, an 'i' value is a line of it), then the file names, each
// a 2-byte length and UTF-8 bytes. Like the runtime, a chunk of another
// version than 0 is ignored.
func (f *File) parseLines(r *reader) error {
	version, err := r.u32("line table version")
	if err != nil {
		return err
	}
	if version != 0 {
		return nil
	}
	t := &LineTable{}
	if t.Flags, err = r.u32("line flags"); err != nil {
		return err
	}
	if t.InstrCount, err = r.u32("line instruction count"); err != nil {
		return err
	}
	items, err := r.count("line item count", 0)
	if err != nil {
		return err
	}
	names, err := r.count("file name count", 0)
	if err != nil {
		return err
	}
	if items > r.remaining() || names > r.remaining()/2 {
		return r.fail(ErrTruncated, "%d line items and %d file names in %d bytes", items, names, r.remaining())
	}
	t.Items = make([]LineItem, 1, items+1)
	file := 0
	for len(t.Items) <= items {
		at := r.pos()
		num, err := r.compact()
		if err != nil {
			return err
		}
		switch {
		case num.tag == tagA && num.wide == nil:
			if num.val > int64(names) {
				return r.errAt(at, ErrCorrupt, "file index %d out of range (%d files)", num.val, names)
			}
			file = int(num.val)
		case num.tag == tagI && num.wide == nil && num.val >= 0 && num.val <= 1<<31-1:
			t.Items = append(t.Items, LineItem{File: file, Line: int(num.val)})
		default:
			return r.errAt(at, ErrCorrupt, "bad line item (tag '%s')", tagNames[num.tag])
		}
	}
	t.Files = make([]string, names+1)
	t.Files[0] = f.Module + ".erl"
	for i := 1; i <= names; i++ {
		at := r.pos()
		n, err := r.u16("file name length")
		if err != nil {
			return err
		}
		b, err := r.bytes(int(n), "file name")
		if err != nil {
			return err
		}
		if !utf8.Valid(b) {
			return r.errAt(at, ErrCorrupt, "file name %d is not valid UTF-8", i)
		}
		if len(b) == 0 {
			t.Files[i] = t.Files[0]
		} else {
			t.Files[i] = string(b)
		}
	}
	f.Lines = t
	return nil
}
