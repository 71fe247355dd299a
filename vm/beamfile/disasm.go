package beamfile

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// importOperand gives, for instructions that name an import table entry,
// which operand holds the index.
var importOperand = map[Opcode]int{
	OpCallExt: 1, OpCallExtLast: 1, OpCallExtOnly: 1,
	OpBif0: 0, OpBif1: 1, OpBif2: 1, OpBif3: 1,
	OpGcBif1: 2, OpGcBif2: 2, OpGcBif3: 2,
}

// Disasm writes the generic code of f to w, one instruction a line: labels
// flush left, other instructions indented, operands separated by spaces and
// shown as {x,0}, {y,1}, {fr,0}, {f,12}, {atom,foo}, nil, {integer,5},
// {literal,3}, {char,65}, {list,[...]}, {alloc,[{words,3}]}, typed registers
// as {tr,{x,0},TypeIndex}, import operands as {extfunc,M:F/A}, the operand of
// line as {location,"file.erl",Line}, and plain numbers as themselves.
func (f *File) Disasm(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("module ")
	bw.WriteString(quoteAtom(f.Module))
	bw.WriteByte('\n')
	var sb strings.Builder
	for pc, in := range f.Code {
		sb.Reset()
		if in.Op == OpLabel {
			if f.startsFunction(pc) {
				sb.WriteByte('\n')
			}
			sb.WriteString("label ")
		} else {
			sb.WriteString("    ")
			sb.WriteString(in.Op.Name())
		}
		imp, hasImp := importOperand[in.Op]
		for i, a := range in.Args {
			if i > 0 || in.Op != OpLabel {
				sb.WriteByte(' ')
			}
			switch {
			case hasImp && i == imp && a.Kind == KindU:
				if m, fn, ar, ok := f.ImportMFA(a.Val); ok {
					sb.WriteString("{extfunc," + quoteAtom(m) + ":" + quoteAtom(fn) + "/" + strconv.Itoa(ar) + "}")
					continue
				}
			case (in.Op == OpLine || in.Op == OpExecutableLine || in.Op == OpDebugLine) && i == 0 && a.Kind == KindU:
				if file, line, ok := f.Lines.Location(int(a.Val)); ok {
					sb.WriteString("{location," + strconv.Quote(file) + "," + strconv.Itoa(line) + "}")
					continue
				}
			}
			f.formatArg(&sb, a)
		}
		sb.WriteByte('\n')
		if _, err := bw.WriteString(sb.String()); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// startsFunction reports whether the label at pc is a function's first
// label: followed by func_info, possibly after a line instruction.
func (f *File) startsFunction(pc int) bool {
	for i := pc + 1; i < len(f.Code) && i <= pc+2; i++ {
		switch f.Code[i].Op {
		case OpFuncInfo:
			return true
		case OpLine:
		default:
			return false
		}
	}
	return false
}

// FormatArg returns a's text as Disasm shows it (without import or line
// resolution).
func (f *File) FormatArg(a Arg) string {
	var sb strings.Builder
	f.formatArg(&sb, a)
	return sb.String()
}

func (f *File) formatArg(sb *strings.Builder, a Arg) {
	num := func(v int64) string { return strconv.FormatInt(v, 10) }
	switch a.Kind {
	case KindU:
		sb.WriteString(num(a.Val))
	case KindI:
		if a.Big != nil {
			sb.WriteString("{integer," + a.Big.String() + "}")
		} else {
			sb.WriteString("{integer," + num(a.Val) + "}")
		}
	case KindA:
		if a.Val == 0 {
			sb.WriteString("nil")
		} else {
			sb.WriteString("{atom," + quoteAtom(f.Atom(a.Val)) + "}")
		}
	case KindX, KindY:
		reg := "{" + a.Kind.String() + "," + num(a.Val) + "}"
		if a.Type >= 0 {
			reg = "{tr," + reg + "," + strconv.Itoa(a.Type) + "}"
		}
		sb.WriteString(reg)
	case KindF:
		sb.WriteString("{f," + num(a.Val) + "}")
	case KindH:
		sb.WriteString("{char," + num(a.Val) + "}")
	case KindFR:
		sb.WriteString("{fr," + num(a.Val) + "}")
	case KindLit:
		sb.WriteString("{literal," + num(a.Val) + "}")
	case KindList:
		sb.WriteString("{list,[")
		for i, e := range a.List {
			if i > 0 {
				sb.WriteByte(',')
			}
			f.formatArg(sb, e)
		}
		sb.WriteString("]}")
	case KindAlloc:
		sb.WriteString("{alloc,[")
		for i, it := range a.Alloc {
			if i > 0 {
				sb.WriteByte(',')
			}
			name := [...]string{"words", "floats", "funs"}[it.Kind]
			sb.WriteString("{" + name + "," + num(it.N) + "}")
		}
		sb.WriteString("]}")
	default:
		sb.WriteString("?")
	}
}

var reservedWords = map[string]bool{
	"after": true, "and": true, "andalso": true, "band": true, "begin": true, "bnot": true,
	"bor": true, "bsl": true, "bsr": true, "bxor": true, "case": true, "catch": true,
	"cond": true, "div": true, "else": true, "end": true, "fun": true, "if": true, "let": true,
	"maybe": true, "not": true, "of": true, "or": true, "orelse": true, "receive": true,
	"rem": true, "try": true, "when": true, "xor": true,
}

// quoteAtom writes an atom the way Erlang prints it: bare when it is a
// lower-case word that is not reserved, single-quoted otherwise.
func quoteAtom(s string) string {
	bare := s != "" && !reservedWords[s]
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 0xdf && r <= 0xff && r != 0xf7:
		case i > 0 && (r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '@' ||
			r >= 0xc0 && r <= 0xde && r != 0xd7):
		default:
			bare = false
		}
	}
	if bare {
		return s
	}
	var sb strings.Builder
	sb.WriteByte('\'')
	for _, r := range s {
		switch {
		case r == '\'' || r == '\\':
			sb.WriteByte('\\')
			sb.WriteRune(r)
		case r == '\n':
			sb.WriteString(`\n`)
		case r == '\t':
			sb.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			sb.WriteString(`\x{` + strconv.FormatInt(int64(r), 16) + `}`)
		case r == utf8.RuneError:
			sb.WriteString(`\x{fffd}`)
		default:
			sb.WriteRune(r)
		}
	}
	sb.WriteByte('\'')
	return sb.String()
}
