package vm

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestFastIsNotBig checks that the compiler does not consider the hot loop
// (regs.fast) a "big" function. In a big function it inlines only the
// cheapest calls, and fget and fset (the operand accessors every
// instruction uses) then become real calls: the interpreter gets about a
// quarter slower with nothing failing. A new fast path that trips this
// must make room (or go to slow).
func TestFastIsNotBig(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the compiler")
	}
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	out, err := exec.Command(gobin, "build", "-gcflags=-m=2", ".").CombinedOutput()
	if err != nil {
		t.Skipf("cannot run the compiler: %v\n%s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, "(*regs).fast considered 'big'") {
			t.Fatalf("the compiler considers fast big: %s", line)
		}
	}
	if !strings.Contains(string(out), "inlining call to fget") {
		t.Fatalf("no call to fget is inlined:\n%.2000s", out)
	}
}
