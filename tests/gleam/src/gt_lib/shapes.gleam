// Shapes used by gt_modules: a module in a subdirectory becomes the Erlang
// module gt_lib@shapes.

pub const pi = 3.141592653589793

pub const unit_names = ["mm", "cm", "m"]

pub type Shape {
  Circle(radius: Float)
  Rect(width: Float, height: Float)
  Polygon(points: List(#(Float, Float)))
}

pub fn area(s: Shape) -> Float {
  case s {
    Circle(r) -> pi *. r *. r
    Rect(w, h) -> w *. h
    Polygon(points) -> abs(shoelace(points, first(points), 0.0)) /. 2.0
  }
}

fn first(points: List(#(Float, Float))) -> #(Float, Float) {
  case points {
    [p, ..] -> p
    [] -> #(0.0, 0.0)
  }
}

fn shoelace(points: List(#(Float, Float)), start: #(Float, Float), acc: Float) -> Float {
  case points {
    [] -> acc
    [#(x1, y1)] -> acc +. x1 *. start.1 -. start.0 *. y1
    [#(x1, y1), #(x2, y2), ..rest] ->
      shoelace([#(x2, y2), ..rest], start, acc +. x1 *. y2 -. x2 *. y1)
  }
}

fn abs(x: Float) -> Float {
  case x <. 0.0 {
    True -> 0.0 -. x
    False -> x
  }
}

pub fn name(s: Shape) -> String {
  case s {
    Circle(..) -> "circle"
    Rect(w, h) if w == h -> "square"
    Rect(..) -> "rectangle"
    Polygon(_) -> "polygon"
  }
}
