package term

import (
	"slices"
	"strings"
)

// Native records (OTP 29).
//
// A native record value is a boxed object of its own type:
//
//	header(SubNativeRecord, 1+n), definition, value_1 .. value_n
//
// where definition is a boxed pointer to the record's definition object
// and the n values are the fields in declaration order. Every word after
// the header is a term, so a collector or a copier can treat the object
// like a tuple.
//
// A definition object is built with a tuple header (a collector or copier
// sees an ordinary tuple of terms) but is never handed to Erlang code:
//
//	header(SubTuple, 4+n), hash, module, name, exported, key_1 .. key_n
//
// hash is a small integer, the 32-bit phash2 of the tuple {Module, Name,
// Exported, Key_1, ..., Key_n} (it is mixed into the phash2 of every record
// value); exported is the atom true or false; the keys are atoms in
// declaration order. Definitions of a loaded module live in its literal
// area; records:create/4 and binary_to_term/1 build theirs on the heap.
//
// In the standard term order native records come after tuples and before
// maps. Two records compare by module, name, export flag, number of fields,
// field names in declaration order and then values in declaration order.

// RecordWords returns the size in words of a record value of n fields.
func RecordWords(n int) int { return 2 + n }

// RecordDefWords returns the size in words of a definition of n fields.
func RecordDefWords(n int) int { return 5 + n }

// extRecord is the external format tag of a native record: n (4 bytes),
// flags (1 byte, bit 0: exported), module, name, the n keys, the n values.
const extRecord = 67

// hGold23 is the salt phash2 uses for a native record's size and
// definition hash (the golden ratio times 23, mod 2^32).
const hGold23 uint32 = 0x9e3779b9 * 23 & 0xFFFFFFFF

// IsNativeRecord reports whether t is a native record value.
func (e *Env) IsNativeRecord(t Term) bool {
	return t.IsBoxed() && e.Header(t).HeaderSub() == SubNativeRecord
}

// RecordDef returns the definition object of native record t.
func (e *Env) RecordDef(t Term) Term { return Term(e.W[t.Index()+1]) }

// RecordSize returns the number of fields of native record t.
func (e *Env) RecordSize(t Term) int { return e.Header(t).HeaderArity() - 1 }

// RecordValue returns field i (0-based, declaration order) of native record t.
func (e *Env) RecordValue(t Term, i int) Term { return Term(e.W[t.Index()+2+uint64(i)]) }

// RecordDefSize returns the number of fields of definition def.
func (e *Env) RecordDefSize(def Term) int { return e.Header(def).HeaderArity() - 4 }

// RecordDefModule returns the module that defines def.
func (e *Env) RecordDefModule(def Term) Term { return Term(e.W[def.Index()+2]) }

// RecordDefName returns the record name of def.
func (e *Env) RecordDefName(def Term) Term { return Term(e.W[def.Index()+3]) }

// RecordDefExported reports whether def was exported when the values made
// from it were created.
func (e *Env) RecordDefExported(def Term) bool { return Term(e.W[def.Index()+4]) == AtomTrue }

// RecordDefKey returns field name i (0-based, declaration order) of def.
func (e *Env) RecordDefKey(def Term, i int) Term { return Term(e.W[def.Index()+5+uint64(i)]) }

// RecordDefIndex returns the position of field key in def, or -1.
func (e *Env) RecordDefIndex(def Term, key Term) int {
	base := def.Index() + 5
	for i, n := 0, e.RecordDefSize(def); i < n; i++ {
		if Term(e.W[base+uint64(i)]) == key {
			return i
		}
	}
	return -1
}

// NewRecordDef builds a definition object with a: module mod, record name
// name, the export flag and the field names keys in declaration order. The
// caller guarantees that mod, name and keys are atoms and that the keys are
// distinct.
func NewRecordDef(e *Env, a Allocator, mod, name Term, exported bool, keys []Term) Term {
	n := len(keys)
	at := a.Alloc(RecordDefWords(n))
	w := e.W[at : at+uint64(RecordDefWords(n))]
	ex := AtomFalse
	if exported {
		ex = AtomTrue
	}
	w[2], w[3], w[4] = uint64(mod), uint64(name), uint64(ex)
	for i, k := range keys {
		w[5+i] = uint64(k)
	}
	// Hash the words from module on as the tuple they form, using the
	// hash slot as that tuple's header for the time being.
	w[1] = uint64(MakeHeader(SubTuple, 3+n))
	h := hashMake2(e, MakeBoxed(at+1))
	w[0] = uint64(MakeHeader(SubTuple, 4+n))
	w[1] = uint64(MakeSmall(int64(h)))
	return MakeBoxed(at)
}

// NewRecord builds a native record value of definition def with the given
// values (declaration order; len(vals) must be the definition's size).
func NewRecord(e *Env, a Allocator, def Term, vals []Term) Term {
	n := len(vals)
	at := a.Alloc(RecordWords(n))
	e.W[at] = uint64(MakeHeader(SubNativeRecord, 1+n))
	e.W[at+1] = uint64(def)
	for i, v := range vals {
		e.W[at+2+uint64(i)] = uint64(v)
	}
	return MakeBoxed(at)
}

// recordHash is the definition hash phash2 mixes in for def.
func (e *Env) recordHash(def Term) uint32 { return uint32(Term(e.W[def.Index()+1]).Small()) }

// ordAtoms orders two atoms by their text.
func ordAtoms(e *Env, a, b Term) int {
	if a == b {
		return 0
	}
	return strings.Compare(e.AtomName(a), e.AtomName(b))
}

// ordRecords compares two native records of the same type rank: module,
// name, export flag, size and field names first; when those agree it
// returns 0 with the value pairs pushed on stack.
func ordRecords(e *Env, a, b Term, exact bool, stack []ordItem) (int, []ordItem) {
	da, db := e.RecordDef(a), e.RecordDef(b)
	n := e.RecordSize(a)
	if da != db {
		if c := ordAtoms(e, e.RecordDefModule(da), e.RecordDefModule(db)); c != 0 {
			return c, stack
		}
		if c := ordAtoms(e, e.RecordDefName(da), e.RecordDefName(db)); c != 0 {
			return c, stack
		}
		if c := ordAtoms(e, Term(e.W[da.Index()+4]), Term(e.W[db.Index()+4])); c != 0 {
			return c, stack
		}
		if c := ordSign(n - e.RecordSize(b)); c != 0 {
			return c, stack
		}
		for i := 0; i < n; i++ {
			if c := ordAtoms(e, e.RecordDefKey(da, i), e.RecordDefKey(db, i)); c != 0 {
				return c, stack
			}
		}
	}
	if n > 0 {
		stack = append(stack, ordItem{Term(a.Index() + 2), Term(b.Index() + 2), uint64(n), exact})
	}
	return 0, stack
}

// recordHashOrder returns the positions of def's fields sorted by the
// atom-table index of their names: the order in which phash2 visits the
// values (OTP keeps the values of a record in that order).
func recordHashOrder(e *Env, def Term) []int {
	n := e.RecordDefSize(def)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int {
		kx, ky := e.RecordDefKey(def, x), e.RecordDefKey(def, y)
		switch {
		case kx < ky:
			return -1
		case kx > ky:
			return 1
		}
		return 0
	})
	return order
}

// hashRecord2 mixes native record t into a phash2 computation: its size
// and definition hash now, its values (pushed on stack) next.
func hashRecord2(e *Env, t Term, hash uint32, stack []h2Item) (uint32, []h2Item) {
	def := e.RecordDef(t)
	n := e.RecordSize(t)
	hash = hashMixPair(hash, uint32(n), e.recordHash(def), hGold23)
	order := recordHashOrder(e, def)
	for i := n - 1; i >= 0; i-- {
		stack = append(stack, h2Item{kind: h2Term, t: e.RecordValue(t, order[i])})
	}
	return hash, stack
}

// nativeRecord writes native record t in the external format.
func (w *encoder) nativeRecord(t Term, stack []encItem) []encItem {
	e := w.e
	def := e.RecordDef(t)
	n := e.RecordSize(t)
	w.byte1(extRecord)
	w.u32(uint32(n))
	if e.RecordDefExported(def) {
		w.byte1(1)
	} else {
		w.byte1(0)
	}
	w.atom(e.RecordDefModule(def))
	w.atom(e.RecordDefName(def))
	for i := 0; i < n; i++ {
		w.atom(e.RecordDefKey(def, i))
	}
	for i := n - 1; i >= 0; i-- {
		stack = append(stack, encItem{kind: encTerm, t: e.RecordValue(t, i)})
	}
	return stack
}

// nativeRecord decodes a native record (after its tag): it builds a fresh
// definition and the value, whose fields the following terms fill.
func (d *decoder) nativeRecord() (Term, error) {
	v, err := d.u32()
	if err != nil {
		return 0, err
	}
	n := uint64(v)
	// Every key and every value takes at least one byte.
	if 2*n > uint64(max(d.avail(), 0)) {
		return 0, d.bad("record of %d fields, %d bytes left", n, max(d.avail(), 0))
	}
	flags, err := d.u8()
	if err != nil {
		return 0, err
	}
	if flags > 1 {
		return 0, d.bad("record flags %d", flags)
	}
	mod, err := d.atom()
	if err != nil {
		return 0, err
	}
	name, err := d.atom()
	if err != nil {
		return 0, err
	}
	keys := make([]Term, n)
	seen := make(map[Term]bool, n)
	for i := range keys {
		if keys[i], err = d.atom(); err != nil {
			return 0, err
		}
		if seen[keys[i]] {
			return 0, d.bad("record field %s repeated", d.e.AtomName(keys[i]))
		}
		seen[keys[i]] = true
	}
	if err := d.announce(n); err != nil {
		return 0, err
	}
	def := NewRecordDef(d.e, d.a, mod, name, flags == 1, keys)
	p := d.alloc(uint64(RecordWords(int(n))), Nil)
	d.e.W[p] = uint64(MakeHeader(SubNativeRecord, 1+int(n)))
	d.e.W[p+1] = uint64(def)
	if n > 0 {
		d.stack = append(d.stack, frame{kind: frameSlots, base: p + 2, n: n})
	}
	return MakeBoxed(p), nil
}

// appendRecordName appends "#module:name".
func appendRecordName(buf []byte, e *Env, def Term, unicode bool) []byte {
	buf = append(buf, '#')
	buf = AppendAtom(buf, e.AtomName(e.RecordDefModule(def)), unicode)
	buf = append(buf, ':')
	return AppendAtom(buf, e.AtomName(e.RecordDefName(def)), unicode)
}

// nativeRecord writes native record t at depth d (d != 0) as io_lib:write
// does: #module:name{field = value,...}.
func (w *termWriter) nativeRecord(t Term, d int) {
	e := w.e
	def := e.RecordDef(t)
	w.buf = appendRecordName(w.buf, e, def, w.unicode)
	w.buf = append(w.buf, '{')
	n := e.RecordSize(t)
	for i := 0; i < n; i++ {
		if d == 1 {
			w.buf = append(w.buf, "..."...)
			break
		}
		w.buf = AppendAtom(w.buf, e.AtomName(e.RecordDefKey(def, i)), w.unicode)
		w.buf = append(w.buf, " = "...)
		w.write(e.RecordValue(t, i), depthDec(d))
		if i+1 < n {
			w.buf = append(w.buf, ',')
		}
		d = depthDec(d)
	}
	w.buf = append(w.buf, '}')
}

// Intermediate forms of a native record for the pretty printer: a record
// node has the "#module:name" text in k, its fields in elems and dots in
// tail when the depth ran out; a field node has its name in k and its
// value in v.
const (
	nodeRecord pkind = 64
	nodeField  pkind = 65
)

// recordLength builds the intermediate form of native record t at depth
// d (d != 0), as io_lib_pretty does.
func (p *prettyPrinter) recordLength(t Term, d int) *pnode {
	e := p.e
	def := e.RecordDef(t)
	size := e.RecordSize(t)
	if d == 1 {
		s := AppendWDepth(nil, e, t, 1, p.o.Unicode)
		return newLeaf(s)
	}
	name := newLeaf(appendRecordName(nil, e, def, p.o.Unicode))
	n := &pnode{kind: nodeRecord, k: name}
	d = depthDec(d)
	for i := 0; i < size; i++ {
		if d == 1 {
			n.tail = dotsNode
			break
		}
		key := newLeaf(AppendAtom(nil, e.AtomName(e.RecordDefKey(def, i)), p.o.Unicode))
		v := p.length(e.RecordValue(t, i), depthDec(d))
		n.elems = append(n.elems, &pnode{kind: nodeField, k: key, v: v, n: key.n + 3 + v.n})
		d = depthDec(d)
	}
	n.n = seqLength(n.elems, n.tail, name.n+2)
	return n
}

// writeRecord writes a record or field node on one line.
func (p *prettyPrinter) writeRecord(n *pnode) {
	if n.kind == nodeField {
		p.write(n.k)
		p.buf = append(p.buf, " = "...)
		p.write(n.v)
		return
	}
	p.write(n.k)
	p.buf = append(p.buf, '{')
	p.writeSeq(n, ',')
	p.buf = append(p.buf, '}')
}

// fieldAsLeaf stands for a field in the tests that treat a field with an
// atomic value as atomic.
func fieldAsLeaf(f *pnode) *pnode {
	if f.v.atomic() {
		return &pnode{kind: nodeLeaf, n: f.n}
	}
	return &pnode{kind: nodeField, n: f.n}
}

// recIndent is io_lib_pretty's rec_indent: the column, indentation and
// width after indenting by rind, or by tind on a new line when rind is
// wider than a positive tind.
func recIndent(rind, tind, col0, ind0, w0 int) (col, ind int, nl bool, w int) {
	nl = tind > 0 && rind > tind
	dcol := rind
	if nl {
		dcol = tind
	}
	w = w0
	if nl {
		w = 0
	}
	return col0 + dcol, ind0 + dcol, nl, w
}

// ppRecord prints a record node that does not fit on the line.
func (p *prettyPrinter) ppRecord(n *pnode, col0, tind, ind0, ld, w0 int) {
	p.write(n.k)
	p.buf = append(p.buf, '{')
	defer func() { p.buf = append(p.buf, '}') }()
	if len(n.elems) == 0 {
		if n.tail != nil {
			p.buf = append(p.buf, "..."...)
		}
		return
	}
	col, ind, nl, w := recIndent(n.k.n+1, tind, col0, ind0, w0+n.k.n+1)
	if nl {
		p.newline(ind)
	}
	fw := p.ppField(n.elems[0], col, tind, ind, lastDepth(n, 0, ld), w)
	col0, cur := col, col+fw
	w += fw
	for i := 1; i < len(n.elems); i++ {
		f := n.elems[i]
		ld1 := lastDepth(n, i, ld)
		if p.tailFits(fieldAsLeaf(f), cur, ld1, w) {
			p.buf = append(p.buf, ',')
			p.write(f)
			cur += 1 + f.n
			w += 1 + f.n
			continue
		}
		p.buf = append(p.buf, ',')
		p.newline(ind)
		fw := p.ppField(f, col0, tind, ind, ld1, 0)
		cur = col0 + fw
		w = fw
	}
	if n.tail != nil {
		p.buf = append(p.buf, ",..."...)
	}
}

// ppField prints one field and returns the width it takes, or the line
// length to force the next field onto a new line.
func (p *prettyPrinter) ppField(f *pnode, col0, tind, ind0, ld, w0 int) int {
	if p.fits(f, col0, ld, w0) {
		p.write(f)
		if f.v.atomic() {
			return f.n
		}
		return p.ll
	}
	nameL := f.k.n + 3
	col, ind, nl, w := recIndent(nameL, tind, col0, ind0, w0+nameL)
	p.write(f.k)
	if nl {
		p.buf = append(p.buf, " ="...)
		p.newline(ind)
	} else {
		p.buf = append(p.buf, " = "...)
	}
	p.pp(f.v, col, tind, ind, ld, w)
	return p.ll
}

// cindRec is io_lib_pretty's cind_rec: the column and width after
// indenting by rind (or ind on a new line), or false when that is too far
// right.
func (p *prettyPrinter) cindRec(rind, col0, ind, w0 int) (col, w int, ok bool) {
	nl := ind > 0 && rind > ind
	dcol := rind
	if nl {
		dcol = ind
	}
	col = col0 + dcol
	if p.m+col > p.ll && col > p.ll/2 {
		return 0, 0, false
	}
	if nl {
		return col, 0, true
	}
	return col, w0, true
}

// cindRecord checks the layout of a record node for cind.
func (p *prettyPrinter) cindRecord(n *pnode, col0, ind, ld, w0 int) bool {
	if len(n.elems) == 0 {
		return true
	}
	col, w, ok := p.cindRec(n.k.n+1, col0, ind, w0+n.k.n+1)
	if !ok {
		return false
	}
	fw, ok := p.cindField(n.elems[0], col, ind, lastDepth(n, 0, ld), w)
	if !ok {
		return false
	}
	col0, cur := col, col+fw
	w += fw
	for i := 1; i < len(n.elems); i++ {
		f := n.elems[i]
		ld1 := lastDepth(n, i, ld)
		if p.tailFits(fieldAsLeaf(f), cur, ld1, w) {
			cur += 1 + f.n
			w += 1 + f.n
			continue
		}
		fw, ok := p.cindField(f, col0, ind, ld1, 0)
		if !ok {
			return false
		}
		// io_lib_pretty continues from the current column here, not from
		// the field column as when printing.
		cur += fw
		w = fw
	}
	return true
}

func (p *prettyPrinter) cindField(f *pnode, col, ind, ld, w int) (int, bool) {
	if p.fits(f, col, ld, w) {
		if f.v.atomic() {
			return f.n, true
		}
		return p.ll, true
	}
	nameL := f.k.n + 3
	col, w, ok := p.cindRec(nameL, col, ind, w+nameL)
	if !ok || !p.cind(f.v, col, ind, ld, w) {
		return 0, false
	}
	return p.ll, true
}
