package io

import (
	"fmt"
	"net/netip"
	"slices"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestSocketOps runs accept, connect, send, recv and shutdown over loopback
// TCP, with blocking and non-blocking sockets, on each backend.
func TestSocketOps(t *testing.T) {
	for _, nonblock := range []bool{false, true} {
		t.Run(fmt.Sprint("nonblock=", nonblock), func(t *testing.T) {
			results := forEach(t, func(t *testing.T, r CompletionRing) []string {
				var log []string
				rec := func(name string, res int32) int32 {
					log = append(log, fmt.Sprintf("%s=%d", name, res))
					return res
				}
				l, port := listener(t, nonblock)
				c := tcpSocket(t, nonblock)
				peer := make([]byte, SockaddrSize)
				acc := submit(t, r, Op{Kind: Accept, FD: l, Addr: peer, Flags: unix.SOCK_CLOEXEC})
				// The accept must wait: nobody is connecting yet.
				if n, _ := r.Wait(make([]Completion, 1), 30*time.Millisecond); n != 0 {
					t.Fatal("accept completed without a connection")
				}
				con := submit(t, r, Op{Kind: Connect, FD: c, Addr: AppendSockaddr(nil, netip.MustParseAddrPort(fmt.Sprintf("127.0.0.1:%d", port)))})
				got := await(t, r, acc, con)
				s := got[acc].Res
				if s < 0 {
					t.Fatalf("accept = %d", s)
				}
				defer unix.Close(int(s))
				rec("connect", got[con].Res)
				sa, err := unix.Getsockname(int(c))
				if err != nil {
					t.Fatal(err)
				}
				if ap, err := ParseSockaddr(peer); err != nil || ap.Port() != uint16(sa.(*unix.SockaddrInet4).Port) || ap.Addr() != netip.MustParseAddr("127.0.0.1") {
					t.Errorf("peer address %v %v, client port %d", ap, err, sa.(*unix.SockaddrInet4).Port)
				}

				buf := make([]byte, 16)
				rec("send", do(t, r, Op{Kind: Send, FD: c, Buf: []byte("ping")}))
				if rec("recv", do(t, r, Op{Kind: Recv, FD: s, Buf: buf})) == 4 && string(buf[:4]) != "ping" {
					t.Errorf("recv got %q", buf[:4])
				}
				// A recv with nothing to read waits, also on a non-blocking
				// socket, until the peer sends.
				rv := submit(t, r, Op{Kind: Recv, FD: c, Buf: buf, UserData: 42})
				if n, _ := r.Wait(make([]Completion, 1), 30*time.Millisecond); n != 0 {
					t.Fatal("recv completed without data")
				}
				sd := submit(t, r, Op{Kind: Send, FD: s, Buf: []byte("pong!")})
				got = await(t, r, rv, sd)
				rec("recv waited", got[rv].Res)
				rec("send pong", got[sd].Res)
				if got[rv].UserData != 42 || string(buf[:5]) != "pong!" {
					t.Errorf("recv completion %+v data %q", got[rv], buf[:5])
				}
				// MSG_WAITALL gathers two sends into one full buffer.
				wa := submit(t, r, Op{Kind: Recv, FD: s, Buf: buf[:6], Flags: unix.MSG_WAITALL})
				rec("send 1", do(t, r, Op{Kind: Send, FD: c, Buf: []byte("abc")}))
				time.Sleep(10 * time.Millisecond)
				rec("send 2", do(t, r, Op{Kind: Send, FD: c, Buf: []byte("defg")}))
				rec("recv waitall", await(t, r, wa)[wa].Res)
				rec("recv rest", do(t, r, Op{Kind: Recv, FD: s, Buf: buf}))
				rec("recv dontwait", do(t, r, Op{Kind: Recv, FD: s, Buf: buf, Flags: unix.MSG_DONTWAIT}))
				// Read (not Recv) on a socket with no data waits too, even
				// on a non-blocking socket.
				rd := submit(t, r, Op{Kind: Read, FD: c, Buf: buf, Off: -1})
				if n, _ := r.Wait(make([]Completion, 1), 30*time.Millisecond); n != 0 {
					t.Fatal("read completed without data")
				}
				sl := submit(t, r, Op{Kind: Send, FD: s, Buf: []byte("late")})
				got = await(t, r, rd, sl)
				rec("send late", got[sl].Res)
				rec("read waited", got[rd].Res)
				rec("shutdown wr", do(t, r, Op{Kind: Shutdown, FD: s, Flags: unix.SHUT_WR}))
				rec("recv eof", do(t, r, Op{Kind: Recv, FD: c, Buf: buf}))
				rec("write", do(t, r, Op{Kind: Write, FD: c, Buf: []byte("xy"), Off: -1}))
				rec("read", do(t, r, Op{Kind: Read, FD: s, Buf: buf, Off: -1}))
				rec("accept bad flags", do(t, r, Op{Kind: Accept, FD: l, Flags: 1}))
				rec("shutdown file", do(t, r, Op{Kind: Shutdown, FD: l, Flags: 99}))

				// Connecting to a port nobody listens on is refused.
				l2, port2 := listener(t, false)
				unix.Close(int(l2))
				c2 := tcpSocket(t, nonblock)
				rec("connect refused", do(t, r, Op{Kind: Connect, FD: c2, Addr: loopback(port2)}))
				return log
			})
			u, th := results[BackendIOUring], results[BackendThreads]
			if !slices.Equal(u, th) {
				t.Errorf("backends differ:\nio_uring %v\nthreads  %v", u, th)
			}
			want := []string{"connect=0", "send=4", "recv=4", "recv waited=5", "send pong=5", "send 1=3", "send 2=4",
				"recv waitall=6", "recv rest=1", fmt.Sprintf("recv dontwait=%d", eAGAIN)}
			want = append(want, "send late=4", "read waited=4", "shutdown wr=0", "recv eof=0", "write=2", "read=2",
				fmt.Sprintf("accept bad flags=%d", eINVAL), fmt.Sprintf("shutdown file=%d", eINVAL),
				fmt.Sprintf("connect refused=%d", eCONNREFUS))
			if !slices.Equal(u, want) {
				t.Errorf("io_uring results\n got %v\nwant %v", u, want)
			}
		})
	}
}

func TestSockaddr(t *testing.T) {
	for _, s := range []string{"127.0.0.1:80", "[::1]:8080", "[fe80::1%3]:1", "0.0.0.0:0"} {
		ap := netip.MustParseAddrPort(s)
		b := AppendSockaddr(nil, ap)
		back, err := ParseSockaddr(b)
		if err != nil || back != ap {
			t.Errorf("%s: round trip %v %v", s, back, err)
		}
	}
	if len(AppendSockaddr(nil, netip.MustParseAddrPort("1.2.3.4:5"))) != 16 || len(AppendSockaddr(nil, netip.MustParseAddrPort("[::]:5"))) != 28 {
		t.Error("sockaddr sizes")
	}
	for _, b := range [][]byte{nil, {2}, {2, 0, 1}, {10, 0, 0, 0}, {1, 0, 0, 0}} {
		if _, err := ParseSockaddr(b); err == nil {
			t.Errorf("ParseSockaddr(%v) succeeded", b)
		}
	}
}
