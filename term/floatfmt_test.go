package term

import (
	"bufio"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// floatOpt formats f as one column of testdata/float_to_list.tsv, which was
// produced by OTP 25's float_to_list/2 (see the column order below).
type floatOpt struct {
	name string
	fn   func(f float64) (string, error)
}

var floatCols = []floatOpt{
	{"[short]", func(f float64) (string, error) { return FormatFloat(f), nil }},
	{"[]", func(f float64) (string, error) { return FormatFloatSci(f, 20) }},
	{"[{decimals,0}]", func(f float64) (string, error) { return FormatFloatDigits(f, 0, false) }},
	{"[{decimals,1}]", func(f float64) (string, error) { return FormatFloatDigits(f, 1, false) }},
	{"[{decimals,2}]", func(f float64) (string, error) { return FormatFloatDigits(f, 2, false) }},
	{"[{decimals,4},compact]", func(f float64) (string, error) { return FormatFloatDigits(f, 4, true) }},
	{"[{decimals,10}]", func(f float64) (string, error) { return FormatFloatDigits(f, 10, false) }},
	{"[{decimals,18}]", func(f float64) (string, error) { return FormatFloatDigits(f, 18, false) }},
	{"[{decimals,19}]", func(f float64) (string, error) { return FormatFloatDigits(f, 19, false) }},
	{"[{decimals,30},compact]", func(f float64) (string, error) { return FormatFloatDigits(f, 30, true) }},
	{"[{decimals,0},compact]", func(f float64) (string, error) { return FormatFloatDigits(f, 0, true) }},
	{"[{scientific,0}]", func(f float64) (string, error) { return FormatFloatSci(f, 0) }},
	{"[{scientific,3}]", func(f float64) (string, error) { return FormatFloatSci(f, 3) }},
	{"[{scientific,15}]", func(f float64) (string, error) { return FormatFloatSci(f, 15) }},
}

func TestFloatToListAgainstOTP(t *testing.T) {
	fh, err := os.Open("testdata/float_to_list.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	lines, fails := 0, 0
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != len(floatCols)+1 {
			t.Fatalf("bad line %q", sc.Text())
		}
		bits, err := strconv.ParseUint(cols[0], 16, 64)
		if err != nil {
			t.Fatal(err)
		}
		f := math.Float64frombits(bits)
		for i, c := range floatCols {
			got, err := c.fn(f)
			if err != nil {
				got = "ERR"
			}
			if want := cols[i+1]; got != want {
				fails++
				if fails < 30 {
					t.Errorf("float_to_list(%v, %s) = %q, want %q", f, c.name, got, want)
				}
			}
		}
		lines++
	}
	if lines < 1000 {
		t.Fatalf("only %d lines read", lines)
	}
}

func TestFormatFloatLimits(t *testing.T) {
	// Lengths from OTP 25: 255 characters are allowed, 256 are not.
	cases := []struct {
		f       float64
		dec     int
		sci     bool
		wantLen int // -1: badarg
	}{
		{1.0, 253, false, 255},
		{-1.0, 253, false, -1},
		{-1.0, 252, false, 255},
		{1.0e200, 54, false, 255},
		{1.0e200, 55, false, -1},
		{1.0e16, 237, false, 255},
		{1.0e16, 238, false, -1},
		{-1.0, 248, true, 255},
		{-1.0, 249, true, -1},
		{1.0, 249, true, 255},
		{1.0, 250, true, -1},
		{1.0, -1, false, -1},
		{1.7976931348623157e308, 0, false, -1},
	}
	for _, c := range cases {
		var s string
		var err error
		if c.sci {
			s, err = FormatFloatSci(c.f, c.dec)
		} else {
			s, err = FormatFloatDigits(c.f, c.dec, false)
		}
		got := len(s)
		if err != nil {
			got = -1
		}
		if got != c.wantLen {
			t.Errorf("%v dec=%d sci=%v: len %d, want %d", c.f, c.dec, c.sci, got, c.wantLen)
		}
	}
	// {scientific, -1} means C's default precision.
	if s, _ := FormatFloatSci(1.0, -1); s != "1.000000e+00" {
		t.Errorf("scientific -1: %q", s)
	}
	// OTP strips zeros of a large integer with [{decimals,0},compact].
	if s, _ := FormatFloatDigits(1.0e20, 0, true); s != "1" {
		t.Errorf("1.0e20 compact: %q", s)
	}
	if s, _ := FormatFloatDigits(-1.0e20, 0, true); s != "-1" {
		t.Errorf("-1.0e20 compact: %q", s)
	}
}
