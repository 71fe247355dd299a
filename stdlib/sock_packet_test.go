package stdlib

import "testing"

// TestNextFrame checks packet framing on byte streams cut at every point.
func TestNextFrame(t *testing.T) {
	o := defaultSockOpts()
	cases := []struct {
		name       string
		packet     int8
		size, buf  int
		in         string
		want       int
		wantFrames []string
		tooBig     bool
	}{
		{name: "raw", packet: 0, in: "abcdef", wantFrames: []string{"abcdef"}},
		{name: "raw length", packet: 0, in: "abcdef", want: 4, wantFrames: []string{"abcd"}},
		{name: "packet 1", packet: 1, in: "\x03abc\x00\x01z", wantFrames: []string{"abc", "", "z"}},
		{name: "packet 2", packet: 2, in: "\x00\x02hi\x00\x00", wantFrames: []string{"hi", ""}},
		{name: "packet 4", packet: 4, in: "\x00\x00\x00\x01x", wantFrames: []string{"x"}},
		{name: "packet 2 too big", packet: 2, size: 3, in: "\x00\x04abcd", tooBig: true},
		{name: "line", packet: pkLine, in: "one\ntwo\n\n", wantFrames: []string{"one\n", "two\n", "\n"}},
		{name: "line over buffer", packet: pkLine, buf: 4, in: "abcdefghij\n", wantFrames: []string{"abcd", "efgh", "ij\n"}},
		{name: "line too big", packet: pkLine, size: 3, in: "abcd\n", tooBig: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o.packet, o.packetSize, o.buffer = c.packet, c.size, 1460
			if c.buf > 0 {
				o.buffer = c.buf
			}
			var got []string
			b := []byte(c.in)
			for {
				f, r := nextFrame(b, &o, c.want)
				if r == frameTooBig {
					if !c.tooBig {
						t.Fatalf("too big after %q", got)
					}
					return
				}
				if r == frameNeedMore {
					break
				}
				got = append(got, string(b[f.start:f.end]))
				b = b[f.next:]
				if c.want > 0 {
					break
				}
			}
			if c.tooBig {
				t.Fatalf("got %q, want emsgsize", got)
			}
			if len(got) != len(c.wantFrames) {
				t.Fatalf("frames %q, want %q", got, c.wantFrames)
			}
			for i := range got {
				if got[i] != c.wantFrames[i] {
					t.Fatalf("frames %q, want %q", got, c.wantFrames)
				}
			}
			// A prefix never yields more than the whole does.
			for cut := 0; cut < len(c.in); cut++ {
				if f, r := nextFrame([]byte(c.in[:cut]), &o, c.want); r == frameOK && f.next > cut {
					t.Fatalf("frame past the end of %d bytes", cut)
				}
			}
		})
	}
}

// TestAppendHeader checks the length headers of {packet, N}, cut to the
// header's size as OTP does.
func TestAppendHeader(t *testing.T) {
	for _, c := range []struct {
		packet int8
		n      int
		want   string
	}{
		{0, 5, ""}, {1, 300, "\x2c"}, {2, 258, "\x01\x02"}, {4, 1 << 24, "\x01\x00\x00\x00"},
	} {
		if got := string(appendHeader(nil, c.packet, c.n)); got != c.want {
			t.Errorf("packet %d, %d bytes: header %q, want %q", c.packet, c.n, got, c.want)
		}
	}
}
