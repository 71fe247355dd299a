package io

// An operation id is (generation << 32) | slot index. The generation of a
// slot starts at 1 and advances each time the slot is released, so ids are
// never 0, a stale id never names a newer operation in the same slot (until
// the generation wraps after 2^31 reuses), and bit 63 is always clear, which
// leaves ids with bit 63 set to a backend's internal operations.
const (
	genShift = 32
	genMask  = 1<<31 - 1
	internal = 1 << 63
)

// slotTable hands out slot indices and ids. It is not synchronized.
type slotTable struct {
	gen  []uint32
	used []bool
	free []uint32 // stack of free indices; the lowest index is on top at first
}

func newSlotTable(n int) slotTable {
	t := slotTable{gen: make([]uint32, n), used: make([]bool, n), free: make([]uint32, n)}
	for i := range t.gen {
		t.gen[i] = 1
		t.free[i] = uint32(n - 1 - i)
	}
	return t
}

// alloc takes a free slot; ok is false when none is left.
func (t *slotTable) alloc() (idx uint32, id uint64, ok bool) {
	n := len(t.free)
	if n == 0 {
		return 0, 0, false
	}
	idx = t.free[n-1]
	t.free = t.free[:n-1]
	t.used[idx] = true
	return idx, uint64(t.gen[idx])<<genShift | uint64(idx), true
}

// lookup returns the slot of a live id.
func (t *slotTable) lookup(id uint64) (uint32, bool) {
	idx := uint32(id)
	if id&internal != 0 || int(idx) >= len(t.gen) || !t.used[idx] || uint64(t.gen[idx]) != id>>genShift {
		return 0, false
	}
	return idx, true
}

// release frees a slot, killing its id.
func (t *slotTable) release(idx uint32) {
	g := (t.gen[idx] + 1) & genMask
	if g == 0 {
		g = 1
	}
	t.gen[idx] = g
	t.used[idx] = false
	t.free = append(t.free, idx)
}

// inUse returns how many slots are taken.
func (t *slotTable) inUse() int { return len(t.gen) - len(t.free) }
