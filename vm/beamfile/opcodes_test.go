package beamfile

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// The project's reference table, read off the compilers' beam_opcodes module.
// opcodesTSV is the shared reference table, which sits beside the checkout
// (shared/reference/opcodes.tsv next to the repository root).
const opcodesTSV = "../../../shared/reference/opcodes.tsv"

func TestOpcodeTableMatchesReference(t *testing.T) {
	fh, err := os.Open(opcodesTSV)
	if err != nil {
		t.Skip("reference table not available")
	}
	defer fh.Close()
	seen := 0
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			t.Fatalf("bad line %q", line)
		}
		num, _ := strconv.Atoi(f[0])
		arity, _ := strconv.Atoi(f[2])
		op := Opcode(num)
		if op.Name() != f[1] || op.Arity() != arity {
			t.Errorf("opcode %d: %s/%d, reference says %s/%d", num, op.Name(), op.Arity(), f[1], arity)
		}
		if got, ok := OpcodeByName(f[1]); !ok || got != op {
			t.Errorf("OpcodeByName(%q) = %d, %v", f[1], got, ok)
		}
		seen++
	}
	if seen != int(MaxOpcode) {
		t.Errorf("reference has %d opcodes, table %d", seen, MaxOpcode)
	}
}

func TestOpcodeBasics(t *testing.T) {
	cases := []struct {
		op    Opcode
		name  string
		arity int
	}{
		{OpLabel, "label", 1}, {OpMove, "move", 2}, {OpCallExt, "call_ext", 2},
		{OpSelectVal, "select_val", 3}, {OpBsCreateBin, "bs_create_bin", 6},
		{OpIntCodeEnd, "int_code_end", 0}, {OpGetRecordField, "get_record_field", 5},
	}
	for _, c := range cases {
		if c.op.Name() != c.name || c.op.Arity() != c.arity || !c.op.Known() {
			t.Errorf("%d: %s/%d", c.op, c.op.Name(), c.op.Arity())
		}
	}
	for _, op := range []Opcode{0, 192, 255} {
		if op.Known() || op.Arity() != -1 || op.Name() != "opcode_"+strconv.Itoa(int(op)) {
			t.Errorf("opcode %d: known %v, %s/%d", op, op.Known(), op.Name(), op.Arity())
		}
	}
}
