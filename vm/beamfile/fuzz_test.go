package beamfile

import (
	"encoding/hex"
	"io"
	"testing"
)

func FuzzParse(f *testing.F) {
	for _, name := range []string{"features_otp25.beam", "features_otp27.beam", "features_otp27_linecov.beam", "features_otp29.beam", "ordsets.beam", "random.beam"} {
		f.Add(readTestdata(f, name))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse(data)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		checkInvariants(t, file)
		if err := file.Disasm(io.Discard); err != nil {
			t.Fatal(err)
		}
	})
}

// checkInvariants verifies what the package documents about a parsed File.
func checkInvariants(t *testing.T, f *File) {
	t.Helper()
	if len(f.Atoms) < 2 || f.Atoms[0] != "" || f.Module != f.Atoms[1] {
		t.Fatalf("atoms %q", f.Atoms)
	}
	if len(f.Code) == 0 || f.Code[len(f.Code)-1].Op != OpIntCodeEnd {
		t.Fatalf("code does not end with int_code_end")
	}
	var check func(a Arg, inList bool)
	check = func(a Arg, inList bool) {
		switch a.Kind {
		case KindA:
			if a.Val < 0 || a.Val >= int64(len(f.Atoms)) {
				t.Fatalf("atom %d", a.Val)
			}
		case KindF:
			if a.Val < 0 || a.Val >= int64(f.CodeHeader.LabelCount) {
				t.Fatalf("label %d", a.Val)
			}
		case KindLit:
			if a.Val < 0 || a.Val >= int64(len(f.Literals)) {
				t.Fatalf("literal %d", a.Val)
			}
		case KindX, KindY, KindFR:
			if a.Val < 0 || a.Val >= 1024 {
				t.Fatalf("register %d", a.Val)
			}
		case KindList:
			if inList {
				t.Fatalf("nested list")
			}
			for _, e := range a.List {
				check(e, true)
			}
		}
		if a.Type >= 0 && (a.Kind != KindX && a.Kind != KindY) {
			t.Fatalf("typed %v", a.Kind)
		}
		if a.Type >= 0 && f.Types != nil && f.Types.Entries != nil && a.Type >= len(f.Types.Entries) {
			t.Fatalf("type %d", a.Type)
		}
	}
	for _, in := range f.Code {
		if len(in.Args) != in.Op.Arity() {
			t.Fatalf("%v has %d operands", in.Op, len(in.Args))
		}
		for _, a := range in.Args {
			check(a, false)
		}
	}
	for _, e := range append(append([]Export(nil), f.Exports...), f.Locals...) {
		if e.Function == 0 || int(e.Function) >= len(f.Atoms) || e.Label >= f.CodeHeader.LabelCount {
			t.Fatalf("export %+v", e)
		}
	}
	for _, im := range f.Imports {
		if int(im.Module) >= len(f.Atoms) || int(im.Function) >= len(f.Atoms) {
			t.Fatalf("import %+v", im)
		}
	}
	if f.Lines != nil {
		if len(f.Lines.Items) == 0 || len(f.Lines.Files) == 0 {
			t.Fatalf("line table without item/file 0")
		}
		for _, it := range f.Lines.Items {
			if it.File < 0 || it.File >= len(f.Lines.Files) {
				t.Fatalf("line item file %d", it.File)
			}
		}
	}
}

// FuzzOperands feeds arbitrary bytes to the operand decoder alone, which
// explores the compact encoding much faster than whole files do.
func FuzzOperands(f *testing.F) {
	for _, c := range compactCases {
		in, _ := hex.DecodeString(c.hex)
		f.Add(in)
	}
	f.Add([]byte{0x17, 0x30, 0x02, 0xf5, 0x47, 0x00})
	f.Add([]byte{0x37, 0x30, 0x00, 0x30, 0x10, 0x10, 0x20, 0x80})
	f.Add([]byte{0x57, 0x23, 0x20})
	f.Fuzz(func(t *testing.T, data []byte) {
		d := &argDecoder{atoms: 10, labels: 100, literals: 5, types: 3}
		r := newReader(data, 0, "test")
		for !r.eof() {
			before := r.off
			a, err := d.arg(r, false)
			if err != nil {
				return
			}
			if r.off <= before {
				t.Fatalf("decoder did not advance")
			}
			// Whatever decodes must survive a canonical re-encoding.
			back, err := d.arg(newReader(encArg(a), 0, "test"), false)
			if err != nil || !argEqual(a, back) {
				t.Fatalf("%+v re-decoded as %+v (%v)", a, back, err)
			}
		}
	})
}
