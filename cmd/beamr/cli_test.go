package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = execute(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestRunHello(t *testing.T) {
	code, out, errs := run(t, "run", "../../examples/hello.beam")
	if code != 0 || !strings.HasPrefix(out, "Hello, world!\n") {
		t.Fatalf("status %d, stdout %q, stderr %q", code, out, errs)
	}
	code, out, _ = run(t, "run", "../../examples/hello.beam", "Ada", "Bob")
	if code != 0 || !strings.HasPrefix(out, "Hello, Ada!\nHello, Bob!\n") {
		t.Fatalf("with args: status %d, stdout %q", code, out)
	}
}

func TestRunEntryAndHalt(t *testing.T) {
	code, out, _ := run(t, "run", "--entry", "crash:echo", "testdata/crash.beam", "x", "yz")
	if code != 0 || out != "[\"x\",\"yz\"]\n" {
		t.Fatalf("echo: status %d, stdout %q", code, out)
	}
	if code, _, _ := run(t, "run", "--entry", "crash:halt3", "testdata/crash.beam"); code != 3 {
		t.Fatalf("halt(3): status %d", code)
	}
}

func TestRunUncaught(t *testing.T) {
	code, _, errs := run(t, "run", "testdata/crash.beam")
	if code != 1 || !strings.Contains(errs, "Error in process") || !strings.Contains(errs, "{badmatch,2}") {
		t.Fatalf("status %d, stderr %q", code, errs)
	}
}

// TestCorruptBeam checks that truncated and corrupted files give a one-line
// error and status 1.
func TestCorruptBeam(t *testing.T) {
	good, err := os.ReadFile("../../examples/hello.beam")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cases := map[string][]byte{
		"empty":     nil,
		"truncated": good[:len(good)/2],
		"header":    good[:12],
		"garbage":   []byte("this is not a beam file at all"),
	}
	flipped := append([]byte(nil), good...)
	for i := 40; i < len(flipped); i += 7 {
		flipped[i] ^= 0x5a
	}
	cases["corrupted"] = flipped
	for name, data := range cases {
		path := filepath.Join(dir, name+".beam")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, cmd := range []string{"run", "disasm"} {
			code, _, errs := run(t, cmd, path)
			if code != 1 || strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "beamr: ") {
				t.Errorf("%s %s: status %d, stderr %q", cmd, name, code, errs)
			}
		}
	}
}

func TestDisasmAndVersion(t *testing.T) {
	code, out, errs := run(t, "disasm", "../../examples/hello.beam")
	if code != 0 || !strings.Contains(out, "function main/1") {
		t.Fatalf("disasm: status %d, stderr %q", code, errs)
	}
	code, out, _ = run(t, "version")
	if code != 0 || !strings.HasPrefix(out, "beamr ") {
		t.Fatalf("version: status %d, %q", code, out)
	}
}

// TestCodePath checks -pa (erl's spelling) and --pa, and that arguments
// after the file reach the program unchanged.
func TestCodePath(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("testdata/crash.beam")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "crash.beam"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, flag := range []string{"-pa", "--pa"} {
		code, out, errs := run(t, "run", flag, dir, "--entry", "crash:echo", "../../examples/hello.beam", "-pa", "x")
		if code != 0 || out != "[\"-pa\",\"x\"]\n" {
			t.Fatalf("%s: status %d, stdout %q, stderr %q", flag, code, out, errs)
		}
	}
}
