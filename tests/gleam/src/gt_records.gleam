// Custom types, records, field access and record update.

pub type Dynamic

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

@external(erlang, "erlang", "tuple_to_list")
fn args(t: a) -> List(Dynamic)

fn p(x: a) -> Nil {
  format("~p~n", [x])
}

pub type Colour {
  Red
  Green
  Blue
  Custom(r: Int, g: Int, b: Int)
}

pub type Person {
  Person(name: String, age: Int, email: String, tags: List(String))
}

pub type Account {
  Account(id: Int, owner: Person, balance: Int, frozen: Bool)
}

pub type Wrapper(a) {
  Wrapper(inner: a, label: String)
}

fn colour_name(c: Colour) -> String {
  case c {
    Red -> "red"
    Green -> "green"
    Blue -> "blue"
    Custom(r: 0, g: 0, b: 0) -> "black"
    Custom(r, g, b) if r == g && g == b -> "grey"
    Custom(..) -> "custom"
  }
}

fn birthday(p: Person) -> Person {
  Person(..p, age: p.age + 1)
}

fn deposit(a: Account, amount: Int) -> Account {
  case a.frozen {
    True -> a
    False -> Account(..a, balance: a.balance + amount)
  }
}

fn map_wrapper(w: Wrapper(a), f: fn(a) -> b) -> Wrapper(b) {
  Wrapper(inner: f(w.inner), label: w.label)
}

pub fn main() {
  let colours = [Red, Green, Blue, Custom(0, 0, 0), Custom(7, 7, 7), Custom(r: 1, g: 2, b: 3)]
  p(colours)
  format("~ts~n", [colour_name(Red)])
  colours
  |> loop_names
  let ada = Person(name: "Ada", age: 36, email: "ada@example.com", tags: ["math", "engine"])
  let older = birthday(ada)
  p(older)
  format("~ts is ~b~n", args(#(older.name, older.age)))
  let renamed = Person(..older, name: "Ada L.", tags: ["poet", ..older.tags])
  p(renamed)
  p(ada == birthday(ada))
  p(older == birthday(ada))
  let acc = Account(id: 1, owner: ada, balance: 100, frozen: False)
  let acc2 = deposit(acc, 50)
  let acc3 = deposit(Account(..acc2, frozen: True), 1000)
  p(#(acc2.balance, acc3.balance, acc3.frozen))
  p(acc3.owner.name)
  let w = Wrapper(inner: 21, label: "num")
  let w2 = map_wrapper(w, fn(x) { x * 2 })
  let w3 = map_wrapper(w2, fn(x) { [x, x] })
  p(w3)
  p(Wrapper(..w3, label: "pairs"))
}

fn loop_names(cs: List(Colour)) -> Nil {
  case cs {
    [] -> Nil
    [c, ..rest] -> {
      format("- ~ts~n", [colour_name(c)])
      loop_names(rest)
    }
  }
}
