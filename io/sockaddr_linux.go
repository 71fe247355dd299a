package io

import (
	"encoding/binary"
	"fmt"
	"net/netip"

	"golang.org/x/sys/unix"
)

// SockaddrSize is the size of struct sockaddr_storage: an Accept Addr
// buffer this large receives any peer address.
const SockaddrSize = 128

// AppendSockaddr appends ap encoded as a Linux struct sockaddr_in (IPv4) or
// sockaddr_in6 (IPv6, with ap's zone as scope id when it is numeric) to dst,
// ready for Connect's Addr.
func AppendSockaddr(dst []byte, ap netip.AddrPort) []byte {
	a := ap.Addr()
	var port [2]byte
	binary.BigEndian.PutUint16(port[:], ap.Port())
	if a.Is4() {
		dst = binary.LittleEndian.AppendUint16(dst, unix.AF_INET)
		dst = append(dst, port[:]...)
		ip := a.As4()
		dst = append(dst, ip[:]...)
		return append(dst, make([]byte, 8)...)
	}
	dst = binary.LittleEndian.AppendUint16(dst, unix.AF_INET6)
	dst = append(dst, port[:]...)
	dst = append(dst, 0, 0, 0, 0) // flow info
	ip := a.As16()
	dst = append(dst, ip[:]...)
	var scope uint32
	if z := a.Zone(); z != "" {
		var n uint32
		if _, err := fmt.Sscanf(z, "%d", &n); err == nil {
			scope = n
		}
	}
	return binary.LittleEndian.AppendUint32(dst, scope)
}

// ParseSockaddr decodes a Linux struct sockaddr_in or sockaddr_in6, such as
// the peer address an Accept wrote into its Addr buffer.
func ParseSockaddr(b []byte) (netip.AddrPort, error) {
	if len(b) < 2 {
		return netip.AddrPort{}, fmt.Errorf("io: sockaddr of %d bytes", len(b))
	}
	switch fam := binary.LittleEndian.Uint16(b); fam {
	case unix.AF_INET:
		if len(b) < 16 {
			return netip.AddrPort{}, fmt.Errorf("io: sockaddr_in of %d bytes", len(b))
		}
		return netip.AddrPortFrom(netip.AddrFrom4([4]byte(b[4:8])), binary.BigEndian.Uint16(b[2:])), nil
	case unix.AF_INET6:
		if len(b) < 28 {
			return netip.AddrPort{}, fmt.Errorf("io: sockaddr_in6 of %d bytes", len(b))
		}
		a := netip.AddrFrom16([16]byte(b[8:24]))
		if scope := binary.LittleEndian.Uint32(b[24:]); scope != 0 {
			a = a.WithZone(fmt.Sprint(scope))
		}
		return netip.AddrPortFrom(a, binary.BigEndian.Uint16(b[2:])), nil
	default:
		return netip.AddrPort{}, fmt.Errorf("io: unsupported address family %d", fam)
	}
}
