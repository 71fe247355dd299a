package stdlib

import (
	"math"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// The math module: every function is native. As in OTP, a non-number
// argument is badarg, and a result that is not a finite float (a domain
// error, an overflow, an integer too large to convert) is badarith.
//
// OTP calls the C library, whose results are correctly rounded in nearly
// all cases. Go's math package is often one unit in the last place off,
// which shows when floats are printed, so the transcendental functions
// here are computed in double-double arithmetic (about 106 bits) and
// rounded once: Newton steps refine the float64 estimates.

func registerMath(rt *vm.Runtime) {
	rt.Register("math", "pi", 0, func(p *vm.Process, args []term.Term) term.Term {
		return p.Heap.Float(math.Pi)
	})
	unary := map[string]func(float64) float64{
		"sin": ddSin, "cos": ddCos, "tan": ddTan,
		"asin": ddAsin, "acos": ddAcos, "atan": ddAtan,
		"sinh": ddSinh, "cosh": ddCosh, "tanh": ddTanh,
		"asinh": ddAsinh, "acosh": ddAcosh, "atanh": ddAtanh,
		"exp": ddExpF, "log": ddLogF, "log2": ddLog2, "log10": ddLog10,
		"sqrt": math.Sqrt, "erf": mathErf, "erfc": mathErfc,
		"floor": math.Floor, "ceil": math.Ceil,
	}
	for name, f := range unary {
		f := f
		rt.Register("math", name, 1, func(p *vm.Process, args []term.Term) term.Term {
			e := p.Env()
			if !e.IsNumber(args[0]) {
				return p.BadArg()
			}
			x, ok := numFloat(e, args[0])
			if !ok {
				return p.BadArith()
			}
			return floatResult(p, f(x))
		})
	}
	binary := map[string]func(float64, float64) float64{
		"pow": ddPow, "atan2": ddAtan2, "fmod": math.Mod,
	}
	for name, f := range binary {
		f := f
		rt.Register("math", name, 2, func(p *vm.Process, args []term.Term) term.Term {
			e := p.Env()
			if !e.IsNumber(args[0]) || !e.IsNumber(args[1]) {
				return p.BadArg()
			}
			x, ok1 := numFloat(e, args[0])
			y, ok2 := numFloat(e, args[1])
			if !ok1 || !ok2 {
				return p.BadArith()
			}
			return floatResult(p, f(x, y))
		})
	}
}

// floatResult returns r as a float term, or raises badarith when r is not
// finite.
func floatResult(p *vm.Process, r float64) term.Term {
	if math.IsNaN(r) || math.IsInf(r, 0) {
		return p.BadArith()
	}
	return p.Heap.Float(r)
}

// dd is a double-double number hi+lo with |lo| <= ulp(hi)/2.
type dd struct{ hi, lo float64 }

func twoSum(a, b float64) dd {
	s := a + b
	bb := s - a
	return dd{s, (a - (s - bb)) + (b - bb)}
}

func quickTwoSum(a, b float64) dd {
	s := a + b
	return dd{s, b - (s - a)}
}

func ddF(x float64) dd { return dd{x, 0} }

func (x dd) add(y dd) dd {
	s := twoSum(x.hi, y.hi)
	t := twoSum(x.lo, y.lo)
	s.lo += t.hi
	s = quickTwoSum(s.hi, s.lo)
	s.lo += t.lo
	return quickTwoSum(s.hi, s.lo)
}

func (x dd) neg() dd        { return dd{-x.hi, -x.lo} }
func (x dd) sub(y dd) dd    { return x.add(y.neg()) }
func (x dd) scale(k int) dd { return dd{math.Ldexp(x.hi, k), math.Ldexp(x.lo, k)} }

func (x dd) mul(y dd) dd {
	p := x.hi * y.hi
	e := math.FMA(x.hi, y.hi, -p)
	e += x.hi*y.lo + x.lo*y.hi
	return quickTwoSum(p, e)
}

func (x dd) div(y dd) dd {
	q1 := x.hi / y.hi
	r := x.sub(y.mul(ddF(q1)))
	q2 := r.hi / y.hi
	r = r.sub(y.mul(ddF(q2)))
	q3 := r.hi / y.hi
	return quickTwoSum(q1, q2).add(ddF(q3))
}

func (x dd) sqrt() dd {
	if x.hi <= 0 {
		return ddF(math.Sqrt(x.hi))
	}
	s := math.Sqrt(x.hi)
	// One Newton step: s + (x - s*s) / (2s).
	r := x.sub(ddF(s).mul(ddF(s)))
	return ddF(s).add(ddF(r.hi / (2 * s)))
}

var (
	ddLn2  = dd{0.6931471805599453, 2.3190468138462996e-17}
	ddLn10 = dd{2.302585092994046, -2.1707562233822494e-16}
	ddPiO2 = dd{1.5707963267948966, 6.123233995736766e-17}
)

// ddExp returns e**x.
func ddExp(x dd) dd {
	if x.hi > 709.79 {
		return ddF(math.Inf(1))
	}
	if x.hi < -745.2 {
		return ddF(0)
	}
	k := math.Round(x.hi / ddLn2.hi)
	r := x.sub(ddLn2.mul(ddF(k)))
	// exp(r) = exp(r/1024)**1024.
	r = r.scale(-10)
	sum, term := ddF(1), ddF(1)
	for n := 1; n <= 12; n++ {
		term = term.mul(r).div(ddF(float64(n)))
		sum = sum.add(term)
	}
	for i := 0; i < 10; i++ {
		sum = sum.mul(sum)
	}
	return sum.scale(int(k))
}

// ddLog returns the natural logarithm of x > 0.
func ddLog(x dd) dd {
	y := ddF(math.Log(x.hi))
	// Newton: y + x*exp(-y) - 1, twice for safety near 1.
	for i := 0; i < 2; i++ {
		y = y.add(x.mul(ddExp(y.neg())).sub(ddF(1)))
	}
	return y
}

func ddExpF(x float64) float64 {
	if math.IsNaN(x) {
		return x
	}
	return ddExp(ddF(x)).hi
}

func ddLogF(x float64) float64 {
	if x <= 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return math.Log(x)
	}
	return ddLog(ddF(x)).hi
}

func ddLog2(x float64) float64 {
	if x <= 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return math.Log2(x)
	}
	if f, e := math.Frexp(x); f == 0.5 {
		return float64(e - 1)
	}
	return ddLog(ddF(x)).div(ddLn2).hi
}

func ddLog10(x float64) float64 {
	if x <= 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return math.Log10(x)
	}
	// fdlibm: x = 2**k * m with m in [1, 2) (or [0.5, 1) for negative
	// k), log10(x) = k*log10(2) + log10(m), log10(2) split in two parts.
	const (
		ivln10   = 4.34294481903251816668e-01
		log10Hi  = 3.01029995663611771306e-01
		log10Lo  = 3.69423907715893078616e-13
		twoTo54  = 1 << 54
		minNorml = 2.2250738585072014e-308
	)
	k := 0
	if x < minNorml {
		k -= 54
		x *= twoTo54
	}
	bits := math.Float64bits(x)
	hx := int64(bits >> 32)
	k += int(hx>>20) - 1023
	i := 0
	if k < 0 {
		i = 1
	}
	hx = (hx & 0x000fffff) | int64((0x3ff-i)<<20)
	y := float64(k + i)
	m := math.Float64frombits(uint64(hx)<<32 | bits&0xffffffff)
	z := y*log10Lo + ivln10*ddLogF(m)
	return z + y*log10Hi
}

// ddSinCos returns sin and cos of x, for |x| small enough that reducing
// by a double-double pi/2 is exact enough.
func ddSinCos(x dd) (dd, dd) {
	k := math.Round(x.hi / ddPiO2.hi)
	r := x.sub(ddPiO2.mul(ddF(k)))
	r2 := r.mul(r)
	// Taylor series of sin and cos around 0, |r| <= pi/4.
	s, c := r, ddF(1)
	ts, tc := r, ddF(1)
	for n := 1; n <= 14; n++ {
		ts = ts.mul(r2).div(ddF(float64((2 * n) * (2*n + 1)))).neg()
		tc = tc.mul(r2).div(ddF(float64((2*n - 1) * (2 * n)))).neg()
		s = s.add(ts)
		c = c.add(tc)
	}
	switch int64(k) & 3 {
	case 1:
		return c, s.neg()
	case 2:
		return s.neg(), c.neg()
	case 3:
		return c.neg(), s
	}
	return s, c
}

const ddTrigLimit = 1 << 20

func ddSin(x float64) float64 {
	if math.Abs(x) > ddTrigLimit || math.IsNaN(x) {
		return math.Sin(x)
	}
	if x == 0 {
		return x
	}
	s, _ := ddSinCos(ddF(x))
	return s.hi
}

func ddCos(x float64) float64 {
	if math.Abs(x) > ddTrigLimit || math.IsNaN(x) {
		return math.Cos(x)
	}
	_, c := ddSinCos(ddF(x))
	return c.hi
}

func ddTan(x float64) float64 {
	if math.Abs(x) > ddTrigLimit || math.IsNaN(x) {
		return math.Tan(x)
	}
	if x == 0 {
		return x
	}
	s, c := ddSinCos(ddF(x))
	return s.div(c).hi
}

// ddAtan2DD returns the angle of the point (x, y) given in double-double,
// refining math.Atan2 with a Newton step on x*sin(t) - y*cos(t) = 0.
func ddAtan2DD(y, x dd) dd {
	t := ddF(math.Atan2(y.hi, x.hi))
	for i := 0; i < 2; i++ {
		s, c := ddSinCos(t)
		f := x.mul(s).sub(y.mul(c))
		d := x.mul(c).add(y.mul(s))
		if d.hi == 0 {
			break
		}
		t = t.sub(f.div(d))
	}
	return t
}

func ddAtan2(y, x float64) float64 {
	if y == 0 || x == 0 || math.IsInf(x, 0) || math.IsInf(y, 0) || math.IsNaN(x) || math.IsNaN(y) {
		return math.Atan2(y, x)
	}
	// Scale both coordinates into a safe range; the angle is unchanged.
	_, ey := math.Frexp(y)
	_, ex := math.Frexp(x)
	sh := -max(ey, ex)
	return ddAtan2DD(ddF(y).scale(sh), ddF(x).scale(sh)).hi
}

func ddAtan(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.Abs(x) > 1e300 {
		return math.Atan(x)
	}
	return ddAtan2(x, 1)
}

// ddAsinAcos returns asin(x) (acos false) or acos(x) (acos true).
func ddAsinAcos(x float64, acos bool) float64 {
	if math.IsNaN(x) || x < -1 || x > 1 {
		return math.NaN()
	}
	// sqrt(1 - x*x) as sqrt((1-x)(1+x)), exact enough in double-double.
	w := ddF(1).sub(ddF(x)).mul(ddF(1).add(ddF(x))).sqrt()
	if acos {
		if w.hi == 0 {
			return math.Acos(x)
		}
		return ddAtan2DD(w, ddF(x)).hi
	}
	if x == 0 {
		return x
	}
	return ddAtan2DD(ddF(x), w).hi
}

func ddAsin(x float64) float64 { return ddAsinAcos(x, false) }
func ddAcos(x float64) float64 { return ddAsinAcos(x, true) }

// The hyperbolic functions and log10 follow the classic fdlibm formulas
// that the C library uses, on top of the correctly rounded exp and log
// above and Go's fdlibm ports of expm1 and log1p, so that they round the
// way OTP's results do.

func ddSinh(x float64) float64 {
	ax := math.Abs(x)
	h := 0.5
	if x < 0 {
		h = -0.5
	}
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return x
	case ax < 22:
		if ax < 1.0/(1<<28) {
			return x
		}
		t := math.Expm1(ax)
		if ax < 1 {
			return h * (2*t - t*t/(t+1))
		}
		return h * (t + t/(t+1))
	case ax < 709.782712893384:
		return h * ddExpF(ax)
	}
	w := ddExpF(0.5 * ax)
	return (h * w) * w
}

func ddCosh(x float64) float64 {
	ax := math.Abs(x)
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return ax
	case ax < 0.5*math.Ln2:
		t := math.Expm1(ax)
		w := 1 + t
		if ax < 1.0/(1<<55) {
			return w
		}
		return 1 + (t*t)/(w+w)
	case ax < 22:
		t := ddExpF(ax)
		return 0.5*t + 0.5/t
	case ax < 709.782712893384:
		return 0.5 * ddExpF(ax)
	}
	w := ddExpF(0.5 * ax)
	return (0.5 * w) * w
}

func ddTanh(x float64) float64 {
	ax := math.Abs(x)
	var z float64
	switch {
	case math.IsNaN(x):
		return x
	case ax < 22:
		if ax < 1.0/(1<<55) {
			return x
		}
		if ax >= 1 {
			t := math.Expm1(2 * ax)
			z = 1 - 2/(t+2)
		} else {
			t := math.Expm1(-2 * ax)
			z = -t / (t + 2)
		}
	default:
		z = 1
	}
	if x < 0 {
		return -z
	}
	return z
}

func ddAsinh(x float64) float64 {
	ax := math.Abs(x)
	var w float64
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return x
	case ax < 1.0/(1<<28):
		return x
	case ax > 1<<28:
		w = ddLogF(ax) + math.Ln2
	case ax > 2:
		w = ddLogF(2*ax + 1/(math.Sqrt(x*x+1)+ax))
	default:
		t := x * x
		w = math.Log1p(ax + t/(1+math.Sqrt(1+t)))
	}
	if x < 0 {
		return -w
	}
	return w
}

func ddAcosh(x float64) float64 {
	switch {
	case x < 1 || math.IsNaN(x):
		return math.NaN()
	case x >= 1<<28:
		if math.IsInf(x, 0) {
			return x
		}
		return ddLogF(x) + math.Ln2
	case x == 1:
		return 0
	case x > 2:
		return ddLogF(2*x - 1/(x+math.Sqrt(x*x-1)))
	}
	t := x - 1
	return math.Log1p(t + math.Sqrt(2*t+t*t))
}

func ddAtanh(x float64) float64 { return math.Atanh(x) }

// ddPow returns x**y with C's special cases.
func ddPow(x, y float64) float64 {
	switch {
	case y == 0 || x == 1:
		return 1
	case math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) || x == 0:
		return math.Pow(x, y)
	}
	neg := false
	if x < 0 {
		if y != math.Trunc(y) {
			return math.NaN()
		}
		x = -x
		neg = math.Mod(y, 2) != 0
	}
	l := ddLog(ddF(x)).mul(ddF(y))
	if l.hi > 709.79 {
		return math.Inf(1)
	}
	var r float64
	if l.hi < -708 {
		r = math.Pow(x, y)
	} else {
		r = ddExp(l).hi
	}
	if neg {
		return -r
	}
	return r
}

// erf and erfc: fdlibm's rational approximations (the C library's), with
// the polynomials evaluated in the grouped order the C library uses and
// the correctly rounded exp, which reproduces its results bit for bit.
const (
	erfErx = 8.45062911510467529297e-01
	erfEfx = 1.28379167095512586316e-01
	erfPp0 = 1.28379167095512558561e-01
	erfPp1 = -3.25042107247001499370e-01
	erfPp2 = -2.84817495755985104766e-02
	erfPp3 = -5.77027029648944159157e-03
	erfPp4 = -2.37630166566501626084e-05
	erfQq1 = 3.97917223959155352819e-01
	erfQq2 = 6.50222499887672944485e-02
	erfQq3 = 5.08130628187576562776e-03
	erfQq4 = 1.32494738004321644526e-04
	erfQq5 = -3.96022827877536812320e-06
	erfPa0 = -2.36211856075265944077e-03
	erfPa1 = 4.14856118683748331666e-01
	erfPa2 = -3.72207876035701323847e-01
	erfPa3 = 3.18346619901161753674e-01
	erfPa4 = -1.10894694282396677476e-01
	erfPa5 = 3.54783043256182359371e-02
	erfPa6 = -2.16637559486879084300e-03
	erfQa1 = 1.06420880400844228286e-01
	erfQa2 = 5.40397917702171048937e-01
	erfQa3 = 7.18286544141962662868e-02
	erfQa4 = 1.26171219808761642112e-01
	erfQa5 = 1.36370839120290507362e-02
	erfQa6 = 1.19844998467991074170e-02
	erfRa0 = -9.86494403484714822705e-03
	erfRa1 = -6.93858572707181764372e-01
	erfRa2 = -1.05586262253232909814e+01
	erfRa3 = -6.23753324503260060396e+01
	erfRa4 = -1.62396669462573470355e+02
	erfRa5 = -1.84605092906711035994e+02
	erfRa6 = -8.12874355063065934246e+01
	erfRa7 = -9.81432934416914548592e+00
	erfSa1 = 1.96512716674392571292e+01
	erfSa2 = 1.37657754143519042600e+02
	erfSa3 = 4.34565877475229228821e+02
	erfSa4 = 6.45387271733267880336e+02
	erfSa5 = 4.29008140027567833386e+02
	erfSa6 = 1.08635005541779435134e+02
	erfSa7 = 6.57024977031928170135e+00
	erfSa8 = -6.04244152148580987438e-02
	erfRb0 = -9.86494292470009928597e-03
	erfRb1 = -7.99283237680523006574e-01
	erfRb2 = -1.77579549177547519889e+01
	erfRb3 = -1.60636384855821916062e+02
	erfRb4 = -6.37566443368389627722e+02
	erfRb5 = -1.02509513161107724954e+03
	erfRb6 = -4.83519191608651397019e+02
	erfSb1 = 3.03380607434824582924e+01
	erfSb2 = 3.25792512996573918826e+02
	erfSb3 = 1.53672958608443695994e+03
	erfSb4 = 3.19985821950859553908e+03
	erfSb5 = 2.55305040643316442583e+03
	erfSb6 = 4.74528541206955367215e+02
	erfSb7 = -2.24409524465858183362e+01
)

// erfSmall returns the ratio y with erf(x) = x + x*y for |x| < 0.84375.
func erfSmall(x float64) float64 {
	z := x * x
	z2 := z * z
	z4 := z2 * z2
	r := (erfPp0 + z*erfPp1) + z2*(erfPp2+z*erfPp3) + z4*erfPp4
	s := (1 + z*erfQq1) + z2*(erfQq2+z*erfQq3) + z4*(erfQq4+z*erfQq5)
	return r / s
}

// erfMid returns P and Q with erf(1+s) = erx + P/Q, 0.84375 <= 1+s < 1.25.
func erfMid(s float64) (float64, float64) {
	s2 := s * s
	s4 := s2 * s2
	s6 := s4 * s2
	p := (erfPa0 + s*erfPa1) + s2*(erfPa2+s*erfPa3) + s4*(erfPa4+s*erfPa5) + s6*erfPa6
	q := (1 + s*erfQa1) + s2*(erfQa2+s*erfQa3) + s4*(erfQa4+s*erfQa5) + s6*erfQa6
	return p, q
}

// erfTail returns exp(-x*x - 0.5625 + R/S) / x for 1.25 <= x < 28, so
// that erfc(x) is the result.
func erfTail(x float64) float64 {
	s := 1 / (x * x)
	s2 := s * s
	s4 := s2 * s2
	s6 := s4 * s2
	var r, q float64
	if x < 1/0.35 {
		s8 := s4 * s4
		r = (erfRa0 + s*erfRa1) + s2*(erfRa2+s*erfRa3) + s4*(erfRa4+s*erfRa5) + s6*(erfRa6+s*erfRa7)
		q = (1 + s*erfSa1) + s2*(erfSa2+s*erfSa3) + s4*(erfSa4+s*erfSa5) + s6*(erfSa6+s*erfSa7) + s8*erfSa8
	} else {
		r = (erfRb0 + s*erfRb1) + s2*(erfRb2+s*erfRb3) + s4*(erfRb4+s*erfRb5) + s6*erfRb6
		q = (1 + s*erfSb1) + s2*(erfSb2+s*erfSb3) + s4*(erfSb4+s*erfSb5) + s6*(erfSb6+s*erfSb7)
	}
	z := math.Float64frombits(math.Float64bits(x) & 0xffffffff00000000)
	return ddExpF(-z*z-0.5625) * ddExpF((z-x)*(z+x)+r/q) / x
}

func mathErf(x float64) float64 {
	ax := math.Abs(x)
	var r float64
	switch {
	case math.IsNaN(x):
		return x
	case ax < 0.84375:
		if ax < 1.0/(1<<28) {
			return x + erfEfx*x
		}
		return x + x*erfSmall(x)
	case ax < 1.25:
		p, q := erfMid(ax - 1)
		r = erfErx + p/q
	case ax >= 6:
		r = 1
	default:
		r = 1 - erfTail(ax)
	}
	if x < 0 {
		return -r
	}
	return r
}

func mathErfc(x float64) float64 {
	ax := math.Abs(x)
	switch {
	case math.IsNaN(x):
		return x
	case ax < 0.84375:
		if ax < 1.0/(1<<56) {
			return 1 - x
		}
		y := erfSmall(x)
		if x < 0.25 {
			return 1 - (x + x*y)
		}
		return 0.5 - (x*y + (x - 0.5))
	case ax < 1.25:
		p, q := erfMid(ax - 1)
		if x < 0 {
			return 1 + (erfErx + p/q)
		}
		return (1 - erfErx) - p/q
	case ax < 28:
		if x < -6 {
			return 2
		}
		r := erfTail(ax)
		if x < 0 {
			return 2 - r
		}
		return r
	}
	if x < 0 {
		return 2
	}
	return 0
}
