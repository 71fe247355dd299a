package beamfile

import (
	"encoding/binary"
	"math/big"
	"os"
	"path/filepath"
	"testing"
)

// encCompact encodes n with tag the way the compiler does (beam_asm:encode/2):
// the shortest of the three forms, at least two bytes in the long form, and
// two's complement bytes with a sign byte where needed.
func encCompact(tag byte, n *big.Int) []byte {
	if n.Sign() >= 0 && n.Cmp(big.NewInt(16)) < 0 {
		return []byte{byte(n.Int64())<<4 | tag}
	}
	if n.Sign() >= 0 && n.Cmp(big.NewInt(2048)) < 0 {
		v := n.Int64()
		return []byte{byte(v>>3)&0xe0 | tag | 0x08, byte(v)}
	}
	b := twos(n)
	for len(b) < 2 {
		if n.Sign() < 0 {
			b = append([]byte{0xff}, b...)
		} else {
			b = append([]byte{0}, b...)
		}
	}
	if len(b) <= 8 {
		return append([]byte{byte(len(b)-2)<<5 | 0x18 | tag}, b...)
	}
	out := []byte{0xf8 | tag}
	out = append(out, encCompact(tagU, big.NewInt(int64(len(b)-9)))...)
	return append(out, b...)
}

// twos returns the minimal big-endian two's complement bytes of n.
func twos(n *big.Int) []byte {
	if n.Sign() >= 0 {
		b := n.Bytes()
		if len(b) == 0 || b[0]&0x80 != 0 {
			b = append([]byte{0}, b...)
		}
		return b
	}
	// -n-1 has the complement bits of n.
	m := new(big.Int).Neg(n)
	m.Sub(m, big.NewInt(1))
	b := m.Bytes()
	for i := range b {
		b[i] = ^b[i]
	}
	if len(b) == 0 || b[0]&0x80 == 0 {
		b = append([]byte{0xff}, b...)
	}
	return b
}

func encSmall(tag byte, v int64) []byte { return encCompact(tag, big.NewInt(v)) }

// encArg re-encodes one decoded operand.
func encArg(a Arg) []byte {
	switch a.Kind {
	case KindU, KindA, KindF, KindH:
		return encSmall(byte(a.Kind), a.Val)
	case KindI:
		if a.Big != nil {
			return encCompact(tagI, a.Big)
		}
		return encSmall(tagI, a.Val)
	case KindX, KindY:
		if a.Type >= 0 {
			out := encSmall(tagZ, extTypedReg)
			out = append(out, encSmall(byte(a.Kind), a.Val)...)
			return append(out, encSmall(tagU, int64(a.Type))...)
		}
		return encSmall(byte(a.Kind), a.Val)
	case KindFR:
		return append(encSmall(tagZ, extFloatReg), encSmall(tagU, a.Val)...)
	case KindLit:
		return append(encSmall(tagZ, extLiteral), encSmall(tagU, a.Val)...)
	case KindList:
		out := append(encSmall(tagZ, extList), encSmall(tagU, int64(len(a.List)))...)
		for _, e := range a.List {
			out = append(out, encArg(e)...)
		}
		return out
	case KindAlloc:
		out := append(encSmall(tagZ, extAllocL), encSmall(tagU, int64(len(a.Alloc)))...)
		for _, it := range a.Alloc {
			out = append(out, encSmall(tagU, int64(it.Kind))...)
			out = append(out, encSmall(tagU, it.N)...)
		}
		return out
	}
	panic("unknown kind")
}

func encodeCode(code []Instr) []byte {
	var out []byte
	for _, in := range code {
		out = append(out, byte(in.Op))
		for _, a := range in.Args {
			out = append(out, encArg(a)...)
		}
	}
	return out
}

// rawChunk is one chunk of a container, in file order.
type rawChunk struct {
	id   string
	data []byte
}

// readChunks splits a well-formed container (test input only).
func readChunks(t testing.TB, data []byte) []rawChunk {
	t.Helper()
	if string(data[:4]) != "FOR1" || string(data[8:12]) != "BEAM" {
		t.Fatal("not a beam")
	}
	var out []rawChunk
	for p := 12; p < len(data); {
		id := string(data[p : p+4])
		n := int(binary.BigEndian.Uint32(data[p+4:]))
		out = append(out, rawChunk{id, append([]byte(nil), data[p+8:p+8+n]...)})
		p += 8 + (n+3)&^3
	}
	return out
}

// buildBeam assembles a container from chunks.
func buildBeam(chunks []rawChunk) []byte {
	body := []byte("BEAM")
	for _, c := range chunks {
		body = append(body, c.id...)
		body = binary.BigEndian.AppendUint32(body, uint32(len(c.data)))
		body = append(body, c.data...)
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
	}
	out := []byte("FOR1")
	out = binary.BigEndian.AppendUint32(out, uint32(len(body)))
	return append(out, body...)
}

func chunkData(chunks []rawChunk, id string) []byte {
	for _, c := range chunks {
		if c.id == id {
			return c.data
		}
	}
	return nil
}

func replaceChunk(chunks []rawChunk, id string, data []byte) []rawChunk {
	out := make([]rawChunk, 0, len(chunks))
	for _, c := range chunks {
		if c.id == id {
			if data == nil {
				continue
			}
			c.data = data
		}
		out = append(out, c)
	}
	return out
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func mustParse(t testing.TB, data []byte) *File {
	t.Helper()
	f, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
