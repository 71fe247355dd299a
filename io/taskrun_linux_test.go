package io

import (
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestReapRunsDeferredWork checks that Reap alone, without Wait or Flush,
// sees a completion whose data arrived after its operation was submitted:
// on kernels where the ring defers such work to the submitting thread's
// next entry into the kernel, Reap must make that entry.
func TestReapRunsDeferredWork(t *testing.T) {
	for _, backend := range backends {
		t.Run(backend, func(t *testing.T) {
			runtime.LockOSThread() // the ring's work belongs to this thread
			defer runtime.UnlockOSThread()
			r := newRing(t, backend, 8)
			defer r.Shutdown()
			fds, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_STREAM, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer unix.Close(fds[0])
			defer unix.Close(fds[1])
			buf := make([]byte, 16)
			op := Op{Kind: Recv, FD: int32(fds[0]), Buf: buf, UserData: 7}
			if _, err := r.Submit(&op); err != nil {
				t.Fatal(err)
			}
			if err := r.Flush(); err != nil {
				t.Fatal(err)
			}
			// Let the receive go to sleep in the kernel before the data
			// comes, from another thread.
			time.Sleep(20 * time.Millisecond)
			// The writer flags its end with an atomic, which this thread
			// spins on: waiting on a channel could enter the kernel here,
			// which would post the completion without Reap's help.
			var written atomic.Bool
			go func() {
				unix.Write(fds[1], []byte("hello"))
				written.Store(true)
			}()
			for !written.Load() {
			}
			out := make([]Completion, 4)
			check := func(n int) {
				if n != 1 || out[0].UserData != 7 || out[0].Res != 5 || string(buf[:5]) != "hello" {
					t.Fatalf("Reap gave %d: %+v, data %q", n, out[0], buf[:5])
				}
			}
			if backend == BackendIOUring {
				// The receive completed in the kernel when the data came:
				// the first Reap must show it.
				check(r.Reap(out))
				return
			}
			// The threads backend posts from a worker, some time later.
			deadline := time.Now().Add(5 * time.Second)
			for {
				if n := r.Reap(out); n > 0 {
					check(n)
					return
				}
				if time.Now().After(deadline) {
					t.Fatal("Reap never saw the completion")
				}
				time.Sleep(time.Millisecond)
			}
		})
	}
}
