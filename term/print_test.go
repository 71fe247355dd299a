package term_test

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/stdlib/iolib/termtext"
	"github.com/beamr/beamr/term"
)

// newEnv returns a heap and environment for building test terms.
func newEnv(t testing.TB) (*heap.Heap, *term.Env) {
	t.Helper()
	a, err := heap.NewArena(1 << 27)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	h, err := heap.New(a, 0)
	if err != nil {
		t.Fatal(err)
	}
	return h, &term.Env{W: a.W, Atoms: term.NewAtomTable(), Bins: term.NewBinTable()}
}

// printCase is one line of testdata/print_expected.txt, produced by OTP 25
// (see testdata/gen_print.erl).
type printCase struct {
	line      int
	mode, src string
	want      string
}

func readPrintCases(t *testing.T, file string, min int) []printCase {
	t.Helper()
	fh, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var cases []printCase
	for n := 1; sc.Scan(); n++ {
		parts := strings.SplitN(sc.Text(), "\t", 3)
		if len(parts) != 3 {
			t.Fatalf("line %d: malformed", n)
		}
		want, err := strconv.Unquote(parts[2])
		if err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		cases = append(cases, printCase{n, parts[0], parts[1], want})
	}
	if len(cases) < min {
		t.Fatalf("%s: only %d cases", file, len(cases))
	}
	return cases
}

// render prints t in the given mode (see testdata/print_cases.txt).
func render(t *testing.T, e *term.Env, mode string, x term.Term) string {
	t.Helper()
	switch {
	case mode == "w":
		return string(term.AppendW(nil, e, x))
	case mode == "tw":
		return string(term.AppendWDepth(nil, e, x, -1, true))
	case strings.HasPrefix(mode, "W"), strings.HasPrefix(mode, "tW"):
		d, err := strconv.Atoi(strings.TrimLeft(mode, "tW"))
		if err != nil {
			t.Fatal(err)
		}
		return string(term.AppendWDepth(nil, e, x, d, mode[0] == 't'))
	case strings.HasPrefix(mode, "p:"), strings.HasPrefix(mode, "pu:"):
		f := strings.Split(mode, ":")
		col, _ := strconv.Atoi(f[1])
		ll, _ := strconv.Atoi(f[2])
		d, _ := strconv.Atoi(f[3])
		o := term.PrettyOpts{Column: col, LineLength: ll, Depth: d,
			Unicode: f[4] == "unicode", NoStrings: f[5] == "false",
			UnicodeRange: f[0] == "pu"}
		return string(term.AppendP(nil, e, x, o))
	}
	t.Fatalf("unknown mode %q", mode)
	return ""
}

// TestPrintAgainstOTP checks AppendW, AppendWDepth and AppendP against
// what OTP 25 printed for the same terms (testdata/gen_print.erl).
func TestPrintAgainstOTP(t *testing.T) {
	h, e := newEnv(t)
	fails := 0
	cases := readPrintCases(t, "testdata/print_expected.txt", 2000)
	cases = append(cases, readPrintCases(t, "testdata/print_pc_expected.txt", 10)...)
	for _, c := range cases {
		x, err := termtext.Parse(h, e, c.src)
		if err != nil {
			t.Fatalf("line %d: %v", c.line, err)
		}
		if got := render(t, e, c.mode, x); got != c.want {
			fails++
			if fails <= 15 {
				t.Errorf("line %d: %s %s\n got: %s\nwant: %s", c.line, c.mode, c.src, got, c.want)
			}
		}
	}
	if fails > 0 {
		t.Errorf("%d cases differ", fails)
	}
}
