package vm

import (
	"math"
	"math/big"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm/beamfile"
)

// naiveBit returns bit i of data, numbered from the most significant bit.
func naiveBit(data []byte, i uint64) uint64 { return uint64(data[i/8]>>(7-i%8)) & 1 }

func TestReadWriteBits(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	data := make([]byte, 40)
	r.Read(data)
	for off := uint64(0); off < 80; off++ {
		for n := uint(0); n <= 64; n++ {
			var want uint64
			for i := uint64(0); i < uint64(n); i++ {
				want = want<<1 | naiveBit(data, off+i)
			}
			if got := readBits(data, off, n); got != want {
				t.Fatalf("readBits(off %d, n %d) = %x, want %x", off, n, got, want)
			}
			v := r.Uint64()
			buf := make([]byte, 40)
			r.Read(buf)
			orig := append([]byte(nil), buf...)
			writeBits(buf, off, v, n)
			for i := uint64(0); i < 320; i++ {
				wantBit := naiveBit(orig, i)
				if i >= off && i < off+uint64(n) {
					wantBit = v >> (uint64(n) - 1 - (i - off)) & 1
				}
				if naiveBit(buf, i) != wantBit {
					t.Fatalf("writeBits(off %d, n %d, %x): bit %d wrong", off, n, v, i)
				}
			}
		}
	}
}

func TestCopyBitsAndEqual(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	src := make([]byte, 64)
	r.Read(src)
	for i := 0; i < 2000; i++ {
		so, do := uint64(r.Intn(100)), uint64(r.Intn(100))
		n := uint64(r.Intn(400))
		dst := make([]byte, 64)
		r.Read(dst)
		orig := append([]byte(nil), dst...)
		copyBits(dst, do, src, so, n)
		for b := uint64(0); b < 512; b++ {
			want := naiveBit(orig, b)
			if b >= do && b < do+n {
				want = naiveBit(src, so+b-do)
			}
			if naiveBit(dst, b) != want {
				t.Fatalf("copyBits(do %d, so %d, n %d): bit %d wrong", do, so, n, b)
			}
		}
		if !bitsEqual(dst, do, src, so, n) {
			t.Fatalf("bitsEqual after copy (do %d, so %d, n %d) is false", do, so, n)
		}
		if n > 0 {
			k := do + uint64(r.Intn(int(n)))
			dst[k/8] ^= 0x80 >> (k % 8)
			if bitsEqual(dst, do, src, so, n) {
				t.Fatalf("bitsEqual ignores a flipped bit %d", k)
			}
		}
	}
}

func TestIntFieldsRoundTrip(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 3000; i++ {
		n := uint64(1 + r.Intn(200))
		off := uint64(r.Intn(16))
		flags := uint64(r.Intn(2))*bsFlagLittle | uint64(r.Intn(2))*bsFlagSigned
		z := new(big.Int).Rand(r, new(big.Int).Lsh(big.NewInt(1), uint(n)))
		if flags&bsFlagSigned != 0 {
			z.Sub(z, new(big.Int).Lsh(big.NewInt(1), uint(n-1)))
		}
		buf := make([]byte, 40)
		writeBigInt(buf, off, z, n, flags)
		if got := readBigInt(buf, off, n, flags); got.Cmp(z) != 0 {
			t.Fatalf("n %d flags %d: wrote %v, read %v", n, flags, z, got)
		}
		if n <= 64 {
			u := readUint(buf, off, uint(n), flags)
			b2 := make([]byte, 40)
			writeUint(b2, off, u, uint(n), flags)
			if readBigInt(b2, off, n, flags).Cmp(z) != 0 {
				t.Fatalf("n %d flags %d: readUint/writeUint disagree with the big path", n, flags)
			}
		}
	}
}

func TestFloat16(t *testing.T) {
	for h := 0; h < 1<<16; h++ {
		f := float16Value(uint16(h))
		if math.IsNaN(f) {
			continue
		}
		if got := float16Bits(f); got != uint16(h) {
			t.Fatalf("%#04x -> %v -> %#04x", h, f, got)
		}
	}
	// Values checked against OTP 25's <<V:16/float>>.
	for _, c := range []struct {
		v    float64
		want uint16
	}{{1.0e10, 0x7C00}, {65504.0, 0x7BFF}, {65520.0, 0x7C00}, {65519.99, 0x7BFF}, {-1.0e10, 0xFC00},
		{1.0e-10, 0}, {math.Copysign(0, -1), 0x8000}, {6.0e-8, 1}, {3.0e-8, 1}, {1.0, 0x3C00}} {
		if got := float16Bits(c.v); got != c.want {
			t.Errorf("float16Bits(%v) = %#04x, want %#04x", c.v, got, c.want)
		}
	}
}

func TestDecodeUTF8(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	for i := 0; i < 20000; i++ {
		b := make([]byte, 1+r.Intn(4))
		r.Read(b)
		if r.Intn(2) == 0 {
			b = utf8.AppendRune(nil, rune(r.Intn(0x110000)))
		}
		c, n, ok := decodeUTF8(b, 0, uint64(len(b))*8)
		gr, gn := utf8.DecodeRune(b)
		gok := gr != utf8.RuneError || gn == 3 && string(b[:3]) == "\uFFFD"
		if ok != gok || ok && (c != int64(gr) || n != uint64(gn)*8) {
			t.Fatalf("% x: got %x/%d/%v, Go says %x/%d/%v", b, c, n, ok, gr, gn, gok)
		}
	}
}

// TestAppendIsLinear checks that appending in a loop extends a buffer in
// place: building 20000 bytes one at a time must not copy the accumulator
// each time (that would allocate about 200 MB).
func TestAppendIsLinear(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "bits", "bsa.beam"))
	if err != nil {
		t.Fatal(err)
	}
	rt, err := New(Config{ArenaWords: 1 << 28})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	bitsTestNatives(rt)
	mod, err := rt.LoadBinary(data)
	if err != nil {
		t.Fatal(err)
	}
	h, _ := heap.New(rt.Arena, 0)
	empty, _ := h.HeapBinary(0)
	for _, fn := range []string{"loop", "loopbits"} {
		var ms0, ms1 runtime.MemStats
		runtime.ReadMemStats(&ms0)
		res, err := rt.Apply(mod, rt.Atom(fn), []term.Term{empty, term.MakeSmall(0), term.MakeSmall(20000)})
		runtime.ReadMemStats(&ms1)
		if err != nil || res.Class != 0 {
			t.Fatalf("%s: %v %v", fn, err, res)
		}
		if alloc := ms1.TotalAlloc - ms0.TotalAlloc; alloc > 8<<20 {
			t.Errorf("%s: %d bytes allocated for 20000 appends", fn, alloc)
		}
	}
}

// TestBitSyntaxLoadMalformed replaces each operand of every bit-syntax
// instruction of the test programs by operands of other kinds: loading must
// fail cleanly or succeed, never panic.
func TestBitSyntaxLoadMalformed(t *testing.T) {
	rt, err := New(Config{ArenaWords: 1 << 28})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	weird := []beamfile.Arg{
		{Kind: beamfile.KindA, Val: 1, Type: -1},
		{Kind: beamfile.KindA, Val: 0, Type: -1},
		{Kind: beamfile.KindX, Val: 3, Type: -1},
		{Kind: beamfile.KindY, Val: 0, Type: -1},
		{Kind: beamfile.KindF, Val: 0, Type: -1},
		{Kind: beamfile.KindU, Val: 1 << 40, Type: -1},
		{Kind: beamfile.KindI, Val: -5, Type: -1},
		{Kind: beamfile.KindI, Big: new(big.Int).Lsh(big.NewInt(1), 70), Type: -1},
		{Kind: beamfile.KindFR, Val: 0, Type: -1},
		{Kind: beamfile.KindLit, Val: 0, Type: -1},
		{Kind: beamfile.KindList, Type: -1},
		{Kind: beamfile.KindList, List: []beamfile.Arg{{Kind: beamfile.KindA, Val: 1, Type: -1}}, Type: -1},
	}
	for _, name := range []string{"bsc.beam", "bsm.otp27.beam"} {
		data, err := os.ReadFile(filepath.Join("testdata", "bits", name))
		if err != nil {
			t.Fatal(err)
		}
		f, err := beamfile.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[beamfile.Opcode]int{}
		for i, in := range f.Code {
			if !strings.HasPrefix(in.Op.Name(), "bs_") || seen[in.Op] >= 2 {
				continue
			}
			seen[in.Op]++
			for j, orig := range in.Args {
				alts := weird
				if orig.Kind == beamfile.KindList {
					alts = nil
					for k := range orig.List {
						for _, w := range weird {
							if w.Kind == beamfile.KindList {
								continue
							}
							l := append([]beamfile.Arg(nil), orig.List...)
							l[k] = w
							alts = append(alts, beamfile.Arg{Kind: beamfile.KindList, List: l, Type: -1})
						}
					}
					alts = append(alts, beamfile.Arg{Kind: beamfile.KindList, List: orig.List[:len(orig.List)-1], Type: -1})
				}
				for _, w := range alts {
					f.Code[i].Args[j] = w
					func() {
						defer func() {
							if r := recover(); r != nil {
								t.Fatalf("%s: %s operand %d = %+v: panic %v", name, in.Op.Name(), j, w, r)
							}
						}()
						rt.prepare(f)
					}()
				}
				f.Code[i].Args[j] = orig
			}
		}
	}
}
