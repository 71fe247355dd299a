// Package stdlib holds beamr's native functions, module by module, and
// registers them into a runtime. Each module's functions live in files named
// after it (erlang_*.go for the erlang module) and are registered by one
// function per group, called from Register.
package stdlib

import (
	"github.com/beamr/beamr/vm"
)

// Register makes every native function of the standard library callable in
// rt. Call it once, before loading modules that use them.
func Register(rt *vm.Runtime) {
	rt.OwnModules(ownModules...)
	registerModules(rt) // io, lists, maps, math, binary, unicode, string and the bundled modules
	registerFilename(rt)
	registerAppFiles(rt)
	registerBase64(rt)
	registerErlangProcess(rt)
	registerOS(rt)
	registerFile(rt)
	registerTCP(rt)
	registerErlangGC(rt)
	registerErtsDebug(rt)
	st := newErlState()
	st.start = rt.Started()
	registerErlangArith(rt)
	registerErlangCompare(rt)
	registerErlangTypes(rt)
	registerErlangTuples(rt)
	registerErlangLists(rt)
	registerErlangAtoms(rt)
	registerErlangNumConv(rt)
	registerErlangBinaries(rt)
	registerErlangExternal(rt)
	registerErlangChecksums(rt)
	registerErlangExceptions(rt)
	registerErlangApply(rt)
	registerErlangFuns(rt)
	registerErlangModules(rt)
	registerErlangDict(rt)
	registerErlangMisc(rt, st)
	registerErlangTime(rt, st)
	registerErlangCalendar(rt)
	registerErlangSystem(rt, st)
	registerErlangMaps(rt)
	registerNativeRecords(rt)
	registerErtsOTP(rt)
}
