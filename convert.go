package beamr

import (
	"errors"
	"fmt"
	"reflect"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Conversions between terms and Values (see Value). A term is read while
// the heap holding it cannot change: in a native function, on the heap of
// the process it runs in. A Value is built into a term on a heap the
// caller owns (a scratch heap), from which the runtime copies it.

// maxDepth bounds the nesting of a Go value converted to a term, so that a
// slice that contains itself gives an error instead of exhausting the
// stack.
const maxDepth = 100000

// errNotConvertible is wrapped by the errors of values with no term form.
var errNotConvertible = errors.New("cannot be converted to an Erlang term")

// decoder turns terms of one runtime into Values.
type decoder struct {
	rt  *vm.Runtime
	env *term.Env
}

// value returns t as a Value.
func (d decoder) value(t term.Term) Value {
	env := d.env
	switch {
	case t.IsSmall():
		return t.Small()
	case t.IsAtom():
		return Atom(env.AtomName(t))
	case t == term.Nil:
		return List{}
	case t.IsPid():
		return Pid{n: t.PidNumber(), rt: d.rt}
	case t.IsList():
		return d.list(t)
	case !t.IsBoxed():
		return d.opaque(t)
	}
	switch env.Header(t).HeaderSub() {
	case term.SubTuple:
		n := env.TupleArity(t)
		tp := make(Tuple, n)
		for i := range tp {
			tp[i] = d.value(env.Elem(t, i))
		}
		return tp
	case term.SubPosBig, term.SubNegBig:
		z := env.BigInt(t)
		if z.IsInt64() {
			return z.Int64()
		}
		return z
	case term.SubFloat:
		return env.Float(t)
	case term.SubHeapBin, term.SubRefcBin, term.SubSubBin, term.SubMatch:
		data, off, size := env.Bits(t)
		if size%8 == 0 {
			out := make([]byte, size/8)
			term.CopyBits(out, 0, data, off, size)
			return out
		}
		out := make([]byte, (size+7)/8)
		term.CopyBits(out, 0, data, off, size)
		return Bitstring{Data: out, Bits: int(size)}
	case term.SubMap:
		keys, vals := vm.MapPairs(env, t)
		m := make(Map, len(keys))
		for i := range keys {
			m[i] = Pair{Key: d.value(keys[i]), Value: d.value(vals[i])}
		}
		return m
	case term.SubRef:
		if id, ok := vm.RefID(env, t); ok {
			return Ref{id: id, rt: d.rt}
		}
	}
	return d.opaque(t)
}

// list converts the list t, proper or not, without recursing along its
// spine.
func (d decoder) list(t term.Term) Value {
	env := d.env
	var elems []Value
	for t.IsList() {
		elems = append(elems, d.value(env.Hd(t)))
		t = env.Tl(t)
	}
	if t == term.Nil {
		return List(elems)
	}
	return ImproperList{Elems: elems, Tail: d.value(t)}
}

// opaque wraps a term Go has no type for, with its external form when it
// has one.
func (d decoder) opaque(t term.Term) Value {
	o := Opaque{text: term.WriteString(d.env, t)}
	if d.env.Resource(t) != nil {
		return o // an open file or socket stays with its owner
	}
	opts := term.DefaultEncodeOpts()
	opts.Funs = d.rt
	if ext, err := term.EncodeExternal(d.env, t, opts); err == nil {
		o.ext = string(ext)
	}
	return o
}

// encoder builds terms of one runtime from Values on a heap.
type encoder struct {
	rt  *vm.Runtime
	env *term.Env
	h   *heap.Heap
}

// term returns v built on e.h.
func (e encoder) term(v Value) (term.Term, error) { return e.build(v, 0) }

func (e encoder) build(v Value, depth int) (term.Term, error) {
	if depth > maxDepth {
		return 0, fmt.Errorf("beamr: value nested deeper than %d levels: %w", maxDepth, errNotConvertible)
	}
	h := e.h
	switch x := v.(type) {
	case int64:
		return h.Int(x), nil
	case int:
		return h.Int(int64(x)), nil
	case float64:
		return h.Float(x), nil
	case float32:
		return h.Float(float64(x)), nil
	case string:
		return h.Binary(e.env.Bins, []byte(x)), nil
	case []byte:
		return h.Binary(e.env.Bins, x), nil
	case bool:
		return e.atom(string(boolAtom(x)))
	case Atom:
		return e.atom(string(x))
	case Tuple:
		elems, err := e.all(x, depth)
		if err != nil {
			return 0, err
		}
		return h.Tuple(elems...), nil
	case List:
		elems, err := e.all(x, depth)
		if err != nil {
			return 0, err
		}
		return h.List(elems...), nil
	case ImproperList:
		elems, err := e.all(x.Elems, depth)
		if err != nil {
			return 0, err
		}
		tail, err := e.build(x.Tail, depth+1)
		if err != nil {
			return 0, err
		}
		return h.ListTail(tail, elems...), nil
	case Map:
		keys := make([]term.Term, len(x))
		vals := make([]term.Term, len(x))
		for i, p := range x {
			var err error
			if keys[i], err = e.build(p.Key, depth+1); err != nil {
				return 0, err
			}
			if vals[i], err = e.build(p.Value, depth+1); err != nil {
				return 0, err
			}
		}
		return e.mapOf(keys, vals), nil
	case Bitstring:
		return e.bitstring(x)
	case Pid:
		if x.rt != e.rt {
			return 0, fmt.Errorf("beamr: pid %s of another runtime (or the zero Pid): %w", x, errNotConvertible)
		}
		return term.MakePid(x.n), nil
	case Ref:
		if x.rt != e.rt {
			return 0, fmt.Errorf("beamr: reference %s of another runtime (or the zero Ref): %w", x, errNotConvertible)
		}
		return vm.MakeRefOn(h, x.id), nil
	case Opaque:
		if x.ext == "" {
			return 0, fmt.Errorf("beamr: %s: %w", x.text, errNotConvertible)
		}
		t, _, err := term.DecodeExternal(e.env, h, e.rt, []byte(x.ext), term.DecodeOpts{})
		if err != nil {
			return 0, fmt.Errorf("beamr: %s: %w", x.text, err)
		}
		return t, nil
	case nil:
		return 0, fmt.Errorf("beamr: nil: %w", errNotConvertible)
	}
	if z, ok := bigOf(v); ok {
		return h.Big(z), nil
	}
	return e.reflected(v, depth)
}

// all converts the elements of a tuple or list.
func (e encoder) all(vs []Value, depth int) ([]term.Term, error) {
	out := make([]term.Term, len(vs))
	for i, v := range vs {
		t, err := e.build(v, depth+1)
		if err != nil {
			return nil, err
		}
		out[i] = t
	}
	return out, nil
}

// atom returns the atom named name, which must fit the atom table.
func (e encoder) atom(name string) (term.Term, error) {
	if len([]rune(name)) > 255 {
		return 0, fmt.Errorf("beamr: atom %q: longer than 255 characters: %w", name, errNotConvertible)
	}
	a, ok := e.env.Atoms.Intern(name)
	if !ok {
		return 0, fmt.Errorf("beamr: atom %q: the atom table is full", name)
	}
	return a, nil
}

// mapOf builds the map of the pairs (later duplicates win).
func (e encoder) mapOf(keys, vals []term.Term) term.Term {
	return vm.BuildMap(e.h, e.env, keys, vals)
}

// bitstring builds b as a sub-binary of a binary of its whole bytes.
func (e encoder) bitstring(b Bitstring) (term.Term, error) {
	if b.Bits < 0 || (b.Bits+7)/8 > len(b.Data) {
		return 0, fmt.Errorf("beamr: Bitstring of %d bits with %d bytes of data: %w", b.Bits, len(b.Data), errNotConvertible)
	}
	whole := e.h.Binary(e.env.Bins, b.Data[:(b.Bits+7)/8])
	if b.Bits%8 == 0 {
		return whole, nil
	}
	return e.h.SubBinary(whole, 0, uint64(b.Bits)), nil
}

// reflected converts slices, arrays and maps of other Go types.
func (e encoder) reflected(v Value, depth int) (term.Term, error) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.Type().Elem().Kind() == reflect.Uint8 {
			return e.h.Binary(e.env.Bins, rv.Bytes()), nil
		}
		elems := make([]term.Term, rv.Len())
		for i := range elems {
			t, err := e.build(rv.Index(i).Interface(), depth+1)
			if err != nil {
				return 0, err
			}
			elems[i] = t
		}
		return e.h.List(elems...), nil
	case reflect.Map:
		keys := make([]term.Term, 0, rv.Len())
		vals := make([]term.Term, 0, rv.Len())
		it := rv.MapRange()
		for it.Next() {
			k, err := e.build(it.Key().Interface(), depth+1)
			if err != nil {
				return 0, err
			}
			val, err := e.build(it.Value().Interface(), depth+1)
			if err != nil {
				return 0, err
			}
			keys, vals = append(keys, k), append(vals, val)
		}
		return e.mapOf(keys, vals), nil
	case reflect.String:
		return e.h.Binary(e.env.Bins, []byte(rv.String())), nil
	case reflect.Bool:
		return e.atom(string(boolAtom(rv.Bool())))
	case reflect.Float32, reflect.Float64:
		return e.h.Float(rv.Float()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return e.h.Int(rv.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return e.h.Uint(rv.Uint()), nil
	}
	return 0, fmt.Errorf("beamr: Go value of type %T: %w", v, errNotConvertible)
}
