package vm

import (
	"math/big"
	"math/rand"
	"slices"
	"testing"

	"github.com/beamr/beamr/term"
)

// mapKeyPool returns distinct keys of every kind a map orders specially:
// small integers (a dense range, so that random picks collide), atoms,
// floats, bignums, tuples, lists and binaries.
func mapKeyPool(p *Process) []term.Term {
	h := p.Heap
	var ks []term.Term
	for i := -5; i < 90; i++ {
		ks = append(ks, term.MakeSmall(int64(i)))
	}
	for _, a := range []string{"a", "b", "zz", "ok", "m"} {
		ks = append(ks, p.Atom(a))
	}
	for _, f := range []float64{-1.5, 0.5, 2.0, 1e300} {
		ks = append(ks, h.Float(f))
	}
	for _, s := range []string{"1180591620717411303424", "-1180591620717411303424", "36893488147419103232"} {
		b, _ := new(big.Int).SetString(s, 10)
		ks = append(ks, h.Big(b))
	}
	for i := 0; i < 6; i++ {
		ks = append(ks, h.Tuple(term.MakeSmall(int64(i))), h.List(term.MakeSmall(int64(i))),
			h.Binary(p.env().Bins, []byte{byte(i), 'x'}))
	}
	return ks
}

// refPut is the naive meaning of put_map_assoc/put_map_exact: pairs in
// order, each replacing the value of an equal key (and the key itself for a
// key added by an earlier pair, or of a large source map unless exact), new
// keys added, then the result sorted into storage order.
func refPut(e *term.Env, src term.Term, pairs []term.Term, exact bool) (keys, vals []term.Term, ok bool) {
	keys, vals = MapPairs(e, src)
	nsrc := len(keys)
	for i := 0; i < len(pairs); i += 2 {
		k, v := pairs[i], pairs[i+1]
		j := slices.IndexFunc(keys, func(x term.Term) bool { return term.ExactEqual(e, x, k) })
		switch {
		case j >= 0:
			vals[j] = v
			if j >= nsrc || !exact && term.IsHashOrder(nsrc) {
				keys[j] = k
			}
		case exact:
			return nil, nil, false
		default:
			keys, vals = append(keys, k), append(vals, v)
		}
	}
	keys, vals = term.SortMapPairs(e, keys, vals)
	return keys, vals, true
}

// sameMap checks that map m holds exactly keys and vals, word for word, in
// that order.
func sameMap(t *testing.T, e *term.Env, m term.Term, keys, vals []term.Term, what string) {
	t.Helper()
	gk, gv := MapPairs(e, m)
	if !slices.Equal(gk, keys) || !slices.Equal(gv, vals) {
		t.Fatalf("%s: got\n %s\nwant %d pairs %v", what, term.AppendW(nil, e, m), len(keys), keys)
	}
	if hdr := term.Term(e.W[m.Index()]); hdr != term.MakeHeader(term.SubMap, 1+2*len(keys)) {
		t.Fatalf("%s: header %#x for %d pairs", what, hdr, len(keys))
	}
}

// randomMap builds a map of about n random pool keys with distinct small
// integer values from *val.
func randomMap(p *Process, r *rand.Rand, pool []term.Term, n int, val *int64) term.Term {
	keys := make([]term.Term, n)
	vals := make([]term.Term, n)
	for i := range keys {
		keys[i] = pool[r.Intn(len(pool))]
		vals[i] = term.MakeSmall(*val)
		*val++
	}
	return p.NewMap(keys, vals)
}

// TestPutMapRandom runs put_map_assoc and put_map_exact with one to many
// pairs (repeated keys included) on maps of every size around the layout
// change, against refPut.
func TestPutMapRandom(t *testing.T) {
	p := testProcess(t)
	e := p.env()
	pool := mapKeyPool(p)
	r := rand.New(rand.NewSource(1))
	val := int64(1000)
	for iter := 0; iter < 4000; iter++ {
		src := randomMap(p, r, pool, r.Intn(75), &val)
		np := 1 + r.Intn(6)
		if r.Intn(10) == 0 {
			np = 20 + r.Intn(60)
		}
		exact := r.Intn(4) == 0
		var pairs []term.Term
		sk, _ := MapPairs(e, src)
		for i := 0; i < np; i++ {
			k := pool[r.Intn(len(pool))]
			if exact && len(sk) > 0 && r.Intn(8) != 0 {
				k = sk[r.Intn(len(sk))]
			}
			pairs = append(pairs, k, term.MakeSmall(val))
			val++
		}
		if r.Intn(3) == 0 {
			// Keys in key order, as the compiler emits literal keys.
			idx := make([]int, np)
			for i := range idx {
				idx[i] = i
			}
			slices.SortStableFunc(idx, func(a, b int) int { return term.CompareExact(e, pairs[2*a], pairs[2*b]) })
			sorted := make([]term.Term, 0, len(pairs))
			for _, i := range idx {
				sorted = append(sorted, pairs[2*i], pairs[2*i+1])
			}
			pairs = sorted
		}
		op := uint64(opPutMapAssoc)
		if exact {
			op = opPutMapExact
		}
		p.x[0] = src
		code := []uint64{op, 0, regRef(refX, 0), regRef(refX, 1), 1, uint64(len(pairs))}
		for _, t := range pairs {
			code = append(code, uint64(t))
		}
		p.x[1] = term.Nil
		next, ok := p.putMap(code, 0)
		wk, wv, wok := refPut(e, src, pairs, exact)
		if ok != wok {
			t.Fatalf("iter %d: ok %v, want %v", iter, ok, wok)
		}
		if !ok {
			continue
		}
		if next != len(code) {
			t.Fatalf("iter %d: next pc %d, want %d", iter, next, len(code))
		}
		sameMap(t, e, p.x[1], wk, wv, "put")
		sameMap(t, e, src, sk, mustVals(e, src), "source unchanged")
	}
}

func mustVals(e *term.Env, m term.Term) []term.Term {
	_, v := MapPairs(e, m)
	return v
}

// TestMapLookupsRandom checks get_map_elements and has_map_fields with
// several keys (in and out of storage order, present or not) against a
// linear search.
func TestMapLookupsRandom(t *testing.T) {
	p := testProcess(t)
	e := p.env()
	pool := mapKeyPool(p)
	r := rand.New(rand.NewSource(2))
	val := int64(0)
	for iter := 0; iter < 4000; iter++ {
		m := randomMap(p, r, pool, r.Intn(75), &val)
		keys, vals := MapPairs(e, m)
		var ks []term.Term
		for i := 1 + r.Intn(5); i > 0; i-- {
			if len(keys) > 0 && r.Intn(3) != 0 {
				ks = append(ks, keys[r.Intn(len(keys))])
			} else {
				ks = append(ks, pool[r.Intn(len(pool))])
			}
		}
		if r.Intn(2) == 0 {
			slices.SortFunc(ks, func(a, b term.Term) int { return term.CompareExact(e, a, b) })
		}
		want := make([]term.Term, len(ks))
		found := true
		for i, k := range ks {
			j := slices.IndexFunc(keys, func(x term.Term) bool { return term.ExactEqual(e, x, k) })
			if j < 0 {
				found = false
				break
			}
			want[i] = vals[j]
		}
		p.x[0] = m
		get := []uint64{opGetMapElements, 999, regRef(refX, 0), uint64(2 * len(ks))}
		has := []uint64{opHasMapFields, 999, regRef(refX, 0), uint64(len(ks))}
		for i, k := range ks {
			get = append(get, uint64(k), regRef(refX, uint64(1+i)))
			has = append(has, uint64(k))
		}
		next := p.getMapElements(get, 0)
		if hn := p.hasMapFields(has, 0); (hn == 999) == found {
			t.Fatalf("iter %d: has_map_fields went to %d, found %v", iter, hn, found)
		}
		if !found {
			if next != 999 {
				t.Fatalf("iter %d: get_map_elements found absent keys", iter)
			}
			continue
		}
		if next != len(get) {
			t.Fatalf("iter %d: get_map_elements went to %d", iter, next)
		}
		for i := range ks {
			if p.x[1+i] != want[i] {
				t.Fatalf("iter %d: key %d got %v want %v", iter, i, p.x[1+i], want[i])
			}
		}
	}
}

// TestMapBuildersRandom checks MapPut, MapRemove, MapFilter, MapMerge,
// MapFromList and MapFromKeys against building the expected pairs in Go
// slices and sorting them with term.SortMapPairs.
func TestMapBuildersRandom(t *testing.T) {
	p := testProcess(t)
	e := p.env()
	pool := mapKeyPool(p)
	r := rand.New(rand.NewSource(3))
	val := int64(0)
	for iter := 0; iter < 3000; iter++ {
		a := randomMap(p, r, pool, r.Intn(75), &val)
		b := randomMap(p, r, pool, r.Intn(75), &val)
		ak, av := MapPairs(e, a)
		bk, bv := MapPairs(e, b)
		k := pool[r.Intn(len(pool))]
		if len(ak) > 0 && r.Intn(2) == 0 {
			k = ak[r.Intn(len(ak))]
		}
		v := term.MakeSmall(val)
		val++

		wk, wv, _ := refPut(e, a, []term.Term{k, v}, false)
		sameMap(t, e, p.MapPut(a, k, v), wk, wv, "MapPut")

		var rk, rv []term.Term
		for i := range ak {
			if !term.ExactEqual(e, ak[i], k) {
				rk, rv = append(rk, ak[i]), append(rv, av[i])
			}
		}
		rk, rv = term.SortMapPairs(e, rk, rv)
		sameMap(t, e, p.MapRemove(a, k), rk, rv, "MapRemove")

		var fk, fv []term.Term
		for i := range ak {
			if w, ok := MapFind(e, b, ak[i]); ok {
				fk, fv = append(fk, ak[i]), append(fv, w)
			}
		}
		fk, fv = term.SortMapPairs(e, fk, fv)
		sameMap(t, e, p.MapFilter(a, func(k, _ term.Term) (term.Term, bool) { return MapFind(e, b, k) }),
			fk, fv, "MapFilter")

		mk, mv := term.SortMapPairs(e, append(slices.Clone(ak), bk...), append(slices.Clone(av), bv...))
		sameMap(t, e, p.MapMerge(a, b), mk, mv, "MapMerge")

		// A list with repeated keys, the later winning.
		var lk, lv, tuples []term.Term
		for i := r.Intn(90); i > 0; i-- {
			k := pool[r.Intn(len(pool))]
			lk, lv = append(lk, k), append(lv, term.MakeSmall(val))
			tuples = append(tuples, p.Heap.Tuple(k, term.MakeSmall(val)))
			val++
		}
		m, ok := p.MapFromList(p.Heap.List(tuples...))
		if !ok {
			t.Fatal("MapFromList refused a proper list of pairs")
		}
		lk2, lv2 := term.SortMapPairs(e, slices.Clone(lk), slices.Clone(lv))
		sameMap(t, e, m, lk2, lv2, "MapFromList")

		same := make([]term.Term, len(lk))
		for i := range same {
			same[i] = term.AtomOk
		}
		m, ok = p.MapFromKeys(p.Heap.List(lk...), term.AtomOk)
		if !ok {
			t.Fatal("MapFromKeys refused a proper list")
		}
		fk2, fv2 := term.SortMapPairs(e, slices.Clone(lk), same)
		sameMap(t, e, m, fk2, fv2, "MapFromKeys")
	}
	if _, ok := p.MapFromList(p.Heap.Cons(p.Heap.Tuple(term.AtomOk, term.AtomOk), term.AtomOk)); ok {
		t.Fatal("MapFromList took an improper list")
	}
	if _, ok := p.MapFromList(p.Heap.List(p.Heap.Tuple(term.AtomOk))); ok {
		t.Fatal("MapFromList took a 1-tuple")
	}
}
