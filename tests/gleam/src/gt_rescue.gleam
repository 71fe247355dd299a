// Panics, todos and failed let asserts caught through an Erlang helper and
// printed as values: the error maps Gleam 0.30 raises.

pub type Dynamic

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "gt_ffi", "rescue")
fn rescue(f: fn() -> a) -> Result(a, Dynamic)

@external(erlang, "erlang", "throw")
fn throw(x: a) -> b

@external(erlang, "erlang", "exit")
fn exit(x: a) -> b

@external(erlang, "erlang", "binary_to_atom")
fn to_atom(s: String) -> Dynamic

fn p(x: a) -> Nil {
  format("~p~n", [x])
}

fn half(n: Int) -> Int {
  case n % 2 {
    0 -> n / 2
    _ -> panic as "odd number"
  }
}

fn first(l: List(a)) -> a {
  let assert [x, ..] = l
  x
}

fn unfinished() -> Int {
  todo
}

fn bare_panic() -> Int {
  panic
}

pub fn main() {
  p(rescue(fn() { half(10) }))
  p(rescue(fn() { half(7) }))
  p(rescue(fn() { first([1, 2]) }))
  p(rescue(fn() { first([]) }))
  p(rescue(fn() { unfinished() }))
  p(rescue(fn() { bare_panic() }))
  p(rescue(fn() { throw(#("thrown", 1)) }))
  p(rescue(fn() { exit(to_atom("shutdown")) }))
  p(rescue(fn() {
    let assert Ok(v) = Error("nope")
    v
  }))
}
