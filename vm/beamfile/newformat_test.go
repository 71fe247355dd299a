package beamfile

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/binary"
	"io"
	"math/big"
	"strings"
	"testing"
)

// otp28Atoms rewrites an AtU8 chunk the way OTP 28+ compilers write it: a
// negated count, then each length as a compact 'u' value. extra atoms are
// appended to the table.
func otp28Atoms(t *testing.T, atoms []string, extra ...string) []byte {
	all := append(append([]string(nil), atoms[1:]...), extra...)
	out := binary.BigEndian.AppendUint32(nil, uint32(-int32(len(all))))
	for _, a := range all {
		out = append(out, encCompact(tagU, big.NewInt(int64(len(a))))...)
		out = append(out, a...)
	}
	return out
}

// otp28Literals rewrites a LitT chunk uncompressed, as OTP 28+ does: a zero
// size word, then the table itself.
func otp28Literals(t *testing.T, litt []byte) []byte {
	zr, err := zlib.NewReader(bytes.NewReader(litt[4:]))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return append([]byte{0, 0, 0, 0}, raw...)
}

func TestOTP28Layout(t *testing.T) {
	data := readTestdata(t, "features_otp27.beam")
	want := mustParse(t, data)
	chunks := readChunks(t, data)
	long := strings.Repeat("λ", 200) // 200 characters, 400 bytes: needs a multi-byte length
	chunks = replaceChunk(chunks, "AtU8", otp28Atoms(t, want.Atoms, long))
	chunks = replaceChunk(chunks, "LitT", otp28Literals(t, chunkData(chunks, "LitT")))
	got := mustParse(t, buildBeam(chunks))
	if len(got.Atoms) != len(want.Atoms)+1 || got.Atoms[len(got.Atoms)-1] != long {
		t.Fatalf("atoms %d, last %q", len(got.Atoms), got.Atoms[len(got.Atoms)-1])
	}
	for i := range want.Atoms {
		if got.Atoms[i] != want.Atoms[i] {
			t.Errorf("atom %d: %q, want %q", i, got.Atoms[i], want.Atoms[i])
		}
	}
	if len(got.Literals) != len(want.Literals) {
		t.Fatalf("%d literals, want %d", len(got.Literals), len(want.Literals))
	}
	for i := range want.Literals {
		if !bytes.Equal(got.Literals[i], want.Literals[i]) {
			t.Errorf("literal %d differs", i)
		}
	}
	if !bytes.Equal(encodeCode(got.Code), encodeCode(want.Code)) {
		t.Errorf("code differs")
	}

	// An atom of more than 255 characters is refused.
	chunks = replaceChunk(chunks, "AtU8", otp28Atoms(t, want.Atoms, strings.Repeat("a", 256)))
	if _, err := Parse(buildBeam(chunks)); err == nil {
		t.Errorf("atom of 256 characters accepted")
	}
}

func TestLatin1AtomChunk(t *testing.T) {
	data := readTestdata(t, "features_otp25.beam")
	want := mustParse(t, data)
	chunks := readChunks(t, data)
	// Rebuild the atom table as an old "Atom" chunk; 'héllo_wörld_λ' cannot be
	// latin-1, so replace it by a latin-1 atom.
	out := binary.BigEndian.AppendUint32(nil, uint32(len(want.Atoms)-1))
	for _, a := range want.Atoms[1:] {
		if strings.Contains(a, "λ") {
			a = "caf\xe9"
		}
		out = append(out, byte(len(a)))
		out = append(out, a...)
	}
	var renamed []rawChunk
	for _, c := range chunks {
		if c.id == "AtU8" {
			c = rawChunk{"Atom", out}
		}
		renamed = append(renamed, c)
	}
	got := mustParse(t, buildBeam(renamed))
	found := false
	for _, a := range got.Atoms {
		if a == "café" {
			found = true
		}
	}
	if !found || got.Module != "features" {
		t.Errorf("latin-1 atoms not converted: %q", got.Atoms)
	}
}

func TestGzipped(t *testing.T) {
	data := readTestdata(t, "random.beam")
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(data)
	zw.Close()
	got := mustParse(t, buf.Bytes())
	want := mustParse(t, data)
	if got.Module != "random" || len(got.Code) != len(want.Code) || !bytes.Equal(encodeCode(got.Code), encodeCode(want.Code)) {
		t.Errorf("gzipped file parsed differently")
	}
	// Written by OTP 25's erlc +compressed from the same source as
	// features_otp25.beam.
	real := mustParse(t, readTestdata(t, "features_otp25_compressed.beam"))
	plain := mustParse(t, readTestdata(t, "features_otp25.beam"))
	if !bytes.Equal(encodeCode(real.Code), encodeCode(plain.Code)) || len(real.Literals) != len(plain.Literals) {
		t.Errorf("erlc +compressed file parsed differently")
	}
	// Truncated gzip stream.
	if _, err := Parse(buf.Bytes()[:buf.Len()/2]); err == nil {
		t.Errorf("truncated gzip parsed")
	}
}
