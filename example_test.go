package beamr_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/beamr/beamr"
)

// A runtime runs Erlang functions, here from beamr's standard library.
func Example() {
	ctx := context.Background()
	rt, err := beamr.New()
	if err != nil {
		log.Fatal(err)
	}
	defer rt.Shutdown(ctx)

	v, err := rt.Call(ctx, "lists", "reverse", beamr.List{1, 2, 3})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(beamr.Format(v))
	// Output: [3,2,1]
}

// Options configure the runtime; here Erlang's output goes to a
// strings.Builder.
func ExampleNew() {
	ctx := context.Background()
	var out strings.Builder
	rt, err := beamr.New(beamr.WithSchedulers(2), beamr.WithStdout(&out))
	if err != nil {
		log.Fatal(err)
	}
	defer rt.Shutdown(ctx)

	_, err = rt.Call(ctx, "io", "format", "~p and ~s~n", beamr.List{beamr.Tuple{1, beamr.Atom("a")}, "text"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(out.String())
	// Output: {1,a} and text
}

// Load modules from a directory (or a single .beam, or an fs.FS such as
// an embed.FS), then call them.
func ExampleRuntime_LoadDir() {
	ctx := context.Background()
	rt, err := beamr.New()
	if err != nil {
		log.Fatal(err)
	}
	defer rt.Shutdown(ctx)

	names, err := rt.LoadDir("testdata")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(names)
	v, err := rt.Call(ctx, "embedtest", "add", 40, 2)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(v)
	// Output:
	// [embedtest]
	// 42
}

// Erlang exceptions come back as *Error values.
func ExampleRuntime_Call_exception() {
	ctx := context.Background()
	rt, err := beamr.New()
	if err != nil {
		log.Fatal(err)
	}
	defer rt.Shutdown(ctx)

	_, err = rt.Call(ctx, "erlang", "list_to_integer", beamr.Charlist("12x"))
	var e *beamr.Error
	if errors.As(err, &e) {
		fmt.Println(e.Class, beamr.Format(e.Reason))
		fmt.Println(e.Stack[0].Module, e.Stack[0].Function, beamr.Format(e.Stack[0].Args))
	}
	// Output:
	// error badarg
	// erlang list_to_integer ["12x"]
}

// A Go function registered as host:double/1 is called by Erlang code,
// here by lists:map/2 through the fun host:double/1.
func ExampleRuntime_Register() {
	ctx := context.Background()
	rt, err := beamr.New()
	if err != nil {
		log.Fatal(err)
	}
	defer rt.Shutdown(ctx)

	err = rt.Register("host", "double", 1, func(ctx context.Context, args []beamr.Value) (beamr.Value, error) {
		n, ok := beamr.ToInt(args[0])
		if !ok {
			// Raise error:badarg in the caller.
			return nil, &beamr.Error{Class: "error", Reason: beamr.Atom("badarg")}
		}
		time.Sleep(time.Millisecond) // blocking is fine
		return 2 * n, nil
	})
	if err != nil {
		log.Fatal(err)
	}
	double, err := rt.Call(ctx, "erlang", "make_fun", beamr.Atom("host"), beamr.Atom("double"), 1)
	if err != nil {
		log.Fatal(err)
	}
	v, err := rt.Call(ctx, "lists", "map", double, beamr.List{1, 2, 3})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(beamr.Format(double), "->", beamr.Format(v))

	_, err = rt.Call(ctx, "lists", "map", double, beamr.List{"x"})
	fmt.Println(err)
	// Output:
	// fun host:double/1 -> [2,4,6]
	// error: badarg in host:double/1
}

// A mailbox has a pid: Erlang code sends to it, Go receives.
func ExampleRuntime_NewMailbox() {
	ctx := context.Background()
	rt, err := beamr.New()
	if err != nil {
		log.Fatal(err)
	}
	defer rt.Shutdown(ctx)

	mb, err := rt.NewMailbox()
	if err != nil {
		log.Fatal(err)
	}
	defer mb.Close()
	// erlang:send(Pid, Msg) runs in an Erlang process.
	_, err = rt.Call(ctx, "erlang", "send", mb.Pid(), beamr.Tuple{beamr.Atom("hello"), "from Erlang"})
	if err != nil {
		log.Fatal(err)
	}
	msg, err := mb.Receive(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(beamr.Format(msg))
	// Output: {hello,<<"from Erlang">>}
}

// Send delivers Go values to Erlang processes, by pid or registered name.
func ExampleRuntime_Send() {
	ctx := context.Background()
	rt, err := beamr.New()
	if err != nil {
		log.Fatal(err)
	}
	defer rt.Shutdown(ctx)
	if _, err := rt.LoadDir("testdata"); err != nil {
		log.Fatal(err)
	}
	mb, err := rt.NewMailbox()
	if err != nil {
		log.Fatal(err)
	}

	// embedtest:counter/1 counts messages until asked {get, ReplyTo}.
	counter, err := rt.Spawn("embedtest", "counter", 0)
	if err != nil {
		log.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		rt.Send(counter, i)
	}
	rt.Send(counter, beamr.Tuple{beamr.Atom("get"), mb.Pid()})
	fmt.Println(beamr.Format(<-mb.C()))
	// Output: {count,3}
}

// Shutdown ends everything the runtime started.
func ExampleRuntime_Shutdown() {
	rt, err := beamr.New()
	if err != nil {
		log.Fatal(err)
	}
	if err := rt.Register("host", "wait", 0, func(ctx context.Context, _ []beamr.Value) (beamr.Value, error) {
		<-ctx.Done() // Shutdown cancels the context of running Go functions
		return nil, ctx.Err()
	}); err != nil {
		log.Fatal(err)
	}
	rt.Spawn("host", "wait")

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	fmt.Println(rt.Shutdown(ctx))
	_, err = rt.Call(ctx, "erlang", "self")
	fmt.Println(err)
	// Output:
	// <nil>
	// beamr: runtime shut down
}

// Values print as Erlang prints terms.
func ExampleFormat() {
	fmt.Println(beamr.Format(beamr.Tuple{
		beamr.Atom("ok"), beamr.Atom("Upper"), 1.5, "bin", []byte{1, 2},
		beamr.Charlist("chars"), beamr.Map{{Key: beamr.Atom("k"), Value: true}},
	}))
	// Output: {ok,'Upper',1.5,<<"bin">>,<<1,2>>,"chars",#{k => true}}
}

// Conversions: what Go values become and come back as.
func ExampleValue() {
	ctx := context.Background()
	rt, err := beamr.New(beamr.WithStdout(os.Stdout))
	if err != nil {
		log.Fatal(err)
	}
	defer rt.Shutdown(ctx)

	for _, in := range []beamr.Value{42, uint64(1) << 63, 2.5, "text", true, []int{1, 2}, map[string]int{"a": 1}} {
		out, err := rt.Call(ctx, "erlang", "hd", beamr.List{in})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%T -> %s -> %T\n", in, beamr.Format(out), out)
	}
	// Output:
	// int -> 42 -> int64
	// uint64 -> 9223372036854775808 -> *big.Int
	// float64 -> 2.5 -> float64
	// string -> <<"text">> -> []uint8
	// bool -> true -> beamr.Atom
	// []int -> [1,2] -> beamr.List
	// map[string]int -> #{<<"a">> => 1} -> beamr.Map
}
