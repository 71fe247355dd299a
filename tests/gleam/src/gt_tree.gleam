// Generic recursive types: a binary search tree with an ordering function,
// traversals, folds and a balanced rebuild.

pub type Dynamic

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "tuple_to_list")
fn args(t: a) -> List(Dynamic)

pub type Order {
  Lt
  Eq
  Gt
}

pub type Tree(k, v) {
  Leaf
  Node(left: Tree(k, v), key: k, value: v, right: Tree(k, v))
}

fn compare_int(a: Int, b: Int) -> Order {
  case a < b, a > b {
    True, _ -> Lt
    _, True -> Gt
    _, _ -> Eq
  }
}

fn compare_string(a: String, b: String) -> Order {
  case less(a, b), less(b, a) {
    True, _ -> Lt
    _, True -> Gt
    _, _ -> Eq
  }
}

@external(erlang, "erlang", "<")
fn less(a: a, b: a) -> Bool

fn insert(t: Tree(k, v), k: k, v: v, cmp: fn(k, k) -> Order) -> Tree(k, v) {
  case t {
    Leaf -> Node(Leaf, k, v, Leaf)
    Node(l, key, value, r) ->
      case cmp(k, key) {
        Lt -> Node(insert(l, k, v, cmp), key, value, r)
        Gt -> Node(l, key, value, insert(r, k, v, cmp))
        Eq -> Node(l, key, v, r)
      }
  }
}

fn find(t: Tree(k, v), k: k, cmp: fn(k, k) -> Order) -> Result(v, Nil) {
  case t {
    Leaf -> Error(Nil)
    Node(l, key, value, r) ->
      case cmp(k, key) {
        Lt -> find(l, k, cmp)
        Gt -> find(r, k, cmp)
        Eq -> Ok(value)
      }
  }
}

fn to_list(t: Tree(k, v)) -> List(#(k, v)) {
  fold_right(t, [], fn(k, v, acc) { [#(k, v), ..acc] })
}

fn fold_right(t: Tree(k, v), acc: a, f: fn(k, v, a) -> a) -> a {
  case t {
    Leaf -> acc
    Node(l, k, v, r) -> fold_right(l, f(k, v, fold_right(r, acc, f)), f)
  }
}

fn depth(t: Tree(k, v)) -> Int {
  case t {
    Leaf -> 0
    Node(l, _, _, r) -> 1 + max(depth(l), depth(r))
  }
}

fn max(a: Int, b: Int) -> Int {
  case a > b {
    True -> a
    False -> b
  }
}

fn size(t: Tree(k, v)) -> Int {
  fold_right(t, 0, fn(_, _, n) { n + 1 })
}

fn balanced(items: List(#(k, v)), n: Int) -> #(Tree(k, v), List(#(k, v))) {
  case n {
    0 -> #(Leaf, items)
    _ -> {
      let left_n = { n - 1 } / 2
      let #(left, rest) = balanced(items, left_n)
      let assert [#(k, v), ..rest2] = rest
      let #(right, rest3) = balanced(rest2, n - 1 - left_n)
      #(Node(left, k, v, right), rest3)
    }
  }
}

fn map_values(t: Tree(k, v), f: fn(v) -> w) -> Tree(k, w) {
  case t {
    Leaf -> Leaf
    Node(l, k, v, r) -> Node(map_values(l, f), k, f(v), map_values(r, f))
  }
}

pub fn main() {
  let keys = [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30]
  let t = fold(keys, Leaf, fn(acc, k) { insert(acc, k, k * 10, compare_int) })
  format("~p~n", [to_list(t)])
  format("size ~b depth ~b~n", args(#(size(t), depth(t))))
  format("~p ~p~n", args(#(find(t, 45, compare_int), find(t, 46, compare_int))))
  let seq = range(1, 100)
  let skewed = fold(seq, Leaf, fn(acc, k) { insert(acc, k, Nil, compare_int) })
  format("skewed depth ~b~n", [depth(skewed)])
  let #(bal, rest) = balanced(to_list(skewed), 100)
  format("balanced depth ~b, size ~b, left over ~p~n", args(#(depth(bal), size(bal), rest)))
  let words = ["pear", "apple", "fig", "banana", "cherry", "apple"]
  let wt = fold(words, Leaf, fn(acc, w) { insert(acc, w, 1, compare_string) })
  format("~p~n", [to_list(map_values(wt, fn(n) { #(n, n + 1) }))])
  let small = insert(insert(Leaf, "b", 2, compare_string), "a", 1, compare_string)
  format("~p~n", [small])
}

fn fold(l: List(a), acc: b, f: fn(b, a) -> b) -> b {
  case l {
    [] -> acc
    [x, ..xs] -> fold(xs, f(acc, x), f)
  }
}

fn range(a: Int, b: Int) -> List(Int) {
  case a > b {
    True -> []
    False -> [a, ..range(a + 1, b)]
  }
}
