// Command embed shows a BEAM inside a Go program: it loads an Erlang
// module, calls it, lets it call back a Go function, and exchanges
// messages with an Erlang process both ways. Run it with
//
//	go run ./examples/embed
//
// No Erlang installation is needed: greeter.beam, compiled from
// greeter.erl by erlc, is embedded in the program.
package main

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/beamr/beamr"
)

//go:generate erlc +deterministic greeter.erl

//go:embed greeter.beam
var greeterBeam []byte

// ages stands for a database the Go program owns.
var ages = map[string]int{"Ada": 36, "Grace": 85, "Joe": 68}

func main() {
	if err := run(); err != nil {
		log.Fatal(err)
	}
}

func run() error {
	ctx := context.Background()
	rt, err := beamr.New(beamr.WithStdout(os.Stdout))
	if err != nil {
		return err
	}
	defer rt.Shutdown(ctx)

	// A Go function Erlang calls as host:age(Name). It may block (here
	// it pretends to query a database): the calling process waits, the
	// others keep running.
	err = rt.Register("host", "age", 1, func(ctx context.Context, args []beamr.Value) (beamr.Value, error) {
		name, _ := beamr.ToString(args[0])
		select {
		case <-time.After(10 * time.Millisecond):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		age, ok := ages[name]
		if !ok {
			return beamr.Atom("not_found"), nil
		}
		return beamr.Tuple{beamr.Atom("ok"), age}, nil
	})
	if err != nil {
		return err
	}
	if _, err := rt.Load(greeterBeam); err != nil {
		return err
	}

	// Go calls Erlang, which calls Go.
	v, err := rt.Call(ctx, "greeter", "hello", "Ada")
	if err != nil {
		return err
	}
	fmt.Printf("greeter:hello(<<\"Ada\">>) = %s\n", v)

	// An Erlang exception comes back as a Go error.
	_, err = rt.Call(ctx, "greeter", "hello", "Nobody")
	var e *beamr.Error
	if errors.As(err, &e) {
		fmt.Printf("greeter:hello(<<\"Nobody\">>) raised %s:%s\n", e.Class, beamr.Format(e.Reason))
	}

	// Messages both ways: a mailbox gives Go a pid that Erlang sends to.
	mb, err := rt.NewMailbox()
	if err != nil {
		return err
	}
	defer mb.Close()
	server, err := rt.Spawn("greeter", "serve", mb.Pid())
	if err != nil {
		return err
	}
	for _, name := range []string{"Grace", "Joe"} {
		if err := rt.Send(server, beamr.Tuple{beamr.Atom("greet"), name}); err != nil {
			return err
		}
		msg, err := mb.Receive(ctx)
		if err != nil {
			return err
		}
		// msg is {greeting, ServerPid, Text}.
		t, ok := msg.(beamr.Tuple)
		if !ok || len(t) != 3 || t[0] != beamr.Atom("greeting") {
			return fmt.Errorf("unexpected message %s", beamr.Format(msg))
		}
		fmt.Printf("from %v: %s\n", t[1], t[2])
	}
	if err := rt.Send(server, beamr.Atom("stop")); err != nil {
		return err
	}
	msg, err := mb.Receive(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("server said %s\n", beamr.Format(msg))
	return nil
}
