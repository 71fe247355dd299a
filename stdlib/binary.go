package stdlib

import (
	"bytes"
	"encoding/hex"
	"math/big"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// The binary module: every function is native. Sub-binaries that OTP
// returns are built as sub-binaries of the argument here too, so
// binary:referenced_byte_size/1 of a part reports the original's size.

// binArg returns the bytes of a binary argument.
func binArg(e *term.Env, t term.Term) ([]byte, bool) {
	if !e.IsBinary(t) {
		return nil, false
	}
	return e.Bytes(t)
}

// subBin returns the part [off, off+n) of binary t without copying.
func subBin(p *vm.Process, t term.Term, off, n int) term.Term {
	e := p.Env()
	_, _, size := e.Bits(t)
	if off == 0 && uint64(n)*8 == size {
		return t
	}
	if n <= term.MaxHeapBin {
		b, _ := e.Bytes(t)
		return newBinary(p, b[off:off+n])
	}
	orig, base := t, uint64(0)
	if e.BoxedSub(t) == term.SubSubBin {
		orig = term.Term(e.Word(t, 3))
		base = e.Word(t, 2)
	}
	return p.Heap.SubBinary(orig, base+uint64(off)*8, uint64(n)*8)
}

// patterns reads a binary:split/match pattern: a non-empty binary, a
// non-empty list of non-empty binaries, or a compiled pattern.
func patterns(e *term.Env, t term.Term) ([][]byte, bool) {
	if e.IsTuple(t) && e.TupleArity(t) == 2 && e.Elem(t, 0).IsAtom() {
		name := e.AtomName(e.Elem(t, 0))
		if name == "bm" || name == "ac" {
			return patterns(e, e.Elem(t, 1))
		}
		return nil, false
	}
	if b, ok := binArg(e, t); ok {
		if len(b) == 0 {
			return nil, false
		}
		return [][]byte{b}, true
	}
	elems, ok := listSlice(e, t)
	if !ok || len(elems) == 0 {
		return nil, false
	}
	var out [][]byte
	for _, el := range elems {
		b, ok := binArg(e, el)
		if !ok || len(b) == 0 {
			return nil, false
		}
		out = append(out, b)
	}
	return out, true
}

// findFirst returns the leftmost match of any pattern in b[from:to] (the
// longest one at that position).
func findFirst(b []byte, pats [][]byte, from, to int) (pos, n int, ok bool) {
	best, bestLen := -1, 0
	for _, pt := range pats {
		i := bytes.Index(b[from:to], pt)
		if i < 0 {
			continue
		}
		i += from
		if best < 0 || i < best || i == best && len(pt) > bestLen {
			best, bestLen = i, len(pt)
		}
	}
	return best, bestLen, best >= 0
}

// scopeOpts holds the options of split, match, matches and replace.
type scopeOpts struct {
	global, trim, trimAll bool
	start, end            int
	insert                []int
	hasInsert             bool
}

func readScopeOpts(p *vm.Process, t term.Term, size int, allowed string) (scopeOpts, bool) {
	e := p.Env()
	o := scopeOpts{end: size}
	opts, ok := listSlice(e, t)
	if !ok {
		return o, false
	}
	for _, opt := range opts {
		switch {
		case opt.IsAtom() && e.AtomName(opt) == "global" && allowed != "match":
			o.global = true
		case opt.IsAtom() && e.AtomName(opt) == "trim" && allowed == "split":
			o.trim = true
		case opt.IsAtom() && e.AtomName(opt) == "trim_all" && allowed == "split":
			o.trimAll = true
		case e.IsTuple(opt) && e.TupleArity(opt) == 2 && e.Elem(opt, 0).IsAtom():
			k, v := e.AtomName(e.Elem(opt, 0)), e.Elem(opt, 1)
			switch {
			case k == "scope":
				s, l, ok := posLen(e, v)
				if !ok {
					return o, false
				}
				if l < 0 {
					s, l = s+l, -l
				}
				if s < 0 || s+l > size {
					return o, false
				}
				o.start, o.end = s, s+l
			case k == "insert_replaced" && allowed == "replace":
				o.hasInsert = true
				if v.IsSmall() {
					o.insert = []int{int(v.Small())}
					continue
				}
				ps, ok := listSlice(e, v)
				if !ok {
					return o, false
				}
				for _, x := range ps {
					if !x.IsSmall() {
						return o, false
					}
					o.insert = append(o.insert, int(x.Small()))
				}
			default:
				return o, false
			}
		default:
			return o, false
		}
	}
	return o, true
}

// posLen reads a {Pos, Len} tuple.
func posLen(e *term.Env, t term.Term) (int, int, bool) {
	if !e.IsTuple(t) || e.TupleArity(t) != 2 || !e.Elem(t, 0).IsSmall() || !e.Elem(t, 1).IsSmall() {
		return 0, 0, false
	}
	s, l := e.Elem(t, 0).Small(), e.Elem(t, 1).Small()
	if s < -(1<<40) || s > 1<<40 || l < -(1<<40) || l > 1<<40 {
		return 0, 0, false
	}
	return int(s), int(l), true
}

// partRange checks Pos and Len against size as binary:part/3 does and
// returns the byte range.
func partRange(pos, n, size int) (int, int, bool) {
	if n < 0 {
		pos, n = pos+n, -n
	}
	if pos < 0 || pos > size || pos+n > size {
		return 0, 0, false
	}
	return pos, n, true
}

// allMatches returns the non-overlapping matches in scope.
func allMatches(b []byte, pats [][]byte, o scopeOpts) [][2]int {
	var out [][2]int
	i := o.start
	for i < o.end {
		pos, n, ok := findFirst(b, pats, i, o.end)
		if !ok {
			break
		}
		out = append(out, [2]int{pos, n})
		if !o.global {
			break
		}
		i = pos + n
	}
	return out
}

// iolistBytes flattens an iolist (bytes and binaries, possibly deep).
func iolistBytes(e *term.Env, t term.Term) ([]byte, bool) {
	return appendIolist(nil, e, t)
}

// appendIolist appends the bytes of an iolist to out.
func appendIolist(out []byte, e *term.Env, t term.Term) ([]byte, bool) {
	for t.IsList() {
		h := e.Hd(t)
		switch {
		case h.IsSmall():
			if h.Small() < 0 || h.Small() > 255 {
				return nil, false
			}
			out = append(out, byte(h.Small()))
		case h == term.Nil:
		case h.IsList():
			var ok bool
			if out, ok = appendIolist(out, e, h); !ok {
				return nil, false
			}
		default:
			b, ok := binArg(e, h)
			if !ok {
				return nil, false
			}
			out = append(out, b...)
		}
		t = e.Tl(t)
	}
	if t == term.Nil {
		return out, true
	}
	b, ok := binArg(e, t)
	if !ok {
		return nil, false
	}
	return append(out, b...), true
}

func registerBinary(rt *vm.Runtime) {
	reg := func(name string, arity int, f vm.NativeFunc) { rt.Register("binary", name, arity, f) }

	split := func(p *vm.Process, bt, pt, ot term.Term) term.Term {
		e := p.Env()
		b, ok := binArg(e, bt)
		pats, ok2 := patterns(e, pt)
		if !ok || !ok2 {
			return p.BadArg()
		}
		o, ok := readScopeOpts(p, ot, len(b), "split")
		if !ok {
			return p.BadArg()
		}
		var parts []term.Term
		last := 0
		for _, m := range allMatches(b, pats, o) {
			parts = append(parts, subBin(p, bt, last, m[0]-last))
			last = m[0] + m[1]
		}
		parts = append(parts, subBin(p, bt, last, len(b)-last))
		isEmpty := func(t term.Term) bool { _, _, s := e.Bits(t); return s == 0 }
		if o.trim || o.trimAll {
			for len(parts) > 0 && isEmpty(parts[len(parts)-1]) {
				parts = parts[:len(parts)-1]
			}
		}
		if o.trimAll {
			kept := parts[:0]
			for _, x := range parts {
				if !isEmpty(x) {
					kept = append(kept, x)
				}
			}
			parts = kept
		}
		return p.Heap.List(parts...)
	}
	reg("split", 2, func(p *vm.Process, args []term.Term) term.Term {
		return split(p, args[0], args[1], term.Nil)
	})
	reg("split", 3, func(p *vm.Process, args []term.Term) term.Term {
		return split(p, args[0], args[1], args[2])
	})
	matchFn := func(all bool) func(p *vm.Process, bt, pt, ot term.Term) term.Term {
		return func(p *vm.Process, bt, pt, ot term.Term) term.Term {
			e := p.Env()
			b, ok := binArg(e, bt)
			pats, ok2 := patterns(e, pt)
			if !ok || !ok2 {
				return p.BadArg()
			}
			o, ok := readScopeOpts(p, ot, len(b), "match")
			if !ok {
				return p.BadArg()
			}
			o.global = all
			ms := allMatches(b, pats, o)
			if !all {
				if len(ms) == 0 {
					return p.Atom("nomatch")
				}
				return p.Heap.Tuple(term.MakeSmall(int64(ms[0][0])), term.MakeSmall(int64(ms[0][1])))
			}
			out := make([]term.Term, len(ms))
			for i, m := range ms {
				out[i] = p.Heap.Tuple(term.MakeSmall(int64(m[0])), term.MakeSmall(int64(m[1])))
			}
			return p.Heap.List(out...)
		}
	}
	for _, v := range []struct {
		name string
		all  bool
	}{{"match", false}, {"matches", true}} {
		f := matchFn(v.all)
		reg(v.name, 2, func(p *vm.Process, args []term.Term) term.Term { return f(p, args[0], args[1], term.Nil) })
		reg(v.name, 3, func(p *vm.Process, args []term.Term) term.Term { return f(p, args[0], args[1], args[2]) })
	}
	replace := func(p *vm.Process, bt, pt, rt2, ot term.Term) term.Term {
		e := p.Env()
		b, ok := binArg(e, bt)
		pats, ok2 := patterns(e, pt)
		rep, ok3 := binArg(e, rt2)
		if !ok || !ok2 || !ok3 {
			return p.BadArg()
		}
		o, ok := readScopeOpts(p, ot, len(b), "replace")
		if !ok {
			return p.BadArg()
		}
		for _, ins := range o.insert {
			if ins < 0 || ins > len(rep) {
				return p.BadArg()
			}
		}
		var out []byte
		last := 0
		for _, m := range allMatches(b, pats, o) {
			out = append(out, b[last:m[0]]...)
			matched := b[m[0] : m[0]+m[1]]
			if o.hasInsert {
				prev := 0
				for _, ins := range o.insert {
					out = append(out, rep[prev:ins]...)
					out = append(out, matched...)
					prev = ins
				}
				out = append(out, rep[prev:]...)
			} else {
				out = append(out, rep...)
			}
			last = m[0] + m[1]
		}
		out = append(out, b[last:]...)
		return newBinary(p, out)
	}
	reg("replace", 3, func(p *vm.Process, args []term.Term) term.Term {
		return replace(p, args[0], args[1], args[2], term.Nil)
	})
	reg("replace", 4, func(p *vm.Process, args []term.Term) term.Term {
		return replace(p, args[0], args[1], args[2], args[3])
	})
	part := func(p *vm.Process, bt term.Term, pos, n int) term.Term {
		b, ok := binArg(p.Env(), bt)
		if !ok {
			return p.BadArg()
		}
		s, l, ok := partRange(pos, n, len(b))
		if !ok {
			return p.BadArg()
		}
		return subBin(p, bt, s, l)
	}
	reg("part", 2, func(p *vm.Process, args []term.Term) term.Term {
		s, l, ok := posLen(p.Env(), args[1])
		if !ok {
			return p.BadArg()
		}
		return part(p, args[0], s, l)
	})
	reg("part", 3, func(p *vm.Process, args []term.Term) term.Term {
		s, ok1 := smallArg(args[1])
		l, ok2 := smallArg(args[2])
		if !ok1 || !ok2 || s > 1<<40 || l > 1<<40 || l < -(1<<40) {
			return p.BadArg()
		}
		return part(p, args[0], int(s), int(l))
	})
	reg("copy", 1, func(p *vm.Process, args []term.Term) term.Term {
		b, ok := binArg(p.Env(), args[0])
		if !ok {
			return p.BadArg()
		}
		return newBinary(p, b)
	})
	reg("copy", 2, func(p *vm.Process, args []term.Term) term.Term {
		b, ok := binArg(p.Env(), args[0])
		n, ok2 := smallArg(args[1])
		if !ok || !ok2 || n < 0 {
			return p.BadArg()
		}
		if int64(len(b))*n > 1<<32 {
			return p.SystemLimit()
		}
		return newBinary(p, bytes.Repeat(b, int(n)))
	})
	reg("first", 1, func(p *vm.Process, args []term.Term) term.Term {
		b, ok := binArg(p.Env(), args[0])
		if !ok || len(b) == 0 {
			return p.BadArg()
		}
		return term.MakeSmall(int64(b[0]))
	})
	reg("last", 1, func(p *vm.Process, args []term.Term) term.Term {
		b, ok := binArg(p.Env(), args[0])
		if !ok || len(b) == 0 {
			return p.BadArg()
		}
		return term.MakeSmall(int64(b[len(b)-1]))
	})
	reg("at", 2, func(p *vm.Process, args []term.Term) term.Term {
		b, ok := binArg(p.Env(), args[0])
		i, ok2 := smallArg(args[1])
		if !ok || !ok2 || i < 0 || i >= int64(len(b)) {
			return p.BadArg()
		}
		return term.MakeSmall(int64(b[i]))
	})
	reg("list_to_bin", 1, func(p *vm.Process, args []term.Term) term.Term {
		if args[0] != term.Nil && !args[0].IsList() {
			return p.BadArg()
		}
		b, ok := iolistBytes(p.Env(), args[0])
		if !ok {
			return p.BadArg()
		}
		return newBinary(p, b)
	})
	binToList := func(p *vm.Process, bt term.Term, pos, n int, whole bool) term.Term {
		b, ok := binArg(p.Env(), bt)
		if !ok {
			return p.BadArg()
		}
		if whole {
			return bytesList(p.Heap, b)
		}
		s, l, ok := partRange(pos, n, len(b))
		if !ok {
			return p.BadArg()
		}
		return bytesList(p.Heap, b[s:s+l])
	}
	reg("bin_to_list", 1, func(p *vm.Process, args []term.Term) term.Term {
		return binToList(p, args[0], 0, 0, true)
	})
	reg("bin_to_list", 2, func(p *vm.Process, args []term.Term) term.Term {
		s, l, ok := posLen(p.Env(), args[1])
		if !ok {
			return p.BadArg()
		}
		return binToList(p, args[0], s, l, false)
	})
	reg("bin_to_list", 3, func(p *vm.Process, args []term.Term) term.Term {
		s, ok1 := smallArg(args[1])
		l, ok2 := smallArg(args[2])
		if !ok1 || !ok2 || s > 1<<40 || l > 1<<40 || l < -(1<<40) {
			return p.BadArg()
		}
		return binToList(p, args[0], int(s), int(l), false)
	})
	endian := func(p *vm.Process, t term.Term) (little bool, ok bool) {
		if !t.IsAtom() {
			return false, false
		}
		switch p.Env().AtomName(t) {
		case "big":
			return false, true
		case "little":
			return true, true
		}
		return false, false
	}
	decode := func(p *vm.Process, bt term.Term, little bool) term.Term {
		b, ok := binArg(p.Env(), bt)
		if !ok {
			return p.BadArg()
		}
		c := append([]byte(nil), b...)
		if little {
			for i, j := 0, len(c)-1; i < j; i, j = i+1, j-1 {
				c[i], c[j] = c[j], c[i]
			}
		}
		return p.Heap.Big(new(big.Int).SetBytes(c))
	}
	reg("decode_unsigned", 1, func(p *vm.Process, args []term.Term) term.Term {
		return decode(p, args[0], false)
	})
	reg("decode_unsigned", 2, func(p *vm.Process, args []term.Term) term.Term {
		little, ok := endian(p, args[1])
		if !ok {
			return p.BadArg()
		}
		return decode(p, args[0], little)
	})
	encode := func(p *vm.Process, it term.Term, little bool) term.Term {
		e := p.Env()
		if !e.IsInteger(it) {
			return p.BadArg()
		}
		z := e.BigInt(it)
		if z.Sign() < 0 {
			return p.BadArg()
		}
		c := z.Bytes()
		if len(c) == 0 {
			c = []byte{0}
		}
		if little {
			for i, j := 0, len(c)-1; i < j; i, j = i+1, j-1 {
				c[i], c[j] = c[j], c[i]
			}
		}
		return newBinary(p, c)
	}
	reg("encode_unsigned", 1, func(p *vm.Process, args []term.Term) term.Term {
		return encode(p, args[0], false)
	})
	reg("encode_unsigned", 2, func(p *vm.Process, args []term.Term) term.Term {
		little, ok := endian(p, args[1])
		if !ok {
			return p.BadArg()
		}
		return encode(p, args[0], little)
	})
	common := func(suffix bool) vm.NativeFunc {
		return func(p *vm.Process, args []term.Term) term.Term {
			e := p.Env()
			elems, ok := listSlice(e, args[0])
			if !ok || len(elems) == 0 {
				return p.BadArg()
			}
			var bs [][]byte
			for _, el := range elems {
				b, ok := binArg(e, el)
				if !ok {
					return p.BadArg()
				}
				bs = append(bs, b)
			}
			n := len(bs[0])
			for _, b := range bs[1:] {
				k := 0
				for k < n && k < len(b) {
					var x, y byte
					if suffix {
						x, y = bs[0][len(bs[0])-1-k], b[len(b)-1-k]
					} else {
						x, y = bs[0][k], b[k]
					}
					if x != y {
						break
					}
					k++
				}
				n = k
			}
			return term.MakeSmall(int64(n))
		}
	}
	reg("longest_common_prefix", 1, common(false))
	reg("longest_common_suffix", 1, common(true))
	reg("encode_hex", 1, func(p *vm.Process, args []term.Term) term.Term {
		b, ok := binArg(p.Env(), args[0])
		if !ok {
			return p.BadArg()
		}
		return newBinary(p, bytes.ToUpper([]byte(hex.EncodeToString(b))))
	})
	reg("decode_hex", 1, func(p *vm.Process, args []term.Term) term.Term {
		b, ok := binArg(p.Env(), args[0])
		if !ok || len(b)%2 != 0 {
			return p.BadArg()
		}
		out, err := hex.DecodeString(string(b))
		if err != nil {
			return p.BadArg()
		}
		return newBinary(p, out)
	})
	reg("referenced_byte_size", 1, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		t := args[0]
		if !e.IsBinary(t) {
			return p.BadArg()
		}
		// Heap binaries are never shared: a part of one counts only its
		// own bytes, as OTP copies such small parts.
		if e.BoxedSub(t) == term.SubSubBin {
			if orig := term.Term(e.Word(t, 3)); e.BoxedSub(orig) == term.SubRefcBin {
				t = orig
			}
		}
		_, _, size := e.Bits(t)
		return term.MakeSmall(int64(size / 8))
	})
	reg("compile_pattern", 1, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		pats, ok := patterns(e, args[0])
		if !ok || e.IsTuple(args[0]) {
			return p.BadArg()
		}
		kind := "bm"
		if len(pats) > 1 {
			kind = "ac"
		}
		return p.Heap.Tuple(p.Atom(kind), args[0])
	})
}
