package tests

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/beamr/beamr/vm"
)

// TestConformanceThreadsBackend runs the file and socket programs (file_*,
// tcp_*) of every release on the thread-pool I/O backend as well:
// TestConformance runs them on the default one (io_uring where the kernel
// has it), and both must print what erl printed.
func TestConformanceThreadsBackend(t *testing.T) {
	for _, rel := range releases {
		for _, name := range programs(t) {
			if !strings.HasPrefix(name, "file_") && !strings.HasPrefix(name, "tcp_") {
				continue
			}
			dir := filepath.Join("fixtures", rel)
			t.Run(rel+"/"+name, func(t *testing.T) {
				want, err := expected(name, rel)
				if err != nil {
					t.Fatal(err)
				}
				got, err := runWithTimeout(2*time.Minute, func() ([]byte, error) {
					out, _, err := runProgram(vm.Config{IO: "threads", Stdin: bytes.NewReader(stdinOf(name))}, dir, name)
					return out, err
				})
				if err != nil {
					t.Fatalf("%v\noutput so far:\n%s", err, got)
				}
				if !bytes.Equal(got, want) {
					t.Fatalf("output differs from OTP's\n%s", diff(want, got))
				}
			})
		}
	}
}
