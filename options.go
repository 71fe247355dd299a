package beamr

import (
	"fmt"
	"io"
)

// Option configures a Runtime made by New.
type Option func(*config) error

// config is what the options set.
type config struct {
	schedulers  int
	ioBackend   string
	stdlib      StdlibMode
	otpRoot     string
	codePath    []string
	stdout      io.Writer
	stderr      io.Writer
	stdin       io.Reader
	maxBlocking int
	memory      uint64 // bytes; 0: the VM's default
	args        []string
}

// StdlibMode chooses which standard library serves the modules that both
// beamr and an OTP installation provide.
type StdlibMode int

const (
	// StdlibBundled (the default) uses beamr's own standard library:
	// Go natives and the Erlang modules beamr ships. No Erlang
	// installation is needed.
	StdlibBundled StdlibMode = iota
	// StdlibOTP runs the OTP installation's own stdlib and kernel
	// modules, keeping only the runtime's built-in functions native. It
	// needs an installation (WithOTPRoot, or one found from the erl
	// command on PATH or $BEAMR_OTP_ROOT).
	StdlibOTP
)

// DefaultMaxBlocking is how many Go functions registered with Register
// run at the same time unless WithMaxBlocking says otherwise.
const DefaultMaxBlocking = 64

// WithSchedulers sets the number of scheduler goroutines that run Erlang
// processes. The default (n = 0) is GOMAXPROCS.
func WithSchedulers(n int) Option {
	return func(c *config) error {
		if n < 0 {
			return fmt.Errorf("beamr: WithSchedulers(%d): negative", n)
		}
		c.schedulers = n
		return nil
	}
}

// WithIOBackend chooses how files and sockets do their I/O: "io_uring"
// (Linux's completion ring), "threads" (a pool of goroutines doing
// ordinary system calls) or "" (the default: io_uring when the kernel
// allows it, else threads).
func WithIOBackend(name string) Option {
	return func(c *config) error {
		switch name {
		case "", "io_uring", "threads":
			c.ioBackend = name
			return nil
		}
		return fmt.Errorf("beamr: WithIOBackend(%q): want io_uring or threads", name)
	}
}

// WithStdlib chooses the standard library (see StdlibMode).
func WithStdlib(mode StdlibMode) Option {
	return func(c *config) error {
		if mode != StdlibBundled && mode != StdlibOTP {
			return fmt.Errorf("beamr: WithStdlib(%d): unknown mode", mode)
		}
		c.stdlib = mode
		return nil
	}
}

// WithOTPRoot names the root directory of an OTP installation (the one
// holding lib/*/ebin, such as /usr/lib/erlang). Its modules are then
// found when a program calls a module that neither beamr nor the code
// path has (or first of all, with StdlibOTP). By default none is used.
func WithOTPRoot(dir string) Option {
	return func(c *config) error {
		c.otpRoot = dir
		return nil
	}
}

// WithCodePath adds directories where a module that is called but not
// loaded is looked for, as Module.beam, in order (like erl's -pa).
func WithCodePath(dirs ...string) Option {
	return func(c *config) error {
		c.codePath = append(c.codePath, dirs...)
		return nil
	}
}

// WithStdout sends what Erlang code prints (io:format and friends) to w
// instead of os.Stdout. Writes are serialised.
func WithStdout(w io.Writer) Option {
	return func(c *config) error {
		c.stdout = w
		return nil
	}
}

// WithStderr sends error output (crash reports of processes, output to
// standard_error) to w instead of os.Stderr.
func WithStderr(w io.Writer) Option {
	return func(c *config) error {
		c.stderr = w
		return nil
	}
}

// WithStdin makes r the standard input of Erlang code (io:get_line...).
// By default standard input is empty: an embedded runtime does not read
// the program's os.Stdin unless given it here.
func WithStdin(r io.Reader) Option {
	return func(c *config) error {
		c.stdin = r
		return nil
	}
}

// WithMaxBlocking sets how many calls of Go functions registered with
// Register may run at the same time (default DefaultMaxBlocking); further
// calls wait for one to finish. Their Erlang callers wait either way,
// without holding up other processes.
func WithMaxBlocking(n int) Option {
	return func(c *config) error {
		if n <= 0 {
			return fmt.Errorf("beamr: WithMaxBlocking(%d): want at least 1", n)
		}
		c.maxBlocking = n
		return nil
	}
}

// WithMemoryLimit caps the memory of all Erlang data of the runtime at
// bytes, at least 1 GiB (rounded down to what the system grants). The
// default reserves 64 GiB of address space, of which only what is used
// takes memory.
func WithMemoryLimit(bytes uint64) Option {
	return func(c *config) error {
		if bytes < 1<<30 {
			return fmt.Errorf("beamr: WithMemoryLimit(%d): want at least 1 GiB", bytes)
		}
		c.memory = bytes
		return nil
	}
}

// WithArgs sets what init:get_plain_arguments/0 returns to Erlang code
// (the arguments after erl's -extra).
func WithArgs(args ...string) Option {
	return func(c *config) error {
		c.args = append([]string(nil), args...)
		return nil
	}
}
