// Command beamr runs .beam files produced by Erlang/OTP's compiler on the
// beamr virtual machine.
package main

import (
	"os"
	"runtime/debug"
)

// goGCPercent is the Go garbage collector's target the command runs with
// unless GOGC is set. Erlang terms live outside Go's heap, so what Go's
// collector sees is mostly long-lived process descriptors; collecting
// every time that heap doubles would rescan all of them many times while
// processes are being spawned, for little memory saved.
const goGCPercent = 400

func main() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(goGCPercent)
	}
	os.Exit(execute(os.Args[1:], os.Stdout, os.Stderr))
}
