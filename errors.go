package beamr

import (
	"errors"
	"strconv"
	"strings"
)

// ErrClosed is returned by the methods of a Runtime after Shutdown has
// begun, and by Mailbox.Receive once the mailbox is closed (or its
// process was killed).
var ErrClosed = errors.New("beamr: closed")

// ErrHalted is wrapped by the error of a Call that could not finish
// because Erlang code called erlang:halt, and by those of Call, Spawn and
// NewMailbox afterwards: the runtime then runs nothing more (Shutdown
// still has to be called). The error's text gives the status;
// Runtime.Halted returns it.
var ErrHalted = errors.New("beamr: runtime halted")

// errNilContext is the error of a method given a nil context.Context.
var errNilContext = errors.New("beamr: nil Context")

// Error is an Erlang exception. A Call that ends with an uncaught
// exception returns one (use errors.As), as does a Call whose process was
// killed (Class exit, Reason the exit reason). A Go function registered
// with Register returns one to raise exactly that exception in the Erlang
// process that called it.
type Error struct {
	// Class is error, exit or throw.
	Class Atom
	// Reason is the exception's reason: badarg, {badmatch,3}, the value
	// thrown...
	Reason Value
	// Stack is the stack trace, innermost call first. It is ignored when a
	// Go function raises the error: the stack is then the caller's.
	Stack []Frame
}

// Error returns the exception as "class: reason" followed by where it was
// raised, e.g. "error: badarith in calc:div/2 (calc.erl, line 7)".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(string(e.Class))
	b.WriteString(": ")
	b.WriteString(Format(e.Reason))
	if len(e.Stack) > 0 {
		b.WriteString(" in ")
		b.WriteString(e.Stack[0].String())
	}
	return b.String()
}

// Frame is one entry of a stack trace: the function, its arity (or the
// arguments it was called with, for the failing call of a built-in
// function) and, when known, the source file and line.
type Frame struct {
	Module, Function Atom
	// Arity is the function's arity. When the frame holds the arguments
	// instead, Args is set too (Arity is then len(Args)).
	Arity int
	Args  List
	// File and Line locate the call in the source when the module was
	// compiled with line information ("" and 0 otherwise).
	File string
	Line int
}

// String returns the frame as module:function/arity, followed by the
// source location in parentheses when known.
func (f Frame) String() string {
	s := Format(f.Module) + ":" + Format(f.Function) + "/" + strconv.Itoa(f.Arity)
	switch {
	case f.File != "" && f.Line > 0:
		s += " (" + f.File + ", line " + strconv.Itoa(f.Line) + ")"
	case f.File != "":
		s += " (" + f.File + ")"
	}
	return s
}

// newError builds the Error of an exception caught in Erlang: class,
// reason and the stack trace as erlang:get_stacktrace-style terms.
func newError(class, reason, stack Value) *Error {
	c, _ := class.(Atom)
	e := &Error{Class: c, Reason: reason}
	l, _ := stack.(List)
	for _, fr := range l {
		if f, ok := frameOf(fr); ok {
			e.Stack = append(e.Stack, f)
		}
	}
	return e
}

// frameOf reads one {Module, Function, ArityOrArgs, Location} entry.
func frameOf(v Value) (Frame, bool) {
	t, ok := v.(Tuple)
	if !ok || len(t) != 4 {
		return Frame{}, false
	}
	var f Frame
	f.Module, _ = t[0].(Atom)
	f.Function, _ = t[1].(Atom)
	switch a := t[2].(type) {
	case int64:
		f.Arity = int(a)
	case List:
		f.Args, f.Arity = a, len(a)
	}
	loc, _ := t[3].(List)
	for _, item := range loc {
		kv, ok := item.(Tuple)
		if !ok || len(kv) != 2 {
			continue
		}
		switch kv[0] {
		case Atom("file"):
			f.File, _ = ToString(kv[1])
		case Atom("line"):
			n, _ := ToInt(kv[1])
			f.Line = int(n)
		}
	}
	return f, true
}
