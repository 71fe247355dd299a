// The program ends with a panic deep in a call chain: the runner prints
// the exception with its stack and exits with status 127.

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

pub type Account {
  Account(owner: String, balance: Int)
}

fn withdraw(a: Account, amount: Int) -> Account {
  case amount > a.balance {
    True -> panic as "insufficient funds"
    False -> Account(..a, balance: a.balance - amount)
  }
}

fn run(a: Account, amounts: List(Int)) -> Account {
  case amounts {
    [] -> a
    [x, ..rest] -> {
      let a2 = withdraw(a, x)
      format("withdrew ~b, left ~b~n", [x, a2.balance])
      let result = run(a2, rest)
      format("unreachable~n", [])
      result
    }
  }
}

pub fn main() {
  let a = Account("Zoë", 100)
  run(a, [10, 20, 30, 50, 5])
  Nil
}
