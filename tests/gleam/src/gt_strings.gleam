// Strings through OTP's string and unicode modules: lengths and slices in
// grapheme clusters, case mapping of non-ASCII text, splitting, padding.

pub type Dynamic

pub type Direction {
  Leading
  Trailing
  Both
}

pub type SplitAll {
  All
}

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "tuple_to_list")
fn args(t: a) -> List(Dynamic)

@external(erlang, "string", "length")
fn length(s: String) -> Int

@external(erlang, "erlang", "byte_size")
fn byte_size(s: String) -> Int

@external(erlang, "string", "uppercase")
fn uppercase(s: String) -> String

@external(erlang, "string", "lowercase")
fn lowercase(s: String) -> String

@external(erlang, "string", "casefold")
fn casefold(s: String) -> String

@external(erlang, "string", "titlecase")
fn titlecase(s: String) -> String

@external(erlang, "string", "reverse")
fn reverse_chars(s: String) -> List(Dynamic)

@external(erlang, "unicode", "characters_to_binary")
fn to_binary(cs: a) -> String

@external(erlang, "string", "slice")
fn slice(s: String, start: Int, len: Int) -> String

@external(erlang, "string", "split")
fn split(s: String, sep: String, where: SplitAll) -> List(String)

@external(erlang, "string", "split")
fn split_once(s: String, sep: String, where: Direction) -> List(String)

@external(erlang, "string", "replace")
fn replace(s: String, pattern: String, with: String, where: SplitAll) -> List(Dynamic)

@external(erlang, "string", "replace")
fn replace_once(s: String, pattern: String, with: String, where: Direction) -> List(Dynamic)

@external(erlang, "string", "pad")
fn pad(s: String, len: Int, dir: Direction, char: Int) -> List(Dynamic)

@external(erlang, "string", "trim")
fn trim(s: String, dir: Direction) -> String

@external(erlang, "string", "find")
fn find(s: String, pattern: String) -> Dynamic

@external(erlang, "string", "is_empty")
fn is_empty(s: String) -> Bool

@external(erlang, "string", "equal")
fn equal(a: String, b: String) -> Bool

@external(erlang, "string", "equal")
fn equal_ignore_case(a: String, b: String, ignore_case: Bool) -> Bool

@external(erlang, "string", "lexemes")
fn lexemes(s: String, seps: List(Int)) -> List(String)

@external(erlang, "string", "to_integer")
fn to_integer(s: String) -> Dynamic

fn show(label: String, s: String) -> Nil {
  format("~ts: ~ts (~b graphemes, ~b bytes)~n", args(#(label, s, length(s), byte_size(s))))
}

fn direction_fix(d: Direction) -> Direction {
  d
}

pub fn main() {
  let words = ["hello", "héllo", "straße", "Ωμέγα", "İstanbul", "ﬁne", "日本語", "éte"]
  each(words, fn(w) {
    show("word", w)
    show("upper", uppercase(w))
    show("lower", lowercase(w))
    show("title", titlecase(w))
    show("fold", casefold(w))
    show("rev", to_binary(reverse_chars(w)))
  })
  let s = "naïve café 🇫🇷 flags"
  show("s", s)
  show("slice 0 5", slice(s, 0, 5))
  show("slice 6 4", slice(s, 6, 4))
  show("slice 11 1", slice(s, 11, 1))
  show("slice 13 99", slice(s, 13, 99))
  format("~p~n", [split("a,b,,c", ",", All)])
  format("~p~n", [split_once("a,b,,c", ",", Leading)])
  format("~p~n", [split_once("a,b,,c", ",", Trailing)])
  format("~p~n", [lexemes("  many   spaces here ", [32])])
  show("replace", to_binary(replace("a-b-c", "-", "+", All)))
  show("replace1", to_binary(replace_once("a-b-c", "-", "–", Trailing)))
  show("pad", to_binary(pad("ab", 6, Leading, 46)))
  show("pad", to_binary(pad("äö", 6, Both, 42)))
  show("pad", to_binary(pad("x", 4, Trailing, 32)))
  show("trim", trim("\t  spaced out \n", Both))
  show("trim", trim("\t  spaced out \n", Leading))
  format("~p~n", [find("hello world", "o w")])
  format("~p~n", [find("hello world", "xyz")])
  format("~p ~p~n", args(#(is_empty(""), is_empty(" "))))
  format("~p ~p~n", args(#(equal("abc", "abc"), equal_ignore_case("ÄBC", "äbc", True))))
  format("~p~n", [to_integer("123abc")])
  format("~p~n", [to_integer("-42")])
  format("~p~n", [to_integer("abc")])
  let joined = "Gleam" <> " " <> "on" <> " " <> "BEAM"
  show("joined", joined)
  format("~ts~n", [direction_label(direction_fix(Both))])
}

fn direction_label(d: Direction) -> String {
  case d {
    Leading -> "leading"
    Trailing -> "trailing"
    Both -> "both"
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
