package term

import (
	"math"
	"math/bits"
	"slices"
	"unsafe"
)

// Map key order.
//
// OTP keeps a map of at most MapFlatLimit keys as a flat array sorted by
// the exact term order, and a larger one as a hash trie (HAMT) keyed by the
// internal hash of each key (make_internal_hash with salt 0), four bits per
// level from the least significant, rehashed with another salt below eight
// levels. Whichever way a map was built or shrunk, its size alone decides
// (a large map losing keys down to 32 becomes flat again). beamr always
// uses the flat layout but stores the pairs of a large map in the order
// OTP's maps:to_list/1, maps:keys/1, maps:values/1 and term_to_binary/1
// give for the same keys: the trie walked from its highest slot to its
// lowest. maps:next/1 (hence maps:fold/3, maps:foreach/2, maps:map/2 and
// every io_lib print of a map) walks the trie the other way, so for a
// large map it visits the stored pairs from the last to the first
// (MapIterIndex).
//
// The order of a large map matches OTP 25 exactly for keys made of
// integers, floats, binaries, bitstrings, lists, tuples and maps. OTP
// hashes an atom by its index in the atom table, which depends on the
// order atoms were created in the node, and a pid, port, reference or fun
// by node-local data, so a large map holding such keys (even inside
// tuples) is ordered as OTP would order it only by accident.

// MapFlatLimit is the largest number of keys of a map stored in term order.
// Larger maps are stored in hash order (see IsHashOrder).
const MapFlatLimit = 32

// IsHashOrder reports whether a map of n keys stores its pairs in hash order
// rather than in key term order.
func IsHashOrder(n int) bool { return n > MapFlatLimit }

// MapIterIndex returns the storage index of the i-th pair (0-based) that
// maps:next/1 yields for a map of n keys: the order in which OTP folds over
// and prints a map. It is i for a map in term order and n-1-i for a map in
// hash order, whose iterator runs against maps:to_list/1.
func MapIterIndex(n, i int) int {
	if n > MapFlatLimit {
		return n - 1 - i
	}
	return i
}

// Further golden-ratio multiples (see hash.go) used by the internal hash.
const (
	hGold17 uint32 = 0x9e3779b9 * 17 & 0xFFFFFFFF
	hGold18 uint32 = 0x9e3779b9 * 18 & 0xFFFFFFFF
	hGold20 uint32 = 0x9e3779b9 * 20 & 0xFFFFFFFF
	hGold21 uint32 = 0x9e3779b9 * 21 & 0xFFFFFFFF
	hGold22 uint32 = 0x9e3779b9 * 22 & 0xFFFFFFFF
)

// ihashSeed is the constant OTP 25 xors with the salt to start an internal hash.
const ihashSeed uint32 = 3432918353

// MapInternalHash returns OTP 25's internal hash of map key k with salt 0:
// the hash that places k in a large map. Integers, floats, binaries and
// bitstrings, lists, tuples and maps of those hash exactly as in OTP.
// Immediates hash by their raw word, which for an atom holds its index in
// beamr's atom table: it agrees with OTP only when the indices agree. Pids,
// ports, references and funs hash by beamr's representation, never as in
// OTP.
func MapInternalHash(e *Env, k Term) uint32 { return internalHash(e, k, 0) }

// ihItem is pending work for internalHash.
type ihItem struct {
	kind uint8
	t    Term   // the term or map
	i, n uint64 // ihWords: words i..i+n-1; ihMap: pairs i..n-1
}

const (
	ihTerm  = iota // hash t
	ihWords        // hash n consecutive words at index i
	ihMap          // hash key and value of pairs i..n-1 of map t, in order
	ihCdr          // mark the end of a list whose last element was no byte
)

// ihashImmed mixes the raw word of an immediate into h. beamr's words for
// small integers and [] are OTP's (64-bit emulator); atoms, pids and ports
// share OTP's tag layout but not necessarily its indices and numbers.
func ihashImmed(h uint32, t Term) uint32 {
	return hashMixPair(h, uint32(t), uint32(t>>32), hGold)
}

// ihashConst is OTP's light mixing of a type constant into h.
func ihashConst(h, c uint32) uint32 { return bits.RotateLeft32(h^c, 17) }

// ihashList hashes the list cell [hd|tl]: a leading run of bytes packed
// four to a word, then either the tail (a run that ends the list) or the
// first element that is no byte. It returns the hash and the next term to
// hash; when that term is such an element, rest is the rest of the list
// after it (the caller must hash it next, then, unless it is a list cell,
// mark the end of the list) and more is set.
func ihashList(e *Env, hash uint32, hd, tl Term) (h uint32, next, rest Term, more bool) {
	var sh, c uint32
	for hd.IsSmall() && uint64(hd.Small()) <= 255 {
		sh = sh<<8 + uint32(hd.Small())
		if c == 3 {
			hash = hashMixPair(hash, sh, 0, hGold4)
			c, sh = 0, 0
		} else {
			c++
		}
		if !tl.IsList() {
			break
		}
		hd, tl = e.Hd(tl), e.Tl(tl)
	}
	if c > 0 {
		hash = hashMixPair(hash, sh, c, hGold22)
	}
	if hd.IsSmall() && uint64(hd.Small()) <= 255 {
		return hash, tl, 0, false // the run ended the list: hash its tail
	}
	return ihashConst(hash, hGold17), hd, tl, true
}

// internalHash computes OTP 25's make_internal_hash(k, salt) without
// recursing in Go.
func internalHash(e *Env, t Term, salt uint32) uint32 {
	hash := salt ^ ihashSeed
	if t&3 == TagImmed {
		return ihashImmed(hash, t)
	}
	var buf [8]ihItem
	stack := buf[:0]
	for {
		switch t & 3 {
		case TagImmed:
			hash = ihashImmed(hash, t)
		case TagList:
			var tl Term
			var more bool
			if hash, t, tl, more = ihashList(e, hash, e.Hd(t), e.Tl(t)); more {
				// The element first, then the rest of the list.
				stack = append(stack, ihItem{kind: ihTerm, t: tl})
				if !tl.IsList() {
					stack = append(stack, ihItem{kind: ihCdr})
				}
			}
			continue
		case TagBoxed:
			i := t.Index()
			hdr := Term(e.W[i])
			switch hdr.HeaderSub() {
			case SubTuple:
				n := uint64(hdr.HeaderArity())
				hash = hashMixPair(hash, uint32(n), 0, hGold9)
				if n > 0 {
					stack = append(stack, ihItem{kind: ihWords, i: i + 1, n: n})
				}
			case SubMap:
				// Size, then each key and its value in storage order: OTP
				// walks a flatmap in key order and its trie from the highest
				// slot down, which is how beamr stores either.
				n := e.W[i+1]
				hash = hashMixPair(hash, uint32(n), 0, hGold16)
				if n > 0 {
					stack = append(stack, ihItem{kind: ihMap, t: t, n: n})
				}
			case SubPosBig, SubNegBig:
				k := hGold11
				if hdr.HeaderSub() == SubNegBig {
					k = hGold10
				}
				n := uint64(hdr.HeaderArity())
				for n > 1 && e.W[i+n] == 0 {
					n-- // tolerate unnormalised high zero words
				}
				for j := uint64(1); j <= n; j++ {
					d := e.W[i+j]
					hash = hashMixPair(hash, uint32(d), uint32(d>>32), k)
				}
			case SubFloat:
				f := math.Float64frombits(e.W[i+1])
				if f == 0 {
					f = 0 // -0.0 hashes as 0.0
				}
				b := math.Float64bits(f)
				hash = hashMixPair(hash, uint32(b), uint32(b>>32), hGold12)
			case SubHeapBin, SubRefcBin, SubSubBin:
				hash = ihashBits(e, t, hash)
			case SubFun:
				nfree := uint64(e.FunNumFree(t))
				hash = hashMixPair(hash, uint32(nfree), uint32(e.FunModule(t)), hGold20)
				hash = hashMixPair(hash, e.FunIndex(t), e.FunUniq(t), hGold21)
				if nfree > 0 {
					stack = append(stack, ihItem{kind: ihWords, i: i + FunHeaderWords, n: nfree})
				}
			case SubExport:
				m, f, a := e.ExportMFA(t)
				hash = hashMixPair(hash, uint32(m), uint32(f), hGold14)
				hash = hashMixPair(hash, uint32(a), 0, hGold14)
			default:
				// References, resources and anything else: every body word.
				hash = hashMixPair(hash, uint32(hdr), uint32(hdr>>32), hGold7)
				for j := uint64(1); j <= uint64(hdr.HeaderArity()); j++ {
					d := e.W[i+j]
					hash = hashMixPair(hash, uint32(d), uint32(d>>32), hGold8)
				}
			}
		}

		// Take the next pending term.
	next:
		for {
			n := len(stack)
			if n == 0 {
				return hash
			}
			it := &stack[n-1]
			switch it.kind {
			case ihTerm:
				t = it.t
				stack = stack[:n-1]
				break next
			case ihWords:
				t = Term(e.W[it.i])
				if it.n == 1 {
					stack = stack[:n-1]
				} else {
					it.i, it.n = it.i+1, it.n-1
				}
				break next
			case ihMap:
				m, j := it.t, it.i
				if j+1 == it.n {
					stack = stack[:n-1]
				} else {
					it.i = j + 1
				}
				stack = append(stack, ihItem{kind: ihTerm, t: e.MapValue(m, int(j))})
				t = e.MapKey(m, int(j))
				break next
			case ihCdr:
				hash = ihashConst(hash, hGold18)
				stack = stack[:n-1]
			}
		}
	}
}

// ihashBits hashes a bitstring for the internal hash.
func ihashBits(e *Env, t Term, hash uint32) uint32 {
	k := hGold13 + hash
	b, n, rest := hashBitstringBytes(e, t)
	if n == 0 && rest == 0 {
		return k
	}
	hash = hashBlock(b[:n], k)
	if rest > 0 {
		hash = hashMixPair(hash, uint32(rest), uint32(b[n]>>(8-rest)), hGold15)
	}
	return hash
}

// trieKey turns a 32-bit hash into a number whose order is the order of the
// trie slots the hash selects: nibble 0 (the first level) most significant.
func trieKey(h uint32) uint32 {
	r := bits.ReverseBytes32(h)
	return r<<4&0xF0F0F0F0 | r>>4&0x0F0F0F0F
}

// mapRehashSalt is the salt OTP 25 hashes a key with to place it at trie
// levels 8..15, below a full 32-bit collision of first hashes. It was
// measured, not derived: the trie OTP builds for colliding small integers
// and binaries puts them where make_internal_hash(Key, 0x870eee9a) says.
const mapRehashSalt uint32 = 0x870eee9a

// maxHashRounds is the number of 32-bit hashes known to place keys: the
// first hash (levels 0..7) and the rehash (levels 8..15). The salts OTP
// uses further down are unknown; keys colliding in 64 bits are ordered by
// term order instead.
const maxHashRounds = 2

// mapHashRound returns the hash that places key k at trie levels 8r..8r+7.
func mapHashRound(e *Env, k Term, r int) uint32 {
	if r == 0 {
		return internalHash(e, k, 0)
	}
	return internalHash(e, k, mapRehashSalt)
}

// MapTrieSlot returns the slot (0..15) that key k takes at level lvl of the
// hash trie OTP builds for a map of more than MapFlatLimit keys: the pairs
// of such a map are stored by descending slot at every level, so the
// trie's nodes (which erlang:display/1 prints) can be rebuilt from runs of
// stored keys that share slots. Levels 0..15 are known; deeper levels
// report slot 0.
func MapTrieSlot(e *Env, k Term, lvl int) int {
	if lvl < 0 || lvl/8 >= maxHashRounds {
		return 0
	}
	return int(mapHashRound(e, k, lvl/8) >> (4 * uint(lvl%8)) & 0xF)
}

// cmpHashOrder orders two distinct keys with equal first-round hashes by
// their later rounds, in storage order (descending trie slots), falling back
// to term order for keys that collide in every round.
func cmpHashOrder(e *Env, a, b Term) int {
	for r := 1; r < maxHashRounds; r++ {
		ka, kb := trieKey(mapHashRound(e, a, r)), trieKey(mapHashRound(e, b, r))
		if ka != kb {
			if ka > kb {
				return -1
			}
			return 1
		}
	}
	return CompareExact(e, a, b)
}

// mapSlot is a pair's first-round trie key and its index in the input.
type mapSlot struct {
	key uint32
	i   int32
}

// SortMapPairs puts the parallel key and value slices in the order OTP
// stores a map of those pairs: term order (CompareExact) when at most
// MapFlatLimit distinct keys remain, hash order otherwise. Of keys that are
// equal (=:=) only the last one and its value remain, as with
// maps:from_list/1. It reorders keys and vals in place and returns them cut
// to the number of distinct keys; len(vals) must equal len(keys).
func SortMapPairs(e *Env, keys, vals []Term) ([]Term, []Term) {
	if len(keys) <= MapFlatLimit {
		return sortTermOrder(e, keys, vals)
	}
	n := len(keys)
	if inHashOrder(e, n, func(i int) Term { return keys[i] }) {
		return keys, vals // e.g. a large map's pairs with some dropped
	}
	// Scratch space on the stack for the maps an instruction grows past
	// MapFlatLimit keys; only larger inputs allocate.
	var slotBuf [2 * MapFlatLimit]mapSlot
	var slots []mapSlot
	if n <= len(slotBuf) {
		slots = slotBuf[:n]
	} else {
		slots = make([]mapSlot, n)
	}
	for i, k := range keys {
		slots[i] = mapSlot{trieKey(MapInternalHash(e, k)), int32(i)}
	}
	slices.SortFunc(slots, func(a, b mapSlot) int {
		switch {
		case a.key > b.key:
			return -1
		case a.key < b.key:
			return 1
		}
		return int(a.i - b.i)
	})
	// Runs of equal first hashes (rare): drop earlier duplicates, then order
	// the rest by later rounds.
	out := slots[:0]
	for s := 0; s < n; {
		end := s + 1
		for end < n && slots[end].key == slots[s].key {
			end++
		}
		run := slots[s:end]
		start := len(out)
		for j, x := range run {
			dup := false
			for _, y := range run[j+1:] {
				if ExactEqual(e, keys[x.i], keys[y.i]) {
					dup = true
					break
				}
			}
			if !dup {
				out = append(out, x)
			}
		}
		if len(out)-start > 1 {
			slices.SortStableFunc(out[start:], func(a, b mapSlot) int {
				return cmpHashOrder(e, keys[a.i], keys[b.i])
			})
		}
		s = end
	}
	m := len(out)
	var tmpBuf [4 * MapFlatLimit]Term
	var tmp []Term
	if 2*m <= len(tmpBuf) {
		tmp = tmpBuf[:2*m]
	} else {
		tmp = make([]Term, 2*m)
	}
	for j, x := range out {
		tmp[j], tmp[m+j] = keys[x.i], vals[x.i]
	}
	keys, vals = keys[:m], vals[:m]
	copy(keys, tmp[:m])
	copy(vals, tmp[m:])
	if m <= MapFlatLimit {
		return sortTermOrder(e, keys, vals)
	}
	return keys, vals
}

// InsertMapPair inserts the pair k => v into the keys and values of a map
// in storage order, where k must be absent, and returns the slices (grown as
// by append) still in storage order. Inserting into a map of MapFlatLimit
// keys re-sorts everything (the map changes layout); otherwise it costs a
// binary search and a copy.
func InsertMapPair(e *Env, keys, vals []Term, k, v Term) ([]Term, []Term) {
	n := len(keys)
	if n == MapFlatLimit {
		return SortMapPairs(e, append(keys, k), append(vals, v))
	}
	pos := insertPos(e, n, func(i int) Term { return keys[i] }, k)
	return slices.Insert(keys, pos, k), slices.Insert(vals, pos, v)
}

// MapInsertIndex returns the storage index that key k, absent from map m,
// takes in the map m with k added, provided m's layout does not change:
// MapSize(m) must not be MapFlatLimit (use SortMapPairs then).
func MapInsertIndex(e *Env, m, k Term) int {
	base := m.Index() + 2
	return insertPos(e, e.MapSize(m), func(i int) Term { return Term(e.W[base+uint64(i)]) }, k)
}

// insertPos finds where k goes among n keys in storage order (a map of n+1
// keys has the same layout as one of n).
func insertPos(e *Env, n int, key func(int) Term, k Term) int {
	lo, hi := 0, n
	if n < MapFlatLimit {
		for lo < hi {
			mid := int(uint(lo+hi) >> 1)
			if CompareExact(e, key(mid), k) < 0 {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		return lo
	}
	want := trieKey(MapInternalHash(e, k))
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		x := key(mid)
		t := trieKey(MapInternalHash(e, x))
		if t > want || t == want && cmpHashOrder(e, x, k) < 0 {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// inHashOrder reports whether the n keys key(0..n-1) are distinct and in
// hash order (strictly descending first-round trie keys), so that a map of
// more than MapFlatLimit of them needs no sorting.
func inHashOrder(e *Env, n int, key func(int) Term) bool {
	prev := uint64(1) << 32
	for i := 0; i < n; i++ {
		t := uint64(trieKey(MapInternalHash(e, key(i))))
		if t >= prev {
			return false // out of order, or a first-hash collision to check
		}
		prev = t
	}
	return true
}

// sortTermOrder sorts at most a few dozen pairs by key term order (stable
// insertion sort) and drops earlier duplicates.
func sortTermOrder(e *Env, keys, vals []Term) ([]Term, []Term) {
	for i := 1; i < len(keys); i++ {
		k, v := keys[i], vals[i]
		j := i
		for j > 0 && CompareExact(e, keys[j-1], k) > 0 {
			keys[j], vals[j] = keys[j-1], vals[j-1]
			j--
		}
		keys[j], vals[j] = k, v
	}
	m := 0
	for i := range keys {
		if m > 0 && CompareExact(e, keys[m-1], keys[i]) == 0 {
			keys[m-1], vals[m-1] = keys[i], vals[i]
			continue
		}
		keys[m], vals[m] = keys[i], vals[i]
		m++
	}
	return keys[:m], vals[:m]
}

// MapKeyOrder returns the storage indices of the keys of map m in key term
// order (CompareExact): 0..n-1 for a map of at most MapFlatLimit keys. It is
// what the term order of maps and term_to_binary's deterministic option
// need for a map in hash order.
func MapKeyOrder(e *Env, m Term) []int32 {
	n := e.MapSize(m)
	base := m.Index() + 2
	p := make([]int32, n)
	for i := range p {
		p[i] = int32(i)
	}
	if IsHashOrder(n) {
		slices.SortFunc(p, func(x, y int32) int {
			return CompareExact(e, Term(e.W[base+uint64(x)]), Term(e.W[base+uint64(y)]))
		})
	}
	return p
}

// MapLookup returns the value of key k (compared with =:=) in map m, and
// whether k is present. It searches by term order in a map of at most
// MapFlatLimit keys and by hash order in a larger one.
func MapLookup(e *Env, m, k Term) (Term, bool) {
	at := m.Index()
	n := e.W[at+1]
	if n <= MapFlatLimit && k&3 == TagImmed {
		// An immediate is =:= only to the same word: in a map of a few
		// keys a scan beats any comparison. Words at+2.. hold the n keys,
		// then their values.
		kv := e.W[at+2 : at+2+2*n]
		if k&0xF == tagSmall && n > 0 && kv[0]&0xF == tagSmall {
			// Keys that are consecutive integers (a map used as an
			// array) put k at its distance from the first.
			if d := uint64(int64(k)-int64(kv[0])) >> 4; d < n && kv[d] == uint64(k) {
				return Term(kv[n+d]), true
			}
		}
		if i := scanWord(kv[:n], uint64(k)); i >= 0 {
			return Term(kv[n+uint64(i)]), true
		}
		return 0, false
	}
	i, ok := MapIndex(e, m, k)
	if !ok {
		return 0, false
	}
	return Term(e.W[at+2+n+uint64(i)]), true
}

// scanWord returns the index of the first word of ws equal to w, or -1.
func scanWord(ws []uint64, w uint64) int {
	i := 0
	for ; i+4 <= len(ws); i += 4 {
		q := ws[i : i+4 : i+4]
		if q[0] == w || q[1] == w || q[2] == w || q[3] == w {
			break
		}
	}
	for ; i < len(ws); i++ {
		if ws[i] == w {
			return i
		}
	}
	return -1
}

// MapIndex returns the storage index of key k (compared with =:=) in map m,
// and whether k is present.
func MapIndex(e *Env, m, k Term) (int, bool) {
	n := uint64(e.MapSize(m))
	base := m.Index() + 2
	keys := e.W[base : base+n]
	if n <= MapFlatLimit && k&3 == TagImmed {
		// An immediate is =:= only to the same word: a scan needs no
		// comparison (of atom names, say).
		if i := scanWord(keys, uint64(k)); i >= 0 {
			return i, true
		}
		return 0, false
	}
	i, ok := SearchKeys(e, keys, k)
	if !ok {
		return 0, false
	}
	return i, true
}

// MapSearch looks key k (compared with =:=) up in map m. When k is present
// it returns its storage index and true. Otherwise it returns the storage
// index k would take in m with k added, and false; that index is only
// meaningful when m's layout does not change, that is when MapSize(m) is
// not MapFlatLimit (adding a key to such a map needs SortMapPairs).
func MapSearch(e *Env, m, k Term) (int, bool) {
	base := m.Index() + 2
	return SearchKeys(e, e.W[base:base+uint64(e.MapSize(m))], k)
}

// SearchKeys is MapSearch over the keys of a map given as raw words in
// storage order: term order for at most MapFlatLimit keys, hash order for
// more. It returns the index of the key =:= k and true, or the index where k
// goes and false.
func SearchKeys(e *Env, keys []uint64, k Term) (int, bool) {
	if len(keys) > MapFlatLimit {
		return searchHashed(e, keys, k)
	}
	lo, hi := 0, len(keys)
	if k&0xF == tagSmall {
		// Two small integers order as their words do (same tag bits);
		// anything else against a small integer takes the general order.
		if hi > 0 {
			// Keys often come in ascending order: past the last key?
			if x := Term(keys[hi-1]); x&0xF == tagSmall && int64(x) < int64(k) {
				return hi, false
			}
			// Consecutive integers put k at its distance from the first.
			if d := uint64(int64(k)-int64(keys[0])) >> 4; keys[0]&0xF == tagSmall && d < uint64(hi) && keys[d] == uint64(k) {
				return int(d), true
			}
		}
		for lo < hi {
			mid := int(uint(lo+hi) >> 1)
			x := Term(keys[mid])
			if x == k {
				return mid, true
			}
			if x&0xF == tagSmall {
				if int64(x) < int64(k) {
					lo = mid + 1
				} else {
					hi = mid
				}
				continue
			}
			c := ordTerms(e, x, k, true)
			if c == 0 {
				return mid, true
			}
			if c < 0 {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		return lo, false
	}
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		c := CompareExact(e, Term(keys[mid]), k)
		if c == 0 {
			return mid, true
		}
		if c < 0 {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo, false
}

// searchHashed is SearchKeys for keys in hash order. Keys are stored by
// descending trie key: it finds the first key whose trie key is not above
// k's, then walks the (rarely longer than one) run sharing k's.
func searchHashed(e *Env, keys []uint64, k Term) (int, bool) {
	want := trieKey(MapInternalHash(e, k))
	lo, hi := 0, len(keys)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if trieKey(MapInternalHash(e, Term(keys[mid]))) > want {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	for i := lo; i < len(keys); i++ {
		x := Term(keys[i])
		if x == k {
			return i, true
		}
		if trieKey(MapInternalHash(e, x)) != want {
			return i, false
		}
		if ExactEqual(e, x, k) {
			return i, true
		}
		if cmpHashOrder(e, x, k) > 0 {
			return i, false
		}
	}
	return len(keys), false
}

// SortMapWords is SortMapPairs over raw words: the keys and values of a map
// being built in place (on a heap, say), len(vals) == len(keys). It puts
// them in storage order and returns the number of distinct keys, whose pairs
// are then keys[:n] and vals[:n]. It allocates nothing for up to
// 2*MapFlatLimit keys.
func SortMapWords(e *Env, keys, vals []uint64) int {
	k, _ := SortMapPairs(e, wordTerms(keys), wordTerms(vals))
	return len(k)
}

// wordTerms views words as terms, without copying.
func wordTerms(w []uint64) []Term {
	return unsafe.Slice((*Term)(unsafe.SliceData(w)), len(w))
}
