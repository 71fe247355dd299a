package stdlib

import (
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// List BIFs of the erlang module, and the functions of the lists module
// that are BIFs in OTP (reverse/2, member/2, keyfind/3, keymember/3,
// keysearch/3).

func registerErlangLists(rt *vm.Runtime) {
	erlRegisterAll(rt, "erlang", []erlNative{
		{"hd", 1, eHd},
		{"tl", 1, eTl},
		{"length", 1, eLength},
		{"++", 2, eAppend},
		{"--", 2, eSubtract},
	})
	erlRegisterAll(rt, "lists", []erlNative{
		{"reverse", 2, eListsReverse},
		{"member", 2, eListsMember},
		{"keyfind", 3, eListsKeyfind},
		{"keymember", 3, eListsKeymember},
		{"keysearch", 3, eListsKeysearch},
	})
}

func eHd(p *vm.Process, a []term.Term) term.Term {
	if !a[0].IsList() {
		return p.BadArg()
	}
	return p.Env().Hd(a[0])
}

func eTl(p *vm.Process, a []term.Term) term.Term {
	if !a[0].IsList() {
		return p.BadArg()
	}
	return p.Env().Tl(a[0])
}

// erlCellsPerRed is how many list cells a list BIF walks per reduction it
// is charged, so that a long list counts as the work it is.
const erlCellsPerRed = 16

func eLength(p *vm.Process, a []term.Term) term.Term {
	n, ok := erlListLen(p.Env(), a[0])
	if !ok {
		return p.BadArg()
	}
	p.Charge(n / erlCellsPerRed)
	return term.MakeSmall(int64(n))
}

// eAppend is A ++ B: A must be a proper list; B can be anything.
func eAppend(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	l, tail := a[0], a[1]
	n, ok := erlListLen(env, l)
	if !ok {
		return p.BadArg()
	}
	if n == 0 {
		return tail
	}
	if tail == term.Nil {
		return l
	}
	h := p.Heap
	at := h.Alloc(2 * n)
	for i := 0; i < n; i++ {
		c := at + 2*uint64(i)
		h.W[c] = uint64(env.Hd(l))
		h.W[c+1] = uint64(term.MakeList(c + 2))
		l = env.Tl(l)
	}
	h.W[at+2*uint64(n)-1] = uint64(tail)
	return term.MakeList(at)
}

// eSubtract is A -- B: for each element of B, the first element of A that
// is exactly equal to it (=:=) is removed. Both must be proper lists.
func eSubtract(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	xs, ok1 := erlListSlice(env, a[0])
	ys, ok2 := erlListSlice(env, a[1])
	if !ok1 || !ok2 {
		return p.BadArg()
	}
	if len(xs) == 0 || len(ys) == 0 {
		return a[0]
	}
	keep := make([]bool, len(xs))
	for i := range keep {
		keep[i] = true
	}
	if len(ys) <= 16 || len(xs) <= 16 {
		for _, y := range ys {
			for i, x := range xs {
				if keep[i] && term.ExactEqual(env, x, y) {
					keep[i] = false
					break
				}
			}
		}
	} else {
		// A multiset of B: removing the first k occurrences of each value
		// that B holds k times is what the element-by-element rule does.
		type slot struct {
			t term.Term
			n int
		}
		bag := make(map[uint32][]slot, len(ys))
		for _, y := range ys {
			hv := term.Phash2(env, y)
			ss := bag[hv]
			found := false
			for j := range ss {
				if term.ExactEqual(env, ss[j].t, y) {
					ss[j].n++
					found = true
					break
				}
			}
			if !found {
				bag[hv] = append(ss, slot{y, 1})
			}
		}
		for i, x := range xs {
			ss := bag[term.Phash2(env, x)]
			for j := range ss {
				if ss[j].n > 0 && term.ExactEqual(env, ss[j].t, x) {
					ss[j].n--
					keep[i] = false
					break
				}
			}
		}
	}
	out := make([]term.Term, 0, len(xs))
	for i, x := range xs {
		if keep[i] {
			out = append(out, x)
		}
	}
	if len(out) == len(xs) {
		return a[0]
	}
	return p.Heap.List(out...)
}

// eListsReverse is lists:reverse(List, Tail).
func eListsReverse(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	l, acc := a[0], a[1]
	n, ok := erlListLen(env, l)
	if !ok {
		return p.BadArg()
	}
	p.Charge(n / erlCellsPerRed)
	for l.IsList() {
		acc = p.Heap.Cons(env.Hd(l), acc)
		l = env.Tl(l)
	}
	return acc
}

// eListsMember is lists:member(Elem, List), comparing with =:=. It fails
// only when it reaches an improper tail without finding Elem.
func eListsMember(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	x, l := a[0], a[1]
	for l.IsList() {
		if term.ExactEqual(env, env.Hd(l), x) {
			return term.AtomTrue
		}
		l = env.Tl(l)
	}
	if l != term.Nil {
		return p.BadArg()
	}
	return term.AtomFalse
}

// erlKeyfind returns the first tuple of list whose element n (1-based) is
// equal (==) to key, or NoValue when there is none. ok is false for bad
// arguments.
func erlKeyfind(env *term.Env, key, n, list term.Term) (found term.Term, ok bool) {
	if !n.IsSmall() || n.Small() < 1 {
		return term.NoValue, false
	}
	pos := n.Small()
	l := list
	for l.IsList() {
		e := env.Hd(l)
		if env.IsTuple(e) && int64(env.TupleArity(e)) >= pos {
			k := env.Elem(e, int(pos-1))
			if k == key || term.Equal(env, k, key) {
				return e, true
			}
		}
		l = env.Tl(l)
	}
	return term.NoValue, l == term.Nil
}

func eListsKeyfind(p *vm.Process, a []term.Term) term.Term {
	e, ok := erlKeyfind(p.Env(), a[0], a[1], a[2])
	if !ok {
		return p.BadArg()
	}
	if e == term.NoValue {
		return term.AtomFalse
	}
	return e
}

func eListsKeymember(p *vm.Process, a []term.Term) term.Term {
	e, ok := erlKeyfind(p.Env(), a[0], a[1], a[2])
	if !ok {
		return p.BadArg()
	}
	return erlBoolTerm(e != term.NoValue)
}

func eListsKeysearch(p *vm.Process, a []term.Term) term.Term {
	e, ok := erlKeyfind(p.Env(), a[0], a[1], a[2])
	if !ok {
		return p.BadArg()
	}
	if e == term.NoValue {
		return term.AtomFalse
	}
	return p.Heap.Tuple(p.Atom("value"), e)
}
