package stdlib

import "encoding/binary"

// Packet framing of received TCP data, as the {packet, _} option asks.

// pkLine is sockOpts.packet for {packet, line}; 0, 1, 2 and 4 stand for
// themselves.
const pkLine = -1

// frame is one packet found at the front of the received bytes: its
// payload is b[start:end], and b[:next] is used up by it.
type frame struct{ start, end, next int }

// frameResult says what nextFrame found.
type frameResult uint8

const (
	frameNeedMore frameResult = iota // no whole packet yet
	frameOK                          // a packet
	frameTooBig                      // a packet over packet_size: emsgsize
)

// nextFrame finds the packet at the front of b under o. want is a passive
// recv's length (0: any): only raw mode may ask for one, and then exactly
// want bytes make the packet.
func nextFrame(b []byte, o *sockOpts, want int) (frame, frameResult) {
	switch o.packet {
	case 0:
		switch {
		case want > 0 && len(b) >= want:
			return frame{0, want, want}, frameOK
		case want == 0 && len(b) > 0:
			return frame{0, len(b), len(b)}, frameOK
		}
		return frame{}, frameNeedMore
	case pkLine:
		limit := o.buffer
		if limit <= 0 {
			limit = 1
		}
		look := b
		if len(look) > limit {
			look = look[:limit]
		}
		for i, c := range look {
			if c == o.lineDelim {
				if o.packetSize > 0 && i+1 > o.packetSize {
					return frame{}, frameTooBig
				}
				return frame{0, i + 1, i + 1}, frameOK
			}
		}
		if o.packetSize > 0 && len(b) > o.packetSize {
			return frame{}, frameTooBig
		}
		if len(b) >= limit {
			return frame{0, limit, limit}, frameOK
		}
		return frame{}, frameNeedMore
	default:
		h := int(o.packet)
		if len(b) < h {
			return frame{}, frameNeedMore
		}
		var n int
		switch h {
		case 1:
			n = int(b[0])
		case 2:
			n = int(binary.BigEndian.Uint16(b))
		default:
			n = int(binary.BigEndian.Uint32(b))
		}
		if (o.packetSize > 0 && n > o.packetSize) || n > maxPacket {
			return frame{}, frameTooBig
		}
		if len(b)-h < n {
			return frame{}, frameNeedMore
		}
		return frame{h, h + n, h + n}, frameOK
	}
}

// maxPacket caps a packet whose header asks for more than any sensible
// packet (the header of {packet, 4} can say 4 GiB).
const maxPacket = 1 << 30

// appendHeader appends the length header {packet, N} puts before n bytes
// of data; like OTP, a length that does not fit the header is cut to its
// low bytes.
func appendHeader(dst []byte, packet int8, n int) []byte {
	switch packet {
	case 1:
		return append(dst, byte(n))
	case 2:
		return binary.BigEndian.AppendUint16(dst, uint16(n))
	case 4:
		return binary.BigEndian.AppendUint32(dst, uint32(n))
	}
	return dst
}
