// OTP functions gleam_stdlib relies on, called directly: uri_string,
// base64, binary, lists:join, fun_info, math, io_lib and
// conversions between atoms, binaries, lists and tuples.

pub type Dynamic

pub type Atom

pub type FunInfoKey {
  Arity
  Module
}

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "tuple_to_list")
fn args(t: a) -> List(Dynamic)

@external(erlang, "uri_string", "parse")
fn uri_parse(s: String) -> Dynamic

@external(erlang, "uri_string", "dissect_query")
fn dissect_query(s: String) -> Dynamic

@external(erlang, "base64", "encode")
fn base64_encode(b: BitString) -> String

@external(erlang, "base64", "decode")
fn base64_decode(s: String) -> BitString

@external(erlang, "binary", "part")
fn binary_part(b: BitString, pos: Int, len: Int) -> BitString

@external(erlang, "binary", "encode_hex")
fn encode_hex(b: BitString) -> String

@external(erlang, "binary", "decode_hex")
fn decode_hex(s: String) -> BitString

@external(erlang, "binary", "split")
fn binary_split(b: String, pattern: String) -> List(String)

@external(erlang, "lists", "join")
fn join(sep: a, l: List(a)) -> List(a)

@external(erlang, "erlang", "fun_info")
fn fun_info(f: a, key: FunInfoKey) -> #(FunInfoKey, Dynamic)

@external(erlang, "math", "log")
fn log(x: Float) -> Float

@external(erlang, "math", "exp")
fn exp(x: Float) -> Float

@external(erlang, "io_lib", "format")
fn io_lib_format(f: String, args: List(a)) -> Dynamic

@external(erlang, "unicode", "characters_to_binary")
fn to_binary(d: Dynamic) -> String

@external(erlang, "erlang", "binary_to_atom")
fn to_atom(s: String) -> Atom

@external(erlang, "erlang", "atom_to_binary")
fn atom_to_binary(a: Atom) -> String

@external(erlang, "erlang", "list_to_tuple")
fn list_to_tuple(l: List(a)) -> Dynamic

@external(erlang, "erlang", "binary_to_list")
fn binary_to_list(b: String) -> List(Int)

@external(erlang, "erlang", "list_to_binary")
fn list_to_binary(l: List(Int)) -> String

@external(erlang, "erlang", "iolist_to_binary")
fn iolist_to_binary(l: List(String)) -> String

@external(erlang, "erlang", "integer_to_binary")
fn int_to_base(i: Int, base: Int) -> String

@external(erlang, "erlang", "binary_to_integer")
fn base_to_int(s: String, base: Int) -> Int

@external(erlang, "erlang", "element")
fn element(i: Int, t: a) -> Dynamic

@external(erlang, "erlang", "phash2")
fn phash2(x: a) -> Int

fn p(x: a) -> Nil {
  format("~p~n", [x])
}

pub fn main() {
  p(uri_parse("https://user@example.com:8042/over/there?name=ferret&x=%20y#nose"))
  p(uri_parse("mailto:someone@example.org"))
  p(uri_parse("/relative/path?q"))
  p(dissect_query("a=1&b=two%20words&c&d=%C3%A9"))
  let encoded = base64_encode(<<"Gleam ✨ on the BEAM":utf8>>)
  format("~ts~n", [encoded])
  p(base64_decode(encoded))
  p(base64_decode("AAEC/w=="))
  p(binary_part(<<"hello world":utf8>>, 6, 5))
  format("~ts~n", [encode_hex(<<0, 15, 16, 255>>)])
  p(decode_hex("DEADbeef"))
  p(binary_split("key=value=more", "="))
  p(iolist_to_binary(join(", ", ["a", "b", "c"])))
  p(fun_info(p, Arity))
  p(fun_info(fn(x, y) { x + y }, Arity))
  p(fun_info(p, Module))
  p(#(log(exp(2.0)), exp(0.0), log(1.0)))
  format("~ts~n", [to_binary(io_lib_format("~5.2f|~-6s|~6s|~w", args(#(3.14159, "ab", "cd", "bin"))))])
  let a = to_atom("hello world")
  p(a)
  format("~ts~n", [atom_to_binary(a)])
  p(list_to_tuple([1, 2, 3]))
  p(binary_to_list("héllo"))
  p(list_to_binary([104, 105]))
  format("~ts ~ts~n", args(#(int_to_base(255, 2), int_to_base(-255, 16))))
  p(base_to_int("zz", 36))
  p(element(2, #("a", "b", "c")))
  p(phash2(#("a", 1, [2.0])))
}
