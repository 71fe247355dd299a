package heap

// Heap sizes follow OTP's schedule: 12 and 38 words, then each size is the
// sum of the two before it plus one (a Fibonacci-like sequence: 51, 90,
// 142, 233, 376, 610, ...) up to 833026 words, and from there each size is
// 20% larger than the one before. A process heap starts at MinHeapSize.

// MinHeapSize is the default size in words of a new process heap (OTP's
// min_heap_size).
const MinHeapSize = 233

// MinBinVHeapSize is the default binary virtual heap size in words (OTP's
// min_bin_vheap_size): how many words of off-heap binaries a heap may
// reference before a collection is due.
const MinBinVHeapSize = 46422

// DefaultFullsweepAfter is the default number of minor collections between
// two full sweeps (OTP's fullsweep_after).
const DefaultFullsweepAfter = 65535

// heapSizes is the schedule, ascending, up to about 2^45 words.
var heapSizes = func() []uint64 {
	s := []uint64{12, 38}
	for len(s) < 23 {
		n := len(s)
		s = append(s, s[n-1]+s[n-2]+1)
	}
	for s[len(s)-1] < 1<<45 {
		last := s[len(s)-1]
		s = append(s, last+last/5)
	}
	return s
}()

// NextHeapSize returns the smallest size of the schedule that holds n words,
// moved offset steps further along the schedule (offset 0: that size, 1: the
// next one). Sizes past the end of the schedule are n itself.
func NextHeapSize(n uint64, offset int) uint64 {
	for i, s := range heapSizes {
		if s >= n {
			if j := i + offset; j < len(heapSizes) {
				return heapSizes[j]
			}
			return heapSizes[len(heapSizes)-1]
		}
	}
	return n
}
