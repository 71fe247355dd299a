package iolib

import (
	"strconv"
	"unicode/utf8"
)

// validChar reports whether c is a character an io device accepts: a
// Unicode code point that is not a surrogate.
func validChar(c rune) bool {
	return c >= 0 && c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF)
}

// AppendLatin1 appends the bytes OTP 25's standard_io writes for the
// characters cs when its encoding is latin1 (the default under
// `erl -noshell`): one byte for each character below 256, and \x{H} (upper
// case hex) for each other character. A character that is not a Unicode
// code point, or is a surrogate, makes the whole write fail as io:format
// does (badarg); buf is then returned unchanged with the error.
func AppendLatin1(buf []byte, cs []rune) ([]byte, error) {
	for _, c := range cs {
		if !validChar(c) {
			return buf, badarg("character %d cannot be written", c)
		}
	}
	for _, c := range cs {
		if c < 256 {
			buf = append(buf, byte(c))
			continue
		}
		buf = append(buf, `\x{`...)
		buf = appendUpperHex(buf, uint64(c))
		buf = append(buf, '}')
	}
	return buf, nil
}

// AppendUTF8 appends cs encoded as UTF-8, as a device whose encoding is
// unicode writes them. Invalid characters fail as in AppendLatin1.
func AppendUTF8(buf []byte, cs []rune) ([]byte, error) {
	for _, c := range cs {
		if !validChar(c) {
			return buf, badarg("character %d cannot be written", c)
		}
	}
	for _, c := range cs {
		buf = utf8.AppendRune(buf, c)
	}
	return buf, nil
}

func appendUpperHex(buf []byte, v uint64) []byte {
	start := len(buf)
	buf = strconv.AppendUint(buf, v, 16)
	for i := start; i < len(buf); i++ {
		if buf[i] >= 'a' {
			buf[i] -= 'a' - 'A'
		}
	}
	return buf
}
