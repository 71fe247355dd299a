// An Erlang function called through @external has no clause for its
// argument: the runner prints the call with its arguments.

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "gt_ffi", "positive_sqrt")
fn positive_sqrt(x: Float) -> Float

fn roots(xs: List(Float)) -> List(Float) {
  case xs {
    [] -> []
    [x, ..rest] -> {
      let r = positive_sqrt(x)
      format("sqrt ~p = ~p~n", [x, r])
      [r, ..roots(rest)]
    }
  }
}

pub fn main() {
  roots([4.0, 2.25, -1.0, 9.0])
}
