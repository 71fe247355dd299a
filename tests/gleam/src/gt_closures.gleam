// Functions as values: closures capturing variables, function capture
// with `_`, pipelines, currying, recursion through fn values, and
// function references passed to OTP's lists.

pub type Dynamic

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "tuple_to_list")
fn args(t: a) -> List(Dynamic)

@external(erlang, "lists", "map")
fn lists_map(f: fn(a) -> b, l: List(a)) -> List(b)

@external(erlang, "erlang", "is_function")
fn is_function(f: a, arity: Int) -> Bool

fn p(x: a) -> Nil {
  format("~p~n", [x])
}

fn add(a: Int, b: Int) -> Int {
  a + b
}

fn compose(f: fn(a) -> b, g: fn(b) -> c) -> fn(a) -> c {
  fn(x) { g(f(x)) }
}

fn curry(f: fn(a, b) -> c) -> fn(a) -> fn(b) -> c {
  fn(a) { fn(b) { f(a, b) } }
}

fn repeat(f: fn(a) -> a, n: Int) -> fn(a) -> a {
  case n {
    0 -> fn(x) { x }
    _ -> compose(f, repeat(f, n - 1))
  }
}

fn make_counter(start: Int) -> #(fn() -> Int, fn(Int) -> Int) {
  #(fn() { start }, fn(step) { start + step })
}

fn apply_all(fs: List(fn(Int) -> Int), x: Int) -> List(Int) {
  case fs {
    [] -> []
    [f, ..rest] -> [f(x), ..apply_all(rest, x)]
  }
}

fn fix(f: fn(fn(Int) -> Int, Int) -> Int) -> fn(Int) -> Int {
  fn(x) { f(fix(f), x) }
}

pub fn main() {
  let add5 = add(5, _)
  let sub_from_100 = fn(x) { 100 - x }
  p(add5(10))
  p(
    3
    |> add5
    |> sub_from_100
    |> add(1, _),
  )
  let inc_then_double = compose(add(1, _), fn(x) { x * 2 })
  p(inc_then_double(20))
  let curried = curry(add)
  p(curried(2)(3))
  p(repeat(fn(x) { x * 3 }, 5)(1))
  let #(get, bump) = make_counter(41)
  p(#(get(), bump(1), bump(-41)))
  let multipliers = lists_map(fn(n) { fn(x) { x * n } }, [1, 2, 3, 4])
  p(apply_all(multipliers, 7))
  let fact =
    fix(fn(self, n) {
      case n {
        0 -> 1
        _ -> n * self(n - 1)
      }
    })
  p(fact(20))
  p(lists_map(add5, [1, 2, 3]))
  p(#(is_function(add5, 1), is_function(add, 2), is_function(get, 1)))
  let greeting = "hello"
  let greeters = lists_map(fn(name) { fn(punct) { greeting <> ", " <> name <> punct } }, ["Ann", "Bo"])
  each(greeters, fn(g) { format("~ts~n", [g("!")]) })
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
