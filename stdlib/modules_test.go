package stdlib

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// runProgram runs NAME:main() of testdata/NAME.beam on a fresh runtime with
// the whole standard library and returns what it printed.
func runProgram(t *testing.T, name string) (string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	rt, err := vm.New(vm.Config{Stdout: &stdout, Stderr: &stderr, ArenaWords: 1 << 28})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	Register(rt)
	data, err := os.ReadFile(name + ".beam")
	if err != nil {
		t.Fatal(err)
	}
	mod, err := rt.LoadBinary(data)
	if err != nil {
		return "", err
	}
	type result struct {
		res *vm.Result
		err error
	}
	ch := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				ch <- result{nil, fmt.Errorf("Go panic: %v", r)}
			}
		}()
		res, err := rt.Apply(mod, rt.Atom("main"), nil)
		ch <- result{res, err}
	}()
	var r result
	select {
	case r = <-ch:
	case <-time.After(60 * time.Second):
		return stdout.String(), fmt.Errorf("timed out")
	}
	if r.err != nil {
		return stdout.String(), r.err
	}
	if r.res.Class != 0 {
		return stdout.String(), fmt.Errorf("uncaught %s:%s\n%s%s", term.AppendW(nil, &rt.Env, r.res.Class),
			term.AppendW(nil, &rt.Env, r.res.Reason), term.AppendW(nil, &rt.Env, r.res.Stack), stderr.String())
	}
	return stdout.String(), nil
}

// TestPrograms runs every testdata program and compares its output with
// what OTP 25's erl printed (testdata/NAME.out, made by regen.sh). The
// environment variable STDLIB_PROGRAMS names another directory of
// NAME.beam and NAME.out pairs to run the same way.
func TestPrograms(t *testing.T) {
	outs, err := filepath.Glob("testdata/*.out")
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("STDLIB_PROGRAMS"); dir != "" {
		more, _ := filepath.Glob(filepath.Join(dir, "*.out"))
		outs = append(outs, more...)
	}
	for _, o := range outs {
		name := strings.TrimSuffix(o, ".out")
		t.Run(filepath.Base(name), func(t *testing.T) {
			want, err := os.ReadFile(o)
			if err != nil {
				t.Fatal(err)
			}
			got, err := runProgram(t, name)
			if dump := os.Getenv("STDLIB_DUMP"); dump != "" {
				_ = os.WriteFile(filepath.Join(dump, filepath.Base(name)+".got"), []byte(got), 0o644)
			}
			if err != nil {
				t.Errorf("run: %v", err)
			}
			if got != string(want) {
				t.Errorf("output differs\n%s", lineDiff(string(want), got))
			}
		})
	}
}

// lineDiff shows the lines that differ between want and got.
func lineDiff(want, got string) string {
	wl := strings.Split(want, "\n")
	gl := strings.Split(got, "\n")
	var b strings.Builder
	n := max(len(wl), len(gl))
	shown := 0
	for i := 0; i < n && shown < 40; i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			fmt.Fprintf(&b, "line %d:\n  want %q\n  got  %q\n", i+1, w, g)
			shown++
		}
	}
	return b.String()
}
