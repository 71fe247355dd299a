package io

import (
	"encoding/binary"
	"errors"
	"testing"
	"time"
)

func TestMock(t *testing.T) {
	m := NewMock()
	if m.Backend() != BackendMock {
		t.Errorf("Backend = %s", m.Backend())
	}
	buf := make([]byte, 8)
	rd, err := m.Submit(&Op{Kind: Read, FD: 3, Buf: buf, Off: -1, UserData: 9})
	if err != nil {
		t.Fatal(err)
	}
	cl, _ := m.Submit(&Op{Kind: Close, FD: 3})
	if _, err := m.Submit(&Op{Kind: Openat, Path: []byte("x")}); !errors.Is(err, ErrInvalidOp) {
		t.Errorf("invalid op: %v", err)
	}
	ops := m.Ops()
	if len(ops) != 2 || ops[0].ID != rd || ops[1].ID != cl || ops[0].Flushed || ops[0].Op.FD != 3 {
		t.Fatalf("Ops = %+v", ops)
	}
	if err := m.Flush(); err != nil || m.Flushes() != 1 || !m.Ops()[1].Flushed {
		t.Fatalf("Flush: %v, %d flushes", err, m.Flushes())
	}
	if m.Pending() != 2 {
		t.Errorf("Pending = %d", m.Pending())
	}

	// The test plays the kernel: fill the buffer, then complete.
	copy(ops[0].Op.Buf, "abc")
	go func() {
		time.Sleep(10 * time.Millisecond)
		m.Complete(rd, 3, 0)
	}()
	out := make([]Completion, 4)
	n, err := m.Wait(out, 5*time.Second)
	if err != nil || n != 1 || out[0] != (Completion{ID: rd, Res: 3, UserData: 9}) || string(buf[:3]) != "abc" {
		t.Fatalf("Wait = %d %v %+v %q", n, err, out[0], buf[:3])
	}
	if err := m.Complete(rd, 0, 0); err == nil {
		t.Error("completed a reaped op again")
	}
	if len(m.Ops()) != 1 {
		t.Errorf("Ops after completion = %+v", m.Ops())
	}
	if n, _ := m.Wait(out, 10*time.Millisecond); n != 0 {
		t.Error("Wait without completions returned some")
	}
	m.Wake()
	start := time.Now()
	if n, _ := m.Wait(out, 10*time.Second); n != 0 || time.Since(start) > time.Second {
		t.Error("Wake did not end Wait")
	}
	if err := m.Complete(cl, -9, 0); err != nil {
		t.Fatal(err)
	}
	if n := m.Reap(out); n != 1 || out[0].Res != -9 || m.Pending() != 0 {
		t.Errorf("Reap = %d %+v, pending %d", n, out[0], m.Pending())
	}
	m.Submit(&Op{Kind: Nop})
	if err := m.Shutdown(); err != nil || m.Pending() != 0 {
		t.Errorf("Shutdown: %v, pending %d", err, m.Pending())
	}
	if _, err := m.Submit(&Op{Kind: Nop}); !errors.Is(err, ErrClosed) {
		t.Errorf("Submit after Shutdown: %v", err)
	}
}

func TestSlotIDs(t *testing.T) {
	s := newSlotTable(2)
	i0, id0, _ := s.alloc()
	_, id1, _ := s.alloc()
	if _, _, ok := s.alloc(); ok {
		t.Fatal("third alloc succeeded")
	}
	if id0 == 0 || id1 == 0 || id0 == id1 || id0&internal != 0 {
		t.Fatalf("ids %x %x", id0, id1)
	}
	s.release(i0)
	if _, ok := s.lookup(id0); ok {
		t.Error("released id still live")
	}
	_, id2, _ := s.alloc()
	if id2 == id0 || uint32(id2) != uint32(id0) {
		t.Errorf("reused slot id %x vs %x", id2, id0)
	}
	if idx, ok := s.lookup(id2); !ok || idx != i0 {
		t.Error("lookup of new id failed")
	}
	for _, bad := range []uint64{0, internal | id2, 7 << 32, 1<<32 | 99} {
		if _, ok := s.lookup(bad); ok {
			t.Errorf("lookup(%x) succeeded", bad)
		}
	}
}

func TestParseStatx(t *testing.T) {
	if _, err := ParseStatx(make([]byte, StatxSize-1)); err == nil {
		t.Error("short buffer accepted")
	}
	b := make([]byte, StatxSize)
	le := binary.LittleEndian
	le.PutUint32(b[0:], 0x7ff)
	le.PutUint16(b[28:], ModeDirectory|0o755)
	le.PutUint64(b[40:], 12345)
	le.PutUint64(b[112:], 1700000000)
	le.PutUint32(b[120:], 5)
	st, err := ParseStatx(b)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mask != 0x7ff || st.Mode != ModeDirectory|0o755 || st.Size != 12345 || !st.Mtime.Equal(time.Unix(1700000000, 5)) {
		t.Errorf("ParseStatx = %+v", st)
	}
}

func TestOpKindString(t *testing.T) {
	if Openat.String() != "openat" || Timeout.String() != "timeout" || OpKind(99).String() != "opkind(99)" {
		t.Error("OpKind names")
	}
}
