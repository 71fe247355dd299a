package beamfile

// File is a parsed .beam module. Its slices may share memory with the input
// given to Parse, which must not be modified while the File is in use.
type File struct {
	Module string   // the module name; equal to Atoms[1]
	Atoms  []string // Atoms[i] is atom index i as used by operands and tables; Atoms[0] is "" (index 0 means [] in operands)

	Imports []Import // ImpT: external functions, indexed by call_ext & co
	Exports []Export // ExpT
	Locals  []Export // LocT, nil if absent (stripped files have none)
	Funs    []Fun    // FunT, nil if absent

	Literals [][]byte // LitT: each literal's external term format bytes, as stored (each starts with 131)
	Strings  []byte   // StrT, nil if absent or empty

	Lines       *LineTable // Line chunk, nil if absent or of an unknown version
	Attributes  []byte     // Attr chunk: raw external term format, nil if absent
	CompileInfo []byte     // CInf chunk: raw external term format, nil if absent
	Types       *TypeTable // Type chunk, nil if absent
	Records     []byte     // Recs chunk (OTP 29 native record definitions), raw; nil if absent

	// MD5 is the module's MD5 as OTP computes it (module_info(md5)).
	MD5 [16]byte

	CodeHeader CodeHeader
	Code       []Instr // every generic instruction in file order, ending with int_code_end
}

// Import is one ImpT entry. Module and Function are atom indices.
type Import struct {
	Module, Function, Arity uint32
}

// Export is one ExpT or LocT entry. Function is an atom index; Label is the
// function's entry label (< CodeHeader.LabelCount).
type Export struct {
	Function, Arity, Label uint32
}

// Fun is one FunT entry: a fun defined in the module. Function is an atom
// index (the generated name of the fun's code), Arity counts free variables
// and arguments together, Label is its entry label, Index its position in
// the table, NumFree the number of captured variables and OldUniq a hash
// derived from the module's MD5.
type Fun struct {
	Function, Arity, Label, Index, NumFree, OldUniq uint32
}

// CodeHeader is the fixed part of the Code chunk.
type CodeHeader struct {
	InstructionSet uint32 // format number; always 0
	MaxOpcode      uint32 // highest opcode the module uses
	LabelCount     uint32 // labels are numbered 1..LabelCount-1 (0 means "no label")
	FunctionCount  uint32 // number of functions (func_info instructions)
}

// LineTable is the Line chunk. The operand of a `line` instruction (and the
// first of executable_line and debug_line) indexes Items.
type LineTable struct {
	Flags      uint32     // bit 0: the module has executable_line instructions; bit 1: line counters forced (OTP 27+)
	InstrCount uint32     // number of line instructions the compiler recorded
	Files      []string   // Files[0] is the module name + ".erl"; the rest are the chunk's file names in order (an empty name is replaced by Files[0])
	Items      []LineItem // Items[0] is "no location"; File indexes Files
}

// LineItem is one source location.
type LineItem struct {
	File int
	Line int
}

// Location returns the file name and line of line item i; ok is false when i
// is out of range or is item 0, which means "no location".
func (t *LineTable) Location(i int) (file string, line int, ok bool) {
	if t == nil || i <= 0 || i >= len(t.Items) {
		return "", 0, false
	}
	it := t.Items[i]
	return t.Files[it.File], it.Line, true
}

// FunctionAt returns the name and arity of the function that instruction i of
// Code belongs to (the one named by the closest func_info at or before i), or
// "" and -1 if there is none.
func (f *File) FunctionAt(i int) (name string, arity int) {
	if i >= len(f.Code) {
		i = len(f.Code) - 1
	}
	for ; i >= 0; i-- {
		in := f.Code[i]
		if in.Op == OpFuncInfo && len(in.Args) == 3 {
			n, a := funcInfoName(f.Atoms, in.Args)
			return n, a
		}
	}
	return "", -1
}

// funcInfoName extracts Name/Arity from func_info's operands.
func funcInfoName(atoms []string, args []Arg) (string, int) {
	name := ""
	if args[1].Kind == KindA && args[1].Val > 0 && args[1].Val < int64(len(atoms)) {
		name = atoms[args[1].Val]
	}
	arity := -1
	if args[2].Kind == KindU {
		arity = int(args[2].Val)
	}
	return name, arity
}

// Atom returns the atom with index i, "[]" for 0 and "" when out of range.
func (f *File) Atom(i int64) string {
	if i == 0 {
		return "[]"
	}
	if i < 0 || i >= int64(len(f.Atoms)) {
		return ""
	}
	return f.Atoms[i]
}

// ImportMFA returns the module, function and arity of import i, and false
// when i is out of range.
func (f *File) ImportMFA(i int64) (module, function string, arity int, ok bool) {
	if i < 0 || i >= int64(len(f.Imports)) {
		return "", "", 0, false
	}
	im := f.Imports[i]
	return f.Atoms[im.Module], f.Atoms[im.Function], int(im.Arity), true
}

// Exported reports whether name/arity is in the export table, and its label.
func (f *File) Exported(name string, arity int) (label uint32, ok bool) {
	for _, e := range f.Exports {
		if int(e.Arity) == arity && f.Atoms[e.Function] == name {
			return e.Label, true
		}
	}
	return 0, false
}
