package vm

import (
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm/beamfile"
)

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
	var reads uint64
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
		switch name {
		case "integer", "binary", "=:=":
			reads = bsmReads
		}
	}
	if len(l.code)-at-1 >= bsmReads {
		return l.fail("bs_match: too many commands")
	}
	l.code[at] = uint64(len(l.code)-at-1) | reads
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
	live := uint64(a[2].Val)
	if a[2].Kind != beamfile.KindU || live >= MaxX {
		return l.fail("bs_create_bin: bad live count %d", a[2].Val)
	}
	l.emit(uint64(len(segs)/6) | live<<32)
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
