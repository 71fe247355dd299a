package io

import (
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestCancelBlocked cancels a recv, an accept, a pipe read and a timeout
// that are waiting: each cancel completes with 0 and its target with
// -ECANCELED. A cancel of a finished or unknown id gets -ENOENT.
func TestCancelBlocked(t *testing.T) {
	forEach(t, func(t *testing.T, r CompletionRing) bool {
		c, _ := tcpPair(t, false)
		l, _ := listener(t, true)
		var p [2]int
		if err := unix.Pipe2(p[:], unix.O_CLOEXEC); err != nil {
			t.Fatal(err)
		}
		defer unix.Close(p[0])
		defer unix.Close(p[1])
		targets := []Op{
			{Kind: Recv, FD: c, Buf: make([]byte, 8)},
			{Kind: Accept, FD: l, Addr: make([]byte, SockaddrSize)},
			{Kind: Read, FD: int32(p[0]), Buf: make([]byte, 8), Off: -1},
			{Kind: Timeout, Timeout: time.Hour},
		}
		for _, op := range targets {
			id := submit(t, r, op)
			if n, _ := r.Wait(make([]Completion, 1), 20*time.Millisecond); n != 0 {
				t.Fatalf("%v completed early", op.Kind)
			}
			cid := submit(t, r, Op{Kind: Cancel, Target: id})
			got := await(t, r, id, cid)
			if got[cid].Res != 0 || got[id].Res != eCANCELED {
				t.Errorf("%v: cancel %d, target %d; want 0, %d", op.Kind, got[cid].Res, got[id].Res, eCANCELED)
			}
			if res := do(t, r, Op{Kind: Cancel, Target: id}); res != eNOENT {
				t.Errorf("%v: second cancel = %d, want %d", op.Kind, res, eNOENT)
			}
		}
		if res := do(t, r, Op{Kind: Cancel, Target: 12345 << 32}); res != eNOENT {
			t.Errorf("cancel of unknown id = %d", res)
		}
		if r.Pending() != 0 {
			t.Errorf("Pending = %d", r.Pending())
		}
		return true
	})
}

// TestCancelSameBatch submits a recv and its cancel in one batch.
func TestCancelSameBatch(t *testing.T) {
	forEach(t, func(t *testing.T, r CompletionRing) bool {
		c, _ := tcpPair(t, true)
		id := submit(t, r, Op{Kind: Recv, FD: c, Buf: make([]byte, 8)})
		cid := submit(t, r, Op{Kind: Cancel, Target: id})
		got := await(t, r, id, cid)
		if got[cid].Res != 0 || got[id].Res != eCANCELED {
			t.Errorf("cancel %d, target %d", got[cid].Res, got[id].Res)
		}
		return true
	})
}

func TestTimeout(t *testing.T) {
	forEach(t, func(t *testing.T, r CompletionRing) bool {
		start := time.Now()
		short := submit(t, r, Op{Kind: Timeout, Timeout: 30 * time.Millisecond, UserData: 1})
		long := submit(t, r, Op{Kind: Timeout, Timeout: 60 * time.Millisecond, UserData: 2})
		zero := submit(t, r, Op{Kind: Timeout})
		out := make([]Completion, 4)
		var order []uint64
		for len(order) < 3 {
			n, err := r.Wait(out, 5*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range out[:n] {
				if c.Res != eTIME {
					t.Errorf("timeout %+v, want res %d", c, eTIME)
				}
				if c.ID == long && time.Since(start) < 60*time.Millisecond {
					t.Errorf("60ms timeout fired after %v", time.Since(start))
				}
				order = append(order, c.ID)
			}
		}
		if order[0] != zero || order[1] != short || order[2] != long {
			t.Errorf("order %x, want %x %x %x", order, zero, short, long)
		}
		return true
	})
}

// TestWaitTimeoutAndWake checks Wait's timeout and that Wake interrupts a
// Wait from another goroutine, or makes the next Wait return at once.
func TestWaitTimeoutAndWake(t *testing.T) {
	forEach(t, func(t *testing.T, r CompletionRing) bool {
		out := make([]Completion, 4)
		start := time.Now()
		if n, err := r.Wait(out, 30*time.Millisecond); n != 0 || err != nil {
			t.Fatalf("idle Wait = %d, %v", n, err)
		}
		if d := time.Since(start); d < 25*time.Millisecond || d > 2*time.Second {
			t.Errorf("30ms Wait took %v", d)
		}
		if n, err := r.Wait(out, 0); n != 0 || err != nil {
			t.Fatalf("Wait(0) = %d, %v", n, err)
		}

		var woke atomic.Bool
		go func() {
			time.Sleep(30 * time.Millisecond)
			woke.Store(true)
			r.Wake()
		}()
		start = time.Now()
		n, err := r.Wait(out, -1)
		if n != 0 || err != nil || !woke.Load() {
			t.Fatalf("woken Wait = %d, %v, woke %v", n, err, woke.Load())
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("Wake took %v", d)
		}

		r.Wake()
		start = time.Now()
		if n, err := r.Wait(out, 10*time.Second); n != 0 || err != nil || time.Since(start) > time.Second {
			t.Fatalf("Wait after Wake = %d, %v after %v", n, err, time.Since(start))
		}
		// The wake was consumed: the next Wait times out again (a stale
		// eventfd completion may cut one Wait short, so try twice).
		for range 2 {
			start = time.Now()
			r.Wait(out, 30*time.Millisecond)
		}
		if time.Since(start) < 25*time.Millisecond {
			t.Errorf("wake not consumed")
		}
		// Wakes during real work do not disturb completions.
		id := submit(t, r, Op{Kind: Timeout, Timeout: 10 * time.Millisecond})
		r.Wake()
		await(t, r, id)
		return true
	})
}

// TestBufferOwnership keeps a cancelled recv's buffer reachable only
// through the ring: the buffer must survive collections until the target's
// own completion has been reaped, and be released after that.
func TestBufferOwnership(t *testing.T) {
	forEach(t, func(t *testing.T, r CompletionRing) bool {
		c, _ := tcpPair(t, false)
		var freed atomic.Bool
		id := func() uint64 {
			buf := new([4096]byte)
			runtime.SetFinalizer(buf, func(*[4096]byte) { freed.Store(true) })
			return submit(t, r, Op{Kind: Recv, FD: c, Buf: buf[:]})
		}()
		if n, _ := r.Wait(make([]Completion, 1), 10*time.Millisecond); n != 0 {
			t.Fatal("recv completed")
		}
		cid := submit(t, r, Op{Kind: Cancel, Target: id})
		if err := r.Flush(); err != nil {
			t.Fatal(err)
		}
		gc := func() {
			for range 3 {
				runtime.GC()
				time.Sleep(time.Millisecond)
			}
		}
		// Reap one completion at a time; until the target's arrives its
		// buffer must stay alive.
		one := make([]Completion, 1)
		for {
			gc()
			if freed.Load() {
				t.Fatal("buffer collected before its operation completed")
			}
			n, err := r.Wait(one, 5*time.Second)
			if err != nil || n == 0 {
				t.Fatalf("Wait = %d, %v", n, err)
			}
			if one[0].ID == id {
				if one[0].Res != eCANCELED {
					t.Errorf("target res %d", one[0].Res)
				}
				break
			}
			if one[0].ID != cid {
				t.Fatalf("stray completion %+v", one[0])
			}
		}
		for range 20 {
			if freed.Load() {
				break
			}
			gc()
		}
		if !freed.Load() {
			t.Error("ring kept the buffer after its completion was reaped")
		}
		return true
	})
}

// TestRingFullAndInvalid checks Submit's refusals.
func TestRingFullAndInvalid(t *testing.T) {
	for _, b := range backends {
		t.Run(b, func(t *testing.T) {
			r := newRing(t, b, 2)
			for range 2 {
				submit(t, r, Op{Kind: Timeout, Timeout: time.Hour})
			}
			if _, err := r.Submit(&Op{Kind: Nop}); err != ErrRingFull {
				t.Errorf("third Submit: %v, want ErrRingFull", err)
			}
			for _, op := range []Op{
				{Kind: OpKind(200)},
				{Kind: Openat, Path: []byte("no-nul")},
				{Kind: Statx, Path: cpath("/"), Buf: make([]byte, 10)},
				{Kind: Cancel},
				{Kind: Timeout, Timeout: -1},
				{Kind: Connect},
				{Kind: Read, Off: -2},
			} {
				if _, err := r.Submit(&op); err == nil {
					t.Errorf("Submit(%+v) succeeded", op)
				}
			}
		})
	}
}
