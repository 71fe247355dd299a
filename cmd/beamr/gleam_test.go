package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gleamCrashes are what Gleam 0.30's runner printed on OTP 25 for
// `erl -pa testdata/gleambuild/crashy/ebin -eval 'crashy@@main:run(crashy)'
// -noshell -extra KIND` (crashy@@main being the runner the Gleam compiler
// generates), with the exit status.
var gleamCrashes = []struct {
	kind   string
	status int
	out    string
}{
	{"badarith", 127, `kind badarith
exception error: an error occurred when evaluating an arithmetic expression
  in function  crashy:crash/1 (crashy.erl, line 15)`},
	{"badarith_frame", 127, `kind badarith_frame
exception error: an error occurred when evaluating an arithmetic expression
  in operator  */2
     called as a * 2
  in call from crashy:crash/1 (crashy.erl, line 16)`},
	{"badarg_plain", 127, `kind badarg_plain
exception error: bad argument
  in function  crashy:crash/1 (crashy.erl, line 17)`},
	{"case_clause", 127, `kind case_clause
exception error: no case clause matching {1,2}
  in function  crashy:crash/1 (crashy.erl, line 18)`},
	{"if_clause", 127, `kind if_clause
exception error: no true branch found when evaluating an if expression
  in function  crashy:crash/1 (crashy.erl, line 19)`},
	{"badfun", 127, `kind badfun
exception error: bad function notfun
  in function  crashy:crash/1 (crashy.erl, line 20)`},
	{"badarity", 127, `kind badarity
exception error: crashy:'-crash/1-fun-0-'/1 called with two arguments
  in function  crashy:crash/1 (crashy.erl, line 21)`},
	{"badmap", 127, `kind badmap
exception error: bad map: not_a_map
  in function  crashy:crash/1 (crashy.erl, line 22)`},
	{"undef", 127, `kind undef
exception error: undefined function nomod:nofun/2`},
	{"throw", 127, `kind throw
exception throw: {my,"thrown",<<"value">>}
  in function  crashy:crash/1 (crashy.erl, line 24)`},
	{"exit", 127, `kind exit
exception exit: {shutdown,[1,2,3]}
  in function  crashy:crash/1 (crashy.erl, line 25)`},
	{"try_clause", 127, `kind try_clause
exception error: no try clause matching 3
  in function  crashy:crash/1 (crashy.erl, line 26)`},
	{"clause", 127, `kind clause
exception error: no function clause matching crashy:clause(-5,[x,y]) (crashy.erl, line 39)`},
	{"clause_string", 127, `kind clause_string
exception error: no function clause matching crashy:clause(-5,"text") (crashy.erl, line 39)`},
	{"clause_chars", 127, `kind clause_chars
exception error: no function clause matching crashy:chars(104,105) (crashy.erl, line 41)`},
	{"long", 127, `kind long
exception error: {some_long_reason,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,
                                    18,19,20,21,22,23,24,25,26,27,28,29,30,31,
                                    32,33,34,35,36,37,38,39,40],
                                   [<<"a binary string here">>,
                                    <<"a binary string here">>,
                                    <<"a binary string here">>,
                                    <<"a binary string here">>,
                                    <<"a binary string here">>]}
  in function  crashy:crash/1 (crashy.erl, line 31)`},
	{"long_match", 127, `kind long_match
exception error: no match of right hand side value 
                 {error,[100,101,102,103,104,105,106,107,108,109,110,111,112,
                         113,114,115,116,117,118,119,120,121,122,123,124,125,
                         126,127,128,129,130],
                        #{key => "value"}}
  in function  crashy:crash/1 (crashy.erl, line 33)`},
	{"timeout", 127, `kind timeout
exception error: bad receive timeout value
  in function  crashy:crash/1 (crashy.erl, line 34)`},
	{"unicode", 127, `kind unicode
exception error: #{atom => ä,
                   message =>
                       <<195,188,110,195,175,99,195,182,100,195,169,32,226,
                         156,147>>}
  in function  crashy:crash/1 (crashy.erl, line 35)`},
	{"halt", 4, `kind halt
`},
	{"deep", 127, `kind deep
exception error: deep_bottom
  in function  crashy:deep/1 (crashy.erl, line 43)`},
}

func TestGleamRunCrashes(t *testing.T) {
	for _, c := range gleamCrashes {
		code, out, errs := run(t, "run", "testdata/gleambuild", "crashy", c.kind)
		if code != c.status || out != c.out {
			t.Errorf("%s: status %d (want %d)\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", c.kind, code, c.status, out, c.out, errs)
		}
	}
}

// TestGleamRunBuildDir runs a program from a build directory holding
// several packages, as gleam run does with build/dev/erlang.
func TestGleamRunBuildDir(t *testing.T) {
	build := filepath.Join(t.TempDir(), "build", "dev", "erlang")
	copyDir(t, "../../tests/gleam/ebin", filepath.Join(build, "beamr_gleam", "ebin"))
	copyDir(t, "testdata/gleambuild/crashy/ebin", filepath.Join(build, "crashy", "ebin"))
	want, err := os.ReadFile("../../tests/gleam/expected/gt_records.out")
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "run", build, "gt_records")
	if code != 0 || out != string(want) {
		t.Fatalf("status %d, stdout:\n%s\nstderr:\n%s", code, out, errs)
	}
	code, out, _ = run(t, "run", build, "crashy", "halt")
	if code != 4 || out != "kind halt\n" {
		t.Fatalf("crashy halt: status %d, stdout %q", code, out)
	}
	// A module without main/0: what the runner's Module:main() raises.
	code, out, _ = run(t, "run", build, "no_such_module")
	if code != 127 || out != "exception error: undefined function no_such_module:main/0" {
		t.Fatalf("missing module: status %d, stdout %q", code, out)
	}
}

func TestGleamRunUsage(t *testing.T) {
	code, _, errs := run(t, "run", "testdata/gleambuild")
	if code != 1 || !strings.Contains(errs, "give the module") {
		t.Fatalf("no module: status %d, stderr %q", code, errs)
	}
	code, _, errs = run(t, "run", t.TempDir(), "x")
	if code != 1 || !strings.Contains(errs, "no .beam files") {
		t.Fatalf("empty dir: status %d, stderr %q", code, errs)
	}
}

func TestGleamRunnerChoice(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a", "ebin"), filepath.Join(dir, "b", "ebin")
	for _, f := range []string{filepath.Join(a, "a@@main.beam"), filepath.Join(a, "x.beam"),
		filepath.Join(b, "y.beam")} {
		writeFile(t, f, "")
	}
	ebins, err := gleamEbins(dir)
	if err != nil || len(ebins) != 2 {
		t.Fatalf("ebins %v, %v", ebins, err)
	}
	if r := gleamRunner(ebins, "y"); r != "a@@main" {
		t.Fatalf("only runner: got %q", r)
	}
	writeFile(t, filepath.Join(b, "b@@main.beam"), "")
	if r := gleamRunner(ebins, "y"); r != "b@@main" {
		t.Fatalf("runner next to the module: got %q", r)
	}
	if r := gleamRunner(ebins, "z"); r != "" {
		t.Fatalf("ambiguous: got %q", r)
	}
	// An ebin directory given directly is on the path itself.
	if ebins, err := gleamEbins(a); err != nil || len(ebins) != 1 || ebins[0] != a {
		t.Fatalf("plain ebin: %v, %v", ebins, err)
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	ents, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(to, e.Name()), string(data))
	}
}
