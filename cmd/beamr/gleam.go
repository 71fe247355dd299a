package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/stdlib"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// gleamPanicStatus is the exit status of Gleam 0.30's runner after an
// uncaught exception (it ends with erlang:halt(127)).
const gleamPanicStatus = 127

// runGleam starts module from a Gleam build the way `gleam run --module`
// does. `gleam run` starts
//
//	erl -pa DIR/<pkg>/ebin... -eval '<pkg>@@main:run(Module)' -noshell -extra ARGS
//
// and the generated runner sets standard_io to binary UTF-8 mode, starts
// the package's application, calls Module:main() and halts with status 0;
// on an exception it prints erl_error:format_exception's text to
// standard output and halts with status 127.
//
// dir is a build's erlang directory (holding <pkg>/ebin directories) or an
// ebin directory itself. When the runner module is present and what it
// needs is there (application:ensure_all_started/1 with a running
// application controller, erl_error:format_exception/7), it runs;
// otherwise beamr performs the runner's steps itself, without starting
// the package's application, and prints an exception the same way.
func runGleam(dir, module string, args []string, o runOpts, stdout, stderr io.Writer) error {
	ebins, err := gleamEbins(dir)
	if err != nil {
		return err
	}
	cfg, err := runConfig(o, stdout, stderr)
	if err != nil {
		return err
	}
	cfg.PlainArgs = args
	rt, err := vm.New(cfg)
	if err != nil {
		return err
	}
	defer rt.Close()
	stdlib.Register(rt)
	for _, p := range o.paths {
		rt.AddCodePath(p)
	}
	for _, p := range ebins {
		rt.AddCodePath(p)
	}
	mod := rt.Atom(module)
	if runner := gleamRunner(ebins, module); runner != "" && runnerUsable(rt) {
		res, err := rt.Apply(rt.Atom(runner), rt.Atom("run"), []term.Term{mod})
		return gleamExit(rt, res, err, false)
	}
	// The runner's steps, done here.
	h, err := heap.New(rt.Arena, 0)
	if err != nil {
		return err
	}
	defer h.Free()
	encoding := h.Tuple(rt.Atom("encoding"), rt.Atom("utf8"))
	for _, opts := range [][2]term.Term{
		{rt.Atom("standard_io"), h.List(rt.Atom("binary"), encoding)},
		{rt.Atom("standard_error"), h.List(encoding)},
	} {
		if _, ok := rt.Exported(rt.Atom("io"), rt.Atom("setopts"), 2); !ok {
			break
		}
		if res, err := rt.Apply(rt.Atom("io"), rt.Atom("setopts"), opts[:]); err != nil || res.Halted || res.Class != 0 {
			return gleamExit(rt, res, err, false)
		}
	}
	if _, ok := rt.Exported(mod, rt.Atom("main"), 0); !ok {
		// What the runner's Module:main() raises for a missing function.
		stack := h.List(h.Tuple(mod, rt.Atom("main"), term.Nil, term.Nil))
		res := &vm.Result{Class: term.AtomError, Reason: term.AtomUndef, Stack: stack}
		return gleamExit(rt, res, nil, true)
	}
	res, err := rt.Apply(mod, rt.Atom("main"), nil)
	return gleamExit(rt, res, err, true)
}

// gleamExit turns how the run ended into beamr's exit status. When
// isMain, the run was Module:main() and an uncaught exception is printed
// on standard output as the Gleam runner prints it; otherwise the runner
// (or its setup) failed and is reported as any crash.
func gleamExit(rt *vm.Runtime, res *vm.Result, err error, isMain bool) error {
	if err != nil {
		return err
	}
	switch {
	case res.Halted:
		if res.HaltCode == 0 {
			return nil
		}
		return exitError{res.HaltCode}
	case res.Class != 0 && !isMain:
		fmt.Fprint(rt.Stderr(), rt.FormatCrash(res))
		return exitError{1}
	case res.Class != 0:
		// The runner's stack filter: its own frames and those of the
		// erl_eval and init calls that started it.
		rt.WriteStdout([]byte(formatException(rt, res.Class, res.Reason, res.Stack, []string{"erl_eval", "init"})))
		return exitError{gleamPanicStatus}
	}
	return nil
}

// gleamEbins returns the code path of a Gleam build directory: dir itself
// when it holds .beam files, then every dir/*/ebin, sorted.
func gleamEbins(dir string) ([]string, error) {
	var out []string
	if beams, _ := filepath.Glob(filepath.Join(dir, "*.beam")); len(beams) > 0 {
		out = append(out, dir)
	}
	ebins, err := filepath.Glob(filepath.Join(dir, "*", "ebin"))
	if err != nil {
		return nil, err
	}
	sort.Strings(ebins)
	for _, e := range ebins {
		if fi, err := os.Stat(e); err == nil && fi.IsDir() {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no .beam files and no */ebin directories", dir)
	}
	return out, nil
}

// gleamRunner returns the name of the runner module (<pkg>@@main) to use:
// the one next to module's .beam file, or else the only one on the path.
func gleamRunner(ebins []string, module string) string {
	var all []string
	for _, d := range ebins {
		found, _ := filepath.Glob(filepath.Join(d, "*@@main.beam"))
		sort.Strings(found)
		if _, err := os.Stat(filepath.Join(d, module+".beam")); err == nil && len(found) == 1 {
			return strings.TrimSuffix(filepath.Base(found[0]), ".beam")
		}
		all = append(all, found...)
	}
	if len(all) == 1 {
		return strings.TrimSuffix(filepath.Base(all[0]), ".beam")
	}
	return ""
}

// runnerUsable reports whether the generated runner can work in rt: the
// functions it calls exist, and the application controller that
// application:ensure_all_started/1 talks to is running.
func runnerUsable(rt *vm.Runtime) bool {
	_, app := rt.Exported(rt.Atom("application"), rt.Atom("ensure_all_started"), 1)
	_, fmtx := rt.Exported(rt.Atom("erl_error"), rt.Atom("format_exception"), 7)
	_, ctl := rt.Whereis(rt.Atom("application_controller"))
	return app && fmtx && ctl
}
