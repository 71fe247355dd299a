package stdlib

import (
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// The native half of the maps module: the functions that take no funs.
// The others are Erlang code in erl/maps.erl.

// badmap raises error:{badmap, t}.
func badmap(p *vm.Process, t term.Term) term.Term {
	return p.Error(p.Heap.Tuple(term.AtomBadmap, t))
}

// badkey raises error:{badkey, k}.
func badkey(p *vm.Process, k term.Term) term.Term {
	return p.Error(p.Heap.Tuple(term.AtomBadkey, k))
}

// mapRemoveKeys returns m without the keys ks (exact match).
func mapWithout(p *vm.Process, m term.Term, drop func(k term.Term) bool) term.Term {
	keys, vals := vm.MapPairs(p.Env(), m)
	nk, nv := keys[:0], vals[:0]
	for i, k := range keys {
		if !drop(k) {
			nk = append(nk, k)
			nv = append(nv, vals[i])
		}
	}
	return p.NewMap(nk, nv)
}

func registerMaps(rt *vm.Runtime) {
	reg := func(name string, arity int, f vm.NativeFunc) { rt.Register("maps", name, arity, f) }

	reg("new", 0, func(p *vm.Process, args []term.Term) term.Term {
		return p.NewMap(nil, nil)
	})
	reg("get", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		if !e.IsMap(args[1]) {
			return badmap(p, args[1])
		}
		v, ok := vm.MapFind(e, args[1], args[0])
		if !ok {
			return badkey(p, args[0])
		}
		return v
	})
	reg("get", 3, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		if !e.IsMap(args[1]) {
			return badmap(p, args[1])
		}
		if v, ok := vm.MapFind(e, args[1], args[0]); ok {
			return v
		}
		return args[2]
	})
	reg("find", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		if !e.IsMap(args[1]) {
			return badmap(p, args[1])
		}
		if v, ok := vm.MapFind(e, args[1], args[0]); ok {
			return okTuple(p, v)
		}
		return p.Atom("error")
	})
	reg("is_key", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		if !e.IsMap(args[1]) {
			return badmap(p, args[1])
		}
		_, ok := vm.MapFind(e, args[1], args[0])
		return boolTerm(ok)
	})
	reg("put", 3, func(p *vm.Process, args []term.Term) term.Term {
		if !p.Env().IsMap(args[2]) {
			return badmap(p, args[2])
		}
		return p.MapPut(args[2], args[0], args[1])
	})
	reg("update", 3, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		if !e.IsMap(args[2]) {
			return badmap(p, args[2])
		}
		if _, ok := vm.MapFind(e, args[2], args[0]); !ok {
			return badkey(p, args[0])
		}
		return p.MapPut(args[2], args[0], args[1])
	})
	reg("remove", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		m := args[1]
		if !e.IsMap(m) {
			return badmap(p, m)
		}
		if _, ok := vm.MapFind(e, m, args[0]); !ok {
			return m
		}
		return mapWithout(p, m, func(k term.Term) bool { return term.ExactEqual(e, k, args[0]) })
	})
	reg("take", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		m := args[1]
		if !e.IsMap(m) {
			return badmap(p, m)
		}
		v, ok := vm.MapFind(e, m, args[0])
		if !ok {
			return p.Atom("error")
		}
		rest := mapWithout(p, m, func(k term.Term) bool { return term.ExactEqual(e, k, args[0]) })
		return p.Heap.Tuple(v, rest)
	})
	reg("size", 1, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		if !e.IsMap(args[0]) {
			return badmap(p, args[0])
		}
		return term.MakeSmall(int64(e.MapSize(args[0])))
	})
	reg("keys", 1, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		if !e.IsMap(args[0]) {
			return badmap(p, args[0])
		}
		keys, _ := vm.MapPairs(e, args[0])
		return p.Heap.List(keys...)
	})
	reg("values", 1, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		if !e.IsMap(args[0]) {
			return badmap(p, args[0])
		}
		_, vals := vm.MapPairs(e, args[0])
		return p.Heap.List(vals...)
	})
	reg("to_list", 1, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		if !e.IsMap(args[0]) {
			return badmap(p, args[0])
		}
		keys, vals := vm.MapPairs(e, args[0])
		ts := make([]term.Term, len(keys))
		for i := range keys {
			ts[i] = p.Heap.Tuple(keys[i], vals[i])
		}
		return p.Heap.List(ts...)
	})
	reg("from_list", 1, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		ts, ok := listSlice(e, args[0])
		if !ok {
			return p.BadArg()
		}
		keys := make([]term.Term, len(ts))
		vals := make([]term.Term, len(ts))
		for i, t := range ts {
			if !e.IsTuple(t) || e.TupleArity(t) != 2 {
				return p.BadArg()
			}
			keys[i], vals[i] = e.Elem(t, 0), e.Elem(t, 1)
		}
		return p.NewMap(keys, vals)
	})
	reg("from_keys", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		keys, ok := listSlice(e, args[0])
		if !ok {
			return p.BadArg()
		}
		vals := make([]term.Term, len(keys))
		for i := range vals {
			vals[i] = args[1]
		}
		return p.NewMap(keys, vals)
	})
	reg("merge", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		for _, m := range args[:2] {
			if !e.IsMap(m) {
				return badmap(p, m)
			}
		}
		k1, v1 := vm.MapPairs(e, args[0])
		k2, v2 := vm.MapPairs(e, args[1])
		return p.NewMap(append(k1, k2...), append(v1, v2...))
	})
	reg("intersect", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		for _, m := range args[:2] {
			if !e.IsMap(m) {
				return badmap(p, m)
			}
		}
		k1, _ := vm.MapPairs(e, args[0])
		var ks, vs []term.Term
		for _, k := range k1 {
			if v, ok := vm.MapFind(e, args[1], k); ok {
				ks = append(ks, k)
				vs = append(vs, v)
			}
		}
		return p.NewMap(ks, vs)
	})
	reg("with", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		m := args[1]
		if !e.IsMap(m) {
			return badmap(p, m)
		}
		want, ok := listSlice(e, args[0])
		if !ok {
			return p.BadArg()
		}
		var ks, vs []term.Term
		for _, k := range want {
			if v, ok := vm.MapFind(e, m, k); ok {
				ks = append(ks, k)
				vs = append(vs, v)
			}
		}
		return p.NewMap(ks, vs)
	})
	reg("without", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		m := args[1]
		if !e.IsMap(m) {
			return badmap(p, m)
		}
		drop, ok := listSlice(e, args[0])
		if !ok {
			return p.BadArg()
		}
		return mapWithout(p, m, func(k term.Term) bool {
			for _, d := range drop {
				if term.ExactEqual(e, k, d) {
					return true
				}
			}
			return false
		})
	})
	reg("iterator", 1, func(p *vm.Process, args []term.Term) term.Term {
		if !p.Env().IsMap(args[0]) {
			return badmap(p, args[0])
		}
		return p.Heap.Cons(term.MakeSmall(0), args[0])
	})
	reg("next", 1, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		it := args[0]
		switch {
		case it.IsAtom() && e.AtomName(it) == "none":
			return it
		case e.IsTuple(it) && e.TupleArity(it) == 3:
			return it
		case it.IsList() && e.Hd(it).IsSmall() && e.IsMap(e.Tl(it)):
			m := e.Tl(it)
			i := e.Hd(it).Small()
			n := int64(e.MapSize(m))
			if i < 0 {
				return p.BadArg()
			}
			// The pairs from the i-th in iteration order (term.MapIterIndex)
			// as a chain {K, V, {K2, V2, ... none}}.
			out := p.Atom("none")
			for k := n - 1; k >= i; k-- {
				at := term.MapIterIndex(int(n), int(k))
				out = p.Heap.Tuple(e.MapKey(m, at), e.MapValue(m, at), out)
			}
			return out
		}
		return p.BadArg()
	})
}
