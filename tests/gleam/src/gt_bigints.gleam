// Integers beyond 64 bits: factorials, Fibonacci numbers, powers, Gleam's
// division and remainder on big and negative numbers, bitwise operations
// through erlang's BIFs, conversions to text.

pub type Dynamic

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "tuple_to_list")
fn args(t: a) -> List(Dynamic)

@external(erlang, "erlang", "integer_to_binary")
fn to_string(n: Int) -> String

@external(erlang, "erlang", "integer_to_binary")
fn to_base(n: Int, base: Int) -> String

@external(erlang, "erlang", "binary_to_integer")
fn parse(s: String) -> Int

@external(erlang, "erlang", "band")
fn band(a: Int, b: Int) -> Int

@external(erlang, "erlang", "bor")
fn bor(a: Int, b: Int) -> Int

@external(erlang, "erlang", "bxor")
fn bxor(a: Int, b: Int) -> Int

@external(erlang, "erlang", "bsl")
fn bsl(a: Int, b: Int) -> Int

@external(erlang, "erlang", "bsr")
fn bsr(a: Int, b: Int) -> Int

@external(erlang, "erlang", "bnot")
fn bnot(a: Int) -> Int

@external(erlang, "erlang", "abs")
fn abs(a: Int) -> Int

@external(erlang, "string", "length")
fn length(s: String) -> Int

fn p(x: a) -> Nil {
  format("~p~n", [x])
}

fn factorial(n: Int) -> Int {
  case n {
    0 -> 1
    n -> n * factorial(n - 1)
  }
}

fn fib(n: Int) -> Int {
  fib_loop(n, 0, 1)
}

fn fib_loop(n: Int, a: Int, b: Int) -> Int {
  case n {
    0 -> a
    _ -> fib_loop(n - 1, b, a + b)
  }
}

fn pow(b: Int, e: Int) -> Int {
  case e {
    0 -> 1
    _ ->
      case e % 2 {
        0 -> {
          let h = pow(b, e / 2)
          h * h
        }
        _ -> b * pow(b, e - 1)
      }
  }
}

fn gcd(a: Int, b: Int) -> Int {
  case b {
    0 -> abs(a)
    _ -> gcd(b, a % b)
  }
}

fn digits_sum(n: Int) -> Int {
  case n {
    0 -> 0
    _ -> n % 10 + digits_sum(n / 10)
  }
}

pub fn main() {
  let f50 = factorial(50)
  p(f50)
  format("~ts (~b digits)~n", args(#(to_string(factorial(100)), length(to_string(factorial(100))))))
  p(fib(300))
  p(pow(2, 64))
  p(pow(2, 64) - 1)
  p(pow(-3, 41))
  p(pow(2, 200) / pow(3, 50))
  p(pow(2, 200) % pow(3, 50))
  p(#(-7 / 2, 7 / -2, -7 % 2, 7 % -2))
  p(#(0 - pow(10, 30) / 7, 0 - pow(10, 30) % 7))
  p(gcd(factorial(30), pow(2, 100) * 3))
  p(digits_sum(factorial(200)))
  p(band(pow(2, 100) + 5, 7))
  p(bor(pow(2, 70), 1))
  p(bxor(pow(2, 65) - 1, pow(2, 64)))
  p(bsl(1, 130))
  p(bsr(pow(2, 130), 125))
  p(bnot(pow(2, 70)))
  p(bsr(-1 * pow(2, 80), 3))
  format("~ts~n", [to_base(pow(2, 100) - 1, 16)])
  format("~ts~n", [to_base(0 - pow(36, 12), 36)])
  p(parse("-123456789012345678901234567890") * 2)
  p(pow(2, 62) + pow(2, 62) - 1)
  p(0 - pow(2, 63))
  p(pow(2, 63) - pow(2, 63))
  p(factorial(25) > factorial(24) * 24)
  p(#(max_int_compare(pow(2, 64), 1.0e19), pow(10, 20) == 100000000000000000000))
}

fn max_int_compare(a: Int, f: Float) -> Bool {
  a > float_to_int(f)
}

@external(erlang, "erlang", "trunc")
fn float_to_int(f: Float) -> Int
