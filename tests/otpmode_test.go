package tests

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/beamr/beamr/stdlib"
	"github.com/beamr/beamr/vm"
)

// otp25Root returns the root of an OTP 25 installation ($BEAMR_OTP_ROOT,
// or the erl on PATH), or skips the test.
func otp25Root(t *testing.T) string {
	t.Helper()
	root, err := vm.FindOTPRoot()
	if err != nil {
		t.Skipf("no OTP installation: %v", err)
	}
	rel, err := os.ReadFile(filepath.Join(root, "releases", "25", "OTP_VERSION"))
	if err != nil {
		t.Skipf("%s is not OTP 25", root)
	}
	_ = rel
	return root
}

// runOTPMode runs NAME:main() from dir on a fresh runtime whose standard
// library is OTP's own beams, feeding it stdin, and returns stdout (read
// once the runtime is closed: other processes may still write until
// then).
func runOTPMode(root, dir, name string, stdin []byte) (out []byte, err error) {
	stdout, stderr, err := runProgram(vm.Config{Stdlib: vm.StdlibOTP, OTPRoot: root,
		Stdin: bytes.NewReader(stdin)}, dir, name)
	if err != nil {
		err = fmt.Errorf("%w\nstderr:\n%s", err, stderr)
	}
	return stdout, err
}

// otpModeSkip lists the programs that do not run in OTP mode, and why.
var otpModeSkip = map[string]string{
	"std_rand": "calls rand:format_jumpconst58/1, which needs the re module (not implemented)",
	"file_io":  "OTP's filelib:fold_files/5 needs the re module (not implemented)",
}

// TestConformanceOTPMode runs the OTP 25 build of every conformance
// program with OTP 25's own stdlib and kernel beams in place of beamr's
// (StdlibOTP), when OTP 25 is installed, and compares the output with
// what erl printed.
func TestConformanceOTPMode(t *testing.T) {
	root := otp25Root(t)
	dir := filepath.Join("fixtures", "otp25")
	for _, name := range programs(t) {
		if _, err := os.Stat(filepath.Join(dir, name+".beam")); err != nil {
			continue
		}
		t.Run(name, func(t *testing.T) {
			if why, ok := otpModeSkip[name]; ok {
				t.Skip(why)
			}
			want, err := expected(name, "otp25")
			if err != nil {
				t.Fatal(err)
			}
			got, err := runWithTimeout(2*time.Minute, func() ([]byte, error) { return runOTPMode(root, dir, name, stdinOf(name)) })
			if err != nil {
				t.Fatalf("%v\noutput so far:\n%s", err, got)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("output differs from OTP's\n%s", diff(want, got))
			}
		})
	}
}

// TestOTPSupervisedService runs a small supervised service on OTP 25's
// own gen_server, supervisor and proc_lib beams: stdlib_otp_supervisor's
// service/0 starts a one_for_one supervisor of two gen_server workers,
// makes one fail in a call and checks that the supervisor restarted it.
// The logger's reports of the crash come out on standard error as erl
// prints them.
func TestOTPSupervisedService(t *testing.T) {
	root := otp25Root(t)
	dir := filepath.Join("fixtures", "otp25")
	var stdout, stderr bytes.Buffer
	rt, err := vm.New(vm.Config{Stdout: &stdout, Stderr: &stderr, Stdlib: vm.StdlibOTP, OTPRoot: root,
		Stdin: bytes.NewReader(nil)})
	if err != nil {
		t.Fatal(err)
	}
	closed := false
	defer func() {
		if !closed {
			rt.Close()
		}
	}()
	stdlib.Register(rt)
	rt.AddCodePath(dir)
	mod := rt.Atom("stdlib_otp_supervisor")
	if !rt.EnsureLoaded(mod) {
		t.Fatal("cannot load stdlib_otp_supervisor")
	}
	res, err := rt.Apply(mod, rt.Atom("service"), nil)
	if err != nil || res.Class != 0 {
		t.Fatalf("service/0: %v %+v\nstderr:\n%s", err, res, stderr.String())
	}
	// The modules that ran are OTP's.
	for _, m := range []string{"gen_server", "supervisor", "proc_lib", "gen"} {
		file, ok := rt.ModuleFile(rt.Atom(m))
		if !ok || !strings.HasPrefix(file, root) {
			t.Errorf("%s was loaded from %q, not from %s", m, file, root)
		}
	}
	rt.Close() // the supervisor may still be stopping
	closed = true
	want := `children: [{w2,worker,true},{w1,worker,true}]
w1 starts: 1
crash w1: restarted
w1 starts: 2
w2 starts: 1
count: [{specs,2},{active,2},{supervisors,0},{workers,2}]
`
	if got := stdout.String(); got != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", got, want)
	}
	// What erl prints for the crash, in order: the gen_server's error
	// report, proc_lib's crash report, the supervisor's report.
	reports := stderr.String()
	pos := 0
	for _, s := range []string{
		"=ERROR REPORT====", "** Generic server w1 terminating", "** Last message in was crash",
		"** Reason for termination ==", "** {boom,[{stdlib_otp_supervisor,handle_call,3,",
		"=CRASH REPORT====", "  crasher:", "    initial call: stdlib_otp_supervisor:init/1",
		"    registered_name: w1", "    exception error: boom",
		"=SUPERVISOR REPORT====", "    errorContext: child_terminated",
		"               {id,w1},", "               {restart_type,permanent},",
	} {
		i := strings.Index(reports[pos:], s)
		if i < 0 {
			t.Fatalf("standard error lacks %q after offset %d:\n%s", s, pos, reports)
		}
		pos += i + len(s)
	}
}

// stdinOf returns what program name reads as standard input: the contents
// of erl/NAME.in, or nothing.
func stdinOf(name string) []byte {
	b, _ := os.ReadFile(filepath.Join("erl", name+".in"))
	return b
}

// needsOTPStdlib reports whether program name is marked as needing OTP's
// own stdlib beams (modules beamr does not bundle).
func needsOTPStdlib(name string) bool {
	src, err := os.ReadFile(filepath.Join("erl", name+".erl"))
	return err == nil && bytes.Contains(src, []byte("\n%% beamr: needs-otp-stdlib\n"))
}

// TestOTPModeNatives checks which functions run as natives in each stdlib
// mode: in OTP mode a module of the OTP installation runs its own code,
// except its stubs of functions the runtime implements (lists:reverse/2,
// maps:get/2), which stay native, and the modules beamr serves itself.
func TestOTPModeNatives(t *testing.T) {
	root := otp25Root(t)
	for _, mode := range []vm.StdlibMode{vm.StdlibBundled, vm.StdlibOTP} {
		rt, err := vm.New(vm.Config{Stdlib: mode, OTPRoot: root, Stdout: io.Discard})
		if err != nil {
			t.Fatal(err)
		}
		stdlib.Register(rt)
		for _, c := range []struct {
			m, f            string
			arity           int
			bundled, native bool // native in bundled mode, in OTP mode
		}{
			{"lists", "reverse", 2, true, true},
			{"lists", "keyfind", 3, true, true},
			{"lists", "map", 2, false, false}, // bundled Erlang: it calls a fun
			{"lists", "reverse", 1, true, false},
			{"maps", "get", 2, true, true},
			{"maps", "to_list", 1, true, false},
			{"binary", "split", 3, true, true},
			{"unicode", "characters_to_binary", 2, true, true},
			{"io_lib", "format", 2, true, false},
			{"erlang", "element", 2, true, true},
			{"code", "ensure_loaded", 1, true, true},
		} {
			e, ok := rt.Exported(rt.Atom(c.m), rt.Atom(c.f), c.arity)
			if !ok {
				t.Errorf("%s: %s:%s/%d is not defined", mode, c.m, c.f, c.arity)
				continue
			}
			want := c.native
			if mode == vm.StdlibBundled {
				want = c.bundled
			}
			if (e.Code().Native != nil) != want {
				t.Errorf("%s: %s:%s/%d native = %v, want %v", mode, c.m, c.f, c.arity, e.Code().Native != nil, want)
			}
		}
		if mode == vm.StdlibOTP {
			if f, ok := rt.ModuleFile(rt.Atom("lists")); !ok || !strings.HasPrefix(f, root) {
				t.Errorf("lists loaded from %q", f)
			}
		}
		rt.Close()
	}
}

// TestStdinArrivesLater feeds a program's standard input through a pipe
// that stays empty for a while: the program waits for it (no deadlock is
// reported while a read is under way) and then reads it as erl does.
func TestStdinArrivesLater(t *testing.T) {
	const name = "stdlib_otp_io_latin1"
	want, err := expected(name, "otp25")
	if err != nil {
		t.Fatal(err)
	}
	pr, pw := io.Pipe()
	go func() {
		time.Sleep(100 * time.Millisecond)
		pw.Write(stdinOf(name))
		pw.Close()
	}()
	var stdout bytes.Buffer
	rt, err := vm.New(vm.Config{Stdout: &stdout, Stderr: io.Discard, Stdin: pr})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	stdlib.Register(rt)
	dir := filepath.Join("fixtures", "otp25")
	rt.AddCodePath(dir)
	mod := rt.Atom(name)
	if !rt.EnsureLoaded(mod) {
		t.Fatalf("cannot load %s", name)
	}
	res, err := rt.Apply(mod, rt.Atom("main"), nil)
	if err != nil || res.Class != 0 {
		t.Fatalf("main: %v %+v", err, res)
	}
	if !bytes.Equal(stdout.Bytes(), want) {
		t.Fatalf("output differs from OTP's\n%s", diff(want, stdout.Bytes()))
	}
}
