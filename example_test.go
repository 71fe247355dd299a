package beamr_test

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"os"
	"strings"
	"time"

	"github.com/beamr/beamr"
)

// testdataFS holds the compiled test modules, as a program would embed its
// own.
//
//go:embed testdata/*.beam
var testdataFS embed.FS

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

// Call runs a function in a new process and waits for its result, here
// no longer than a second.
func ExampleRuntime_Call() {
	rt, err := beamr.New()
	if err != nil {
		log.Fatal(err)
	}
	defer rt.Shutdown(context.Background())

	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	v, err := rt.Call(ctx, "lists", "seq", 1, 5)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(beamr.Format(v))
	v, err = rt.Call(ctx, "maps", "from_list", beamr.List{beamr.Tuple{beamr.Atom("a"), 1}, beamr.Tuple{"b", 2.5}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(beamr.Format(v))
	// Output:
	// [1,2,3,4,5]
	// #{a => 1,<<"b">> => 2.5}
}

// Load loads one module from the contents of its .beam file.
func ExampleRuntime_Load() {
	ctx := context.Background()
	rt, err := beamr.New()
	if err != nil {
		log.Fatal(err)
	}
	defer rt.Shutdown(ctx)

	beam, err := os.ReadFile("testdata/embedtest.beam")
	if err != nil {
		log.Fatal(err)
	}
	name, err := rt.Load(beam)
	if err != nil {
		log.Fatal(err)
	}
	v, err := rt.Call(ctx, name, "add", 1, 2)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(name, v)
	// Output: embedtest 3
}

// LoadFS loads the modules a program embeds, so that it needs no files at
// run time.
func ExampleRuntime_LoadFS() {
	ctx := context.Background()
	rt, err := beamr.New()
	if err != nil {
		log.Fatal(err)
	}
	defer rt.Shutdown(ctx)

	// testdataFS is declared as
	//
	//	//go:embed testdata/*.beam
	//	var testdataFS embed.FS
	dir, err := fs.Sub(testdataFS, "testdata")
	if err != nil {
		log.Fatal(err)
	}
	names, err := rt.LoadFS(dir)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(names)
	// Output: [embedtest]
}

// Spawn starts a process and returns at once; here the process sends a
// message to a mailbox.
func ExampleRuntime_Spawn() {
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

	// embedtest:reply_to(Pid, Msg) sends {reply, self(), Msg} to Pid.
	pid, err := rt.Spawn("embedtest", "reply_to", mb.Pid(), "hi")
	if err != nil {
		log.Fatal(err)
	}
	msg, err := mb.Receive(ctx)
	if err != nil {
		log.Fatal(err)
	}
	t := msg.(beamr.Tuple)
	fmt.Println(beamr.Format(t[0]), t[1] == pid, beamr.Format(t[2]))
	// Output: reply true <<"hi">>
}

// Receive waits for the next message, no longer than its context allows.
func ExampleMailbox_Receive() {
	rt, err := beamr.New()
	if err != nil {
		log.Fatal(err)
	}
	defer rt.Shutdown(context.Background())
	mb, err := rt.NewMailbox()
	if err != nil {
		log.Fatal(err)
	}
	defer mb.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	_, err = mb.Receive(ctx)
	fmt.Println(err)

	// Messages from Go (or Erlang) arrive in the order sent.
	for _, m := range []beamr.Value{beamr.Atom("first"), beamr.Tuple{2, "second"}} {
		if err := rt.Send(mb.Pid(), m); err != nil {
			log.Fatal(err)
		}
	}
	for range 2 {
		msg, err := mb.Receive(context.Background())
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(beamr.Format(msg))
	}
	mb.Close()
	_, err = mb.Receive(context.Background())
	fmt.Println(err)
	// Output:
	// context deadline exceeded
	// first
	// {2,<<"second">>}
	// beamr: closed
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
	// beamr: closed
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
