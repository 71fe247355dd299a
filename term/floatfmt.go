package term

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// ErrFloatFormat is returned when a float cannot be formatted with the
// requested options (OTP raises badarg then).
var ErrFloatFormat = errors.New("term: float format out of range")

// maxFloatChars is the longest text float_to_list/2 can produce: OTP formats
// into a 256-byte buffer that must also hold the terminating NUL.
const maxFloatChars = 255

// FormatFloat returns the shortest text that reads back as f, in the form
// OTP 25 uses for ~w, ~p, io_lib_format:fwrite_g/1 and float_to_list(F,
// [short]): the shortest round-trip digits, printed in fixed notation
// ("123.0", "0.001") when that is about as short as scientific notation, and
// otherwise as "D.DDDeN" with at least one digit after the point and no "+"
// on the exponent ("1.0e10", "1.0e-5", "9.007199254740992e15").
func FormatFloat(f float64) string {
	return string(AppendFloat(nil, f))
}

// AppendFloat appends FormatFloat(f) to buf.
func AppendFloat(buf []byte, f float64) []byte {
	if math.Signbit(f) {
		buf = append(buf, '-')
		f = -f
	}
	if f == 0 {
		return append(buf, "0.0"...)
	}
	// Shortest round-trip digits and decimal exponent.
	var tmp [32]byte
	s := strconv.AppendFloat(tmp[:0], f, 'e', -1, 64)
	ei := len(s) - 1
	for s[ei] != 'e' {
		ei--
	}
	sciExp, _ := strconv.Atoi(string(s[ei+1:]))
	var digits [24]byte
	n := 0
	for _, c := range s[:ei] {
		if c != '.' {
			digits[n] = c
			n++
		}
	}
	d := digits[:n]
	r := sciExp - (n - 1) // value = d * 10^r

	lower, upper := -(n + 2), 1
	switch {
	case n == 1:
		lower, upper = -4, 2
	case sciExp >= 10:
		upper = 2
	}
	fixed := lower <= r && r <= upper
	if fixed {
		// Integers at or beyond 2^53 print in scientific notation.
		mant, _ := strconv.ParseUint(string(d), 10, 64)
		if (mant >= 1<<53 && r == 0) || (mant > (1<<52)/5 && r == 1) || (mant > (1<<51)/25 && r == 2) {
			fixed = false
		}
	}
	if fixed {
		switch whole := n + r; {
		case r >= 0:
			buf = append(buf, d...)
			for i := 0; i < r; i++ {
				buf = append(buf, '0')
			}
			return append(buf, ".0"...)
		case whole > 0:
			buf = append(buf, d[:whole]...)
			buf = append(buf, '.')
			return append(buf, d[whole:]...)
		default:
			buf = append(buf, "0."...)
			for i := 0; i < -whole; i++ {
				buf = append(buf, '0')
			}
			return append(buf, d...)
		}
	}
	buf = append(buf, d[0], '.')
	if n > 1 {
		buf = append(buf, d[1:]...)
	} else {
		buf = append(buf, '0')
	}
	buf = append(buf, 'e')
	return strconv.AppendInt(buf, int64(sciExp), 10)
}

// FormatFloatSci returns f in C's "%.*e" form with prec digits after the
// point, as float_to_list(F, [{scientific, Prec}]) does; float_to_list/1 is
// FormatFloatSci(f, 20) ("1.00000000000000000000e+00"). A negative prec
// means 6, as in C. The error is ErrFloatFormat when the text would exceed
// OTP's limit of 255 characters.
func FormatFloatSci(f float64, prec int) (string, error) {
	if prec < 0 {
		prec = 6
	}
	if prec > maxFloatChars {
		return "", ErrFloatFormat
	}
	s := strconv.FormatFloat(f, 'e', prec, 64)
	if len(s) > maxFloatChars {
		return "", ErrFloatFormat
	}
	return s, nil
}

// pow10tab holds the powers of ten OTP's fast fixed-point formatter uses.
var pow10tab = [...]float64{
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
}

// FormatFloatDigits returns f with the given number of decimals, as
// float_to_list(F, [{decimals, Decimals}]) does in OTP 25, and with
// compact also true, as [{decimals, Decimals}, compact] (trailing zeros
// removed, keeping one digit after the point).
//
// Like OTP, numbers up to 2^53 with fewer than 19 decimals are rounded in
// double precision (half away from zero) rather than exactly; larger ones
// are printed exactly as C's "%.*f". The error is ErrFloatFormat for a
// negative decimals or a result over 255 characters.
func FormatFloatDigits(f float64, decimals int, compact bool) (string, error) {
	if decimals < 0 {
		return "", ErrFloatFormat
	}
	af := math.Abs(f)
	if af > 1<<53 || decimals >= len(pow10tab) {
		if decimals > maxFloatChars {
			return "", ErrFloatFormat
		}
		s := strconv.FormatFloat(f, 'f', decimals, 64)
		if len(s) > maxFloatChars {
			return "", ErrFloatFormat
		}
		if compact {
			s = trimTrailingZeros(s)
		}
		return s, nil
	}
	var b strings.Builder
	if math.Signbit(f) {
		b.WriteByte('-')
	}
	if decimals == 0 {
		// lround: half away from zero.
		b.WriteString(strconv.FormatUint(uint64(math.Round(af)), 10))
		return b.String(), nil
	}
	intF := math.Floor(af)
	p := pow10tab[decimals]
	fracF := math.Round(float64(af-intF) * p)
	intPart := uint64(intF)
	fracPart := uint64(fracF)
	if fracF >= p {
		intPart++
		fracPart = 0
	}
	b.WriteString(strconv.FormatUint(intPart, 10))
	b.WriteByte('.')
	fs := strconv.FormatUint(fracPart, 10)
	for i := len(fs); i < decimals; i++ {
		b.WriteByte('0')
	}
	b.WriteString(fs)
	s := b.String()
	if compact {
		s = trimTrailingZeros(s)
	}
	return s, nil
}

// trimTrailingZeros removes trailing '0's, keeping one after a '.'. Like
// OTP it also strips zeros of an integer without a point.
func trimTrailingZeros(s string) string {
	i := len(s)
	for i > 1 && s[i-1] == '0' {
		i--
	}
	if i > 0 && s[i-1] == '.' {
		i++
	}
	return s[:i]
}
