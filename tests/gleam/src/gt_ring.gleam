// A ring of processes passing a token along, and monitored processes whose
// exit reasons (one of them a caught panic) reach the monitor in DOWN
// messages. (An uncaught error in a spawned process would make OTP's
// logger print a report to standard output at a time that races with the
// program's end, so the panic is caught and turned into an exit.)

pub type Dynamic

pub type Pid

pub type Ref

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "tuple_to_list")
fn args(t: a) -> List(Dynamic)

@external(erlang, "gt_ffi", "spawn")
fn spawn(f: fn() -> a) -> Pid

@external(erlang, "gt_ffi", "send")
fn send(to: Pid, msg: a) -> Nil

@external(erlang, "gt_ffi", "self")
fn self() -> Pid

@external(erlang, "gt_ffi", "receive_any")
fn receive_any(timeout: Int) -> Result(a, Nil)

@external(erlang, "gt_ffi", "monitor")
fn monitor(p: Pid) -> Ref

@external(erlang, "gt_ffi", "receive_down")
fn receive_down(r: Ref) -> Dynamic

@external(erlang, "gt_ffi", "rescue")
fn rescue(f: fn() -> a) -> Result(a, Dynamic)

@external(erlang, "erlang", "exit")
fn exit(reason: a) -> Nil

pub type Msg {
  Next(Pid)
  Token(hops: Int, trail: List(Int))
}

fn node(id: Int) -> Nil {
  let assert Ok(Next(next)) = receive_any(5000)
  relay(id, next)
}

fn relay(id: Int, next: Pid) -> Nil {
  case receive_any(5000) {
    Ok(Token(0, trail)) -> send(next, Token(0, trail))
    Ok(Token(hops, trail)) -> {
      send(next, Token(hops - 1, [id, ..trail]))
      relay(id, next)
    }
    _ -> Nil
  }
}

fn start(n: Int, acc: List(Pid)) -> List(Pid) {
  case n {
    0 -> acc
    _ -> start(n - 1, [spawn(fn() { node(n) }), ..acc])
  }
}

fn link_up(ps: List(Pid), first: Pid) -> Nil {
  case ps {
    [] -> Nil
    [a] -> send(a, Next(first))
    [a, b, ..rest] -> {
      send(a, Next(b))
      link_up([b, ..rest], first)
    }
  }
}

fn length(l: List(a)) -> Int {
  case l {
    [] -> 0
    [_, ..xs] -> 1 + length(xs)
  }
}

pub fn main() {
  let me = self()
  let ring = start(10, [])
  let assert [first, ..] = ring
  link_up(ring, me)
  send(first, Token(35, []))
  let assert Ok(Token(hops, trail)) = receive_any(5000)
  format("hops left ~b, trail length ~b~n", args(#(hops, length(trail))))
  format("~w~n", [trail])
  let doomed = spawn(fn() {
    receive_any(5000)
    case rescue(fn() { panic as "worker gave up" }) {
      Ok(_) -> Nil
      Error(reason) -> exit(#("panicked", reason))
    }
  })
  let ref = monitor(doomed)
  send(doomed, "go")
  let reason = receive_down(ref)
  format("~p~n", [reason])
  let calm = spawn(fn() { receive_any(5000) })
  let ref2 = monitor(calm)
  send(calm, "bye")
  format("~p~n", [receive_down(ref2)])
}
