package beamfile

import (
	"bytes"
	"encoding/hex"
	"errors"
	"math/big"
	"testing"
)

// Expected bytes printed by OTP 25's own encoder:
// [beam_asm:encode(Tag, N) || {Tag, N} <- Cases].
var compactCases = []struct {
	tag byte
	n   string
	hex string
}{
	{0, "0", "00"},
	{0, "15", "f0"},
	{0, "16", "0810"},
	{0, "2047", "e8ff"},
	{0, "2048", "180800"},
	{0, "65535", "3800ffff"},
	{0, "2147483647", "587fffffff"},
	{0, "9223372036854775807", "d87fffffffffffffff"},
	{1, "0", "01"},
	{1, "5", "51"},
	{1, "-1", "19ffff"},
	{1, "-16", "19fff0"},
	{1, "2047", "e9ff"},
	{1, "-2048", "19f800"},
	{1, "2048", "190800"},
	{1, "128", "0980"},
	{1, "-129", "19ff7f"},
	{1, "9223372036854775807", "d97fffffffffffffff"},
	{1, "-9223372036854775808", "d98000000000000000"},
	{1, "9223372036854775808", "f900008000000000000000"},
	{1, "18446744073709551616", "f900010000000000000000"},
	{1, "-18446744073709551616", "f900ff0000000000000000"},
	{1, "123456789012345678901234567890", "f940018ee90ff6c373e0ee4e3f0ad2"},
	{1, "-98765432109876543210987654321", "f940fec0df263d000762c71e38f34f"},
	{1, "1267650600228229401496703205376", "f94010000000000000000000000000"},
	{2, "0", "02"},
	{2, "1", "12"},
	{2, "300", "2a2c"},
	{3, "1023", "6bff"},
	{4, "7", "74"},
	{5, "0", "05"},
	{5, "4000", "1d0fa0"},
	{6, "65", "0e41"},
	{7, "1", "17"},
	{7, "4", "47"},
}

func TestCompactDecode(t *testing.T) {
	for _, c := range compactCases {
		in, _ := hex.DecodeString(c.hex)
		want, _ := new(big.Int).SetString(c.n, 10)
		r := newReader(in, 0, "test")
		num, err := r.compact()
		if err != nil {
			t.Errorf("%s: %v", c.hex, err)
			continue
		}
		if !r.eof() {
			t.Errorf("%s: %d bytes left over", c.hex, r.remaining())
		}
		if num.tag != c.tag {
			t.Errorf("%s: tag %d, want %d", c.hex, num.tag, c.tag)
		}
		var got *big.Int
		if num.wide != nil {
			got = bigFromTwos(num.wide)
		} else {
			got = big.NewInt(num.val)
		}
		if got.Cmp(want) != 0 {
			t.Errorf("%s: value %s, want %s", c.hex, got, want)
		}
		// The test encoder used by the round-trip test must agree with OTP.
		if enc := encCompact(c.tag, want); !bytes.Equal(enc, in) {
			t.Errorf("encCompact(%d, %s) = %x, want %s", c.tag, want, enc, c.hex)
		}
	}
}

func TestCompactArg(t *testing.T) {
	d := &argDecoder{atoms: 10, labels: 100, literals: 5, types: 3}
	cases := []struct {
		name string
		in   string
		want Arg
	}{
		{"u", "f0", Arg{Kind: KindU, Val: 15, Type: -1}},
		{"i neg", "19ffff", Arg{Kind: KindI, Val: -1, Type: -1}},
		{"i min int64", "d98000000000000000", Arg{Kind: KindI, Val: -1 << 63, Type: -1}},
		{"nil", "02", Arg{Kind: KindA, Val: 0, Type: -1}},
		{"atom", "92", Arg{Kind: KindA, Val: 9, Type: -1}},
		{"x", "6bff", Arg{Kind: KindX, Val: 1023, Type: -1}},
		{"y", "14", Arg{Kind: KindY, Val: 1, Type: -1}},
		{"label", "e5", Arg{Kind: KindF, Val: 14, Type: -1}},
		{"no label", "05", Arg{Kind: KindF, Val: 0, Type: -1}},
		{"char", "0e41", Arg{Kind: KindH, Val: 65, Type: -1}},
		{"float reg", "2720", Arg{Kind: KindFR, Val: 2, Type: -1}},
		{"literal", "4740", Arg{Kind: KindLit, Val: 4, Type: -1}},
		{"typed x", "572320", Arg{Kind: KindX, Val: 2, Type: 2}},
		{"typed y", "575410", Arg{Kind: KindY, Val: 5, Type: 1}},
		{"list", "1730" + "02" + "f5" + "4700", Arg{Kind: KindList, Type: -1, List: []Arg{
			{Kind: KindA, Val: 0, Type: -1}, {Kind: KindF, Val: 15, Type: -1}, {Kind: KindLit, Val: 0, Type: -1}}}},
		{"empty list", "1700", Arg{Kind: KindList, Type: -1, List: []Arg{}}},
		{"alloc", "3730" + "00" + "30" + "10" + "10" + "20" + "80", Arg{Kind: KindAlloc, Type: -1, Alloc: []AllocItem{
			{AllocWords, 3}, {AllocFloats, 1}, {AllocFuns, 8}}}},
	}
	for _, c := range cases {
		in, _ := hex.DecodeString(c.in)
		r := newReader(in, 0, "test")
		got, err := d.arg(r, false)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if !r.eof() {
			t.Errorf("%s: %d bytes left over", c.name, r.remaining())
		}
		if !argEqual(got, c.want) {
			t.Errorf("%s: got %+v, want %+v", c.name, got, c.want)
		}
		if enc := encArg(got); !bytes.Equal(enc, in) {
			t.Errorf("%s: re-encoded as %x, want %s", c.name, enc, c.in)
		}
	}
}

func TestCompactArgBig(t *testing.T) {
	d := &argDecoder{atoms: 2, labels: 2}
	in, _ := hex.DecodeString("f940018ee90ff6c373e0ee4e3f0ad2")
	a, err := d.arg(newReader(in, 0, "test"), false)
	if err != nil {
		t.Fatal(err)
	}
	if a.Kind != KindI || a.Big == nil || a.Big.String() != "123456789012345678901234567890" {
		t.Fatalf("got %+v", a)
	}
}

func TestCompactArgErrors(t *testing.T) {
	d := &argDecoder{atoms: 10, labels: 100, literals: 5, types: 3}
	cases := []struct {
		name     string
		in       string
		sentinel error
	}{
		{"empty", "", ErrTruncated},
		{"11-bit form cut", "08", ErrTruncated},
		{"long form cut", "3800ff", ErrTruncated},
		{"length prefix cut", "f9", ErrTruncated},
		{"length prefix not u", "f901", ErrCorrupt},
		{"length prefix too long", "f9f8", ErrCorrupt},
		{"huge length", "f9" + "38ffff", ErrTruncated},
		{"atom out of range", "a2", ErrCorrupt},
		{"x out of range", "1b0403", ErrCorrupt},
		{"label out of range", "0d64", ErrCorrupt},
		{"u too large", "f800008000000000000000", ErrCorrupt},
		{"u top bit", "d88000000000000000", ErrCorrupt},
		{"literal out of range", "4750", ErrCorrupt},
		{"type out of range", "572330", ErrCorrupt},
		{"typed non-register", "572130", ErrCorrupt},
		{"float reg out of range", "27184000", ErrCorrupt},
		{"alloc too long", "3740", ErrCorrupt},
		{"alloc bad kind", "37103010", ErrCorrupt},
		{"obsolete float", "07", ErrCorrupt},
		{"unknown extended", "67", ErrCorrupt},
		{"extended 11-bit", "0f10", ErrCorrupt},
		{"list count larger than input", "1738ffff", ErrTruncated},
		{"nested list", "17101700", ErrCorrupt},
		{"list element cut", "1720" + "00", ErrTruncated},
		{"list count not u", "1711", ErrCorrupt},
	}
	for _, c := range cases {
		in, _ := hex.DecodeString(c.in)
		_, err := d.arg(newReader(in, 0, "test"), false)
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if !errors.Is(err, c.sentinel) {
			t.Errorf("%s: %v, want %v", c.name, err, c.sentinel)
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s: %T is not *Error", c.name, err)
		}
	}
}

func argEqual(a, b Arg) bool {
	if a.Kind != b.Kind || a.Val != b.Val || a.Type != b.Type || len(a.List) != len(b.List) || len(a.Alloc) != len(b.Alloc) {
		return false
	}
	if (a.Big == nil) != (b.Big == nil) || a.Big != nil && a.Big.Cmp(b.Big) != 0 {
		return false
	}
	for i := range a.List {
		if !argEqual(a.List[i], b.List[i]) {
			return false
		}
	}
	for i := range a.Alloc {
		if a.Alloc[i] != b.Alloc[i] {
			return false
		}
	}
	return true
}
