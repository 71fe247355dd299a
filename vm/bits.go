package vm

import (
	"fmt"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm/beamfile"
)

// Bit syntax: matching (bitsyntax_match.go), construction
// (bitsyntax_build.go) and the bit-level helpers under them. Only the
// instructions OTP 25 and later compilers emit are supported; the older
// ones (bs_start_match2, bs_save2, bs_init2, bs_put_*, bs_append, ...) are
// rejected at load time.
//
// Loaded operand layouts (after the opcode word):
//
//	bs_start_match3/4   Fail Src Live Dst       (Fail 0: no_fail/resume)
//	bs_get_position     Ctx Dst Live
//	bs_set_position     Ctx Pos
//	bs_get_tail         Ctx Dst Live
//	bs_test_tail2       Fail Ctx Bits
//	bs_test_unit        Fail Ctx Unit
//	bs_get_integer2, bs_get_float2, bs_get_binary2
//	                    Fail Ctx Live Size Unit Flags Dst
//	bs_skip_bits2       Fail Ctx Size Unit Flags
//	bs_match_string     Fail Ctx Bits String    (String: a binary literal)
//	bs_get_utf8/16/32   Fail Ctx Live Flags Dst
//	bs_skip_utf8/16/32  Fail Ctx Live Flags
//	bs_match            Fail Ctx N Commands...  (see bsm* constants)
//	bs_create_bin       Fail Dst N Segments...  (see seg* constants)
//	bs_init_writable    (no operands: x0 is the size hint and the result)
//
// Flags words hold bsFlagLittle and bsFlagSigned, native already resolved;
// those of bs_get_*2 and bs_skip_bits2 also hold a literal size, in bits,
// folded in by the loader (bsFlagStatic).

// bits runs the bit-syntax instruction at pc and, while the instructions
// after it are match instructions that cannot raise an exception, those
// too: a function head's bs_start_match, bs_get_position, bs_get_*2 and
// bs_test_unit then cost one call from the interpreter instead of one each.
// It returns the pc of the next instruction to run, or false with the
// exception of the instruction at pc set.
//
// Only the first instruction may raise: an exception's stack frame names the
// pc the interpreter passed in, so an instruction that could raise (one with
// no failure label, bs_create_bin) is left to the interpreter when it is not
// the first. The match instructions without a failure label raise only for
// operands the compiler never produces (a register that holds no match
// context).
func (p *Process) bits(code []uint64, pc int) (int, bool) {
	env := p.env
	w := env.W
	// The bytes of the binary last read, kept across chained instructions.
	var orig term.Term
	var data []byte
	for steps := 0; ; steps++ {
		var ok bool
		// Every opcode has its own case (no lists) so that the switch
		// compiles to a jump table.
		switch code[pc] {
		case opBsGetInteger2: // Fail Ctx Live Size Unit Flags Dst
			if steps > 0 && code[pc+1] == 0 {
				return pc, true
			}
			t, f := p.get(code[pc+2]), code[pc+6]
			if !t.IsBoxed() || w[t.Index()] != ctxHeader || f&bsFlagStatic == 0 {
				pc, ok = p.bsGetInteger(code, pc)
				break
			}
			i := t.Index()
			pos, n := smallVal(w[i+2]), f>>bsStaticShift
			if n > smallVal(w[i+3])-pos {
				pc, ok = p.jumpFail(code[pc+1])
				break
			}
			if o := term.Term(w[i+1]); o != orig {
				orig, data = o, origBytes(env, o)
			}
			var v term.Term
			if pos&7 == 0 && f&(bsFlagLittle|bsFlagSigned) == 0 && (n == 8 || n == 16) {
				if n == 8 {
					v = term.MakeSmall(int64(data[pos>>3]))
				} else {
					b := data[pos>>3 : pos>>3+2]
					v = term.MakeSmall(int64(b[0])<<8 | int64(b[1]))
				}
			} else {
				v = p.intField(data, pos, n, f)
			}
			w[i+2] = smallWord(pos + n)
			p.set(code[pc+7], v)
			pc, ok = pc+8, true
		case opBsStartMatch3: // Fail Src Live Dst
			if steps > 0 && code[pc+1] == 0 {
				return pc, true
			}
			pc, ok = p.bsStartMatch(code, pc)
		case opBsGetPosition: // Ctx Dst Live
			t := p.get(code[pc+1])
			if !t.IsBoxed() || w[t.Index()] != ctxHeader {
				pc, ok = p.bsGetPosition(code, pc)
				break
			}
			p.set(code[pc+2], term.Term(w[t.Index()+2]))
			pc, ok = pc+4, true
		case opBsTestUnit: // Fail Ctx Unit
			if steps > 0 && code[pc+1] == 0 {
				return pc, true
			}
			t := p.get(code[pc+2])
			if !t.IsBoxed() || w[t.Index()] != ctxHeader || code[pc+3] != 8 {
				pc, ok = p.bsTestUnit(code, pc)
				break
			}
			i := t.Index()
			if (smallVal(w[i+3])-smallVal(w[i+2]))&7 != 0 {
				pc, ok = p.jumpFail(code[pc+1])
				break
			}
			pc, ok = pc+4, true
		case opBsTestTail2:
			if steps > 0 && code[pc+1] == 0 {
				return pc, true
			}
			pc, ok = p.bsTestTail(code, pc)
		case opBsMatch:
			if steps > 0 && code[pc+1] == 0 {
				return pc, true
			}
			pc, ok = p.bsMatch(code, pc)
		case opBsSetPosition:
			pc, ok = p.bsSetPosition(code, pc)
		case opBsGetTail:
			pc, ok = p.bsGetTail(code, pc)
		case opBsGetBinary2:
			if steps > 0 && code[pc+1] == 0 {
				return pc, true
			}
			pc, ok = p.bsGetBinary(code, pc)
		case opBsGetFloat2:
			if steps > 0 && code[pc+1] == 0 {
				return pc, true
			}
			pc, ok = p.bsGetFloat(code, pc)
		case opBsSkipBits2:
			if steps > 0 && code[pc+1] == 0 {
				return pc, true
			}
			pc, ok = p.bsSkipBits(code, pc)
		case opBsMatchString:
			if steps > 0 && code[pc+1] == 0 {
				return pc, true
			}
			pc, ok = p.bsMatchString(code, pc)
		case opBsGetUtf8:
			if steps > 0 && code[pc+1] == 0 {
				return pc, true
			}
			pc, ok = p.bsGetUTF(code, pc)
		case opBsGetUtf16:
			if steps > 0 && code[pc+1] == 0 {
				return pc, true
			}
			pc, ok = p.bsGetUTF(code, pc)
		case opBsGetUtf32:
			if steps > 0 && code[pc+1] == 0 {
				return pc, true
			}
			pc, ok = p.bsGetUTF(code, pc)
		case opBsSkipUtf8:
			if steps > 0 && code[pc+1] == 0 {
				return pc, true
			}
			pc, ok = p.bsGetUTF(code, pc)
		case opBsSkipUtf16:
			if steps > 0 && code[pc+1] == 0 {
				return pc, true
			}
			pc, ok = p.bsGetUTF(code, pc)
		case opBsSkipUtf32:
			if steps > 0 && code[pc+1] == 0 {
				return pc, true
			}
			pc, ok = p.bsGetUTF(code, pc)
		case opBsCreateBin:
			if steps > 0 {
				return pc, true
			}
			pc, ok = p.bsCreateBin(code, pc)
		case opBsInitWritable:
			if steps > 0 {
				return pc, true
			}
			pc, ok = p.bsInitWritable(pc)
		default:
			if steps > 0 {
				return pc, true
			}
			p.Raise(term.AtomError, p.Atom(fmt.Sprintf("beamr_unknown_opcode_%d", code[pc])))
			return 0, false
		}
		if !ok {
			return 0, false
		}
		if steps == maxBitsChain || pc >= len(code) {
			return pc, true
		}
	}
}

// maxBitsChain bounds the instructions one call of bits runs, so that
// malformed code whose failure labels loop cannot keep a process from
// yielding.
const maxBitsChain = 64

// bitSyntax emits a bit-syntax instruction, or fails for an opcode beamr
// does not run.
func (l *loader) bitSyntax(in beamfile.Instr) error {
	a := in.Args
	switch in.Op {
	case beamfile.OpBsStartMatch3: // Fail Bin Live Dst
		return l.bsOperands(a, "l s n d")
	case beamfile.OpBsStartMatch4: // Fail Live Src Dst
		l.code[len(l.code)-1] = opBsStartMatch3
		switch {
		case a[0].Kind == beamfile.KindF:
			l.label(a[0])
		case a[0].Kind == beamfile.KindA && (l.f.Atom(a[0].Val) == "no_fail" || l.f.Atom(a[0].Val) == "resume"):
			l.emit(0)
		default:
			return l.fail("bs_start_match4: bad failure operand %s", a[0].Kind)
		}
		return l.bsOperands([]beamfile.Arg{a[2], a[1], a[3]}, "s n d")
	case beamfile.OpBsGetPosition, beamfile.OpBsGetTail: // Ctx Dst Live
		return l.bsOperands(a, "s d n")
	case beamfile.OpBsSetPosition: // Ctx Pos
		return l.bsOperands(a, "s s")
	case beamfile.OpBsTestTail2, beamfile.OpBsTestUnit: // Fail Ctx N
		return l.bsOperands(a, "l s n")
	case beamfile.OpBsGetInteger2, beamfile.OpBsGetFloat2, beamfile.OpBsGetBinary2:
		if err := l.bsOperands(a, "l s n s n f d"); err != nil {
			return err
		}
		l.staticSize(len(l.code)-2, a[3], a[4])
		return nil
	case beamfile.OpBsSkipBits2: // Fail Ctx Size Unit Flags
		if err := l.bsOperands(a, "l s s n f"); err != nil {
			return err
		}
		l.staticSize(len(l.code)-1, a[2], a[3])
		return nil
	case beamfile.OpBsMatchString: // Fail Ctx Bits Offset
		if err := l.bsOperands(a[:3], "l s n"); err != nil {
			return err
		}
		return l.emitString(a[3], uint64(a[2].Val))
	case beamfile.OpBsGetUtf8, beamfile.OpBsGetUtf16, beamfile.OpBsGetUtf32: // Fail Ctx Live Flags Dst
		return l.bsOperands(a, "l s n f d")
	case beamfile.OpBsSkipUtf8, beamfile.OpBsSkipUtf16, beamfile.OpBsSkipUtf32: // Fail Ctx Live Flags
		return l.bsOperands(a, "l s n f")
	case beamfile.OpBsMatch:
		return l.bsMatch(a)
	case beamfile.OpBsCreateBin:
		return l.bsCreateBin(a)
	case beamfile.OpIsAnyNativeRecord, beamfile.OpIsNativeRecord, beamfile.OpGetRecordElements,
		beamfile.OpPutRecord, beamfile.OpIsRecordAccessible, beamfile.OpGetRecordField:
		return l.nativeRecord(in)
	}
	return l.fail("unsupported instruction %s", in.Op.Name())
}

// bsOperands emits operands by a pattern of space-separated letters:
// l label, s source, d destination register, n plain number, f flags.
func (l *loader) bsOperands(a []beamfile.Arg, pattern string) error {
	k := 0
	for i := 0; i < len(pattern); i += 2 {
		if k >= len(a) {
			return l.fail("bit syntax: missing operand")
		}
		arg := a[k]
		k++
		var err error
		switch pattern[i] {
		case 'l':
			if arg.Kind != beamfile.KindF {
				return l.fail("bit syntax: expected a label, got %s", arg.Kind)
			}
			l.label(arg)
		case 's':
			if arg.Kind == beamfile.KindFR || arg.Kind == beamfile.KindList || arg.Kind == beamfile.KindAlloc {
				return l.fail("bit syntax: unexpected %s operand", arg.Kind)
			}
			err = l.emitSrc(arg)
		case 'd':
			err = l.emitDst(arg)
		case 'n':
			var v uint64
			if v, err = l.number(arg); err == nil {
				l.emit(v)
			}
		case 'f':
			var v uint64
			if v, err = l.flags(arg); err == nil {
				l.emit(v)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// staticSize adds the field size in bits to the flags word at code[at]
// when the size operand is a literal (see bsFlagStatic).
func (l *loader) staticSize(at int, size, unit beamfile.Arg) {
	if size.Kind != beamfile.KindI || size.Big != nil || size.Val < 0 || size.Val > maxStaticBits ||
		unit.Kind != beamfile.KindU || unit.Val < 0 || unit.Val > 256 {
		return
	}
	l.code[at] |= bsFlagStatic | uint64(size.Val*unit.Val)<<bsStaticShift
}

// maxStaticBits bounds the literal sizes the loader folds into flags words.
const maxStaticBits = 1 << 40

// emitDst emits a destination register operand.
func (l *loader) emitDst(a beamfile.Arg) error {
	if a.Kind != beamfile.KindX && a.Kind != beamfile.KindY {
		return l.fail("bit syntax: expected a register, got %s", a.Kind)
	}
	return l.emitSrc(a)
}

// number returns a plain non-negative number operand.
func (l *loader) number(a beamfile.Arg) (uint64, error) {
	if (a.Kind == beamfile.KindU || a.Kind == beamfile.KindI) && a.Big == nil && a.Val >= 0 {
		return uint64(a.Val), nil
	}
	if a.Kind == beamfile.KindA && a.Val == 0 {
		return 0, nil // nil stands for "no value" (e.g. the Live of =:=)
	}
	return 0, l.fail("bit syntax: expected a number, got %s", a.Kind)
}

// flags decodes a segment flags operand: a number (bs_get_* instructions),
// [] or a literal list of atoms (bs_create_bin, bs_match).
func (l *loader) flags(a beamfile.Arg) (uint64, error) {
	switch a.Kind {
	case beamfile.KindU:
		return normFlags(uint64(a.Val)), nil
	case beamfile.KindA:
		if a.Val == 0 {
			return 0, nil
		}
	case beamfile.KindLit:
		env := &l.rt.Env
		t := l.m.literals[a.Val]
		var f uint64
		for t.IsList() {
			switch env.Hd(t) {
			case term.AtomLittle:
				f |= bsFlagLittle
			case term.AtomNative:
				f |= bsFlagNative
			case term.AtomSigned:
				f |= bsFlagSigned
			}
			t = env.Tl(t)
		}
		return normFlags(f), nil
	}
	return 0, l.fail("bit syntax: bad flags operand %s", a.Kind)
}

// emitString emits a binary literal holding the bits bits of the string
// table at the offset given by a.
func (l *loader) emitString(a beamfile.Arg, bits uint64) error {
	off, err := l.number(a)
	if err != nil {
		return err
	}
	n := (bits + 7) / 8
	s := l.m.strings
	if off > uint64(len(s)) || n > uint64(len(s))-off {
		return l.fail("bit syntax: string at %d of %d bytes is outside the string table", off, n)
	}
	l.emitTerm(uint64(l.m.lit.Binary(l.rt.Env.Bins, s[off:off+n])))
	return nil
}

// bsMatch loads bs_match Fail Ctx {list, Commands}.
func (l *loader) bsMatch(a []beamfile.Arg) error {
	if err := l.bsOperands(a[:2], "l s"); err != nil {
		return err
	}
	if a[2].Kind != beamfile.KindList {
		return l.fail("bs_match: expected a command list")
	}
	cmds := a[2].List
	at := len(l.code)
	l.emit(0) // number of command words, patched below
	for i := 0; i < len(cmds); {
		c := cmds[i]
		if c.Kind != beamfile.KindA {
			return l.fail("bs_match: expected a command name, got %s", c.Kind)
		}
		name := l.f.Atom(c.Val)
		width, ok := bsmWidth[name]
		if !ok {
			return l.fail("bs_match: unknown command %s", name)
		}
		if i+width > len(cmds) {
			return l.fail("bs_match: truncated %s command", name)
		}
		args := cmds[i+1 : i+width]
		i += width
		if err := l.bsmCommand(name, args); err != nil {
			return err
		}
	}
	l.code[at] = uint64(len(l.code) - at - 1)
	return nil
}

// bsmWidth is the number of list elements of each bs_match command,
// counting its name.
var bsmWidth = map[string]int{
	"ensure_at_least": 3, // Size Unit
	"ensure_exactly":  2, // Size
	"integer":         6, // Live Flags Size Unit Dst
	"binary":          6, // Live Flags Size Unit Dst
	"get_tail":        4, // Live Unit Dst
	"skip":            2, // Bits
	"=:=":             4, // Live Size Value
}

// bsmCommand emits one bs_match command.
func (l *loader) bsmCommand(name string, args []beamfile.Arg) error {
	var bad error
	num := func(i int) uint64 {
		v, err := l.number(args[i])
		if err != nil && bad == nil {
			bad = err
		}
		return v
	}
	switch name {
	case "ensure_at_least":
		l.emit(bsmEnsureAtLeast, num(0), num(1))
	case "ensure_exactly":
		l.emit(bsmEnsureExactly, num(0))
	case "integer", "binary":
		f, err := l.flags(args[1])
		if err != nil {
			return err
		}
		size, unit := num(2), num(3)
		if bad != nil {
			return bad
		}
		if unit != 0 && size > maxMatchBits/unit {
			return l.fail("bs_match: segment too large")
		}
		if name == "integer" {
			l.emit(bsmInteger, f, size*unit)
		} else {
			l.emit(bsmBinary, size*unit)
		}
		return l.emitDst(args[4])
	case "get_tail":
		l.emit(bsmGetTail)
		return l.emitDst(args[2])
	case "skip":
		l.emit(bsmSkip, num(0))
	case "=:=":
		size, val := num(1), args[2]
		if bad != nil {
			return bad
		}
		var x uint64
		switch {
		case val.Big != nil && val.Big.Sign() >= 0 && val.Big.BitLen() <= 64:
			x = val.Big.Uint64()
		case val.Big == nil && (val.Kind == beamfile.KindU || val.Kind == beamfile.KindI) && val.Val >= 0:
			x = uint64(val.Val)
		default:
			return l.fail("bs_match: bad =:= value")
		}
		if size > 64 || (size < 64 && x>>size != 0) {
			return l.fail("bs_match: =:= value wider than its %d bits", size)
		}
		l.emit(bsmEq, size, x)
	}
	return bad
}

// bsCreateBin loads bs_create_bin Fail Alloc Live Unit Dst {list, Segments}.
func (l *loader) bsCreateBin(a []beamfile.Arg) error {
	if err := l.bsOperands([]beamfile.Arg{a[0], a[4]}, "l d"); err != nil {
		return err
	}
	if a[5].Kind != beamfile.KindList || len(a[5].List)%6 != 0 {
		return l.fail("bs_create_bin: bad segment list")
	}
	segs := a[5].List
	l.emit(uint64(len(segs) / 6))
	for i := 0; i < len(segs); i += 6 {
		typ, seg, unit, flags, val, size := segs[i], segs[i+1], segs[i+2], segs[i+3], segs[i+4], segs[i+5]
		if typ.Kind != beamfile.KindA {
			return l.fail("bs_create_bin: expected a segment type, got %s", typ.Kind)
		}
		var kind uint64
		switch l.f.Atom(typ.Val) {
		case "integer":
			kind = segInteger
		case "float":
			kind = segFloat
		case "binary":
			kind = segBinary
		case "string":
			kind = segString
		case "append":
			kind = segAppend
		case "private_append":
			kind = segPrivateAppend
		case "utf8":
			kind = segUTF8
		case "utf16":
			kind = segUTF16
		case "utf32":
			kind = segUTF32
		default:
			return l.fail("bs_create_bin: unknown segment type %s", l.f.Atom(typ.Val))
		}
		if (kind == segAppend || kind == segPrivateAppend) && i != 0 {
			return l.fail("bs_create_bin: %s segment not first", l.f.Atom(typ.Val))
		}
		n, err := l.number(seg)
		if err != nil {
			return err
		}
		u, err := l.number(unit)
		if err != nil {
			return err
		}
		f, err := l.flags(flags)
		if err != nil {
			return err
		}
		if n >= 1<<32 || u > 0xFFFF {
			return l.fail("bs_create_bin: segment number or unit out of range")
		}
		l.emit(kind | f<<8 | u<<16 | n<<32)
		if kind == segString {
			cnt, err := l.number(size)
			if err != nil {
				return err
			}
			if u != 0 && cnt > maxBinBits/u {
				return l.fail("bs_create_bin: string too long")
			}
			if err := l.emitString(val, cnt*u); err != nil {
				return err
			}
			l.emit(uint64(term.MakeSmall(int64(cnt))))
			continue
		}
		if err := l.bsOperands([]beamfile.Arg{val, size}, "s s"); err != nil {
			return err
		}
	}
	return nil
}
