package io

import (
	"fmt"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestManyConnections accepts 300 loopback connections through the ring,
// then runs a round of echo over all of them at once: every server side
// waits in a recv before any client sends.
func TestManyConnections(t *testing.T) {
	const conns = 300
	forEach(t, func(t *testing.T, r CompletionRing) bool {
		l, port := listener(t, true)
		servers := make([]int32, conns)
		clients := make([]int32, conns)
		for i := range conns {
			clients[i] = tcpSocket(t, true)
		}
		var ids []uint64
		accepts := map[uint64]bool{}
		for i := range conns {
			a := submit(t, r, Op{Kind: Accept, FD: l, Flags: unix.SOCK_CLOEXEC | unix.SOCK_NONBLOCK})
			accepts[a] = true
			ids = append(ids, a, submit(t, r, Op{Kind: Connect, FD: clients[i], Addr: loopback(port)}))
		}
		n := 0
		for id, c := range await(t, r, ids...) {
			if c.Res < 0 {
				t.Fatalf("accept/connect %d", c.Res)
			}
			if accepts[id] {
				servers[n] = c.Res
				n++
			}
		}
		defer func() {
			for _, s := range servers {
				unix.Close(int(s))
			}
		}()

		bufs := make([][]byte, conns)
		ids = ids[:0]
		for i, s := range servers {
			bufs[i] = make([]byte, 32)
			ids = append(ids, submit(t, r, Op{Kind: Recv, FD: s, Buf: bufs[i], UserData: uint64(i)}))
		}
		if n, _ := r.Wait(make([]Completion, 1), 20*time.Millisecond); n != 0 {
			t.Fatal("a recv completed before any send")
		}
		var sends []uint64
		for i, c := range clients {
			sends = append(sends, submit(t, r, Op{Kind: Send, FD: c, Buf: []byte(fmt.Sprintf("msg %d", i))}))
		}
		got := await(t, r, append(ids, sends...)...)
		// Servers were accepted in some order: check each recv got a
		// well-formed message and all messages arrived once.
		seen := map[string]bool{}
		for _, id := range ids {
			c := got[id]
			if c.Res <= 0 {
				t.Fatalf("recv %+v", c)
			}
			seen[string(bufs[c.UserData][:c.Res])] = true
		}
		if len(seen) != conns {
			t.Errorf("%d distinct messages, want %d", len(seen), conns)
		}
		return true
	})
}

// TestThreadsCancelRunning covers the thread backend's answer to a cancel
// that finds its target executing: -EALREADY, and the target is cancelled
// if it then has to wait.
func TestThreadsCancelRunning(t *testing.T) {
	r := newRing(t, BackendThreads, 8).(*threads)
	c, _ := tcpPair(t, false)
	id := submit(t, r, Op{Kind: Recv, FD: c, Buf: make([]byte, 8)})
	if err := r.Flush(); err != nil {
		t.Fatal(err)
	}
	// Pretend the poller has just picked the recv up for a retry.
	r.mu.Lock()
	s := r.slot(id)
	if s.state != tPolling {
		t.Fatalf("recv in state %d", s.state)
	}
	s.state = tRunning
	r.mu.Unlock()
	cid := submit(t, r, Op{Kind: Cancel, Target: id})
	if err := r.Flush(); err != nil {
		t.Fatal(err)
	}
	got := await(t, r, cid)
	if got[cid].Res != eALREADY {
		t.Errorf("cancel of a running op = %d, want %d", got[cid].Res, eALREADY)
	}
	// The retry would block: the pending cancel ends it.
	r.mu.Lock()
	r.resolveLocked(s, 0, unix.POLLIN, false)
	r.mu.Unlock()
	if res := await(t, r, id)[id].Res; res != eCANCELED {
		t.Errorf("target = %d, want %d", res, eCANCELED)
	}
}
