// A failing `let assert`: the error carries the value that did not match.

pub type Dynamic

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

pub type Token {
  Word(String)
  Number(Int)
  Sym(String)
}

fn expect_number(t: Token) -> Int {
  let assert Number(n) = t
  n
}

pub fn main() {
  let tokens = [Number(1), Number(22), Word("héllo wörld"), Number(3)]
  sum(tokens, 0)
}

fn sum(ts: List(Token), acc: Int) -> Int {
  case ts {
    [] -> acc
    [t, ..rest] -> {
      let n = expect_number(t)
      format("running total ~b~n", [acc + n])
      sum(rest, acc + n)
    }
  }
}
