package stdlib

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beamr/beamr/vm"
)

// TestOTP29Programs runs programs that only OTP 29's compiler accepts
// (testdata/otp29: NAME.erl, its OTP 29 beam, and what OTP 29's erl printed).
func TestOTP29Programs(t *testing.T) {
	beams, _ := filepath.Glob("testdata/otp29/*.beam")
	if len(beams) == 0 {
		t.Fatal("no OTP 29 programs")
	}
	for _, b := range beams {
		name := strings.TrimSuffix(filepath.Base(b), ".beam")
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(strings.TrimSuffix(b, ".beam") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(b)
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			rt, err := vm.New(vm.Config{Stdout: &out, ArenaWords: 1 << 27})
			if err != nil {
				t.Fatal(err)
			}
			defer rt.Close()
			Register(rt)
			mod, err := rt.LoadBinary(data)
			if err != nil {
				t.Fatal(err)
			}
			res, err := rt.Apply(mod, rt.Atom("main"), nil)
			if err != nil || res.Class != 0 {
				t.Fatalf("run: %v %v", err, res)
			}
			if !bytes.Equal(out.Bytes(), want) {
				t.Fatalf("got\n%s\nwant (OTP 29's erl)\n%s", out.Bytes(), want)
			}
		})
	}
}
