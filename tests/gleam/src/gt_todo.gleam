// A todo with a message is reached: it raises like a panic.

@external(erlang, "io", "format")
fn format(f: String, args: List(a)) -> Nil

pub type Shape {
  Square(Float)
  Circle(Float)
  Triangle(Float, Float, Float)
}

fn area(s: Shape) -> Float {
  case s {
    Square(x) -> x *. x
    Circle(r) -> 3.0 *. r *. r
    Triangle(..) -> todo as "triangles are not done yet"
  }
}

pub fn main() {
  format("~p~n", [area(Square(2.0))])
  format("~p~n", [area(Circle(1.0))])
  format("~p~n", [area(Triangle(3.0, 4.0, 5.0))])
}
