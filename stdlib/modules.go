package stdlib

import (
	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// registerModules registers the native functions of the standard-library
// modules other than erlang (io, io_lib, lists, maps, math, binary, unicode,
// string) and installs the bundled Erlang modules (stdlib/erl) as the
// runtime's bundled-module source.
func registerModules(rt *vm.Runtime) {
	registerIO(rt)
	registerIOServer(rt)
	registerIOInput(rt)
	registerLists(rt)
	registerMaps(rt)
	registerMath(rt)
	registerBinary(rt)
	registerUnicode(rt)
	registerString(rt)
	rt.SetBundled(bundledBeam)
}

// listSlice returns the elements of the proper list t; ok is false when t
// is not a proper list.
func listSlice(e *term.Env, t term.Term) ([]term.Term, bool) {
	var out []term.Term
	for t.IsList() {
		out = append(out, e.Hd(t))
		t = e.Tl(t)
	}
	return out, t == term.Nil
}

// listLen returns the length of the proper list t, or -1.
func listLen(e *term.Env, t term.Term) int {
	n := 0
	for t.IsList() {
		n++
		t = e.Tl(t)
	}
	if t != term.Nil {
		return -1
	}
	return n
}

// runesList builds the Erlang list of the characters rs.
func runesList(h *heap.Heap, rs []rune) term.Term {
	return runesListTail(h, rs, term.Nil)
}

// runesListTail builds rs ++ tail.
func runesListTail(h *heap.Heap, rs []rune, tail term.Term) term.Term {
	if len(rs) == 0 {
		return tail
	}
	p := h.Alloc(2 * len(rs))
	for i, r := range rs {
		c := p + 2*uint64(i)
		h.W[c] = uint64(term.MakeSmall(int64(r)))
		h.W[c+1] = uint64(term.MakeList(c + 2))
	}
	h.W[p+2*uint64(len(rs))-1] = uint64(tail)
	return term.MakeList(p)
}

// bytesList builds the Erlang list of the bytes b.
func bytesList(h *heap.Heap, b []byte) term.Term {
	if len(b) == 0 {
		return term.Nil
	}
	p := h.Alloc(2 * len(b))
	for i, c := range b {
		at := p + 2*uint64(i)
		h.W[at] = uint64(term.MakeSmall(int64(c)))
		h.W[at+1] = uint64(term.MakeList(at + 2))
	}
	h.W[p+2*uint64(len(b))-1] = uint64(term.Nil)
	return term.MakeList(p)
}

// smallArg returns the value of a small integer argument.
func smallArg(t term.Term) (int64, bool) {
	if !t.IsSmall() {
		return 0, false
	}
	return t.Small(), true
}

// newBinary builds a binary holding a copy of b on p's heap.
func newBinary(p *vm.Process, b []byte) term.Term {
	return p.Heap.Binary(p.Env().Bins, b)
}

// tuple builds a tuple on p's heap.
func tuple(p *vm.Process, elems ...term.Term) term.Term { return p.Heap.Tuple(elems...) }

// okTuple builds {ok, v}.
func okTuple(p *vm.Process, v term.Term) term.Term { return p.Heap.Tuple(term.AtomOk, v) }

// raiseFunctionClause raises error:function_clause, as OTP's Erlang
// implementation of the function does when no clause matches.
func raiseFunctionClause(p *vm.Process) term.Term {
	return p.Error(term.AtomFunctionClause)
}
