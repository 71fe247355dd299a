package io

import (
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

func TestABILayout(t *testing.T) {
	if s := unsafe.Sizeof(sqe{}); s != 64 {
		t.Errorf("sqe is %d bytes", s)
	}
	if s := unsafe.Sizeof(cqe{}); s != 16 {
		t.Errorf("cqe is %d bytes", s)
	}
	if s := unsafe.Sizeof(uringParams{}); s != 120 {
		t.Errorf("io_uring_params is %d bytes", s)
	}
	if s := unsafe.Sizeof(getEventsArg{}); s != 24 {
		t.Errorf("io_uring_getevents_arg is %d bytes", s)
	}
	var e sqe
	for name, got := range map[string]uintptr{
		"fd": unsafe.Offsetof(e.fd), "off": unsafe.Offsetof(e.off), "addr": unsafe.Offsetof(e.addr),
		"len": unsafe.Offsetof(e.len), "op_flags": unsafe.Offsetof(e.opFlags),
		"user_data": unsafe.Offsetof(e.userData), "buf_index": unsafe.Offsetof(e.bufIndex),
		"splice_fd_in": unsafe.Offsetof(e.spliceFdIn), "addr3": unsafe.Offsetof(e.addr3),
	} {
		want := map[string]uintptr{"fd": 4, "off": 8, "addr": 16, "len": 24, "op_flags": 28,
			"user_data": 32, "buf_index": 40, "splice_fd_in": 44, "addr3": 48}[name]
		if got != want {
			t.Errorf("sqe.%s at %d, want %d", name, got, want)
		}
	}
	// ParseStatx reads the offsets of the kernel's struct statx.
	var st unix.Statx_t
	if unsafe.Sizeof(st) != StatxSize || unsafe.Offsetof(st.Mode) != 28 || unsafe.Offsetof(st.Size) != 40 ||
		unsafe.Offsetof(st.Mtime) != 112 || unsafe.Offsetof(st.Dev_major) != 136 || unsafe.Offsetof(st.Mnt_id) != 144 {
		t.Error("struct statx layout differs from ParseStatx's")
	}
}

// TestBatching submits many reads and hands them to the kernel with a
// single io_uring_enter.
func TestBatching(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f")
	data := make([]byte, 64*512)
	for i := range data {
		data[i] = byte(i / 512)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	forEach(t, func(t *testing.T, r CompletionRing) bool {
		bufs := make([][]byte, 64)
		var ids []uint64
		for i := range bufs {
			bufs[i] = make([]byte, 512)
			ids = append(ids, submit(t, r, Op{Kind: Read, FD: int32(f.Fd()), Buf: bufs[i], Off: int64(i * 512), UserData: uint64(i)}))
		}
		if r.Pending() != 64 {
			t.Errorf("Pending = %d", r.Pending())
		}
		u, _ := r.(*uring)
		var enters int
		if u != nil {
			enters = u.enters
		}
		if err := r.Flush(); err != nil {
			t.Fatal(err)
		}
		if u != nil {
			if u.enters != enters+1 {
				t.Errorf("Flush made %d io_uring_enter calls", u.enters-enters)
			}
			if head := atomic.LoadUint32(u.sqHead); head != u.tail {
				t.Errorf("kernel consumed up to %d of %d", head, u.tail)
			}
			if err := r.Flush(); err != nil || u.enters != enters+1 {
				t.Errorf("empty Flush made a system call (%v)", err)
			}
		}
		got := await(t, r, ids...)
		for _, c := range got {
			if c.Res != 512 || bufs[c.UserData][0] != byte(c.UserData) {
				t.Errorf("read %d: %d bytes, first %d", c.UserData, c.Res, bufs[c.UserData][0])
			}
		}
		return true
	})
}

// TestZeroAllocs checks that operations on the io_uring backend allocate
// nothing once the ring is set up: file reads, socket sends and receives,
// timeouts, cancels and wakes.
func TestZeroAllocs(t *testing.T) {
	r := newRing(t, BackendIOUring, 64)
	path := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(path, make([]byte, 8192), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, s := tcpPair(t, false)
	buf := make([]byte, 4096)
	msg := []byte("0123456789")
	out := make([]Completion, 8)
	read := Op{Kind: Read, FD: int32(f.Fd()), Buf: buf, Off: 4096}
	send := Op{Kind: Send, FD: c, Buf: msg}
	recv := Op{Kind: Recv, FD: s, Buf: buf}
	tmo := Op{Kind: Timeout, Timeout: time.Hour}
	var cancel Op
	cancel.Kind = Cancel
	wait := func(n int) {
		for n > 0 {
			k, err := r.Wait(out, -1)
			if err != nil {
				t.Fatal(err)
			}
			n -= k
		}
	}
	cases := map[string]func(){
		"pread": func() {
			r.Submit(&read)
			wait(1)
		},
		"send+recv": func() {
			r.Submit(&recv)
			r.Submit(&send)
			wait(2)
		},
		"timeout+cancel": func() {
			id, _ := r.Submit(&tmo)
			cancel.Target = id
			r.Submit(&cancel)
			wait(2)
		},
		"wake": func() {
			r.Wake()
			r.Wait(out, 0)
		},
	}
	for name, f := range cases {
		f() // warm up (slot vectors, runtime structures)
		if a := testing.AllocsPerRun(200, f); a != 0 {
			t.Errorf("%s: %v allocations per run", name, a)
		}
	}
}

func TestBackendSelection(t *testing.T) {
	t.Setenv(EnvBackend, "threads")
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Backend() != BackendThreads {
		t.Errorf("%s=threads gave %s", EnvBackend, r.Backend())
	}
	r.Shutdown()

	t.Setenv(EnvBackend, "")
	r, err = New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Backend() != BackendIOUring {
		t.Errorf("auto gave %s on a kernel with io_uring", r.Backend())
	}
	r.Shutdown()

	t.Setenv(EnvBackend, "bogus")
	if _, err := New(Options{}); err == nil {
		t.Error("bogus backend accepted")
	}
	for _, o := range []Options{{Entries: -1}, {Entries: MaxEntries + 1}, {Workers: -3}} {
		if _, err := New(o); err == nil {
			t.Errorf("New(%+v) succeeded", o)
		}
	}
}
