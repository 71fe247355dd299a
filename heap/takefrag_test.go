package heap

import (
	"math/big"
	"testing"

	"github.com/beamr/beamr/term"
)

// TestTakeFrag moves a message fragment into a heap: the result equals the
// original, every pointer of it lies in the words it took, and the
// fragment's block goes back to the arena. A fragment with a refc binary
// takes the copying path and keeps the binary's references balanced.
func TestTakeFrag(t *testing.T) {
	a, env := newEnv(t)
	src, _ := New(a, 0)
	dst, _ := New(a, 0)
	shared := src.Tuple(env.Atom("shared"), src.Float(2.5))
	orig := src.List(
		src.String("text"), shared, shared, src.Big(new(big.Int).Lsh(big.NewInt(3), 200)),
		src.Binary(env.Bins, []byte("small")), src.Tuple(), term.MakeSmall(-3), env.Atom("a"),
	)
	inUse := a.InUse()
	msg, f := CopyToFrag(a, env, orig)
	before := dst.Top
	got := dst.TakeFrag(env, &f, msg)
	if dst.Top-before != CopyWords(env.W, orig) {
		t.Fatalf("took %d words, want %d", dst.Top-before, CopyWords(env.W, orig))
	}
	if !term.ExactEqual(env, got, orig) {
		t.Fatalf("moved %s differs from %s", term.AppendW(nil, env, got), term.AppendW(nil, env, orig))
	}
	var walk func(t term.Term)
	walk = func(t term.Term) {
		if !isPointer(t) {
			return
		}
		if i := t.Index(); i < before || i >= dst.Top {
			t := term.AppendW(nil, env, t)
			panic("pointer out of the moved words: " + string(t))
		}
		if t.IsList() {
			walk(env.Hd(t))
			walk(env.Tl(t))
			return
		}
		if hdr := term.Term(env.W[t.Index()]); hdr.HeaderSub() == term.SubTuple {
			for i := 0; i < env.TupleArity(t); i++ {
				walk(env.Elem(t, i))
			}
		}
	}
	walk(got)
	if f.Size != 0 || a.InUse() != inUse {
		t.Fatalf("fragment not freed: %+v, arena in use %d, was %d", f, a.InUse(), inUse)
	}

	refc := src.Binary(env.Bins, make([]byte, 300))
	hd := uint32(env.W[refc.Index()+2])
	withRefc := src.Tuple(refc, src.SubBinary(refc, 8, 64))
	refs := env.Bins.Refs(hd)
	msg, f = CopyToFrag(a, env, withRefc)
	got = dst.TakeFrag(env, &f, msg)
	if !term.ExactEqual(env, got, withRefc) {
		t.Fatalf("moved %s differs from %s", term.AppendW(nil, env, got), term.AppendW(nil, env, withRefc))
	}
	// The copy holds two refc objects (the sub-binary keeps one of its own).
	if r := env.Bins.Refs(hd); r != refs+2 {
		t.Fatalf("refc binary has %d references after the move, want %d", r, refs+2)
	}
}

// TestCopyMessageInline sends small terms inside their Frag: they take no
// arena block, come back equal and lie in the words they took; a term too
// large or holding a refc binary travels in a block as CopyToFrag makes.
func TestCopyMessageInline(t *testing.T) {
	a, env := newEnv(t)
	src, _ := New(a, 0)
	dst, _ := New(a, 0)
	inline := []term.Term{
		src.Tuple(env.Atom("token"), term.MakeSmall(41)),
		src.Cons(term.MakeSmall(1), term.Nil),
		src.Float(2.5),
		src.Tuple(),
		src.Binary(env.Bins, []byte("ab")),
		src.Tuple(env.Atom("x")),
		src.Cons(env.Atom("a"), env.Atom("b")),
		src.Cons(src.Tuple(), term.Nil), // not flat: the head points
		src.Tuple(src.Tuple()),
	}
	for _, orig := range inline {
		inUse := a.InUse()
		msg, f := CopyMessage(a, env, orig)
		if !f.Inline() || a.InUse() != inUse {
			t.Fatalf("%s: not carried inline (%+v)", term.AppendW(nil, env, orig), f)
		}
		before := dst.Top
		got := dst.TakeFrag(env, &f, msg)
		if !term.ExactEqual(env, got, orig) {
			t.Fatalf("taken %s differs from %s", term.AppendW(nil, env, got), term.AppendW(nil, env, orig))
		}
		if dst.Top-before != CopyWords(env.W, orig) || (isPointer(got) && (got.Index() < before || got.Index() >= dst.Top)) {
			t.Fatalf("%s: took %d words at %d", term.AppendW(nil, env, orig), dst.Top-before, got.Index())
		}
		// Release of an inline Frag frees nothing.
		_, f = CopyMessage(a, env, orig)
		f.Release(a, env.Bins)
		if a.InUse() != inUse {
			t.Fatalf("release of an inline frag changed the arena")
		}
	}
	refc := src.Binary(env.Bins, make([]byte, 300))
	for _, orig := range []term.Term{
		src.Tuple(env.Atom("a"), env.Atom("b"), env.Atom("c")),
		src.List(term.MakeSmall(1), term.MakeSmall(2)),
		src.Tuple(src.Float(-1)),
		refc,
	} {
		msg, f := CopyMessage(a, env, orig)
		if f.Inline() || f.Size == 0 {
			t.Fatalf("%s: carried inline", term.AppendW(nil, env, orig))
		}
		if got := dst.TakeFrag(env, &f, msg); !term.ExactEqual(env, got, orig) {
			t.Fatalf("taken %s differs from %s", term.AppendW(nil, env, got), term.AppendW(nil, env, orig))
		}
	}
}
