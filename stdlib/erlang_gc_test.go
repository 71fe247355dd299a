package stdlib

import (
	"testing"

	"github.com/beamr/beamr/term"
)

// TestGCOtherProcesses checks garbage_collect/1,2 and process_info/2 on a
// pid of no live process. Expected answers from erl (a spawned process that
// has exited): false, async, undefined, undefined, and badarg for an
// unknown item.
func TestGCOtherProcesses(t *testing.T) {
	rt, h, _ := erlTestRuntime(t)
	dead := term.MakePid(99999)
	if res := erlCall(t, rt, "garbage_collect", dead); res.Value != term.AtomFalse {
		t.Errorf("garbage_collect(dead) = %s", term.AppendW(nil, &rt.Env, res.Value))
	}
	opts := h.List(h.Tuple(rt.Atom("async"), rt.Atom("z")))
	if res := erlCall(t, rt, "garbage_collect", dead, opts); res.Value != rt.Atom("async") {
		t.Errorf("garbage_collect(dead, async) = %s", term.AppendW(nil, &rt.Env, res.Value))
	}
	if res := erlCall(t, rt, "process_info", dead, rt.Atom("heap_size")); res.Value != term.AtomUndefined {
		t.Errorf("process_info(dead, heap_size) = %s", term.AppendW(nil, &rt.Env, res.Value))
	}
	if res := erlCall(t, rt, "process_info", dead, h.List(rt.Atom("heap_size"))); res.Value != term.AtomUndefined {
		t.Errorf("process_info(dead, [heap_size]) = %s", term.AppendW(nil, &rt.Env, res.Value))
	}
	if res := erlCall(t, rt, "process_info", dead, rt.Atom("bogus")); res.Reason != term.AtomBadarg {
		t.Errorf("process_info(dead, bogus) did not raise badarg")
	}
}

// TestProcessInfoFreshProcess checks the heap items of a process that has
// just started. erl reports heap_size and total_heap_size 233 (its
// min_heap_size) and memory 2640; a beamr process starts with the smallest
// heap that holds its arguments and first stack (heap.NewFirst), 64 words
// here, and the items say so. The process struct counts as in OTP 25.
func TestProcessInfoFreshProcess(t *testing.T) {
	rt, h, _ := erlTestRuntime(t)
	items := h.List(rt.Atom("heap_size"), rt.Atom("total_heap_size"), rt.Atom("memory"))
	res, err := rt.Apply(term.AtomErlang, rt.Atom("process_info"), []term.Term{term.MakePid(1), items})
	if err != nil || res.Class != 0 {
		t.Fatal(err, res)
	}
	got := string(term.AppendW(nil, &rt.Env, res.Value))
	if got != "[{heap_size,64},{total_heap_size,64},{memory,1288}]" {
		t.Fatalf("process_info = %s", got)
	}
}
