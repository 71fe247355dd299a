package iolib

import (
	"bufio"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/stdlib/iolib/termtext"
	"github.com/beamr/beamr/term"
)

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

// TestFormatAgainstOTP runs testdata/format_expected.txt, whose expected
// column was printed by OTP 25's io_lib:format/2 (see gen_format.erl).
func TestFormatAgainstOTP(t *testing.T) {
	h, e := newEnv(t)
	fh, err := os.Open("testdata/format_expected.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for line := 1; sc.Scan(); line++ {
		parts := strings.SplitN(sc.Text(), "\t", 3)
		if len(parts) != 3 {
			t.Fatalf("line %d: malformed", line)
		}
		ft := termtext.MustParse(h, e, parts[0])
		at := termtext.MustParse(h, e, parts[1])
		got, err := Format(e, ft, at)
		if parts[2] == "ERR" {
			if err == nil {
				t.Errorf("line %d: format %s %s = %q, want badarg", line, parts[0], parts[1], string(got))
			} else if !errors.Is(err, ErrBadArg) {
				t.Errorf("line %d: error %v does not wrap ErrBadArg", line, err)
			}
			n++
			continue
		}
		want, err2 := strconv.Unquote(parts[2])
		if err2 != nil {
			t.Fatalf("line %d: %v", line, err2)
		}
		if err != nil {
			t.Errorf("line %d: format %s %s: %v, want %q", line, parts[0], parts[1], err, want)
		} else if string(got) != want {
			t.Errorf("line %d: format %s %s\n got: %q\nwant: %q", line, parts[0], parts[1], string(got), want)
		}
		n++
	}
	if n < 200 {
		t.Fatalf("only %d cases", n)
	}
}

func TestFormatChars(t *testing.T) {
	h, e := newEnv(t)
	args := []term.Term{h.String("x"), term.MakeSmall(42)}
	got, err := FormatChars(e, []rune("~s=~w~n"), args)
	if err != nil || string(got) != "x=42\n" {
		t.Fatalf("got %q, %v", string(got), err)
	}
	// Characters that are not Unicode scalar values pass through.
	got, err = FormatChars(e, []rune("~tc"), []term.Term{term.MakeSmall(0xD800)})
	if err != nil || len(got) != 1 || got[0] != 0xD800 {
		t.Fatalf("~tc of a surrogate: %v, %v", got, err)
	}
}
