package main

// The example's own output, checked by go test.
func Example() {
	if err := run(); err != nil {
		panic(err)
	}
	// Output:
	// greeter:hello(<<"Ada">>) = Hello, Ada! You are 36.
	// greeter:hello(<<"Nobody">>) raised error:{unknown_person,<<"Nobody">>}
	// from <0.4.0>: Hello, Grace! You are 85.
	// from <0.4.0>: Hello, Joe! You are 68.
	// greeter: 2 greetings served
	// server said {stopped,2}
}
