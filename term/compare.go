package term

import (
	"bytes"
	"math/big"
	"strings"
)

// Compare orders a and b by Erlang's standard term order with == semantics,
// where an integer and a float of the same mathematical value are equal
// (1 == 1.0). It returns -1, 0 or +1.
//
// Types are ordered number < atom < reference < fun < port < pid < tuple <
// map < [] < non-empty list < bitstring. Numbers compare by their exact
// mathematical value, also between floats and bignums beyond 2^53. Map keys
// always compare with =:= semantics (see CompareExact); map values, list and
// tuple elements and captured variables of funs use the caller's semantics.
// Comparison never recurses in Go, so arbitrarily long or deep terms are
// safe, except to sort the keys of maps of more than MapFlatLimit keys that
// are themselves inside map keys (each such level needs a large map).
func Compare(e *Env, a, b Term) int {
	if a&b&0xF == tagSmall {
		// Two small integers (both tags are 1111) order as their words.
		return ordInt(int64(a), int64(b))
	}
	if c, ok := ordImmed(e, a, b); ok {
		return c
	}
	return ordTerms(e, a, b, false)
}

// CompareExact is the same order as Compare but with =:= semantics: an integer
// and a float are never equal, and every integer orders before every float
// (so 2 < 1.5 here). This is OTP's internal exact term order, the order of
// keys in a map (maps:keys(#{1.0=>a, 2=>b, 0.5=>c, 1=>d}) is [1,2,0.5,1.0]).
// As in OTP 25, 0.0 and -0.0 compare equal in both orders.
func CompareExact(e *Env, a, b Term) int {
	if a&b&0xF == tagSmall {
		return ordInt(int64(a), int64(b))
	}
	if c, ok := ordImmed(e, a, b); ok {
		return c
	}
	return ordTerms(e, a, b, true)
}

// Equal reports whether a == b in Erlang.
func Equal(e *Env, a, b Term) bool {
	if a == b {
		return true
	}
	// Distinct immediates are never equal (bignums are never small).
	if a.IsImmed() && b.IsImmed() {
		return false
	}
	return ordTerms(e, a, b, false) == 0
}

// ExactEqual reports whether a =:= b in Erlang.
func ExactEqual(e *Env, a, b Term) bool {
	if a == b {
		return true
	}
	if a.IsImmed() && b.IsImmed() {
		return false
	}
	return ordTerms(e, a, b, true) == 0
}

// ordImmed orders the common cheap cases (equal words, two small integers,
// two atoms) without setting up a general comparison; ok is false otherwise.
func ordImmed(e *Env, a, b Term) (c int, ok bool) {
	switch {
	case a == b:
		return 0, true
	case a.IsSmall() && b.IsSmall():
		return ordInt(a.Small(), b.Small()), true
	case a.IsAtom() && b.IsAtom():
		return strings.Compare(e.AtomName(a), e.AtomName(b)), true
	}
	return 0, false
}

// Type ranks in the standard order. Local funs order before external funs
// (fun M:F/A), as in OTP 25. Resources (open files and sockets) are ports.
// Reserved or invalid objects order last.
const (
	ordNumber = iota
	ordAtom
	ordRef
	ordFun
	ordExport
	ordPort
	ordPid
	ordTuple
	ordRecord // native records (OTP 29), see nrecord.go
	ordMap
	ordNil
	ordList
	ordBits
	ordOther
)

// ordRank returns the type rank of t.
func ordRank(e *Env, t Term) int {
	switch t & 3 {
	case TagList:
		return ordList
	case TagBoxed:
		switch e.Header(t).HeaderSub() {
		case SubTuple:
			return ordTuple
		case SubNativeRecord:
			return ordRecord
		case SubPosBig, SubNegBig, SubFloat:
			return ordNumber
		case SubRef:
			return ordRef
		case SubResource:
			return ordPort
		case SubFun:
			return ordFun
		case SubExport:
			return ordExport
		case SubMap:
			return ordMap
		case SubHeapBin, SubRefcBin, SubSubBin:
			return ordBits
		}
		return ordOther
	case TagImmed:
		switch {
		case t.IsSmall():
			return ordNumber
		case t.IsAtom():
			return ordAtom
		case t == Nil:
			return ordNil
		case t.IsPid():
			return ordPid
		case t.IsPort():
			return ordPort
		}
	}
	return ordOther
}

// ordItem is pending work for ordTerms: a pair of terms (n == 0), or n
// pairs of words at word indices a and b (tuple elements, map keys or values,
// captured variables).
type ordItem struct {
	a, b  Term
	n     uint64
	exact bool
}

func ordTerms(e *Env, a, b Term, exact bool) int {
	var buf [8]ordItem
	stack := buf[:0]
	for {
		if a != b {
			ra, rb := ordRank(e, a), ordRank(e, b)
			if ra != rb {
				return ordSign(ra - rb)
			}
			c := 0
			switch ra {
			case ordNumber:
				c = ordNumbers(e, a, b, exact)
			case ordAtom:
				c = strings.Compare(e.AtomName(a), e.AtomName(b))
			case ordRef:
				c = ordRefWords(e, a, b)
			case ordPid:
				c = ordUint(a.PidNumber(), b.PidNumber())
			case ordPort:
				c = ordUint(e.PortNum(a), e.PortNum(b))
			case ordBits:
				c = ordBitstrings(e, a, b)
			case ordExport:
				c = ordExports(e, a, b)
			case ordOther:
				c = ordUint(uint64(a), uint64(b))
			case ordFun:
				if c = ordFunHeads(e, a, b); c == 0 {
					if n := uint64(e.FunNumFree(a)); n > 0 {
						ai, bi := a.Index()+FunHeaderWords, b.Index()+FunHeaderWords
						stack = append(stack, ordItem{Term(ai), Term(bi), n, exact})
					}
				}
			case ordTuple:
				na, nb := e.TupleArity(a), e.TupleArity(b)
				if c = ordSign(na - nb); c == 0 && na > 0 {
					stack = append(stack, ordItem{Term(a.Index() + 1), Term(b.Index() + 1), uint64(na), exact})
				}
			case ordRecord:
				c, stack = ordRecords(e, a, b, exact, stack)
			case ordMap:
				na, nb := e.MapSize(a), e.MapSize(b)
				if c = ordSign(na - nb); c == 0 && IsHashOrder(na) {
					var pa, pb []int32
					if c, pa, pb = ordHashMaps(e, a, b); c == 0 {
						// Values in key order, the first on top.
						va, vb := a.Index()+2+uint64(na), b.Index()+2+uint64(na)
						for i := na - 1; i >= 0; i-- {
							stack = append(stack, ordItem{Term(e.W[va+uint64(pa[i])]), Term(e.W[vb+uint64(pb[i])]), 0, exact})
						}
					}
				} else if c == 0 && na > 0 {
					n := uint64(na)
					ka, kb := a.Index()+2, b.Index()+2
					// Keys first (always exact), then values.
					stack = append(stack,
						ordItem{Term(ka + n), Term(kb + n), n, exact},
						ordItem{Term(ka), Term(kb), n, true})
				}
			case ordList:
				// Heads now, tails later: the stack never grows along a list.
				stack = append(stack, ordItem{e.Tl(a), e.Tl(b), 0, exact})
				a, b = e.Hd(a), e.Hd(b)
				continue
			}
			if c != 0 {
				return c
			}
		}
		// Take the next pending pair.
		n := len(stack)
		if n == 0 {
			return 0
		}
		it := &stack[n-1]
		exact = it.exact
		if it.n == 0 {
			a, b = it.a, it.b
			stack = stack[:n-1]
			continue
		}
		ai, bi := uint64(it.a), uint64(it.b)
		a, b = Term(e.W[ai]), Term(e.W[bi])
		if it.n == 1 {
			stack = stack[:n-1]
		} else {
			it.a, it.b, it.n = Term(ai+1), Term(bi+1), it.n-1
		}
	}
}

// ordHashMaps compares the keys of two maps of the same size stored in
// hash order, in key term order (exact). It returns their order when they
// differ; when they are the same it returns 0 and the storage indices of
// both maps' keys in key order, by which to compare the values. (It leaves
// the pushing of values to ordTerms so that ordTerms's stack, which can
// live in its frame, never flows through this function, which calls back
// into the comparison.)
func ordHashMaps(e *Env, a, b Term) (c int, pa, pb []int32) {
	n := e.MapSize(a)
	ka, kb := a.Index()+2, b.Index()+2
	// Equal key sets are stored in the same order, so a positional match
	// means the keys are the same; only then is one sort enough.
	same := true
	for i := uint64(0); i < uint64(n) && same; i++ {
		x, y := Term(e.W[ka+i]), Term(e.W[kb+i])
		same = x == y || CompareExact(e, x, y) == 0
	}
	pa = MapKeyOrder(e, a)
	pb = pa
	if !same {
		pb = MapKeyOrder(e, b)
		for i := range pa {
			if c := CompareExact(e, Term(e.W[ka+uint64(pa[i])]), Term(e.W[kb+uint64(pb[i])])); c != 0 {
				return c, nil, nil
			}
		}
	}
	return 0, pa, pb
}

func ordSign(d int) int {
	switch {
	case d < 0:
		return -1
	case d > 0:
		return 1
	}
	return 0
}

func ordUint(x, y uint64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func ordInt(x, y int64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func ordFloat(x, y float64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0 // also -0.0 vs 0.0
}

// ordNumbers compares two numbers (small, big or float).
func ordNumbers(e *Env, a, b Term, exact bool) int {
	if a.IsSmall() && b.IsSmall() {
		return ordInt(a.Small(), b.Small())
	}
	af, bf := !a.IsSmall() && e.IsFloat(a), !b.IsSmall() && e.IsFloat(b)
	switch {
	case af && bf:
		return ordFloat(e.Float(a), e.Float(b))
	case !af && !bf:
		return ordInts(e, a, b)
	case exact:
		// In the exact order every integer is below every float.
		if af {
			return 1
		}
		return -1
	case af:
		return -ordIntFloat(e, b, e.Float(a))
	default:
		return ordIntFloat(e, a, e.Float(b))
	}
}

// ordIntView is an integer as a sign and n little-endian magnitude words:
// the words of a bignum, or for a small integer the single word small.
type ordIntView struct {
	neg   bool
	small uint64
	words []uint64
	n     int
}

func (v *ordIntView) word(i int) uint64 {
	if v.words == nil {
		return v.small
	}
	return v.words[i]
}

func ordViewInt(e *Env, t Term) ordIntView {
	var v ordIntView
	if t.IsSmall() {
		x := t.Small()
		v.neg = x < 0
		if x < 0 {
			v.small = uint64(-x)
		} else {
			v.small = uint64(x)
		}
		if v.small != 0 {
			v.n = 1
		}
		return v
	}
	i := t.Index()
	h := Term(e.W[i])
	v.neg = h.HeaderSub() == SubNegBig
	v.words = e.W[i+1 : i+1+uint64(h.HeaderArity())]
	// Normalise: drop high zero words; zero is never negative.
	v.n = len(v.words)
	for v.n > 0 && v.words[v.n-1] == 0 {
		v.n--
	}
	if v.n == 0 {
		v.neg = false
	}
	return v
}

// ordInts compares two integers, small or big.
func ordInts(e *Env, a, b Term) int {
	x, y := ordViewInt(e, a), ordViewInt(e, b)
	if x.neg != y.neg {
		if x.neg {
			return -1
		}
		return 1
	}
	c := ordSign(x.n - y.n)
	for i := x.n - 1; c == 0 && i >= 0; i-- {
		c = ordUint(x.word(i), y.word(i))
	}
	if x.neg {
		return -c
	}
	return c
}

// ordIntFloat compares integer i with float f by exact value.
func ordIntFloat(e *Env, i Term, f float64) int {
	const exactLimit = 1 << 53
	if i.IsSmall() {
		if v := i.Small(); v > -exactLimit && v < exactLimit {
			return ordFloat(float64(v), f)
		}
	}
	// Beyond 2^53 a float64 is integral and an integer may not be a float:
	// compare exactly with big.Float (SetInt keeps every bit of the integer).
	x := new(big.Float).SetInt(e.BigInt(i))
	y := new(big.Float).SetFloat64(f)
	return x.Cmp(y)
}

// ordRefWords compares two references (or two resources) by their number
// words, most significant (the last) first, as #Ref<0.W3.W2.W1> reads.
func ordRefWords(e *Env, a, b Term) int {
	ai, bi := a.Index(), b.Index()
	na, nb := e.Header(a).HeaderArity(), e.Header(b).HeaderArity()
	for k := max(na, nb); k >= 1; k-- {
		var x, y uint64
		if k <= na {
			x = e.W[ai+uint64(k)]
		}
		if k <= nb {
			y = e.W[bi+uint64(k)]
		}
		if x != y {
			return ordUint(x, y)
		}
	}
	return 0
}

// ordFunHeads compares two closures by module, index, old uniq and
// number of captured variables (the captured variables come after).
func ordFunHeads(e *Env, a, b Term) int {
	if ma, mb := e.FunModule(a), e.FunModule(b); ma != mb {
		if c := strings.Compare(e.AtomName(ma), e.AtomName(mb)); c != 0 {
			return c
		}
	}
	if c := ordInt(int64(e.FunIndex(a)), int64(e.FunIndex(b))); c != 0 {
		return c
	}
	if c := ordInt(int64(int32(e.FunUniq(a))), int64(int32(e.FunUniq(b)))); c != 0 {
		return c
	}
	return ordSign(e.FunNumFree(a) - e.FunNumFree(b))
}

// ordExports compares two external funs by module, function and arity.
func ordExports(e *Env, a, b Term) int {
	ma, fa, aa := e.ExportMFA(a)
	mb, fb, ab := e.ExportMFA(b)
	if ma != mb {
		if c := strings.Compare(e.AtomName(ma), e.AtomName(mb)); c != 0 {
			return c
		}
	}
	if fa != fb {
		if c := strings.Compare(e.AtomName(fa), e.AtomName(fb)); c != 0 {
			return c
		}
	}
	return ordSign(aa - ab)
}

// ordBitstrings compares two bitstrings bit by bit, then by length.
func ordBitstrings(e *Env, a, b Term) int {
	ad, ao, as := e.Bits(a)
	bd, bo, bs := e.Bits(b)
	n := min(as, bs)
	nbytes := n / 8
	if ao%8 == 0 && bo%8 == 0 {
		x, y := ad[ao/8:ao/8+nbytes], bd[bo/8:bo/8+nbytes]
		if c := bytes.Compare(x, y); c != 0 {
			return c
		}
	} else {
		for k := uint64(0); k < nbytes; k++ {
			x, y := ordBitsAt(ad, ao+8*k, 8), ordBitsAt(bd, bo+8*k, 8)
			if x != y {
				return ordUint(uint64(x), uint64(y))
			}
		}
	}
	if rest := n % 8; rest > 0 {
		x, y := ordBitsAt(ad, ao+8*nbytes, rest), ordBitsAt(bd, bo+8*nbytes, rest)
		if x != y {
			return ordUint(uint64(x), uint64(y))
		}
	}
	return ordUint(as, bs)
}

// ordBitsAt returns the n (1..8) bits of d starting at bit offset off, as the
// low bits of a byte.
func ordBitsAt(d []byte, off uint64, n uint64) byte {
	i, s := off/8, off%8
	v := uint16(d[i]) << 8
	if s+n > 8 {
		v |= uint16(d[i+1])
	}
	return byte(v << s >> (16 - n))
}
