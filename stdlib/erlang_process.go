package stdlib

import (
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// registerErlangProcess registers the process-inspection functions:
// process_info/2 answers the items of erlang_gc.go (heap sizes, memory,
// garbage collection settings, binaries, the dictionary) for the caller and
// for any other live process, and undefined for a pid of no live process.
func registerErlangProcess(rt *vm.Runtime) {
	rt.Register("erlang", "process_info", 2, func(p *vm.Process, a []term.Term) term.Term {
		return erlProcessInfo(p, a[0], a[1])
	})
}
