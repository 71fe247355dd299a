package vm

import (
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// The programs under testdata/bits are compiled by OTP 25 (X.beam) and
// OTP 27 (X.otp27.beam); X.etf holds term_to_binary(X:main()) as OTP 25's
// erl computed it (see gen.sh there).

// bitsTestNatives registers the few erlang BIFs the test programs call,
// unless the runtime already has them.
func bitsTestNatives(rt *Runtime) {
	arith := func(name string, op func(z, a, b *big.Int) *big.Int) {
		if _, ok := rt.Native(rt.Atom("erlang"), rt.Atom(name), 2); ok {
			return
		}
		rt.Register("erlang", name, 2, func(p *Process, args []term.Term) term.Term {
			env := p.Env()
			a, b := args[0], args[1]
			if a.IsSmall() && b.IsSmall() && name != "*" && name != "bsr" {
				x, y := a.Small(), b.Small()
				switch name {
				case "+":
					return p.Heap.Int(x + y)
				case "-":
					return p.Heap.Int(x - y)
				case "band":
					return term.MakeSmall(x & y)
				}
			}
			if !env.IsInteger(args[0]) || !env.IsInteger(args[1]) {
				return p.BadArith()
			}
			return p.Heap.Big(op(new(big.Int), env.BigInt(args[0]), env.BigInt(args[1])))
		})
	}
	arith("+", (*big.Int).Add)
	arith("-", (*big.Int).Sub)
	arith("*", (*big.Int).Mul)
	arith("band", (*big.Int).And)
	arith("bsr", func(z, a, b *big.Int) *big.Int { return z.Rsh(a, uint(b.Int64())) })
	unary := func(name string, f func(p *Process, t term.Term) term.Term) {
		if _, ok := rt.Native(rt.Atom("erlang"), rt.Atom(name), 1); ok {
			return
		}
		rt.Register("erlang", name, 1, func(p *Process, args []term.Term) term.Term { return f(p, args[0]) })
	}
	unary("bit_size", func(p *Process, t term.Term) term.Term {
		n, ok := bitSize(p.Env(), t)
		if !ok {
			return p.BadArg()
		}
		return term.MakeSmall(int64(n))
	})
	unary("byte_size", func(p *Process, t term.Term) term.Term {
		n, ok := bitSize(p.Env(), t)
		if !ok {
			return p.BadArg()
		}
		return term.MakeSmall(int64((n + 7) / 8))
	})
	unary("length", func(p *Process, t term.Term) term.Term {
		n := 0
		for ; t.IsList(); t = p.Env().Tl(t) {
			n++
		}
		return term.MakeSmall(int64(n))
	})
	unary("error", func(p *Process, t term.Term) term.Term { return p.Raise(term.AtomError, t) })
}

// runBitsProgram loads testdata/bits/<file> and returns the value of
// main(), with the runtime it lives in.
func runBitsProgram(t *testing.T, file string) (*Runtime, term.Term) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "bits", file))
	if err != nil {
		t.Fatal(err)
	}
	rt, err := New(Config{ArenaWords: 1 << 28})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rt.Close() })
	bitsTestNatives(rt)
	mod, err := rt.LoadBinary(data)
	if err != nil {
		t.Fatal(err)
	}
	res, err := rt.Apply(mod, rt.Atom("main"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Class != 0 {
		t.Fatalf("main/0 crashed: %s", clip(term.AppendW(nil, &rt.Env, res.ExitReason)))
	}
	return rt, res.Value
}

func clip(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + "..."
	}
	return string(b)
}

// listElems returns the elements of a proper list.
func listElems(env *term.Env, l term.Term) []term.Term {
	var out []term.Term
	for ; l.IsList(); l = env.Tl(l) {
		out = append(out, env.Hd(l))
	}
	return out
}

func TestBitSyntaxPrograms(t *testing.T) {
	for _, m := range []string{"bsm", "bsc", "bsa"} {
		for _, variant := range []string{"", ".otp27"} {
			t.Run(m+variant, func(t *testing.T) {
				rt, got := runBitsProgram(t, m+variant+".beam")
				env := &rt.Env
				etf, err := os.ReadFile(filepath.Join("testdata", "bits", m+".etf"))
				if err != nil {
					t.Fatal(err)
				}
				h, err := heap.New(rt.Arena, 0)
				if err != nil {
					t.Fatal(err)
				}
				want, _, err := term.DecodeExternal(env, h, rt, etf, term.DecodeOpts{})
				if err != nil {
					t.Fatal(err)
				}
				gs, ws := listElems(env, got), listElems(env, want)
				if len(gs) != len(ws) {
					t.Fatalf("got %d results, want %d", len(gs), len(ws))
				}
				for i := range ws {
					if !term.ExactEqual(env, gs[i], ws[i]) {
						diffBits(t, env, i, gs[i], ws[i])
					}
				}
			})
		}
	}
}

// diffBits reports the first differing elements of two results.
func diffBits(t *testing.T, env *term.Env, i int, got, want term.Term) {
	t.Helper()
	gs, ws := listElems(env, got), listElems(env, want)
	if len(gs) == len(ws) && len(gs) > 0 {
		for j := range ws {
			if !term.ExactEqual(env, gs[j], ws[j]) {
				diffBits(t, env, i*1000+j, gs[j], ws[j])
				return
			}
		}
	}
	t.Errorf("result %d:\n got  %s\n want %s", i, clip(term.AppendW(nil, env, got)), clip(term.AppendW(nil, env, want)))
}
