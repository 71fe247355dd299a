package vm

import (
	"math"
	"math/bits"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/beamr/beamr/term"
)

// The timer wheel: 4096 slots of one millisecond each. A timer whose
// deadline lies within the next 4096 ms of the wheel's position sits in the
// slot of its deadline, so adding and cancelling it are O(1); a later one
// waits in an overflow min-heap and moves into the wheel when the wheel gets
// close enough. A bitmap of occupied slots lets the driver goroutine find
// the next deadline without visiting empty slots, so it sleeps until then
// instead of ticking every millisecond.
const (
	wheelBits  = 12
	wheelSlots = 1 << wheelBits
	wheelMask  = wheelSlots - 1
	// lateSlot is the extra slot holding timers added after their deadline
	// had already been passed by the wheel: they fire on the driver's next
	// pass, before any timer still in the wheel.
	lateSlot = wheelSlots
	// maxSlotKeep is the capacity above which an emptied slot gives its
	// backing array back instead of keeping it for reuse.
	maxSlotKeep = 1024
	// maxSleepMs bounds one sleep of the driver (about 12 days), keeping
	// the conversion to time.Duration far from overflow.
	maxSleepMs = 1 << 30
)

// timerState says where a timer is.
type timerState uint8

const (
	timerIdle   timerState = iota // not scheduled: never added, fired or cancelled
	timerInSlot                   // pending in a wheel slot (or the late slot)
	timerInHeap                   // pending in the overflow heap
	timerDue                      // taken out by the driver; fire not yet called
	timerOrphan                   // pending on a stopped wheel: never fires
)

// timer is one pending timeout. The caller allocates it and sets when and
// fire before add.
type timer struct {
	when int64          // deadline: monotonic milliseconds (the wheel's clock)
	fire func(t *timer) // called once, on the wheel's goroutine, when the deadline passes; must not block
	// Owner data the wheel never touches.
	data any
	pid  term.Term // receive timeout: the waiting process, and
	rseq uint64    // the number of its receive
	bif  *bifTimer // erlang:send_after/start_timer timer

	// Wheel bookkeeping, guarded by the wheel's mutex.
	seq   uint64     // add order, to fire equal deadlines in the order added
	slot  int32      // slot index while timerInSlot
	index int32      // position in the slot, or in the heap while timerInHeap
	state timerState // where the timer is
}

// timerWheel schedules timers and fires them from one goroutine of its own,
// started by the first add. All methods are safe for concurrent use.
type timerWheel struct {
	start time.Time // the clock's origin
	// skew is added to the clock; only tests set it, to move time forward
	// without waiting.
	skew atomic.Int64

	mu sync.Mutex
	// cur is the wheel's position: every timer with a deadline before cur
	// has been taken out for firing, and slots hold deadlines in
	// [cur, cur+wheelSlots).
	cur      int64
	seq      uint64
	slots    [wheelSlots + 1][]*timer // +1: lateSlot
	occupied [wheelSlots / 64]uint64  // bit i set: slots[i] is non-empty
	inWheel  int                      // timers in slots[0:wheelSlots]
	overflow []*timer                 // min-heap by (when, seq)
	// sleepUntil is the wheel time the driver sleeps until; an add with an
	// earlier deadline wakes it. math.MinInt64 while the driver is busy (it
	// looks again before sleeping), math.MaxInt64 while it waits for work.
	sleepUntil int64
	started    bool
	stopped    bool

	wake chan struct{} // buffered(1): an add moved the next deadline earlier
	quit chan struct{} // closed by stop
	done chan struct{} // closed when the driver goroutine ends
}

// newTimerWheel returns an empty wheel whose clock starts now. It starts no
// goroutine until the first add.
func newTimerWheel() *timerWheel {
	return &timerWheel{
		start:      time.Now(),
		sleepUntil: math.MaxInt64,
		wake:       make(chan struct{}, 1),
		quit:       make(chan struct{}),
		done:       make(chan struct{}),
	}
}

// now returns the wheel's clock: whole milliseconds since the wheel was
// created, from the monotonic clock.
func (w *timerWheel) now() int64 {
	return time.Since(w.start).Milliseconds() + w.skew.Load()
}

// add schedules t to fire at t.when. A deadline that has already passed
// fires promptly on the wheel's goroutine, never inside add. Adding a timer
// that is still pending reschedules it. On a stopped wheel the timer stays
// pending forever.
func (w *timerWheel) add(t *timer) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.unlink(t)
	w.seq++
	t.seq = w.seq
	if w.stopped {
		t.state = timerOrphan
		return
	}
	if !w.started {
		w.started = true
		w.sleepUntil = math.MinInt64
		go w.run()
	}
	if w.inWheel == 0 {
		// An empty wheel can jump to the present, so that a near deadline
		// lands in a slot rather than the overflow heap.
		next := w.now()
		if len(w.overflow) > 0 && w.overflow[0].when < next {
			next = w.overflow[0].when
		}
		if next > w.cur {
			w.cur = next
		}
	}
	w.place(t)
	if t.when < w.sleepUntil {
		w.sleepUntil = t.when
		select {
		case w.wake <- struct{}{}:
		default:
		}
	}
}

// cancel unschedules t. It reports true if t was pending and now will never
// fire; false if t already fired, is firing, was cancelled or was never
// added.
func (w *timerWheel) cancel(t *timer) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.unlink(t)
}

// remaining returns the milliseconds left before t fires (0 if its deadline
// has passed but it has not fired yet), and ok false if t is not pending.
func (w *timerWheel) remaining(t *timer) (ms int64, ok bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if t.state == timerIdle {
		return 0, false
	}
	return max(t.when-w.now(), 0), true
}

// stop ends the wheel: pending timers never fire and stay pending (cancel
// still reports true for them), later adds schedule nothing, and the
// driver goroutine has finished when stop returns. A fire callback already
// running completes first. stop is idempotent; it must not be called from
// a fire callback.
func (w *timerWheel) stop() {
	w.mu.Lock()
	done := w.doneIfStarted()
	if w.stopped {
		w.mu.Unlock()
		<-done
		return
	}
	w.stopped = true
	for i := range w.slots {
		w.orphanAll(w.slots[i])
		w.slots[i] = nil
	}
	w.occupied = [wheelSlots / 64]uint64{}
	w.inWheel = 0
	w.orphanAll(w.overflow)
	w.overflow = nil
	close(w.quit)
	w.mu.Unlock()
	<-done
}

// doneIfStarted returns a channel that is closed once no driver goroutine
// runs. Call with w.mu held.
func (w *timerWheel) doneIfStarted() <-chan struct{} {
	if w.started {
		return w.done
	}
	closed := make(chan struct{})
	close(closed)
	return closed
}

// orphanAll marks every timer of ts as pending forever.
func (w *timerWheel) orphanAll(ts []*timer) {
	for _, t := range ts {
		t.state = timerOrphan
	}
}

// unlink takes t out of wherever it is pending and marks it idle. It
// reports whether t was pending. Call with w.mu held.
func (w *timerWheel) unlink(t *timer) bool {
	switch t.state {
	case timerInSlot:
		w.slotRemove(t)
	case timerInHeap:
		w.heapRemove(int(t.index))
	case timerDue, timerOrphan:
		// A due timer is in the driver's batch, which skips it once it is
		// no longer due; an orphan is stored nowhere.
	default:
		return false
	}
	t.state = timerIdle
	return true
}

// place stores t by its deadline: the late slot, a wheel slot or the
// overflow heap. Call with w.mu held.
func (w *timerWheel) place(t *timer) {
	switch {
	case t.when < w.cur:
		w.slotPush(lateSlot, t)
	case t.when-w.cur < wheelSlots:
		i := int(t.when & wheelMask)
		w.slotPush(i, t)
		w.occupied[i>>6] |= 1 << (i & 63)
		w.inWheel++
	default:
		w.heapPush(t)
	}
}

// slotPush appends t to slot i.
func (w *timerWheel) slotPush(i int, t *timer) {
	t.state = timerInSlot
	t.slot = int32(i)
	t.index = int32(len(w.slots[i]))
	w.slots[i] = append(w.slots[i], t)
}

// slotRemove takes t out of its slot by moving the slot's last timer into
// its place. The slot's order is restored by seq when it fires.
func (w *timerWheel) slotRemove(t *timer) {
	i := int(t.slot)
	s := w.slots[i]
	last := len(s) - 1
	if int(t.index) != last {
		moved := s[last]
		s[t.index] = moved
		moved.index = t.index
	}
	s[last] = nil
	w.slots[i] = s[:last]
	if i == lateSlot {
		return
	}
	w.inWheel--
	if last == 0 {
		w.occupied[i>>6] &^= 1 << (i & 63)
	}
}

// takeSlot moves the timers of slot i, in (deadline, add order) order, to
// the end of batch and marks them due.
func (w *timerWheel) takeSlot(i int, batch []*timer) []*timer {
	s := w.slots[i]
	if !slices.IsSortedFunc(s, timerCmp) {
		slices.SortFunc(s, timerCmp)
	}
	for j, t := range s {
		t.state = timerDue
		batch = append(batch, t)
		s[j] = nil
	}
	if cap(s) > maxSlotKeep {
		w.slots[i] = nil
	} else {
		w.slots[i] = s[:0]
	}
	if i != lateSlot {
		w.inWheel -= len(s)
		w.occupied[i>>6] &^= 1 << (i & 63)
	}
	return batch
}

// timerCmp orders timers by deadline, then by add order.
func timerCmp(a, b *timer) int {
	switch {
	case a.when < b.when:
		return -1
	case a.when > b.when:
		return 1
	case a.seq < b.seq:
		return -1
	case a.seq > b.seq:
		return 1
	}
	return 0
}

// nextOccupied returns the first time in [from, limit) whose slot holds
// timers; limit-from must not exceed wheelSlots.
func (w *timerWheel) nextOccupied(from, limit int64) (int64, bool) {
	for from < limit {
		i := from & wheelMask
		if b := w.occupied[i>>6] >> (i & 63); b != 0 {
			at := from + int64(bits.TrailingZeros64(b))
			return at, at < limit
		}
		from += 64 - i&63
	}
	return 0, false
}

// collect moves every timer whose deadline is before target into batch, in
// firing order, and advances the wheel to target. Call with w.mu held.
func (w *timerWheel) collect(target int64, batch []*timer) []*timer {
	if len(w.slots[lateSlot]) > 0 {
		batch = w.takeSlot(lateSlot, batch)
	}
	for w.cur < target {
		// Bring in overflow timers the wheel now covers.
		for len(w.overflow) > 0 && w.overflow[0].when-w.cur < wheelSlots {
			w.place(w.heapPop())
		}
		if w.inWheel == 0 {
			// Nothing in the wheel: jump to the target or to the next
			// overflow deadline, whichever is first.
			next := target
			if len(w.overflow) > 0 && w.overflow[0].when < next {
				next = w.overflow[0].when
			}
			w.cur = next
			continue
		}
		end := min(target, w.cur+wheelSlots)
		for from := w.cur; ; {
			at, ok := w.nextOccupied(from, end)
			if !ok {
				break
			}
			batch = w.takeSlot(int(at&wheelMask), batch)
			from = at + 1
		}
		w.cur = end
	}
	return batch
}

// nextDeadline returns the earliest wheel time at which a timer is due, and
// false if none is pending. Call with w.mu held, after collect.
func (w *timerWheel) nextDeadline() (int64, bool) {
	if len(w.slots[lateSlot]) > 0 {
		return w.cur - 1, true
	}
	if w.inWheel > 0 {
		if at, ok := w.nextOccupied(w.cur, w.cur+wheelSlots); ok {
			return at, true
		}
	}
	if len(w.overflow) > 0 {
		return w.overflow[0].when, true
	}
	return 0, false
}

// run is the driver goroutine: it fires due timers in order and sleeps
// until the next deadline, an earlier add, or stop.
func (w *timerWheel) run() {
	defer close(w.done)
	sleep := time.NewTimer(time.Hour)
	sleep.Stop()
	defer sleep.Stop()
	var batch []*timer
	for {
		w.mu.Lock()
		if w.stopped {
			w.mu.Unlock()
			return
		}
		now := w.now()
		batch = w.collect(now+1, batch)
		if len(batch) > 0 {
			w.sleepUntil = math.MinInt64
			w.mu.Unlock()
			if !w.fireAll(batch) {
				return
			}
			clear(batch)
			batch = batch[:0]
			continue
		}
		next, ok := w.nextDeadline()
		if !ok {
			w.sleepUntil = math.MaxInt64
			w.mu.Unlock()
			select {
			case <-w.wake:
			case <-w.quit:
				return
			}
			continue
		}
		w.sleepUntil = next
		w.mu.Unlock()
		wait := min(next-now, maxSleepMs)
		d := time.Duration(now+wait-w.skew.Load())*time.Millisecond - time.Since(w.start)
		if d <= 0 {
			continue
		}
		sleep.Reset(d)
		select {
		case <-sleep.C:
		case <-w.wake:
			sleep.Stop()
		case <-w.quit:
			return
		}
	}
}

// fireAll calls the fire function of each timer of batch that is still due.
// It reports false if the wheel was stopped meanwhile; the timers not yet
// fired then stay pending forever.
func (w *timerWheel) fireAll(batch []*timer) bool {
	for i, t := range batch {
		w.mu.Lock()
		if w.stopped {
			for _, rest := range batch[i:] {
				if rest.state == timerDue {
					rest.state = timerOrphan
				}
			}
			w.mu.Unlock()
			return false
		}
		if t.state != timerDue {
			w.mu.Unlock()
			continue
		}
		t.state = timerIdle
		w.mu.Unlock()
		t.fire(t)
	}
	return true
}

// The overflow heap: a binary min-heap by (when, seq) whose timers know
// their index, so cancel removes in O(log n).

func (w *timerWheel) heapPush(t *timer) {
	t.state = timerInHeap
	t.index = int32(len(w.overflow))
	w.overflow = append(w.overflow, t)
	w.heapUp(len(w.overflow) - 1)
}

func (w *timerWheel) heapPop() *timer {
	t := w.overflow[0]
	w.heapRemove(0)
	return t
}

func (w *timerWheel) heapRemove(i int) {
	h := w.overflow
	last := len(h) - 1
	if i != last {
		h[i] = h[last]
		h[i].index = int32(i)
	}
	h[last] = nil
	w.overflow = h[:last]
	if i != last {
		if !w.heapUp(i) {
			w.heapDown(i)
		}
	}
}

// heapUp moves the timer at i towards the root; it reports whether it moved.
func (w *timerWheel) heapUp(i int) bool {
	h := w.overflow
	start := i
	for i > 0 {
		p := (i - 1) / 2
		if timerCmp(h[i], h[p]) >= 0 {
			break
		}
		h[i], h[p] = h[p], h[i]
		h[i].index, h[p].index = int32(i), int32(p)
		i = p
	}
	return i != start
}

func (w *timerWheel) heapDown(i int) {
	h := w.overflow
	for {
		c := 2*i + 1
		if c >= len(h) {
			return
		}
		if r := c + 1; r < len(h) && timerCmp(h[r], h[c]) < 0 {
			c = r
		}
		if timerCmp(h[c], h[i]) >= 0 {
			return
		}
		h[i], h[c] = h[c], h[i]
		h[i].index, h[c].index = int32(i), int32(c)
		i = c
	}
}
