package stdlib

import (
	"math"
	"math/big"
	"sort"
	"strconv"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// The native half of the lists module: the functions that take no funs.
// The others are Erlang code in erl/lists.erl.

func boolTerm(b bool) term.Term {
	if b {
		return term.AtomTrue
	}
	return term.AtomFalse
}

// keyElem returns element n (1-based) of t when t is a tuple that has it.
func keyElem(e *term.Env, t term.Term, n int) (term.Term, bool) {
	if !e.IsTuple(t) || e.TupleArity(t) < n {
		return 0, false
	}
	return e.Elem(t, n-1), true
}

// posIndex returns the value of a positive small integer index.
func posIndex(t term.Term) (int, bool) {
	if !t.IsSmall() || t.Small() < 1 || t.Small() > 1<<40 {
		return 0, false
	}
	return int(t.Small()), true
}

// addNumbers adds two numbers as erlang:'+' does; ok is false for a
// non-number or a float overflow (badarith).
func addNumbers(p *vm.Process, a, b term.Term) (term.Term, bool) {
	e := p.Env()
	if a.IsSmall() && b.IsSmall() {
		return p.Heap.Int(a.Small() + b.Small()), true
	}
	if !e.IsNumber(a) || !e.IsNumber(b) {
		return 0, false
	}
	if e.IsFloat(a) || e.IsFloat(b) {
		fa, ok1 := numFloat(e, a)
		fb, ok2 := numFloat(e, b)
		if !ok1 || !ok2 {
			return 0, false
		}
		r := fa + fb
		if math.IsInf(r, 0) || math.IsNaN(r) {
			return 0, false
		}
		return p.Heap.Float(r), true
	}
	return p.Heap.Big(new(big.Int).Add(e.BigInt(a), e.BigInt(b))), true
}

// numFloat converts a number to float64; ok is false for non-numbers and
// integers beyond the float range.
func numFloat(e *term.Env, t term.Term) (float64, bool) {
	switch {
	case t.IsSmall():
		return float64(t.Small()), true
	case e.IsFloat(t):
		return e.Float(t), true
	case e.IsBig(t):
		f, _ := new(big.Float).SetInt(e.BigInt(t)).Float64()
		if math.IsInf(f, 0) {
			return 0, false
		}
		return f, true
	}
	return 0, false
}

// stableSort sorts ts by less, keeping equal elements in order.
func stableSort(ts []term.Term, cmp func(a, b term.Term) int) {
	sort.SliceStable(ts, func(i, j int) bool { return cmp(ts[i], ts[j]) < 0 })
}

func registerLists(rt *vm.Runtime) {
	reg := func(name string, arity int, f vm.NativeFunc) { rt.Register("lists", name, arity, f) }

	reg("reverse", 1, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		l := args[0]
		if l != term.Nil && !l.IsList() {
			return raiseFunctionClause(p)
		}
		out := term.Nil
		for l.IsList() {
			out = p.Heap.Cons(e.Hd(l), out)
			l = e.Tl(l)
		}
		if l != term.Nil {
			return p.BadArg()
		}
		return out
	})
	reg("reverse", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		n := listLen(e, args[0])
		if n < 0 {
			return p.BadArg()
		}
		p.Charge(n / erlCellsPerRed)
		out := args[1]
		for l := args[0]; l.IsList(); l = e.Tl(l) {
			out = p.Heap.Cons(e.Hd(l), out)
		}
		return out
	})
	reg("member", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		x, l := args[0], args[1]
		for l.IsList() {
			if term.ExactEqual(e, e.Hd(l), x) {
				return term.AtomTrue
			}
			l = e.Tl(l)
		}
		if l != term.Nil {
			return p.BadArg()
		}
		return term.AtomFalse
	})
	keyFind := func(p *vm.Process, args []term.Term) (term.Term, bool, bool) {
		e := p.Env()
		k := args[0]
		n, ok := posIndex(args[1])
		if !ok {
			return 0, false, false
		}
		l := args[2]
		for l.IsList() {
			t := e.Hd(l)
			if v, ok := keyElem(e, t, n); ok && term.Equal(e, v, k) {
				return t, true, true
			}
			l = e.Tl(l)
		}
		if l != term.Nil {
			return 0, false, false
		}
		return 0, false, true
	}
	reg("keyfind", 3, func(p *vm.Process, args []term.Term) term.Term {
		t, found, ok := keyFind(p, args)
		switch {
		case !ok:
			return p.BadArg()
		case found:
			return t
		}
		return term.AtomFalse
	})
	reg("keymember", 3, func(p *vm.Process, args []term.Term) term.Term {
		_, found, ok := keyFind(p, args)
		if !ok {
			return p.BadArg()
		}
		return boolTerm(found)
	})
	reg("keysearch", 3, func(p *vm.Process, args []term.Term) term.Term {
		t, found, ok := keyFind(p, args)
		switch {
		case !ok:
			return p.BadArg()
		case found:
			return p.Heap.Tuple(p.Atom("value"), t)
		}
		return term.AtomFalse
	})
	reg("seq", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		a, b := args[0], args[1]
		if !e.IsInteger(a) || !e.IsInteger(b) {
			return raiseFunctionClause(p)
		}
		if a.IsSmall() && b.IsSmall() {
			from, to := a.Small(), b.Small()
			if from-1 > to {
				return raiseFunctionClause(p)
			}
			if to-from > 1<<32 {
				return p.SystemLimit()
			}
			if from > to {
				return term.Nil
			}
			// Small bounds make small elements: one allocation for
			// the whole list, filled front to back.
			n := to - from + 1
			h := p.Heap
			at := h.Alloc(int(2 * n))
			w := h.W[at : at+uint64(2*n)]
			for i := range n {
				w[2*i] = uint64(term.MakeSmall(from + i))
				w[2*i+1] = uint64(term.MakeList(at + uint64(2*i+2)))
			}
			w[2*n-1] = uint64(term.Nil)
			return term.MakeList(at)
		}
		from, to := e.BigInt(a), e.BigInt(b)
		one := big.NewInt(1)
		if new(big.Int).Sub(from, one).Cmp(to) > 0 {
			return raiseFunctionClause(p)
		}
		if new(big.Int).Sub(to, from).Cmp(big.NewInt(1<<32)) > 0 {
			return p.SystemLimit()
		}
		out := term.Nil
		for v := new(big.Int).Set(to); v.Cmp(from) >= 0; v.Sub(v, one) {
			out = p.Heap.Cons(p.Heap.Big(v), out)
		}
		return out
	})
	reg("seq", 3, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		a, b, c := args[0], args[1], args[2]
		if !e.IsInteger(a) || !e.IsInteger(b) || !e.IsInteger(c) {
			return p.BadArg()
		}
		from, to, inc := e.BigInt(a), e.BigInt(b), e.BigInt(c)
		fmi := new(big.Int).Sub(from, inc)
		switch {
		case inc.Sign() > 0 && fmi.Cmp(to) <= 0, inc.Sign() < 0 && fmi.Cmp(to) >= 0:
			n := new(big.Int).Sub(to, from)
			n.Add(n, inc)
			n.Quo(n, inc)
			if !n.IsInt64() || n.Int64() > 1<<32 {
				return p.SystemLimit()
			}
			cnt := n.Int64()
			last := new(big.Int).Mul(inc, big.NewInt(cnt-1))
			last.Add(last, from)
			out := term.Nil
			for i := int64(0); i < cnt; i++ {
				out = p.Heap.Cons(p.Heap.Big(last), out)
				last.Sub(last, inc)
			}
			return out
		case inc.Sign() == 0 && from.Cmp(to) == 0:
			return p.Heap.List(a)
		}
		return p.BadArg()
	})
	reg("sort", 1, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		ts, ok := listSlice(e, args[0])
		if !ok {
			return raiseFunctionClause(p)
		}
		return p.Heap.List(sortLikeOTP(e, ts)...)
	})
	reg("usort", 1, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		ts, ok := listSlice(e, args[0])
		if !ok {
			return raiseFunctionClause(p)
		}
		cmp := func(a, b term.Term) int { return term.Compare(e, a, b) }
		stableSort(ts, cmp)
		return p.Heap.List(dedupSorted(ts, cmp)...)
	})
	reg("nth", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		n, ok := posIndex(args[0])
		if !ok {
			return raiseFunctionClause(p)
		}
		l := args[1]
		for ; n > 1 && l.IsList(); n-- {
			l = e.Tl(l)
		}
		if !l.IsList() {
			return raiseFunctionClause(p)
		}
		return e.Hd(l)
	})
	reg("nthtail", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		if !args[0].IsSmall() || args[0].Small() < 0 {
			return raiseFunctionClause(p)
		}
		n := args[0].Small()
		l := args[1]
		if n == 0 && l != term.Nil && !l.IsList() {
			return raiseFunctionClause(p)
		}
		for ; n > 0; n-- {
			if !l.IsList() {
				return raiseFunctionClause(p)
			}
			l = e.Tl(l)
		}
		return l
	})
	reg("flatten", 1, func(p *vm.Process, args []term.Term) term.Term {
		if args[0] != term.Nil && !args[0].IsList() {
			return raiseFunctionClause(p)
		}
		out, ok := flattenTerms(p.Env(), args[0], nil)
		if !ok {
			return raiseFunctionClause(p)
		}
		return p.Heap.List(out...)
	})
	reg("flatten", 2, func(p *vm.Process, args []term.Term) term.Term {
		if args[0] != term.Nil && !args[0].IsList() || args[1] != term.Nil && !args[1].IsList() {
			return raiseFunctionClause(p)
		}
		out, ok := flattenTerms(p.Env(), args[0], nil)
		if !ok {
			return raiseFunctionClause(p)
		}
		return p.Heap.ListTail(args[1], out...)
	})
	reg("flatlength", 1, func(p *vm.Process, args []term.Term) term.Term {
		out, ok := flattenTerms(p.Env(), args[0], nil)
		if !ok || args[0] != term.Nil && !args[0].IsList() {
			return raiseFunctionClause(p)
		}
		return term.MakeSmall(int64(len(out)))
	})
	reg("append", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		ts, ok := listSlice(e, args[0])
		if !ok {
			return p.BadArg()
		}
		return p.Heap.ListTail(args[1], ts...)
	})
	reg("append", 1, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		ls, ok := listSlice(e, args[0])
		if !ok {
			return raiseFunctionClause(p)
		}
		if len(ls) == 0 {
			return term.Nil
		}
		out := ls[len(ls)-1]
		for i := len(ls) - 2; i >= 0; i-- {
			ts, ok := listSlice(e, ls[i])
			if !ok {
				return p.BadArg()
			}
			out = p.Heap.ListTail(out, ts...)
		}
		return out
	})
	reg("sum", 1, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		l := args[0]
		acc := term.MakeSmall(0)
		for l.IsList() {
			r, ok := addNumbers(p, e.Hd(l), acc)
			if !ok {
				return p.BadArith()
			}
			acc = r
			l = e.Tl(l)
		}
		if l != term.Nil {
			return raiseFunctionClause(p)
		}
		return acc
	})
	extreme := func(want int) vm.NativeFunc {
		return func(p *vm.Process, args []term.Term) term.Term {
			e := p.Env()
			ts, ok := listSlice(e, args[0])
			if !ok || len(ts) == 0 {
				return raiseFunctionClause(p)
			}
			best := ts[0]
			for _, t := range ts[1:] {
				if term.Compare(e, t, best) == want {
					best = t
				}
			}
			return best
		}
	}
	reg("max", 1, extreme(1))
	reg("min", 1, extreme(-1))
	reg("last", 1, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		l := args[0]
		if !l.IsList() {
			return raiseFunctionClause(p)
		}
		for e.Tl(l).IsList() {
			l = e.Tl(l)
		}
		if e.Tl(l) != term.Nil {
			return raiseFunctionClause(p)
		}
		return e.Hd(l)
	})
	reg("duplicate", 2, func(p *vm.Process, args []term.Term) term.Term {
		if !args[0].IsSmall() || args[0].Small() < 0 {
			return raiseFunctionClause(p)
		}
		n := args[0].Small()
		if n > 1<<32 {
			return p.SystemLimit()
		}
		out := term.Nil
		for i := int64(0); i < n; i++ {
			out = p.Heap.Cons(args[1], out)
		}
		return out
	})
	sublist := func(p *vm.Process, l term.Term, n int64) term.Term {
		e := p.Env()
		var ts []term.Term
		for ; n > 0 && l.IsList(); n-- {
			ts = append(ts, e.Hd(l))
			l = e.Tl(l)
		}
		if n > 0 && l != term.Nil {
			return raiseFunctionClause(p)
		}
		return p.Heap.List(ts...)
	}
	reg("sublist", 2, func(p *vm.Process, args []term.Term) term.Term {
		l := args[0]
		if !args[1].IsSmall() || args[1].Small() < 0 || l != term.Nil && !l.IsList() {
			return raiseFunctionClause(p)
		}
		return sublist(p, l, args[1].Small())
	})
	reg("sublist", 3, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		l := args[0]
		if !args[1].IsSmall() || !args[2].IsSmall() || args[2].Small() < 0 || args[1].Small() < 1 {
			return raiseFunctionClause(p)
		}
		for s := args[1].Small(); s > 1 && l != term.Nil; s-- {
			if !l.IsList() {
				return raiseFunctionClause(p)
			}
			l = e.Tl(l)
		}
		if l != term.Nil && !l.IsList() {
			return raiseFunctionClause(p)
		}
		return sublist(p, l, args[2].Small())
	})
	reg("split", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		l := args[1]
		if !args[0].IsSmall() || args[0].Small() < 0 || l != term.Nil && !l.IsList() {
			return p.BadArg()
		}
		var ts []term.Term
		for n := args[0].Small(); n > 0; n-- {
			if !l.IsList() {
				return p.BadArg()
			}
			ts = append(ts, e.Hd(l))
			l = e.Tl(l)
		}
		return p.Heap.Tuple(p.Heap.List(ts...), l)
	})
	reg("zip", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		a, b := args[0], args[1]
		var ts []term.Term
		for a.IsList() && b.IsList() {
			ts = append(ts, p.Heap.Tuple(e.Hd(a), e.Hd(b)))
			a, b = e.Tl(a), e.Tl(b)
		}
		if a != term.Nil || b != term.Nil {
			return raiseFunctionClause(p)
		}
		return p.Heap.List(ts...)
	})
	reg("unzip", 1, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		ts, ok := listSlice(e, args[0])
		if !ok {
			return raiseFunctionClause(p)
		}
		xs := make([]term.Term, len(ts))
		ys := make([]term.Term, len(ts))
		for i, t := range ts {
			if !e.IsTuple(t) || e.TupleArity(t) != 2 {
				return raiseFunctionClause(p)
			}
			xs[i], ys[i] = e.Elem(t, 0), e.Elem(t, 1)
		}
		return p.Heap.Tuple(p.Heap.List(xs...), p.Heap.List(ys...))
	})
	keysort := func(unique bool) vm.NativeFunc {
		return func(p *vm.Process, args []term.Term) term.Term {
			e := p.Env()
			n, ok := posIndex(args[0])
			if !ok {
				return raiseFunctionClause(p)
			}
			ts, ok := listSlice(e, args[1])
			if !ok {
				return raiseFunctionClause(p)
			}
			if len(ts) <= 1 {
				return args[1]
			}
			for _, t := range ts {
				if _, ok := keyElem(e, t, n); !ok {
					return p.BadArg()
				}
			}
			cmp := func(a, b term.Term) int { return term.Compare(e, e.Elem(a, n-1), e.Elem(b, n-1)) }
			stableSort(ts, cmp)
			if unique {
				ts = dedupSorted(ts, cmp)
			}
			return p.Heap.List(ts...)
		}
	}
	reg("keysort", 2, keysort(false))
	reg("ukeysort", 2, keysort(true))
	// keyOp finds the first tuple whose Nth element equals the key; it
	// returns the elements before it, it, and the rest of the list.
	keyOp := func(p *vm.Process, k, nt, l term.Term) (before []term.Term, found term.Term, rest term.Term, ok bool) {
		e := p.Env()
		n, okn := posIndex(nt)
		if !okn {
			return nil, 0, 0, false
		}
		for l.IsList() {
			t := e.Hd(l)
			if v, okv := keyElem(e, t, n); okv && term.Equal(e, v, k) {
				return before, t, e.Tl(l), true
			}
			before = append(before, t)
			l = e.Tl(l)
		}
		if l != term.Nil {
			return nil, 0, 0, false
		}
		return before, term.NoValue, term.Nil, true
	}
	reg("keydelete", 3, func(p *vm.Process, args []term.Term) term.Term {
		before, found, rest, ok := keyOp(p, args[0], args[1], args[2])
		if !ok {
			return raiseFunctionClause(p)
		}
		if found == term.NoValue {
			return args[2]
		}
		return p.Heap.ListTail(rest, before...)
	})
	reg("keyreplace", 4, func(p *vm.Process, args []term.Term) term.Term {
		if !p.Env().IsTuple(args[3]) {
			return raiseFunctionClause(p)
		}
		before, found, rest, ok := keyOp(p, args[0], args[1], args[2])
		if !ok {
			return raiseFunctionClause(p)
		}
		if found == term.NoValue {
			return args[2]
		}
		return p.Heap.ListTail(p.Heap.Cons(args[3], rest), before...)
	})
	reg("keystore", 4, func(p *vm.Process, args []term.Term) term.Term {
		if !p.Env().IsTuple(args[3]) {
			return raiseFunctionClause(p)
		}
		before, found, rest, ok := keyOp(p, args[0], args[1], args[2])
		if !ok {
			return raiseFunctionClause(p)
		}
		if found == term.NoValue {
			return p.Heap.ListTail(p.Heap.List(args[3]), before...)
		}
		return p.Heap.ListTail(p.Heap.Cons(args[3], rest), before...)
	})
	reg("keytake", 3, func(p *vm.Process, args []term.Term) term.Term {
		before, found, rest, ok := keyOp(p, args[0], args[1], args[2])
		if !ok {
			return raiseFunctionClause(p)
		}
		if found == term.NoValue {
			return term.AtomFalse
		}
		return p.Heap.Tuple(p.Atom("value"), found, p.Heap.ListTail(rest, before...))
	})
	reg("delete", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		x, l := args[0], args[1]
		var before []term.Term
		for l.IsList() {
			if term.ExactEqual(e, e.Hd(l), x) {
				return p.Heap.ListTail(e.Tl(l), before...)
			}
			before = append(before, e.Hd(l))
			l = e.Tl(l)
		}
		if l != term.Nil {
			return raiseFunctionClause(p)
		}
		return args[1]
	})
	reg("subtract", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		as, ok1 := listSlice(e, args[0])
		bs, ok2 := listSlice(e, args[1])
		if !ok1 || !ok2 {
			return p.BadArg()
		}
		return p.Heap.List(subtractTerms(e, as, bs)...)
	})
	reg("droplast", 1, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		ts, ok := listSlice(e, args[0])
		if !ok || len(ts) == 0 {
			return raiseFunctionClause(p)
		}
		return p.Heap.List(ts[:len(ts)-1]...)
	})
	reg("prefix", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		a, b := args[0], args[1]
		for a.IsList() && b.IsList() && term.ExactEqual(e, e.Hd(a), e.Hd(b)) {
			a, b = e.Tl(a), e.Tl(b)
		}
		switch {
		case a == term.Nil && (b == term.Nil || b.IsList()):
			return term.AtomTrue
		case a.IsList() && (b == term.Nil || b.IsList()):
			return term.AtomFalse
		}
		return raiseFunctionClause(p)
	})
	reg("suffix", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		ns, nl := listLen(e, args[0]), listLen(e, args[1])
		if ns < 0 || nl < 0 {
			return p.BadArg()
		}
		if nl < ns {
			return term.AtomFalse
		}
		l := args[1]
		for i := 0; i < nl-ns; i++ {
			l = e.Tl(l)
		}
		return boolTerm(term.ExactEqual(e, l, args[0]))
	})
	reg("concat", 1, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		ts, ok := listSlice(e, args[0])
		if !ok {
			return raiseFunctionClause(p)
		}
		var out []term.Term
		for _, t := range ts {
			switch {
			case t.IsAtom():
				for _, r := range e.AtomName(t) {
					out = append(out, term.MakeSmall(int64(r)))
				}
			case e.IsInteger(t):
				for _, r := range e.BigInt(t).String() {
					out = append(out, term.MakeSmall(int64(r)))
				}
			case e.IsFloat(t):
				for _, r := range strconv.FormatFloat(e.Float(t), 'e', 20, 64) {
					out = append(out, term.MakeSmall(int64(r)))
				}
			case t == term.Nil || t.IsList():
				elems, ok := listSlice(e, t)
				if !ok {
					return p.BadArg()
				}
				out = append(out, elems...)
			default:
				return raiseFunctionClause(p)
			}
		}
		return p.Heap.List(out...)
	})
	reg("join", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		ts, ok := listSlice(e, args[1])
		if !ok {
			return raiseFunctionClause(p)
		}
		var out []term.Term
		for i, t := range ts {
			if i > 0 {
				out = append(out, args[0])
			}
			out = append(out, t)
		}
		return p.Heap.List(out...)
	})
	enumerate := func(p *vm.Process, start, l term.Term) term.Term {
		e := p.Env()
		if !e.IsInteger(start) {
			return raiseFunctionClause(p)
		}
		ts, ok := listSlice(e, l)
		if !ok {
			return raiseFunctionClause(p)
		}
		out := make([]term.Term, len(ts))
		i := e.BigInt(start)
		for k, t := range ts {
			out[k] = p.Heap.Tuple(p.Heap.Big(i), t)
			i.Add(i, big.NewInt(1))
		}
		return p.Heap.List(out...)
	}
	reg("enumerate", 1, func(p *vm.Process, args []term.Term) term.Term {
		return enumerate(p, term.MakeSmall(1), args[0])
	})
	reg("enumerate", 2, func(p *vm.Process, args []term.Term) term.Term {
		return enumerate(p, args[0], args[1])
	})
	reg("uniq", 1, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		ts, ok := listSlice(e, args[0])
		if !ok {
			return raiseFunctionClause(p)
		}
		seen := map[uint32][]term.Term{}
		var out []term.Term
	next:
		for _, t := range ts {
			h := term.Phash2(e, t)
			for _, s := range seen[h] {
				if term.ExactEqual(e, s, t) {
					continue next
				}
			}
			seen[h] = append(seen[h], t)
			out = append(out, t)
		}
		return p.Heap.List(out...)
	})
	merge := func(unique bool) vm.NativeFunc {
		return func(p *vm.Process, args []term.Term) term.Term {
			e := p.Env()
			as, ok1 := listSlice(e, args[0])
			bs, ok2 := listSlice(e, args[1])
			if !ok1 || !ok2 {
				return raiseFunctionClause(p)
			}
			out := make([]term.Term, 0, len(as)+len(bs))
			i, j := 0, 0
			for i < len(as) && j < len(bs) {
				c := term.Compare(e, as[i], bs[j])
				switch {
				case c < 0 || c == 0 && !unique:
					out = append(out, as[i])
					i++
				case c == 0:
					out = append(out, as[i])
					i++
					j++
				default:
					out = append(out, bs[j])
					j++
				}
			}
			out = append(out, as[i:]...)
			out = append(out, bs[j:]...)
			return p.Heap.List(out...)
		}
	}
	reg("merge", 2, merge(false))
	reg("umerge", 2, merge(true))
}

// dedupSorted drops every element that compares equal to its predecessor.
func dedupSorted(ts []term.Term, cmp func(a, b term.Term) int) []term.Term {
	if len(ts) == 0 {
		return ts
	}
	out := ts[:1]
	for _, t := range ts[1:] {
		if cmp(out[len(out)-1], t) != 0 {
			out = append(out, t)
		}
	}
	return out
}

// flattenTerms appends the elements of deep list t to out; ok is false
// for an improper list anywhere.
func flattenTerms(e *term.Env, t term.Term, out []term.Term) ([]term.Term, bool) {
	for t.IsList() {
		h := e.Hd(t)
		if h == term.Nil || h.IsList() {
			var ok bool
			if out, ok = flattenTerms(e, h, out); !ok {
				return nil, false
			}
		} else {
			out = append(out, h)
		}
		t = e.Tl(t)
	}
	return out, t == term.Nil
}

// subtractTerms is as -- bs: for each element of bs, the first exactly
// equal element of as is removed.
func subtractTerms(e *term.Env, as, bs []term.Term) []term.Term {
	removed := make([]bool, len(as))
	for _, b := range bs {
		for i, a := range as {
			if !removed[i] && term.ExactEqual(e, a, b) {
				removed[i] = true
				break
			}
		}
	}
	out := as[:0:0]
	for i, a := range as {
		if !removed[i] {
			out = append(out, a)
		}
	}
	return out
}

// sortLikeOTP sorts ts in term order, placing elements that compare equal
// (1 and 1.0) exactly where OTP 25's lists:sort/1 does. That sort is a
// natural merge sort: it cuts the list into runs, then merges them. The
// merging is stable with respect to the runs, so the result is fixed by
// the runs and their order of precedence:
//
//   - Lists of two and three elements are handled directly.
//   - The first two elements set the direction. Ascending runs keep equal
//     elements in list order; descending runs take equal elements as
//     descending, so they end up reversed.
//   - A run grows by a new element that extends it at the top (or, for a
//     descending run, the bottom), or that fits between its last two
//     elements; an element below everything joins a run of only two
//     elements; otherwise it is held back, and a second such element
//     closes the run and starts the next one with the held element.
//   - A list whose first elements are all equal starts with that group;
//     it turns into a descending run if the next element is smaller.
//   - When merging, among equal elements those of earlier runs come first
//     for an ascending sort, and those of later runs for a descending one.
func sortLikeOTP(e *term.Env, ts []term.Term) []term.Term {
	le := func(a, b term.Term) bool { return term.Compare(e, a, b) <= 0 }
	n := len(ts)
	switch {
	case n < 2:
		return ts
	case n == 2:
		if le(ts[0], ts[1]) {
			return ts
		}
		return []term.Term{ts[1], ts[0]}
	case n == 3:
		x, y, z := ts[0], ts[1], ts[2]
		if le(x, y) {
			switch {
			case le(y, z):
				return ts
			case le(x, z):
				return []term.Term{x, z, y}
			}
			return []term.Term{z, x, y}
		}
		switch {
		case le(x, z):
			return []term.Term{y, x, z}
		case le(y, z):
			return []term.Term{y, z, x}
		}
		return []term.Term{z, y, x}
	}
	b := runBuilder{le: le}
	i := 2
	x, y := ts[0], ts[1]
	switch c := term.Compare(e, x, y); {
	case c > 0:
		b.start(false, x, y, nil)
	case c < 0:
		b.start(true, x, y, nil)
	default:
		// A leading group of equal elements.
		group := []term.Term{x}
		cur := y
		for i < n && term.Compare(e, cur, ts[i]) == 0 {
			group = append(group, cur)
			cur = ts[i]
			i++
		}
		if i == n {
			return append(group, cur)
		}
		z := ts[i]
		i++
		b.start(term.Compare(e, cur, z) < 0, cur, z, group)
	}
	desc := !b.asc
	for ; i < n; i++ {
		b.add(ts[i])
	}
	runs := b.finish()
	if desc {
		for l, r := 0, len(runs)-1; l < r; l, r = l+1, r-1 {
			runs[l], runs[r] = runs[r], runs[l]
		}
	}
	out := make([]term.Term, 0, n)
	for _, r := range runs {
		out = append(out, r...)
	}
	stableSort(out, func(a, b term.Term) int { return term.Compare(e, a, b) })
	return out
}

// runBuilder cuts a list into runs the way sortLikeOTP describes. The
// current run is: for an ascending run, low (in order) then x then y, with
// y the largest; for a descending run, y then x then low in reverse, with
// y the smallest.
type runBuilder struct {
	le      func(a, b term.Term) bool
	asc     bool
	low     []term.Term
	x, y    term.Term
	pending term.Term
	held    bool
	done    [][]term.Term
}

func (b *runBuilder) start(asc bool, x, y term.Term, low []term.Term) {
	b.asc, b.x, b.y, b.low, b.held = asc, x, y, low, false
}

func (b *runBuilder) run() []term.Term {
	if b.asc {
		return append(append(b.low[:len(b.low):len(b.low)], b.x), b.y)
	}
	r := make([]term.Term, 0, len(b.low)+2)
	r = append(r, b.y, b.x)
	for k := len(b.low) - 1; k >= 0; k-- {
		r = append(r, b.low[k])
	}
	return r
}

func (b *runBuilder) add(z term.Term) {
	le := b.le
	extendTop, between := le(b.y, z), le(b.x, z)
	if !b.asc {
		extendTop, between = le(z, b.y), le(z, b.x)
	}
	switch {
	case extendTop:
		b.low = append(b.low, b.x)
		b.x, b.y = b.y, z
	case between:
		b.low = append(b.low, b.x)
		b.x = z
	case !b.held && len(b.low) == 0:
		b.low = []term.Term{z}
	case !b.held:
		b.pending, b.held = z, true
	default:
		s := b.pending
		b.done = append(b.done, b.run())
		if b.asc == le(s, z) {
			b.start(b.asc, s, z, nil)
		} else {
			b.start(b.asc, z, s, nil)
		}
	}
}

func (b *runBuilder) finish() [][]term.Term {
	b.done = append(b.done, b.run())
	if b.held {
		b.done = append(b.done, []term.Term{b.pending})
	}
	return b.done
}
