package beamfile

import (
	"encoding/binary"
	"errors"
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

func TestTruncatedPrefixes(t *testing.T) {
	data := readTestdata(t, "features_otp25.beam")
	for n := 0; n < len(data); n++ {
		_, err := Parse(data[:n])
		if err == nil {
			t.Fatalf("prefix of %d bytes parsed without error", n)
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("prefix %d: %T is not *Error", n, err)
		}
		if !errors.Is(err, ErrTruncated) && !errors.Is(err, ErrNotBeam) {
			t.Fatalf("prefix %d: %v", n, err)
		}
	}
}

// TestTruncatedChunks cuts each chunk short inside an otherwise well-formed
// container: the result is an error or a successful parse, never a panic.
func TestTruncatedChunks(t *testing.T) {
	for _, name := range []string{"features_otp25.beam", "features_otp27_linecov.beam"} {
		chunks := readChunks(t, readTestdata(t, name))
		for _, c := range chunks {
			for n := 0; n < len(c.data); n++ {
				cut := replaceChunk(chunks, c.id, c.data[:n])
				if n == 0 {
					cut = replaceChunk(chunks, c.id, nil)
				}
				f, err := Parse(buildBeam(cut))
				switch c.id {
				case "AtU8", "Code", "ImpT", "ExpT", "LitT", "FunT", "LocT", "Line", "Type":
					if err == nil && n > 0 && c.id != "Type" {
						t.Errorf("%s: %s cut to %d bytes parsed", name, c.id, n)
					}
				}
				if err == nil && f == nil {
					t.Fatalf("nil file and nil error")
				}
			}
		}
	}
}

func TestRandomCorruption(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, name := range []string{"features_otp25.beam", "features_otp27_linecov.beam", "random.beam"} {
		orig := readTestdata(t, name)
		for i := 0; i < 3000; i++ {
			data := append([]byte(nil), orig...)
			for k := rng.Intn(4) + 1; k > 0; k-- {
				p := 12 + rng.Intn(len(data)-12) // keep the container header
				switch rng.Intn(3) {
				case 0:
					data[p] = byte(rng.Intn(256))
				case 1:
					data[p] ^= 1 << rng.Intn(8)
				case 2:
					data[p] = 0xff
				}
			}
			_, _ = Parse(data) // must not panic
		}
	}
}

func TestMissingChunks(t *testing.T) {
	chunks := readChunks(t, readTestdata(t, "features_otp25.beam"))
	for _, id := range []string{"AtU8", "Code", "ImpT", "ExpT"} {
		_, err := Parse(buildBeam(replaceChunk(chunks, id, nil)))
		if !errors.Is(err, ErrMissingChunk) {
			t.Errorf("without %s: %v", id, err)
		}
	}
	// Optional chunks may go.
	for _, id := range []string{"LitT", "StrT", "FunT", "LocT", "Line", "Type", "Attr", "CInf"} {
		if id == "LitT" || id == "FunT" {
			continue // the code refers to them
		}
		f, err := Parse(buildBeam(replaceChunk(chunks, id, nil)))
		if err != nil {
			t.Errorf("without %s: %v", id, err)
			continue
		}
		switch id {
		case "Line":
			if f.Lines != nil {
				t.Errorf("Lines without a Line chunk")
			}
		case "Type":
			if f.Types != nil {
				t.Errorf("Types without a Type chunk")
			}
		}
	}
	// Without LitT, literal operands are out of range.
	if _, err := Parse(buildBeam(replaceChunk(chunks, "LitT", nil))); !errors.Is(err, ErrCorrupt) {
		t.Errorf("without LitT: %v", err)
	}
}

func TestNotBeam(t *testing.T) {
	for _, in := range []string{"", "FOR", "FOR1\x00\x00\x00\x04BEEF", "RIFF\x00\x00\x00\x04BEAM", "\x1f\x8bxxxx"} {
		if _, err := Parse([]byte(in)); !errors.Is(err, ErrNotBeam) && !errors.Is(err, ErrTruncated) {
			t.Errorf("%q: %v", in, err)
		}
	}
}

// codeOffset returns the offset in the Code chunk's data of instruction i.
func codeOffset(t *testing.T, code []byte, f *File, i int) int {
	hs := int(binary.BigEndian.Uint32(code))
	return 4 + hs + len(encodeCode(f.Code[:i]))
}

func TestUnknownOpcode(t *testing.T) {
	data := readTestdata(t, "features_otp25.beam")
	f := mustParse(t, data)
	chunks := readChunks(t, data)
	// Find the first instruction of neg/1's body.
	idx := -1
	for i, in := range f.Code {
		if in.Op == OpGcBif2 {
			idx = i
			break
		}
	}
	if name, arity := f.FunctionAt(idx); name != "neg" || arity != 1 {
		t.Fatalf("instruction %d is in %s/%d", idx, name, arity)
	}
	for _, op := range []byte{0, 192, 255, 181} { // 181 is above this file's max opcode (180)
		code := append([]byte(nil), chunkData(chunks, "Code")...)
		code[codeOffset(t, code, f, idx)] = op
		_, err := Parse(buildBeam(replaceChunk(chunks, "Code", code)))
		if !errors.Is(err, ErrUnknownOpcode) {
			t.Fatalf("opcode %d: %v", op, err)
		}
		var e *Error
		errors.As(err, &e)
		if e.Module != "features" || e.Function != "neg" || e.Arity != 1 || e.Chunk != "Code" {
			t.Errorf("opcode %d: error fields %+v", op, e)
		}
		msg := err.Error()
		for _, want := range []string{"module features", "neg/1", "opcode " + strconv.Itoa(int(op))} {
			if !strings.Contains(msg, want) {
				t.Errorf("opcode %d: %q lacks %q", op, msg, want)
			}
		}
	}
}

func TestBadOperandNamesFunction(t *testing.T) {
	data := readTestdata(t, "features_otp25.beam")
	f := mustParse(t, data)
	chunks := readChunks(t, data)
	idx := -1
	for i, in := range f.Code {
		if in.Op == OpFmul {
			idx = i
			break
		}
	}
	code := append([]byte(nil), chunkData(chunks, "Code")...)
	// fmul's first operand is {f,0}: make it an x register way out of range.
	off := codeOffset(t, code, f, idx) + 1
	code[off] = 0xeb // 'x' tag, 11-bit form: register 1792 + next byte
	_, err := Parse(buildBeam(replaceChunk(chunks, "Code", code)))
	var e *Error
	if !errors.As(err, &e) || e.Function != "flt" || e.Arity != 2 || e.Opcode != OpFmul {
		t.Fatalf("got %v", err)
	}
}

func TestAbsurdCounts(t *testing.T) {
	chunks := readChunks(t, readTestdata(t, "features_otp25.beam"))
	big := func(id string, at int) []rawChunk {
		d := append([]byte(nil), chunkData(chunks, id)...)
		binary.BigEndian.PutUint32(d[at:], 0x7fffffff)
		return replaceChunk(chunks, id, d)
	}
	for _, c := range []struct {
		id string
		at int
	}{{"AtU8", 0}, {"ImpT", 0}, {"ExpT", 0}, {"LocT", 0}, {"FunT", 0}, {"Line", 12}, {"Line", 16}, {"Type", 4}, {"Code", 12}, {"Code", 16}, {"LitT", 0}} {
		if _, err := Parse(buildBeam(big(c.id, c.at))); err == nil {
			t.Errorf("%s with 0x7fffffff at %d parsed", c.id, c.at)
		}
	}
	// A negative count.
	d := append([]byte(nil), chunkData(chunks, "ImpT")...)
	binary.BigEndian.PutUint32(d, 0xffffffff)
	if _, err := Parse(buildBeam(replaceChunk(chunks, "ImpT", d))); !errors.Is(err, ErrCorrupt) {
		t.Errorf("negative import count: %v", err)
	}
}

func TestUnknownVersions(t *testing.T) {
	chunks := readChunks(t, readTestdata(t, "features_otp25.beam"))
	set := func(id string, v uint32) []rawChunk {
		d := append([]byte(nil), chunkData(chunks, id)...)
		binary.BigEndian.PutUint32(d, v)
		return replaceChunk(chunks, id, d)
	}
	f, err := Parse(buildBeam(set("Type", 99)))
	if err != nil {
		t.Fatal(err)
	}
	if f.Types == nil || f.Types.Version != 99 || f.Types.Entries != nil {
		t.Errorf("types %+v", f.Types)
	}
	f, err = Parse(buildBeam(set("Line", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if f.Lines != nil {
		t.Errorf("line table of version 1 was decoded")
	}
	// Code chunk instruction set other than 0.
	code := append([]byte(nil), chunkData(chunks, "Code")...)
	binary.BigEndian.PutUint32(code[4:], 1)
	if _, err := Parse(buildBeam(replaceChunk(chunks, "Code", code))); !errors.Is(err, ErrCorrupt) {
		t.Errorf("instruction set 1: %v", err)
	}
}
