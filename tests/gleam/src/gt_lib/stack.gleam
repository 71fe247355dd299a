// An opaque stack type: other modules can only use it through these
// functions.

pub opaque type Stack(a) {
  Stack(items: List(a), size: Int)
}

pub fn new() -> Stack(a) {
  Stack([], 0)
}

pub fn push(s: Stack(a), x: a) -> Stack(a) {
  Stack([x, ..s.items], s.size + 1)
}

pub fn pop(s: Stack(a)) -> Result(#(a, Stack(a)), Nil) {
  case s.items {
    [] -> Error(Nil)
    [x, ..rest] -> Ok(#(x, Stack(rest, s.size - 1)))
  }
}

pub fn size(s: Stack(a)) -> Int {
  s.size
}
