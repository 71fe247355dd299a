package vm

import (
	"reflect"
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
	if n := unsafe.Sizeof(Process{}); n > 320 {
		t.Errorf("Process is %d bytes, more than 320", n)
	}
	// (The gcverify build adds its verification state to the heap.)
	if n := unsafe.Sizeof(heap.Heap{}); n > 240 && !heap.Verify {
		t.Errorf("heap.Heap is %d bytes, more than 240", n)
	}
}

// TestSignalHoldsNoPointers guards freeChain, which reuses inbox chunks
// without clearing them: a signal must hold no Go pointer that a stale
// slot could keep alive.
func TestSignalHoldsNoPointers(t *testing.T) {
	var check func(path string, ty reflect.Type)
	check = func(path string, ty reflect.Type) {
		switch ty.Kind() {
		case reflect.Struct:
			for i := range ty.NumField() {
				f := ty.Field(i)
				check(path+"."+f.Name, f.Type)
			}
		case reflect.Array:
			check(path+"[]", ty.Elem())
		case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Chan, reflect.Func,
			reflect.Interface, reflect.String, reflect.UnsafePointer:
			t.Errorf("%s is a %s", path, ty.Kind())
		}
	}
	check("signal", reflect.TypeOf(signal{}))
}
