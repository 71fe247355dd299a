// Unicode conversions: code points to UTF-8 and back, utf8 codepoint
// segments, invalid and incomplete input to unicode:characters_to_binary,
// UTF-16 encoding, and printing with ~ts, ~tp and ~p.

pub type Dynamic

pub type Encoding {
  Utf8
  Latin1
  Utf16
}

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "tuple_to_list")
fn args(t: a) -> List(Dynamic)

@external(erlang, "unicode", "characters_to_list")
fn to_codepoints(s: String) -> List(Int)

@external(erlang, "unicode", "characters_to_binary")
fn from_codepoints(cs: List(Int)) -> Dynamic

@external(erlang, "unicode", "characters_to_binary")
fn convert(s: BitString, from: Encoding, to: Encoding) -> Dynamic

@external(erlang, "unicode", "characters_to_binary")
fn bits_to_string(b: BitString) -> Dynamic

@external(erlang, "gt_ffi", "identity")
fn codepoint_int(c: UtfCodepoint) -> Int

@external(erlang, "erlang", "byte_size")
fn byte_size(s: String) -> Int

fn p(x: a) -> Nil {
  format("~p~n", [x])
}

fn codepoints_of(b: BitString) -> List(Int) {
  case b {
    <<c:utf8_codepoint, rest:bit_string>> -> [codepoint_int(c), ..codepoints_of(rest)]
    _ -> []
  }
}

fn utf8_widths(s: String) -> List(#(Int, Int)) {
  map(to_codepoints(s), fn(c) { #(c, byte_size(encode_one(c))) })
}

@external(erlang, "gt_ffi", "identity")
fn unsafe_string(d: Dynamic) -> String

fn encode_one(c: Int) -> String {
  unsafe_string(from_codepoints([c]))
}

fn map(l: List(a), f: fn(a) -> b) -> List(b) {
  case l {
    [] -> []
    [x, ..xs] -> [f(x), ..map(xs, f)]
  }
}

pub fn main() {
  let s = "aé€𝄞"
  p(to_codepoints(s))
  p(utf8_widths(s))
  p(codepoints_of(<<s:utf8>>))
  p(from_codepoints([72, 233, 8364, 119070]))
  p(bits_to_string(<<104, 105, 255, 106>>))
  p(bits_to_string(<<104, 105, 226, 130>>))
  p(convert(<<"café":utf8>>, Utf8, Latin1))
  p(convert(<<99, 97, 102, 233>>, Latin1, Utf8))
  p(convert(<<"h€":utf8>>, Utf8, Utf16))
  format("~ts|~ts~n", args(#(s, "plain")))
  format("~tp~n", [s])
  format("~p~n", [s])
  format("~tp~n", [[s, "ascii", "ünï"]])
  format("~tw~n", [#(s, 1)])
  format("~ts~n", [encode_one(128512)])
  format("~tc~c~n", [8364, 65])
}
