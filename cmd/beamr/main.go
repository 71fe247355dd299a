// Command beamr runs .beam files produced by Erlang/OTP's compiler on the
// beamr virtual machine.
package main

import (
	"os"
)

func main() {
	os.Exit(execute(os.Args[1:], os.Stdout, os.Stderr))
}
