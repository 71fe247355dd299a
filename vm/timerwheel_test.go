package vm

import (
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fireLog records the order in which timers fire.
type fireLog struct {
	mu    sync.Mutex
	order []int
	all   chan struct{} // closed when want timers have fired
	want  int
}

func newFireLog(want int) *fireLog {
	return &fireLog{all: make(chan struct{}), want: want}
}

func (l *fireLog) fire(t *timer) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.order = append(l.order, t.data.(int))
	if len(l.order) == l.want {
		close(l.all)
	}
}

func (l *fireLog) wait(t *testing.T) []int {
	t.Helper()
	select {
	case <-l.all:
	case <-time.After(10 * time.Second):
		l.mu.Lock()
		defer l.mu.Unlock()
		t.Fatalf("only %d of %d timers fired", len(l.order), l.want)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]int(nil), l.order...)
}

// advanceWheel moves the wheel's clock forward by ms and wakes its driver.
func advanceWheel(w *timerWheel, ms int64) {
	w.skew.Add(ms)
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

func TestTimerWheelOrder(t *testing.T) {
	w := newTimerWheel()
	defer w.stop()
	base := w.now()
	// Deadlines with repeats, added out of order; timer i has deadline
	// base+offs[i]. Expected order: by deadline, then by add order.
	offs := []int64{30, 10, 20, 10, 40, 20, 10, 5, 40, 30, 15, 5}
	log := newFireLog(len(offs))
	for i, o := range offs {
		w.add(&timer{when: base + o, fire: log.fire, data: i})
	}
	got := log.wait(t)
	want := []int{7, 11, 1, 3, 6, 10, 2, 5, 0, 9, 4, 8}
	if !equalInts(got, want) {
		t.Fatalf("fire order %v, want %v", got, want)
	}
}

func TestTimerWheelOrderAfterCancel(t *testing.T) {
	w := newTimerWheel()
	defer w.stop()
	when := w.now() + 20
	ts := make([]*timer, 10)
	log := newFireLog(7)
	for i := range ts {
		ts[i] = &timer{when: when, fire: log.fire, data: i}
		w.add(ts[i])
	}
	// Swap-deletes in the slot must not change the order of the others.
	for _, i := range []int{1, 4, 0} {
		if !w.cancel(ts[i]) {
			t.Fatalf("cancel(%d) = false for a pending timer", i)
		}
	}
	got := log.wait(t)
	if want := []int{2, 3, 5, 6, 7, 8, 9}; !equalInts(got, want) {
		t.Fatalf("fire order %v, want %v", got, want)
	}
}

func TestTimerWheelCancel(t *testing.T) {
	w := newTimerWheel()
	defer w.stop()
	var fired atomic.Int32
	done := make(chan struct{})
	never := &timer{when: w.now() + 10, fire: func(*timer) { fired.Add(100) }}
	once := &timer{when: w.now() + 20, fire: func(*timer) { fired.Add(1); close(done) }}
	if w.cancel(never) {
		t.Fatal("cancel of a timer never added = true")
	}
	w.add(never)
	w.add(once)
	if !w.cancel(never) {
		t.Fatal("cancel of a pending timer = false")
	}
	if w.cancel(never) {
		t.Fatal("second cancel = true")
	}
	<-done
	if w.cancel(once) {
		t.Fatal("cancel after fire = true")
	}
	time.Sleep(30 * time.Millisecond)
	if n := fired.Load(); n != 1 {
		t.Fatalf("fired count %d, want 1 (the cancelled timer must not fire)", n)
	}
	// A cancelled timer can be added again and fires then.
	again := make(chan struct{})
	never.fire = func(*timer) { close(again) }
	never.when = w.now() + 5
	w.add(never)
	select {
	case <-again:
	case <-time.After(10 * time.Second):
		t.Fatal("re-added timer did not fire")
	}
}

func TestTimerWheelCancelRace(t *testing.T) {
	w := newTimerWheel()
	defer w.stop()
	const n = 4000
	var fired, cancelled atomic.Int32
	var firedBy [n]atomic.Int32
	ts := make([]*timer, n)
	base := w.now()
	for i := range ts {
		ts[i] = &timer{when: base + 5 + int64(i%20), data: i, fire: func(t *timer) {
			firedBy[t.data.(int)].Add(1)
			fired.Add(1)
		}}
		w.add(ts[i])
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for w.now() < base+5 {
				time.Sleep(time.Millisecond / 4)
			}
			for i := g; i < n; i += 4 {
				if i%7 == 0 {
					runtime.Gosched()
				}
				if w.cancel(ts[i]) {
					cancelled.Add(1)
					if firedBy[i].Load() != 0 {
						t.Errorf("timer %d fired and was cancelled", i)
					}
				}
			}
		}()
	}
	wg.Wait()
	deadline := time.Now().Add(10 * time.Second)
	for fired.Load()+cancelled.Load() != n && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(30 * time.Millisecond)
	if f, c := fired.Load(), cancelled.Load(); f+c != n {
		t.Fatalf("fired %d + cancelled %d != %d", f, c, n)
	}
	for i := range firedBy {
		if k := firedBy[i].Load(); k > 1 {
			t.Fatalf("timer %d fired %d times", i, k)
		}
	}
}

func TestTimerWheelRemaining(t *testing.T) {
	w := newTimerWheel()
	defer w.stop()
	tm := &timer{when: w.now() + 60_000, fire: func(*timer) {}}
	if _, ok := w.remaining(tm); ok {
		t.Fatal("remaining ok for a timer never added")
	}
	w.add(tm)
	ms, ok := w.remaining(tm)
	if !ok || ms <= 0 || ms > 60_000 {
		t.Fatalf("remaining = %d, %v; want in (0, 60000], true", ms, ok)
	}
	near := &timer{when: w.now() + 1000, fire: func(*timer) {}}
	w.add(near)
	if ms, ok := w.remaining(near); !ok || ms < 0 || ms > 1000 {
		t.Fatalf("remaining(near) = %d, %v", ms, ok)
	}
	w.cancel(tm)
	if _, ok := w.remaining(tm); ok {
		t.Fatal("remaining ok after cancel")
	}
	fired := make(chan struct{})
	soon := &timer{when: w.now() + 5, fire: func(*timer) { close(fired) }}
	w.add(soon)
	<-fired
	if _, ok := w.remaining(soon); ok {
		t.Fatal("remaining ok after fire")
	}
}

func TestTimerWheelOverflow(t *testing.T) {
	w := newTimerWheel()
	defer w.stop()
	base := w.now()
	log := newFireLog(6)
	// Beyond the wheel's range: into the overflow heap.
	far := []*timer{
		{when: base + 3*wheelSlots + 7, data: 0},
		{when: base + wheelSlots + 500, data: 1},
		{when: base + 100_000, data: 2},
	}
	for _, tm := range far {
		tm.fire = log.fire
		w.add(tm)
	}
	for _, tm := range far {
		if tm.state != timerInHeap {
			t.Fatalf("timer %d with deadline %d not in the overflow heap", tm.data, tm.when-base)
		}
	}
	ms, ok := w.remaining(far[2])
	if !ok || ms < 100_000-1000 || ms > 100_000 {
		t.Fatalf("remaining of a far timer = %d, %v", ms, ok)
	}
	// Move the clock to 30 ms before the second far deadline; now that
	// timer is within the wheel's range. A timer added now with the same
	// deadline fires after it (add order), and one just before fires first.
	advanceWheel(w, far[1].when-base-30)
	same := &timer{when: far[1].when, fire: log.fire, data: 3}
	before := &timer{when: far[1].when - 1, fire: log.fire, data: 4}
	w.add(same)
	w.add(before)
	// Then past the first far deadline, and all the way past the last one.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(time.Millisecond) {
		log.mu.Lock()
		n := len(log.order)
		log.mu.Unlock()
		if n == 3 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the migrated timer did not fire")
		}
	}
	advanceWheel(w, far[0].when-w.now())
	advanceWheel(w, far[2].when-w.now()+5)
	w.add(&timer{when: w.now() + 5, fire: log.fire, data: 5})
	order := log.wait(t)
	if want := []int{4, 1, 3, 0, 2, 5}; !equalInts(order, want) {
		t.Fatalf("fire order %v, want %v", order, want)
	}
}

func TestTimerWheelMany(t *testing.T) {
	w := newTimerWheel()
	defer w.stop()
	const n = 100_000
	const workers = 4
	var mu sync.Mutex
	var last int64
	var count atomic.Int32
	var outOfOrder atomic.Int32
	done := make(chan struct{})
	fire := func(t *timer) {
		mu.Lock()
		if t.when < last {
			outOfOrder.Add(1)
		}
		last = t.when
		mu.Unlock()
		if count.Add(1) == n/2 {
			close(done)
		}
	}
	base := w.now()
	var wg sync.WaitGroup
	for g := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(g), 1))
			ts := make([]*timer, n/workers)
			for i := range ts {
				ts[i] = &timer{when: base + 1000 + r.Int64N(60), fire: fire}
				w.add(ts[i])
			}
			// Cancel every other one.
			for i := 0; i < len(ts); i += 2 {
				if !w.cancel(ts[i]) {
					t.Errorf("cancel of a pending timer failed")
					return
				}
			}
		}()
	}
	wg.Wait()
	// The adds may have taken a while (race detector); move the clock to
	// the deadlines rather than wait for them.
	advanceWheel(w, base+1000-w.now())
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("%d of %d timers fired", count.Load(), n/2)
	}
	time.Sleep(20 * time.Millisecond)
	if c := count.Load(); c != n/2 {
		t.Fatalf("%d timers fired, want %d", c, n/2)
	}
	if k := outOfOrder.Load(); k != 0 {
		t.Fatalf("%d timers fired out of deadline order", k)
	}
}

func TestTimerWheelStop(t *testing.T) {
	before := settledGoroutines()
	w := newTimerWheel()
	if n := runtime.NumGoroutine(); n != before {
		t.Fatalf("newTimerWheel started goroutines: %d -> %d", before, n)
	}
	var fired atomic.Int32
	w.add(&timer{when: w.now() + 20, fire: func(*timer) { fired.Add(1) }})
	far := &timer{when: w.now() + 50_000, fire: func(*timer) { fired.Add(1) }}
	w.add(far)
	if n := runtime.NumGoroutine(); n != before+1 {
		t.Fatalf("after add: %d goroutines, want %d", n, before+1)
	}
	w.stop()
	w.stop() // idempotent
	waitGoroutines(t, before)
	time.Sleep(40 * time.Millisecond)
	if n := fired.Load(); n != 0 {
		t.Fatalf("%d timers fired after stop", n)
	}
	// Adds after stop schedule nothing and start no goroutine.
	late := &timer{when: w.now(), fire: func(*timer) { fired.Add(1) }}
	w.add(late)
	time.Sleep(10 * time.Millisecond)
	if n := fired.Load(); n != 0 || runtime.NumGoroutine() != before {
		t.Fatalf("add after stop: fired %d, goroutines %d (want %d)", n, runtime.NumGoroutine(), before)
	}
	if !w.cancel(far) {
		t.Fatal("cancel of a timer left pending by stop = false")
	}
	// A wheel never used stops at once.
	newTimerWheel().stop()
}

func TestTimerWheelStopWhileFiring(t *testing.T) {
	before := settledGoroutines()
	w := newTimerWheel()
	entered := make(chan struct{})
	release := make(chan struct{})
	var after atomic.Int32
	when := w.now() + 5
	w.add(&timer{when: when, fire: func(*timer) { close(entered); <-release }})
	second := &timer{when: when, fire: func(*timer) { after.Add(1) }}
	w.add(second)
	<-entered
	stopped := make(chan struct{})
	go func() { w.stop(); close(stopped) }()
	time.Sleep(10 * time.Millisecond)
	close(release)
	<-stopped
	waitGoroutines(t, before)
	if after.Load() != 0 {
		t.Fatal("a timer fired after stop")
	}
	if !w.cancel(second) {
		t.Fatal("cancel of a timer stop kept from firing = false")
	}
}

func TestTimerWheelAddFromFire(t *testing.T) {
	w := newTimerWheel()
	defer w.stop()
	// A chain: each firing re-adds the same timer, alternately with a past
	// deadline (fires promptly) and a few ms ahead; it also cancels a
	// victim timer from inside the callback.
	var hops int
	done := make(chan struct{})
	victim := &timer{when: w.now() + 200, fire: func(*timer) { t.Error("victim fired") }}
	w.add(victim)
	var chain *timer
	chain = &timer{when: w.now() + 5, fire: func(tm *timer) {
		hops++
		if hops == 2 {
			if !w.cancel(victim) {
				t.Error("cancel from inside fire = false")
			}
		}
		if hops == 10 {
			close(done)
			return
		}
		if hops%2 == 0 {
			tm.when = w.now() - 3
		} else {
			tm.when = w.now() + 3
		}
		w.add(tm)
	}}
	w.add(chain)
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("chain stopped after %d hops", hops)
	}
}

func TestTimerWheelPastDeadline(t *testing.T) {
	w := newTimerWheel()
	defer w.stop()
	// A deadline already passed fires on the wheel's goroutine, not inside
	// add: this fire blocks until add has returned.
	returned := make(chan struct{})
	fired := make(chan struct{})
	tm := &timer{when: w.now() - 100, fire: func(*timer) { <-returned; close(fired) }}
	addDone := make(chan struct{})
	go func() { w.add(tm); close(addDone) }()
	select {
	case <-addDone:
	case <-time.After(5 * time.Second):
		t.Fatal("add called fire inline")
	}
	close(returned)
	<-fired
	// Past deadlines fire in deadline order, before later ones.
	log := newFireLog(4)
	now := w.now()
	w.add(&timer{when: now + 10, fire: log.fire, data: 3})
	w.add(&timer{when: now - 5, fire: log.fire, data: 1})
	w.add(&timer{when: now - 50, fire: log.fire, data: 0})
	w.add(&timer{when: now - 5, fire: log.fire, data: 2})
	if got := log.wait(t); !equalInts(got, []int{0, 1, 2, 3}) {
		t.Fatalf("fire order %v, want [0 1 2 3]", got)
	}
}

func TestTimerWheelNoAlloc(t *testing.T) {
	w := newTimerWheel()
	defer w.stop()
	ts := make([]*timer, 64)
	for i := range ts {
		ts[i] = &timer{when: w.now() + 1000 + int64(i), fire: func(*timer) {}}
	}
	far := &timer{when: w.now() + 100_000, fire: func(*timer) {}}
	cycle := func() {
		for _, tm := range ts {
			w.add(tm)
		}
		w.add(far)
		for _, tm := range ts {
			w.cancel(tm)
		}
		w.cancel(far)
	}
	cycle() // grow the slices once
	if n := testing.AllocsPerRun(100, cycle); n != 0 {
		t.Fatalf("add/cancel allocate %.1f times per cycle", n)
	}
}

// settledGoroutines returns the goroutine count once it has not changed
// for 20 ms (goroutines of earlier tests' wheels may still be exiting).
func settledGoroutines() int {
	n := runtime.NumGoroutine()
	for stable := 0; stable < 20; stable++ {
		time.Sleep(time.Millisecond)
		if m := runtime.NumGoroutine(); m != n {
			n, stable = m, 0
		}
	}
	return n
}

// waitGoroutines waits briefly for the goroutine count to come back to n.
func waitGoroutines(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() != n {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines after stop, want %d", runtime.NumGoroutine(), n)
		}
		time.Sleep(time.Millisecond)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
