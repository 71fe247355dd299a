package vm

import (
	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// MapFind returns the value of key k (compared with =:=) in map m.
func MapFind(env *term.Env, m, k term.Term) (term.Term, bool) {
	return term.MapLookup(env, m, k)
}

// newMap builds a map from keys and values (later duplicates win).
func (p *Process) newMap(keys, vals []term.Term) term.Term {
	return p.mapFromPairs(keys, vals)
}

// mapFromPairs builds a map of the pairs in the order OTP stores them (see
// term.SortMapPairs); for equal keys the last wins. It may reorder keys and
// vals.
func (p *Process) mapFromPairs(keys, vals []term.Term) term.Term {
	keys, vals = term.SortMapPairs(p.env(), keys, vals)
	return p.writeMapKV(keys, vals)
}

// MapPairs returns fresh copies of the keys and values of map m in storage
// order: key term order for a small map, hash order for a large one (see
// term.IsHashOrder), which is the order of maps:to_list/1.
func MapPairs(env *term.Env, m term.Term) (keys, vals []term.Term) {
	n := env.MapSize(m)
	base := m.Index() + 2
	keys = make([]term.Term, n, n+1)
	vals = make([]term.Term, n, n+1)
	for i := 0; i < n; i++ {
		keys[i] = term.Term(env.W[base+uint64(i)])
		vals[i] = term.Term(env.W[base+uint64(n+i)])
	}
	return keys, vals
}

// MapPut returns m with k set to v (a new map; m is unchanged).
func (p *Process) MapPut(m, k, v term.Term) term.Term {
	i, ok := term.MapSearch(p.env(), m, k)
	if ok {
		return p.mapReplace(m, i, k, v, true)
	}
	return p.mapInsertAt(m, i, k, v)
}

// mapReplace returns a copy of map m with the value at storage index i set
// to v; a large map also takes k as the key, when newKey is set, as OTP's
// put does (it matters for 0.0 and -0.0 only).
func (p *Process) mapReplace(m term.Term, i int, k, v term.Term, newKey bool) term.Term {
	n := p.env().MapSize(m)
	src := m.Index()
	at := p.Heap.Alloc(2 + 2*n)
	w := p.env().W
	copy(w[at:at+2+2*uint64(n)], w[src:src+2+2*uint64(n)])
	w[at+2+uint64(n+i)] = uint64(v)
	if newKey && term.IsHashOrder(n) {
		w[at+2+uint64(i)] = uint64(k)
	}
	return term.MakeBoxed(at)
}

// mapInsertAt returns map m with the pair k => v added, where k is absent
// from m and pos is the storage index term.MapSearch gave for it.
func (p *Process) mapInsertAt(m term.Term, pos int, k, v term.Term) term.Term {
	env := p.env()
	n := uint64(env.MapSize(m))
	if n == term.MapFlatLimit {
		return p.mapGrow(m, k, v)
	}
	at := p.Heap.Alloc(2 + 2*int(n+1))
	w := env.W
	src := m.Index() + 2
	d, sw := w[at:at+2*n+4], w[src:src+2*n]
	d[0] = uint64(term.MakeHeader(term.SubMap, 1+2*int(n+1)))
	d[1] = n + 1
	// The source's keys and values are contiguous, and so are the keys
	// after pos and the values before it: three copies splice both.
	i := uint64(pos)
	copy(d[2:2+i], sw[:i])
	d[2+i] = uint64(k)
	copy(d[3+i:3+n+i], sw[i:n+i])
	d[3+n+i] = uint64(v)
	if i < n {
		copy(d[4+n+i:], sw[n+i:])
	}
	return term.MakeBoxed(at)
}

// mapGrow returns map m, which has term.MapFlatLimit keys, with the absent
// key k => v added: the one insertion that changes the layout, from key
// order to hash order.
func (p *Process) mapGrow(m, k, v term.Term) term.Term {
	env := p.env()
	n := uint64(env.MapSize(m))
	at := p.Heap.Alloc(2 + 2*int(n+1))
	w := env.W
	w[at] = uint64(term.MakeHeader(term.SubMap, 1+2*int(n+1)))
	w[at+1] = n + 1
	src := m.Index() + 2
	ks, vs := at+2, at+2+n+1
	copy(w[ks:ks+n], w[src:src+n])
	w[ks+n] = uint64(k)
	copy(w[vs:vs+n], w[src+n:src+2*n])
	w[vs+n] = uint64(v)
	term.SortMapWords(env, w[ks:ks+n+1], w[vs:vs+n+1])
	return term.MakeBoxed(at)
}

// NewMap builds a map from parallel key and value slices; for equal keys
// the last one wins. It may reorder keys and vals.
func (p *Process) NewMap(keys, vals []term.Term) term.Term { return p.mapFromPairs(keys, vals) }

// putMap runs put_map_assoc / put_map_exact: Fail Src Dst Live N Pairs...
// It returns the next pc, or false with the exception set.
func (p *Process) putMap(code []uint64, pc int) (int, bool) {
	env := p.env()
	exact := code[pc] == opPutMapExact
	src := p.get(code[pc+2])
	n := int(code[pc+5])
	if !env.IsMap(src) {
		p.Raise(term.AtomError, p.Heap.Tuple(term.AtomBadmap, src))
		return 0, false
	}
	// As in OTP, the instruction is a collection point: its Live x
	// registers, and the source map (kept in x[Live] meanwhile), survive;
	// the keys and values are in those registers, y registers or
	// literals. Without it a loop that only builds maps would never
	// collect, and its heap would only grow.
	if live := int(code[pc+4]); live < MaxX {
		p.x[live] = src
		p.Heap.Need(2+2*(env.MapSize(src)+n/2), live+1)
		src = p.x[live]
	}
	var m term.Term
	var ok bool
	if n == 2 {
		// One pair, the common case.
		m, ok = p.putMapOne(src, p.get(code[pc+6]), p.get(code[pc+7]), exact)
	} else {
		m, ok = p.putMapPairs(src, code[pc+6:pc+6+n], exact)
	}
	if !ok {
		return 0, false
	}
	p.set(code[pc+3], m)
	return pc + 6 + n, true
}

// putMapOne returns map src with k set to v, as put_map_assoc (or, with
// exact set, put_map_exact) of one pair; it returns false with
// error:{badkey, K} raised when exact is set and k is absent.
func (p *Process) putMapOne(src, k, v term.Term, exact bool) (term.Term, bool) {
	i, ok := term.MapSearch(p.env(), src, k)
	switch {
	case ok:
		return p.mapReplace(src, i, k, v, !exact), true
	case exact:
		p.Raise(term.AtomError, p.Heap.Tuple(term.AtomBadkey, k))
		return 0, false
	}
	return p.mapInsertAt(src, i, k, v), true
}

// putMapPairs builds src updated with the pairs of source operands ops (key,
// value, key, value...) in place on the heap, without scratch memory: it
// copies src into room for every pair, sets the values of the keys src has,
// then inserts the others one by one. For keys src has, a large src also
// takes the new key unless exact is set; of new keys that are equal the last
// wins. With exact set every key must be in src (else error:{badkey, K}).
func (p *Process) putMapPairs(src term.Term, ops []uint64, exact bool) (term.Term, bool) {
	env := p.env()
	size := uint64(env.MapSize(src))
	np := uint64(len(ops) / 2)
	if np == 0 {
		return src, true
	}
	room := size
	if !exact {
		room += np
		if room <= term.MapFlatLimit && p.ascendingKeys(ops) {
			return p.mergePairs(src, ops), true
		}
	}
	at := p.Heap.Alloc(2 + 2*int(room))
	w := env.W
	s := src.Index() + 2
	ks, vs := at+2, at+2+room
	w[at] = uint64(term.MakeHeader(term.SubMap, 1+2*int(room)))
	w[at+1] = room
	copy(w[ks:ks+size], w[s:s+size])
	copy(w[vs:vs+size], w[s+size:s+2*size])
	newKey := !exact && term.IsHashOrder(int(size))
	var fresh uint64 // bit i: pair i (of the first 64) is absent from src
	nfresh := 0
	for i := uint64(0); i < np; i++ {
		k := p.get(ops[2*i])
		j, ok := term.MapSearch(env, src, k)
		if ok {
			w[vs+uint64(j)] = uint64(p.get(ops[2*i+1]))
			if newKey {
				w[ks+uint64(j)] = uint64(k)
			}
			continue
		}
		if exact {
			p.Raise(term.AtomError, p.Heap.Tuple(term.AtomBadkey, k))
			return 0, false
		}
		nfresh++
		if i < 64 {
			fresh |= 1 << i
		}
	}
	n := size
	if nfresh > 0 {
		for i := uint64(0); i < np; i++ {
			k := p.get(ops[2*i])
			if i < 64 {
				if fresh&(1<<i) == 0 {
					continue
				}
			} else if _, ok := term.MapSearch(env, src, k); ok {
				continue
			}
			n = p.addPair(ks, vs, n, k, p.get(ops[2*i+1]))
		}
	}
	if n < room {
		// Equal new keys left room unused.
		return p.finishMap(at, room, n), true
	}
	return term.MakeBoxed(at), true
}

// ascendingKeys reports whether the keys of the pairs of source operands
// ops are in strictly ascending key order, as the compiler emits literal
// keys.
func (p *Process) ascendingKeys(ops []uint64) bool {
	prev := p.get(ops[0])
	for i := 2; i+1 < len(ops); i += 2 {
		k := p.get(ops[i])
		if term.CompareExact(p.env(), prev, k) >= 0 {
			return false
		}
		prev = k
	}
	return true
}

// mergePairs is put_map_assoc of the pairs of source operands ops, whose
// keys are strictly ascending, into src when the result keeps key order
// (at most term.MapFlatLimit keys): one merge pass. A key src has keeps
// src's key word and takes the new value.
func (p *Process) mergePairs(src term.Term, ops []uint64) term.Term {
	env := p.env()
	size := uint64(env.MapSize(src))
	np := uint64(len(ops) / 2)
	room := size + np
	at := p.Heap.Alloc(2 + 2*int(room))
	w := env.W
	s := src.Index() + 2
	ks, vs := at+2, at+2+room
	i, j, n := uint64(0), uint64(0), uint64(0)
	for ; j < np; n++ {
		k := p.get(ops[2*j])
		c := 1
		if i < size {
			c = term.CompareExact(env, term.Term(w[s+i]), k)
		}
		switch {
		case c < 0:
			w[ks+n], w[vs+n] = w[s+i], w[s+size+i]
			i++
		case c == 0:
			w[ks+n], w[vs+n] = w[s+i], uint64(p.get(ops[2*j+1]))
			i, j = i+1, j+1
		default:
			w[ks+n], w[vs+n] = uint64(k), uint64(p.get(ops[2*j+1]))
			j++
		}
	}
	copy(w[ks+n:ks+n+size-i], w[s+i:s+size])
	copy(w[vs+n:vs+n+size-i], w[s+size+i:s+2*size])
	return p.finishMap(at, room, n+size-i)
}

// addPair sets k => v among the n pairs in storage order whose keys start
// at word ks and values at word vs (with room for one more of each), and
// returns the new number of pairs.
func (p *Process) addPair(ks, vs, n uint64, k, v term.Term) uint64 {
	env := p.env()
	w := env.W
	j, ok := term.SearchKeys(env, w[ks:ks+n], k)
	i := uint64(j)
	switch {
	case ok:
		w[ks+i], w[vs+i] = uint64(k), uint64(v)
		return n
	case n == term.MapFlatLimit:
		// The layout changes from key order to hash order.
		w[ks+n], w[vs+n] = uint64(k), uint64(v)
		term.SortMapWords(env, w[ks:ks+n+1], w[vs:vs+n+1])
	default:
		copy(w[ks+i+1:ks+n+1], w[ks+i:ks+n])
		copy(w[vs+i+1:vs+n+1], w[vs+i:vs+n])
		w[ks+i], w[vs+i] = uint64(k), uint64(v)
	}
	return n + 1
}

// finishMap completes the map object at word index at that was allocated
// with room for room pairs (keys from word at+2, values from at+2+room) and
// whose first n pairs are filled in storage order: it writes the header,
// moves the values next to the keys when n < room and clears the words left
// over (zero words read as empty tuples, so the heap stays walkable).
func (p *Process) finishMap(at, room, n uint64) term.Term {
	w := p.env().W
	if n < room {
		ks, vs := at+2, at+2+room
		copy(w[ks+n:ks+2*n], w[vs:vs+n])
		clear(w[ks+2*n : vs+room])
	}
	w[at] = uint64(term.MakeHeader(term.SubMap, 1+2*int(n)))
	w[at+1] = n
	return term.MakeBoxed(at)
}

// MapRemove returns map m without key k (compared with =:=), or m itself
// when k is absent.
func (p *Process) MapRemove(m, k term.Term) term.Term {
	env := p.env()
	j, ok := term.MapIndex(env, m, k)
	if !ok {
		return m
	}
	n := uint64(env.MapSize(m))
	r, i := n-1, uint64(j)
	at := p.Heap.Alloc(2 + 2*int(r))
	w := env.W
	src := m.Index() + 2
	d, sw := w[at:at+2+2*r], w[src:src+2*n]
	d[0] = uint64(term.MakeHeader(term.SubMap, 1+2*int(r)))
	d[1] = r
	// The keys after i and the values before it are contiguous.
	copy(d[2:2+i], sw[:i])
	copy(d[2+i:2+r+i], sw[i+1:n+i])
	copy(d[2+r+i:], sw[n+i+1:])
	if r == term.MapFlatLimit {
		// The layout changes from hash order to key order.
		term.SortMapWords(env, d[2:2+r], d[2+r:])
	}
	return term.MakeBoxed(at)
}

// MapFilter returns the map of the pairs of m whose keys keep accepts,
// each with the value keep gives for it (m itself when that is every pair
// unchanged). keep gets each key and its value in m.
func (p *Process) MapFilter(m term.Term, keep func(k, v term.Term) (term.Term, bool)) term.Term {
	env := p.env()
	n := uint64(env.MapSize(m))
	at := p.Heap.Alloc(2 + 2*int(n))
	w := env.W
	src, ks, vs := m.Index()+2, at+2, at+2+n
	r, same := uint64(0), true
	for i := uint64(0); i < n; i++ {
		k, v := term.Term(w[src+i]), term.Term(w[src+n+i])
		nv, ok := keep(k, v)
		if !ok {
			continue
		}
		w[ks+r], w[vs+r] = uint64(k), uint64(nv)
		same = same && nv == v
		r++
	}
	if r == n && same {
		clear(w[at : at+2+2*n])
		return m
	}
	if term.IsHashOrder(int(n)) && !term.IsHashOrder(int(r)) {
		term.SortMapWords(env, w[ks:ks+r], w[vs:vs+r])
	}
	return p.finishMap(at, n, r)
}

// MapMerge returns the map of the pairs of a and b, those of b winning
// for keys in both (key and value), as maps:merge/2.
func (p *Process) MapMerge(a, b term.Term) term.Term {
	env := p.env()
	na, nb := uint64(env.MapSize(a)), uint64(env.MapSize(b))
	switch {
	case nb == 0:
		return a
	case na == 0:
		return b
	}
	room := na + nb
	at := p.Heap.Alloc(2 + 2*int(room))
	w := env.W
	sa, sb := a.Index()+2, b.Index()+2
	ks, vs := at+2, at+2+room
	n := uint64(0)
	if !term.IsHashOrder(int(na)) && !term.IsHashOrder(int(nb)) {
		// Both in key order: one merge pass.
		i, j := uint64(0), uint64(0)
		for i < na && j < nb {
			x, y := term.Term(w[sa+i]), term.Term(w[sb+j])
			switch c := term.CompareExact(env, x, y); {
			case c < 0:
				w[ks+n], w[vs+n] = uint64(x), w[sa+na+i]
				i++
			default:
				w[ks+n], w[vs+n] = uint64(y), w[sb+nb+j]
				j++
				if c == 0 {
					i++
				}
			}
			n++
		}
		for ; i < na; i, n = i+1, n+1 {
			w[ks+n], w[vs+n] = w[sa+i], w[sa+na+i]
		}
		for ; j < nb; j, n = j+1, n+1 {
			w[ks+n], w[vs+n] = w[sb+j], w[sb+nb+j]
		}
		if term.IsHashOrder(int(n)) {
			term.SortMapWords(env, w[ks:ks+n], w[vs:vs+n])
		}
		return p.finishMap(at, room, n)
	}
	// A large map: a's pairs, b's replacing or following them, then one
	// sort (none when b adds nothing).
	copy(w[ks:ks+na], w[sa:sa+na])
	copy(w[vs:vs+na], w[sa+na:sa+2*na])
	n = na
	for j := uint64(0); j < nb; j++ {
		k := term.Term(w[sb+j])
		if i, ok := term.MapIndex(env, a, k); ok {
			w[ks+uint64(i)], w[vs+uint64(i)] = uint64(k), w[sb+nb+j]
			continue
		}
		w[ks+n], w[vs+n] = uint64(k), w[sb+nb+j]
		n++
	}
	if n > na {
		n = uint64(term.SortMapWords(env, w[ks:ks+n], w[vs:vs+n]))
	}
	return p.finishMap(at, room, n)
}

// MapFromList builds the map of the {Key, Value} tuples of the proper list
// l, later keys winning, as maps:from_list/1. ok is false when l is not a
// proper list of 2-tuples.
func (p *Process) MapFromList(l term.Term) (m term.Term, ok bool) {
	env := p.env()
	room := uint64(0)
	for t := l; t != term.Nil; t = env.Tl(t) {
		if !t.IsList() {
			return 0, false
		}
		if e := env.Hd(t); !env.IsTuple(e) || env.TupleArity(e) != 2 {
			return 0, false
		}
		room++
	}
	at := p.Heap.Alloc(2 + 2*int(room))
	w := env.W
	ks, vs := at+2, at+2+room
	i := uint64(0)
	for t := l; t != term.Nil; t, i = env.Tl(t), i+1 {
		e := env.Hd(t)
		w[ks+i], w[vs+i] = uint64(env.Elem(e, 0)), uint64(env.Elem(e, 1))
	}
	n := uint64(term.SortMapWords(env, w[ks:ks+room], w[vs:vs+room]))
	return p.finishMap(at, room, n), true
}

// MapFromKeys builds the map of the keys in the proper list l, each with
// value v, as maps:from_keys/2. ok is false when l is not a proper list.
func (p *Process) MapFromKeys(l, v term.Term) (m term.Term, ok bool) {
	env := p.env()
	room := uint64(0)
	for t := l; t != term.Nil; t = env.Tl(t) {
		if !t.IsList() {
			return 0, false
		}
		room++
	}
	at := p.Heap.Alloc(2 + 2*int(room))
	w := env.W
	ks, vs := at+2, at+2+room
	i := uint64(0)
	for t := l; t != term.Nil; t, i = env.Tl(t), i+1 {
		w[ks+i], w[vs+i] = uint64(env.Hd(t)), uint64(v)
	}
	n := uint64(term.SortMapWords(env, w[ks:ks+room], w[vs:vs+room]))
	return p.finishMap(at, room, n), true
}

// MapToList returns the list of {Key, Value} tuples of map m in storage
// order, as maps:to_list/1: one allocation for the tuples and the cells.
func (p *Process) MapToList(m term.Term) term.Term {
	n := uint64(p.env().MapSize(m))
	if n == 0 {
		return term.Nil
	}
	at := p.Heap.Alloc(5 * int(n))
	w := p.env().W
	src := m.Index() + 2
	ks := w[src : src+n]
	vs := w[src+n : src+2*n]
	vs = vs[:len(ks)]
	tuples := w[at : at+3*n]
	cells := w[at+3*n : at+5*n]
	hdr := uint64(term.MakeHeader(term.SubTuple, 2))
	tp, cell := term.MakeBoxed(at), term.MakeList(at+3*n)
	for i, k := range ks {
		t := tuples[3*i : 3*i+3 : 3*i+3]
		t[0], t[1], t[2] = hdr, k, vs[i]
		c := cells[2*i : 2*i+2 : 2*i+2]
		cell += 2 << 2 // the next cell
		c[0], c[1] = uint64(tp), uint64(cell)
		tp += 3 << 2 // the next tuple
	}
	cells[2*n-1] = uint64(term.Nil)
	return term.MakeList(at + 3*n)
}

// MapKeyList returns the list of the keys of map m in storage order, as
// maps:keys/1.
func (p *Process) MapKeyList(m term.Term) term.Term {
	return p.wordList(m.Index()+2, p.env().MapSize(m))
}

// MapValueList returns the list of the values of map m in storage order,
// as maps:values/1.
func (p *Process) MapValueList(m term.Term) term.Term {
	n := p.env().MapSize(m)
	return p.wordList(m.Index()+2+uint64(n), n)
}

// wordList returns the list of the n terms at word index i.
func (p *Process) wordList(i uint64, n int) term.Term {
	if n == 0 {
		return term.Nil
	}
	at := p.Heap.Alloc(2 * n)
	w := p.env().W
	src, cells := w[i:i+uint64(n)], w[at:at+2*uint64(n)]
	for j, t := range src {
		cells[2*j] = t
		cells[2*j+1] = uint64(term.MakeList(at + 2*uint64(j) + 2))
	}
	cells[2*n-1] = uint64(term.Nil)
	return term.MakeList(at)
}

// writeMapKV writes a map whose pairs are already in storage order.
func (p *Process) writeMapKV(keys, vals []term.Term) term.Term {
	return writeMap(p.Heap, keys, vals)
}

// BuildMap builds on h the map of the pairs, as maps:from_list/1 would (for
// equal keys the last wins). It may reorder keys and vals.
func BuildMap(h *heap.Heap, env *term.Env, keys, vals []term.Term) term.Term {
	keys, vals = term.SortMapPairs(env, keys, vals)
	return writeMap(h, keys, vals)
}

// writeMap writes on h a map whose pairs are already in storage order.
func writeMap(h *heap.Heap, keys, vals []term.Term) term.Term {
	n := len(keys)
	at := h.Alloc(2 + 2*n)
	h.W[at] = uint64(term.MakeHeader(term.SubMap, 1+2*n))
	h.W[at+1] = uint64(n)
	for i := range keys {
		h.W[at+2+uint64(i)] = uint64(keys[i])
		h.W[at+2+uint64(n+i)] = uint64(vals[i])
	}
	return term.MakeBoxed(at)
}

// findKey returns the index of key k (compared with =:=) among the keys of
// a map in storage order, and whether it is there. An atom, pid, port or []
// in a map of up to term.MapFlatLimit keys is found by scanning for its
// word from index from on, then from the start: several keys looked up in
// storage order (as the compiler sorts literal keys) take one pass.
func findKey(env *term.Env, keys []uint64, k term.Term, from int) (int, bool) {
	if k.IsImmed() && !k.IsSmall() && len(keys) <= term.MapFlatLimit {
		if from > len(keys) {
			from = 0
		}
		for i := from; i < len(keys); i++ {
			if keys[i] == uint64(k) {
				return i, true
			}
		}
		for i := 0; i < from; i++ {
			if keys[i] == uint64(k) {
				return i, true
			}
		}
		return 0, false
	}
	return term.SearchKeys(env, keys, k)
}

// hasMapFields runs has_map_fields: Fail Src N Keys...
func (p *Process) hasMapFields(code []uint64, pc int) int {
	env := p.env()
	m := p.get(code[pc+2])
	n := int(code[pc+3])
	if !env.IsMap(m) {
		return int(code[pc+1])
	}
	base, size := m.Index()+2, uint64(env.MapSize(m))
	keys := env.W[base : base+size]
	next := 0
	for _, op := range code[pc+4 : pc+4+n] {
		j, ok := findKey(env, keys, p.get(op), next)
		if !ok {
			return int(code[pc+1])
		}
		next = j + 1
	}
	return pc + 4 + n
}

// getMapElements runs get_map_elements: Fail Src N [Key Dst]...
func (p *Process) getMapElements(code []uint64, pc int) int {
	env := p.env()
	m := p.get(code[pc+2])
	n := int(code[pc+3])
	if !env.IsMap(m) {
		return int(code[pc+1])
	}
	if n == 2 {
		// One key, the common case.
		v, ok := term.MapLookup(env, m, p.get(code[pc+4]))
		if !ok {
			return int(code[pc+1])
		}
		p.set(code[pc+5], v)
		return pc + 6
	}
	base, size := m.Index()+2, uint64(env.MapSize(m))
	keys := env.W[base : base+size]
	vals := env.W[base+size : base+2*size]
	ops := code[pc+4 : pc+4+n]
	next := 0
	for i := 0; i+1 < len(ops); i += 2 {
		j, ok := findKey(env, keys, p.get(ops[i]), next)
		if !ok {
			return int(code[pc+1])
		}
		p.set(ops[i+1], term.Term(vals[j]))
		next = j + 1
	}
	return pc + 4 + n
}

// updateRecord runs update_record: Size Src Dst N [Index Value]... (indices
// are 1-based tuple positions).
func (p *Process) updateRecord(code []uint64, pc int) int {
	env := p.env()
	size := int(code[pc+1])
	src := p.get(code[pc+2])
	n := int(code[pc+4])
	h := p.Heap
	at := h.Alloc(1 + size)
	copy(h.W[at:at+1+uint64(size)], env.W[src.Index():src.Index()+1+uint64(size)])
	for i := 0; i < n; i++ {
		idx := code[pc+5+2*i]
		h.W[at+idx] = uint64(p.get(code[pc+6+2*i]))
	}
	p.set(code[pc+3], term.MakeBoxed(at))
	return pc + 5 + 2*n
}
