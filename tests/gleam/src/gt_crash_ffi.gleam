// An Erlang function called through @external fails with a badmatch: the
// runner explains the reason and exits with status 127.

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

pub type Reply {
  Ok
  Failed(code: Int, detail: List(String))
}

@external(erlang, "gt_ffi", "crash_badmatch")
fn check(r: Reply) -> Nil

pub fn main() {
  check(Ok)
  format("first check passed~n", [])
  check(Failed(503, ["upstream", "timeout", "retry later"]))
  format("not printed~n", [])
}
