package vm

import (
	"math/big"
	"math/rand"
	"testing"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// testProcess returns a bare process of a fresh runtime, enough to run
// bit-syntax instructions on hand-made code.
func testProcess(t testing.TB) *Process {
	t.Helper()
	rt, err := New(Config{ArenaWords: 1 << 28})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rt.Close() })
	h, err := heap.New(rt.Arena, 0)
	if err != nil {
		t.Fatal(err)
	}
	p := &Process{rt: rt, Heap: h}
	new(regs).attach(p)
	return p
}

// createGen makes random bs_create_bin instructions whose segment values
// sit in x registers.
type createGen struct {
	r    *rand.Rand
	p    *Process
	lit  *heap.Heap // string literals
	nreg int
}

// reg puts v in the next free x register and returns its operand word.
func (g *createGen) reg(v term.Term) uint64 {
	g.nreg++
	g.p.x[g.nreg] = v
	return regRef(refX, uint64(g.nreg))
}

// bitstring returns a random bitstring: heap, refc or sub-binary, of any
// bit length and offset.
func (g *createGen) bitstring(bits uint64) term.Term {
	h := g.p.Heap
	nb := int(bits+7) / 8
	off := uint64(0)
	if g.r.Intn(3) == 0 {
		off = uint64(g.r.Intn(13))
	}
	data := make([]byte, nb+2)
	g.r.Read(data)
	bin := h.Binary(g.p.env().Bins, data)
	if off == 0 && bits%8 == 0 && g.r.Intn(2) == 0 {
		return h.Binary(g.p.env().Bins, data[:nb])
	}
	return h.SubBinary(bin, off, bits)
}

// integer returns a random integer value, sometimes not an integer.
func (g *createGen) integer() term.Term {
	h := g.p.Heap
	switch g.r.Intn(12) {
	case 0:
		return h.Big(new(big.Int).Lsh(big.NewInt(int64(g.r.Intn(1000)-500)), uint(60+g.r.Intn(80))))
	case 1:
		return term.AtomAll
	case 2:
		return h.Float(1.5)
	case 3:
		return term.MakeSmall(term.MaxSmall - int64(g.r.Intn(3)))
	}
	return term.MakeSmall(g.r.Int63n(1<<40) - 1<<39)
}

// size returns a random size operand word (a literal or a register).
func (g *createGen) size(typical int) uint64 {
	var t term.Term
	switch g.r.Intn(14) {
	case 0:
		t = term.MakeSmall(-1)
	case 1:
		t = term.AtomUndefined
	case 2:
		t = g.p.Heap.Big(new(big.Int).Lsh(big.NewInt(1), 70))
	case 3:
		t = term.MakeSmall(int64(g.r.Intn(70)))
	default:
		t = term.MakeSmall(int64(typical))
	}
	if t.IsImmed() && g.r.Intn(2) == 0 {
		return uint64(t)
	}
	return g.reg(t)
}

// segment appends one random segment (number num) to code.
func (g *createGen) segment(code []uint64, num uint64, first bool) []uint64 {
	flags := uint64(0)
	if g.r.Intn(3) == 0 {
		flags |= bsFlagLittle
	}
	if g.r.Intn(3) == 0 {
		flags |= bsFlagSigned
	}
	kinds := []uint64{segInteger, segInteger, segInteger, segBinary, segBinary, segFloat, segString, segUTF8, segUTF16, segUTF32}
	if first {
		kinds = append(kinds, segAppend, segPrivateAppend, segAppend)
	}
	kind := kinds[g.r.Intn(len(kinds))]
	unit := uint64(1)
	switch kind {
	case segBinary, segAppend, segPrivateAppend:
		unit = []uint64{1, 8, 8, 3}[g.r.Intn(4)]
	case segInteger:
		unit = []uint64{1, 1, 8, 0}[g.r.Intn(4)]
	case segString:
		unit = 8
	}
	w := kind | flags<<8 | unit<<16 | num<<32
	switch kind {
	case segInteger:
		return append(code, w, g.reg(g.integer()), g.size([]int{8, 16, 32, 64, 1, 7, 12, 24}[g.r.Intn(8)]))
	case segFloat:
		var v term.Term
		switch g.r.Intn(5) {
		case 0:
			v = term.MakeSmall(int64(g.r.Intn(1000)))
		case 1:
			v = g.p.Heap.Big(new(big.Int).Lsh(big.NewInt(3), 100))
		case 2:
			v = term.AtomAll
		default:
			v = g.p.Heap.Float(g.r.NormFloat64() * 1e5)
		}
		return append(code, w, g.reg(v), g.size([]int{64, 32, 16}[g.r.Intn(3)]))
	case segString:
		n := g.r.Intn(6)
		s := make([]byte, n)
		g.r.Read(s)
		return append(code, w, uint64(g.lit.Binary(g.p.env().Bins, s)), uint64(term.MakeSmall(int64(n))))
	case segUTF8, segUTF16, segUTF32:
		cps := []int64{0x41, 0xE9, 0x20AC, 0x1F600, 0xD800, 0x110000, -1}
		return append(code, w, g.reg(term.MakeSmall(cps[g.r.Intn(len(cps))])), uint64(term.AtomUndefined))
	}
	// Binaries and appends.
	bits := uint64(g.r.Intn(90))
	if g.r.Intn(2) == 0 {
		bits &^= 7
	}
	var v term.Term
	switch {
	case g.r.Intn(12) == 0:
		v = term.MakeSmall(3)
	case (kind == segAppend || kind == segPrivateAppend) && g.r.Intn(2) == 0:
		v = g.writable(bits)
	default:
		v = g.bitstring(bits)
	}
	sz := uint64(term.AtomAll)
	if kind == segBinary && g.r.Intn(2) == 0 {
		sz = g.size(int(bits / unit))
	}
	return append(code, w, g.reg(v), sz)
}

// writable returns a view of a writable buffer holding bits random bits.
func (g *createGen) writable(bits uint64) term.Term {
	nb := (bits + 7) / 8
	buf := make([]byte, nb, nb+1+uint64(g.r.Intn(40)))
	g.r.Read(buf)
	if bits%8 != 0 {
		buf[nb-1] &^= 0xFF >> (bits % 8)
	}
	buf[:cap(buf)][nb] = byte(nb*8 - bits)
	return g.p.newWritable(buf, bits)
}

// instr returns a random bs_create_bin instruction (fail label 1, result
// in x0) and saves the registers it reads.
func (g *createGen) instr() []uint64 {
	g.nreg = 0
	n := 1 + g.r.Intn(5)
	code := []uint64{opBsCreateBin, 1, regRef(refX, 0), uint64(n)}
	for k := 0; k < n; k++ {
		code = g.segment(code, uint64(k+1), k == 0)
	}
	return code
}

// TestCreateBinFastMatchesSlow runs random bs_create_bin instructions
// through the fast path and through the segment-by-segment path: they must
// agree on failure and on the bits built.
func TestCreateBinFastMatchesSlow(t *testing.T) {
	p := testProcess(t)
	lit, _ := heap.New(p.rt.Arena, 0)
	g := &createGen{r: rand.New(rand.NewSource(7)), p: p, lit: lit}
	env := p.env()
	fastOK := 0
	for i := 0; i < 20000; i++ {
		code := g.instr()
		saved := *p.x
		// Each path runs on its own copy of any writable accumulator, so
		// that one path's in-place append cannot hide the other's.
		run := func(f func([]uint64, int) (int, bool)) (int, bool, term.Term) {
			*p.x = saved
			if k := code[4] & 0xFF; k == segAppend || k == segPrivateAppend {
				acc := p.get(code[5])
				if _, ob, ok := p.writableView(acc, mustBitSize(t, env, acc)); ok {
					buf := append(make([]byte, 0, cap(ob.Data)), ob.Data[:cap(ob.Data)]...)[:len(ob.Data)]
					_, _, n := env.Bits(acc)
					p.set(code[5], p.newWritable(buf, n))
				}
			}
			next, ok := f(code, 0)
			return next, ok, p.x[0]
		}
		nf, okf, rf := run(p.bsCreateBin)
		ns, oks, rs := run(p.bsCreateBinSlow)
		if nf != ns || okf != oks {
			t.Fatalf("case %d %v: fast (%d, %v), slow (%d, %v)", i, code, nf, okf, ns, oks)
		}
		if nf == 1 {
			continue // both failed
		}
		fastOK++
		if !term.ExactEqual(env, rf, rs) {
			t.Fatalf("case %d %v:\n fast %s\n slow %s", i, code, term.AppendW(nil, env, rf), term.AppendW(nil, env, rs))
		}
	}
	if fastOK < 2000 {
		t.Errorf("only %d of the cases succeeded", fastOK)
	}
}

func mustBitSize(t *testing.T, env *term.Env, v term.Term) uint64 {
	n, _ := bitSize(env, v)
	return n
}

// TestAppendInPlaceKeepsOldViews appends to the same accumulator from many
// views and checks that every view keeps its bits and that failed appends
// leave the buffer usable.
func TestAppendInPlaceKeepsOldViews(t *testing.T) {
	p := testProcess(t)
	env := p.env()
	r := rand.New(rand.NewSource(3))
	acc := p.newWritable(make([]byte, 0, 300), 0)
	var views []term.Term
	var want [][]byte // each view's bits, as a bitstring image
	image := func(v term.Term) []byte {
		d, off, n := env.Bits(v)
		out := make([]byte, (n+7)/8+1)
		copyBits(out, 0, d, off, n)
		return append(out, byte(n%8))
	}
	for i := 0; i < 400; i++ {
		bits := uint64(1 + r.Intn(20))
		val := term.MakeSmall(int64(r.Intn(1 << 20)))
		if r.Intn(10) == 0 {
			val = term.AtomAll // fails: the buffer must be put back
		}
		// A valid segment, then one that may fail after it was written.
		p.x[1], p.x[2], p.x[3] = acc, term.MakeSmall(r.Int63n(1<<40)), val
		code := []uint64{opBsCreateBin, 1, regRef(refX, 0), 3,
			segAppend | 1<<16 | 1<<32, regRef(refX, 1), uint64(term.AtomAll),
			segInteger | 1<<16 | 2<<32, regRef(refX, 2), uint64(term.MakeSmall(int64(1 + r.Intn(40)))),
			segInteger | 1<<16 | 3<<32, regRef(refX, 3), uint64(term.MakeSmall(int64(bits)))}
		var before []byte
		_, ob, writable := p.writableView(acc, mustBitSize(t, env, acc))
		if writable {
			before = append([]byte(nil), ob.Data[:cap(ob.Data)]...)
		}
		next, ok := p.bsCreateBin(code, 0)
		if !ok {
			t.Fatal("raised with a failure label")
		}
		if next == 1 {
			if val != term.AtomAll {
				t.Fatalf("append %d failed", i)
			}
			if writable && string(before) != string(ob.Data[:cap(ob.Data)]) {
				t.Fatalf("append %d: a failed append changed the buffer", i)
			}
			continue
		}
		res := p.x[0]
		if d, off, n := env.Bits(res); off == 0 && n%8 != 0 && d[n/8]&(0xFF>>(n%8)) != 0 {
			t.Fatalf("append %d: the bits after the end are not zero", i)
		}
		views = append(views, res)
		want = append(want, image(res))
		// Sometimes go on from an older view: that must copy.
		acc = res
		if r.Intn(8) == 0 {
			acc = views[r.Intn(len(views))]
		}
	}
	for i, v := range views {
		if got := image(v); string(got) != string(want[i]) {
			t.Fatalf("view %d changed", i)
		}
	}
}

// TestChainedMatchInstructions runs a function head's match instructions
// in one call of bits and checks the values read, and that an instruction
// that could raise is left to the interpreter unless it comes first.
func TestChainedMatchInstructions(t *testing.T) {
	p := testProcess(t)
	env := p.env()
	r := rand.New(rand.NewSource(5))
	data := make([]byte, 100)
	r.Read(data)
	bin := p.Heap.Binary(env.Bins, data)
	for i := 0; i < 3000; i++ {
		off := uint64(r.Intn(40))
		ctx, ok := p.startMatch(p.Heap.SubBinary(bin, off, 800-off))
		if !ok {
			t.Fatal("startMatch failed")
		}
		p.x[0] = ctx
		x0 := regRef(refX, 0)
		code := []uint64{opBsGetPosition, x0, regRef(refX, 1), 2}
		type field struct {
			n, flags uint64
			reg      uint64
		}
		var fields []field
		for k := 0; k < 1+r.Intn(4); k++ {
			n := []uint64{8, 16, 32, 1, 3, 12, 64, 60, 59, 0}[r.Intn(10)]
			flags := uint64(0)
			if r.Intn(3) == 0 {
				flags |= bsFlagLittle
			}
			if r.Intn(3) == 0 {
				flags |= bsFlagSigned
			}
			f := field{n, flags, uint64(2 + k)}
			fields = append(fields, f)
			code = append(code, opBsGetInteger2, 999, x0, 3, uint64(term.MakeSmall(int64(n))), 1,
				flags|bsFlagStatic|n<<bsStaticShift, regRef(refX, f.reg))
		}
		code = append(code, opBsTestUnit, 999, x0, 8, opBsGetInteger2, 0, x0, 3, uint64(term.MakeSmall(8)), 1, 0, regRef(refX, 9))
		end := len(code) - 8
		next, ok := p.bits(code, 0)
		if !ok {
			t.Fatal("raised")
		}
		pos := off
		for _, f := range fields {
			want := p.Heap.Big(readBigInt(data, pos, f.n, f.flags))
			if !term.ExactEqual(env, p.x[f.reg], want) {
				t.Fatalf("field %d bits %d flags %x at %d: got %s, want %s", f.reg, f.n, f.flags, pos,
					term.AppendW(nil, env, p.x[f.reg]), term.AppendW(nil, env, want))
			}
			pos += f.n
		}
		switch {
		case (800-pos)%8 != 0:
			if next != 999 {
				t.Fatalf("bs_test_unit: next %d, want the failure label", next)
			}
		case next != end:
			t.Fatalf("next %d, want %d (the bs_get_integer2 without a failure label)", next, end)
		}
		if p.x[1] != term.MakeSmall(int64(off)) {
			t.Fatalf("position %s, want %d", term.AppendW(nil, env, p.x[1]), off)
		}
	}
}

// TestIntFieldSmallBoundaries checks the small/bignum boundary of extracted
// integers.
func TestIntFieldSmallBoundaries(t *testing.T) {
	p := testProcess(t)
	env := p.env()
	data := []byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}
	for n := uint64(0); n <= 72; n++ {
		for _, flags := range []uint64{0, bsFlagSigned, bsFlagLittle, bsFlagLittle | bsFlagSigned} {
			got := p.intField(data, 0, n, flags)
			want := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(n)), big.NewInt(1))
			if flags&bsFlagSigned != 0 && n > 0 {
				want = big.NewInt(-1)
			}
			if !term.ExactEqual(env, got, p.Heap.Big(want)) {
				t.Fatalf("n %d flags %x: got %s, want %s", n, flags, term.AppendW(nil, env, got), want)
			}
			if w := p.Heap.Big(want); w.IsSmall() != got.IsSmall() {
				t.Fatalf("n %d flags %x: small %v", n, flags, got.IsSmall())
			}
		}
	}
}

// BenchmarkBitsAppend runs `<<Acc/binary, I:16, J:8>>` on a writable
// buffer, the in-place path of bs_create_bin.
func BenchmarkBitsAppend(b *testing.B) {
	p := testProcess(b)
	code := []uint64{opBsCreateBin, 1, regRef(refX, 0), 3,
		segAppend | 8<<16 | 1<<32, regRef(refX, 0), uint64(term.AtomAll),
		segInteger | 1<<16 | 2<<32, regRef(refX, 1), uint64(term.MakeSmall(16)),
		segInteger | 1<<16 | 3<<32, regRef(refX, 2), uint64(term.MakeSmall(8))}
	p.x[1], p.x[2] = term.MakeSmall(1234), term.MakeSmall(56)
	for i := 0; i < b.N; i++ {
		if i%10000 == 0 {
			p.Heap.Free()
			p.Heap, _ = heap.New(p.rt.Arena, 0)
			p.x[0] = p.newWritable(make([]byte, 0, 40000), 0)
		}
		if _, ok := p.bsCreateBin(code, 0); !ok {
			b.Fatal("raised")
		}
	}
}

// BenchmarkBitsMatchHead runs a function head's match instructions
// (bs_start_match3, bs_get_position, two bs_get_integer2, bs_test_unit) as
// one call of bits, as `f(<<X:16, Y:8, Rest/binary>>)` compiles for OTP 25.
func BenchmarkBitsMatchHead(b *testing.B) {
	p := testProcess(b)
	data := make([]byte, 3000)
	x0 := regRef(refX, 0)
	code := []uint64{opBsStartMatch3, 99, x0, 2, x0,
		opBsGetPosition, x0, regRef(refX, 2), 2,
		opBsGetInteger2, 99, x0, 3, uint64(term.MakeSmall(16)), 1, bsFlagStatic | 16<<bsStaticShift, regRef(refX, 3),
		opBsGetInteger2, 99, x0, 4, uint64(term.MakeSmall(8)), 1, bsFlagStatic | 8<<bsStaticShift, regRef(refX, 4),
		opBsTestUnit, 99, x0, 8,
		opMoveXX}
	var ctx term.Term
	for i := 0; i < b.N; i++ {
		if i%1000 == 0 {
			ctx, _ = p.startMatch(p.Heap.Binary(p.env().Bins, data))
		}
		p.x[0] = ctx
		if next, ok := p.bits(code, 0); !ok || next != len(code)-1 {
			b.Fatal("did not run the head", next)
		}
	}
}
