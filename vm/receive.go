package vm

import "github.com/beamr/beamr/term"

// Receive markers. For the pattern
//
//	Ref = make_ref(), Pid ! {Ref, ...}, receive {Ref, Reply} -> ... end
//
// the compiler reserves a marker before making the reference, binds it to
// the reference and uses it at the receive: no message in the mailbox
// before the marker can hold a reference made after it, so the receive
// starts looking after them. A process keeps one bound marker; it stays
// valid while no message is taken out of the mailbox (mbEpoch), which
// would move the messages after it.

// reserveMarker returns a marker for the mailbox as it is now.
func (p *Process) reserveMarker() term.Term {
	return term.MakeSmall(int64(len(p.mailbox))<<32 | int64(p.mbEpoch))
}

// bindMarker binds marker to the reference ref.
func (p *Process) bindMarker(marker, ref term.Term) {
	id, ok := RefID(p.env(), ref)
	if !ok || !marker.IsSmall() {
		return
	}
	x := p.extra()
	v := marker.Small()
	x.markRef, x.markIdx, x.markEpoch = id, int(v>>32), uint32(v)
}

// clearMarker drops the marker bound to ref.
func (p *Process) clearMarker(ref term.Term) {
	if id, ok := RefID(p.env(), ref); ok && p.ext != nil && p.ext.markRef == id {
		p.ext.markRef = 0
	}
}

// useMarker starts the receive that follows after the messages that were
// in the mailbox when the marker bound to ref was reserved.
func (p *Process) useMarker(ref term.Term) {
	x := p.ext
	if x == nil || x.markRef == 0 {
		return
	}
	if id, ok := RefID(p.env(), ref); !ok || id != x.markRef || x.markEpoch != p.mbEpoch {
		return
	}
	if x.markIdx <= len(p.mailbox) && p.msgPos < x.markIdx {
		p.msgPos = x.markIdx
	}
}
