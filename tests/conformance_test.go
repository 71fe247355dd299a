package tests

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/beamr/beamr/stdlib"
	"github.com/beamr/beamr/vm"
)

// releases are the compiler releases whose fixtures are run.
var releases = []string{"otp25", "otp27", "otp29"}

// programs lists the fixture names (from expected/NAME.out).
func programs(t *testing.T) []string {
	outs, err := filepath.Glob("expected/*.out")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, o := range outs {
		base := strings.TrimSuffix(filepath.Base(o), ".out")
		if strings.Contains(base, ".") { // NAME.otp27.out
			continue
		}
		names = append(names, base)
	}
	sort.Strings(names)
	return names
}

// expected returns what a program must print for a release.
func expected(name, rel string) ([]byte, error) {
	if b, err := os.ReadFile(filepath.Join("expected", name+"."+rel+".out")); err == nil {
		return b, nil
	}
	return os.ReadFile(filepath.Join("expected", name+".out"))
}

// runBeamr runs NAME:main() from dir on a fresh runtime and returns stdout.
func runBeamr(dir, name string) (out []byte, err error) {
	stdout, stderr, err := runProgram(vm.Config{Stdin: bytes.NewReader(stdinOf(name))}, dir, name)
	if err != nil && strings.HasPrefix(err.Error(), "uncaught exception") {
		err = fmt.Errorf("%w%s", err, stderr)
	}
	return stdout, err
}

// runProgram runs NAME:main() from dir (which joins the code path) on a
// runtime made with cfg and the standard library, and returns what it
// wrote to standard output and standard error. An uncaught exception or a
// non-zero halt is an error.
func runProgram(cfg vm.Config, dir, name string) (stdout, stderr []byte, err error) {
	var out, errOut bytes.Buffer
	cfg.Stdout, cfg.Stderr = &out, &errOut
	if cfg.ArenaWords == 0 {
		cfg.ArenaWords = 1 << 30
	}
	rt, err := vm.New(cfg)
	if err != nil {
		return nil, nil, err
	}
	err = func() error {
		stdlib.Register(rt)
		rt.AddCodePath(dir)
		data, err := os.ReadFile(filepath.Join(dir, name+".beam"))
		if err != nil {
			return err
		}
		mod, err := rt.LoadBinary(data)
		if err != nil {
			return err
		}
		res, err := rt.Apply(mod, rt.Atom("main"), nil)
		switch {
		case err != nil:
			return err
		case res.Class != 0:
			return fmt.Errorf("uncaught exception:\n%s", rt.FormatCrash(res))
		case res.Halted && res.HaltCode != 0:
			return fmt.Errorf("halted with status %d", res.HaltCode)
		}
		return nil
	}()
	rt.Close()
	return out.Bytes(), errOut.Bytes(), err
}

// runWithTimeout runs f, giving up after d (a runaway program then fails its
// test instead of hanging the suite).
func runWithTimeout(d time.Duration, f func() ([]byte, error)) ([]byte, error) {
	type result struct {
		out []byte
		err error
	}
	ch := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				ch <- result{nil, fmt.Errorf("Go panic: %v", r)}
			}
		}()
		out, err := f()
		ch <- result{out, err}
	}()
	select {
	case r := <-ch:
		return r.out, r.err
	case <-time.After(d):
		return nil, fmt.Errorf("timed out after %v", d)
	}
}

// TestConformance runs every fixture of every release on beamr and compares
// its output with what OTP's erl printed.
func TestConformance(t *testing.T) {
	names := programs(t)
	if len(names) == 0 {
		t.Fatal("no fixtures found")
	}
	for _, rel := range releases {
		for _, name := range names {
			dir := filepath.Join("fixtures", rel)
			if _, err := os.Stat(filepath.Join(dir, name+".beam")); err != nil {
				continue
			}
			t.Run(rel+"/"+name, func(t *testing.T) {
				if needsOTPStdlib(name) {
					t.Skip("needs OTP's stdlib beams: runs in TestConformanceOTPMode")
				}
				want, err := expected(name, rel)
				if err != nil {
					t.Fatal(err)
				}
				got, err := runWithTimeout(2*time.Minute, func() ([]byte, error) { return runBeamr(dir, name) })
				if err != nil {
					t.Fatalf("%v\noutput so far:\n%s", err, got)
				}
				if !bytes.Equal(got, want) {
					t.Fatalf("output differs from OTP's\n%s", diff(want, got))
				}
			})
		}
	}
}

// TestExpectationsAgainstErl re-checks the stored expectations against the
// erl on PATH (OTP 25), when there is one.
func TestExpectationsAgainstErl(t *testing.T) {
	erl := requireErl25(t)
	dir, _ := filepath.Abs(filepath.Join("fixtures", "otp25"))
	for _, name := range programs(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want, err := expected(name, "otp25")
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, erl, "-noshell", "-pa", dir, "-eval", name+":main(), halt().")
			cmd.Stdin = bytes.NewReader(stdinOf(name))
			got, err := cmd.Output()
			if err != nil {
				t.Fatalf("erl: %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("stored expectation differs from erl's output\n%s", diff(want, got))
			}
		})
	}
}

// diff shows the first differing line of want and got.
func diff(want, got []byte) string {
	wl := strings.Split(string(want), "\n")
	gl := strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("first difference at line %d:\n  erl:   %q\n  beamr: %q", i+1, w, g)
		}
	}
	return "outputs differ in length"
}

// requireErl25 returns the erl on PATH, skipping the test when there is
// none, when it is not OTP 25 (the release expectations come from) and in
// -short mode.
func requireErl25(t *testing.T) string {
	t.Helper()
	erl, err := exec.LookPath("erl")
	if err != nil {
		t.Skip("erl not installed")
	}
	if out, err := exec.Command(erl, "-noshell", "-eval", `io:put_chars(erlang:system_info(otp_release)), halt().`).Output(); err != nil || string(out) != "25" {
		t.Skipf("erl on PATH is not OTP 25 (%q)", out)
	}
	if testing.Short() {
		t.Skip("skipped in -short mode")
	}
	return erl
}
