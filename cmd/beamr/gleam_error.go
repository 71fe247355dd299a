package main

import (
	"strconv"
	"strings"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// exceptionFormatter renders an exception the way Gleam 0.30's runner
// prints it: erl_error:format_exception(1, Class, Reason, Stack,
// StackFilter, PF, unicode), where PF(Term, Col) is
// io_lib:format("~.ColtP", [Term, 50]) and the filter drops the trailing
// frames of the runner, erl_eval and init. The text has no final newline.
//
// Not covered: the extended error information that erl_error asks the
// failing module for (error_info, e.g. the "*** argument 1: ..." lines of a
// BIF's badarg), and the shell-only reasons.
type exceptionFormatter struct {
	rt     *vm.Runtime
	e      *term.Env
	h      *heap.Heap // for the few terms the formatting builds
	filter []string
}

// frame is one entry {M, F, ArityOrArgs, Info} of a stack trace.
type frame struct {
	m, f  term.Term
	arity int
	args  term.Term // the argument list, or term.NoValue when only the arity is known
	info  term.Term
}

// formatException returns the runner's text for an uncaught exception.
func formatException(rt *vm.Runtime, class, reason, stack term.Term, filter []string) string {
	h, err := heap.New(rt.Arena, 0)
	if err != nil {
		return exited(rt, class) + term.WriteString(&rt.Env, reason)
	}
	defer h.Free()
	x := &exceptionFormatter{rt: rt, e: &rt.Env, h: h, filter: filter}
	return x.format(class, reason, stack)
}

func exited(rt *vm.Runtime, class term.Term) string {
	switch rt.Env.AtomName(class) {
	case "exit":
		return "exception exit: "
	case "throw":
		return "exception throw: "
	}
	return "exception error: "
}

func (x *exceptionFormatter) format(class, reason, stack term.Term) string {
	frames, isStack := x.frames(stack)
	what := reason
	var first []frame // the frame explained with the reason
	switch {
	case !isStack:
		what, frames = x.h.Tuple(reason, stack), nil
	case x.is(class, "error") && len(frames) > 0 && x.is(reason, "function_clause") && frames[0].args != term.NoValue,
		x.is(class, "error") && len(frames) > 0 && x.is(reason, "undef"):
		first, frames = frames[:1], frames[1:]
	}
	head := exited(x.rt, class)
	out := head + x.explain(what, class, first, len(head))
	if st := x.stacktrace(frames); st != "" {
		out += "\n" + st
	}
	return out
}

// frames decodes a stack trace; ok is false when stack is not one.
func (x *exceptionFormatter) frames(stack term.Term) ([]frame, bool) {
	e := x.e
	var out []frame
	for ; stack.IsList(); stack = e.Tl(stack) {
		t := e.Hd(stack)
		if !e.IsTuple(t) || e.TupleArity(t) != 4 {
			return nil, false
		}
		fr := frame{m: e.Elem(t, 0), f: e.Elem(t, 1), args: term.NoValue, info: e.Elem(t, 3)}
		a := e.Elem(t, 2)
		switch {
		case a.IsSmall():
			fr.arity = int(a.Small())
		case term.IsListOrNil(a):
			n := 0
			for l := a; l.IsList(); l = e.Tl(l) {
				n++
				if !term.IsListOrNil(e.Tl(l)) {
					return nil, false
				}
			}
			fr.arity, fr.args = n, a
		default:
			return nil, false
		}
		if !fr.m.IsAtom() || !fr.f.IsAtom() || !term.IsListOrNil(fr.info) {
			return nil, false
		}
		out = append(out, fr)
	}
	return out, stack == term.Nil
}

func (x *exceptionFormatter) is(t term.Term, atom string) bool {
	return t.IsAtom() && x.e.AtomName(t) == atom
}

// pf prints t pretty from column col: io_lib:format("~.ColtP", [T, 50]).
func (x *exceptionFormatter) pf(t term.Term, col int) string {
	return string(term.AppendP(nil, x.e, t, term.PrettyOpts{Column: col, LineLength: 80, Depth: 50, Unicode: true}))
}

// explain describes the reason; pre is the width of "exception error: ".
func (x *exceptionFormatter) explain(r, class term.Term, first []frame, pre int) string {
	e := x.e
	if x.is(class, "error") {
		if len(first) == 1 {
			fr := first[0]
			if x.is(r, "undef") {
				return "undefined function " + x.mfa(fr.m, fr.f, fr.arity)
			}
			const errStr = "no function clause matching "
			return x.call(errStr, strings.Repeat(" ", pre), fr.m, fr.f, fr.args) + " " + x.location(fr.info)
		}
		if r.IsAtom() {
			switch e.AtomName(r) {
			case "badarg":
				return "bad argument"
			case "badarith":
				return "an error occurred when evaluating an arithmetic expression"
			case "if_clause":
				return "no true branch found when evaluating an if expression"
			case "noproc":
				return "no such process or port"
			case "notalive":
				return "the node cannot be part of a distributed system"
			case "system_limit":
				return "a system limit has been reached"
			case "timeout_value":
				return "bad receive timeout value"
			}
		}
		if e.IsTuple(r) && e.TupleArity(r) == 2 && e.Elem(r, 0).IsAtom() {
			v := e.Elem(r, 1)
			prefix := map[string]string{
				"badarg": "bad argument: ", "badkey": "bad key: ", "badmap": "bad map: ",
				"badfun": "bad function ", "badmatch": "no match of right hand side value ",
				"case_clause": "no case clause matching ", "try_clause": "no try clause matching ",
				"bad_filter": "bad filter ", "bad_generator": "bad generator ",
			}
			tag := e.AtomName(e.Elem(r, 0))
			if p, ok := prefix[tag]; ok {
				return x.value(v, p, pre)
			}
			if tag == "badarity" && e.IsTuple(v) && e.TupleArity(v) == 2 && e.IsFun(e.Elem(v, 0)) {
				if n := listLength(e, e.Elem(v, 1)); n >= 0 {
					return x.funName(e.Elem(v, 0)) + " called with " + argss(n)
				}
			}
			if tag == "unbound" {
				return "variable " + term.WriteString(e, v) + " is unbound"
			}
		}
	}
	if x.is(class, "exit") && x.is(r, "calling_self") {
		return "the current process attempted to call itself"
	}
	return x.pf(r, 1+pre)
}

// value is erl_error's format_value: errStr then v, moved to the next
// line when that saves lines.
func (x *exceptionFormatter) value(v term.Term, errStr string, pre int) string {
	s1 := x.pf(v, pre+len(errStr)+1)
	if n1 := strings.Count(s1, "\n"); n1 > 1 {
		if s2 := x.pf(v, 1+pre); strings.Count(s2, "\n") < n1 {
			return errStr + "\n" + strings.Repeat(" ", pre) + s2
		}
	}
	return errStr + s1
}

// stacktrace formats the frames left after dropping the trailing ones of
// the filtered modules.
func (x *exceptionFormatter) stacktrace(frames []frame) string {
	for len(frames) > 0 {
		m := x.e.AtomName(frames[len(frames)-1].m)
		drop := false
		for _, f := range x.filter {
			drop = drop || f == m
		}
		if !drop {
			break
		}
		frames = frames[:len(frames)-1]
	}
	const s = "  "
	var b strings.Builder
	for i, fr := range frames {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(s)
		switch {
		case i > 0:
			b.WriteString("in call from")
		case isOp(x.e, fr.m, fr.f, fr.arity):
			b.WriteString("in operator ")
		default:
			b.WriteString("in function ")
		}
		b.WriteString(" " + x.mfa(fr.m, fr.f, fr.arity))
		if fr.args == term.NoValue {
			b.WriteString(" " + x.location(fr.info))
			continue
		}
		calledAs := s + "   called as "
		b.WriteString("\n" + calledAs + x.call("", calledAs, fr.m, fr.f, fr.args))
	}
	return b.String()
}

// call is erl_error's format_call: errStr followed by M:F(Args), or the
// operator expression, broken over lines as erl_error does.
func (x *exceptionFormatter) call(errStr, pre string, m, f, args term.Term) string {
	as, _ := listElems(x.e, args)
	if isOp(x.e, m, f, len(as)) {
		return errStr + x.op(errStr, pre, x.e.AtomName(f), as)
	}
	mfs := x.mf(m, f, len(as))
	i1 := strLen(pre + errStr + mfs)
	s1 := x.ppArgs(args, i1)
	s2 := x.ppArgs(args, strLen(pre+mfs))
	s3 := x.ppArgs(x.h.List(x.rt.Atom("a2345"), x.rt.Atom("b2345")), i1)
	if strings.Count(s3, "\n") > 0 || strings.Count(s2, "\n") < strings.Count(s1, "\n") {
		return errStr + "\n" + pre + mfs + s2
	}
	return errStr + mfs + s1
}

// op formats a call of an operator.
func (x *exceptionFormatter) op(errStr, pre, op string, as []term.Term) string {
	if len(as) == 1 {
		ops := op + " "
		return ops + x.pf(as[0], len(errStr+pre+ops)+1)
	}
	i1 := len(errStr + pre)
	s1 := x.pf(as[0], i1+1)
	s2 := x.pf(as[1], i1+1)
	pre1 := "\n" + strings.Repeat(" ", i1)
	if strings.Count(s1, "\n") > 0 {
		return s1 + pre1 + op + pre1 + s2
	}
	op2 := " " + op + " "
	s22 := x.pf(as[1], len(errStr+pre+op2)+strLen(s1)+1)
	if strings.Count(s2, "\n") < strings.Count(s22, "\n") {
		return s1 + pre1 + op + pre1 + s2
	}
	return s1 + op2 + s22
}

// ppArgs prints an argument list in parentheses from column col.
func (x *exceptionFormatter) ppArgs(args term.Term, col int) string {
	e := x.e
	if cs, ok := printableList(e, args); ok && len(cs) > 0 {
		// A list of character codes would print as a string: print the
		// first as a number and the rest as a list.
		n := strconv.Itoa(int(cs[0]))
		s := []rune(x.pf(x.h.Cons(x.rt.Atom(strings.Repeat("a", len(n))), e.Tl(args)), col+1))
		return "(" + n + string(s[1+len(n):len(s)-1]) + ")"
	}
	s := x.pf(args, col+1)
	return "(" + s[1:len(s)-1] + ")"
}

// location is "(File, line N)" from a frame's info, or "".
func (x *exceptionFormatter) location(info term.Term) string {
	e := x.e
	file, line := term.NoValue, term.NoValue
	for l := info; l.IsList(); l = e.Tl(l) {
		t := e.Hd(l)
		if !e.IsTuple(t) || e.TupleArity(t) != 2 {
			continue
		}
		switch {
		case x.is(e.Elem(t, 0), "file") && file == term.NoValue:
			file = e.Elem(t, 1)
		case x.is(e.Elem(t, 0), "line") && line == term.NoValue:
			line = e.Elem(t, 1)
		}
	}
	if file == term.NoValue || line == term.NoValue {
		return ""
	}
	cs, ok := listElems(e, file)
	var name []rune
	for _, c := range cs {
		if !c.IsSmall() {
			ok = false
			break
		}
		name = append(name, rune(c.Small()))
	}
	if !ok {
		return "(" + term.WriteString(e, file) + ", line " + term.WriteString(e, line) + ")"
	}
	return "(" + string(name) + ", line " + term.WriteString(e, line) + ")"
}

func (x *exceptionFormatter) mfa(m, f term.Term, arity int) string {
	return x.mf(m, f, arity) + "/" + strconv.Itoa(arity)
}

// mf is erl_error's mf_to_string: auto-imported BIFs and operators by
// their name alone, other functions as M:F.
func (x *exceptionFormatter) mf(m, f term.Term, arity int) string {
	e := x.e
	name := e.AtomName(f)
	if x.is(m, "erlang") && autoImported[name+"/"+strconv.Itoa(arity)] {
		return string(term.AppendAtom(nil, name, false))
	}
	if isOp(e, m, f, arity) {
		if name == "/" {
			return string(term.AppendAtom(nil, name, false))
		}
		return name
	}
	return string(term.AppendAtom(nil, e.AtomName(m), false)) + ":" + string(term.AppendAtom(nil, name, true))
}

// funName is erl_error's format_fun for a badarity report.
func (x *exceptionFormatter) funName(fun term.Term) string {
	e := x.e
	if e.Header(fun).HeaderSub() == term.SubExport {
		m, f, a := e.ExportMFA(fun)
		return x.mfa(m, f, a)
	}
	m, a := e.FunModule(fun), e.FunArity(fun)
	if x.is(m, "erl_eval") {
		return "interpreted function with arity " + strconv.Itoa(a)
	}
	if fe := x.rt.FunEntryByID(e.FunEntry(fun)); fe != nil && fe.Name.IsAtom() {
		return x.mfa(m, fe.Name, a)
	}
	return term.WriteString(e, fun)
}

func argss(n int) string {
	switch n {
	case 0:
		return "no arguments"
	case 1:
		return "one argument"
	case 2:
		return "two arguments"
	}
	return strconv.Itoa(n) + " arguments"
}

// isOp reports whether erlang:F/A is an operator.
func isOp(e *term.Env, m, f term.Term, arity int) bool {
	if !m.IsAtom() || e.AtomName(m) != "erlang" || !f.IsAtom() {
		return false
	}
	switch e.AtomName(f) {
	case "+", "-", "bnot", "not":
		return arity == 1 || arity == 2 && e.AtomName(f) != "bnot" && e.AtomName(f) != "not"
	case "*", "/", "div", "rem", "band", "bor", "bxor", "bsl", "bsr", "and", "or", "xor",
		"==", "/=", "=<", "<", ">=", ">", "=:=", "=/=", "++", "--", "!":
		return arity == 2
	}
	return false
}

// listElems returns the elements of a proper list.
func listElems(e *term.Env, l term.Term) ([]term.Term, bool) {
	var out []term.Term
	for ; l.IsList(); l = e.Tl(l) {
		out = append(out, e.Hd(l))
	}
	return out, l == term.Nil
}

func listLength(e *term.Env, l term.Term) int {
	as, ok := listElems(e, l)
	if !ok {
		return -1
	}
	return len(as)
}

// printableList reports whether l is a list io_lib:printable_list accepts
// (Latin-1 printable range, the emulator's default).
func printableList(e *term.Env, l term.Term) ([]rune, bool) {
	as, ok := listElems(e, l)
	if !ok {
		return nil, false
	}
	cs := make([]rune, len(as))
	for i, c := range as {
		if !c.IsSmall() {
			return nil, false
		}
		v := c.Small()
		switch {
		case v >= 32 && v <= 126, v >= 160 && v <= 255:
		case v == '\n', v == '\r', v == '\t', v == '\v', v == '\b', v == '\f', v == 27:
		default:
			return nil, false
		}
		cs[i] = rune(v)
	}
	return cs, true
}

// strLen is string:length: the number of grapheme clusters.
func strLen(s string) int { return term.GraphemeCount([]rune(s)) }

// autoImported holds the erlang functions erl_internal:bif/3 accepts (OTP 25).
var autoImported = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Fields(`abs/1 alias/0 alias/1 apply/2 apply/3 atom_to_binary/1
	atom_to_binary/2 atom_to_list/1 binary_part/2 binary_part/3 binary_to_atom/1
	binary_to_atom/2 binary_to_existing_atom/1 binary_to_existing_atom/2 binary_to_float/1
	binary_to_integer/1 binary_to_integer/2 binary_to_list/1 binary_to_list/3
	binary_to_term/1 binary_to_term/2 bit_size/1 bitstring_to_list/1 byte_size/1 ceil/1
	check_old_code/1 check_process_code/2 check_process_code/3 date/0 delete_module/1
	demonitor/1 demonitor/2 disconnect_node/1 element/2 erase/0 erase/1 error/1 error/2
	error/3 exit/1 exit/2 float/1 float_to_binary/1 float_to_binary/2 float_to_list/1
	float_to_list/2 floor/1 garbage_collect/0 garbage_collect/1 garbage_collect/2 get/0
	get/1 get_keys/0 get_keys/1 group_leader/0 group_leader/2 halt/0 halt/1 halt/2 hd/1
	integer_to_binary/1 integer_to_binary/2 integer_to_list/1 integer_to_list/2
	iolist_size/1 iolist_to_binary/1 is_alive/0 is_atom/1 is_binary/1 is_bitstring/1
	is_boolean/1 is_float/1 is_function/1 is_function/2 is_integer/1 is_list/1 is_map/1
	is_map_key/2 is_number/1 is_pid/1 is_port/1 is_process_alive/1 is_record/2
	is_record/3 is_reference/1 is_tuple/1 length/1 link/1 list_to_atom/1 list_to_binary/1
	list_to_bitstring/1 list_to_existing_atom/1 list_to_float/1 list_to_integer/1
	list_to_integer/2 list_to_pid/1 list_to_port/1 list_to_ref/1 list_to_tuple/1
	load_module/2 make_ref/0 map_get/2 map_size/1 max/2 min/2 module_loaded/1 monitor/2
	monitor/3 monitor_node/2 node/0 node/1 nodes/0 nodes/1 nodes/2 now/0 open_port/2
	pid_to_list/1 port_close/1 port_command/2 port_command/3 port_connect/2
	port_control/3 port_to_list/1 pre_loaded/0 process_flag/2 process_flag/3
	process_info/1 process_info/2 processes/0 purge_module/1 put/2 ref_to_list/1
	register/2 registered/0 round/1 self/0 setelement/3 size/1 spawn/1 spawn/2 spawn/3
	spawn/4 spawn_link/1 spawn_link/2 spawn_link/3 spawn_link/4 spawn_monitor/1
	spawn_monitor/2 spawn_monitor/3 spawn_monitor/4 spawn_opt/2 spawn_opt/3 spawn_opt/4
	spawn_opt/5 spawn_request/1 spawn_request/2 spawn_request/3 spawn_request/4
	spawn_request/5 spawn_request_abandon/1 split_binary/2 statistics/1 term_to_binary/1
	term_to_binary/2 term_to_iovec/1 term_to_iovec/2 throw/1 time/0 tl/1 trunc/1
	tuple_size/1 tuple_to_list/1 unalias/1 unlink/1 unregister/1 whereis/1`) {
		m[s] = true
	}
	return m
}()
