// Division by zero in Gleam is not an error: Int and Float division and
// remainder by zero give 0 and 0.0. Values come from a function so the
// compiler cannot fold them.

pub type Dynamic

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "tuple_to_list")
fn args(t: a) -> List(Dynamic)

@external(erlang, "gt_ffi", "identity")
fn id(x: a) -> a

fn p(x: a) -> Nil {
  format("~p~n", [x])
}

fn safe_mean(l: List(Int)) -> Int {
  sum(l) / count(l)
}

fn sum(l: List(Int)) -> Int {
  case l {
    [] -> 0
    [x, ..xs] -> x + sum(xs)
  }
}

fn count(l: List(a)) -> Int {
  case l {
    [] -> 0
    [_, ..xs] -> 1 + count(xs)
  }
}

pub fn main() {
  let zero = id(0)
  let fzero = id(0.0)
  p(#(10 / zero, -10 / zero, 10 % zero, 0 / zero))
  p(#(10.0 /. fzero, -3.5 /. fzero, 0.0 /. fzero))
  p(#(10 / id(3), 10 % id(3), -10 / id(3), -10 % id(3)))
  p(#(10.0 /. id(4.0), 1.0 /. id(3.0)))
  p(safe_mean([]))
  p(safe_mean([1, 2, 3, 4]))
  p(100_000_000_000_000_000_000 / zero)
  p(1_000_000 / id(7))
  p(0x1F + 0o17 + 0b101)
}
