// The program stops the runtime itself with erlang:halt/1: the runner's
// own halt is never reached and the status is the program's.

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "halt")
fn halt(status: Int) -> Nil

pub fn main() {
  format("about to halt~n", [])
  halt(3)
  format("not printed~n", [])
}
