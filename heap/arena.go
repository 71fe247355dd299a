// Package heap holds process heaps and literal areas: blocks of words carved
// out of one runtime-wide arena that Go's garbage collector never scans.
package heap

import (
	"errors"
	"fmt"
	"math/bits"
	"sync"
	"unsafe"

	"golang.org/x/sys/unix"
)

// ErrOutOfMemory is returned when the arena has no room for a block.
var ErrOutOfMemory = errors.New("beamr: arena exhausted")

// Arena is the memory of one runtime: a large anonymous mapping reserved up
// front (pages are only backed when touched) and divided into blocks. Terms
// point into it by word index, so one slice, W, reads every term of the runtime.
// Block allocation is safe for concurrent use; the words of a block belong to
// whoever holds the block.
type Arena struct {
	// W views the whole arena as words. Word 0 is never handed out.
	W []uint64

	mem  []byte
	mu   sync.Mutex
	top  uint64       // next never-used word
	free [64][]uint64 // free block starts by size class (log2 of words)
	used uint64       // words in blocks handed out and not freed
}

// minClass is the smallest block: 2^minClass words (heap fragments holding
// one small message are that small; process heaps start at MinBlock).
const minClass = 3

// DefaultArenaWords is the arena reservation used when none is given: 64 GiB.
const DefaultArenaWords = 1 << 33

// NewArena reserves an arena of the given number of words (rounded down to
// what the system grants, halving on refusal down to 1 GiB).
func NewArena(words uint64) (*Arena, error) {
	for ; words >= 1<<27; words /= 2 {
		mem, err := unix.Mmap(-1, 0, int(words*8), unix.PROT_READ|unix.PROT_WRITE,
			unix.MAP_PRIVATE|unix.MAP_ANONYMOUS|unix.MAP_NORESERVE)
		if err != nil {
			continue
		}
		w := unsafe.Slice((*uint64)(unsafe.Pointer(&mem[0])), words)
		return &Arena{W: w, mem: mem, top: 1 << minClass}, nil
	}
	return nil, fmt.Errorf("heap: reserving arena: %w", ErrOutOfMemory)
}

// Close unmaps the arena. No term of the runtime may be read afterwards.
func (a *Arena) Close() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.mem == nil {
		return nil
	}
	err := unix.Munmap(a.mem)
	a.mem, a.W = nil, nil
	return err
}

// exactClass is the size class of blocks of exactly MinHeapSize words:
// every process starts with one, and rounding it up to a power of two
// would cost an idle process 184 bytes.
const exactClass = 63

// class returns the size class holding n words and that class's size.
func class(n uint64) (int, uint64) {
	if n == MinHeapSize {
		return exactClass, MinHeapSize
	}
	if n <= 1<<minClass {
		return minClass, 1 << minClass
	}
	c := bits.Len64(n - 1)
	return c, 1 << c
}

// Block is a run of words in the arena.
type Block struct {
	Start, Size uint64
}

// AllocBlock returns a block of at least n words. Its contents are unspecified.
func (a *Arena) AllocBlock(n uint64) (Block, error) {
	c, size := class(n)
	a.mu.Lock()
	defer a.mu.Unlock()
	if l := a.free[c]; len(l) > 0 {
		s := l[len(l)-1]
		a.free[c] = l[:len(l)-1]
		a.used += size
		return Block{s, size}, nil
	}
	if a.top+size > uint64(len(a.W)) {
		return Block{}, fmt.Errorf("heap: block of %d words: %w", n, ErrOutOfMemory)
	}
	s := a.top
	a.top += size
	a.used += size
	return Block{s, size}, nil
}

// FreeBlock returns a block to the arena. Large blocks give their pages back
// to the system, except the first free block of each size: a collector
// that alternates between two blocks of one size (copying from one into
// the other) then reuses resident memory instead of faulting it in again
// at every collection.
func (a *Arena) FreeBlock(b Block) {
	c, size := class(b.Size)
	if size >= 1<<16 {
		a.mu.Lock()
		keep := len(a.free[c]) == 0
		a.mu.Unlock()
		if !keep {
			// Before the block is on the free list: once there,
			// another thread may take it and write to it.
			_ = unix.Madvise(a.mem[b.Start*8:(b.Start+size)*8], unix.MADV_DONTNEED)
		}
	}
	a.mu.Lock()
	a.free[c] = append(a.free[c], b.Start)
	a.used -= size
	a.mu.Unlock()
}

// InUse returns the number of words in blocks handed out and not yet
// freed.
func (a *Arena) InUse() uint64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.used
}

// Used returns the number of words ever handed out (a high-water mark).
func (a *Arena) Used() uint64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.top
}
