package term_test

import (
	"bytes"
	"sync"
	"testing"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

var (
	etfFuzzOnce sync.Once
	etfFuzzEnv  *term.Env
	etfFuzzVM   *etfVM
	etfFuzzMu   sync.Mutex
)

// FuzzDecodeExternal checks that arbitrary bytes never make the decoder
// panic, and that whatever it accepts encodes to bytes that decode to an equal
// term and encode the same again.
func FuzzDecodeExternal(f *testing.F) {
	for _, b := range etfOTPBytes {
		f.Add(b)
	}
	f.Add([]byte{131, 80, 0, 0, 0, 103, 120, 218, 203, 102, 72, 97, 160, 3, 0, 0, 82, 232, 0, 208})
	f.Add([]byte("\x83t\x00\x00\x00\x02a\x02a\x01F?\xf0\x00\x00\x00\x00\x00\x00a\x01"))
	f.Add([]byte("\x83l\x00\x00\x00\x02h\x01l\x00\x00\x00\x00jM\x00\x00\x00\x01\x03\xffk\x00\x02ab"))
	f.Add([]byte("\x83c1.5e+3\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		etfFuzzOnce.Do(func() {
			e, _ := etfNewEnv(t)
			etfFuzzEnv, etfFuzzVM = e, newEtfVM(e)
		})
		// The fake VM's tables are not safe for concurrent use.
		etfFuzzMu.Lock()
		defer etfFuzzMu.Unlock()
		e, vm := etfFuzzEnv, etfFuzzVM
		h, err := heap.New(etfArena, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer h.Free()

		x, n, err := term.DecodeExternal(e, h, vm, data, term.DecodeOpts{})
		if err != nil {
			return
		}
		if n < 2 || n > len(data) {
			t.Fatalf("used %d of %d bytes", n, len(data))
		}
		opts := term.DefaultEncodeOpts()
		opts.Funs = vm
		enc, err := term.EncodeExternal(e, x, opts)
		if err != nil {
			t.Fatalf("decoded term does not encode: %v", err)
		}
		if size, err := term.ExternalSize(e, x, opts); err != nil || size <= 0 {
			t.Fatalf("ExternalSize = %d, %v", size, err)
		}
		y, m, err := term.DecodeExternal(e, h, vm, enc, term.DecodeOpts{})
		if err != nil {
			t.Fatalf("re-encoded term does not decode: %v\n% x", err, enc)
		}
		if m != len(enc) {
			t.Fatalf("re-encoded term used %d of %d bytes", m, len(enc))
		}
		if !etfEqual(e, x, y) {
			t.Fatalf("round trip changed the term\n in % x\nout % x", data, enc)
		}
		again, err := term.EncodeExternal(e, y, opts)
		if err != nil || !bytes.Equal(again, enc) {
			t.Fatalf("second encoding differs: %v\n% x\n% x", err, enc, again)
		}
		opts.Compressed = 1
		z, err := term.EncodeExternal(e, x, opts)
		if err != nil {
			t.Fatal(err)
		}
		if w, _, err := term.DecodeExternal(e, h, vm, z, term.DecodeOpts{}); err != nil || !etfEqual(e, x, w) {
			t.Fatalf("compressed round trip: %v", err)
		}
	})
}
