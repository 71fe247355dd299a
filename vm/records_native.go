package vm

import (
	"encoding/binary"
	"fmt"
	"math/big"
	"slices"

	"github.com/beamr/beamr/term"
	bf "github.com/beamr/beamr/vm/beamfile"
)

// Native records (OTP 29): the record definitions of a module (its Recs
// chunk) and the six instructions that make, test and take apart record
// values. The term layouts are documented in term/nrecord.go: a value is
// header(SubNativeRecord, 1+n), definition, n values; a definition is a
// tuple-headed object in the defining module's literal area.
//
// Loaded operand layouts (after the opcode word):
//
//	is_any_native_record  Fail Src
//	is_native_record      Fail Src Module Name
//	is_record_accessible  Fail Src Scope            (Scope: recScope*)
//	get_record_elements   Fail Src N (Key Dst)*N
//	get_record_field      Fail Src Kind Id Key Dst  (Kind: recField*)
//	put_record            Kind Fail Dst Live ...    (Kind: recPut*)
//	  recPutLocal         Def N Val*N               (Val 0: no value, novalue error)
//	  recPutLocalByName   Name N (Key Src)*N
//	  recPutExternal      {Module,Name} N (Key Src)*N
//	  recPutUpdate        Src N (Key Src)*N
//
// A Fail label of 0 raises the error instead of jumping.

// Scopes of is_record_accessible.
const (
	recScopeExternal  = 0 // the record was exported when created
	recScopeAutoLocal = 1 // exported, or defined by the running module
)

// Kinds of get_record_field.
const (
	recFieldLocal    = 0 // #Name.Field: the name must match
	recFieldAnon     = 1 // #_.Field
	recFieldExternal = 2 // #Module:Name.Field: module and name must match, and the record be exported
)

// Kinds of put_record.
const (
	recPutLocal       = 0 // #Name{...} with the fields resolved at load time
	recPutLocalByName = 1 // #Name{...} naming fields the definition lacks
	recPutExternal    = 2 // #Module:Name{...}
	recPutUpdate      = 3 // Expr#Name{...}, Expr#_{...}
)

// recordEntry is one native record definition of a module.
type recordEntry struct {
	def      term.Term   // definition object, in the module's literal area
	defaults []term.Term // default value of each field in declaration order; term.NoValue for none
}

// moduleRecords holds the native record definitions of one module instance.
type moduleRecords struct {
	byName map[term.Term]*recordEntry
}

// recordsOf returns the native record table of module instance m.
func recordsOf(m *Module) *moduleRecords { return &m.records }

// lookup returns the definition named name, or nil.
func (r *moduleRecords) lookup(name term.Term) *recordEntry {
	if r == nil {
		return nil
	}
	return r.byName[name]
}

// NativeRecordDef returns the definition object of native record name as
// the current code of module mod defines it, with each field's default
// value (term.NoValue where there is none); ok is false when mod is not
// loaded or does not define the record. The slice must not be modified.
func (rt *Runtime) NativeRecordDef(mod, name term.Term) (def term.Term, defaults []term.Term, ok bool) {
	m, loaded := rt.Module(mod)
	if !loaded {
		return 0, nil, false
	}
	ent := recordsOf(m).lookup(name)
	if ent == nil {
		return 0, nil, false
	}
	return ent.def, ent.defaults, true
}

// recsReader decodes the compact-term operands of a Recs chunk.
type recsReader struct {
	b   []byte
	off int
}

// recsArg is one decoded operand: a number (u tag), an integer, an atom
// index (0 is []), a literal index or a list.
type recsArg struct {
	tag  byte // 'u', 'i', 'a', 'l' (literal), 'L' (list)
	val  int64
	big  *big.Int
	list []recsArg
}

func (r *recsReader) u8() (byte, error) {
	if r.off >= len(r.b) {
		return 0, fmt.Errorf("Recs chunk truncated at byte %d", r.off)
	}
	c := r.b[r.off]
	r.off++
	return c, nil
}

func (r *recsReader) u32() (uint32, error) {
	if len(r.b)-r.off < 4 {
		return 0, fmt.Errorf("Recs chunk truncated at byte %d", r.off)
	}
	v := binary.BigEndian.Uint32(r.b[r.off:])
	r.off += 4
	return v, nil
}

// number decodes one compact number: its tag (0..7) and value; integers
// (tag 1) are signed and may come as a big.Int.
func (r *recsReader) number() (tag byte, v int64, z *big.Int, err error) {
	c, err := r.u8()
	if err != nil {
		return 0, 0, nil, err
	}
	tag = c & 7
	switch {
	case c&0x08 == 0:
		return tag, int64(c >> 4), nil, nil
	case c&0x10 == 0:
		lo, err := r.u8()
		if err != nil {
			return 0, 0, nil, err
		}
		return tag, int64(c>>5)<<8 | int64(lo), nil, nil
	}
	n := int(c>>5) + 2
	if c>>5 == 7 {
		t, m, _, err := r.number()
		if err != nil {
			return 0, 0, nil, err
		}
		if t != 0 || m < 0 || m > 1<<16 {
			return 0, 0, nil, fmt.Errorf("Recs chunk: bad number length at byte %d", r.off)
		}
		n = int(m) + 9
	}
	if len(r.b)-r.off < n {
		return 0, 0, nil, fmt.Errorf("Recs chunk truncated at byte %d", r.off)
	}
	raw := r.b[r.off : r.off+n]
	r.off += n
	z = new(big.Int).SetBytes(raw)
	if tag == 1 && raw[0]&0x80 != 0 {
		z.Sub(z, new(big.Int).Lsh(big.NewInt(1), uint(8*n)))
	}
	if z.IsInt64() {
		return tag, z.Int64(), nil, nil
	}
	if tag != 1 {
		return 0, 0, nil, fmt.Errorf("Recs chunk: number too large at byte %d", r.off)
	}
	return tag, 0, z, nil
}

// arg decodes one operand (a list only where inList is false).
func (r *recsReader) arg(inList bool) (recsArg, error) {
	tag, v, z, err := r.number()
	if err != nil {
		return recsArg{}, err
	}
	switch tag {
	case 0:
		return recsArg{tag: 'u', val: v}, nil
	case 1:
		return recsArg{tag: 'i', val: v, big: z}, nil
	case 2:
		return recsArg{tag: 'a', val: v}, nil
	case 7:
		switch v {
		case 1: // list
			if inList {
				break
			}
			t, n, _, err := r.number()
			if err != nil {
				return recsArg{}, err
			}
			if t != 0 || n < 0 || n > int64(len(r.b)-r.off) {
				return recsArg{}, fmt.Errorf("Recs chunk: bad list length at byte %d", r.off)
			}
			a := recsArg{tag: 'L', list: make([]recsArg, n)}
			for i := range a.list {
				if a.list[i], err = r.arg(true); err != nil {
					return recsArg{}, err
				}
			}
			return a, nil
		case 4: // literal
			t, n, _, err := r.number()
			if err != nil {
				return recsArg{}, err
			}
			if t != 0 {
				break
			}
			return recsArg{tag: 'l', val: n}, nil
		}
	}
	return recsArg{}, fmt.Errorf("Recs chunk: unexpected operand (tag %d) at byte %d", tag, r.off)
}

// atom returns the runtime atom of atom operand a.
func (l *loader) recsAtom(a recsArg) (term.Term, bool) {
	if a.tag != 'a' || a.val <= 0 || a.val >= int64(len(l.atoms)) {
		return 0, false
	}
	return l.atoms[a.val], true
}

// loadRecordDefs reads the module's Recs chunk (nil when it has none):
// version 0, the number of records, the total number of fields, then one
// call_last-shaped entry per record: name, exported (true or false) and
// the list of fields, each a name followed by its default value (a
// u-tagged 0 for none). It builds each definition in the module's literal
// area. It must run after the literals are decoded and before the code is
// transformed.
func (l *loader) loadRecordDefs(chunk []byte) error {
	if len(chunk) == 0 {
		return nil
	}
	recs := recordsOf(l.m)
	if recs == nil {
		return l.fail("native records are not supported: modules carry no record table")
	}
	r := &recsReader{b: chunk}
	version, err := r.u32()
	if err != nil {
		return l.fail("%v", err)
	}
	if version != 0 {
		return l.fail("Recs chunk version %d", version)
	}
	count, err := r.u32()
	if err != nil {
		return l.fail("%v", err)
	}
	if _, err := r.u32(); err != nil { // total number of fields
		return l.fail("%v", err)
	}
	if uint64(count) > uint64(len(chunk)) {
		return l.fail("Recs chunk: %d records in %d bytes", count, len(chunk))
	}
	env := &l.rt.Env
	recs.byName = make(map[term.Term]*recordEntry, count)
	for i := uint32(0); i < count; i++ {
		op, err := r.u8()
		if err != nil {
			return l.fail("%v", err)
		}
		if op != uint8(bf.OpCallLast) {
			return l.fail("Recs chunk: entry %d starts with opcode %d", i, op)
		}
		var args [3]recsArg
		for k := range args {
			if args[k], err = r.arg(false); err != nil {
				return l.fail("%v", err)
			}
		}
		name, ok := l.recsAtom(args[0])
		exp, ok2 := l.recsAtom(args[1])
		if !ok || !ok2 || (exp != term.AtomTrue && exp != term.AtomFalse) || args[2].tag != 'L' || len(args[2].list)%2 != 0 {
			return l.fail("Recs chunk: malformed entry %d", i)
		}
		if recs.byName[name] != nil {
			return l.fail("Recs chunk: record %s defined twice", env.AtomName(name))
		}
		fs := args[2].list
		keys := make([]term.Term, 0, len(fs)/2)
		ent := &recordEntry{defaults: make([]term.Term, 0, len(fs)/2)}
		for k := 0; k < len(fs); k += 2 {
			key, ok := l.recsAtom(fs[k])
			if !ok || slices.Contains(keys, key) {
				return l.fail("Recs chunk: bad field %d of record %s", k/2, env.AtomName(name))
			}
			v, err := l.recsDefault(fs[k+1])
			if err != nil {
				return l.fail("Recs chunk: record %s field %s: %v", env.AtomName(name), env.AtomName(key), err)
			}
			keys = append(keys, key)
			ent.defaults = append(ent.defaults, v)
		}
		ent.def = term.NewRecordDef(env, l.m.lit, l.m.Name, name, exp == term.AtomTrue, keys)
		recs.byName[name] = ent
	}
	return nil
}

// recsDefault converts a field's default value operand (u 0: none).
func (l *loader) recsDefault(a recsArg) (term.Term, error) {
	switch a.tag {
	case 'u':
		if a.val == 0 {
			return term.NoValue, nil
		}
	case 'i':
		if a.big != nil {
			return l.m.lit.Big(a.big), nil
		}
		return l.m.lit.Int(a.val), nil
	case 'a':
		if a.val == 0 {
			return term.Nil, nil
		}
		if t, ok := l.recsAtom(a); ok {
			return t, nil
		}
	case 'l':
		if a.val >= 0 && a.val < int64(len(l.m.literals)) {
			return l.m.literals[a.val], nil
		}
	}
	return 0, fmt.Errorf("bad default value operand")
}

// nativeRecord loads one of the six native record instructions (the
// opcode word is already emitted).
func (l *loader) nativeRecord(in bf.Instr) error {
	a := in.Args
	if len(a) != in.Op.Arity() {
		return l.fail("%s: %d operands", in.Op.Name(), len(a))
	}
	label := func(x bf.Arg) error {
		if x.Kind != bf.KindF {
			return l.fail("%s: expected a label, got %s", in.Op.Name(), x.Kind)
		}
		l.label(x)
		return nil
	}
	src := func(x bf.Arg) error {
		if !isSrc(x) || x.Kind == bf.KindFR {
			return l.fail("%s: unexpected %s operand", in.Op.Name(), x.Kind)
		}
		return l.emitSrc(x)
	}
	dst := func(x bf.Arg) error {
		if x.Kind != bf.KindX && x.Kind != bf.KindY {
			return l.fail("%s: expected a register, got %s", in.Op.Name(), x.Kind)
		}
		return l.emitSrc(x)
	}
	atom := func(x bf.Arg) (term.Term, error) {
		if x.Kind != bf.KindA || x.Val == 0 {
			return 0, l.fail("%s: expected an atom, got %s", in.Op.Name(), x.Kind)
		}
		return l.atoms[x.Val], nil
	}
	if in.Op == bf.OpPutRecord { // Fail Id Src Dst Live {list, [Key, Val]...}
		return l.putRecord(a, src, dst, atom)
	}
	if err := label(a[0]); err != nil {
		return err
	}
	switch in.Op {
	case bf.OpIsAnyNativeRecord: // Fail Src
		return src(a[1])
	case bf.OpIsNativeRecord: // Fail Src Module Name
		return firstErr(src(a[1]), src(a[2]), src(a[3]))
	case bf.OpIsRecordAccessible: // Fail Src Scope
		if err := src(a[1]); err != nil {
			return err
		}
		scope, err := atom(a[2])
		if err != nil {
			return err
		}
		switch l.rt.Env.AtomName(scope) {
		case "external":
			l.emit(recScopeExternal)
		case "auto_local":
			l.emit(recScopeAutoLocal)
		default:
			return l.fail("is_record_accessible: unknown scope %s", l.rt.Env.AtomName(scope))
		}
		return nil
	case bf.OpGetRecordElements: // Fail Src {list, [Key, Dst]...}
		if err := src(a[1]); err != nil {
			return err
		}
		if a[2].Kind != bf.KindList || len(a[2].List)%2 != 0 {
			return l.fail("get_record_elements: bad field list")
		}
		ps := a[2].List
		l.emit(uint64(len(ps) / 2))
		for i := 0; i < len(ps); i += 2 {
			key, err := atom(ps[i])
			if err != nil {
				return err
			}
			l.emitTerm(uint64(key))
			if err := dst(ps[i+1]); err != nil {
				return err
			}
		}
		return nil
	case bf.OpGetRecordField: // Fail Src Id Key Dst
		if err := src(a[1]); err != nil {
			return err
		}
		if err := l.recordID(a[2]); err != nil {
			return err
		}
		key, err := atom(a[3])
		if err != nil {
			return err
		}
		l.emitTerm(uint64(key))
		return dst(a[4])
	}
	return l.fail("unsupported instruction %s", in.Op.Name())
}

// firstErr returns the first non-nil error.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// recordID emits the kind (recField*) and the id operand of a record
// reference: an atom name, '_' or the literal {Module, Name}.
func (l *loader) recordID(id bf.Arg) error {
	env := &l.rt.Env
	switch id.Kind {
	case bf.KindA:
		if id.Val != 0 {
			name := l.atoms[id.Val]
			if env.AtomName(name) == "_" {
				l.emit(recFieldAnon)
			} else {
				l.emit(recFieldLocal)
			}
			l.emitTerm(uint64(name))
			return nil
		}
	case bf.KindLit:
		if t, ok := l.externalID(id); ok {
			l.emit(recFieldExternal)
			l.emitTerm(uint64(t))
			return nil
		}
	}
	return l.fail("bad native record id operand %s", id.Kind)
}

// externalID returns the literal {Module, Name} of an external record
// reference.
func (l *loader) externalID(id bf.Arg) (term.Term, bool) {
	env := &l.rt.Env
	if id.Kind != bf.KindLit {
		return 0, false
	}
	t := l.m.literals[id.Val]
	ok := env.IsTuple(t) && env.TupleArity(t) == 2 && env.Elem(t, 0).IsAtom() && env.Elem(t, 1).IsAtom()
	return t, ok
}

// putRecord loads put_record Fail Id Src Dst Live {list, [Key, Val]...}.
func (l *loader) putRecord(a []bf.Arg, src, dst func(bf.Arg) error, atom func(bf.Arg) (term.Term, error)) error {
	kindAt := len(l.code)
	l.emit(0) // kind, set below
	if a[0].Kind != bf.KindF {
		return l.fail("put_record: expected a label, got %s", a[0].Kind)
	}
	l.label(a[0])
	if err := dst(a[3]); err != nil {
		return err
	}
	if a[4].Kind != bf.KindU {
		return l.fail("put_record: bad live operand %s", a[4].Kind)
	}
	l.emit(uint64(a[4].Val))
	if a[5].Kind != bf.KindList || len(a[5].List)%2 != 0 {
		return l.fail("put_record: bad field list")
	}
	ps := a[5].List
	keys := make([]term.Term, len(ps)/2)
	for i := range keys {
		k, err := atom(ps[2*i])
		if err != nil {
			return err
		}
		keys[i] = k
	}
	pairs := func() error {
		l.emit(uint64(len(keys)))
		for i, k := range keys {
			l.emitTerm(uint64(k))
			if err := src(ps[2*i+1]); err != nil {
				return err
			}
		}
		return nil
	}
	kind := uint64(recPutUpdate)
	switch {
	case !a[2].IsNil(): // update
		if err := src(a[2]); err != nil {
			return err
		}
		if err := pairs(); err != nil {
			return err
		}
	case a[1].Kind == bf.KindLit:
		kind = recPutExternal
		id, ok := l.externalID(a[1])
		if !ok {
			return l.fail("put_record: bad native record id")
		}
		l.emitTerm(uint64(id))
		if err := pairs(); err != nil {
			return err
		}
	default:
		name, err := atom(a[1])
		if err != nil {
			return err
		}
		recs := recordsOf(l.m)
		if recs == nil {
			return l.fail("native records are not supported: modules carry no record table")
		}
		ent := recs.lookup(name)
		if ent == nil {
			return l.fail("put_record: native record %s is not defined", l.rt.Env.AtomName(name))
		}
		env := &l.rt.Env
		n := env.RecordDefSize(ent.def)
		vals := make([]uint64, n)
		given := make([]bool, n)
		resolved := true
		for i, k := range keys {
			idx := env.RecordDefIndex(ent.def, k)
			if idx < 0 || given[idx] {
				resolved = false
				break
			}
			v := ps[2*i+1]
			if !isSrc(v) || v.Kind == bf.KindFR {
				return l.fail("put_record: bad value operand %s", v.Kind)
			}
			w, err := l.src(v)
			if err != nil {
				return err
			}
			vals[idx], given[idx] = w, true
		}
		if !resolved {
			kind = recPutLocalByName
			l.emitTerm(uint64(name))
			if err := pairs(); err != nil {
				return err
			}
			break
		}
		kind = recPutLocal
		l.emitTerm(uint64(ent.def))
		l.emit(uint64(n))
		for i, w := range vals {
			if !given[i] && ent.defaults[i] != term.NoValue {
				w = uint64(ent.defaults[i])
			}
			l.emitTerm(w)
		}
	}
	l.code[kindAt] = kind
	return nil
}

// Errors of native record operations.

// recordError raises error:{Tag, {{Module, Name}, Key}}.
func (p *Process) recordError(tag string, def, key term.Term) {
	h := p.Heap
	id := h.Tuple(p.env().RecordDefModule(def), p.env().RecordDefName(def))
	p.Raise(term.AtomError, h.Tuple(p.Atom(tag), h.Tuple(id, key)))
}

// badRecord raises error:{badrecord, What}.
func (p *Process) badRecord(what term.Term) {
	p.Raise(term.AtomError, p.Heap.Tuple(term.AtomBadrecord, what))
}

// firstAtom returns the key OTP reports when several field names are at
// fault: the first in its internal key order (atoms by atom-table index,
// after any other terms).
func firstAtom(env *term.Env, keys []term.Term) term.Term {
	best := keys[0]
	for _, k := range keys[1:] {
		if flatmapKeyLess(env, k, best) {
			best = k
		}
	}
	return best
}

// flatmapKeyLess orders keys as OTP orders the keys of a small map: atoms
// by atom-table index, anything else in the exact term order.
func flatmapKeyLess(env *term.Env, a, b term.Term) bool {
	if a.IsAtom() && b.IsAtom() {
		return a < b
	}
	return term.CompareExact(env, a, b) < 0
}

// nativeRecord runs a native record instruction at pc. It returns the next
// pc, or false with the exception set.
func (p *Process) nativeRecord(code []uint64, pc int) (int, bool) {
	env := p.env()
	fail := int(code[pc+1])
	switch code[pc] {
	case opIsAnyNativeRecord: // Fail Src
		if !env.IsNativeRecord(p.get(code[pc+2])) {
			return fail, true
		}
		return pc + 3, true
	case opIsNativeRecord: // Fail Src Module Name
		t := p.get(code[pc+2])
		if !env.IsNativeRecord(t) {
			return fail, true
		}
		def := env.RecordDef(t)
		if env.RecordDefModule(def) != p.get(code[pc+3]) || env.RecordDefName(def) != p.get(code[pc+4]) {
			return fail, true
		}
		return pc + 5, true
	case opIsRecordAccessible: // Fail Src Scope
		t := p.get(code[pc+2])
		if !env.IsNativeRecord(t) {
			return fail, true
		}
		def := env.RecordDef(t)
		ok := env.RecordDefExported(def) ||
			(code[pc+3] == recScopeAutoLocal && env.RecordDefModule(def) == p.mod.Name)
		if !ok {
			return fail, true
		}
		return pc + 4, true
	case opGetRecordElements: // Fail Src N (Key Dst)*N
		t := p.get(code[pc+2])
		n := int(code[pc+3])
		if !env.IsNativeRecord(t) {
			return fail, true
		}
		def := env.RecordDef(t)
		var buf [8]term.Term
		vals := buf[:0]
		for i := 0; i < n; i++ {
			idx := env.RecordDefIndex(def, term.Term(code[pc+4+2*i]))
			if idx < 0 {
				return fail, true
			}
			vals = append(vals, env.RecordValue(t, idx))
		}
		for i, v := range vals {
			p.set(code[pc+5+2*i], v)
		}
		return pc + 4 + 2*n, true
	case opGetRecordField: // Fail Src Kind Id Key Dst
		v, ok := p.getRecordField(code, pc)
		if !ok {
			if fail != 0 {
				return fail, true
			}
			return 0, false
		}
		p.set(code[pc+6], v)
		return pc + 7, true
	case opPutRecord:
		return p.putRecord(code, pc)
	}
	p.Raise(term.AtomError, p.Atom(fmt.Sprintf("beamr_unknown_opcode_%d", code[pc])))
	return 0, false
}

// getRecordField reads the field of get_record_field at pc, or raises.
func (p *Process) getRecordField(code []uint64, pc int) (term.Term, bool) {
	env := p.env()
	t := p.get(code[pc+2])
	if !env.IsNativeRecord(t) {
		p.badRecord(t)
		return 0, false
	}
	def := env.RecordDef(t)
	id := term.Term(code[pc+4])
	switch code[pc+3] {
	case recFieldLocal:
		if env.RecordDefName(def) != id {
			p.badRecord(t)
			return 0, false
		}
	case recFieldExternal:
		if env.RecordDefModule(def) != env.Elem(id, 0) || env.RecordDefName(def) != env.Elem(id, 1) ||
			!env.RecordDefExported(def) {
			p.badRecord(t)
			return 0, false
		}
	}
	key := term.Term(code[pc+5])
	idx := env.RecordDefIndex(def, key)
	if idx < 0 {
		p.recordError("badfield", def, key)
		return 0, false
	}
	return env.RecordValue(t, idx), true
}

// putRecord runs put_record at pc: it makes a record value or an updated
// copy of one.
func (p *Process) putRecord(code []uint64, pc int) (int, bool) {
	env := p.env()
	kind, fail, dstw := code[pc+1], int(code[pc+2]), code[pc+3]
	base := pc + 5
	var r term.Term
	var next int
	var ok bool
	switch kind {
	case recPutLocal: // Def N Val*N
		def, n := term.Term(code[base]), int(code[base+1])
		next = base + 2 + n
		r, ok = p.makeRecord(def, func(i int) (term.Term, bool) {
			w := code[base+2+i]
			if w == 0 {
				return 0, false
			}
			return p.get(w), true
		}, nil, nil)
	case recPutLocalByName, recPutExternal: // Name|{M,N} N (Key Src)*N
		id := term.Term(code[base])
		n := int(code[base+1])
		next = base + 2 + 2*n
		var ent *recordEntry
		if kind == recPutLocalByName {
			ent = recordsOf(p.mod).lookup(id)
		} else if m, loaded := p.rt.Module(env.Elem(id, 0)); loaded {
			ent = recordsOf(m).lookup(env.Elem(id, 1))
			if ent != nil && !env.RecordDefExported(ent.def) {
				ent = nil
			}
		}
		if ent == nil {
			p.badRecord(id)
			break
		}
		r, ok = p.makeRecordFrom(ent, code, base+1)
	case recPutUpdate: // Src N (Key Src)*N
		src := p.get(code[base])
		n := int(code[base+1])
		next = base + 2 + 2*n
		r, ok = p.updateNativeRecord(src, code, base+1)
	default:
		p.Raise(term.AtomError, p.Atom("beamr_bad_put_record"))
	}
	if !ok {
		if fail != 0 {
			return fail, true
		}
		return 0, false
	}
	p.set(dstw, r)
	return next, true
}

// makeRecordFrom builds a record of definition ent from the N (Key Src)
// pairs at code[at:], with ent's defaults for the fields not given.
func (p *Process) makeRecordFrom(ent *recordEntry, code []uint64, at int) (term.Term, bool) {
	env := p.env()
	n := int(code[at])
	size := env.RecordDefSize(ent.def)
	given := make([]term.Term, size)
	var unknown []term.Term
	for i := 0; i < n; i++ {
		key := term.Term(code[at+1+2*i])
		idx := env.RecordDefIndex(ent.def, key)
		if idx < 0 {
			unknown = append(unknown, key)
			continue
		}
		given[idx] = p.get(code[at+2+2*i])
	}
	return p.makeRecord(ent.def, func(i int) (term.Term, bool) {
		if given[i] != 0 {
			return given[i], true
		}
		return 0, false
	}, ent.defaults, unknown)
}

// makeRecord builds a record of definition def, taking each field's value
// from val or else from defaults. It raises badfield for the first of
// unknown, else novalue for the first field that has no value.
func (p *Process) makeRecord(def term.Term, val func(int) (term.Term, bool), defaults, unknown []term.Term) (term.Term, bool) {
	env := p.env()
	if len(unknown) > 0 {
		p.recordError("badfield", def, firstAtom(env, unknown))
		return 0, false
	}
	n := env.RecordDefSize(def)
	vals := make([]term.Term, n)
	var missing []term.Term
	for i := range vals {
		v, ok := val(i)
		if !ok && defaults != nil && defaults[i] != term.NoValue {
			v, ok = defaults[i], true
		}
		if !ok {
			missing = append(missing, env.RecordDefKey(def, i))
		}
		vals[i] = v
	}
	if len(missing) > 0 {
		p.recordError("novalue", def, firstAtom(env, missing))
		return 0, false
	}
	return term.NewRecord(env, p.Heap, def, vals), true
}

// updateNativeRecord returns a copy of record src with the N (Key Src) pairs at
// code[at:] replacing fields.
func (p *Process) updateNativeRecord(src term.Term, code []uint64, at int) (term.Term, bool) {
	env := p.env()
	if !env.IsNativeRecord(src) {
		p.badRecord(src)
		return 0, false
	}
	n := int(code[at])
	if n == 0 {
		return src, true
	}
	def := env.RecordDef(src)
	size := env.RecordSize(src)
	vals := make([]term.Term, size)
	for i := range vals {
		vals[i] = env.RecordValue(src, i)
	}
	var unknown []term.Term
	for i := 0; i < n; i++ {
		key := term.Term(code[at+1+2*i])
		idx := env.RecordDefIndex(def, key)
		if idx < 0 {
			unknown = append(unknown, key)
			continue
		}
		vals[idx] = p.get(code[at+2+2*i])
	}
	if len(unknown) > 0 {
		p.recordError("badfield", def, firstAtom(env, unknown))
		return 0, false
	}
	return term.NewRecord(env, p.Heap, def, vals), true
}
