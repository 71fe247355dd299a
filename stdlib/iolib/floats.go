package iolib

import (
	"math"
	"strconv"
)

// floatDigits returns the 21 significant digits of |x| that
// float_to_list/1 ("%.20e") prints and the decimal exponent of the first
// digit plus one (io_lib_format's float_data/1).
func floatDigits(x float64) ([]byte, int) {
	s := strconv.FormatFloat(math.Abs(x), 'e', 20, 64)
	i := len(s) - 1
	for s[i] != 'e' {
		i--
	}
	exp, _ := strconv.Atoi(s[i+1:])
	ds := make([]byte, 0, 21)
	for _, c := range []byte(s[:i]) {
		if c != '.' {
			ds = append(ds, c)
		}
	}
	return ds, exp + 1
}

// floatMan lays out digits ds with ip integer digits, a point and dc
// decimals, rounding half up on the next digit when there is one and
// padding with zeros otherwise. carry reports a carry out of the first
// digit (which is then '0').
func floatMan(ds []byte, ip, dc int) (out []byte, carry bool) {
	total := ip + dc
	r := make([]byte, total)
	for k := range r {
		if k < len(ds) {
			r[k] = ds[k]
		} else {
			r[k] = '0'
		}
	}
	if len(ds) > total && ds[total] >= '5' {
		carry = true
		for k := total - 1; k >= 0 && carry; k-- {
			if r[k] == '9' {
				r[k] = '0'
			} else {
				r[k]++
				carry = false
			}
		}
	}
	out = make([]byte, 0, total+1)
	out = append(out, r[:ip]...)
	out = append(out, '.')
	out = append(out, r[ip:]...)
	return out, carry
}

func signPrefix(x float64) []byte {
	if math.Signbit(x) {
		return []byte{'-'}
	}
	return nil
}

// floatE is io_lib_format:float_e/3: p significant digits, exponent with
// a sign and no padding ("1.00000e+3").
func floatE(x float64, p int) []rune {
	ds, e := floatDigits(x)
	fs, carry := floatMan(ds, 1, p-1)
	if carry {
		fs[0] = '1'
	} else {
		e--
	}
	out := append(signPrefix(x), fs...)
	out = append(out, 'e')
	if e >= 0 {
		out = append(out, '+')
	}
	out = strconv.AppendInt(out, int64(e), 10)
	return []rune(string(out))
}

// floatF is io_lib_format:float_f/3: p decimals.
func floatF(x float64, p int) []rune {
	ds, e := floatDigits(x)
	if e <= 0 {
		zeros := make([]byte, -e+1, -e+1+len(ds))
		for i := range zeros {
			zeros[i] = '0'
		}
		ds = append(zeros, ds...)
		e = 1
	}
	fs, carry := floatMan(ds, e, p)
	out := signPrefix(x)
	if carry {
		out = append(out, '1')
	}
	out = append(out, fs...)
	return []rune(string(out))
}

// fwriteE formats ~e.
func fwriteE(x float64, sp spec) ([]rune, error) {
	p := 6
	if sp.hasPrec {
		p = sp.prec
	}
	if p < 2 {
		return nil, badarg("~e precision below 2")
	}
	return floatField(floatE(x, p), sp), nil
}

// fwriteF formats ~f.
func fwriteF(x float64, sp spec) ([]rune, error) {
	p := 6
	if sp.hasPrec {
		p = sp.prec
	}
	if p < 1 {
		return nil, badarg("~f precision below 1")
	}
	return floatField(floatF(x, p), sp), nil
}

// floatField pads a formatted float to the field width (stars when it
// does not fit).
func floatField(text []rune, sp spec) []rune {
	if !sp.hasWidth {
		return text
	}
	return field(text, sp, sp.width, true)
}

// fwriteG formats ~g: ~f form for magnitudes in [0.1, 10000) when the
// precision allows, else ~e form, precision being significant digits.
func fwriteG(x float64, sp spec) ([]rune, error) {
	p := 6
	if sp.hasPrec {
		p = sp.prec
	}
	if p < 1 {
		return nil, badarg("~g precision below 1")
	}
	a := math.Abs(x)
	e, large := 0, false
	switch {
	case a < 0.1:
		e = -2
	case a < 1:
		e = -1
	case a < 10:
		e = 0
	case a < 100:
		e = 1
	case a < 1000:
		e = 2
	case a < 10000:
		e = 3
	default:
		large = true
	}
	sp.hasPrec = true
	switch {
	case p <= 1 && e == -1 && !large, !large && p-1 > e && e >= -1:
		sp.prec = p - 1 - e
		return fwriteF(x, sp)
	case p <= 1:
		sp.prec = 2
		return fwriteE(x, sp)
	}
	sp.prec = p
	return fwriteE(x, sp)
}
