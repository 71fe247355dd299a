package iolib

import (
	"testing"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/stdlib/iolib/termtext"
	"github.com/beamr/beamr/term"
)

// FuzzFormat checks that no format and argument list makes Format panic.
func FuzzFormat(f *testing.F) {
	for _, s := range []string{"~w", "~10.3.xs|", "~*.*p", "~..*c", "~-5n", "~.16#", "~tlP", "~e~f~g", "~ts", "~.37b", "~x"} {
		f.Add(s, "[1, \"abc\", 2.5, <<\"bin\">>, 'Ж', {a, [b|c]}, -3, #{k => v}]")
	}
	h0, e := newEnv(f)
	f.Fuzz(func(t *testing.T, format, args string) {
		// A fresh heap per input keeps the arena from filling up.
		h, err := heap.New(h0.A, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer h.Free()
		at, err := termtext.Parse(h, e, args)
		if err != nil {
			return
		}
		_, _ = Format(e, h.String(format), at)
		if e.IsTuple(at) || !term.IsListOrNil(at) {
			return
		}
		for x := at; x.IsList(); x = e.Tl(x) {
			_, _ = Format(e, h.String(format), h.List(e.Hd(x)))
		}
	})
}
