package main

import (
	"strings"
	"testing"

	"github.com/beamr/beamr/vm"
)

// TestRunStdlibOTP runs a program with --stdlib=otp, OTP's own io and
// io_lib beams doing its output, when an OTP installation is found.
func TestRunStdlibOTP(t *testing.T) {
	if _, err := vm.FindOTPRoot(); err != nil {
		t.Skipf("no OTP installation: %v", err)
	}
	for _, args := range [][]string{
		{"run", "--stdlib=otp", "../../examples/hello.beam", "Ada"},
		{"run", "--stdlib", "otp", "../../examples/hello.beam", "Ada"},
	} {
		code, out, errs := run(t, args...)
		if code != 0 || !strings.HasPrefix(out, "Hello, Ada!\nThe sum of 1..100 is 5050;") {
			t.Errorf("%q: status %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
}

func TestRunStdlibFlagErrors(t *testing.T) {
	code, _, errs := run(t, "run", "--stdlib=other", "../../examples/hello.beam")
	if code != 1 || !strings.Contains(errs, `stdlib mode "other"`) {
		t.Errorf("bad mode: status %d, stderr %q", code, errs)
	}
	code, _, errs = run(t, "run", "--stdlib=otp", "--otp-root", t.TempDir(), "../../examples/hello.beam")
	if code != 1 || !strings.Contains(errs, "no lib/*/ebin") {
		t.Errorf("bad root: status %d, stderr %q", code, errs)
	}
}
