// Maps through OTP's maps module: building, lookup (mapped to Result),
// update, folding and conversion, like gleam/map does.

import gleam

pub type Dynamic

pub type Map(k, v)

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "tuple_to_list")
fn args(t: a) -> List(Dynamic)

@external(erlang, "maps", "new")
fn new() -> Map(k, v)

@external(erlang, "maps", "from_list")
fn from_list(l: List(#(k, v))) -> Map(k, v)

@external(erlang, "maps", "to_list")
fn to_list(m: Map(k, v)) -> List(#(k, v))

@external(erlang, "maps", "put")
fn insert(k: k, v: v, m: Map(k, v)) -> Map(k, v)

@external(erlang, "maps", "remove")
fn delete(k: k, m: Map(k, v)) -> Map(k, v)

@external(erlang, "maps", "size")
fn size(m: Map(k, v)) -> Int

@external(erlang, "maps", "keys")
fn keys(m: Map(k, v)) -> List(k)

@external(erlang, "maps", "values")
fn values(m: Map(k, v)) -> List(v)

@external(erlang, "maps", "is_key")
fn has_key(k: k, m: Map(k, v)) -> Bool

@external(erlang, "maps", "find")
fn find(k: k, m: Map(k, v)) -> FindResult(v)

@external(erlang, "maps", "merge")
fn merge(a: Map(k, v), b: Map(k, v)) -> Map(k, v)

@external(erlang, "maps", "fold")
fn fold(f: fn(k, v, acc) -> acc, acc: acc, m: Map(k, v)) -> acc

@external(erlang, "maps", "map")
fn map_values(f: fn(k, v) -> w, m: Map(k, v)) -> Map(k, w)

@external(erlang, "maps", "filter")
fn filter(f: fn(k, v) -> Bool, m: Map(k, v)) -> Map(k, v)

@external(erlang, "maps", "update_with")
fn update_with(k: k, f: fn(v) -> v, init: v, m: Map(k, v)) -> Map(k, v)

@external(erlang, "maps", "with")
fn take(ks: List(k), m: Map(k, v)) -> Map(k, v)

@external(erlang, "maps", "without")
fn drop(ks: List(k), m: Map(k, v)) -> Map(k, v)

@external(erlang, "maps", "get")
fn get_or(k: k, m: Map(k, v), default: v) -> v

@external(erlang, "maps", "merge_with")
fn merge_with(f: fn(k, v, v) -> v, a: Map(k, v), b: Map(k, v)) -> Map(k, v)

@external(erlang, "lists", "sort")
fn sort(l: List(a)) -> List(a)

// What maps:find returns: {ok, V} or the atom error.
pub type FindResult(v) {
  Ok(v)
  Error
}

fn get(m: Map(k, v), k: k) -> Result(v, Nil) {
  case find(k, m) {
    Ok(v) -> gleam.Ok(v)
    Error -> gleam.Error(Nil)
  }
}

fn p(x: a) -> Nil {
  format("~p~n", [x])
}

pub type Inventory {
  Inventory(items: Map(String, Int), log: List(String))
}

fn add_item(inv: Inventory, name: String, n: Int) -> Inventory {
  Inventory(
    items: update_with(name, fn(old) { old + n }, n, inv.items),
    log: ["add " <> name, ..inv.log],
  )
}

pub fn main() {
  let m = from_list([#("one", 1), #("two", 2), #("three", 3)])
  p(m)
  p(size(m))
  p(get(m, "two"))
  p(get(m, "four"))
  p(#(has_key("one", m), has_key("zero", m)))
  let m2 = insert("four", 4, delete("one", m))
  p(sort(to_list(m2)))
  p(sort(keys(m2)))
  p(sort(values(m2)))
  p(fold(fn(_k, v, acc) { acc + v }, 0, m2))
  p(map_values(fn(k, v) { #(k, v * 100) }, m2))
  p(filter(fn(_k, v) { v % 2 == 0 }, m2))
  p(merge(m, from_list([#("one", 100), #("five", 5)])))
  p(merge_with(fn(_k, a, b) { a + b }, m, from_list([#("one", 100), #("five", 5)])))
  p(take(["one", "three", "nine"], m))
  p(drop(["one", "three"], m))
  p(get_or("nine", m, -1))
  let inv =
    Inventory(items: new(), log: [])
    |> add_item("apple", 3)
    |> add_item("pear", 1)
    |> add_item("apple", 2)
  p(inv)
  let int_keys = from_list([#(3, "c"), #(1, "a"), #(2, "b"), #(10, "j")])
  p(int_keys)
  p(to_list(int_keys))
  let mixed = from_list([#(#(1, 2), [1]), #(#(0, 9), [2])])
  p(mixed)
  let big = fold_range(1, 200, new())
  p(size(big))
  p(get(big, 150))
  p(get(big, 201))
  p(m == from_list([#("three", 3), #("two", 2), #("one", 1)]))
}

fn fold_range(from: Int, to: Int, acc: Map(Int, Int)) -> Map(Int, Int) {
  case from > to {
    True -> acc
    False -> fold_range(from + 1, to, insert(from, from * from, acc))
  }
}
