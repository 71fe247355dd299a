package vm

import (
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
	keys, vals = term.SortMapPairs(p.env, keys, vals)
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
	if i, ok := term.MapIndex(p.env, m, k); ok {
		return p.mapReplace(m, i, k, v, true)
	}
	return p.mapInsert(m, k, v)
}

// mapReplace returns a copy of map m with the value at storage index i set
// to v; a large map also takes k as the key, when newKey is set, as OTP's
// put does (it matters for 0.0 and -0.0 only).
func (p *Process) mapReplace(m term.Term, i int, k, v term.Term, newKey bool) term.Term {
	n := p.env.MapSize(m)
	src := m.Index()
	at := p.Heap.Alloc(2 + 2*n)
	w := p.env.W
	copy(w[at:at+2+2*uint64(n)], w[src:src+2+2*uint64(n)])
	w[at+2+uint64(n+i)] = uint64(v)
	if newKey && term.IsHashOrder(n) {
		w[at+2+uint64(i)] = uint64(k)
	}
	return term.MakeBoxed(at)
}

// mapInsert returns map m with the pair k => v added; k must be absent.
func (p *Process) mapInsert(m, k, v term.Term) term.Term {
	env := p.env
	n := env.MapSize(m)
	if n == term.MapFlatLimit {
		keys, vals := MapPairs(env, m)
		keys, vals = term.InsertMapPair(env, keys, vals, k, v)
		return p.writeMapKV(keys, vals)
	}
	pos := uint64(term.MapInsertIndex(env, m, k))
	nn := uint64(n)
	src := m.Index() + 2
	at := p.Heap.Alloc(2 + 2*(n+1))
	w := env.W
	w[at] = uint64(term.MakeHeader(term.SubMap, 1+2*(n+1)))
	w[at+1] = nn + 1
	ks, vs := at+2, at+2+nn+1
	copy(w[ks:ks+pos], w[src:src+pos])
	w[ks+pos] = uint64(k)
	copy(w[ks+pos+1:ks+nn+1], w[src+pos:src+nn])
	copy(w[vs:vs+pos], w[src+nn:src+nn+pos])
	w[vs+pos] = uint64(v)
	copy(w[vs+pos+1:vs+nn+1], w[src+nn+pos:src+2*nn])
	return term.MakeBoxed(at)
}

// NewMap builds a map from parallel key and value slices; for equal keys
// the last one wins. It may reorder keys and vals.
func (p *Process) NewMap(keys, vals []term.Term) term.Term { return p.mapFromPairs(keys, vals) }

// putMap runs put_map_assoc / put_map_exact at pc. It returns the next pc,
// or false with the exception set.
func (p *Process) putMap(code []uint64, pc int) (int, bool) {
	env := p.env
	exact := code[pc] == opPutMapExact
	src := p.get(code[pc+2])
	dst := code[pc+3]
	n := int(code[pc+5])
	next := pc + 6 + n
	if !env.IsMap(src) {
		p.Raise(term.AtomError, p.Heap.Tuple(term.AtomBadmap, src))
		return 0, false
	}
	if n == 2 {
		// One pair, the common case: no intermediate slices.
		k, v := p.get(code[pc+6]), p.get(code[pc+7])
		switch i, ok := term.MapIndex(env, src, k); {
		case ok:
			p.set(dst, p.mapReplace(src, i, k, v, !exact))
		case exact:
			p.Raise(term.AtomError, p.Heap.Tuple(term.AtomBadkey, k))
			return 0, false
		default:
			p.set(dst, p.mapInsert(src, k, v))
		}
		return next, true
	}
	keys, vals := MapPairs(env, src)
	size := len(keys)
	var newKeys, newVals []term.Term // keys not in src, without duplicates
	for i := 0; i+1 < n; i += 2 {
		k, v := p.get(code[pc+6+i]), p.get(code[pc+7+i])
		if j, ok := term.MapIndex(env, src, k); ok {
			vals[j] = v
			if !exact && term.IsHashOrder(size) {
				keys[j] = k // as OTP: a large map takes the new key (0.0 vs -0.0)
			}
			continue
		}
		if exact {
			p.Raise(term.AtomError, p.Heap.Tuple(term.AtomBadkey, k))
			return 0, false
		}
		dup := false
		for j := range newKeys {
			if term.ExactEqual(env, newKeys[j], k) {
				newKeys[j], newVals[j], dup = k, v, true
				break
			}
		}
		if !dup {
			newKeys, newVals = append(newKeys, k), append(newVals, v)
		}
	}
	for j := range newKeys {
		keys, vals = term.InsertMapPair(env, keys, vals, newKeys[j], newVals[j])
	}
	p.set(dst, p.writeMapKV(keys, vals))
	return next, true
}

// writeMapKV writes a map whose pairs are already in storage order.
func (p *Process) writeMapKV(keys, vals []term.Term) term.Term {
	n := len(keys)
	h := p.Heap
	at := h.Alloc(2 + 2*n)
	h.W[at] = uint64(term.MakeHeader(term.SubMap, 1+2*n))
	h.W[at+1] = uint64(n)
	for i := range keys {
		h.W[at+2+uint64(i)] = uint64(keys[i])
		h.W[at+2+uint64(n+i)] = uint64(vals[i])
	}
	return term.MakeBoxed(at)
}

// hasMapFields runs has_map_fields: Fail Src N Keys...
func (p *Process) hasMapFields(code []uint64, pc int) int {
	env := p.env
	m := p.get(code[pc+2])
	n := int(code[pc+3])
	for i := 0; i < n; i++ {
		if _, ok := MapFind(env, m, p.get(code[pc+4+i])); !ok {
			return int(code[pc+1])
		}
	}
	return pc + 4 + n
}

// getMapElements runs get_map_elements: Fail Src N [Key Dst]...
func (p *Process) getMapElements(code []uint64, pc int) int {
	env := p.env
	m := p.get(code[pc+2])
	n := int(code[pc+3])
	if !env.IsMap(m) {
		return int(code[pc+1])
	}
	for i := 0; i+1 < n; i += 2 {
		v, ok := MapFind(env, m, p.get(code[pc+4+i]))
		if !ok {
			return int(code[pc+1])
		}
		p.set(code[pc+5+i], v)
	}
	return pc + 4 + n
}

// updateRecord runs update_record: Size Src Dst N [Index Value]... (indices
// are 1-based tuple positions).
func (p *Process) updateRecord(code []uint64, pc int) int {
	env := p.env
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
