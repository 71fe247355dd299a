package beamfile

import "errors"

// codeHeaderMin is the size of the code header fields this package reads.
const codeHeaderMin = 16

// parseCodeHeader reads the Code chunk header (header size, instruction set,
// max opcode, label count, function count) and leaves r at the first
// instruction.
func (f *File) parseCodeHeader(r *reader) error {
	at := r.pos()
	hs, err := r.u32("code header size")
	if err != nil {
		return err
	}
	if hs < codeHeaderMin || uint64(hs) > uint64(r.remaining()) {
		return r.errAt(at, ErrCorrupt, "code header size %d (chunk has %d bytes left)", hs, r.remaining())
	}
	body := r.off + int(hs)
	h := &f.CodeHeader
	if h.InstructionSet, err = r.u32("instruction set"); err != nil {
		return err
	}
	if h.InstructionSet != 0 {
		return r.errAt(at+4, ErrCorrupt, "instruction set %d (expected 0)", h.InstructionSet)
	}
	if h.MaxOpcode, err = r.u32("max opcode"); err != nil {
		return err
	}
	at = r.pos()
	if h.LabelCount, err = r.u32("label count"); err != nil {
		return err
	}
	// Every label that is defined takes at least two bytes of code, so a
	// count far above the code size is corrupt; this keeps callers from
	// allocating per-label tables from a bogus header.
	code := len(r.b) - body
	if uint64(h.LabelCount) > uint64(code)+1 {
		return r.errAt(at, ErrCorrupt, "label count %d for %d bytes of code", h.LabelCount, code)
	}
	if h.FunctionCount, err = r.u32("function count"); err != nil {
		return err
	}
	if uint64(h.FunctionCount) > uint64(code) {
		return r.errAt(at+4, ErrCorrupt, "function count %d for %d bytes of code", h.FunctionCount, code)
	}
	r.off = body
	return nil
}

// argBlock is how many operands are allocated at a time; instructions take
// their Args from shared blocks to keep the allocation count low.
const argBlock = 4096

// parseCode decodes the instructions that follow the code header, up to and
// including int_code_end.
func (f *File) parseCode(r *reader) error {
	d := &argDecoder{
		atoms:    len(f.Atoms),
		labels:   int64(f.CodeHeader.LabelCount),
		literals: len(f.Literals),
		types:    -1,
	}
	if f.Types != nil && f.Types.Entries != nil {
		d.types = len(f.Types.Entries)
	}
	// A rough guess of the instruction count (about 3.5 bytes each) avoids
	// most re-allocations without trusting anything but the size.
	code := make([]Instr, 0, r.remaining()/4+1)
	var pool []Arg
	fname, farity := "", -1
	fail := func(err error, op Opcode) error {
		var e *Error
		if errors.As(err, &e) {
			e.Function, e.Arity = fname, farity
			if e.Opcode == 0 {
				e.Opcode = op
			}
		}
		return err
	}
	for {
		at := r.pos()
		b, err := r.u8("opcode")
		if err != nil {
			return fail(r.errAt(at, ErrTruncated, "code ends without int_code_end"), 0)
		}
		op := Opcode(b)
		if !op.Known() || uint32(op) > f.CodeHeader.MaxOpcode {
			e := r.errAt(at, ErrUnknownOpcode, "opcode %d (this package knows 1..%d, the code header declares at most %d)",
				b, MaxOpcode, f.CodeHeader.MaxOpcode)
			e.Function, e.Arity = fname, farity
			return e
		}
		n := op.Arity()
		if len(pool) < n {
			pool = make([]Arg, argBlock)
		}
		args := pool[:n:n]
		pool = pool[n:]
		for i := range args {
			argAt := r.pos()
			if args[i], err = d.arg(r, false); err != nil {
				return fail(err, op)
			}
			if args[i].Kind == KindList && i != n-1 {
				return fail(r.errAt(argAt, ErrCorrupt, "extended list is operand %d of %d, not the last", i+1, n), op)
			}
		}
		switch op {
		case OpLabel:
			if args[0].Kind != KindU || args[0].Val == 0 || args[0].Val >= d.labels {
				return fail(r.errAt(at, ErrCorrupt, "label %s%d out of range (label count %d)", args[0].Kind, args[0].Val, d.labels), op)
			}
		case OpFuncInfo:
			if args[0].Kind != KindA || args[1].Kind != KindA || args[2].Kind != KindU ||
				args[0].Val == 0 || args[1].Val == 0 || args[2].Val > maxArity {
				return fail(r.errAt(at, ErrCorrupt, "func_info operands are not module, name, arity"), op)
			}
			fname, farity = funcInfoName(f.Atoms, args)
		}
		code = append(code, Instr{Op: op, Args: args})
		if op == OpIntCodeEnd {
			break
		}
	}
	f.Code = code
	return nil
}
