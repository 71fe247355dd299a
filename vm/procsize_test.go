package vm

import (
	"testing"
	"unsafe"

	"github.com/beamr/beamr/heap"
)

// TestIdleProcessSize guards the size of what every process keeps in Go's
// heap: an idle process costs its Process and heap descriptor besides its
// first heap block (whose top words hold its stack), and the bench_spawn
// benchmark's bytes per idle process must stay at or below erl's. Fields
// that few processes use belong in procExt or relations, transient ones
// in the scheduler's register file.
func TestIdleProcessSize(t *testing.T) {
	if n := unsafe.Sizeof(Process{}); n > 352 {
		t.Errorf("Process is %d bytes, more than 352", n)
	}
	// (The gcverify build adds its verification state to the heap.)
	if n := unsafe.Sizeof(heap.Heap{}); n > 240 && !heap.Verify {
		t.Errorf("heap.Heap is %d bytes, more than 240", n)
	}
}
