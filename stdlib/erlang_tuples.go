package stdlib

import (
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Tuple BIFs.

func registerErlangTuples(rt *vm.Runtime) {
	erlRegisterAll(rt, "erlang", []erlNative{
		{"element", 2, eElement},
		{"setelement", 3, eSetelement},
		{"tuple_size", 1, eTupleSize},
		{"size", 1, eSize},
		{"make_tuple", 2, eMakeTuple2},
		{"make_tuple", 3, eMakeTuple3},
		{"append_element", 2, eAppendElement},
		{"delete_element", 2, eDeleteElement},
		{"insert_element", 3, eInsertElement},
		{"tuple_to_list", 1, eTupleToList},
		{"list_to_tuple", 1, eListToTuple},
	})
}

// erlTupleIndex returns the 0-based position named by the 1-based index n in
// a tuple of arity ar; ok is false when n is out of range.
func erlTupleIndex(n term.Term, ar int) (int, bool) {
	if !n.IsSmall() || n.Small() < 1 || n.Small() > int64(ar) {
		return 0, false
	}
	return int(n.Small() - 1), true
}

// erlNewTuple allocates a tuple of arity n and returns it with the word index
// of its first element.
func erlNewTuple(p *vm.Process, n int) (term.Term, uint64) {
	h := p.Heap
	at := h.Alloc(1 + n)
	h.W[at] = uint64(term.MakeHeader(term.SubTuple, n))
	return term.MakeBoxed(at), at + 1
}

// erlTupleElems returns the words of the elements of tuple t.
func erlTupleElems(env *term.Env, t term.Term) []uint64 {
	i := t.Index() + 1
	return env.W[i : i+uint64(env.TupleArity(t))]
}

func eElement(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	t := a[1]
	if !env.IsTuple(t) {
		return p.BadArg()
	}
	i, ok := erlTupleIndex(a[0], env.TupleArity(t))
	if !ok {
		return p.BadArg()
	}
	return env.Elem(t, i)
}

func eSetelement(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	t, v := a[1], a[2]
	if !env.IsTuple(t) {
		return p.BadArg()
	}
	ar := env.TupleArity(t)
	i, ok := erlTupleIndex(a[0], ar)
	if !ok {
		return p.BadArg()
	}
	nt, at := erlNewTuple(p, ar)
	copy(p.Heap.W[at:at+uint64(ar)], erlTupleElems(env, t))
	p.Heap.W[at+uint64(i)] = uint64(v)
	return nt
}

func eTupleSize(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	if !env.IsTuple(a[0]) {
		return p.BadArg()
	}
	return term.MakeSmall(int64(env.TupleArity(a[0])))
}

// eSize is size/1: the arity of a tuple or the number of whole bytes of a
// bitstring.
func eSize(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	t := a[0]
	if env.IsTuple(t) {
		return term.MakeSmall(int64(env.TupleArity(t)))
	}
	if env.IsBitstring(t) {
		_, _, bits := env.Bits(t)
		return term.MakeSmall(int64(bits / 8))
	}
	return p.BadArg()
}

// erlMakeTuple builds a tuple of n copies of v; ok is false when n is not a
// valid arity.
func erlMakeTuple(p *vm.Process, n, v term.Term) (term.Term, uint64, bool) {
	if !n.IsSmall() || n.Small() < 0 || n.Small() > erlMaxTupleArity {
		return 0, 0, false
	}
	ar := int(n.Small())
	t, at := erlNewTuple(p, ar)
	els := p.Heap.W[at : at+uint64(ar)]
	for i := range els {
		els[i] = uint64(v)
	}
	return t, at, true
}

func eMakeTuple2(p *vm.Process, a []term.Term) term.Term {
	t, _, ok := erlMakeTuple(p, a[0], a[1])
	if !ok {
		return p.BadArg()
	}
	return t
}

// eMakeTuple3 is make_tuple(Arity, Default, [{Position, Term}]): later
// entries for the same position win.
func eMakeTuple3(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	init, ok := erlListSlice(env, a[2])
	if !ok || !a[0].IsSmall() {
		return p.BadArg()
	}
	ar := a[0].Small()
	for _, e := range init {
		if !env.IsTuple(e) || env.TupleArity(e) != 2 {
			return p.BadArg()
		}
		pos := env.Elem(e, 0)
		if !pos.IsSmall() || pos.Small() < 1 || pos.Small() > ar {
			return p.BadArg()
		}
	}
	t, at, ok := erlMakeTuple(p, a[0], a[1])
	if !ok {
		return p.BadArg()
	}
	for _, e := range init {
		p.Heap.W[at+uint64(env.Elem(e, 0).Small()-1)] = uint64(env.Elem(e, 1))
	}
	return t
}

func eAppendElement(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	t := a[0]
	if !env.IsTuple(t) || env.TupleArity(t) >= erlMaxTupleArity {
		return p.BadArg()
	}
	ar := env.TupleArity(t)
	nt, at := erlNewTuple(p, ar+1)
	copy(p.Heap.W[at:at+uint64(ar)], erlTupleElems(env, t))
	p.Heap.W[at+uint64(ar)] = uint64(a[1])
	return nt
}

func eDeleteElement(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	t := a[1]
	if !env.IsTuple(t) {
		return p.BadArg()
	}
	ar := env.TupleArity(t)
	i, ok := erlTupleIndex(a[0], ar)
	if !ok {
		return p.BadArg()
	}
	nt, at := erlNewTuple(p, ar-1)
	els := erlTupleElems(env, t)
	w := p.Heap.W[at : at+uint64(ar-1)]
	copy(w, els[:i])
	copy(w[i:], els[i+1:])
	return nt
}

// eInsertElement is insert_element(Index, Tuple, Term), 1 <= Index <=
// tuple_size(Tuple)+1. Like OTP 25 it does not check the arity limit.
func eInsertElement(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	t := a[1]
	if !env.IsTuple(t) {
		return p.BadArg()
	}
	ar := env.TupleArity(t)
	i, ok := erlTupleIndex(a[0], ar+1)
	if !ok {
		return p.BadArg()
	}
	nt, at := erlNewTuple(p, ar+1)
	els := erlTupleElems(env, t)
	w := p.Heap.W[at : at+uint64(ar+1)]
	copy(w, els[:i])
	w[i] = uint64(a[2])
	copy(w[i+1:], els[i:])
	return nt
}

func eTupleToList(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	t := a[0]
	if !env.IsTuple(t) {
		return p.BadArg()
	}
	ar := env.TupleArity(t)
	if ar == 0 {
		return term.Nil
	}
	h := p.Heap
	at := h.Alloc(2 * ar)
	els := erlTupleElems(env, t)
	for i, e := range els {
		c := at + 2*uint64(i)
		h.W[c] = e
		h.W[c+1] = uint64(term.MakeList(c + 2))
	}
	h.W[at+2*uint64(ar)-1] = uint64(term.Nil)
	return term.MakeList(at)
}

func eListToTuple(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	n, ok := erlListLen(env, a[0])
	if !ok || n > erlMaxTupleArity {
		return p.BadArg()
	}
	t, at := erlNewTuple(p, n)
	l := a[0]
	for i := 0; i < n; i++ {
		p.Heap.W[at+uint64(i)] = uint64(env.Hd(l))
		l = env.Tl(l)
	}
	return t
}
