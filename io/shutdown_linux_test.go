package io

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestShutdownInFlight shuts a ring down while operations wait on sockets,
// a pipe and a timer, with some queued and never flushed and some
// completed but not reaped: Shutdown returns promptly, nothing stays
// pending, and the descriptors it produced are closed.
func TestShutdownInFlight(t *testing.T) {
	for _, b := range backends {
		t.Run(b, func(t *testing.T) {
			// The test's own descriptors exist before the snapshot; the
			// ring's, and those its operations produce, must be gone after.
			c, s := tcpPair(t, false)
			l, port := listener(t, false)
			c2 := tcpSocket(t, false)
			var p [2]int
			if err := unix.Pipe2(p[:], unix.O_CLOEXEC); err != nil {
				t.Fatal(err)
			}
			defer unix.Close(p[0])
			defer unix.Close(p[1])
			dir := t.TempDir()
			before := fdCount(t)

			r, err := New(Options{Backend: b, Entries: 64})
			if err != nil {
				t.Fatal(err)
			}
			ops := []Op{
				{Kind: Recv, FD: c, Buf: make([]byte, 64)},
				{Kind: Recv, FD: s, Buf: make([]byte, 64), Flags: unix.MSG_WAITALL},
				{Kind: Accept, FD: l, Addr: make([]byte, SockaddrSize), Flags: unix.SOCK_CLOEXEC},
				{Kind: Read, FD: int32(p[0]), Buf: make([]byte, 64), Off: -1},
				{Kind: Timeout, Timeout: time.Hour},
				// Completes, producing a descriptor nobody reaps.
				{Kind: Openat, FD: unix.AT_FDCWD, Path: cpath(dir), Flags: unix.O_RDONLY | unix.O_CLOEXEC},
			}
			for _, op := range ops {
				submit(t, r, op)
			}
			if err := r.Flush(); err != nil {
				t.Fatal(err)
			}
			// A connection the accept takes but nobody reaps: Shutdown
			// must close its descriptor too.
			if err := unix.Connect(int(c2), &unix.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}, Port: port}); err != nil {
				t.Fatal(err)
			}
			time.Sleep(20 * time.Millisecond)
			// Queued, never flushed.
			submit(t, r, Op{Kind: Recv, FD: c, Buf: make([]byte, 8)})
			submit(t, r, Op{Kind: Openat, FD: unix.AT_FDCWD, Path: cpath(dir), Flags: unix.O_RDONLY | unix.O_CLOEXEC})

			start := time.Now()
			if err := r.Shutdown(); err != nil {
				t.Fatalf("Shutdown: %v", err)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("Shutdown took %v", d)
			}
			if r.Pending() != 0 {
				t.Errorf("Pending after Shutdown = %d", r.Pending())
			}
			if err := r.Shutdown(); err != nil {
				t.Errorf("second Shutdown: %v", err)
			}
			if _, err := r.Submit(&Op{Kind: Nop}); !errors.Is(err, ErrClosed) {
				t.Errorf("Submit after Shutdown: %v", err)
			}
			if _, err := r.Wait(nil, 0); !errors.Is(err, ErrClosed) {
				t.Errorf("Wait after Shutdown: %v", err)
			}
			r.Wake() // harmless
			if after := fdCount(t); after != before {
				t.Errorf("descriptors: %d before, %d after", before, after)
			}
		})
	}
}

// TestNoFDLeak opens, reads and closes files and sockets many times on
// fresh rings and checks the process's descriptor count is unchanged.
func TestNoFDLeak(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f")
	if err := os.WriteFile(path, make([]byte, 8192), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, b := range backends {
		t.Run(b, func(t *testing.T) {
			before := fdCount(t)
			for range 3 {
				r, err := New(Options{Backend: b, Entries: 128})
				if err != nil {
					t.Fatal(err)
				}
				buf := make([]byte, 4096)
				for range 200 {
					fd := do(t, r, Op{Kind: Openat, FD: unix.AT_FDCWD, Path: cpath(path), Flags: unix.O_RDONLY | unix.O_CLOEXEC})
					if fd < 0 {
						t.Fatalf("openat = %d", fd)
					}
					if n := do(t, r, Op{Kind: Read, FD: fd, Buf: buf, Off: 4096}); n != 4096 {
						t.Fatalf("pread = %d", n)
					}
					if res := do(t, r, Op{Kind: Close, FD: fd}); res != 0 {
						t.Fatalf("close = %d", res)
					}
				}
				// Sockets: a listener, 20 connections accepted and closed
				// through the ring.
				l, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
				if err != nil {
					t.Fatal(err)
				}
				unix.Bind(l, &unix.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}})
				unix.Listen(l, 64)
				sa, _ := unix.Getsockname(l)
				port := sa.(*unix.SockaddrInet4).Port
				for range 20 {
					c, _ := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
					acc := submit(t, r, Op{Kind: Accept, FD: int32(l), Flags: unix.SOCK_CLOEXEC})
					con := submit(t, r, Op{Kind: Connect, FD: int32(c), Addr: loopback(port)})
					got := await(t, r, acc, con)
					if got[acc].Res < 0 || got[con].Res != 0 {
						t.Fatalf("accept %d connect %d", got[acc].Res, got[con].Res)
					}
					a := submit(t, r, Op{Kind: Close, FD: got[acc].Res})
					b := submit(t, r, Op{Kind: Close, FD: int32(c)})
					await(t, r, a, b)
				}
				unix.Close(l)
				if err := r.Shutdown(); err != nil {
					t.Fatal(err)
				}
			}
			if after := fdCount(t); after != before {
				t.Errorf("descriptors: %d before, %d after", before, after)
			}
		})
	}
}
