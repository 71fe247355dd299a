package beamr

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"unicode/utf8"

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

// value returns t as a Value. It keeps the terms still to convert on a
// stack of its own rather than recursing, so that a term nested millions
// of levels deep converts like any other instead of exhausting the
// goroutine's stack.
func (d decoder) value(t term.Term) Value {
	if v, ok := d.leaf(t); ok {
		return v
	}
	var root Value
	stack := d.expand(&root, t, nil)
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack[len(stack)-1] = fill{}
		stack = stack[:len(stack)-1]
		if f.then != nil {
			f.then()
			continue
		}
		stack = d.expand(f.dst, f.t, stack)
	}
	return root
}

// fill is a conversion still to do: *dst is to become the Value of t, or,
// when then is set, then is to run (once the fills pushed after it are
// done).
type fill struct {
	dst  *Value
	t    term.Term
	then func()
}

// push sets *dst to the Value of t when t contains no other term, and
// otherwise pushes the conversion on stack.
func (d decoder) push(dst *Value, t term.Term, stack []fill) []fill {
	if v, ok := d.leaf(t); ok {
		*dst = v
		return stack
	}
	return append(stack, fill{dst: dst, t: t})
}

// leaf returns the Value of t when t contains no other term (false for
// non-empty lists, tuples and maps).
func (d decoder) leaf(t term.Term) (Value, bool) {
	env := d.env
	switch {
	case t.IsSmall():
		return t.Small(), true
	case t.IsAtom():
		return Atom(env.AtomName(t)), true
	case t == term.Nil:
		return List{}, true
	case t.IsPid():
		return Pid{n: t.PidNumber(), rt: d.rt}, true
	case t.IsList():
		return nil, false
	case !t.IsBoxed():
		return d.opaque(t), true
	}
	switch env.Header(t).HeaderSub() {
	case term.SubTuple, term.SubMap:
		return nil, false
	case term.SubPosBig, term.SubNegBig:
		z := env.BigInt(t)
		if z.IsInt64() {
			return z.Int64(), true
		}
		return z, true
	case term.SubFloat:
		return env.Float(t), true
	case term.SubHeapBin, term.SubRefcBin, term.SubSubBin, term.SubMatch:
		data, off, size := env.Bits(t)
		if size%8 == 0 {
			out := make([]byte, size/8)
			term.CopyBits(out, 0, data, off, size)
			return out, true
		}
		out := make([]byte, (size+7)/8)
		term.CopyBits(out, 0, data, off, size)
		return Bitstring{Data: out, Bits: int(size)}, true
	case term.SubRef:
		if id, ok := vm.RefID(env, t); ok {
			return Ref{id: id, rt: d.rt}, true
		}
	}
	return d.opaque(t), true
}

// expand sets *dst to the list, tuple or map t with its elements still to
// convert, and pushes their conversions on stack. The elements of a Go
// slice are filled in place, so *dst may be set before they are; an
// improper list is set once its tail is converted.
func (d decoder) expand(dst *Value, t term.Term, stack []fill) []fill {
	env := d.env
	if t.IsList() {
		n := 0
		u := t
		for ; u.IsList(); u = env.Tl(u) {
			n++
		}
		elems := make([]Value, n)
		if u != term.Nil {
			tail := new(Value)
			stack = append(stack, fill{then: func() {
				*dst = ImproperList{Elems: elems, Tail: *tail}
			}})
			stack = d.push(tail, u, stack)
		} else {
			*dst = List(elems)
		}
		u = t
		for i := range elems {
			stack = d.push(&elems[i], env.Hd(u), stack)
			u = env.Tl(u)
		}
		return stack
	}
	if env.Header(t).HeaderSub() == term.SubTuple {
		tp := make(Tuple, env.TupleArity(t))
		*dst = tp
		for i := range tp {
			stack = d.push(&tp[i], env.Elem(t, i), stack)
		}
		return stack
	}
	keys, vals := vm.MapPairs(env, t)
	m := make(Map, len(keys))
	*dst = m
	for i := range m {
		stack = d.push(&m[i].Key, keys[i], stack)
		stack = d.push(&m[i].Value, vals[i], stack)
	}
	return stack
}

// opaque wraps a term Go has no type for, with its external form when it
// has one.
func (d decoder) opaque(t term.Term) Value {
	o := Opaque{text: term.WriteString(d.env, t), rt: d.rt}
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
		return 0, fmt.Errorf("value nested deeper than %d levels: %w", maxDepth, errNotConvertible)
	}
	h := e.h
	switch x := v.(type) {
	case int64:
		return h.Int(x), nil
	case int:
		return h.Int(int64(x)), nil
	case float64:
		return e.float(x)
	case float32:
		return e.float(float64(x))
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
			return 0, fmt.Errorf("pid %s of another runtime (or the zero Pid): %w", x, errNotConvertible)
		}
		return term.MakePid(x.n), nil
	case Ref:
		if x.rt != e.rt {
			return 0, fmt.Errorf("reference %s of another runtime (or the zero Ref): %w", x, errNotConvertible)
		}
		return vm.MakeRefOn(h, x.id), nil
	case Opaque:
		switch {
		case x.rt != e.rt:
			return 0, fmt.Errorf("term %s of another runtime (or the zero Opaque): %w", x, errNotConvertible)
		case x.ext == "":
			return 0, fmt.Errorf("%s: an open file or socket stays with its owner: %w", x, errNotConvertible)
		}
		t, _, err := term.DecodeExternal(e.env, h, e.rt, []byte(x.ext), term.DecodeOpts{})
		if err != nil {
			return 0, fmt.Errorf("%s: %w", x, err)
		}
		return t, nil
	case nil:
		return 0, fmt.Errorf("nil: %w", errNotConvertible)
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

// float returns the float f. Erlang floats are finite: NaN and the
// infinities have no term.
func (e encoder) float(f float64) (term.Term, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("float %v: Erlang floats are finite: %w", f, errNotConvertible)
	}
	return e.h.Float(f), nil
}

// atom returns the atom named name, which must be UTF-8 of at most 255
// characters and fit the atom table.
func (e encoder) atom(name string) (term.Term, error) {
	if !utf8.ValidString(name) {
		return 0, fmt.Errorf("atom %q: not UTF-8: %w", name, errNotConvertible)
	}
	if utf8.RuneCountInString(name) > 255 {
		return 0, fmt.Errorf("atom %q: longer than 255 characters: %w", name, errNotConvertible)
	}
	a, ok := e.env.Atoms.Intern(name)
	if !ok {
		return 0, fmt.Errorf("atom %q: the atom table is full", name)
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
		return 0, fmt.Errorf("Bitstring of %d bits with %d bytes of data: %w", b.Bits, len(b.Data), errNotConvertible)
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
		return e.float(rv.Float())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return e.h.Int(rv.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return e.h.Uint(rv.Uint()), nil
	}
	return 0, fmt.Errorf("Go value of type %T: %w", v, errNotConvertible)
}
