package iolib

import (
	"errors"
	"testing"
)

// Bytes written by `erl -noshell` (OTP 25, standard_io in latin1) for
// io:format("~ts|~n", [Chars]), and io:format's badarg for characters that
// are not code points.
func TestAppendLatin1(t *testing.T) {
	cases := []struct {
		in   []rune
		want string
		err  bool
	}{
		{[]rune{0xE9, '|', '\n'}, "\xe9|\n", false},
		{[]rune{0x4E2D, 0x1F600, '\n'}, `\x{4E2D}\x{1F600}` + "\n", false},
		{[]rune{1024, 0xE9, '|', '\n'}, `\x{400}` + "\xe9|\n", false},
		{[]rune{0xFFFF, '|', '\n'}, `\x{FFFF}|` + "\n", false},
		{[]rune{0xD800, '|', '\n'}, "", true},
		{[]rune{0x110000, '|', '\n'}, "", true},
		{[]rune{-1, '|', '\n'}, "", true},
	}
	for _, c := range cases {
		got, err := AppendLatin1(nil, c.in)
		if c.err {
			if !errors.Is(err, ErrBadArg) || len(got) != 0 {
				t.Errorf("%v: got %q, %v; want badarg", c.in, got, err)
			}
			continue
		}
		if err != nil || string(got) != c.want {
			t.Errorf("%v: got %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	got, err := AppendUTF8([]byte("x"), []rune{0xE9, 0x4E2D})
	if err != nil || string(got) != "xé中" {
		t.Errorf("AppendUTF8: %q, %v", got, err)
	}
}
