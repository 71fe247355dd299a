package term_test

// Expected bytes in this file were printed by OTP 25 (term_to_binary,
// binary_to_term, erlang:external_size run under erl -noshell), never
// written by hand.

import (
	"bytes"
	"errors"
	"hash/crc32"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

var etfArena *heap.Arena

func etfNewEnv(t testing.TB) (*term.Env, *heap.Heap) {
	t.Helper()
	if etfArena == nil {
		a, err := heap.NewArena(1 << 27)
		if err != nil {
			t.Fatal(err)
		}
		etfArena = a
	}
	h, err := heap.New(etfArena, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(h.Free)
	return &term.Env{W: etfArena.W, Atoms: term.NewAtomTable(), Bins: term.NewBinTable()}, h
}

// etfVM resolves exports and funs with small tables, like the VM would.
type etfVM struct {
	e       *term.Env
	exports map[[3]uint64]uint32
	known   map[[3]uint64]bool // exports LookupExport finds
	funs    []etfFunRec
}

type etfFunRec struct {
	m           term.Term
	index, uniq uint32
	arity       int
	md5         [16]byte
}

func newEtfVM(e *term.Env) *etfVM {
	return &etfVM{e: e, exports: map[[3]uint64]uint32{}, known: map[[3]uint64]bool{}}
}

func (v *etfVM) ExportIndex(m, f term.Term, arity int) uint32 {
	k := [3]uint64{uint64(m), uint64(f), uint64(arity)}
	if i, ok := v.exports[k]; ok {
		return i
	}
	i := uint32(len(v.exports) + 100)
	v.exports[k] = i
	return i
}

func (v *etfVM) LookupExport(m, f term.Term, arity int) (uint32, bool) {
	k := [3]uint64{uint64(m), uint64(f), uint64(arity)}
	if !v.known[k] {
		return 0, false
	}
	return v.ExportIndex(m, f, arity), true
}

func (v *etfVM) FunEntry(m term.Term, index, oldUniq uint32, arity int, md5 [16]byte) uint32 {
	for i, r := range v.funs {
		if r.m == m && r.index == index && r.uniq == oldUniq && r.md5 == md5 {
			return uint32(i)
		}
	}
	v.funs = append(v.funs, etfFunRec{m, index, oldUniq, arity, md5})
	return uint32(len(v.funs) - 1)
}

func (v *etfVM) FunInfo(entry uint32) ([16]byte, uint32) {
	if int(entry) >= len(v.funs) {
		return [16]byte{}, 0
	}
	return v.funs[entry].md5, v.funs[entry].index
}

// etfB builds test terms on a heap.
type etfB struct {
	e  *term.Env
	h  *heap.Heap
	vm *etfVM
}

func (b etfB) A(s string) term.Term                       { return b.e.Atom(s) }
func (b etfB) I(v int64) term.Term                        { return b.h.Int(v) }
func (b etfB) F(f float64) term.Term                      { return b.h.Float(f) }
func (b etfB) L(xs ...term.Term) term.Term                { return b.h.List(xs...) }
func (b etfB) S(s string) term.Term                       { return b.h.String(s) }
func (b etfB) T(xs ...term.Term) term.Term                { return b.h.Tuple(xs...) }
func (b etfB) B(bs ...byte) term.Term                     { return b.h.Binary(b.e.Bins, bs) }
func (b etfB) LT(tl term.Term, xs ...term.Term) term.Term { return b.h.ListTail(tl, xs...) }

func (b etfB) Big(s string) term.Term {
	z, ok := new(big.Int).SetString(s, 0)
	if !ok {
		panic(s)
	}
	return b.h.Big(z)
}

// Bits is a bitstring of n bits taken from data.
func (b etfB) Bits(n uint64, data ...byte) term.Term {
	return b.h.SubBinary(b.h.Binary(b.e.Bins, data), 0, n)
}

// M builds a map from key, value pairs given in key order.
func (b etfB) M(kvs ...term.Term) term.Term {
	n := len(kvs) / 2
	p := b.h.Alloc(2 + 2*n)
	b.e.W[p] = uint64(term.MakeHeader(term.SubMap, 1+2*n))
	b.e.W[p+1] = uint64(n)
	for i := 0; i < n; i++ {
		b.e.W[p+2+uint64(i)] = uint64(kvs[2*i])
		b.e.W[p+2+uint64(n+i)] = uint64(kvs[2*i+1])
	}
	return term.MakeBoxed(p)
}

func (b etfB) Pid(id, serial uint64) term.Term { return term.MakePid(serial<<15 | id) }

func (b etfB) Ref(n0, n1, n2 uint32) term.Term {
	p := b.h.Alloc(4)
	b.e.W[p] = uint64(term.MakeHeader(term.SubRef, 3))
	b.e.W[p+1], b.e.W[p+2], b.e.W[p+3] = uint64(n0), uint64(n1), uint64(n2)
	return term.MakeBoxed(p)
}

func (b etfB) Export(m, f string, arity int) term.Term {
	p := b.h.Alloc(term.ExportWords)
	ma, fa := b.A(m), b.A(f)
	b.e.W[p] = uint64(term.MakeHeader(term.SubExport, 4))
	b.e.W[p+1] = uint64(b.vm.ExportIndex(ma, fa, arity))
	b.e.W[p+2], b.e.W[p+3], b.e.W[p+4] = uint64(ma), uint64(fa), uint64(arity)
	return term.MakeBoxed(p)
}

func (b etfB) Fun(m string, index, uniq uint32, arity int, md5 [16]byte, free ...term.Term) term.Term {
	ma := b.A(m)
	entry := b.vm.FunEntry(ma, index, uniq, arity, md5)
	p := b.h.Alloc(term.FunHeaderWords + len(free))
	b.e.W[p] = uint64(term.MakeHeader(term.SubFun, 4+len(free)))
	b.e.W[p+1] = uint64(entry)
	b.e.W[p+2] = uint64(ma)
	b.e.W[p+3] = uint64(index)<<32 | uint64(len(free))<<8 | uint64(arity)
	b.e.W[p+4] = uint64(uniq)
	for i, f := range free {
		b.e.W[p+5+uint64(i)] = uint64(f)
	}
	return term.MakeBoxed(p)
}

// etfEqual reports whether a and b are the same term exactly (=:=, with an
// integer never etfEqual to a float), walking list tails in a loop.
func etfEqual(e *term.Env, a, b term.Term) bool {
	for {
		if a == b {
			return true
		}
		switch {
		case a.IsList() && b.IsList():
			if !etfEqual(e, e.Hd(a), e.Hd(b)) {
				return false
			}
			a, b = e.Tl(a), e.Tl(b)
			continue
		case a.IsBoxed() && b.IsBoxed():
		default:
			return false
		}
		switch {
		case e.IsBitstring(a) && e.IsBitstring(b):
			da, oa, sa := e.Bits(a)
			db, ob, sb := e.Bits(b)
			if sa != sb {
				return false
			}
			x := make([]byte, (sa+7)/8)
			y := make([]byte, (sb+7)/8)
			term.CopyBits(x, 0, da, oa, sa)
			term.CopyBits(y, 0, db, ob, sb)
			return bytes.Equal(x, y)
		case e.IsBig(a) && e.IsBig(b):
			return e.BigInt(a).Cmp(e.BigInt(b)) == 0
		}
		ha, hb := e.Header(a), e.Header(b)
		if ha != hb {
			return false
		}
		switch ha.HeaderSub() {
		case term.SubFloat:
			return e.Float(a) == e.Float(b)
		case term.SubTuple, term.SubMap, term.SubRef, term.SubExport, term.SubFun, term.SubNativeRecord:
			for i := 1; i <= ha.HeaderArity(); i++ {
				wa, wb := term.Term(e.Word(a, i)), term.Term(e.Word(b, i))
				switch {
				case ha.HeaderSub() == term.SubRef, ha.HeaderSub() == term.SubExport && i == 4,
					ha.HeaderSub() == term.SubFun && i <= 4, ha.HeaderSub() == term.SubMap && i == 1:
					if wa != wb {
						return false
					}
				case !etfEqual(e, wa, wb):
					return false
				}
			}
			return true
		}
		return false
	}
}

func etfEncode(t *testing.T, e *term.Env, x term.Term, opts term.EncodeOpts) []byte {
	t.Helper()
	got, err := term.EncodeExternal(e, x, opts)
	if err != nil {
		t.Fatalf("EncodeExternal: %v", err)
	}
	return got
}

var md5Etffun = [16]byte{92, 189, 166, 156, 145, 9, 3, 218, 44, 102, 184, 159, 125, 87, 200, 249}

type etfCase struct {
	name  string
	build func(b etfB) term.Term
	opts  []string // "v0", "v2", "compressed"
}

var etfCases = []etfCase{
	{"atom_a", func(b etfB) term.Term { return b.A("a") }, nil},
	{"atom_latin1", func(b etfB) term.Term { return b.A("héllo") }, nil},
	{"atom_unicode", func(b etfB) term.Term { return b.A("日本") }, nil},
	{"atom_empty", func(b etfB) term.Term { return b.A("") }, nil},
	{"atom_long_unicode", func(b etfB) term.Term { return b.A(strings.Repeat("日", 100)) }, nil},
	{"atom_255_latin1", func(b etfB) term.Term { return b.A(strings.Repeat("ÿ", 255)) }, nil},
	{"atom_a_v2", func(b etfB) term.Term { return b.A("a") }, []string{"v2"}},
	{"atom_latin1_v2", func(b etfB) term.Term { return b.A("héllo") }, []string{"v2"}},
	{"int_0", func(b etfB) term.Term { return b.I(0) }, nil},
	{"int_255", func(b etfB) term.Term { return b.I(255) }, nil},
	{"int_256", func(b etfB) term.Term { return b.I(256) }, nil},
	{"int_m1", func(b etfB) term.Term { return b.I(-1) }, nil},
	{"int_max32", func(b etfB) term.Term { return b.I(math.MaxInt32) }, nil},
	{"int_min32", func(b etfB) term.Term { return b.I(math.MinInt32) }, nil},
	{"int_2p31", func(b etfB) term.Term { return b.I(1 << 31) }, nil},
	{"int_m2p31m1", func(b etfB) term.Term { return b.I(-1<<31 - 1) }, nil},
	{"int_maxsmall", func(b etfB) term.Term { return b.I(term.MaxSmall) }, nil},
	{"int_minsmall", func(b etfB) term.Term { return b.I(term.MinSmall) }, nil},
	{"big_2p59", func(b etfB) term.Term { return b.Big("0x800000000000000") }, nil},
	{"big_m2p59m1", func(b etfB) term.Term { return b.Big("-0x800000000000001") }, nil},
	{"big_2p64", func(b etfB) term.Term { return b.Big("0x10000000000000000") }, nil},
	{"big_m2p64", func(b etfB) term.Term { return b.Big("-0x10000000000000000") }, nil},
	{"big_2p2039", func(b etfB) term.Term { return b.h.Big(new(big.Int).Lsh(big.NewInt(1), 2039)) }, nil},
	{"big_2p2040", func(b etfB) term.Term { return b.h.Big(new(big.Int).Lsh(big.NewInt(1), 2040)) }, nil},
	{"float_1_5", func(b etfB) term.Term { return b.F(1.5) }, nil},
	{"float_m0", func(b etfB) term.Term { return b.F(math.Copysign(0, -1)) }, nil},
	{"float_0", func(b etfB) term.Term { return b.F(0) }, nil},
	{"float_1e300", func(b etfB) term.Term { return b.F(1e300) }, nil},
	{"float_denorm", func(b etfB) term.Term { return b.F(5e-324) }, nil},
	{"float_pi", func(b etfB) term.Term { return b.F(math.Pi) }, nil},
	{"float_1_5_v0", func(b etfB) term.Term { return b.F(1.5) }, []string{"v0"}},
	{"float_m0_v0", func(b etfB) term.Term { return b.F(math.Copysign(0, -1)) }, []string{"v0"}},
	{"float_1e300_v0", func(b etfB) term.Term { return b.F(1e300) }, []string{"v0"}},
	{"float_denorm_v0", func(b etfB) term.Term { return b.F(5e-324) }, []string{"v0"}},
	{"float_pi_v0", func(b etfB) term.Term { return b.F(math.Pi) }, []string{"v0"}},
	{"nil", func(b etfB) term.Term { return term.Nil }, nil},
	{"string_abc", func(b etfB) term.Term { return b.S("abc") }, nil},
	{"improper", func(b etfB) term.Term { return b.LT(b.I(3), b.I(1), b.I(2)) }, nil},
	{"list_atoms", func(b etfB) term.Term { return b.L(b.A("a"), b.I(2), b.I(3)) }, nil},
	{"list_nil", func(b etfB) term.Term { return b.L(term.Nil) }, nil},
	{"list_256", func(b etfB) term.Term { return b.L(b.I(256)) }, nil},
	{"list_bin_tail", func(b etfB) term.Term { return b.LT(b.B(), b.I(1), b.I(2), b.I(3)) }, nil},
	{"list_neg", func(b etfB) term.Term { return b.L(b.I(-1)) }, nil},
	{"tuple_0", func(b etfB) term.Term { return b.T() }, nil},
	{"tuple_2", func(b etfB) term.Term { return b.T(b.A("a"), b.A("b")) }, nil},
	{"map_0", func(b etfB) term.Term { return b.M() }, nil},
	{"map_mixed", func(b etfB) term.Term {
		return b.M(b.I(1), b.A("x"), b.F(1), b.A("y"), b.A("a"), b.I(1), b.A("b"), b.I(2))
	}, nil},
	{"map_keys", func(b etfB) term.Term {
		return b.M(b.F(2.5), b.A("f"), b.T(b.I(1), b.I(2)), term.Nil, term.Nil, b.I(0),
			b.S("k"), b.A("v"), b.B('b'), b.I(1))
	}, nil},
	{"map_nested", func(b etfB) term.Term {
		return b.M(b.M(), b.I(1), b.M(b.A("a"), b.I(1)), b.M())
	}, nil},
	{"bin_0", func(b etfB) term.Term { return b.B() }, nil},
	{"bin_3", func(b etfB) term.Term { return b.B(1, 2, 3) }, nil},
	{"bits_3", func(b etfB) term.Term { return b.Bits(3, 0x3F) }, nil},
	{"bits_9", func(b etfB) term.Term { return b.Bits(9, 255, 0xFF) }, nil},
	{"bin_100", func(b etfB) term.Term {
		bs := make([]byte, 100)
		for i := range bs {
			bs[i] = byte(i + 1)
		}
		return b.B(bs...)
	}, nil},
	{"pid_0_5_3", func(b etfB) term.Term { return b.Pid(5, 3) }, nil},
	{"pid_0_0_0", func(b etfB) term.Term { return b.Pid(0, 0) }, nil},
	{"pid_v2", func(b etfB) term.Term { return b.Pid(5, 3) }, []string{"v2"}},
	{"port_5", func(b etfB) term.Term { return term.MakePort(5) }, nil},
	{"ref", func(b etfB) term.Term { return b.Ref(5, 6, 7) }, nil},
	{"ref_big", func(b etfB) term.Term { return b.Ref(262143, math.MaxUint32, math.MaxUint32) }, nil},
	{"export_abs", func(b etfB) term.Term { return b.Export("erlang", "abs", 1) }, nil},
	{"export_map", func(b etfB) term.Term { return b.Export("lists", "map", 2) }, nil},
	{"compound", func(b etfB) term.Term {
		return b.T(b.A("ok"), b.L(b.I(1), b.F(2.5), b.S("str"), b.B('b', 'i', 'n'), b.M(b.A("k"), b.A("v"))),
			b.A("é"), b.I(-5))
	}, nil},
	{"compressed_small", func(b etfB) term.Term { return b.A("a") }, []string{"compressed"}},
	{"fun_f0", func(b etfB) term.Term { return b.Fun("etffun", 0, 48622900, 0, md5Etffun) }, nil},
	{"fun_f1", func(b etfB) term.Term {
		return b.Fun("etffun", 1, 48622900, 1, md5Etffun, b.T(b.A("a"), b.I(7)))
	}, nil},
	{"fun_f2", func(b etfB) term.Term {
		return b.Fun("etffun", 2, 48622900, 3, md5Etffun, b.B('x'), b.L(b.F(1.5)))
	}, nil},
}

func etfCaseOpts(b etfB, flags []string) term.EncodeOpts {
	o := term.DefaultEncodeOpts()
	o.Funs = b.vm
	o.Creator = b.Pid(9, 0) // the process that made the funs in OTP
	for _, f := range flags {
		switch f {
		case "v0":
			o.MinorVersion = 0
		case "v2":
			o.MinorVersion = 2
		case "compressed":
			o.Compressed = 6
		}
	}
	return o
}

func TestEncodeMatchesOTP(t *testing.T) {
	e, h := etfNewEnv(t)
	b := etfB{e, h, newEtfVM(e)}
	for _, c := range etfCases {
		want, ok := etfOTPBytes[c.name]
		if !ok {
			t.Fatalf("%s: no OTP bytes", c.name)
		}
		got := etfEncode(t, e, c.build(b), etfCaseOpts(b, c.opts))
		if !bytes.Equal(got, want) {
			t.Errorf("%s:\n got %v\nwant %v", c.name, got, want)
		}
	}
}

func TestDecodeOTP(t *testing.T) {
	e, h := etfNewEnv(t)
	b := etfB{e, h, newEtfVM(e)}
	for _, c := range etfCases {
		data := etfOTPBytes[c.name]
		got, n, err := term.DecodeExternal(e, h, b.vm, data, term.DecodeOpts{})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if n != len(data) {
			t.Errorf("%s: used %d of %d bytes", c.name, n, len(data))
		}
		if want := c.build(b); !etfEqual(e, got, want) {
			t.Errorf("%s: decoded term differs from the built one", c.name)
		}
		if again := etfEncode(t, e, got, etfCaseOpts(b, c.opts)); !bytes.Equal(again, data) {
			t.Errorf("%s: re-encoded\n got %v\nwant %v", c.name, again, data)
		}
	}
}

// OTP's erlang:external_size is exact except for closures, where it counts
// the index and uniq as five bytes each.
func TestExternalSize(t *testing.T) {
	e, h := etfNewEnv(t)
	b := etfB{e, h, newEtfVM(e)}
	otpFunSize := map[string]int{"fun_f0": 79, "fun_f1": 87, "fun_f2": 100}
	for _, c := range etfCases {
		o := etfCaseOpts(b, c.opts)
		if o.MinorVersion == 2 {
			continue // external_size refuses minor_version 2
		}
		o.Compressed = 0
		want := len(etfOTPBytes[c.name])
		if n, ok := otpFunSize[c.name]; ok {
			want = n
		}
		got, err := term.ExternalSize(e, c.build(b), o)
		if err != nil || got != want {
			t.Errorf("%s: ExternalSize = %d, %v; want %d", c.name, got, err, want)
		}
	}
	if _, err := term.ExternalSize(e, b.A("a"), term.EncodeOpts{MinorVersion: 2}); err == nil {
		t.Errorf("ExternalSize accepted minor_version 2")
	}
}

// Long terms: OTP's size, first bytes and CRC-32 (erlang:crc32) of the
// encoding.
func TestEncodeLongTerms(t *testing.T) {
	e, h := etfNewEnv(t)
	b := etfB{e, h, newEtfVM(e)}
	dup := func(n int) term.Term {
		xs := make([]term.Term, n)
		for i := range xs {
			xs[i] = b.I(7)
		}
		return b.L(xs...)
	}
	seq := make([]term.Term, 256)
	for i := range seq {
		seq[i] = b.I(int64(i + 1))
	}
	cases := []struct {
		name   string
		x      term.Term
		size   int
		prefix []byte
		crc    uint32
	}{
		{"string_65535", dup(65535), 65539, []byte{131, 107, 255, 255, 7, 7, 7, 7}, 374053874},
		{"list_65536", dup(65536), 131079, []byte{131, 108, 0, 1, 0, 0, 97, 7}, 3629048879},
		{"tuple_256", b.T(seq...), 521, []byte{131, 105, 0, 0, 1, 0, 97, 1}, 1951271075},
	}
	for _, c := range cases {
		got := etfEncode(t, e, c.x, term.DefaultEncodeOpts())
		if len(got) != c.size || !bytes.HasPrefix(got, c.prefix) || crc32.ChecksumIEEE(got) != c.crc {
			t.Errorf("%s: size %d prefix %v crc %d; want %d %v %d", c.name, len(got), got[:8],
				crc32.ChecksumIEEE(got), c.size, c.prefix, c.crc)
		}
		if n, err := term.ExternalSize(e, c.x, term.DefaultEncodeOpts()); err != nil || n != c.size {
			t.Errorf("%s: ExternalSize = %d, %v", c.name, n, err)
		}
	}
}

// Unaligned sub-binaries are written like any binary.
func TestEncodeSubBinary(t *testing.T) {
	e, h := etfNewEnv(t)
	b := etfB{e, h, newEtfVM(e)}
	orig := b.B(0xAB, 0xCD, 0xEF)
	sub := h.SubBinary(orig, 4, 16)  // <<16#BC, 16#DE>>
	sub3 := h.SubBinary(orig, 3, 10) // <<2#0101111:7, ...>> 10 bits
	if got := etfEncode(t, e, sub, term.DefaultEncodeOpts()); !bytes.Equal(got, []byte{131, 109, 0, 0, 0, 2, 0xBC, 0xDE}) {
		t.Errorf("aligned-size sub-binary: %v", got)
	}
	// bits 3..12 of AB CD EF = 0101 1110 01 -> 0x5E, 0x40
	if got := etfEncode(t, e, sub3, term.DefaultEncodeOpts()); !bytes.Equal(got, []byte{131, 77, 0, 0, 0, 2, 2, 0x5E, 0x40}) {
		t.Errorf("unaligned bitstring: %v", got)
	}
}

func TestDecodeCompressedOTP(t *testing.T) {
	e, h := etfNewEnv(t)
	b := etfB{e, h, newEtfVM(e)}
	// term_to_binary({lists:duplicate(100,0), binary:copy(<<"hello world ">>, 50)}, [compressed])
	data := []byte{131, 80, 0, 0, 2, 198, 120, 156, 203, 96, 202, 102, 72, 97, 160, 3, 200, 101, 96, 96,
		138, 200, 72, 205, 201, 201, 87, 40, 207, 47, 202, 73, 81, 24, 101, 143, 178, 169, 197, 6,
		0, 189, 149, 226, 57}
	zeros := make([]term.Term, 100)
	for i := range zeros {
		zeros[i] = b.I(0)
	}
	want := b.T(b.L(zeros...), b.B([]byte(strings.Repeat("hello world ", 50))...))
	// Trailing bytes are ignored, and not counted as used (binary_to_term's used option).
	got, n, err := term.DecodeExternal(e, h, nil, append(append([]byte{}, data...), 1, 2, 3), term.DecodeOpts{})
	if err != nil || n != len(data) || !etfEqual(e, got, want) {
		t.Fatalf("decode compressed: n=%d err=%v etfEqual=%v", n, err, err == nil && etfEqual(e, got, want))
	}
	// term_to_binary(lists:duplicate(100,0), [{compressed,9}])
	data9 := []byte{131, 80, 0, 0, 0, 103, 120, 218, 203, 102, 72, 97, 160, 3, 0, 0, 82, 232, 0, 208}
	if got, _, err := term.DecodeExternal(e, h, nil, data9, term.DecodeOpts{}); err != nil || !etfEqual(e, got, b.L(zeros...)) {
		t.Fatalf("decode level 9: %v", err)
	}
	// Our compressed output decodes to the same term and is smaller.
	o := term.DefaultEncodeOpts()
	o.Compressed = 6
	enc := etfEncode(t, e, want, o)
	if enc[1] != 80 || len(enc) >= len(etfEncode(t, e, want, term.DefaultEncodeOpts())) {
		t.Fatalf("not compressed: %v", enc[:8])
	}
	back, n, err := term.DecodeExternal(e, h, nil, enc, term.DecodeOpts{})
	if err != nil || n != len(enc) || !etfEqual(e, back, want) {
		t.Fatalf("round trip compressed: n=%d err=%v", n, err)
	}
}

// Inputs OTP 25's binary_to_term accepts, with what it returned.
func TestDecodeAcceptedOddities(t *testing.T) {
	e, h := etfNewEnv(t)
	b := etfB{e, h, newEtfVM(e)}
	nonode := "\x00\x0dnonode@nohost"
	cases := []struct {
		name string
		data string
		want func() term.Term
		used int
	}{
		{"trailing byte", "\x83a\x01\x00", func() term.Term { return b.I(1) }, 3},
		{"empty bitstring", "\x83M\x00\x00\x00\x00\x00", func() term.Term { return b.B() }, 7},
		{"bitstring masks", "\x83M\x00\x00\x00\x01\x03\xff", func() term.Term { return b.Bits(3, 0xE0) }, 8},
		{"big leading zero", "\x83n\x02\x01\x05\x00", func() term.Term { return b.I(-5) }, 6},
		{"big empty", "\x83n\x00\x00", func() term.Term { return b.I(0) }, 4},
		{"big negative zero", "\x83n\x00\x01", func() term.Term { return b.I(0) }, 4},
		{"big sign 2", "\x83n\x01\x02\x05", func() term.Term { return b.I(-5) }, 5},
		{"string 0", "\x83k\x00\x00", func() term.Term { return term.Nil }, 4},
		{"list 0 is its tail", "\x83l\x00\x00\x00\x00a\x01", func() term.Term { return b.I(1) }, 8},
		{"large tuple 0", "\x83i\x00\x00\x00\x00", func() term.Term { return b.T() }, 6},
		{"atom ext empty", "\x83d\x00\x00", func() term.Term { return b.A("") }, 4},
		{"small atom ext", "\x83s\x00", func() term.Term { return b.A("") }, 3},
		{"utf8 emoji", "\x83w\x04\xf0\x9f\x98\x80", func() term.Term { return b.A("\U0001F600") }, 7},
		{"255 é", "\x83v\x01\xfe" + strings.Repeat("é", 255), func() term.Term { return b.A(strings.Repeat("é", 255)) }, 514},
		{"export arity 255", "\x83qd\x00\x06erlangd\x00\x03absa\xff", func() term.Term { return b.Export("erlang", "abs", 255) }, 19},
		{"export arity 256", "\x83qd\x00\x06erlangd\x00\x03absb\x00\x00\x01\x00", func() term.Term { return b.Export("erlang", "abs", 256) }, 22},
		{"denormal", "\x83F\x00\x00\x00\x00\x00\x00\x00\x01", func() term.Term { return b.F(5e-324) }, 10},
		{"float text", "\x83c1.5" + strings.Repeat("\x00", 28), func() term.Term { return b.F(1.5) }, 33},
		{"float text sign", "\x83c+1.5" + strings.Repeat("\x00", 27), func() term.Term { return b.F(1.5) }, 33},
		{"float text E", "\x83c1.5E3" + strings.Repeat("\x00", 26), func() term.Term { return b.F(1500) }, 33},
		{"float text e+", "\x83c1.5e+3" + strings.Repeat("\x00", 25), func() term.Term { return b.F(1500) }, 33},
		{"float text 01.5", "\x83c01.5" + strings.Repeat("\x00", 27), func() term.Term { return b.F(1.5) }, 33},
		{"float text underflow", "\x83c1.0e-400" + strings.Repeat("\x00", 23), func() term.Term { return b.F(0) }, 33},
		{"float text junk after nul", "\x83c1.5\x00junk" + strings.Repeat("\x00", 24), func() term.Term { return b.F(1.5) }, 33},
		{"float text -0.0", "\x83c-0.0" + strings.Repeat("\x00", 27), func() term.Term { return b.F(math.Copysign(0, -1)) }, 33},
		{"pid creation 7", "\x83Xd" + nonode + "\x00\x00\x00\x05\x00\x00\x00\x03\x00\x00\x00\x07", func() term.Term { return b.Pid(5, 3) }, 30},
		{"pid ext", "\x83gd" + nonode + "\x00\x00\x00\x05\x00\x00\x00\x03\x00", func() term.Term { return b.Pid(5, 3) }, 27},
		{"ref len 1", "\x83Z\x00\x01d" + nonode + "\x00\x00\x00\x00\x00\x00\x00\x05", func() term.Term { return b.Ref(5, 0, 0) }, 28},
		{"ref len 2", "\x83Z\x00\x02d" + nonode + "\x00\x00\x00\x00\x00\x00\x00\x05\x00\x00\x00\x06", func() term.Term { return b.Ref(5, 6, 0) }, 32},
		{"new reference", "\x83r\x00\x01d" + nonode + "\x00\x00\x00\x00\x05", func() term.Term { return b.Ref(5, 0, 0) }, 25},
		{"reference ext", "\x83ed" + nonode + "\x00\x00\x00\x05\x00", func() term.Term { return b.Ref(5, 0, 0) }, 23},
		{"port ext", "\x83fd" + nonode + "\x00\x00\x00\x05\x00", func() term.Term { return term.MakePort(5) }, 23},
		{"v4 port", "\x83xd" + nonode + "\x00\x00\x00\x00\x00\x00\x00\x05\x00\x00\x00\x00", func() term.Term { return term.MakePort(5) }, 30},
		{"port 2^28-1", "\x83fd" + nonode + "\x0f\xff\xff\xff\x00", func() term.Term { return term.MakePort(1<<28 - 1) }, 23},
	}
	for _, c := range cases {
		got, n, err := term.DecodeExternal(e, h, b.vm, []byte(c.data), term.DecodeOpts{})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if n != c.used || !etfEqual(e, got, c.want()) {
			t.Errorf("%s: used %d (want %d), etfEqual %v", c.name, n, c.used, etfEqual(e, got, c.want()))
		}
	}
}

// Inputs OTP 25's binary_to_term rejects with badarg.
func TestDecodeRejected(t *testing.T) {
	e, h := etfNewEnv(t)
	vm := newEtfVM(e)
	nonode := "\x00\x0dnonode@nohost"
	cases := []struct{ name, data string }{
		{"empty", ""},
		{"version only", "\x83"},
		{"wrong version", "\x82a\x01"},
		{"truncated", "\x83a"},
		{"atom cache ref", "\x83R\x00"},
		{"dist header", "\x83D\x00"},
		{"local ext", "\x83ya\x01"},
		{"old fun ext", "\x83u\x00\x00\x00\x00"},
		{"duplicate map keys", "\x83t\x00\x00\x00\x02a\x01a\x01a\x01a\x02"},
		{"0.0 and -0.0 keys", "\x83t\x00\x00\x00\x02F\x00\x00\x00\x00\x00\x00\x00\x00a\x01F\x80\x00\x00\x00\x00\x00\x00\x00a\x02"},
		{"infinity", "\x83F\x7f\xf0\x00\x00\x00\x00\x00\x00"},
		{"nan", "\x83F\x7f\xf8\x00\x00\x00\x00\x00\x00"},
		{"bitstring bits 0", "\x83M\x00\x00\x00\x01\x00\xff"},
		{"bitstring bits 9", "\x83M\x00\x00\x00\x01\x09\xff"},
		{"empty bitstring bits 3", "\x83M\x00\x00\x00\x00\x03"},
		{"bad utf8", "\x83v\x00\x02\xc3\x28"},
		{"surrogate", "\x83w\x03\xed\xa0\x80"},
		{"overlong", "\x83w\x02\xc0\x80"},
		{"atom 256 latin1", "\x83d\x01\x00" + strings.Repeat("a", 256)},
		{"atom 256 utf8", "\x83v\x01\x00" + strings.Repeat("a", 256)},
		{"export arity -1", "\x83qd\x00\x06erlangd\x00\x03absb\xff\xff\xff\xff"},
		{"export module not atom", "\x83qa\x01d\x00\x03absa\x01"},
		{"compressed size mismatch", "\x83P\x00\x00\x00\x03x\x9c\x4b\x64\x04\x00\x00\xcb\x00\x63"},
		{"compressed zero size", "\x83P\x00\x00\x00\x00x\x9c\x03\x00\x00\x00\x00\x01"},
		{"compressed nested", "\x83P\x00\x00\x00\x07x\x9c\x0b\x60\x60\x60\x62\x4a\x04\x00\x01\x40\x00\xb3"},
		{"float text no dot", "\x83c1" + strings.Repeat("\x00", 30)},
		{"float text exponent only", "\x83c1e5" + strings.Repeat("\x00", 28)},
		{"float text leading dot", "\x83c.5" + strings.Repeat("\x00", 29)},
		{"float text trailing dot", "\x83c1." + strings.Repeat("\x00", 29)},
		{"float text hex", "\x83c0x10" + strings.Repeat("\x00", 27)},
		{"float text space", "\x83c1.5 " + strings.Repeat("\x00", 27)},
		{"float text leading space", "\x83c  1.5e3" + strings.Repeat("\x00", 24)},
		{"float text junk", "\x83c1.5xyz" + strings.Repeat("\x00", 25)},
		{"float text inf", "\x83cinf" + strings.Repeat("\x00", 28)},
		{"float text nan", "\x83cnan" + strings.Repeat("\x00", 28)},
		{"float text overflow", "\x83c1.0e400" + strings.Repeat("\x00", 24)},
		{"float text bare e", "\x83c1.5e" + strings.Repeat("\x00", 27)},
		{"pid id 2^15", "\x83Xd" + nonode + "\x00\x00\x80\x00\x00\x00\x00\x00\x00\x00\x00\x00"},
		{"pid id 100000", "\x83Xd" + nonode + "\x00\x01\x86\xa0\x00\x00\x00\x00\x00\x00\x00\x00"},
		{"pid serial 100000", "\x83Xd" + nonode + "\x00\x00\x00\x05\x00\x01\x86\xa0\x00\x00\x00\x00"},
		{"ref len 0", "\x83Z\x00\x00d" + nonode + "\x00\x00\x00\x00"},
		{"ref len 4", "\x83Z\x00\x04d" + nonode + "\x00\x00\x00\x00" + strings.Repeat("\x00\x00\x00\x05", 4)},
		{"ref len 5", "\x83Z\x00\x05d" + nonode + "\x00\x00\x00\x00" + strings.Repeat("\x00\x00\x00\x05", 5)},
		{"ref len 6", "\x83Z\x00\x06d" + nonode + "\x00\x00\x00\x00" + strings.Repeat("\x00\x00\x00\x05", 6)},
		{"ref first number", "\x83Z\x00\x03d" + nonode + "\x00\x00\x00\x00\xff\xff\xff\xff\x00\x00\x00\x06\x00\x00\x00\x07"},
		{"port 2^29-1", "\x83fd" + nonode + "\x1f\xff\xff\xff\x00"},
		{"v4 port 2^40", "\x83xd" + nonode + "\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00"},
		{"port 2^32-1", "\x83Yd" + nonode + "\xff\xff\xff\xff\x00\x00\x00\x00"},
		{"big too large", "\x83o\x00\x40\x00\x00\x00" + strings.Repeat("\xff", 4194304)},
		{"tuple arity beyond input", "\x83i\xff\xff\xff\xffa\x01"},
		{"list length beyond input", "\x83l\xff\xff\xff\xffa\x01"},
		{"map size beyond input", "\x83t\x7f\xff\xff\xffa\x01a\x01"},
		{"binary beyond input", "\x83m\x00\x00\x00\x05\x01\x02"},
		{"string beyond input", "\x83k\x00\x05\x01\x02"},
		{"unknown tag", "\x83\x01"},
	}
	for _, c := range cases {
		if x, n, err := term.DecodeExternal(e, h, vm, []byte(c.data), term.DecodeOpts{}); err == nil {
			t.Errorf("%s: accepted (term %#x, %d bytes)", c.name, uint64(x), n)
		}
	}
}

func TestDecodeErrorKinds(t *testing.T) {
	e, h := etfNewEnv(t)
	vm := newEtfVM(e)
	check := func(name, data string, opts term.DecodeOpts, want error) {
		t.Helper()
		_, _, err := term.DecodeExternal(e, h, vm, []byte(data), opts)
		if !errors.Is(err, want) {
			t.Errorf("%s: error %v, want %v", name, err, want)
		}
	}
	check("truncated", "\x83h\x02a\x01", term.DecodeOpts{}, term.ErrBadExternal)
	check("remote pid", "\x83Xd\x00\x03a@b\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01", term.DecodeOpts{}, term.ErrRemote)
	check("remote ref", "\x83Z\x00\x01d\x00\x03a@b\x00\x00\x00\x01\x00\x00\x00\x05", term.DecodeOpts{}, term.ErrRemote)
	check("remote port", "\x83Yd\x00\x03a@b\x00\x00\x00\x01\x00\x00\x00\x05", term.DecodeOpts{}, term.ErrRemote)
	check("safe new atom", "\x83d\x00\x0cnot_an_atom1", term.DecodeOpts{Safe: true}, term.ErrUnsafe)
	check("safe new atom in tuple", "\x83h\x01w\x0cnot_an_atom2", term.DecodeOpts{Safe: true}, term.ErrUnsafe)
	check("safe unknown export", "\x83qd\x00\x06erlangd\x00\x03absa\x07", term.DecodeOpts{Safe: true}, term.ErrUnsafe)
}

func TestDecodeSafe(t *testing.T) {
	e, h := etfNewEnv(t)
	vm := newEtfVM(e)
	before := e.Atoms.Len()
	if _, _, err := term.DecodeExternal(e, h, vm, []byte("\x83d\x00\x03xyz"), term.DecodeOpts{Safe: true}); err == nil {
		t.Fatal("safe decoding created atom xyz")
	}
	if e.Atoms.Len() != before {
		t.Fatal("safe decoding grew the atom table")
	}
	if _, _, err := term.DecodeExternal(e, h, vm, []byte("\x83d\x00\x03xyz"), term.DecodeOpts{}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := term.DecodeExternal(e, h, vm, []byte("\x83d\x00\x03xyz"), term.DecodeOpts{Safe: true}); err != nil {
		t.Fatalf("safe decoding of an existing atom: %v", err)
	}
	vm.known[[3]uint64{uint64(e.Atom("erlang")), uint64(e.Atom("abs")), 1}] = true
	x, _, err := term.DecodeExternal(e, h, vm, etfOTPBytes["export_abs"], term.DecodeOpts{Safe: true})
	if err != nil || !e.IsFun(x) {
		t.Fatalf("safe decoding of an existing export: %v", err)
	}
}

// Deep nesting must not use Go recursion: a million nested lists and tuples.
func TestDecodeDeep(t *testing.T) {
	e, h := etfNewEnv(t)
	const depth = 1_000_000
	var buf bytes.Buffer
	buf.WriteByte(131)
	for i := 0; i < depth; i++ {
		buf.Write([]byte{108, 0, 0, 0, 1}) // [X]
		buf.Write([]byte{104, 1})          // {X}
	}
	buf.WriteByte(106)
	for i := 0; i < depth; i++ {
		buf.WriteByte(106) // tails
	}
	data := buf.Bytes()
	x, n, err := term.DecodeExternal(e, h, nil, data, term.DecodeOpts{})
	if err != nil || n != len(data) {
		t.Fatalf("deep decode: n=%d err=%v", n, err)
	}
	enc := etfEncode(t, e, x, term.DefaultEncodeOpts())
	if !bytes.Equal(enc, data) {
		t.Fatal("deep term re-encoded differently")
	}
	if sz, err := term.ExternalSize(e, x, term.DefaultEncodeOpts()); err != nil || sz != len(data) {
		t.Fatalf("ExternalSize = %d, %v", sz, err)
	}
	// A long list is decoded without growing anything per element but the heap.
	long := []byte{131, 108, 0, 15, 66, 64}
	for i := 0; i < depth; i++ {
		long = append(long, 97, byte(i))
	}
	long = append(long, 106)
	x, _, err = term.DecodeExternal(e, h, nil, long, term.DecodeOpts{})
	if err != nil {
		t.Fatal(err)
	}
	k := 0
	for ; x.IsList(); x = e.Tl(x) {
		if e.Hd(x) != term.MakeSmall(int64(byte(k))) {
			t.Fatalf("element %d is %#x", k, uint64(e.Hd(x)))
		}
		k++
	}
	if k != depth || x != term.Nil {
		t.Fatalf("long list has %d elements", k)
	}
}

// Nested headers that each announce everything that is left must not
// allocate quadratically: the input is rejected before that.
func TestDecodeAnnouncedSizesBounded(t *testing.T) {
	e, h := etfNewEnv(t)
	var buf bytes.Buffer
	buf.WriteByte(131)
	for i := 0; i < 20000; i++ {
		buf.Write([]byte{105, 0, 0, 0, 200}) // {X, ... 200 elements}
	}
	before := h.Size()
	if _, _, err := term.DecodeExternal(e, h, nil, buf.Bytes(), term.DecodeOpts{}); err == nil {
		t.Fatal("truncated nest accepted")
	}
	if grown := h.Size() - before; grown > 64*uint64(buf.Len()) {
		t.Fatalf("heap grew by %d words for %d bytes of input", grown, buf.Len())
	}
}

func TestFunRoundTrip(t *testing.T) {
	e, h := etfNewEnv(t)
	b := etfB{e, h, newEtfVM(e)}
	data := etfOTPBytes["fun_f2"]
	x, _, err := term.DecodeExternal(e, h, b.vm, data, term.DecodeOpts{})
	if err != nil {
		t.Fatal(err)
	}
	if e.FunArity(x) != 3 || e.FunNumFree(x) != 2 || e.FunIndex(x) != 2 || e.FunUniq(x) != 48622900 ||
		e.AtomName(e.FunModule(x)) != "etffun" {
		t.Fatalf("decoded closure fields: arity %d free %d index %d uniq %d", e.FunArity(x), e.FunNumFree(x),
			e.FunIndex(x), e.FunUniq(x))
	}
	r := b.vm.funs[e.FunEntry(x)]
	if r.md5 != md5Etffun || r.arity != 3 {
		t.Fatalf("resolver got %+v", r)
	}
	// Without a resolver closures cannot be decoded.
	if _, _, err := term.DecodeExternal(e, h, nil, data, term.DecodeOpts{}); err == nil {
		t.Fatal("closure decoded without a resolver")
	}
}

func TestEncodeOptions(t *testing.T) {
	e, _ := etfNewEnv(t)
	if _, err := term.EncodeExternal(e, term.Nil, term.EncodeOpts{MinorVersion: 3}); err == nil {
		t.Error("minor_version 3 accepted")
	}
	if _, err := term.EncodeExternal(e, term.Nil, term.EncodeOpts{Compressed: 10}); err == nil {
		t.Error("compression level 10 accepted")
	}
	// A match context has no external form.
	p := term.MakeHeader(term.SubMatch, 1)
	w := []uint64{0, uint64(p), 0}
	e2 := &term.Env{W: w, Atoms: e.Atoms, Bins: e.Bins}
	if _, err := term.EncodeExternal(e2, term.MakeBoxed(1), term.DefaultEncodeOpts()); !errors.Is(err, term.ErrNotEncodable) {
		t.Errorf("match context: %v", err)
	}
}

// etfOTPBytes maps a case name to what OTP 25 wrote for it.
var etfOTPBytes = map[string][]byte{
	"atom_a": {
		131, 100, 0, 1, 97,
	},
	"atom_latin1": {
		131, 100, 0, 5, 104, 233, 108, 108, 111,
	},
	"atom_unicode": {
		131, 119, 6, 230, 151, 165, 230, 156, 172,
	},
	"atom_empty": {
		131, 100, 0, 0,
	},
	"atom_long_unicode": {
		131, 118, 1, 44, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230,
		151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165,
		230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151,
		165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230,
		151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165,
		230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151,
		165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230,
		151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165,
		230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151,
		165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230,
		151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165,
		230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151,
		165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230,
		151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165,
		230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151, 165, 230, 151,
		165, 230, 151, 165,
	},
	"atom_255_latin1": {
		131, 100, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
		255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
		255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
		255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
		255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
		255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
		255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
		255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
		255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
		255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
		255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
		255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
		255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
	},
	"atom_a_v2": {
		131, 119, 1, 97,
	},
	"atom_latin1_v2": {
		131, 119, 6, 104, 195, 169, 108, 108, 111,
	},
	"int_0": {
		131, 97, 0,
	},
	"int_255": {
		131, 97, 255,
	},
	"int_256": {
		131, 98, 0, 0, 1, 0,
	},
	"int_m1": {
		131, 98, 255, 255, 255, 255,
	},
	"int_max32": {
		131, 98, 127, 255, 255, 255,
	},
	"int_min32": {
		131, 98, 128, 0, 0, 0,
	},
	"int_2p31": {
		131, 110, 4, 0, 0, 0, 0, 128,
	},
	"int_m2p31m1": {
		131, 110, 4, 1, 1, 0, 0, 128,
	},
	"int_maxsmall": {
		131, 110, 8, 0, 255, 255, 255, 255, 255, 255, 255, 7,
	},
	"int_minsmall": {
		131, 110, 8, 1, 0, 0, 0, 0, 0, 0, 0, 8,
	},
	"big_2p59": {
		131, 110, 8, 0, 0, 0, 0, 0, 0, 0, 0, 8,
	},
	"big_m2p59m1": {
		131, 110, 8, 1, 1, 0, 0, 0, 0, 0, 0, 8,
	},
	"big_2p64": {
		131, 110, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
	},
	"big_m2p64": {
		131, 110, 9, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1,
	},
	"big_2p2039": {
		131, 110, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128,
	},
	"big_2p2040": {
		131, 111, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 1,
	},
	"float_1_5": {
		131, 70, 63, 248, 0, 0, 0, 0, 0, 0,
	},
	"float_m0": {
		131, 70, 128, 0, 0, 0, 0, 0, 0, 0,
	},
	"float_0": {
		131, 70, 0, 0, 0, 0, 0, 0, 0, 0,
	},
	"float_1e300": {
		131, 70, 126, 55, 228, 60, 136, 0, 117, 156,
	},
	"float_denorm": {
		131, 70, 0, 0, 0, 0, 0, 0, 0, 1,
	},
	"float_pi": {
		131, 70, 64, 9, 33, 251, 84, 68, 45, 24,
	},
	"float_1_5_v0": {
		131, 99, 49, 46, 53, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48,
		48, 48, 48, 48, 101, 43, 48, 48, 0, 0, 0, 0, 0,
	},
	"float_m0_v0": {
		131, 99, 45, 48, 46, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48,
		48, 48, 48, 48, 48, 101, 43, 48, 48, 0, 0, 0, 0,
	},
	"float_1e300_v0": {
		131, 99, 49, 46, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48,
		53, 50, 53, 48, 101, 43, 51, 48, 48, 0, 0, 0, 0,
	},
	"float_denorm_v0": {
		131, 99, 52, 46, 57, 52, 48, 54, 53, 54, 52, 53, 56, 52, 49, 50, 52, 54, 53, 52,
		52, 49, 55, 55, 101, 45, 51, 50, 52, 0, 0, 0, 0,
	},
	"float_pi_v0": {
		131, 99, 51, 46, 49, 52, 49, 53, 57, 50, 54, 53, 51, 53, 56, 57, 55, 57, 51, 49,
		49, 54, 48, 48, 101, 43, 48, 48, 0, 0, 0, 0, 0,
	},
	"nil": {
		131, 106,
	},
	"string_abc": {
		131, 107, 0, 3, 97, 98, 99,
	},
	"improper": {
		131, 108, 0, 0, 0, 2, 97, 1, 97, 2, 97, 3,
	},
	"list_atoms": {
		131, 108, 0, 0, 0, 3, 100, 0, 1, 97, 97, 2, 97, 3, 106,
	},
	"list_nil": {
		131, 108, 0, 0, 0, 1, 106, 106,
	},
	"list_256": {
		131, 108, 0, 0, 0, 1, 98, 0, 0, 1, 0, 106,
	},
	"list_bin_tail": {
		131, 108, 0, 0, 0, 3, 97, 1, 97, 2, 97, 3, 109, 0, 0, 0, 0,
	},
	"list_neg": {
		131, 108, 0, 0, 0, 1, 98, 255, 255, 255, 255, 106,
	},
	"tuple_0": {
		131, 104, 0,
	},
	"tuple_2": {
		131, 104, 2, 100, 0, 1, 97, 100, 0, 1, 98,
	},
	"map_0": {
		131, 116, 0, 0, 0, 0,
	},
	"map_mixed": {
		131, 116, 0, 0, 0, 4, 97, 1, 100, 0, 1, 120, 70, 63, 240, 0, 0, 0, 0, 0,
		0, 100, 0, 1, 121, 100, 0, 1, 97, 97, 1, 100, 0, 1, 98, 97, 2,
	},
	"map_keys": {
		131, 116, 0, 0, 0, 5, 70, 64, 4, 0, 0, 0, 0, 0, 0, 100, 0, 1, 102, 104,
		2, 97, 1, 97, 2, 106, 106, 97, 0, 107, 0, 1, 107, 100, 0, 1, 118, 109, 0, 0,
		0, 1, 98, 97, 1,
	},
	"map_nested": {
		131, 116, 0, 0, 0, 2, 116, 0, 0, 0, 0, 97, 1, 116, 0, 0, 0, 1, 100, 0,
		1, 97, 97, 1, 116, 0, 0, 0, 0,
	},
	"bin_0": {
		131, 109, 0, 0, 0, 0,
	},
	"bin_3": {
		131, 109, 0, 0, 0, 3, 1, 2, 3,
	},
	"bits_3": {
		131, 77, 0, 0, 0, 1, 3, 32,
	},
	"bits_9": {
		131, 77, 0, 0, 0, 2, 1, 255, 128,
	},
	"bin_100": {
		131, 109, 0, 0, 0, 100, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
		15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34,
		35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54,
		55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74,
		75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94,
		95, 96, 97, 98, 99, 100,
	},
	"pid_0_5_3": {
		131, 88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0,
		0, 5, 0, 0, 0, 3, 0, 0, 0, 0,
	},
	"pid_0_0_0": {
		131, 88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	},
	"pid_v2": {
		131, 88, 119, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0,
		5, 0, 0, 0, 3, 0, 0, 0, 0,
	},
	"port_5": {
		131, 89, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0,
		0, 5, 0, 0, 0, 0,
	},
	"ref": {
		131, 90, 0, 3, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116,
		0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 6, 0, 0, 0, 7,
	},
	"ref_big": {
		131, 90, 0, 3, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116,
		0, 0, 0, 0, 0, 3, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
	},
	"export_abs": {
		131, 113, 100, 0, 6, 101, 114, 108, 97, 110, 103, 100, 0, 3, 97, 98, 115, 97, 1,
	},
	"export_map": {
		131, 113, 100, 0, 5, 108, 105, 115, 116, 115, 100, 0, 3, 109, 97, 112, 97, 2,
	},
	"compound": {
		131, 104, 4, 100, 0, 2, 111, 107, 108, 0, 0, 0, 5, 97, 1, 70, 64, 4, 0, 0,
		0, 0, 0, 0, 107, 0, 3, 115, 116, 114, 109, 0, 0, 0, 3, 98, 105, 110, 116, 0,
		0, 0, 1, 100, 0, 1, 107, 100, 0, 1, 118, 106, 100, 0, 1, 233, 98, 255, 255, 255,
		251,
	},
	"compressed_small": {
		131, 100, 0, 1, 97,
	},
	"fun_f0": {
		131, 112, 0, 0, 0, 74, 0, 92, 189, 166, 156, 145, 9, 3, 218, 44, 102, 184, 159, 125,
		87, 200, 249, 0, 0, 0, 0, 0, 0, 0, 0, 100, 0, 6, 101, 116, 102, 102, 117, 110,
		97, 0, 98, 2, 229, 237, 52, 88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111,
		104, 111, 115, 116, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0,
	},
	"fun_f1": {
		131, 112, 0, 0, 0, 82, 1, 92, 189, 166, 156, 145, 9, 3, 218, 44, 102, 184, 159, 125,
		87, 200, 249, 0, 0, 0, 1, 0, 0, 0, 1, 100, 0, 6, 101, 116, 102, 102, 117, 110,
		97, 1, 98, 2, 229, 237, 52, 88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111,
		104, 111, 115, 116, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 104, 2, 100, 0,
		1, 97, 97, 7,
	},
	"fun_f2": {
		131, 112, 0, 0, 0, 95, 3, 92, 189, 166, 156, 145, 9, 3, 218, 44, 102, 184, 159, 125,
		87, 200, 249, 0, 0, 0, 2, 0, 0, 0, 2, 100, 0, 6, 101, 116, 102, 102, 117, 110,
		97, 2, 98, 2, 229, 237, 52, 88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111,
		104, 111, 115, 116, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 109, 0, 0, 0,
		1, 120, 108, 0, 0, 0, 1, 70, 63, 248, 0, 0, 0, 0, 0, 0, 106,
	},
}
