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

// TestPrintClosure checks the #Fun<Module.Index.Uniq> form; OTP 25 printed
// #Fun<h.0.123520247> for the first fun of module h whose uniq was
// 123520247 (free variables are not shown).
func TestPrintClosure(t *testing.T) {
	h, e := newEnv(t)
	at := h.Alloc(term.FunHeaderWords + 2)
	h.W[at] = uint64(term.MakeHeader(term.SubFun, term.FunHeaderWords-1+2))
	h.W[at+1] = 7
	h.W[at+2] = uint64(e.Atom("h"))
	h.W[at+3] = 0<<32 | 2<<8 | 1
	h.W[at+4] = 123520247
	h.W[at+5] = uint64(term.MakeSmall(1))
	h.W[at+6] = uint64(term.Nil)
	f := term.MakeBoxed(at)
	if got := term.WriteString(e, f); got != "#Fun<h.0.123520247>" {
		t.Errorf("~w: %s", got)
	}
	if got := term.PrettyString(e, h.List(f)); got != "[#Fun<h.0.123520247>]" {
		t.Errorf("~p: %s", got)
	}
}

// TestPrintSubBinary checks bitstrings that start inside a byte. OTP 25:
// <<_:4, X:16/bitstring, _/bitstring>> = <<16#AB,16#CD,16#EF>> prints X as
// <<188,222>> (~w) and <<"¼Þ">> (~p); with <<_:3, Y:13/bitstring, ...>> Y
// prints as <<94,13:5>>.
func TestPrintSubBinary(t *testing.T) {
	h, e := newEnv(t)
	orig := h.Binary(e.Bins, []byte{0xAB, 0xCD, 0xEF})
	x := h.SubBinary(orig, 4, 16)
	y := h.SubBinary(orig, 3, 13)
	if got := term.WriteString(e, x); got != "<<188,222>>" {
		t.Errorf("~w X: %s", got)
	}
	if got := term.PrettyString(e, x); got != "<<\"\u00bc\u00de\">>" {
		t.Errorf("~p X: %s", got)
	}
	if got := term.WriteString(e, y); got != "<<94,13:5>>" {
		t.Errorf("~w Y: %s", got)
	}
	if got := term.PrettyString(e, y); got != "<<94,13:5>>" {
		t.Errorf("~p Y: %s", got)
	}
	// A large (off-heap) binary prints the same way.
	big := make([]byte, 100)
	for i := range big {
		big[i] = 'a'
	}
	if got := term.PrettyString(e, h.Binary(e.Bins, big)); got != "<<\""+string(big)+"\">>" {
		t.Errorf("~p of a refc binary: %s", got)
	}
}
