package vm

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// otpRoots returns the OTP installations to check: the host's, and any in
// BEAMR_OTP_ROOTS (colon-separated, e.g. a chroot's /usr/lib/erlang).
func otpRoots() []string {
	roots := []string{"/usr/lib/erlang"}
	if env := os.Getenv("BEAMR_OTP_ROOTS"); env != "" {
		roots = append(roots, strings.Split(env, ":")...)
	}
	return roots
}

// TestLoadOTPBeams loads (as beamr disasm does) and disassembles every .beam of OTP's stdlib, kernel and compiler
// applications, for each OTP installation found.
func TestLoadOTPBeams(t *testing.T) {
	found := false
	for _, root := range otpRoots() {
		for _, app := range []string{"stdlib", "kernel", "compiler"} {
			beams, _ := filepath.Glob(filepath.Join(root, "lib", app+"-*", "ebin", "*.beam"))
			if len(beams) == 0 {
				continue
			}
			found = true
			rt, err := New(Config{ArenaWords: 1 << 28})
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range beams {
				data, err := os.ReadFile(b)
				if err != nil {
					t.Fatal(err)
				}
				if err := rt.DisasmBinary(io.Discard, data); err != nil {
					t.Errorf("%s: %v", b, err)
				}
			}
			rt.Close()
		}
	}
	if !found {
		t.Skip("no OTP installation found")
	}
}
