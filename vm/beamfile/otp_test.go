package beamfile

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// otpRoots returns the OTP installations to read beams from: the system one
// (if installed) and those listed in BEAMR_OTP_ROOTS (colon-separated).
func otpRoots() []string {
	var roots []string
	if _, err := os.Stat("/usr/lib/erlang/lib"); err == nil {
		roots = append(roots, "/usr/lib/erlang")
	}
	for _, r := range strings.Split(os.Getenv("BEAMR_OTP_ROOTS"), ":") {
		if r != "" {
			roots = append(roots, r)
		}
	}
	return roots
}

func beamsUnder(t testing.TB, root string) []string {
	files, err := filepath.Glob(filepath.Join(root, "lib", "*", "ebin", "*.beam"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func parseAll(t *testing.T, root string) {
	files := beamsUnder(t, root)
	if len(files) == 0 {
		t.Skipf("no beams under %s", root)
	}
	n := 0
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(data)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		want := strings.TrimSuffix(filepath.Base(path), ".beam")
		if f.Module != want {
			t.Errorf("%s: module %q", path, f.Module)
		}
		if last := f.Code[len(f.Code)-1]; last.Op != OpIntCodeEnd {
			t.Errorf("%s: last instruction %v", path, last.Op)
		}
		checkRoundTrip(t, path, data, f)
		n++
	}
	t.Logf("%s: parsed %d beams", root, n)
}

// checkRoundTrip re-encodes the decoded instructions the way the compiler
// does and compares them with the Code chunk byte for byte: every operand
// must have been decoded completely and exactly.
func checkRoundTrip(t *testing.T, path string, data []byte, f *File) {
	t.Helper()
	if len(data) >= 2 && data[0] == 0x1f {
		return
	}
	code := chunkData(readChunks(t, data), "Code")
	hs := int(binary.BigEndian.Uint32(code))
	want := code[4+hs:]
	got := encodeCode(f.Code)
	if !bytes.Equal(got, want) {
		n := 0
		for n < len(got) && n < len(want) && got[n] == want[n] {
			n++
		}
		t.Errorf("%s: re-encoded code differs at byte %d of %d (got %d bytes)", path, n, len(want), len(got))
	}
	if f.Lines != nil && len(f.Lines.Items) == 0 {
		t.Errorf("%s: line table without item 0", path)
	}
	nf := 0
	for _, in := range f.Code {
		if in.Op == OpFuncInfo {
			nf++
		}
	}
	if nf != int(f.CodeHeader.FunctionCount) {
		t.Errorf("%s: %d func_info, header says %d functions", path, nf, f.CodeHeader.FunctionCount)
	}
}

func TestParseInstalledOTP(t *testing.T) {
	if _, err := os.Stat("/usr/lib/erlang/lib"); err != nil {
		t.Skip("no OTP installed at /usr/lib/erlang")
	}
	parseAll(t, "/usr/lib/erlang")
}

func TestParseExtraOTPRoots(t *testing.T) {
	env := os.Getenv("BEAMR_OTP_ROOTS")
	if env == "" {
		t.Skip("BEAMR_OTP_ROOTS not set")
	}
	for _, root := range strings.Split(env, ":") {
		if root == "" {
			continue
		}
		t.Run(filepath.Base(filepath.Dir(filepath.Dir(filepath.Dir(root)))), func(t *testing.T) { parseAll(t, root) })
	}
}
