// Text processing: splitting text into words, normalising case of
// non-ASCII words, counting with a map, sorting by count then word, and
// formatting a padded table.

pub type Dynamic

pub type Map(k, v)

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "tuple_to_list")
fn args(t: a) -> List(Dynamic)

@external(erlang, "string", "lexemes")
fn lexemes(s: String, seps: List(Int)) -> List(String)

@external(erlang, "string", "lowercase")
fn lowercase(s: String) -> String

@external(erlang, "string", "length")
fn length(s: String) -> Int

@external(erlang, "maps", "new")
fn new_map() -> Map(k, v)

@external(erlang, "maps", "update_with")
fn update_with(k: k, f: fn(v) -> v, init: v, m: Map(k, v)) -> Map(k, v)

@external(erlang, "maps", "to_list")
fn to_list(m: Map(k, v)) -> List(#(k, v))

@external(erlang, "lists", "sort")
fn sort_by(f: fn(a, a) -> Bool, l: List(a)) -> List(a)

@external(erlang, "erlang", "<")
fn less(a: a, b: a) -> Bool

const text = "The quick brown fox jumps over the lazy dog. THE DOG sleeps;
the fox — quick, quick! — runs. Über-fox and über-dog: ÜBER everything.
Çа va? ça va, ÇA VA!"

fn count(words: List(String)) -> Map(String, Int) {
  fold(words, new_map(), fn(m, w) { update_with(w, fn(n) { n + 1 }, 1, m) })
}

fn fold(l: List(a), acc: b, f: fn(b, a) -> b) -> b {
  case l {
    [] -> acc
    [x, ..xs] -> fold(xs, f(acc, x), f)
  }
}

fn map(l: List(a), f: fn(a) -> b) -> List(b) {
  case l {
    [] -> []
    [x, ..xs] -> [f(x), ..map(xs, f)]
  }
}

fn take(l: List(a), n: Int) -> List(a) {
  case l, n {
    _, 0 -> []
    [], _ -> []
    [x, ..xs], _ -> [x, ..take(xs, n - 1)]
  }
}

pub fn main() {
  let seps = [32, 10, 46, 44, 59, 58, 33, 63, 8212]
  let words = map(lexemes(text, seps), lowercase)
  format("~b words~n", [fold(words, 0, fn(n, _) { n + 1 })])
  let counts = to_list(count(words))
  let ranked =
    sort_by(
      fn(a: #(String, Int), b: #(String, Int)) {
        case a.1 == b.1 {
          True -> less(a.0, b.0) || a.0 == b.0
          False -> a.1 > b.1
        }
      },
      counts,
    )
  each(take(ranked, 12), fn(pair) {
    let #(w, n) = pair
    format("~-12ts|~3b|~ts~n", args(#(w, n, bar(n))))
  })
  let longest = fold(words, "", fn(best, w) {
    case length(w) > length(best) {
      True -> w
      False -> best
    }
  })
  format("longest: ~ts (~b)~n", args(#(longest, length(longest))))
}

fn bar(n: Int) -> String {
  case n {
    0 -> ""
    _ -> "█" <> bar(n - 1)
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
