package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/beamr/beamr/stdlib"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
	"github.com/beamr/beamr/vm/beamfile"
)

// Version is beamr's version, printed by `beamr version`.
const Version = "0.1.0-dev"

// exitError carries a process exit status through cobra.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func execute(args []string, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	root.SetArgs(erlFlags(args))
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	var ee exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.code
	}
	fmt.Fprintf(stderr, "beamr: %v\n", err)
	return 1
}

// erlFlags accepts erl's single-dash spelling -pa DIR for run's flags (the
// ones before the .beam file); the program's own arguments stay untouched.
func erlFlags(args []string) []string {
	out := append([]string(nil), args...)
	if len(out) == 0 || out[0] != "run" {
		return out
	}
	for i := 1; i < len(out); i++ {
		switch a := out[i]; {
		case a == "-pa":
			out[i] = "--pa"
			i++ // its value
		case a == "--pa" || a == "--entry" || a == "--stdlib" || a == "--otp-root":
			i++
		case a == "--" || !strings.HasPrefix(a, "-"):
			return out // the file: what follows belongs to the program
		}
	}
	return out
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "beamr",
		Short:         "beamr runs Erlang and Gleam .beam files",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newRun(stdout, stderr), newDisasm(stdout), newVersion(stdout))
	return root
}

func newVersion(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print beamr's version",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintf(stdout, "beamr %s\n", Version)
			return nil
		},
	}
}

// runOpts are the flags of beamr run.
type runOpts struct {
	entry   string
	scheds  int
	paths   []string
	stdlib  string
	otpRoot string
}

func newRun(stdout, stderr io.Writer) *cobra.Command {
	var o runOpts
	cmd := &cobra.Command{
		Use:   "run FILE.beam [ARGS...] | run DIR MODULE [ARGS...]",
		Short: "Run a module: main/1 with the arguments as strings, or main/0",
		Long: `Run loads FILE.beam (its directory joins the code path) and calls its
main/1 with the list of argument strings when arguments are given or when
only main/1 is exported, otherwise main/0. --entry mod:fun picks another
function. The exit status is 0 when the call returns, the halt/1 code when
erlang:halt is called, and 1 after an uncaught exception.

Given a directory, run starts MODULE:main() as gleam run does: DIR is a Gleam
build's erlang directory (build/dev/erlang) or an ebin directory; DIR (when
it holds .beam files) and every DIR/*/ebin join the code path, and the
package's generated <pkg>@@main:run(MODULE) runs when present and usable
(beamr does its steps otherwise). The arguments are returned by
init:get_plain_arguments(). An uncaught exception is printed on standard
output and the exit status is 127.

Modules come from beamr's own standard library, then the code path, then an
OTP installation when one is found (--otp-root, $BEAMR_OTP_ROOT, or the erl
on PATH). --stdlib=otp runs the installation's own stdlib and kernel beams
instead of beamr's, keeping only the runtime's built-in functions native.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if fi, err := os.Stat(args[0]); err == nil && fi.IsDir() {
				if len(args) < 2 || o.entry != "" {
					return fmt.Errorf("run %s: give the module to run (instead of --entry)", args[0])
				}
				return runGleam(args[0], args[1], args[2:], o, stdout, stderr)
			}
			return runFile(args[0], args[1:], o, stdout, stderr)
		},
	}
	cmd.Flags().StringVar(&o.entry, "entry", "", "function to call, as mod:fun")
	cmd.Flags().IntVarP(&o.scheds, "schedulers", "S", 0, "number of scheduler threads (default: the number of CPUs)")
	cmd.Flags().StringArrayVar(&o.paths, "pa", nil, "add a directory to the code path (repeatable; -pa DIR works too)")
	cmd.Flags().StringVar(&o.stdlib, "stdlib", "bundled", "standard library: bundled (beamr's own) or otp (the OTP installation's beams)")
	cmd.Flags().StringVar(&o.otpRoot, "otp-root", "", "root of the OTP installation (default: $"+vm.OTPRootEnv+", else found from erl on PATH)")
	cmd.Flags().SetInterspersed(false)
	return cmd
}

// runConfig builds the runtime configuration of beamr run's flags.
func runConfig(o runOpts, stdout, stderr io.Writer) (vm.Config, error) {
	mode, err := vm.ParseStdlibMode(o.stdlib)
	if err != nil {
		return vm.Config{}, err
	}
	root := o.otpRoot
	if root == "" {
		r, err := vm.FindOTPRoot()
		switch {
		case err == nil:
			root = r
		case mode == vm.StdlibOTP:
			return vm.Config{}, fmt.Errorf("--stdlib=otp: %w (use --otp-root)", err)
		case os.Getenv(vm.OTPRootEnv) != "":
			return vm.Config{}, err // set, but wrong
		}
	}
	return vm.Config{Stdout: stdout, Stderr: stderr, Schedulers: o.scheds, Stdlib: mode, OTPRoot: root}, nil
}

func runFile(file string, args []string, o runOpts, stdout, stderr io.Writer) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	cfg, err := runConfig(o, stdout, stderr)
	if err != nil {
		return err
	}
	rt, err := vm.New(cfg)
	if err != nil {
		return err
	}
	defer rt.Close()
	stdlib.Register(rt)
	entry, paths := o.entry, o.paths
	for _, p := range paths {
		rt.AddCodePath(p)
	}
	rt.AddCodePath(filepath.Dir(file))
	mod, err := rt.LoadBinary(data)
	if err != nil {
		return err
	}
	fun := "main"
	if entry != "" {
		m, f, ok := strings.Cut(entry, ":")
		if !ok || m == "" || f == "" {
			return fmt.Errorf("--entry wants mod:fun, got %q", entry)
		}
		mod, fun = rt.Atom(m), f
	}
	var callArgs []term.Term
	useArgs := len(args) > 0
	if !useArgs {
		_, has0 := rt.Exported(mod, rt.Atom(fun), 0)
		_, has1 := rt.Exported(mod, rt.Atom(fun), 1)
		useArgs = has1 && !has0
	}
	if useArgs {
		callArgs = []term.Term{rt.StringList(args)}
	}
	res, err := rt.Apply(mod, rt.Atom(fun), callArgs)
	if err != nil {
		return err
	}
	if res.Halted {
		return exitError{res.HaltCode}
	}
	if res.Class != 0 {
		fmt.Fprint(stderr, rt.FormatCrash(res))
		return exitError{1}
	}
	return nil
}

func newDisasm(stdout io.Writer) *cobra.Command {
	var generic bool
	cmd := &cobra.Command{
		Use:   "disasm FILE.beam...",
		Short: "Load modules and print their functions and instructions",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			rt, err := vm.New(vm.Config{Stdout: stdout})
			if err != nil {
				return err
			}
			defer rt.Close()
			stdlib.Register(rt)
			for _, file := range args {
				data, err := os.ReadFile(file)
				if err != nil {
					return err
				}
				if generic {
					f, err := beamfile.Parse(data)
					if err != nil {
						return fmt.Errorf("%s: %w", file, err)
					}
					if err := f.Disasm(stdout); err != nil {
						return err
					}
					continue
				}
				if err := rt.DisasmBinary(stdout, data); err != nil {
					return fmt.Errorf("%s: %w", file, err)
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&generic, "generic", false, "print the generic instructions as stored in the file")
	return cmd
}
