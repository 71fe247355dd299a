// Lists: recursion, folds, own higher-order functions and OTP's lists
// module through externals.

pub type Dynamic

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "tuple_to_list")
fn args(t: a) -> List(Dynamic)

@external(erlang, "lists", "reverse")
fn reverse(l: List(a)) -> List(a)

@external(erlang, "lists", "sort")
fn sort(l: List(a)) -> List(a)

@external(erlang, "lists", "usort")
fn usort(l: List(a)) -> List(a)

@external(erlang, "lists", "seq")
fn range(from: Int, to: Int) -> List(Int)

@external(erlang, "lists", "append")
fn append(a: List(a), b: List(a)) -> List(a)

@external(erlang, "lists", "flatten")
fn flatten(l: List(List(a))) -> List(a)

@external(erlang, "lists", "zip")
fn zip(a: List(a), b: List(b)) -> List(#(a, b))

@external(erlang, "lists", "unzip")
fn unzip(a: List(#(a, b))) -> #(List(a), List(b))

@external(erlang, "lists", "sum")
fn sum(l: List(Int)) -> Int

@external(erlang, "lists", "max")
fn max(l: List(a)) -> a

@external(erlang, "lists", "nth")
fn nth(n: Int, l: List(a)) -> a

@external(erlang, "lists", "sublist")
fn sublist(l: List(a), start: Int, len: Int) -> List(a)

@external(erlang, "lists", "map")
fn lists_map(f: fn(a) -> b, l: List(a)) -> List(b)

@external(erlang, "lists", "foldl")
fn lists_foldl(f: fn(a, b) -> b, acc: b, l: List(a)) -> b

@external(erlang, "lists", "filter")
fn lists_filter(f: fn(a) -> Bool, l: List(a)) -> List(a)

@external(erlang, "lists", "sort")
fn sort_by(f: fn(a, a) -> Bool, l: List(a)) -> List(a)

@external(erlang, "lists", "partition")
fn partition(f: fn(a) -> Bool, l: List(a)) -> #(List(a), List(a))

@external(erlang, "lists", "duplicate")
fn duplicate(n: Int, x: a) -> List(a)

@external(erlang, "lists", "member")
fn member(x: a, l: List(a)) -> Bool

@external(erlang, "lists", "last")
fn last(l: List(a)) -> a

@external(erlang, "erlang", "length")
fn length(l: List(a)) -> Int

fn p(x: a) -> Nil {
  format("~p~n", [x])
}

fn map(l: List(a), f: fn(a) -> b) -> List(b) {
  case l {
    [] -> []
    [x, ..xs] -> [f(x), ..map(xs, f)]
  }
}

fn filter(l: List(a), f: fn(a) -> Bool) -> List(a) {
  case l {
    [] -> []
    [x, ..xs] ->
      case f(x) {
        True -> [x, ..filter(xs, f)]
        False -> filter(xs, f)
      }
  }
}

fn fold(l: List(a), acc: b, f: fn(b, a) -> b) -> b {
  case l {
    [] -> acc
    [x, ..xs] -> fold(xs, f(acc, x), f)
  }
}

fn fold_right(l: List(a), acc: b, f: fn(a, b) -> b) -> b {
  case l {
    [] -> acc
    [x, ..xs] -> f(x, fold_right(xs, acc, f))
  }
}

fn take(l: List(a), n: Int) -> List(a) {
  case l, n {
    _, 0 -> []
    [], _ -> []
    [x, ..xs], n -> [x, ..take(xs, n - 1)]
  }
}

fn chunk(l: List(a), n: Int) -> List(List(a)) {
  case l {
    [] -> []
    _ -> [take(l, n), ..chunk(drop(l, n), n)]
  }
}

fn drop(l: List(a), n: Int) -> List(a) {
  case l, n {
    l, 0 -> l
    [], _ -> []
    [_, ..xs], n -> drop(xs, n - 1)
  }
}

fn interleave(a: List(a), b: List(a)) -> List(a) {
  case a, b {
    [], rest | rest, [] -> rest
    [x, ..xs], [y, ..ys] -> [x, y, ..interleave(xs, ys)]
  }
}

fn primes(n: Int) -> List(Int) {
  sieve(range(2, n))
}

fn sieve(l: List(Int)) -> List(Int) {
  case l {
    [] -> []
    [p, ..rest] -> [p, ..sieve(filter(rest, fn(x) { x % p != 0 }))]
  }
}

pub fn main() {
  let xs = range(1, 20)
  p(xs)
  p(map(xs, fn(x) { x * x }))
  p(filter(xs, fn(x) { x % 3 == 0 }))
  p(fold(xs, 0, fn(acc, x) { acc + x }))
  p(fold_right([1, 2, 3], [], fn(x, acc) { [x * 10, ..acc] }))
  p(chunk(xs, 6))
  p(interleave([1, 3, 5, 7], [2, 4]))
  p(primes(100))
  p(reverse(xs))
  p(sort([5, 3, 9, 1, 3, 7]))
  p(usort([5, 3, 9, 1, 3, 7]))
  p(sort_by(fn(a, b) { a >= b }, [5, 3, 9, 1, 3, 7]))
  p(append([1, 2], [3]))
  p(flatten([[1], [], [2, 3]]))
  let pairs = zip([1, 2, 3], ["a", "b", "c"])
  p(pairs)
  p(unzip(pairs))
  p(#(sum(xs), max(xs), nth(3, xs), last(xs), length(xs)))
  p(sublist(xs, 5, 3))
  p(lists_map(fn(x) { x + 1 }, [1, 2, 3]))
  p(lists_foldl(fn(x, acc) { [x, ..acc] }, [], [1, 2, 3]))
  p(lists_filter(fn(s) { s != "b" }, ["a", "b", "c"]))
  p(partition(fn(x) { x > 10 }, xs))
  p(duplicate(3, #("x", 1.5)))
  p(#(member(7, xs), member(70, xs)))
  let long = range(1, 100000)
  p(fold(long, 0, fn(acc, x) { acc + x }))
  p(length(map(long, fn(x) { x * 2 })))
  p([[1, 2], [3]] == [[1, 2], [3]])
  p(sort([[3], [1, 2], [], [1]]))
  p(sort([#(2, "b"), #(1, "z"), #(2, "a")]))
}
