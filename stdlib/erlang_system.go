package stdlib

import (
	"fmt"
	"runtime"
	"syscall"
	"time"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// The system: system_info/1 (a subset of its items), statistics/1
// (runtime and wall_clock) and halt/0,1,2.

func registerErlangSystem(rt *vm.Runtime, st *erlState) {
	erlRegisterAll(rt, "erlang", []erlNative{
		{"system_info", 1, eSystemInfo},
		{"statistics", 1, st.statistics},
		{"halt", 0, func(p *vm.Process, _ []term.Term) term.Term { return erlHalt(p, term.MakeSmall(0), term.Nil) }},
		{"halt", 1, func(p *vm.Process, a []term.Term) term.Term { return erlHalt(p, a[0], term.Nil) }},
		{"halt", 2, func(p *vm.Process, a []term.Term) term.Term { return erlHalt(p, a[0], a[1]) }},
	})
}

// The release beamr behaves as.
const (
	erlOTPRelease  = "25"
	erlERTSVersion = "13.1.5"
)

// erlArchitecture returns the system_architecture string of the host.
func erlArchitecture() string {
	arch := runtime.GOARCH
	switch arch {
	case "amd64":
		arch = "x86_64"
	case "arm64":
		arch = "aarch64"
	}
	vendor := "unknown"
	if arch == "x86_64" {
		vendor = "pc"
	}
	return fmt.Sprintf("%s-%s-%s-gnu", arch, vendor, runtime.GOOS)
}

// eSystemInfo is system_info/1 for the items beamr can answer; other
// items raise badarg.
func eSystemInfo(p *vm.Process, a []term.Term) term.Term {
	env := p.Env()
	h := p.Heap
	t := a[0]
	if env.IsTuple(t) && env.TupleArity(t) == 2 && env.Elem(t, 0).IsAtom() &&
		env.AtomName(env.Elem(t, 0)) == "wordsize" {
		switch k := env.Elem(t, 1); {
		case k.IsAtom() && (env.AtomName(k) == "internal" || env.AtomName(k) == "external"):
			return term.MakeSmall(8)
		}
		return p.BadArg()
	}
	if !t.IsAtom() {
		return p.BadArg()
	}
	scheds := int64(p.Runtime().SchedulerCount())
	switch env.AtomName(t) {
	case "otp_release":
		return h.String(erlOTPRelease)
	case "version":
		return h.String(erlERTSVersion)
	case "machine":
		return h.String("BEAM")
	case "wordsize":
		return term.MakeSmall(8)
	case "schedulers", "schedulers_online", "dirty_cpu_schedulers", "dirty_cpu_schedulers_online":
		return term.MakeSmall(scheds)
	case "logical_processors", "logical_processors_available", "logical_processors_online":
		return term.MakeSmall(int64(runtime.NumCPU()))
	case "atom_limit":
		return term.MakeSmall(term.MaxAtoms)
	case "atom_count":
		return term.MakeSmall(int64(env.Atoms.Len()))
	case "process_count":
		return term.MakeSmall(int64(p.Runtime().ProcessCount()))
	case "process_limit":
		return term.MakeSmall(262144)
	case "port_limit":
		return term.MakeSmall(65536)
	case "ets_limit":
		return term.MakeSmall(8192)
	case "smp_support", "threads", "kernel_poll":
		return term.AtomTrue
	case "debug_compiled":
		return term.AtomFalse
	case "thread_pool_size":
		return term.MakeSmall(1)
	case "heap_type":
		return p.Atom("private")
	case "emu_type", "build_type":
		return p.Atom("opt")
	case "emu_flavor":
		// beamr interprets: OTP's interpreter flavor.
		return p.Atom("emu")
	case "compat_rel":
		return term.MakeSmall(25)
	case "context_reductions":
		return term.MakeSmall(4000)
	case "creation":
		return term.MakeSmall(0)
	case "hipe_architecture":
		return term.AtomUndefined
	case "system_architecture":
		return h.String(erlArchitecture())
	case "os_type":
		if runtime.GOOS == "windows" {
			return h.Tuple(p.Atom("win32"), p.Atom("nt"))
		}
		return h.Tuple(p.Atom("unix"), p.Atom(runtime.GOOS))
	case "system_version":
		return h.String(fmt.Sprintf("Erlang/OTP %s [erts-%s] [beamr] [64-bit] [smp:%d:%d] [async-threads:1]\n",
			erlOTPRelease, erlERTSVersion, scheds, scheds))
	}
	return p.BadArg()
}

// erlCPUMillis returns the CPU time (user and system) used by the OS
// process, in milliseconds.
func erlCPUMillis() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return (ru.Utime.Nano() + ru.Stime.Nano()) / 1e6
}

// statistics is statistics/1 for runtime and wall_clock: {Total,
// SinceLastCall} in milliseconds, "since last call" counting calls from
// every process of the runtime.
func (st *erlState) statistics(p *vm.Process, a []term.Term) term.Term {
	t := a[0]
	if !t.IsAtom() {
		return p.BadArg()
	}
	var total int64
	var last *int64
	switch p.Env().AtomName(t) {
	case "runtime":
		total, last = erlCPUMillis(), &st.lastRuntime
	case "wall_clock":
		total, last = time.Since(st.start).Milliseconds(), &st.lastWall
	default:
		return p.BadArg()
	}
	st.statsMu.Lock()
	since := total - *last
	*last = total
	st.statsMu.Unlock()
	return p.Heap.Tuple(p.Heap.Int(total), p.Heap.Int(since))
}

// erlHalt is halt(Status, Options). Status is an exit code (a non-negative
// integer, used modulo 256), abort (exit code 134, as a shell reports an
// abort), or a string, written to standard error before halting with exit
// code 1 (OTP also writes a crash dump then; beamr does not). The only
// option is {flush, boolean()}.
func erlHalt(p *vm.Process, status, opts term.Term) term.Term {
	env := p.Env()
	os, ok := erlListSlice(env, opts)
	if !ok {
		return p.ErrorCause(term.AtomBadarg, p.Atom("badopt"))
	}
	flush := p.Atom("flush")
	for _, o := range os {
		if !env.IsTuple(o) || env.TupleArity(o) != 2 || env.Elem(o, 0) != flush || !erlIsBool(env.Elem(o, 1)) {
			return p.BadArg()
		}
	}
	switch {
	case status.IsSmall() && status.Small() >= 0:
		p.Halt(int(status.Small() & 0xff))
	case env.IsBig(status) && erlIntSign(env, status) > 0:
		p.Halt(int(env.Word(status, 1) & 0xff))
	case status.IsAtom() && env.AtomName(status) == "abort":
		p.Halt(134)
	case erlIsList(status):
		s, _, ok := erlCharList(env, status)
		if !ok {
			return p.BadArg()
		}
		fmt.Fprintf(p.Runtime().Stderr(), "%s\n", s)
		p.Halt(1)
	}
	return p.BadArg()
}
