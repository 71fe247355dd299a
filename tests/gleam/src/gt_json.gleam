// A small JSON encoder building iodata (string trees) and turning it into
// a binary, with escaping of control and non-ASCII characters.

pub type Dynamic

pub type Json {
  JNull
  JBool(Bool)
  JInt(Int)
  JFloat(Float)
  JString(String)
  JArray(List(Json))
  JObject(List(#(String, Json)))
}

pub type IoData

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "iolist_to_binary")
fn to_string(d: IoData) -> String

@external(erlang, "erlang", "iolist_size")
fn iolist_size(d: IoData) -> Int

@external(erlang, "gt_ffi", "identity")
fn from_string(s: String) -> IoData

@external(erlang, "gt_ffi", "identity")
fn from_list(l: List(IoData)) -> IoData

@external(erlang, "erlang", "integer_to_binary")
fn int_to_string(i: Int) -> String

@external(erlang, "erlang", "float_to_binary")
fn float_to_string(f: Float, opts: List(FloatOpt)) -> String

pub type FloatOpt {
  Short
}

@external(erlang, "unicode", "characters_to_list")
fn codepoints(s: String) -> List(Int)

@external(erlang, "io_lib", "format")
fn io_lib_format(f: String, args: List(a)) -> IoData

fn escape_char(c: Int) -> IoData {
  case c {
    34 -> from_string("\\\"")
    92 -> from_string("\\\\")
    10 -> from_string("\\n")
    9 -> from_string("\\t")
    c if c < 32 -> io_lib_format("\\u~4.16.0b", [c])
    c if c > 126 -> io_lib_format("\\u~4.16.0b", [c])
    c -> from_list([from_int_char(c)])
  }
}

@external(erlang, "gt_ffi", "identity")
fn from_int_char(c: Int) -> IoData

fn encode_string(s: String) -> IoData {
  from_list([from_string("\""), from_list(map(codepoints(s), escape_char)), from_string("\"")])
}

fn encode(j: Json) -> IoData {
  case j {
    JNull -> from_string("null")
    JBool(True) -> from_string("true")
    JBool(False) -> from_string("false")
    JInt(i) -> from_string(int_to_string(i))
    JFloat(f) -> from_string(float_to_string(f, [Short]))
    JString(s) -> encode_string(s)
    JArray(items) -> from_list([from_string("["), join(map(items, encode), ","), from_string("]")])
    JObject(fields) ->
      from_list([
        from_string("{"),
        join(map(fields, fn(kv) { from_list([encode_string(kv.0), from_string(":"), encode(kv.1)]) }), ","),
        from_string("}"),
      ])
  }
}

fn join(items: List(IoData), sep: String) -> IoData {
  case items {
    [] -> from_list([])
    [x] -> x
    [x, ..rest] -> from_list([x, from_string(sep), join(rest, sep)])
  }
}

fn map(l: List(a), f: fn(a) -> b) -> List(b) {
  case l {
    [] -> []
    [x, ..xs] -> [f(x), ..map(xs, f)]
  }
}

pub fn main() {
  let doc =
    JObject([
      #("name", JString("Gleam \"BEAM\" test")),
      #("version", JFloat(0.3)),
      #("tags", JArray([JString("types"), JString("ünïcödé"), JString("tab\there")])),
      #("count", JInt(123456789012345678901234567890)),
      #("ok", JBool(True)),
      #("missing", JNull),
      #("nested", JObject([#("empty", JArray([])), #("neg", JInt(-5)), #("exp", JFloat(1.0e-10))])),
      #("ctrl", JString("line1\nline2\r")),
    ])
  let data = encode(doc)
  format("~ts~n", [to_string(data)])
  format("~b bytes~n", [iolist_size(data)])
  format("~ts~n", [to_string(encode(JArray([JInt(1), JArray([JInt(2), JArray([JInt(3)])])])))])
}
