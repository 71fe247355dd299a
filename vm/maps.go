package vm

import (
	"sort"

	"github.com/beamr/beamr/term"
)

// MapFind returns the value of key k in map m.
func MapFind(env *term.Env, m, k term.Term) (term.Term, bool) {
	n := env.MapSize(m)
	base := m.Index() + 2
	lo, hi := 0, n
	for lo < hi {
		mid := (lo + hi) / 2
		c := term.CompareExact(env, term.Term(env.W[base+uint64(mid)]), k)
		switch {
		case c == 0:
			return term.Term(env.W[base+uint64(n+mid)]), true
		case c < 0:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return 0, false
}

// newMap builds a map from keys and values (later duplicates win).
func (p *Process) newMap(keys, vals []term.Term) term.Term {
	return p.mapFromPairs(keys, vals)
}

type kv struct{ k, v term.Term }

// mapFromPairs builds a map of the pairs; for equal keys the last wins.
func (p *Process) mapFromPairs(keys, vals []term.Term) term.Term {
	env := p.env
	ps := make([]kv, len(keys))
	for i := range keys {
		ps[i] = kv{keys[i], vals[i]}
	}
	sort.SliceStable(ps, func(i, j int) bool { return term.CompareExact(env, ps[i].k, ps[j].k) < 0 })
	out := ps[:0]
	for _, x := range ps {
		if n := len(out); n > 0 && term.CompareExact(env, out[n-1].k, x.k) == 0 {
			out[n-1] = x
			continue
		}
		out = append(out, x)
	}
	return p.writeMap(out)
}

func (p *Process) writeMap(ps []kv) term.Term {
	n := len(ps)
	h := p.Heap
	at := h.Alloc(2 + 2*n)
	h.W[at] = uint64(term.MakeHeader(term.SubMap, 1+2*n))
	h.W[at+1] = uint64(n)
	for i, x := range ps {
		h.W[at+2+uint64(i)] = uint64(x.k)
		h.W[at+2+uint64(n+i)] = uint64(x.v)
	}
	return term.MakeBoxed(at)
}

// MapPairs returns the keys and values of map m in key order.
func MapPairs(env *term.Env, m term.Term) (keys, vals []term.Term) {
	n := env.MapSize(m)
	keys = make([]term.Term, n)
	vals = make([]term.Term, n)
	for i := 0; i < n; i++ {
		keys[i] = env.MapKey(m, i)
		vals[i] = env.MapValue(m, i)
	}
	return keys, vals
}

// MapPut returns m with k set to v (a new map; m is unchanged).
func (p *Process) MapPut(m, k, v term.Term) term.Term {
	keys, vals := MapPairs(p.env, m)
	return p.mapFromPairs(append(keys, k), append(vals, v))
}

// NewMap builds a map from parallel key and value slices; for equal keys
// the last one wins.
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
	keys, vals := MapPairs(env, src)
	for i := 0; i+1 < n; i += 2 {
		k, v := p.get(code[pc+6+i]), p.get(code[pc+7+i])
		if exact {
			found := false
			for j := range keys {
				if term.ExactEqual(env, keys[j], k) {
					vals[j] = v
					found = true
					break
				}
			}
			if !found {
				p.Raise(term.AtomError, p.Heap.Tuple(term.AtomBadkey, k))
				return 0, false
			}
			continue
		}
		keys = append(keys, k)
		vals = append(vals, v)
	}
	if exact {
		p.set(dst, p.writeMapKV(keys, vals))
	} else {
		p.set(dst, p.mapFromPairs(keys, vals))
	}
	return next, true
}

func (p *Process) writeMapKV(keys, vals []term.Term) term.Term {
	ps := make([]kv, len(keys))
	for i := range keys {
		ps[i] = kv{keys[i], vals[i]}
	}
	return p.writeMap(ps)
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
