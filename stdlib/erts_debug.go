package stdlib

import (
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// erts_debug:flat_size/1 and erts_debug:size/1 answer in OTP 25's words
// (64-bit), not in beamr's: the size the term would take on an OTP heap.
// flat_size counts a subterm once per path that reaches it (what copying
// the term to another process takes), size counts each object once.
//
// OTP 25's object sizes, measured with its erl:
//
//	cons cell              2
//	tuple of n > 0         1+n; the empty tuple 0 (a shared literal)
//	float                  2
//	bignum of d digits     1+d (64-bit digits)
//	reference              3
//	closure, nfree vars    5+nfree
//	external fun           5
//	refc binary (ProcBin)  6
//	heap binary, n bytes   2+ceil(n/8)
//	sub-binary             as OTP would hold the same bits: a heap binary
//	                       when it is whole bytes and at most 64 of them
//	                       (OTP's matching and splitting make one); a
//	                       ProcBin when whole aligned bytes over 64; else a
//	                       sub-binary (5) over a ProcBin (when the bytes
//	                       are in a refc binary) or over a heap binary of
//	                       the bytes it spans (1 or 2 bytes more)
//	map of n <= 32 keys    3+n, plus a key tuple of 1+n when n > 0
//	map of n > 32 keys     OTP's hash trie: a head node of 2+slots words
//	                       (18 when all 16 slots are used), inner nodes of
//	                       1+slots (17 when full), and a cons cell per pair
//
// The trie is rebuilt from term.MapTrieSlot, so it is exact for the keys
// whose hash beamr knows to match OTP's (integers, floats, binaries, lists,
// tuples and maps of those), as the order of large maps is. Native records
// (OTP 29) have no OTP 25 size; their beamr size is used. beamr never
// shares a map's key tuple between maps, so size/1 of maps that OTP would
// have built sharing one counts it for each.

func registerErtsDebug(rt *vm.Runtime) {
	rt.Register("erts_debug", "flat_size", 1, func(p *vm.Process, a []term.Term) term.Term {
		return term.MakeSmall(int64(otpSize(p.Env(), a[0], false)))
	})
	rt.Register("erts_debug", "size", 1, func(p *vm.Process, a []term.Term) term.Term {
		return term.MakeSmall(int64(otpSize(p.Env(), a[0], true)))
	})
}

// otpSize returns the OTP 25 size in words of t: every object reachable
// from t once per path, or (shared) once in all.
func otpSize(env *term.Env, t term.Term, shared bool) uint64 {
	var seen map[uint64]bool
	if shared {
		seen = map[uint64]bool{}
	}
	var n uint64
	stack := []term.Term{t}
	push := func(t term.Term) {
		if t.IsList() || t.IsBoxed() {
			stack = append(stack, t)
		}
	}
	for len(stack) > 0 {
		t := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !t.IsList() && !t.IsBoxed() {
			continue
		}
		if shared {
			if seen[t.Index()] {
				continue
			}
			seen[t.Index()] = true
		}
		if t.IsList() {
			n += 2
			push(env.Hd(t))
			push(env.Tl(t))
			continue
		}
		hdr := env.Header(t)
		arity := hdr.HeaderArity()
		switch hdr.HeaderSub() {
		case term.SubTuple:
			if arity > 0 {
				n += 1 + uint64(arity)
			}
			for i := 0; i < arity; i++ {
				push(env.Elem(t, i))
			}
		case term.SubFloat:
			n += 2
		case term.SubPosBig, term.SubNegBig:
			n += 1 + uint64(arity)
		case term.SubRef:
			n += 3
		case term.SubFun:
			nfree := env.FunNumFree(t)
			n += 5 + uint64(nfree)
			for i := 0; i < nfree; i++ {
				push(env.FunFree(t, i))
			}
		case term.SubExport:
			n += 5
		case term.SubRefcBin:
			n += 6
		case term.SubResource:
			// A port: an immediate in OTP, taking no heap words.
		case term.SubHeapBin:
			n += 2 + (env.Word(t, 1)+7)/8
		case term.SubSubBin, term.SubMatch:
			n += otpSubBinSize(env, t)
		case term.SubMap:
			size := env.MapSize(t)
			n += 3 + uint64(size)
			if size > 0 {
				n += 1 + uint64(size)
			}
			if term.IsHashOrder(size) {
				// The trie replaces the flat layout: its nodes and a
				// cons cell per pair.
				n -= 3 + uint64(size) + 1 + uint64(size)
				keys := make([]term.Term, size)
				for i := range keys {
					keys[i] = env.MapKey(t, i)
				}
				n += hamtWords(env, keys, 0) + 2*uint64(size)
			}
			for i := 0; i < size; i++ {
				push(env.MapKey(t, i))
				push(env.MapValue(t, i))
			}
		case term.SubNativeRecord:
			n += 1 + uint64(arity)
			for i := 0; i < env.RecordSize(t); i++ {
				push(env.RecordValue(t, i))
			}
		default:
			n += 1 + uint64(arity)
		}
	}
	return n
}

// otpSubBinSize returns the OTP 25 size of the bitstring t (a sub-binary
// or a match context's remaining bits) as OTP would hold it.
func otpSubBinSize(env *term.Env, t term.Term) uint64 {
	const subBin, procBin = 5, 6
	var orig term.Term
	var off, bits uint64
	if env.Header(t).HeaderSub() == term.SubSubBin {
		bits, off, orig = env.Word(t, 1), env.Word(t, 2), term.Term(env.Word(t, 3))
	} else {
		orig = term.Term(env.Word(t, 1))
		pos, end := term.Term(env.Word(t, 2)).Small(), term.Term(env.Word(t, 3)).Small()
		off, bits = uint64(pos), uint64(end-pos)
	}
	bytes, rest, bitOff := bits/8, bits%8, off%8
	refc := env.BoxedSub(orig) == term.SubRefcBin
	switch {
	case rest == 0 && bytes <= term.MaxHeapBin:
		return 2 + (bytes+7)/8
	case rest == 0 && bitOff == 0:
		return procBin
	case refc:
		return subBin + procBin
	}
	extra := uint64(1)
	if rest+bitOff > 8 {
		extra = 2
	}
	return subBin + 2 + (bytes+extra+7)/8
}

// hamtWords returns the words of the trie nodes (not the leaves) OTP builds
// for keys at trie level lvl: the head node at level 0.
func hamtWords(env *term.Env, keys []term.Term, lvl int) uint64 {
	if lvl >= 16 {
		// Keys colliding in every known hash round: OTP keeps them in
		// a collision node, one slot per key.
		return 1 + uint64(len(keys))
	}
	var groups [16][]term.Term
	used := 0
	for _, k := range keys {
		s := term.MapTrieSlot(env, k, lvl)
		if groups[s] == nil {
			used++
		}
		groups[s] = append(groups[s], k)
	}
	var n uint64
	switch {
	case lvl == 0 && used == 16:
		n = 18
	case lvl == 0:
		n = 2 + uint64(used)
	case used == 16:
		n = 17
	default:
		n = 1 + uint64(used)
	}
	for _, g := range groups {
		if len(g) > 1 {
			n += hamtWords(env, g, lvl+1)
		}
	}
	return n
}
