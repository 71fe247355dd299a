package vm

import (
	"fmt"

	"github.com/beamr/beamr/vm/beamfile"
)

// bits runs a bit-syntax instruction at pc (see bitsyntax*.go). It returns
// the next pc, or false with the exception set.
func (p *Process) bits(code []uint64, pc int) (int, bool) {
	p.Raise(p.Atom("error"), p.Atom(fmt.Sprintf("beamr_unknown_opcode_%d", code[pc])))
	return 0, false
}

// bitSyntax emits a bit-syntax instruction, or fails for an opcode beamr
// does not run.
func (l *loader) bitSyntax(in beamfile.Instr) error {
	return l.fail("unsupported instruction %s", in.Op.Name())
}
