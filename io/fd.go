package io

import (
	"errors"
	"sync"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// FDState is where an FD is in its life: Open → Closing → Closed.
type FDState uint32

// The states of an FD.
const (
	// FDOpen: the descriptor is usable; operations may start.
	FDOpen FDState = iota
	// FDClosing: a close was decided; no operation starts any more, and the
	// descriptor is closed once the operations in flight have completed.
	FDClosing
	// FDClosed: the descriptor has been closed (exactly once).
	FDClosed
)

// FDKind tells what an FD refers to.
type FDKind uint8

// The kinds of FD.
const (
	KindFile FDKind = iota
	KindSocket
	KindListen
)

// ErrFDClosed is returned by Begin when the FD is no longer open.
var ErrFDClosed = errors.New("io: descriptor closed")

// FDCounters count what happens to the FDs that share them, for tests and
// statistics. The zero value is ready to use.
type FDCounters struct {
	// Opened counts FDs made by NewFD; Closed counts descriptors closed.
	Opened, Closed atomic.Int64
	// OnClose, when set before any FD uses the counters, is called with
	// every descriptor number just after it was closed.
	OnClose func(sys int)
}

// FD is an open file descriptor shared by everything that refers to it. It
// guarantees that the descriptor is closed exactly once and never while an
// operation started with Begin is still in flight: the winner of the
// Open → Closing transition (BeginClose) decides how it is closed, and the
// close happens at once when nothing is in flight, otherwise when the last
// operation ends (End reports it).
type FD struct {
	sys   int32
	kind  FDKind
	state atomic.Uint32

	mu       sync.Mutex
	inflight int32
	closeArg any // what BeginClose's winner passed, for End to return
	// closing is set once a Close operation for the descriptor has been
	// submitted to a ring (SubmittingClose).
	closing bool

	ctr *FDCounters
}

// NewFD wraps the open descriptor sys. ctr may be nil.
func NewFD(sys int, kind FDKind, ctr *FDCounters) *FD {
	f := &FD{sys: int32(sys), kind: kind, ctr: ctr}
	if ctr != nil {
		ctr.Opened.Add(1)
	}
	return f
}

// Sys returns the descriptor number. It is meaningful only between a
// successful Begin and the matching End, or while the state is FDOpen in
// code that holds the FD open by other means.
func (f *FD) Sys() int { return int(f.sys) }

// Kind returns what f refers to.
func (f *FD) Kind() FDKind { return f.kind }

// State returns f's current state.
func (f *FD) State() FDState { return FDState(f.state.Load()) }

// Begin notes that an operation on the descriptor starts. It fails with
// ErrFDClosed once a close has been decided; otherwise the descriptor stays
// open at least until the matching End.
func (f *FD) Begin() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if FDState(f.state.Load()) != FDOpen {
		return ErrFDClosed
	}
	f.inflight++
	return nil
}

// End notes that an operation started with Begin has completed. When it was
// the last one in flight of an FD that is Closing, End returns the argument
// BeginClose's winner passed and true: the caller must now close the
// descriptor (CloseNow, or a Close operation followed by MarkClosed).
func (f *FD) End() (closeArg any, mustClose bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.inflight--
	if f.inflight < 0 {
		panic("io: FD.End without Begin")
	}
	if f.inflight == 0 && FDState(f.state.Load()) == FDClosing && f.closeArg != nil {
		a := f.closeArg
		f.closeArg = nil
		return a, true
	}
	return nil, false
}

// BeginClose moves f from Open to Closing. It reports whether this caller
// won (false: someone else is closing or has closed f) and, for the winner,
// whether the descriptor must be closed now (no operation in flight).
// Otherwise End hands arg (which must not be nil) back to whoever ends the
// last operation.
func (f *FD) BeginClose(arg any) (won, now bool) {
	if arg == nil {
		panic("io: FD.BeginClose with nil argument")
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.state.CompareAndSwap(uint32(FDOpen), uint32(FDClosing)) {
		return false, false
	}
	if f.inflight == 0 {
		return true, true
	}
	f.closeArg = arg
	return true, false
}

// Shutdown shuts a socket down in both directions, so that operations
// waiting on it (receive, send, accept, connect) complete soon. It does
// nothing for files. It is meant for the winner of BeginClose whose close
// must wait for operations in flight.
func (f *FD) Shutdown() {
	if f.kind != KindFile {
		unix.Shutdown(int(f.sys), unix.SHUT_RDWR)
	}
}

// CloseNow closes the descriptor with a system call and marks f Closed.
// Only the winner of BeginClose calls it (or MarkClosed), once.
func (f *FD) CloseNow() error {
	err := unix.Close(int(f.sys))
	f.MarkClosed()
	return err
}

// SubmittingClose notes that the winner of BeginClose is about to submit a
// Close operation for the descriptor; ForceClose then never closes it again.
func (f *FD) SubmittingClose() {
	f.mu.Lock()
	f.closing = true
	f.mu.Unlock()
}

// ForceClose closes the descriptor unless it is closed already or a Close
// operation for it was submitted, whatever is in flight: it is for a
// runtime that is closing, after its rings have shut down (so no operation
// is in flight any more, and a submitted Close has run).
func (f *FD) ForceClose() {
	f.mu.Lock()
	st := FDState(f.state.Load())
	submitted := f.closing
	f.state.Store(uint32(FDClosing))
	f.mu.Unlock()
	switch {
	case st == FDClosed:
		f.state.Store(uint32(FDClosed))
	case submitted:
		f.MarkClosed()
	default:
		f.CloseNow()
	}
}

// MarkClosed records that the descriptor has been closed by a Close
// operation on a ring.
func (f *FD) MarkClosed() {
	if !f.state.CompareAndSwap(uint32(FDClosing), uint32(FDClosed)) {
		panic("io: FD closed twice")
	}
	if f.ctr != nil {
		f.ctr.Closed.Add(1)
		if f.ctr.OnClose != nil {
			f.ctr.OnClose(int(f.sys))
		}
	}
}
