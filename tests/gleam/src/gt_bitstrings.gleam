// Bit strings: construction with sized, signed, little-endian, float and
// utf8 segments; matching with sizes taken from earlier segments; utf8
// codepoint segments; non-byte-aligned data.

pub type Dynamic

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "tuple_to_list")
fn args(t: a) -> List(Dynamic)

@external(erlang, "erlang", "bit_size")
fn bit_size(b: BitString) -> Int

@external(erlang, "erlang", "byte_size")
fn byte_size(b: BitString) -> Int

@external(erlang, "binary", "encode_hex")
fn encode_hex(b: BitString) -> String

fn p(x: a) -> Nil {
  format("~p~n", [x])
}

pub type Packet {
  Packet(version: Int, kind: Int, payload: BitString)
  Bad(reason: String)
}

fn encode(version: Int, kind: Int, payload: BitString) -> BitString {
  let len = byte_size(payload)
  <<version:4, kind:4, len:16-big, payload:bit_string, 255:8>>
}

fn decode(b: BitString) -> Packet {
  case b {
    <<version:4, kind:4, len:16, payload:binary-size(len), 255:8>> ->
      Packet(version, kind, payload)
    <<_:4, _:4, len:16, _:bit_string>> -> Bad("length or trailer wrong")
    _ -> Bad("too short")
  }
}

fn utf8_chars(b: BitString, acc: List(Int)) -> List(Int) {
  case b {
    <<c:utf8_codepoint, rest:bit_string>> -> utf8_chars(rest, [codepoint_int(c), ..acc])
    <<>> -> reverse(acc, [])
    <<x:8, rest:bit_string>> -> utf8_chars(rest, [-x, ..acc])
  }
}

@external(erlang, "gt_ffi", "identity")
fn codepoint_int(c: UtfCodepoint) -> Int

fn reverse(l: List(a), acc: List(a)) -> List(a) {
  case l {
    [] -> acc
    [x, ..xs] -> reverse(xs, [x, ..acc])
  }
}

fn bits(b: BitString, acc: String) -> String {
  case b {
    <<0:1, rest:bit_string>> -> bits(rest, acc <> "0")
    <<1:1, rest:bit_string>> -> bits(rest, acc <> "1")
    _ -> acc
  }
}

pub fn main() {
  let pkt = encode(2, 5, <<"hello":utf8>>)
  p(pkt)
  format("~ts~n", [encode_hex(pkt)])
  p(decode(pkt))
  p(decode(<<1:4, 1:4, 3:16, 1, 2, 3, 0>>))
  p(decode(<<1, 2>>))
  let ints = <<-1:8, -1:16-little, 258:16-little, 258:16-big, 1:1, 0:3, 5:4, -2:8>>
  p(ints)
  let assert <<a:8-signed, b:16-little-signed, c:16-little, d:16, e:1, f:3, g:4, h:8-signed>> = ints
  p([a, b, c, d, e, f, g, h])
  let fl = <<1.5:float, -0.25:float-size(32), 3.0:64-float-little>>
  p(fl)
  let assert <<x:float, y:float-size(32), z:float-little>> = fl
  p([x, y, z])
  let text = <<"Grüße, ":utf8, "мир":utf8, " ✓":utf8>>
  p(text)
  p(utf8_chars(text, []))
  p(utf8_chars(<<"a":utf8, 200, "b":utf8>>, []))
  let odd = <<5:3, 1:2, 511:9>>
  p(#(odd, bit_size(odd)))
  format("~ts~n", [bits(odd, "")])
  let assert <<head:3, tail:bit_string>> = odd
  p(#(head, tail, bit_size(tail)))
  let big = <<123456789012345678901234567890:128>>
  p(big)
  let assert <<n:128>> = big
  p(n)
  let nested = <<<<1, 2>>:bit_string, <<3:4>>:bit_string, 4:4>>
  p(nested)
  p(<<"a":utf16, "é":utf32-little>>)
  p(<<>> == <<>>)
  p(<<1, 2, 3>> == <<1, 2, 3>>)
}
