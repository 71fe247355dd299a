package vm_test

import (
	"io"
	"os"
	"testing"

	"github.com/beamr/beamr/stdlib"
	"github.com/beamr/beamr/vm"
)

// benchProgram runs main/0 of a bench/beam program b.N times.
func benchProgram(b *testing.B, name string) {
	data, err := os.ReadFile("../bench/beam/" + name + ".beam")
	if err != nil {
		b.Skip(err)
	}
	for i := 0; i < b.N; i++ {
		rt, err := vm.New(vm.Config{Stdout: io.Discard, ArenaWords: 1 << 31})
		if err != nil {
			b.Fatal(err)
		}
		stdlib.Register(rt)
		mod, err := rt.LoadBinary(data)
		if err != nil {
			b.Fatal(err)
		}
		res, err := rt.Apply(mod, rt.Atom("main"), nil)
		if err != nil || res.Class != 0 {
			b.Fatal(err, res)
		}
		rt.Close()
	}
}

func BenchmarkFib(b *testing.B)  { benchProgram(b, "bench_fib") }
func BenchmarkTak(b *testing.B)  { benchProgram(b, "bench_tak") }
func BenchmarkNrev(b *testing.B) { benchProgram(b, "bench_nrev") }
func BenchmarkMap(b *testing.B)  { benchProgram(b, "bench_map") }
func BenchmarkBin(b *testing.B)  { benchProgram(b, "bench_bin") }

func BenchmarkSpawn(b *testing.B)    { benchProgram(b, "bench_spawn") }
func BenchmarkRing(b *testing.B)     { benchProgram(b, "bench_ring") }
func BenchmarkFanin(b *testing.B)    { benchProgram(b, "bench_fanin") }
func BenchmarkPingpong(b *testing.B) { benchProgram(b, "bench_pingpong") }
