package stdlib

import (
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// The external term format (term_to_binary, binary_to_term,
// external_size) and the portable hashes (phash, phash2).

func registerErlangExternal(rt *vm.Runtime) {
	erlRegisterAll(rt, "erlang", []erlNative{
		{"term_to_binary", 1, func(p *vm.Process, a []term.Term) term.Term { return erlTermToBinary(p, a[0], term.Nil) }},
		{"term_to_binary", 2, func(p *vm.Process, a []term.Term) term.Term { return erlTermToBinary(p, a[0], a[1]) }},
		{"binary_to_term", 1, func(p *vm.Process, a []term.Term) term.Term { return erlBinaryToTerm(p, a[0], term.Nil) }},
		{"binary_to_term", 2, func(p *vm.Process, a []term.Term) term.Term { return erlBinaryToTerm(p, a[0], a[1]) }},
		{"external_size", 1, func(p *vm.Process, a []term.Term) term.Term { return erlExternalSize(p, a[0], term.Nil) }},
		{"external_size", 2, func(p *vm.Process, a []term.Term) term.Term { return erlExternalSize(p, a[0], a[1]) }},
		{"phash", 2, ePhash},
		{"phash2", 1, func(p *vm.Process, a []term.Term) term.Term {
			return term.MakeSmall(int64(term.Phash2(p.Env(), a[0])))
		}},
		{"phash2", 2, ePhash2},
	})
}

// erlFunSource tells the encoder what it needs about closures, from the
// runtime's fun table.
type erlFunSource struct{ rt *vm.Runtime }

// FunInfo returns the MD5 of the closure's module and its new index.
func (s erlFunSource) FunInfo(entry uint32) (md5 [16]byte, newIndex uint32) {
	fe := s.rt.FunEntryByID(entry)
	if fe == nil {
		return md5, 0
	}
	if m := fe.Loaded(); m != nil {
		md5 = m.MD5()
	}
	return md5, fe.Index
}

// erlResolver gives the decoder the runtime's export and fun tables, and
// tells safe decoding which exports exist.
type erlResolver struct{ rt *vm.Runtime }

// ExportIndex returns the runtime's export-table index of M:F/A.
func (r erlResolver) ExportIndex(m, f term.Term, arity int) uint32 {
	return r.rt.ExportIndex(m, f, arity)
}

// FunEntry returns the runtime's fun-table id of a closure.
func (r erlResolver) FunEntry(m term.Term, index, oldUniq uint32, arity int, md5 [16]byte) uint32 {
	return r.rt.FunEntry(m, index, oldUniq, arity, md5)
}

// LookupExport reports whether M:F/A has an export entry, and its index.
func (r erlResolver) LookupExport(m, f term.Term, arity int) (uint32, bool) {
	if _, ok := r.rt.LookupExport(m, f, arity); !ok {
		return 0, false
	}
	return r.rt.ExportIndex(m, f, arity), true
}

// erlEncodeOpts parses term_to_binary's options: compressed,
// {compressed, 0..9}, {minor_version, 0..2} and deterministic.
func erlEncodeOpts(p *vm.Process, opts term.Term) (term.EncodeOpts, bool) {
	env := p.Env()
	o := term.DefaultEncodeOpts()
	o.Funs = erlFunSource{p.Runtime()}
	o.Creator = p.Pid
	os, ok := erlListSlice(env, opts)
	if !ok {
		return o, false
	}
	for _, x := range os {
		switch {
		case x == term.AtomCompressed:
			o.Compressed = 6
		case x == term.AtomDeterministic:
			o.Deterministic = true
		case env.IsTuple(x) && env.TupleArity(x) == 2 && env.Elem(x, 1).IsSmall():
			v := env.Elem(x, 1).Small()
			switch env.Elem(x, 0) {
			case term.AtomCompressed:
				if v < 0 || v > 9 {
					return o, false
				}
				o.Compressed = int(v)
			case term.AtomMinorVersion:
				if v < 0 || v > 2 {
					return o, false
				}
				o.MinorVersion = int(v)
			default:
				return o, false
			}
		default:
			return o, false
		}
	}
	return o, true
}

func erlTermToBinary(p *vm.Process, t, opts term.Term) term.Term {
	o, ok := erlEncodeOpts(p, opts)
	if !ok {
		return p.BadArg()
	}
	b, err := term.EncodeExternal(p.Env(), t, o)
	if err != nil {
		return p.BadArg()
	}
	return erlOwnedBinary(p, b)
}

// erlBinaryToTerm decodes an external term; options safe and used.
func erlBinaryToTerm(p *vm.Process, b, opts term.Term) term.Term {
	env := p.Env()
	os, ok := erlListSlice(env, opts)
	var o term.DecodeOpts
	used := false
	for _, x := range os {
		switch x {
		case term.AtomSafe:
			o.Safe = true
		case term.AtomUsed:
			used = true
		default:
			ok = false
		}
	}
	if !ok {
		return p.ErrorCause(term.AtomBadarg, p.Atom("badopt"))
	}
	data, isBin := env.Bytes(b)
	if !isBin {
		return p.BadArg()
	}
	t, n, err := term.DecodeExternal(env, p.Heap, erlResolver{p.Runtime()}, data, o)
	if err != nil {
		return p.BadArg()
	}
	if used {
		return p.Heap.Tuple(t, term.MakeSmall(int64(n)))
	}
	return t
}

// erlExternalSize is external_size/1,2; the only option is {minor_version,
// 0 | 1}.
func erlExternalSize(p *vm.Process, t, opts term.Term) term.Term {
	env := p.Env()
	os, ok := erlListSlice(env, opts)
	if !ok {
		return p.BadArg()
	}
	o := term.DefaultEncodeOpts()
	for _, x := range os {
		if !env.IsTuple(x) || env.TupleArity(x) != 2 || env.Elem(x, 0) != term.AtomMinorVersion {
			return p.BadArg()
		}
		v := env.Elem(x, 1)
		if !v.IsSmall() || v.Small() < 0 || v.Small() > 1 {
			return p.BadArg()
		}
		o.MinorVersion = int(v.Small())
	}
	n, err := term.ExternalSize(env, t, o)
	if err != nil {
		return p.BadArg()
	}
	return p.Heap.Int(int64(n))
}

// erlHashRange returns a hash range argument 1..2^32 (2^32 as 0).
func erlHashRange(env *term.Env, t term.Term) (uint32, bool) {
	if t.IsSmall() {
		v := t.Small()
		if v < 1 || v > 1<<32 {
			return 0, false
		}
		return uint32(v), true // 1<<32 wraps to 0, which means 2^32
	}
	return 0, false
}

func ePhash(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	r, ok := erlHashRange(env, a[1])
	if !ok {
		return p.BadArg()
	}
	return p.Heap.Uint(term.Phash(env, a[0], r))
}

func ePhash2(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	r, ok := erlHashRange(env, a[1])
	if !ok {
		return p.BadArg()
	}
	return p.Heap.Uint(uint64(term.Phash2Range(env, a[0], r)))
}
