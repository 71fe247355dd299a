package beamfile

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// The expected values below were printed by beam_lib:chunks/2 on the same
// files (testdata/*.beam, and the installed OTP 25 lists.beam).
type beamFacts struct {
	file                          string
	module                        string
	atoms                         int // beam_lib atoms count (Atoms has one more: index 0)
	lastAtom                      string
	exports, imports, locals      int
	firstExport                   string
	firstExportArity, exportLabel int
	firstImport                   [3]string
	literals, funs                int
	maxOp, labels, functions      uint32
	strt, attr                    int
}

var testdataFacts = []beamFacts{
	{"ordsets.beam", "ordsets", 29, "get_module_info", 20, 8, 2, "add_element", 2, 24,
		[3]string{"erlang", "=:=", "2"}, 0, 0, 169, 81, 22, 0, 40},
	{"random.beam", "random", 21, "get_module_info", 10, 12, 1, "module_info", 0, 26,
		[3]string{"erlang", "*", "2"}, 4, 0, 178, 29, 11, 0, 103},
	{"features_otp25.beam", "features", 39, "-fun_env/1-fun-0-", 15, 4, 1, "big", 0, 2,
		[3]string{"erlang", "+", "2"}, 4, 1, 180, 51, 16, 11, 40},
	{"features_otp27.beam", "features", 42, "-fun_env/1-fun-0-", 15, 4, 1, "big", 0, 2,
		[3]string{"erlang", "+", "2"}, 5, 1, 182, 51, 16, 11, 39},
	{"features_otp27_linecov.beam", "features", 42, "-fun_env/1-fun-0-", 15, 4, 1, "big", 0, 2,
		[3]string{"erlang", "+", "2"}, 5, 1, 183, 51, 16, 11, 39},
	// Printed by OTP 29's beam_lib: its atom table has a negated count and
	// its literal table is stored uncompressed.
	{"features_otp29.beam", "features", 42, "-fun_env/1-fun-0-", 15, 4, 1, "big", 0, 2,
		[3]string{"erlang", "+", "2"}, 5, 1, 182, 51, 16, 11, 39},
}

func checkFacts(t *testing.T, data []byte, w beamFacts) *File {
	t.Helper()
	f := mustParse(t, data)
	if f.Module != w.module || f.Atoms[1] != w.module {
		t.Errorf("%s: module %q", w.file, f.Module)
	}
	if len(f.Atoms) != w.atoms+1 || f.Atoms[w.atoms] != w.lastAtom || f.Atoms[0] != "" {
		t.Errorf("%s: %d atoms, last %q", w.file, len(f.Atoms)-1, f.Atoms[len(f.Atoms)-1])
	}
	if len(f.Exports) != w.exports || len(f.Imports) != w.imports || len(f.Locals) != w.locals {
		t.Errorf("%s: %d exports, %d imports, %d locals", w.file, len(f.Exports), len(f.Imports), len(f.Locals))
	}
	if l, ok := f.Exported(w.firstExport, w.firstExportArity); !ok || int(l) != w.exportLabel {
		t.Errorf("%s: export %s/%d label %d %v", w.file, w.firstExport, w.firstExportArity, l, ok)
	}
	found := false
	for i := range f.Imports {
		m, fn, a, _ := f.ImportMFA(int64(i))
		if m == w.firstImport[0] && fn == w.firstImport[1] && a == int(w.firstImport[2][0]-'0') {
			found = true
		}
	}
	if !found {
		t.Errorf("%s: import %v not found", w.file, w.firstImport)
	}
	if len(f.Literals) != w.literals || len(f.Funs) != w.funs {
		t.Errorf("%s: %d literals, %d funs", w.file, len(f.Literals), len(f.Funs))
	}
	h := f.CodeHeader
	if h.MaxOpcode != w.maxOp || h.LabelCount != w.labels || h.FunctionCount != w.functions {
		t.Errorf("%s: code header %+v", w.file, h)
	}
	if len(f.Strings) != w.strt || len(f.Attributes) != w.attr {
		t.Errorf("%s: StrT %d bytes, Attr %d bytes", w.file, len(f.Strings), len(f.Attributes))
	}
	for i, lit := range f.Literals {
		if lit[0] != 131 {
			t.Errorf("%s: literal %d does not start with 131", w.file, i)
		}
	}
	return f
}

func TestFactsTestdata(t *testing.T) {
	for _, w := range testdataFacts {
		data := readTestdata(t, w.file)
		checkRoundTrip(t, w.file, data, checkFacts(t, data, w))
	}
}

func TestFactsInstalledLists(t *testing.T) {
	const path = "/usr/lib/erlang/lib/stdlib-4.2/ebin/lists.beam"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skip("OTP 25's stdlib-4.2 is not installed")
	}
	checkFacts(t, data, beamFacts{"lists.beam", "lists", 222, "bad_generator", 88, 20, 134, "reverse", 2, 10,
		[3]string{"erlang", "++", "2"}, 2, 1, 178, 1113, 222, len(dataChunk(t, data, "StrT")), len(dataChunk(t, data, "Attr"))})
}

func dataChunk(t *testing.T, data []byte, id string) []byte {
	return chunkData(readChunks(t, data), id)
}

// Line and Type tables of the features module, as printed by beam_lib:
// Line = {Version, Flags, LineInstrs, Items, Files} = {0,0,16,13,0} (OTP 25)
// and {0,1,35,13,0} (OTP 27, +line_coverage); Type = {Version, Count} =
// {1,5} (OTP 25), {3,5} (OTP 27) and {4,5} (OTP 29).
func TestLinesAndTypes(t *testing.T) {
	cases := []struct {
		file           string
		flags, instrs  uint32
		items          int
		typeVersion    uint32
		typeCount      int
		executableLine bool
	}{
		{"features_otp25.beam", 0, 16, 13, 1, 5, false},
		{"features_otp27.beam", 0, 16, 13, 3, 5, false},
		{"features_otp27_linecov.beam", 1, 35, 13, 3, 5, true},
		{"features_otp29.beam", 0, 16, 13, 4, 5, false},
	}
	for _, c := range cases {
		f := mustParse(t, readTestdata(t, c.file))
		lt := f.Lines
		if lt == nil {
			t.Fatalf("%s: no line table", c.file)
		}
		if lt.Flags != c.flags || lt.InstrCount != c.instrs || len(lt.Items) != c.items+1 || len(lt.Files) != 1 {
			t.Errorf("%s: line table flags %d instrs %d items %d files %v", c.file, lt.Flags, lt.InstrCount, len(lt.Items)-1, lt.Files)
		}
		if lt.Files[0] != "features.erl" || lt.Items[0] != (LineItem{}) {
			t.Errorf("%s: file 0 %q item 0 %+v", c.file, lt.Files[0], lt.Items[0])
		}
		// The first function, big/0, is on line 5 of features.erl.
		if f.Code[1].Op != OpLine {
			t.Fatalf("%s: instruction 1 is %v", c.file, f.Code[1].Op)
		}
		file, line, ok := lt.Location(int(f.Code[1].Args[0].Val))
		if !ok || file != "features.erl" || line != 5 {
			t.Errorf("%s: first line %q:%d %v", c.file, file, line, ok)
		}
		if name, arity := f.FunctionAt(5); name != "big" || arity != 0 {
			t.Errorf("%s: FunctionAt(5) = %s/%d", c.file, name, arity)
		}
		if f.Types == nil || f.Types.Version != c.typeVersion || f.Types.Count != c.typeCount || len(f.Types.Entries) != c.typeCount {
			t.Errorf("%s: types %+v", c.file, f.Types)
		} else if f.Types.Entries[0].Types != TypeAny {
			t.Errorf("%s: type 0 is %x, not any", c.file, f.Types.Entries[0].Types)
		}
		found := false
		for _, in := range f.Code {
			if in.Op == OpExecutableLine {
				found = true
			}
		}
		if found != c.executableLine {
			t.Errorf("%s: executable_line found = %v", c.file, found)
		}
	}
}

func TestDisasm(t *testing.T) {
	f := mustParse(t, readTestdata(t, "features_otp25.beam"))
	var buf bytes.Buffer
	if err := f.Disasm(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	// Operands as the compiler's own listing (erlc -S features.erl) shows them.
	for _, want := range []string{
		"module features\n",
		"    func_info {atom,features} {atom,big} 0\n",
		"    move {literal,0} {x,0}\n",
		"    gc_bif2 {f,0} 1 {extfunc,erlang:'+'/2} {x,0} {integer,-1} {x,0}\n",
		"    fmul {f,0} {fr,0} {fr,1} {fr,2}\n",
		"    test_heap {alloc,[{words,0},{floats,1},{funs,0}]} 0\n",
		"    put_map_assoc {f,0} {x,0} {x,0} 3 {list,[{atom,y},{x,1},{atom,z},{x,2}]}\n",
		"    select_val {x,0} {f,40} {list,[{atom,a},{f,36},{atom,b},{f,35},{atom,c},{f,34}]}\n",
		"    move {atom,'héllo_wörld_λ'} {x,0}\n",
		"    init_yregs {list,[{y,0}]}\n",
		"    line {location,\"features.erl\",5}\n",
		"label 2\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("disassembly lacks %q", want)
		}
	}
	if strings.Count(out, "\n") < len(f.Code) {
		t.Errorf("disassembly has fewer lines than instructions")
	}
}

// The FunT entry of features_otp25.beam, as beam_lib:chunks(F, ["FunT"])
// shows it: {{39,'-fun_env/1-fun-0-'},Arity 2,Label 50,Index 0,NumFree 1,OldUniq 124952946}.
func TestFunTable(t *testing.T) {
	f := mustParse(t, readTestdata(t, "features_otp25.beam"))
	want := Fun{Function: 39, Arity: 2, Label: 50, Index: 0, NumFree: 1, OldUniq: 124952946}
	if len(f.Funs) != 1 || f.Funs[0] != want || f.Atoms[39] != "-fun_env/1-fun-0-" {
		t.Fatalf("funs %+v", f.Funs)
	}
}
