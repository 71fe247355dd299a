package stdlib

import (
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// The process dictionary: get/0,1, put/2, erase/0,1, get_keys/0,1. Keys
// and values are compared with =:=.
//
// OTP lists the dictionary (get/0, erase/0, get_keys/0,1) in the order of
// its internal hash table, which depends on atom table indices and on the
// table's growth history, so it cannot be reproduced; beamr lists the most
// recently inserted key first (for small integer keys inserted in
// ascending order this is OTP's order too).

func registerErlangDict(rt *vm.Runtime) {
	erlRegisterAll(rt, "erlang", []erlNative{
		{"get", 0, eGet0},
		{"get", 1, func(p *vm.Process, a []term.Term) term.Term {
			v, _ := p.DictGet(a[0])
			return v
		}},
		{"put", 2, func(p *vm.Process, a []term.Term) term.Term { return p.DictPut(a[0], a[1]) }},
		{"erase", 0, eErase0},
		{"erase", 1, func(p *vm.Process, a []term.Term) term.Term { return p.DictErase(a[0]) }},
		{"get_keys", 0, eGetKeys0},
		{"get_keys", 1, eGetKeys1},
	})
}

// erlDictPairs returns the dictionary's {Key, Value} tuples, newest first.
func erlDictPairs(p *vm.Process) term.Term {
	keys, vals := p.Dict()
	out := make([]term.Term, len(keys))
	for i := range keys {
		out[len(keys)-1-i] = p.Heap.Tuple(keys[i], vals[i])
	}
	return p.Heap.List(out...)
}

func eGet0(p *vm.Process, _ []term.Term) term.Term { return erlDictPairs(p) }

func eErase0(p *vm.Process, _ []term.Term) term.Term {
	l := erlDictPairs(p)
	p.DictClear()
	return l
}

func eGetKeys0(p *vm.Process, _ []term.Term) term.Term {
	keys, _ := p.Dict()
	out := make([]term.Term, len(keys))
	for i, k := range keys {
		out[len(keys)-1-i] = k
	}
	return p.Heap.List(out...)
}

// eGetKeys1 is get_keys(Value): the keys whose value is exactly Value.
func eGetKeys1(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	keys, vals := p.Dict()
	var out []term.Term
	for i := len(keys) - 1; i >= 0; i-- {
		if term.ExactEqual(env, vals[i], a[0]) {
			out = append(out, keys[i])
		}
	}
	return p.Heap.List(out...)
}
