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
		if !p.Env().IsMap(args[1]) {
			return badmap(p, args[1])
		}
		return p.MapRemove(args[1], args[0])
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
		return p.Heap.Tuple(v, p.MapRemove(m, args[0]))
	})
	reg("size", 1, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		if !e.IsMap(args[0]) {
			return badmap(p, args[0])
		}
		return term.MakeSmall(int64(e.MapSize(args[0])))
	})
	reg("keys", 1, func(p *vm.Process, args []term.Term) term.Term {
		if !p.Env().IsMap(args[0]) {
			return badmap(p, args[0])
		}
		return p.MapKeyList(args[0])
	})
	reg("values", 1, func(p *vm.Process, args []term.Term) term.Term {
		if !p.Env().IsMap(args[0]) {
			return badmap(p, args[0])
		}
		return p.MapValueList(args[0])
	})
	reg("to_list", 1, func(p *vm.Process, args []term.Term) term.Term {
		if !p.Env().IsMap(args[0]) {
			return badmap(p, args[0])
		}
		return p.MapToList(args[0])
	})
	reg("from_list", 1, func(p *vm.Process, args []term.Term) term.Term {
		m, ok := p.MapFromList(args[0])
		if !ok {
			return p.BadArg()
		}
		return m
	})
	reg("from_keys", 2, func(p *vm.Process, args []term.Term) term.Term {
		m, ok := p.MapFromKeys(args[0], args[1])
		if !ok {
			return p.BadArg()
		}
		return m
	})
	reg("merge", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		for _, m := range args[:2] {
			if !e.IsMap(m) {
				return badmap(p, m)
			}
		}
		return p.MapMerge(args[0], args[1])
	})
	reg("intersect", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		for _, m := range args[:2] {
			if !e.IsMap(m) {
				return badmap(p, m)
			}
		}
		// Keys of the first map, values of the second.
		other := args[1]
		return p.MapFilter(args[0], func(k, _ term.Term) (term.Term, bool) {
			return vm.MapFind(e, other, k)
		})
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
		if listLen(e, args[0]) < 0 {
			return p.BadArg()
		}
		drop := args[0]
		return p.MapFilter(m, func(k, v term.Term) (term.Term, bool) {
			for t := drop; t.IsList(); t = e.Tl(t) {
				if term.ExactEqual(e, k, e.Hd(t)) {
					return v, false
				}
			}
			return v, true
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
