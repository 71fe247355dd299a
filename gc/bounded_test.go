package gc

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

// TestBoundedMemory allocates 20 GB in total through the Need/Alloc
// discipline of the interpreter while holding at most about 3 MB live (a
// list rebuilt over and over, as naive reverse does, plus short-lived
// tuples), and checks that the arena's high-water mark and the process's
// peak RSS stay small.
func TestBoundedMemory(t *testing.T) {
	if testing.Short() || raceEnabled || heap.Verify {
		t.Skip("allocates 20 GB")
	}
	te := newTestEnv(t)
	h := te.h
	env := te.env
	// x registers: 0 the list, 1 the copy being built, 2 the cursor.
	x := make([]term.Term, 3)
	h.Collect = heap.CollectorFunc(func(h *heap.Heap, need, live int) {
		Collect(h, env, &Roots{Slices: [][]term.Term{x[:live]}}, need, Options{})
	})
	const n = 100000 // list length: 200000 words live, 400000 while copying
	h.Need(2*n, 0)
	x[0] = term.Nil
	for i := 0; i < n; i++ {
		x[0] = h.Cons(term.MakeSmall(int64(i)), x[0])
	}
	const total = 20 << 30 / 8 // words
	var allocated uint64
	passes := 0
	for allocated < total {
		// Reverse the list, 16 cells per Need.
		x[1], x[2] = term.Nil, x[0]
		for x[2].IsList() {
			h.Need(32, 3)
			for j := 0; j < 16 && x[2].IsList(); j++ {
				c := x[2]
				x[1] = h.Cons(env.Hd(c), x[1])
				x[2] = env.Tl(c)
			}
		}
		x[0], x[1], x[2] = x[1], term.Nil, term.Nil
		allocated += 2 * n
		// Garbage: 2M words of tuples that die at once.
		for k := 0; k < 2000; k++ {
			h.Need(1000, 1)
			p := h.Alloc(1000)
			w := h.W[p : p+1000]
			w[0] = uint64(term.MakeHeader(term.SubTuple, 999))
			for i := 1; i < len(w); i++ {
				w[i] = uint64(term.MakeSmall(int64(i)))
			}
		}
		allocated += 2000 * 1000
		passes++
	}
	// The list survived every collection.
	i, l := 0, x[0]
	for ; l.IsList(); l = env.Tl(l) {
		want := int64(i)
		if passes%2 == 0 {
			want = int64(n - 1 - i)
		}
		if env.Hd(l).Small() != want {
			t.Fatalf("element %d is %d, want %d", i, env.Hd(l).Small(), want)
		}
		i++
	}
	if i != n {
		t.Fatalf("list of %d elements", i)
	}
	hw := te.a.Used() * 8
	rss := peakRSS(t)
	t.Logf("allocated %d GiB in %d passes; arena high-water %d MB, peak RSS %d MB",
		allocated*8>>30, passes, hw>>20, rss>>20)
	if hw > 64<<20 {
		t.Errorf("arena high-water mark %d MB", hw>>20)
	}
	if rss > 200<<20 {
		t.Errorf("peak RSS %d MB", rss>>20)
	}
}

// peakRSS returns the process's peak resident set size (VmHWM) in bytes.
func peakRSS(t *testing.T) uint64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc/self/status")
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, err := strconv.ParseUint(f[1], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Skip("no VmHWM")
	return 0
}
