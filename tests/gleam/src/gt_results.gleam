// Result and Option: chaining with `use`, try-style helpers, mapping
// errors, collecting results.

pub type Dynamic

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "tuple_to_list")
fn args(t: a) -> List(Dynamic)

@external(erlang, "gt_ffi", "rescue")
fn rescue(f: fn() -> a) -> Result(a, Dynamic)

@external(erlang, "erlang", "binary_to_integer")
fn binary_to_integer(s: String) -> Int

@external(erlang, "string", "split")
fn split(s: String, sep: String, where: Where) -> List(String)

pub type Where {
  All
}

pub type Option(a) {
  Some(a)
  None
}

pub type ParseError {
  NotANumber(String)
  OutOfRange(Int)
  Missing(field: String)
}

fn p(x: a) -> Nil {
  format("~p~n", [x])
}

fn try(r: Result(a, e), next: fn(a) -> Result(b, e)) -> Result(b, e) {
  case r {
    Ok(v) -> next(v)
    Error(e) -> Error(e)
  }
}

fn map(r: Result(a, e), f: fn(a) -> b) -> Result(b, e) {
  case r {
    Ok(v) -> Ok(f(v))
    Error(e) -> Error(e)
  }
}

fn map_error(r: Result(a, e), f: fn(e) -> f) -> Result(a, f) {
  case r {
    Ok(v) -> Ok(v)
    Error(e) -> Error(f(e))
  }
}

fn unwrap(r: Result(a, e), default: a) -> a {
  case r {
    Ok(v) -> v
    Error(_) -> default
  }
}

fn all(rs: List(Result(a, e))) -> Result(List(a), e) {
  case rs {
    [] -> Ok([])
    [r, ..rest] -> {
      use v <- try(r)
      use vs <- try(all(rest))
      Ok([v, ..vs])
    }
  }
}

fn parse_int(s: String) -> Result(Int, ParseError) {
  case rescue(fn() { binary_to_integer(s) }) {
    Ok(n) -> Ok(n)
    Error(_) -> Error(NotANumber(s))
  }
}

fn in_range(n: Int, lo: Int, hi: Int) -> Result(Int, ParseError) {
  case n >= lo && n <= hi {
    True -> Ok(n)
    False -> Error(OutOfRange(n))
  }
}

// parse_date reads "YYYY-MM-DD".
fn parse_date(s: String) -> Result(#(Int, Int, Int), ParseError) {
  case split(s, "-", All) {
    [y, m, d] -> {
      use year <- try(parse_int(y))
      use month <- try(parse_int(m) |> try(in_range(_, 1, 12)))
      use day <- try(try(parse_int(d), fn(d) { in_range(d, 1, 31) }))
      Ok(#(year, month, day))
    }
    _ -> Error(Missing("date parts"))
  }
}

fn option_map(o: Option(a), f: fn(a) -> b) -> Option(b) {
  case o {
    Some(v) -> Some(f(v))
    None -> None
  }
}

fn option_then(o: Option(a), f: fn(a) -> Option(b)) -> Option(b) {
  case o {
    Some(v) -> f(v)
    None -> None
  }
}

fn to_option(r: Result(a, e)) -> Option(a) {
  case r {
    Ok(v) -> Some(v)
    Error(_) -> None
  }
}

fn lookup(l: List(#(String, a)), k: String) -> Option(a) {
  case l {
    [] -> None
    [#(key, v), ..] if key == k -> Some(v)
    [_, ..rest] -> lookup(rest, k)
  }
}

pub fn main() {
  ["2024-02-29", "2024-13-01", "20x4-01-01", "2024-01", "1999-12-31", "2000-01-32"]
  |> each(fn(s) { format("~ts -> ~p~n", args(#(s, parse_date(s)))) })
  p(all([Ok(1), Ok(2), Ok(3)]))
  p(all([Ok(1), Error("bad"), Error("worse")]))
  p(map(Ok(2), fn(x) { x * 21 }))
  p(map_error(Error(1), fn(e) { #("wrapped", e) }))
  p(unwrap(parse_int("x"), -1))
  let env = [#("HOME", "/root"), #("SHELL", "gleam")]
  p(lookup(env, "HOME"))
  p(lookup(env, "PATH"))
  p(option_map(lookup(env, "SHELL"), fn(s) { s <> "!" }))
  p(option_then(lookup(env, "HOME"), fn(_) { lookup(env, "NOPE") }))
  p(to_option(parse_int("77")))
  p([Ok(Some(1)), Ok(None), Error(Missing(field: "x"))])
  p(Missing("y") == Missing(field: "y"))
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
