// Floats: arithmetic, printing with ~p, ~w, ~f, ~e, ~g, float_to_binary
// options and shortest round-trip text, rounding and conversions.

pub type Dynamic

pub type Opt {
  Decimals(Int)
  Scientific(Int)
  Short
  Compact
}

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "tuple_to_list")
fn args(t: a) -> List(Dynamic)

@external(erlang, "erlang", "float_to_binary")
fn float_to_binary(f: Float, opts: List(Opt)) -> String

@external(erlang, "erlang", "float_to_binary")
fn float_to_binary_default(f: Float) -> String

@external(erlang, "io_lib_format", "fwrite_g")
fn fwrite_g(f: Float) -> List(Dynamic)

@external(erlang, "unicode", "characters_to_binary")
fn to_binary(cs: List(Dynamic)) -> String

@external(erlang, "erlang", "round")
fn round(f: Float) -> Int

@external(erlang, "erlang", "trunc")
fn truncate(f: Float) -> Int

@external(erlang, "math", "floor")
fn floor(f: Float) -> Float

@external(erlang, "math", "ceil")
fn ceil(f: Float) -> Float

@external(erlang, "math", "sqrt")
fn sqrt(f: Float) -> Float

@external(erlang, "math", "pow")
fn pow(a: Float, b: Float) -> Float

@external(erlang, "erlang", "float")
fn to_float(i: Int) -> Float

@external(erlang, "erlang", "binary_to_float")
fn parse(s: String) -> Float

fn p(x: a) -> Nil {
  format("~p~n", [x])
}

pub fn main() {
  let xs = [0.0, 1.0, -1.5, 0.1, 0.1 +. 0.2, 1.0 /. 3.0, 2.0 /. 3.0, 100.0, 1.0e15, 1.0e16, 123456789.125, 1.0e-7, 5.0e-324, 1.7976931348623157e308, -0.0]
  each(xs, fn(x) {
    format("~p ~w ~ts ~ts~n", args(#(x, x, to_binary(fwrite_g(x)), float_to_binary(x, [Short]))))
  })
  each([3.14159, -2.5, 1234.5678, 0.000123], fn(x) {
    format("~f|~.2f|~e|~.3e|~g|~10.3f|~-10.1f|~ts|~ts~n", args(#(x, x, x, x, x, x, x, float_to_binary(x, [Decimals(3)]), float_to_binary(x, [Scientific(2)]))))
  })
  format("~ts~n", [float_to_binary(2.5, [Decimals(4), Compact])])
  format("~ts~n", [float_to_binary_default(0.1)])
  p([round(2.5), round(-2.5), round(3.49), truncate(-7.9), truncate(7.9)])
  p([floor(-1.5), ceil(-1.5), floor(2.0), ceil(2.1)])
  p([sqrt(2.0), pow(2.0, 0.5), pow(10.0, -3.0)])
  p(to_float(123456789012345678))
  p(parse("6.02214076e23"))
  p(1.0e300 *. 1.0e-300)
  p(#(1.5 <. 2.0, 2.0 >=. 2.0, 1.0 == 1.0, 0.1 +. 0.2 == 0.3))
  p(-1.5 *. -2.0)
  p(7.0 -. 10.25)
  p(sum([0.1, 0.2, 0.3, 0.4], 0.0))
}

fn sum(l: List(Float), acc: Float) -> Float {
  case l {
    [] -> acc
    [x, ..xs] -> sum(xs, acc +. x)
  }
}

fn each(l: List(a), f: fn(a) -> b) -> Nil {
  case l {
    [] -> Nil
    [x, ..xs] -> {
      f(x)
      each(xs, f)
    }
  }
}
