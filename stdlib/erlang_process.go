package stdlib

import (
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// registerErlangProcess registers the process-inspection functions that a
// single process can answer today. The full set (other processes, links,
// monitors, heap sizes…) comes with the scheduler.
func registerErlangProcess(rt *vm.Runtime) {
	rt.Register("erlang", "process_info", 2, func(p *vm.Process, a []term.Term) term.Term {
		pid, item := a[0], a[1]
		if !pid.IsPid() || !item.IsAtom() {
			return p.BadArg()
		}
		if pid != p.Pid {
			return p.BadArg() // only the calling process can be inspected yet
		}
		switch p.Env().AtomName(item) {
		case "dictionary":
			return p.Heap.Tuple(item, erlDictPairs(p))
		}
		return p.BadArg()
	})
}
