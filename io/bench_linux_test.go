package io

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkPread4K reads 4 KiB blocks of a cached 16 MiB file at scattered
// offsets, 32 reads in flight per Flush.
func BenchmarkPread4K(b *testing.B) {
	const size, block, batch = 16 << 20, 4096, 32
	path := filepath.Join(b.TempDir(), "f")
	if err := os.WriteFile(path, make([]byte, size), 0o644); err != nil {
		b.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	for _, backend := range backends {
		b.Run(backend, func(b *testing.B) {
			r := newRing(b, backend, 256)
			ops := make([]Op, batch)
			for i := range ops {
				ops[i] = Op{Kind: Read, FD: int32(f.Fd()), Buf: make([]byte, block)}
			}
			out := make([]Completion, batch)
			b.SetBytes(block)
			b.ReportAllocs()
			b.ResetTimer()
			for done := 0; done < b.N; {
				n := min(batch, b.N-done)
				for i := range n {
					ops[i].Off = int64((done+i)*7919*block) % size
					if _, err := r.Submit(&ops[i]); err != nil {
						b.Fatal(err)
					}
				}
				for got := 0; got < n; {
					k, err := r.Wait(out, -1)
					if err != nil {
						b.Fatal(err)
					}
					for _, c := range out[:k] {
						if c.Res != block {
							b.Fatalf("read %d", c.Res)
						}
					}
					got += k
				}
				done += n
			}
		})
	}
}

// BenchmarkNop measures the ring's own cost per operation.
func BenchmarkNop(b *testing.B) {
	for _, backend := range backends {
		b.Run(backend, func(b *testing.B) {
			r := newRing(b, backend, 256)
			op := Op{Kind: Nop}
			out := make([]Completion, 64)
			b.ReportAllocs()
			for done := 0; done < b.N; {
				n := min(64, b.N-done)
				for range n {
					r.Submit(&op)
				}
				for got := 0; got < n; {
					k, _ := r.Wait(out, -1)
					got += k
				}
				done += n
			}
		})
	}
}
