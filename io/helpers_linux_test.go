package io

import (
	"encoding/binary"
	"os"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

const (
	eNOENT     = -int32(unix.ENOENT)
	eBADF      = -int32(unix.EBADF)
	eAGAIN     = -int32(unix.EAGAIN)
	eINVAL     = -int32(unix.EINVAL)
	eNOTDIR    = -int32(unix.ENOTDIR)
	eNOTSOCK   = -int32(unix.ENOTSOCK)
	eCANCELED  = -int32(unix.ECANCELED)
	eALREADY   = -int32(unix.EALREADY)
	eTIME      = -int32(unix.ETIME)
	eCONNREFUS = -int32(unix.ECONNREFUSED)
	eSPIPE     = -int32(unix.ESPIPE)
)

// backends lists the real backends; each test runs over all of them.
var backends = []string{BackendIOUring, BackendThreads}

func newRing(t testing.TB, backend string, entries int) CompletionRing {
	t.Helper()
	r, err := New(Options{Backend: backend, Entries: entries})
	if err != nil {
		t.Fatalf("New(%s): %v", backend, err)
	}
	if r.Backend() != backend {
		t.Fatalf("New(%s) made a %s ring", backend, r.Backend())
	}
	t.Cleanup(func() {
		if err := r.Shutdown(); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
	})
	return r
}

// forEach runs f as a subtest per backend and returns what each returned.
func forEach[T any](t *testing.T, f func(t *testing.T, r CompletionRing) T) map[string]T {
	got := map[string]T{}
	for _, b := range backends {
		t.Run(b, func(t *testing.T) {
			got[b] = f(t, newRing(t, b, 1024))
		})
	}
	return got
}

// submit queues op and fails the test on error.
func submit(t testing.TB, r CompletionRing, op Op) uint64 {
	t.Helper()
	id, err := r.Submit(&op)
	if err != nil {
		t.Fatalf("Submit(%v): %v", op.Kind, err)
	}
	return id
}

// await waits until the completions of all ids have arrived.
func await(t testing.TB, r CompletionRing, ids ...uint64) map[uint64]Completion {
	t.Helper()
	want := map[uint64]bool{}
	for _, id := range ids {
		want[id] = true
	}
	got := map[uint64]Completion{}
	out := make([]Completion, 8)
	deadline := time.Now().Add(10 * time.Second)
	for len(got) < len(want) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out: %d of %d completions", len(got), len(want))
		}
		n, err := r.Wait(out, time.Second)
		if err != nil {
			t.Fatalf("Wait: %v", err)
		}
		for _, c := range out[:n] {
			if !want[c.ID] {
				t.Fatalf("unexpected completion %+v", c)
			}
			if _, dup := got[c.ID]; dup {
				t.Fatalf("second completion for %#x", c.ID)
			}
			got[c.ID] = c
		}
	}
	return got
}

// do runs one operation to completion and returns its result.
func do(t testing.TB, r CompletionRing, op Op) int32 {
	t.Helper()
	id := submit(t, r, op)
	c := await(t, r, id)[id]
	if c.UserData != op.UserData {
		t.Fatalf("%v: user data %#x, want %#x", op.Kind, c.UserData, op.UserData)
	}
	return c.Res
}

func cpath(s string) []byte { return append([]byte(s), 0) }

// listener returns a listening loopback TCP socket and its port.
func listener(t testing.TB, nonblock bool) (int32, int) {
	t.Helper()
	typ := unix.SOCK_STREAM | unix.SOCK_CLOEXEC
	if nonblock {
		typ |= unix.SOCK_NONBLOCK
	}
	fd, err := unix.Socket(unix.AF_INET, typ, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { unix.Close(fd) })
	if err := unix.Bind(fd, &unix.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	if err := unix.Listen(fd, 128); err != nil {
		t.Fatal(err)
	}
	sa, err := unix.Getsockname(fd)
	if err != nil {
		t.Fatal(err)
	}
	return int32(fd), sa.(*unix.SockaddrInet4).Port
}

// tcpSocket returns a fresh, unconnected TCP socket closed at cleanup.
func tcpSocket(t testing.TB, nonblock bool) int32 {
	t.Helper()
	typ := unix.SOCK_STREAM | unix.SOCK_CLOEXEC
	if nonblock {
		typ |= unix.SOCK_NONBLOCK
	}
	fd, err := unix.Socket(unix.AF_INET, typ, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { unix.Close(fd) })
	return int32(fd)
}

func loopback(port int) []byte {
	b := make([]byte, 16)
	binary.LittleEndian.PutUint16(b, unix.AF_INET)
	binary.BigEndian.PutUint16(b[2:], uint16(port))
	copy(b[4:], []byte{127, 0, 0, 1})
	return b
}

// tcpPair returns the two ends of a loopback TCP connection, made with
// plain system calls.
func tcpPair(t testing.TB, nonblock bool) (client, server int32) {
	t.Helper()
	l, port := listener(t, false)
	c := tcpSocket(t, false)
	if err := unix.Connect(int(c), &unix.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}, Port: port}); err != nil {
		t.Fatal(err)
	}
	flags := unix.SOCK_CLOEXEC
	if nonblock {
		flags |= unix.SOCK_NONBLOCK
		if err := unix.SetNonblock(int(c), true); err != nil {
			t.Fatal(err)
		}
	}
	s, _, err := unix.Accept4(int(l), flags)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { unix.Close(s) })
	return c, int32(s)
}

// fdCount counts this process's open descriptors.
func fdCount(t testing.TB) int {
	t.Helper()
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	return len(ents)
}
