// Grapheme clusters: walking a string with string:next_grapheme, and
// string:to_graphemes, on combining marks, emoji sequences, flags, CRLF and
// scripts with complex clusters.

pub type Dynamic

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "tuple_to_list")
fn args(t: a) -> List(Dynamic)

@external(erlang, "string", "next_grapheme")
fn next_grapheme(s: String) -> Dynamic

@external(erlang, "string", "to_graphemes")
fn to_graphemes(s: String) -> List(Dynamic)

@external(erlang, "string", "is_empty")
fn is_empty(s: String) -> Bool

@external(erlang, "erlang", "hd")
fn head(l: Dynamic) -> Dynamic

@external(erlang, "erlang", "tl")
fn tail(l: Dynamic) -> String

@external(erlang, "unicode", "characters_to_binary")
fn to_binary(cs: List(Dynamic)) -> String

@external(erlang, "unicode", "characters_to_list")
fn to_codepoints(s: String) -> List(Int)

@external(erlang, "string", "length")
fn length(s: String) -> Int

@external(erlang, "erlang", "byte_size")
fn byte_size(s: String) -> Int

// pop returns the first grapheme of s as a string and the rest.
fn pop(s: String) -> Result(#(String, String), Nil) {
  case is_empty(s) {
    True -> Error(Nil)
    False -> {
      let r = next_grapheme(s)
      Ok(#(to_binary([head(r)]), tail(r)))
    }
  }
}

fn graphemes(s: String, acc: List(String)) -> List(String) {
  case pop(s) {
    Error(Nil) -> reverse(acc, [])
    Ok(#(g, rest)) -> graphemes(rest, [g, ..acc])
  }
}

fn reverse(l: List(a), acc: List(a)) -> List(a) {
  case l {
    [] -> acc
    [x, ..xs] -> reverse(xs, [x, ..acc])
  }
}

fn count(l: List(a)) -> Int {
  case l {
    [] -> 0
    [_, ..xs] -> 1 + count(xs)
  }
}

fn join(l: List(String), sep: String) -> String {
  case l {
    [] -> ""
    [x] -> x
    [x, ..xs] -> x <> sep <> join(xs, sep)
  }
}

fn show(s: String) -> Nil {
  let gs = graphemes(s, [])
  format(
    "~ts~n  ~b graphemes, ~b code points, ~b bytes, string:length ~b~n  [~ts]~n",
    args(#(s, count(gs), count(to_codepoints(s)), byte_size(s), length(s), join(gs, "|"))),
  )
  let direct = to_graphemes(s)
  format("  to_graphemes: ~w~n", [direct])
}

pub fn main() {
  show("abc")
  show("éte")
  show("ạ̈b")
  show("🇫🇷🇩🇪🇯")
  show("👩‍👩‍👧 family")
  show("👍🏽 ok")
  show("x\r\ny\n\rz")
  show("한국어 ᄀᄀ가")
  show("नमस्ते")
  show("ﾃｽﾄ ｶﾞ")
  show("")
}
