// Several modules: qualified and unqualified imports, aliases, constants,
// type aliases and an opaque type from other modules; an RPN calculator.

import gt_lib/shapes.{Circle, Rect, Polygon}
import gt_lib/stack as st

pub type Dynamic

pub type Pair =
  #(String, Float)

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "tuple_to_list")
fn args(t: a) -> List(Dynamic)

@external(erlang, "string", "lexemes")
fn words(s: String, seps: List(Int)) -> List(String)

@external(erlang, "erlang", "binary_to_integer")
fn to_int(s: String) -> Int

@external(erlang, "init", "get_plain_arguments")
fn plain_arguments() -> List(List(Int))

const greeting = "shapes:"

fn rpn(tokens: List(String), stack: st.Stack(Int)) -> Result(Int, String) {
  case tokens {
    [] ->
      case st.pop(stack) {
        Ok(#(v, rest)) ->
          case st.size(rest) {
            0 -> Ok(v)
            _ -> Error("leftover values")
          }
        Error(Nil) -> Error("empty")
      }
    [op, ..rest] if op == "+" || op == "*" || op == "-" ->
      case st.pop(stack) {
        Ok(#(b, s1)) ->
          case st.pop(s1) {
            Ok(#(a, s2)) -> rpn(rest, st.push(s2, apply(op, a, b)))
            Error(Nil) -> Error("stack underflow at " <> op)
          }
        Error(Nil) -> Error("stack underflow at " <> op)
      }
    [n, ..rest] -> rpn(rest, st.push(stack, to_int(n)))
  }
}

fn apply(op: String, a: Int, b: Int) -> Int {
  case op {
    "+" -> a + b
    "*" -> a * b
    _ -> a - b
  }
}

pub fn main() {
  format("~ts~n", [greeting])
  let all = [Circle(1.0), Rect(2.0, 2.0), Rect(2.0, 3.5), Polygon([#(0.0, 0.0), #(4.0, 0.0), #(4.0, 3.0)]), shapes.Circle(radius: 0.5)]
  each(all, fn(s) {
    let pair: Pair = #(shapes.name(s), shapes.area(s))
    format("~ts ~p~n", args(pair))
  })
  format("~p ~p~n", args(#(shapes.pi, shapes.unit_names)))
  format("~p~n", [all])
  let s = st.push(st.push(st.new(), "a"), "b")
  format("size ~b~n", [st.size(s)])
  format("~p~n", [st.pop(s)])
  ["3 4 + 2 *", "1 2 3 * + 4 -", "1 +", "1 2", ""]
  |> each(fn(e) { format("~ts => ~p~n", args(#(e, rpn(words(e, [32]), st.new())))) })
  format("arguments ~p~n", [plain_arguments()])
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
