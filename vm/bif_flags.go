package vm

import (
	"fmt"
	"time"

	"github.com/beamr/beamr/term"
)

// erlang:process_flag/2 and the max_heap_size limit.

func registerFlagBIFs(rt *Runtime) {
	rt.Register("erlang", "process_flag", 2, func(p *Process, a []term.Term) term.Term {
		return p.processFlag(a[0], a[1])
	})
}

func boolTerm(b bool) term.Term {
	if b {
		return term.AtomTrue
	}
	return term.AtomFalse
}

// processFlag sets flag to v and returns its old value.
func (p *Process) processFlag(flag, v term.Term) term.Term {
	h := p.Heap
	isBool := v == term.AtomTrue || v == term.AtomFalse
	switch flag {
	case p.Atom("trap_exit"):
		if !isBool {
			return p.BadArg()
		}
		old := p.trapExit
		p.trapExit = v == term.AtomTrue
		return boolTerm(old)
	case p.Atom("priority"):
		pr, ok := p.priorityOf(v)
		if !ok {
			return p.BadArg()
		}
		old := p.prio
		p.prio = pr
		return p.priorityName(old)
	case p.Atom("min_heap_size"):
		if !v.IsSmall() || v.Small() < 0 {
			return p.BadArg()
		}
		old := p.Heap.MinHeapSize
		p.Heap.MinHeapSize = max(uint64(v.Small()), 1)
		return h.Uint(old)
	case p.Atom("min_bin_vheap_size"):
		if !v.IsSmall() || v.Small() < 0 {
			return p.BadArg()
		}
		old := p.MinBinVHeapSize()
		p.extra().minBinVHeap = uint64(v.Small())
		return h.Uint(old)
	case p.Atom("max_heap_size"):
		mh, ok := p.parseMaxHeap(v, maxHeapSize{kill: true, errorLogger: true})
		if !ok {
			return p.BadArg()
		}
		old := p.maxHeapMap(p.maxHeapSize())
		p.setMaxHeap(mh)
		return old
	case p.Atom("message_queue_data"):
		if v != p.Atom("on_heap") && v != p.Atom("off_heap") {
			return p.BadArg()
		}
		old := p.Atom("on_heap")
		if p.ext != nil && p.ext.offHeapMsgs {
			old = p.Atom("off_heap")
		}
		if v == p.Atom("off_heap") || p.ext != nil {
			p.extra().offHeapMsgs = v == p.Atom("off_heap")
		}
		return old
	case p.Atom("sensitive"), p.Atom("save_calls"):
		if flag == p.Atom("save_calls") {
			if !v.IsSmall() || v.Small() < 0 || v.Small() > 10000 {
				return p.BadArg()
			}
			return term.MakeSmall(0)
		}
		if !isBool {
			return p.BadArg()
		}
		old := p.ext != nil && p.ext.sensitive
		if v == term.AtomTrue || p.ext != nil {
			p.extra().sensitive = v == term.AtomTrue
		}
		return boolTerm(old)
	case p.Atom("error_handler"):
		if !v.IsAtom() {
			return p.BadArg()
		}
		old := p.ErrorHandler()
		p.extra().errorHandler = v
		return old
	}
	return p.BadArg()
}

// parseMaxHeap reads a max_heap_size value: a size in words, or a map of
// size, kill, error_logger and include_shared_binaries; keys a map leaves
// out keep the values of def.
func (p *Process) parseMaxHeap(v term.Term, def maxHeapSize) (maxHeapSize, bool) {
	env := p.env()
	mh := def
	if v.IsSmall() {
		if v.Small() < 0 {
			return mh, false
		}
		mh.size = uint64(v.Small())
		return mh, true
	}
	if !env.IsMap(v) {
		return mh, false
	}
	keys, vals := MapPairs(env, v)
	for i, k := range keys {
		val := vals[i]
		switch k {
		case p.Atom("size"):
			if !val.IsSmall() || val.Small() < 0 {
				return mh, false
			}
			mh.size = uint64(val.Small())
		case p.Atom("kill"):
			if val != term.AtomTrue && val != term.AtomFalse {
				return mh, false
			}
			mh.kill = val == term.AtomTrue
		case p.Atom("error_logger"):
			if val != term.AtomTrue && val != term.AtomFalse {
				return mh, false
			}
			mh.errorLogger = val == term.AtomTrue
		case p.Atom("include_shared_binaries"):
			if val != term.AtomTrue && val != term.AtomFalse {
				return mh, false
			}
			mh.inclShared = val == term.AtomTrue
		default:
			return mh, false
		}
	}
	if mh.size != 0 && mh.size < p.Heap.MinHeapSize {
		return mh, false
	}
	return mh, true
}

// maxHeapMap is the max_heap_size setting as process_info shows it.
func (p *Process) maxHeapMap(mh maxHeapSize) term.Term {
	return p.NewMap(
		[]term.Term{p.Atom("error_logger"), p.Atom("include_shared_binaries"), p.Atom("kill"), p.Atom("size")},
		[]term.Term{boolTerm(mh.errorLogger), boolTerm(mh.inclShared), boolTerm(mh.kill), p.Heap.Uint(mh.size)})
}

// MaxHeapInfo returns the max_heap_size setting as process_info shows it.
func (p *Process) MaxHeapInfo() term.Term { return p.maxHeapMap(p.maxHeapSize()) }

// maxHeapKill unwinds a process that outgrew its max_heap_size.
type maxHeapKill struct{}

// checkMaxHeap runs after each collection: a process whose heap is larger
// than its max_heap_size is reported and, with kill set, killed.
func (p *Process) checkMaxHeap() {
	if p.ext == nil || p.ext.maxHeap.size == 0 {
		return
	}
	mh := p.ext.maxHeap
	total := p.Heap.Size()
	if total <= mh.size {
		return
	}
	if mh.errorLogger {
		now := time.Now()
		msg := fmt.Sprintf("=ERROR REPORT==== %d-%s-%d::%02d:%02d:%02d.%06d ===\n"+
			"    Process:          %s \n    Context:          maximum heap size reached\n"+
			"    Max Heap Size:    %d\n    Total Heap Size:  %d\n    Kill:             %t\n"+
			"    Error Logger:     %t\n    Message Queue Len: %d\n\n",
			now.Day(), now.Month().String()[:3], now.Year(), now.Hour(), now.Minute(), now.Second(),
			now.Nanosecond()/1000, term.AppendW(nil, p.env(), p.Pid), mh.size, total, mh.kill, mh.errorLogger,
			len(p.mailbox))
		p.rt.stdoutMu.Lock()
		p.rt.cfg.Stderr.Write([]byte(msg))
		p.rt.stdoutMu.Unlock()
	}
	if mh.kill {
		panic(maxHeapKill{})
	}
}

// defaultMaxHeap is the max_heap_size setting of a process that has not
// changed it: no limit, kill and report on.
var defaultMaxHeap = maxHeapSize{kill: true, errorLogger: true}

// maxHeapSize returns p's max_heap_size setting.
func (p *Process) maxHeapSize() maxHeapSize {
	if p.ext == nil {
		return defaultMaxHeap
	}
	return p.ext.maxHeap
}

// setMaxHeap changes p's max_heap_size setting.
func (p *Process) setMaxHeap(mh maxHeapSize) {
	if p.ext == nil && mh == defaultMaxHeap {
		return
	}
	p.extra().maxHeap = mh
}
