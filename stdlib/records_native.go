package stdlib

import (
	"cmp"
	"slices"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Native records (OTP 29): the records module and the erlang:is_record
// functions that know about native records.

// registerNativeRecords registers records:get/2, get_module/1, get_name/1,
// get_field_names/1, is_exported/1, create/4, update/4 and
// get_definition/2, and erlang:is_record/1,2,3 (replacing the tuple-only
// is_record/2,3, so it must run after the erlang type tests are registered).
func registerNativeRecords(rt *vm.Runtime) {
	for _, f := range []struct {
		m, f  string
		arity int
		fn    vm.NativeFunc
	}{
		{"records", "get", 2, recordsGet},
		{"records", "get_module", 1, recordsGetModule},
		{"records", "get_name", 1, recordsGetName},
		{"records", "get_field_names", 1, recordsGetFieldNames},
		{"records", "is_exported", 1, recordsIsExported},
		{"records", "create", 4, recordsCreate},
		{"records", "update", 4, recordsUpdate},
		{"records", "get_definition", 2, recordsGetDefinition},
		{"erlang", "is_record", 1, nrecIsRecord1},
		{"erlang", "is_record", 2, nrecIsRecord2},
		{"erlang", "is_record", 3, nrecIsRecord3},
	} {
		rt.Register(f.m, f.f, f.arity, f.fn)
	}
}

func nrecBool(b bool) term.Term {
	if b {
		return term.AtomTrue
	}
	return term.AtomFalse
}

// nrecBadRecord raises error:{badrecord, What} from a native function.
func nrecBadRecord(p *vm.Process, what term.Term) term.Term {
	return p.Error(p.Heap.Tuple(term.AtomBadrecord, what))
}

// nrecBadField raises error:{badfield, {{Module, Name}, Key}}.
func nrecBadField(p *vm.Process, mod, name, key term.Term) term.Term {
	h := p.Heap
	return p.Error(h.Tuple(p.Atom("badfield"), h.Tuple(h.Tuple(mod, name), key)))
}

// recordsGet is records:get(Key, Record).
func recordsGet(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	key, r := a[0], a[1]
	if !env.IsNativeRecord(r) || !key.IsAtom() {
		return p.BadArg()
	}
	i := env.RecordDefIndex(env.RecordDef(r), key)
	if i < 0 {
		return p.BadArg()
	}
	return env.RecordValue(r, i)
}

// recordsGetModule is records:get_module(Record).
func recordsGetModule(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	if !env.IsNativeRecord(a[0]) {
		return p.BadArg()
	}
	return env.RecordDefModule(env.RecordDef(a[0]))
}

// recordsGetName is records:get_name(Record).
func recordsGetName(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	if !env.IsNativeRecord(a[0]) {
		return p.BadArg()
	}
	return env.RecordDefName(env.RecordDef(a[0]))
}

// recordsGetFieldNames is records:get_field_names(Record): the field names
// in declaration order.
func recordsGetFieldNames(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	r := a[0]
	if !env.IsNativeRecord(r) {
		return nrecBadRecord(p, r)
	}
	def := env.RecordDef(r)
	keys := make([]term.Term, env.RecordDefSize(def))
	for i := range keys {
		keys[i] = env.RecordDefKey(def, i)
	}
	return p.Heap.List(keys...)
}

// recordsIsExported is records:is_exported(Record).
func recordsIsExported(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	r := a[0]
	if !env.IsNativeRecord(r) {
		return nrecBadRecord(p, r)
	}
	return nrecBool(env.RecordDefExported(env.RecordDef(r)))
}

// recordsCreate is records:create(Module, Name, Fields, #{is_exported =>
// Bool}): a record with its own definition, the fields in list order.
func recordsCreate(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	mod, name, fs, opts := a[0], a[1], a[2], a[3]
	if !mod.IsAtom() || !name.IsAtom() {
		return nrecBadRecord(p, name)
	}
	if !env.IsMap(opts) {
		return p.Error(p.Heap.Tuple(term.AtomBadmap, opts))
	}
	if env.MapSize(opts) != 1 {
		return p.BadArg()
	}
	exp, ok := vm.MapFind(env, opts, p.Atom("is_exported"))
	if !ok || (exp != term.AtomTrue && exp != term.AtomFalse) {
		return p.BadArg()
	}
	var keys, vals []term.Term
	t := fs
	for ; t.IsList(); t = env.Tl(t) {
		el := env.Hd(t)
		if !env.IsTuple(el) || env.TupleArity(el) != 2 {
			return p.BadArg()
		}
		k := env.Elem(el, 0)
		if !k.IsAtom() {
			return nrecBadField(p, mod, name, k)
		}
		keys = append(keys, k)
		vals = append(vals, env.Elem(el, 1))
	}
	if t != term.Nil {
		return p.BadArg()
	}
	seen := make(map[term.Term]bool, len(keys))
	for _, k := range keys {
		if seen[k] {
			return p.BadArg()
		}
		seen[k] = true
	}
	def := term.NewRecordDef(env, p.Heap, mod, name, exp == term.AtomTrue, keys)
	return term.NewRecord(env, p.Heap, def, vals)
}

// recordsUpdate is records:update(Record, Module, Name, FieldsMap). A name
// of '_' matches any record.
func recordsUpdate(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	r, mod, name, m := a[0], a[1], a[2], a[3]
	if !env.IsNativeRecord(r) {
		return nrecBadRecord(p, r)
	}
	def := env.RecordDef(r)
	if name != p.Atom("_") {
		if !mod.IsAtom() || !name.IsAtom() ||
			env.RecordDefModule(def) != mod || env.RecordDefName(def) != name {
			return nrecBadRecord(p, name)
		}
	}
	if !env.IsMap(m) {
		return p.Error(p.Heap.Tuple(term.AtomBadmap, m))
	}
	if env.MapSize(m) == 0 {
		return r
	}
	vals := make([]term.Term, env.RecordSize(r))
	for i := range vals {
		vals[i] = env.RecordValue(r, i)
	}
	ks, vs := vm.MapPairs(env, m)
	var bad term.Term
	for i, k := range ks {
		idx := -1
		if k.IsAtom() {
			idx = env.RecordDefIndex(def, k)
		}
		if idx < 0 {
			// OTP reports the first bad key in its own key order:
			// other terms before atoms, atoms by atom-table index.
			if bad == term.NoValue || nrecKeyLess(env, k, bad) {
				bad = k
			}
			continue
		}
		vals[idx] = vs[i]
	}
	if bad != term.NoValue {
		return nrecBadField(p, env.RecordDefModule(def), env.RecordDefName(def), bad)
	}
	return term.NewRecord(env, p.Heap, def, vals)
}

// nrecKeyLess orders keys as OTP orders the keys of a small map: atoms by
// atom-table index, anything else in the exact term order.
func nrecKeyLess(env *term.Env, a, b term.Term) bool {
	if a.IsAtom() && b.IsAtom() {
		return a < b
	}
	return term.CompareExact(env, a, b) < 0
}

// recordsGetDefinition is records:get_definition(Module, Name):
// {#{is_exported => Bool}, Fields} with Fields in declaration order, each
// Name or {Name, Default}.
func recordsGetDefinition(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	mod, name := a[0], a[1]
	if !mod.IsAtom() || !name.IsAtom() {
		return p.BadArg()
	}
	def, defaults, ok := p.Runtime().NativeRecordDef(mod, name)
	if !ok {
		return p.BadArg()
	}
	h := p.Heap
	fields := make([]term.Term, len(defaults))
	for i, d := range defaults {
		k := env.RecordDefKey(def, i)
		if d == term.NoValue {
			fields[i] = k
		} else {
			fields[i] = h.Tuple(k, d)
		}
	}
	opts := p.NewMap([]term.Term{p.Atom("is_exported")}, []term.Term{nrecBool(env.RecordDefExported(def))})
	return h.Tuple(opts, h.List(fields...))
}

// nrecIsRecord1 is erlang:is_record(Term): whether Term is a native record.
func nrecIsRecord1(p *vm.Process, a []term.Term) term.Term {
	return nrecBool(p.Env().IsNativeRecord(a[0]))
}

// nrecIsRecord2 is erlang:is_record(Term, Name): a native record named
// Name, or a tuple whose first element is Name.
func nrecIsRecord2(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	t, name := a[0], a[1]
	if !name.IsAtom() {
		return p.BadArg()
	}
	if env.IsNativeRecord(t) {
		return nrecBool(env.RecordDefName(env.RecordDef(t)) == name)
	}
	return nrecBool(env.IsTuple(t) && env.TupleArity(t) > 0 && env.Elem(t, 0) == name)
}

// nrecIsRecord3 is erlang:is_record(Term, Module, Name) for native records
// (Name an atom) and erlang:is_record(Term, Tag, Size) for tuples. A third
// argument that is an atom is only accepted when Term is a native record:
// otherwise it is badarg as in OTP 25 (OTP 29 returns false).
func nrecIsRecord3(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	t, tag, x := a[0], a[1], a[2]
	switch {
	case !tag.IsAtom():
		return p.BadArg()
	case x.IsAtom() && env.IsNativeRecord(t):
		def := env.RecordDef(t)
		return nrecBool(env.RecordDefModule(def) == tag && env.RecordDefName(def) == x)
	case !x.IsSmall():
		return p.BadArg()
	}
	return nrecBool(env.IsTuple(t) && env.TupleArity(t) > 0 &&
		int64(env.TupleArity(t)) == x.Small() && env.Elem(t, 0) == tag)
}

// nrecDisplayAppend appends erlang:display/1's form of native record t,
// #Module:Name{Key=Value,...}, printing each value with value. As in OTP
// the fields come in the runtime's internal order: by the atom-table index
// of their names.
func nrecDisplayAppend(buf []byte, env *term.Env, t term.Term, value func([]byte, term.Term) []byte) []byte {
	def := env.RecordDef(t)
	buf = append(buf, '#')
	buf = erlDisplayAtom(buf, env.AtomName(env.RecordDefModule(def)))
	buf = append(buf, ':')
	buf = erlDisplayAtom(buf, env.AtomName(env.RecordDefName(def)))
	buf = append(buf, '{')
	order := make([]int, env.RecordSize(t))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int {
		return cmp.Compare(env.RecordDefKey(def, x), env.RecordDefKey(def, y))
	})
	for j, i := range order {
		if j > 0 {
			buf = append(buf, ',')
		}
		buf = erlDisplayAtom(buf, env.AtomName(env.RecordDefKey(def, i)))
		buf = append(buf, '=')
		buf = value(buf, env.RecordValue(t, i))
	}
	return append(buf, '}')
}
