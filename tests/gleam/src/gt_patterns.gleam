// Pattern matching: nested patterns, guards, alternatives, string prefixes,
// list spreads, tuples and `as` bindings.

pub type Dynamic

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "tuple_to_list")
fn args(t: a) -> List(Dynamic)

fn p(x: a) -> Nil {
  format("~p~n", [x])
}

pub type Expr {
  Num(Int)
  Add(Expr, Expr)
  Mul(Expr, Expr)
  Neg(Expr)
  Var(String)
}

fn simplify(e: Expr) -> Expr {
  case e {
    Add(Num(0), x) | Add(x, Num(0)) -> simplify(x)
    Mul(Num(1), x) | Mul(x, Num(1)) -> simplify(x)
    Mul(Num(0), _) | Mul(_, Num(0)) -> Num(0)
    Neg(Neg(x)) -> simplify(x)
    Add(Num(a), Num(b)) -> Num(a + b)
    Mul(Num(a), Num(b)) -> Num(a * b)
    Add(a, b) -> Add(simplify(a), simplify(b))
    Mul(a, b) -> Mul(simplify(a), simplify(b))
    Neg(x) -> Neg(simplify(x))
    other -> other
  }
}

fn classify(n: Int) -> String {
  case n {
    0 -> "zero"
    n if n < 0 -> "negative"
    n if n > 100 && n < 1000 -> "hundreds"
    1 | 3 | 5 | 7 | 9 -> "small odd"
    n if n < 10 -> "small even"
    _ -> "large"
  }
}

fn command(line: String) -> String {
  case line {
    "GET " <> path -> "get:" <> path
    "PUT " <> rest -> "put:" <> rest
    "é" <> rest -> "accent:" <> rest
    "" -> "empty"
    other -> "unknown:" <> other
  }
}

fn describe_list(l: List(Int)) -> String {
  case l {
    [] -> "empty"
    [x] -> "one"
    [1, 2, ..] -> "starts 1,2"
    [x, y] if x > y -> "pair desc"
    [_, _] -> "pair"
    [_, second, ..rest] as all if second > 7 -> "long from 8"
    _ -> "long"
  }
}

fn tuple_logic(t: #(Bool, Bool)) -> String {
  case t {
    #(True, True) -> "both"
    #(True, False) | #(False, True) -> "one"
    #(False, False) -> "none"
  }
}

fn nested(x: #(List(#(Int, String)), Result(Int, String))) -> Int {
  case x {
    #([#(a, "x"), ..], Ok(b)) -> a + b
    #([#(a, _), #(b, _)], Error(_)) -> a * b
    #(_, Ok(v)) if v > 10 -> v
    _ -> -1
  }
}

pub fn main() {
  let e = Add(Mul(Num(1), Add(Num(0), Var("x"))), Neg(Neg(Mul(Num(3), Num(4)))))
  p(simplify(e))
  p(simplify(Mul(Var("y"), Num(0))))
  [0, -5, 102, 3, 4, 11, 1000]
  |> each(fn(n) { format("~b: ~ts~n", args(#(n, classify(n)))) })
  ["GET /index.html", "PUT /a b", "éte", "", "DELETE /x"]
  |> each(fn(s) { format("~ts~n", [command(s)]) })
  [[], [9], [1, 2, 3], [5, 4], [4, 5], [7, 8, 9, 10]]
  |> each(fn(l) { format("~ts~n", [describe_list(l)]) })
  [#(True, True), #(False, True), #(False, False)]
  |> each(fn(t) { format("~ts~n", [tuple_logic(t)]) })
  p(nested(#([#(1, "x"), #(2, "y")], Ok(10))))
  p(nested(#([#(3, "a"), #(4, "b")], Error("e"))))
  p(nested(#([], Ok(11))))
  p(nested(#([], Ok(1))))
  let assert [first, ..] as whole = [10, 20, 30]
  p(#(first, whole))
  let #(a, #(b, c)) = #(1, #("two", 3.0))
  p([a])
  p(b)
  p(c)
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
