package stdlib

import (
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Map BIFs of the erlang module: is_map_key/2, map_get/2, map_size/1. A
// non-map raises {badmap, Map}, a missing key {badkey, Key}.

func registerErlangMaps(rt *vm.Runtime) {
	erlRegisterAll(rt, "erlang", []erlNative{
		{"is_map_key", 2, eIsMapKey},
		{"map_get", 2, eMapGet},
		{"map_size", 1, eMapSize},
	})
}

// erlBadMap raises {badmap, m}.
func erlBadMap(p *vm.Process, m term.Term) term.Term {
	return p.Error(p.Heap.Tuple(term.AtomBadmap, m))
}

func eIsMapKey(p *vm.Process, a []term.Term) term.Term {
	k, m := a[0], a[1]
	if !p.Env().IsMap(m) {
		return erlBadMap(p, m)
	}
	_, ok := vm.MapFind(p.Env(), m, k)
	return erlBoolTerm(ok)
}

func eMapGet(p *vm.Process, a []term.Term) term.Term {
	k, m := a[0], a[1]
	if !p.Env().IsMap(m) {
		return erlBadMap(p, m)
	}
	v, ok := vm.MapFind(p.Env(), m, k)
	if !ok {
		return p.Error(p.Heap.Tuple(term.AtomBadkey, k))
	}
	return v
}

func eMapSize(p *vm.Process, a []term.Term) term.Term {
	m := a[0]
	if !p.Env().IsMap(m) {
		return erlBadMap(p, m)
	}
	return term.MakeSmall(int64(p.Env().MapSize(m)))
}
