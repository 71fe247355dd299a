// An uncaught throw of a custom type value ends the program: the runner
// prints it as "exception throw:".

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "throw")
fn throw(x: a) -> b

pub type Abort {
  Abort(reason: String, codes: List(Int), nested: #(Float, List(String)))
}

fn step(n: Int) -> Int {
  case n > 3 {
    True -> throw(Abort("too many steps: ünïcode", [n, n * 2, n * 3], #(1.5, ["x", "y"])))
    False -> {
      format("step ~b~n", [n])
      step(n + 1) + 1
    }
  }
}

pub fn main() {
  step(1)
}
