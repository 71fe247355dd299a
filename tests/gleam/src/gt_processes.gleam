// Processes through an Erlang helper: spawning workers, sending messages,
// selective receive by tag, replies carrying custom types.

pub type Dynamic

pub type Pid

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

@external(erlang, "gt_ffi", "receive_tagged")
fn receive_tagged(tag: Tag, timeout: Int) -> Result(a, Nil)

@external(erlang, "erlang", "is_process_alive")
fn is_alive(p: Pid) -> Bool

@external(erlang, "lists", "sort")
fn sort(l: List(a)) -> List(a)

pub type Tag {
  Result
  Log
  Done
}

pub type Request {
  Square(from: Pid, n: Int)
  Sum(from: Pid, ns: List(Int))
  Stop
}

fn p(x: a) -> Nil {
  format("~p~n", [x])
}

fn worker(id: Int) -> Nil {
  case receive_any(5000) {
    Ok(Square(from, n)) -> {
      send(from, #(Result, #(id, n * n)))
      worker(id)
    }
    Ok(Sum(from, ns)) -> {
      send(from, #(Log, "summing"))
      send(from, #(Result, #(id, sum(ns))))
      worker(id)
    }
    Ok(Stop) -> Nil
    Error(Nil) -> Nil
  }
}

fn sum(l: List(Int)) -> Int {
  case l {
    [] -> 0
    [x, ..xs] -> x + sum(xs)
  }
}

fn collect(n: Int, acc: List(#(Int, Int))) -> List(#(Int, Int)) {
  case n {
    0 -> acc
    _ -> {
      let assert Ok(r) = receive_tagged(Result, 5000)
      collect(n - 1, [r, ..acc])
    }
  }
}

fn counter(count: Int) -> Nil {
  case receive_any(5000) {
    Ok(#(Done, from)) -> send(from, #(Result, count))
    Ok(_) -> counter(count + 1)
    Error(Nil) -> Nil
  }
}

pub fn main() {
  let me = self()
  let w1 = spawn(fn() { worker(1) })
  let w2 = spawn(fn() { worker(2) })
  send(w1, Square(me, 12))
  send(w2, Square(me, 7))
  send(w1, Sum(me, [1, 2, 3, 4]))
  let results = collect(3, [])
  p(sort(results))
  // The log message was left in the mailbox by the selective receives.
  p(receive_tagged(Log, 1000))
  p(receive_any(0))
  send(w1, Stop)
  send(w2, Stop)
  let c = spawn(fn() { counter(0) })
  each(range(1, 250), fn(i) { send(c, #(Log, i)) })
  send(c, #(Done, me))
  p(receive_tagged(Result, 5000))
  p(receive_any(50))
  let lazy = spawn(fn() { Nil })
  wait_dead(lazy, 100)
  p(is_alive(lazy))
  p(is_alive(me))
}

fn wait_dead(pid: Pid, tries: Int) -> Nil {
  case is_alive(pid), tries {
    False, _ -> Nil
    True, 0 -> Nil
    True, _ -> {
      receive_any(1)
      wait_dead(pid, tries - 1)
    }
  }
}

fn range(a: Int, b: Int) -> List(Int) {
  case a > b {
    True -> []
    False -> [a, ..range(a + 1, b)]
  }
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
