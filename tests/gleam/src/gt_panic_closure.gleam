// A let assert fails inside an anonymous function passed to a
// higher-order function: the first frame names the fun.

pub type Dynamic

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "tuple_to_list")
fn args(t: a) -> List(Dynamic)

fn foreach(f: fn(a) -> b, l: List(a)) -> Nil {
  case l {
    [] -> Nil
    [x, ..rest] -> {
      f(x)
      foreach(f, rest)
    }
  }
}

pub type Entry {
  Entry(id: Int, name: String, scores: List(Int))
}

pub fn main() {
  let entries = [
    Entry(1, "Ünal", [90, 85]),
    Entry(2, "Zoë", [70]),
    Entry(3, "Ola", []),
    Entry(4, "Никола", [60, 61, 62]),
  ]
  foreach(fn(e: Entry) {
    let assert [best, ..] = e.scores
    format("~ts: ~b~n", args(#(e.name, best)))
  }, entries)
}
