// `use` expressions: callbacks of several arities, nested uses, resource
// style wrappers and early returns.

pub type Dynamic

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "tuple_to_list")
fn args(t: a) -> List(Dynamic)

@external(erlang, "erlang", "put")
fn put(k: String, v: a) -> Dynamic

@external(erlang, "erlang", "get")
fn get(k: String) -> a

fn with_logging(name: String, f: fn() -> a) -> a {
  format("enter ~ts~n", [name])
  let r = f()
  format("leave ~ts~n", [name])
  r
}

fn with_counter(f: fn(Int) -> a) -> a {
  put("counter", 0)
  f(0)
}

fn tick() -> Int {
  let n = get("counter") + 1
  put("counter", n)
  n
}

fn each_index(l: List(a), f: fn(Int, a) -> Nil) -> Nil {
  loop(l, 0, f)
}

fn loop(l: List(a), i: Int, f: fn(Int, a) -> Nil) -> Nil {
  case l {
    [] -> Nil
    [x, ..xs] -> {
      f(i, x)
      loop(xs, i + 1, f)
    }
  }
}

fn guard(cond: Bool, otherwise: b, f: fn() -> b) -> b {
  case cond {
    True -> otherwise
    False -> f()
  }
}

fn classify(n: Int) -> String {
  use <- guard(n < 0, "negative")
  use <- guard(n == 0, "zero")
  use <- guard(n > 1000, "huge")
  "positive"
}

fn pair(f: fn(Int, String) -> a) -> a {
  f(7, "seven")
}

pub fn main() {
  let total = {
    use <- with_logging("outer")
    use <- with_logging("inner")
    use _start <- with_counter
    tick()
    tick()
    tick()
  }
  format("total ~b~n", [total])
  {
    use i, x <- each_index(["a", "b", "c"])
    format("~b=~ts~n", args(#(i, x)))
  }
  [-5, 0, 5, 5000]
  |> map(classify)
  |> fn(l) { format("~p~n", [l]) }
  use n, s <- pair()
  format("~b ~ts~n", args(#(n, s)))
}

fn map(l: List(a), f: fn(a) -> b) -> List(b) {
  case l {
    [] -> []
    [x, ..xs] -> [f(x), ..map(xs, f)]
  }
}
